/**
 * The toolbar popup: what you saved, newest first. It reads one page of items through the
 * savedAt index (instant with tens of thousands of items) and changes things only through
 * messages to the background.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { StoredItem } from '../../core/items';
import { send } from '../../messaging/send';
import { summarySource } from '../../core/items';
import { builtinGist } from '../../summarize/builtin';
import { openStroomDB } from '../../store/db';
import type { StroomDatabase } from '../../store/db';
import { listItems } from '../../store/items';
import { t } from '../shared/i18n';
import { ItemList } from './ItemList';
import { SiteActions } from './SiteActions';
import { TodayView } from './TodayView';

export const PAGE_SIZE = 50;
/** How many gists one popup opening asks the on-device model for. */
const GIST_BATCH = 10;

type Load = { state: 'loading' } | { state: 'ready'; items: StoredItem[]; more: boolean } | { state: 'error'; message: string };

export function App({ now = Date.now() }: { now?: number }) {
  const db = useRef<Promise<StroomDatabase> | null>(null);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [undo, setUndo] = useState<StoredItem | null>(null);
  const [view, setView] = useState<'today' | 'saved'>('saved');
  const undoButton = useRef<HTMLButtonElement>(null);

  const database = () => (db.current ??= openStroomDB());

  /** Read the newest page of items (on opening, and after this popup saved something). */
  const reload = useCallback(() => {
    database()
      .then((opened) => listItems(opened, { limit: PAGE_SIZE + 1 }))
      .then((items) => setLoad({ state: 'ready', items: items.slice(0, PAGE_SIZE), more: items.length > PAGE_SIZE }))
      .catch((error: unknown) => setLoad({ state: 'error', message: String(error) }));
  }, []);

  useEffect(reload, []);

  useEffect(() => {
    // Where Chrome's on-device Summarizer is available (window contexts only, so here and not
    // in the service worker), add a one-line gist to the first items that lack one.
    if (load.state !== 'ready') return;
    const missing = load.items.filter((item) => !item.gist && item.lang && item.lang !== 'other').slice(0, GIST_BATCH);
    if (missing.length === 0) return;
    const stop = new AbortController();
    void (async () => {
      for (const item of missing) {
        const gist = await builtinGist(summarySource(item), item.lang ?? 'other', undefined, stop.signal);
        if (!gist || stop.signal.aborted) return; // unavailable for this language: stop asking
        await send('set-gist', { key: item.key, gist });
        setLoad((current) =>
          current.state === 'ready' ? { ...current, items: current.items.map((entry) => (entry.key === item.key ? { ...entry, gist } : entry)) } : current,
        );
      }
    })();
    return () => stop.abort();
  }, [load.state === 'ready' && load.items.length]);

  useEffect(() => {
    // Read by `npm run bench`: time from navigation to the first list on screen.
    if (load.state === 'ready') performance.mark('stroom:popup-ready');
  }, [load.state]);

  const loadMore = useCallback(async () => {
    if (load.state !== 'ready') return;
    const last = load.items[load.items.length - 1];
    if (!last) return;
    const next = await listItems(await database(), { limit: PAGE_SIZE + 1, after: { savedAt: last.savedAt, key: last.key } });
    setLoad({ state: 'ready', items: [...load.items, ...next.slice(0, PAGE_SIZE)], more: next.length > PAGE_SIZE });
  }, [load]);

  const remove = useCallback(
    async (item: StoredItem) => {
      const { removed } = await send('delete-item', { key: item.key });
      setLoad((current) => (current.state === 'ready' ? { ...current, items: current.items.filter((entry) => entry.key !== item.key) } : current));
      if (removed) {
        setUndo(removed);
        // Keep keyboard users in place: the Undo button is the next useful thing.
        requestAnimationFrame(() => undoButton.current?.focus());
      }
    },
    [],
  );

  const restore = useCallback(async () => {
    if (!undo) return;
    await send('restore-item', { item: undo });
    setUndo(null);
    setLoad((current) =>
      current.state === 'ready'
        ? { ...current, items: [...current.items, undo].sort((a, b) => b.savedAt - a.savedAt || (a.key < b.key ? 1 : -1)) }
        : current,
    );
  }, [undo]);

  return (
    <main class="popup">
      <header class="popup-header">
        <img src="icons/icon-32.png" alt="" width={20} height={20} />
        <h1>{t('popupTitle')}</h1>
      </header>
      <SiteActions onSaved={reload} />
      <nav class="tabs" aria-label={t('popupViews')}>
        <button type="button" class="tab" aria-pressed={view === 'today'} onClick={() => setView('today')}>
          {t('tabToday')}
        </button>
        <button type="button" class="tab" aria-pressed={view === 'saved'} onClick={() => setView('saved')}>
          {t('tabSaved')}
        </button>
      </nav>
      {view === 'today' && <TodayView />}
      {view === 'saved' && load.state === 'loading' && <p class="quiet" aria-busy="true" />}
      {view === 'saved' && load.state === 'error' && (
        <p class="error" role="alert">
          {t('errorLoading', [load.message])}
        </p>
      )}
      {view === 'saved' && load.state === 'ready' && load.items.length === 0 && (
        <section class="empty">
          <h2>{t('emptyTitle')}</h2>
          <p>{t('emptyBody')}</p>
          <p class="quiet">{t('emptyHint')}</p>
        </section>
      )}
      {view === 'saved' && load.state === 'ready' && load.items.length > 0 && <ItemList items={load.items} now={now} onDelete={(item) => void remove(item)} />}
      {view === 'saved' && load.state === 'ready' && load.more && (
        <button type="button" class="text-button" onClick={() => void loadMore()}>
          {t('loadMore')}
        </button>
      )}
      <div class="toast" role="status" aria-live="polite">
        {undo && (
          <>
            <span>{t('deleted')}</span>
            <button type="button" class="text-button" ref={undoButton} onClick={() => void restore()}>
              {t('undo')}
            </button>
          </>
        )}
      </div>
    </main>
  );
}

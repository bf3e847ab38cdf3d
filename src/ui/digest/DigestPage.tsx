/**
 * The full-page digest: one day's themes with their key points, each saved post (author, site,
 * summary, a link to the original), mark read or archive per post or per theme, a kind line about
 * what was let go, counts per site, and the other days to browse. Digests come from the
 * background ('get-digest'); the posts themselves are read straight from IndexedDB, like the popup.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { StoredItem } from '../../core/items';
import type { Digest, DigestEntry, DigestTheme } from '../../digest/types';
import { letGoNote } from '../../digest/letgo';
import { localDay, systemTimeZone } from '../../digest/schedule';
import { send } from '../../messaging/send';
import { openStroomDB } from '../../store/db';
import { t, uiLanguage } from '../shared/i18n';
import { SITE_LABELS, excerpt, safeHref } from '../shared/sites';

type Load = { state: 'loading' } | { state: 'ready'; digest: Digest | null; items: Map<string, StoredItem> } | { state: 'error'; message: string };

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** "Tuesday 10 March" in the UI language; the day is a calendar date, so format it in UTC. */
export function dayLabel(day: string, language = uiLanguage()): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

export async function readItems(keys: readonly string[]): Promise<Map<string, StoredItem>> {
  const db = await openStroomDB();
  const tx = db.transaction('items');
  const found = await Promise.all(keys.map((key) => tx.store.get(key)));
  await tx.done;
  const items = new Map<string, StoredItem>();
  for (const item of found) if (item) items.set(item.key, item);
  return items;
}

export function DigestPage({ initialDay }: { initialDay?: string }) {
  const today = localDay(Date.now(), systemTimeZone());
  const [day, setDay] = useState(initialDay && DAY_PATTERN.test(initialDay) ? initialDay : today);
  const [days, setDays] = useState<string[]>([today]);
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    // Opening the digest is looking at it: the toolbar dot goes away.
    send('digest-seen', {}).catch(() => undefined);
    send('list-digest-days', {})
      .then(({ days: stored }) => setDays([...new Set([today, ...stored])].sort().reverse()))
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    let current = true;
    setLoad({ state: 'loading' });
    send('get-digest', { day })
      .then(async ({ stored }) => {
        const digest = stored?.digest ?? null;
        const items = digest ? await readItems(digest.themes.flatMap((theme) => theme.items)) : new Map<string, StoredItem>();
        if (current) setLoad({ state: 'ready', digest, items });
      })
      .catch((error: unknown) => current && setLoad({ state: 'error', message: String(error instanceof Error ? error.message : error) }));
    return () => {
      current = false;
    };
  }, [day]);

  useEffect(() => {
    if (load.state === 'ready') performance.mark('stroom:digest-ready');
  }, [load.state]);

  const mark = useCallback(async (keys: string[], status: 'unread' | 'read' | 'archived') => {
    await send('mark-items', { keys, status });
    setLoad((current) => {
      if (current.state !== 'ready') return current;
      const items = new Map(current.items);
      for (const key of keys) {
        const item = items.get(key);
        if (item) items.set(key, { ...item, status });
      }
      return { ...current, items };
    });
  }, []);

  const index = days.indexOf(day);
  const older = index >= 0 ? days[index + 1] : undefined;
  const newer = index > 0 ? days[index - 1] : undefined;
  const choose = (next: string) => {
    setDay(next);
    history.replaceState(null, '', `?day=${next}`);
  };

  return (
    <main class="page digest">
      <header class="digest-header">
        <h1>{t('digestTitle')}</h1>
        <p class="digest-day">{day === today ? `${t('digestToday')} · ${dayLabel(day)}` : dayLabel(day)}</p>
        <nav class="digest-nav" aria-label={t('digestDayNav')}>
          <button type="button" class="text-button" disabled={!older} onClick={() => older && choose(older)}>
            ← {t('digestPreviousDay')}
          </button>
          <label class="digest-pick">
            <span>{t('digestPickDay')}</span>
            <select value={day} onChange={(event) => choose((event.currentTarget as HTMLSelectElement).value)}>
              {(days.includes(day) ? days : [day, ...days]).map((option) => (
                <option key={option} value={option}>
                  {dayLabel(option)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" class="text-button" disabled={!newer} onClick={() => newer && choose(newer)}>
            {t('digestNextDay')} →
          </button>
        </nav>
      </header>
      {load.state === 'loading' && <p class="quiet">{t('digestLoading')}</p>}
      {load.state === 'error' && <p class="error">{t('digestError', [load.message])}</p>}
      {load.state === 'ready' && <DigestView digest={load.digest} items={load.items} onMark={mark} />}
      <LetGoSection />
    </main>
  );
}

type Mark = (keys: string[], status: 'unread' | 'read' | 'archived') => void;

export function DigestView({ digest, items, onMark }: { digest: Digest | null; items: Map<string, StoredItem>; onMark: Mark }) {
  const lang = uiLanguage().toLowerCase().startsWith('nl') ? 'nl' : 'en';
  const note = digest ? letGoNote(digest.letGo, lang) : null;
  if (!digest || digest.total === 0) {
    return (
      <section class="digest-empty">
        {note && <p class="digest-letgo">{note}</p>}
        <p>{t('digestEmpty')}</p>
        <p class="quiet">{t('digestEmptyHint')}</p>
      </section>
    );
  }
  const themes = digest.themes.filter((theme) => !theme.other).length;
  return (
    <>
      <section class="digest-overview" aria-label={t('digestBySite')}>
        <p>{t('digestOverview', [String(digest.total), String(themes), String(digest.readingMinutes)])}</p>
        <ul class="digest-sites">
          {digest.bySite.map(({ site, count }) => (
            <li key={site}>{t('digestSiteCount', [SITE_LABELS[site], String(count)])}</li>
          ))}
        </ul>
        {note && <p class="digest-letgo">{note}</p>}
      </section>
      {digest.themes.map((theme) => (
        <ThemeSection key={theme.id} theme={theme} items={items} onMark={onMark} />
      ))}
    </>
  );
}

function ThemeSection({ theme, items, onMark }: { theme: DigestTheme; items: Map<string, StoredItem>; onMark: Mark }) {
  const headingId = `theme-${theme.id}`;
  return (
    <section class="digest-theme" aria-labelledby={headingId} data-theme={theme.id}>
      <div class="digest-theme-head">
        <h2 id={headingId}>{theme.label}</h2>
        <span class="quiet">{t('digestThemeCount', [String(theme.items.length)])}</span>
      </div>
      {theme.sentences.length > 0 && (
        <ul class="digest-sentences" aria-label={t('digestKeyPoints')}>
          {theme.sentences.map((sentence, index) => (
            <li key={index}>{sentence}</li>
          ))}
        </ul>
      )}
      <div class="digest-theme-actions">
        <button type="button" class="text-button" aria-label={t('digestMarkThemeReadLabel', [theme.label])} onClick={() => onMark(theme.items, 'read')}>
          {t('digestMarkThemeRead')}
        </button>
        <button type="button" class="text-button" aria-label={t('digestArchiveThemeLabel', [theme.label])} onClick={() => onMark(theme.items, 'archived')}>
          {t('digestArchiveTheme')}
        </button>
      </div>
      <ul class="digest-entries">
        {theme.entries.map((entry) => (
          <EntryRow key={entry.key} entry={entry} items={items} onMark={onMark} />
        ))}
      </ul>
    </section>
  );
}

const STATUS_TEXT: Record<StoredItem['status'], string | null> = {
  unread: null,
  read: 'digestStatusRead',
  archived: 'digestStatusArchived',
  letgo: 'digestStatusLetGo',
};

function EntryRow({ entry, items, onMark }: { entry: DigestEntry; items: Map<string, StoredItem>; onMark: Mark }) {
  const item = items.get(entry.key);
  if (!item) return <li class="digest-entry quiet">{t('digestItemGone')}</li>;
  const author = item.authorName ?? item.authorHandle ?? t('digestUnknownAuthor');
  const body = item.summary?.length ? item.summary.join(' ') : item.title ? `${item.title} — ${item.text}` : item.text;
  const href = safeHref(item.permalink) ?? safeHref(item.linkUrl);
  const others = entry.sources.slice(1).map((source) => source.author ?? SITE_LABELS[source.site]);
  const statusName = STATUS_TEXT[item.status];
  return (
    <li class={`digest-entry status-${item.status}`} data-stroom-item={item.key}>
      <div class="item-meta">
        <span class="item-author">{author}</span>
        <span class={`item-site site-${item.site}`}>{SITE_LABELS[item.site]}</span>
        {statusName && <span class="digest-status">{t(statusName)}</span>}
      </div>
      <p class="digest-text">{excerpt(body, 400)}</p>
      {others.length > 0 && <p class="quiet digest-shared">{t('digestSharedBy', [others.join(', ')])}</p>}
      <div class="digest-entry-actions">
        {href && (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {t('digestOpenOriginal')}
          </a>
        )}
        {item.status === 'unread' ? (
          <button type="button" class="text-button" aria-label={t('digestMarkReadLabel', [author])} onClick={() => onMark(entry.keys, 'read')}>
            {t('digestMarkRead')}
          </button>
        ) : (
          <button type="button" class="text-button" aria-label={t('digestMarkUnreadLabel', [author])} onClick={() => onMark(entry.keys, 'unread')}>
            {t('digestMarkUnread')}
          </button>
        )}
        {item.status !== 'archived' && (
          <button type="button" class="text-button" aria-label={t('digestArchiveLabel', [author])} onClick={() => onMark(entry.keys, 'archived')}>
            {t('digestArchive')}
          </button>
        )}
      </div>
    </li>
  );
}

/** Newest let-go items first, at most `limit`, through the status index. */
export async function readLetGo(limit = 200): Promise<StoredItem[]> {
  const db = await openStroomDB();
  const items = await db.getAllFromIndex('items', 'statusSavedAt', IDBKeyRange.bound(['letgo', -Infinity], ['letgo', Infinity]));
  return items.reverse().slice(0, limit);
}

/**
 * Where let-go posts are, as the digest's note promises: closed by default (no count, nothing
 * to clear), each post can be kept again (back to unread) or opened.
 */
function LetGoSection() {
  const [items, setItems] = useState<StoredItem[] | null>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (open && items === null) readLetGo().then(setItems).catch(() => setItems([]));
  }, [open]);
  const keep = async (item: StoredItem) => {
    await send('mark-items', { keys: [item.key], status: 'unread' });
    setItems((current) => (current ?? []).filter((entry) => entry.key !== item.key));
  };
  return (
    <details class="digest-letgo-list" onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t('digestLetGoTitle')}</summary>
      {items === null ? null : items.length === 0 ? (
        <p class="quiet">{t('digestLetGoEmpty')}</p>
      ) : (
        <ul class="digest-entries">
          {items.map((item) => {
            const author = item.authorName ?? item.authorHandle ?? t('digestUnknownAuthor');
            const href = safeHref(item.permalink) ?? safeHref(item.linkUrl);
            return (
              <li key={item.key} class="digest-entry status-letgo" data-stroom-item={item.key}>
                <div class="item-meta">
                  <span class="item-author">{author}</span>
                  <span class={`item-site site-${item.site}`}>{SITE_LABELS[item.site]}</span>
                </div>
                <p class="digest-text">{excerpt(item.summary?.length ? item.summary.join(' ') : item.text, 200)}</p>
                <div class="digest-entry-actions">
                  {href && (
                    <a href={href} target="_blank" rel="noopener noreferrer">
                      {t('digestOpenOriginal')}
                    </a>
                  )}
                  <button type="button" class="text-button" aria-label={t('digestKeepLabel', [author])} onClick={() => void keep(item)}>
                    {t('digestKeep')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </details>
  );
}

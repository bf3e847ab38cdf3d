/**
 * Stroom's content script, started by a small per-site entry (src/content/entries/<site>.ts) so
 * each site loads only its own adapter. It watches the feed while the page is one the adapter
 * handles, follows single-page-app navigation (LinkedIn, YouTube, Facebook and X change pages
 * without reloading), and stops cleanly when the extension is updated or disabled.
 */
import { itemKey } from '../core/items';
import type { FeedItem, SiteAdapter } from '../sites/types';
import { selfThreadOf } from './thread';
import { thinRuntime } from '../messaging/runtime';
import { ExtensionContextGone, extensionAlive, send } from '../messaging/send';
import { FeedWatcher } from './feed';
import { startFeedFeatures } from './divider';
import { debugBadges } from './badges';
import { listenForSaveCommand } from './commands';
import { watchHealth } from './health';

export function startContentScript(adapter: SiteAdapter): void {
  const lifetime = new AbortController(); // the whole script: ends when the extension goes away
  let feed: AbortController | null = null; // one feed page: ends on navigating away from it
  let watcher: FeedWatcher | null = null;

  const follow = () => {
    if (!extensionAlive()) {
      lifetime.abort();
      return;
    }
    const onFeed = adapter.matches(new URL(location.href), document);
    if (onFeed && !feed) {
      feed = new AbortController();
      // Tells the popup (reading this isolated world through scripting) which feed this is.
      const scope = globalThis as { __stroomFeedSite?: string };
      scope.__stroomFeedSite = adapter.site;
      feed.signal.addEventListener('abort', () => delete scope.__stroomFeedSite, { once: true });
      watcher = watchFeed(adapter, feed.signal, () => lifetime.abort());
    } else if (!onFeed && feed) {
      feed.abort();
      feed = null;
      watcher = null;
    }
  };
  lifetime.signal.addEventListener('abort', () => feed?.abort(), { once: true });
  follow();
  // The keyboard command (Alt+Shift+S), relayed by the background (issue 3).
  listenForSaveCommand(adapter, lifetime.signal, (id) => watcher?.showSaved(id));

  let lastUrl = location.href;
  const onMaybeNavigated = () => {
    if (location.href === lastUrl) return;
    lastUrl = location.href;
    follow();
  };
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation) navigation.addEventListener('navigatesuccess', onMaybeNavigated, { signal: lifetime.signal });
  else {
    // No Navigation API (Firefox before it shipped): a URL comparison per batch of DOM changes.
    const observer = new MutationObserver(onMaybeNavigated);
    observer.observe(document.documentElement, { childList: true, subtree: true });
    lifetime.signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  }
  addEventListener('popstate', onMaybeNavigated, { signal: lifetime.signal });
}

function watchFeed(adapter: SiteAdapter, signal: AbortSignal, onContextGone: () => void): FeedWatcher {
  const t = (name: string, substitutions?: string[]): string => thinRuntime().i18n.getMessage(name, substitutions);
  const guard = async <T>(work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } catch (error) {
      if (error instanceof ExtensionContextGone) onContextGone();
      throw error;
    }
  };
  // Read the strings once; only the author changes from item to item.
  const AUTHOR = '\u0001';
  const named = t('saveControlLabel', [AUTHOR]);
  const anonymous = t('saveControlLabelNoAuthor');
  const namedSaved = t('savedControlLabel', [AUTHOR]);
  const anonymousSaved = t('savedControlLabelNoAuthor');
  const save = t('saveControlText');
  const saved = t('savedControlText');

  // The caught-up divider and the optional session nudge (issue 5).
  const local = thinRuntime().storage?.local;
  const extras = startFeedFeatures({
    document,
    site: adapter.site,
    storage: { get: async (key) => (local ? (await local.get(key))[key] : undefined), set: async (key, value) => void (await local?.set({ [key]: value })) },
    t,
    language: thinRuntime().i18n.getUILanguage(),
    signal,
  });
  // Adapter health and the debug badges (issue 3).
  watchHealth(adapter, signal, (report) => guard(send('report-health', report)));
  const badges = debugBadges(
    document,
    (local?.get('settings') ?? Promise.resolve<Record<string, unknown>>({})).then((stored) => (stored.settings as { debugBadges?: unknown } | undefined)?.debugBadges === true),
  );
  const watcher = new FeedWatcher({
    adapter,
    document,
    pageUrl: () => new URL(location.href),
    labels: (item: FeedItem) => {
      const author = item.authorName;
      return {
        name: author ? named.replace(AUTHOR, () => author) : anonymous,
        savedName: author ? namedSaved.replace(AUTHOR, () => author) : anonymousSaved,
        save,
        saved,
      };
    },
    setSaved: async (item, wanted, element) => {
      if (wanted) {
        await guard(send('save-item', { item, pageUrl: location.href, ...selfThreadOf(adapter, element) }));
        extras.onSaved();
      } else await guard(send('unsave-item', { key: itemKey(item.site, item.id) }));
      return wanted;
    },
    savedIds: async (ids) => (await guard(send('saved-ids', { site: adapter.site, ids }))).ids,
    failureText: () => t('saveFailed'),
    signal,
    onDecorated: (entries) => {
      extras.onDecorated(entries);
      badges(entries);
    },
    alive: extensionAlive,
    onContextGone,
  });
  watcher.start();
  return watcher;
}

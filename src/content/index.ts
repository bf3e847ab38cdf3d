/**
 * Stroom's content script, started by a small per-site entry (src/content/entries/<site>.ts) so
 * each site loads only its own adapter. It does nothing on pages the adapter does not
 * recognise, and stops cleanly when the extension is updated or disabled.
 */
import { itemKey } from '../core/items';
import type { FeedItem, SiteAdapter } from '../sites/types';
import { thinRuntime } from '../messaging/runtime';
import { ExtensionContextGone, extensionAlive, send } from '../messaging/send';
import { FeedWatcher } from './feed';

export function startContentScript(adapter: SiteAdapter): void {
  const pageUrl = new URL(location.href);
  if (!adapter.matches(pageUrl, document)) return;
  const t = (name: string, substitutions?: string[]): string => thinRuntime().i18n.getMessage(name, substitutions);
  const lifetime = new AbortController();
  const stop = () => lifetime.abort();
  const guard = async <T>(work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } catch (error) {
      if (error instanceof ExtensionContextGone) stop();
      throw error;
    }
  };

  // Read the strings once; only the author changes from item to item.
  const AUTHOR = '\u0001';
  const named = t('saveControlLabel', [AUTHOR]);
  const anonymous = t('saveControlLabelNoAuthor');
  const save = t('saveControlText');
  const saved = t('savedControlText');

  const watcher = new FeedWatcher({
    adapter,
    document,
    pageUrl: () => new URL(location.href),
    labels: (item: FeedItem) => ({ name: item.authorName ? named.replace(AUTHOR, () => item.authorName ?? '') : anonymous, save, saved }),
    setSaved: async (item, wanted) => {
      if (wanted) await guard(send('save-item', { item, pageUrl: location.href }));
      else await guard(send('unsave-item', { key: itemKey(item.site, item.id) }));
      return wanted;
    },
    savedIds: async (ids) => (await guard(send('saved-ids', { site: adapter.site, ids }))).ids,
    failureText: () => t('saveFailed'),
    signal: lifetime.signal,
    alive: extensionAlive,
    onContextGone: stop,
  });
  watcher.start();
}

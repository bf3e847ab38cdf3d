/**
 * Handlers for the item messages: one function per message type, each doing its non-IndexedDB
 * work first (canonicalising, summarising) and then one short transaction.
 */
import type { StoredItem } from '../core/items';
import { itemKey } from '../core/items';
import type { RequestOf } from '../core/messages';
import { canonicalUrl } from '../core/urls';
import { adapterFor } from '../sites';
import type { ThreadPart } from '../sites/types';
import { deleteItem, existingKeys, putItemIfAbsent, restoreItem, setItemGist, setItemStatus } from '../store/items';
import type { BackgroundContext } from './context';
import type { HandlersFor, SenderInfo } from './router';
import type { ITEM_MESSAGES } from '../core/messages/items';
import { summaryFields } from './summaries';
import { grantedInstances } from './capture';
import type { CapturePlatform } from './capture';

/**
 * Build the record to store: canonical URLs, key, savedAt, unread, its summary, and the
 * author's self-thread when the post was saved from one (only a real thread: two parts or more).
 */
export function toStoredItem(item: RequestOf<'save-item'>['item'], now: number, parts?: ThreadPart[]): StoredItem {
  const thread = parts && parts.length > 1 ? parts.map((part) => ({ ...part, permalink: part.permalink === null ? null : canonicalUrl(part.permalink) })) : undefined;
  return {
    ...item,
    ...(thread ? { parts: thread } : {}),
    ...summaryFields(thread ? { ...item, parts: thread } : item),
    permalink: item.permalink === null ? null : canonicalUrl(item.permalink),
    linkUrl: item.linkUrl === null ? null : canonicalUrl(item.linkUrl),
    quoted: item.quoted && { ...item.quoted, permalink: item.quoted.permalink === null ? null : canonicalUrl(item.quoted.permalink) },
    key: itemKey(item.site, item.id),
    savedAt: now,
    status: 'unread',
  };
}

/** A content script may only speak for the site it runs on. */
async function assertSiteOfSender(site: string, sender: SenderInfo, capture?: CapturePlatform): Promise<void> {
  if (sender.kind !== 'content') return;
  const adapter = adapterFor(sender.url);
  if (adapter?.site === site) return;
  // A Mastodon instance the user granted at run time (issue 3) is Mastodon too.
  if (!adapter && site === 'mastodon' && capture && (await grantedInstances(capture)).includes(sender.url.origin)) return;
  throw new Error(`A page on ${sender.url.hostname} cannot save ${site} items`);
}

export function createItemHandlers({ getDb, now, capture }: BackgroundContext): HandlersFor<typeof ITEM_MESSAGES> {
  return {
    async 'save-item'({ item, parts }, sender) {
      await assertSiteOfSender(item.site, sender, capture);
      const record = toStoredItem(item, now(), parts);
      const { stored, created } = await putItemIfAbsent(await getDb(), record);
      return { key: stored.key, savedAt: stored.savedAt, created };
    },
    async 'unsave-item'({ key }, sender) {
      await assertSiteOfSender(key.slice(0, key.indexOf(':')), sender, capture);
      return { removed: (await deleteItem(await getDb(), key)) !== null };
    },
    async 'saved-ids'({ site, ids }, sender) {
      await assertSiteOfSender(site, sender, capture);
      const keys = await existingKeys(await getDb(), ids.map((id) => itemKey(site, id)));
      const prefix = `${site}:`.length;
      return { ids: keys.map((key) => key.slice(prefix)) };
    },
    async 'delete-item'({ key }) {
      return { removed: await deleteItem(await getDb(), key) };
    },
    async 'restore-item'({ item }) {
      if (item.key !== itemKey(item.site, item.id)) throw new Error('item.key does not match its site and id');
      return { restored: await restoreItem(await getDb(), item) };
    },
    async 'set-gist'({ key, gist }) {
      return { updated: await setItemGist(await getDb(), key, gist) };
    },
    async 'set-status'({ key, status }) {
      return { updated: await setItemStatus(await getDb(), key, status) };
    },
  };
}

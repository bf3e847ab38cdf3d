/** Saving, un-saving, listing state, deleting and restoring items. */
import type { StoredItem } from '../items';
import { ITEM_STATUSES, MAX_THREAD_PARTS } from '../items';
import { GIST_MAX, savableItemSchema, siteIdSchema, storedItemSchema, threadPartSchema } from '../schemas';
import { array, literal, object, optional, string } from '../validate';
import type { Infer } from '../validate';
import { KEY_LIMITS, define } from './define';

const key = () => string(KEY_LIMITS);

const saveItemRequest = object({
  item: savableItemSchema,
  pageUrl: string({ max: 4_096 }),
  /** On a conversation page: the author's self-thread this post belongs to, in order. */
  parts: optional(array(threadPartSchema, { max: MAX_THREAD_PARTS })),
});
const savedIdsRequest = object({ site: siteIdSchema, ids: array(string({ min: 1, max: 1_000 }), { max: 2_000 }) });
const setStatusRequest = object({ key: key(), status: literal(...ITEM_STATUSES) });

const setGistRequest = object({ key: key(), gist: string({ min: 1, max: GIST_MAX }) });

export const ITEM_MESSAGES = {
  /** Store the built-in Summarizer's gist, made by an extension page (the API is window-only). */
  'set-gist': define<Infer<typeof setGistRequest>, { updated: boolean }>(['page'], setGistRequest),
  /** Save an item seen in a feed (content script) or the current page (popup). Idempotent. */
  'save-item': define<Infer<typeof saveItemRequest>, { key: string; savedAt: number; created: boolean }>(
    ['content', 'page'],
    saveItemRequest,
  ),
  /** Un-save from the feed control (toggle). */
  'unsave-item': define<{ key: string }, { removed: boolean }>(['content', 'page'], object({ key: key() })),
  /** Which of these ids on this site are saved: lets the feed show saved state after a reload. */
  'saved-ids': define<Infer<typeof savedIdsRequest>, { ids: string[] }>(
    ['content'],
    savedIdsRequest,
  ),
  /** Delete from the popup; returns the deleted record so the popup can offer undo. */
  'delete-item': define<{ key: string }, { removed: StoredItem | null }>(['page'], object({ key: key() })),
  /** Undo a delete: put the exact record back. */
  'restore-item': define<{ item: StoredItem }, { restored: boolean }>(['page'], object({ item: storedItemSchema })),
  /** Change an item's status (read, archived…). */
  'set-status': define<Infer<typeof setStatusRequest>, { updated: boolean }>(
    ['page'],
    setStatusRequest,
  ),
} as const;

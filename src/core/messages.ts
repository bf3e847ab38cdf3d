/**
 * The one message contract between Stroom's contexts. Each message type binds its request
 * schema to its response type; the background validates every request where it arrives (a
 * content script runs in a hostile page) and answers with a Result, so errors cross intact.
 *
 * Direction is part of the contract: `from` says which senders may use a type. The background
 * rejects a content-script sender for a UI-only type and vice versa.
 */
import type { StoredItem } from './items';
import { ITEM_STATUSES } from './items';
import { savableItemSchema, siteIdSchema, storedItemSchema } from './schemas';
import { array, literal, object, string } from './validate';
import type { Infer, Schema } from './validate';
export type { Envelope, Result } from './envelope';

const key = () => string({ min: 3, max: 1_100 });

export type Sender = 'content' | 'page';

interface Definition<Request, Response> {
  from: readonly Sender[];
  request: Schema<Request>;
  /** Phantom: carries the response type for callers. */
  response?: Response;
}
const define = <Request, Response>(from: readonly Sender[], request: Schema<Request>): Definition<Request, Response> => ({
  from,
  request,
});

const saveItemRequest = object({ item: savableItemSchema, pageUrl: string({ max: 4_096 }) });
const savedIdsRequest = object({ site: siteIdSchema, ids: array(string({ min: 1, max: 1_000 }), { max: 2_000 }) });
const setStatusRequest = object({ key: key(), status: literal(...ITEM_STATUSES) });

export const MESSAGES = {
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

export type MessageType = keyof typeof MESSAGES;
export type RequestOf<T extends MessageType> = Infer<(typeof MESSAGES)[T]['request']>;
export type ResponseOf<T extends MessageType> = NonNullable<(typeof MESSAGES)[T]['response']>;

/** Parse an incoming message: throws a ValidationError-like Error with a clear message. */
export function parseEnvelope(message: unknown): { type: MessageType; payload: unknown } {
  if (typeof message !== 'object' || message === null) throw new Error('Not a Stroom message');
  const { stroom, type, payload } = message as Record<string, unknown>;
  if (stroom !== 1) throw new Error('Not a Stroom message');
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(MESSAGES, type)) {
    throw new Error(`Unknown message type: ${String(type).slice(0, 40)}`);
  }
  return { type: type as MessageType, payload };
}

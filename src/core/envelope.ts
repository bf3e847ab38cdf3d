/**
 * The wire format of a Stroom message, apart from the contract's schemas so the content script
 * can build envelopes without bundling the validators (they run in the background).
 */
import type { MessageType, RequestOf } from './messages';

export interface Envelope<T extends MessageType = MessageType> {
  stroom: 1;
  type: T;
  payload: RequestOf<T>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export function envelope<T extends MessageType>(type: T, payload: RequestOf<T>): Envelope<T> {
  return { stroom: 1, type, payload };
}

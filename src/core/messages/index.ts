/**
 * The one message contract between Stroom's contexts. Each message type binds its request
 * schema to its response type; the background validates every request where it arrives (a
 * content script runs in a hostile page) and answers with a Result, so errors cross intact.
 *
 * Direction is part of the contract: `from` says which senders may use a type. The background
 * rejects a content-script sender for a UI-only type and vice versa.
 */
import type { Infer } from '../validate';
import { CAPTURE_MESSAGES } from './capture';
import { DIGEST_MESSAGES } from './digest';
import { ITEM_MESSAGES } from './items';
import { SETTINGS_MESSAGES } from './settings';

export type { Envelope, Result } from '../envelope';
export type { Sender } from './define';

export const MESSAGES = { ...ITEM_MESSAGES, ...SETTINGS_MESSAGES, ...DIGEST_MESSAGES, ...CAPTURE_MESSAGES } as const;

export type MessageType = keyof typeof MESSAGES;
export type RequestOf<T extends MessageType> = Infer<(typeof MESSAGES)[T]['request']>;
export type ResponseOf<T extends MessageType> = NonNullable<(typeof MESSAGES)[T]['response']>;

/** Parse an incoming message: throws an Error with a clear message. */
export function parseEnvelope(message: unknown): { type: MessageType; payload: unknown } {
  if (typeof message !== 'object' || message === null) throw new Error('Not a Stroom message');
  const { stroom, type, payload } = message as Record<string, unknown>;
  if (stroom !== 1) throw new Error('Not a Stroom message');
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(MESSAGES, type)) {
    throw new Error(`Unknown message type: ${String(type).slice(0, 40)}`);
  }
  return { type: type as MessageType, payload };
}

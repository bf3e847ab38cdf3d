/**
 * The one way content scripts and pages talk to the background: typed by the contract in
 * src/core/messages.ts, unwrapping the background's Result so callers get a value or an Error.
 */
import { envelope } from '../core/envelope';
import type { Result } from '../core/envelope';
import type { MessageType, RequestOf, ResponseOf } from '../core/messages';
import { thinRuntime } from './runtime';

export class ExtensionContextGone extends Error {
  constructor() {
    super('Stroom was updated or disabled'); // for logs: content scripts show their own words (t('saveFailed'))
    this.name = 'ExtensionContextGone';
  }
}

/** True while this script's extension is still alive (false after an update or disable). */
export function extensionAlive(): boolean {
  try {
    return Boolean(thinRuntime().runtime?.id);
  } catch {
    return false;
  }
}

export async function send<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  if (!extensionAlive()) throw new ExtensionContextGone();
  let reply: Result<unknown> | undefined;
  try {
    reply = (await thinRuntime().runtime.sendMessage(envelope(type, payload))) as typeof reply;
  } catch (error) {
    if (!extensionAlive() || /context invalidated/i.test(String(error))) throw new ExtensionContextGone();
    throw error;
  }
  // Anything but a Result (no reply, or a primitive: its `ok` is undefined) is no valid reply.
  if (typeof reply?.ok !== 'boolean') throw new Error(`No valid reply to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as ResponseOf<T>;
}

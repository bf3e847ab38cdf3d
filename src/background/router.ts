/**
 * Receives every runtime message, checks who sent it, validates it against the contract and
 * dispatches it to its handler. Anything wrong gets a clear `{ ok: false, error }` reply and
 * changes nothing.
 */
import type { Runtime } from 'webextension-polyfill';
import { MESSAGES, parseEnvelope } from '../core/messages';
import type { MessageType, RequestOf, ResponseOf, Result, Sender } from '../core/messages';

export type Handler<T extends MessageType> = (payload: RequestOf<T>, sender: SenderInfo) => Promise<ResponseOf<T>>;
export type Handlers = { [T in MessageType]: Handler<T> };
/** The handlers of one area's messages (items, settings, digest…). */
export type HandlersFor<Messages> = { [T in keyof Messages & MessageType]: Handler<T> };

export interface SenderInfo {
  kind: Sender;
  /** The sending page's URL (a feed page for content scripts). */
  url: URL;
}

/** Classify the sender: our own extension pages, or our content script in a web page. */
export function classifySender(sender: Runtime.MessageSender, extensionId: string, extensionOrigin: string): SenderInfo {
  if (sender.id !== extensionId) throw new Error('Message from another extension refused');
  const rawUrl = sender.url ?? '';
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new Error('Message without a sender URL refused');
  }
  // Compare scheme and host, not `origin`: by the URL standard every non-http(s) URL, ours
  // included (chrome-extension:, moz-extension:), has the opaque origin "null", so comparing
  // origins would take a file: page or another extension's page for one of ours.
  const own = new URL(extensionOrigin);
  if (url.protocol === own.protocol && url.host === own.host && own.host !== '') return { kind: 'page', url };
  if ((url.protocol === 'https:' || url.protocol === 'http:') && sender.tab) return { kind: 'content', url };
  throw new Error('Message from an unexpected context refused');
}

export async function route(
  message: unknown,
  sender: Runtime.MessageSender,
  handlers: Handlers,
  identity: { id: string; origin: string },
): Promise<Result<unknown>> {
  try {
    const from = classifySender(sender, identity.id, identity.origin);
    const { type, payload } = parseEnvelope(message);
    const definition = MESSAGES[type];
    if (!definition.from.includes(from.kind)) throw new Error(`${type} is not accepted from ${from.kind === 'content' ? 'a web page' : 'an extension page'}`);
    const request = definition.request.parse(payload, 'payload');
    const handler = handlers[type] as (request: unknown, sender: SenderInfo) => Promise<unknown>;
    return { ok: true, value: await handler(request, from) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

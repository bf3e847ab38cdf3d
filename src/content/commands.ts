/**
 * The keyboard command in the page (issue 3): when the background relays Alt+Shift+S, save the
 * item that has keyboard focus (X and Mastodon move focus through the timeline with j/k) or, if
 * none, the item under the pointer. The content script only tracks the pointer and focus
 * (`trackPointer`: two passive listeners writing a few fields); the rest of this file reaches the
 * page when the background injects it on the command (src/content/extras/command.ts, answering
 * from the first press on), and the item is found and fully extracted only then.
 */
import type { SaveFocusedReply } from '../core/messages/capture';
import { thinRuntime } from '../messaging/runtime';
import { send } from '../messaging/send';
import { extractElement } from '../sites/extract';
import type { SiteAdapter } from '../sites/types';
import { selfThreadOf } from './thread';

/** The one message a content script accepts, and only from its own extension's background. */
function isSaveFocused(message: unknown): boolean {
  if (typeof message !== 'object' || message === null) return false;
  const { stroom, type } = message as Record<string, unknown>;
  return stroom === 1 && type === 'save-focused' && Object.keys(message).length === 2;
}

/** The outermost item element around `start` (a quoted post's own element sits inside its item). */
export function itemElementAround(start: Element | null, adapter: SiteAdapter): Element | null {
  const selector = adapter.itemSelectors.join(',');
  let found: Element | null = null;
  for (let element = start?.closest(selector) ?? null; element; element = element.parentElement?.closest(selector) ?? null) found = element;
  return found;
}

/**
 * Whichever the user touched last: the focused item (keyboard users move through X and Mastodon
 * with j/k) or the item under the pointer. After a click on a Save button focus stays there, so
 * moving the mouse to another post must win over that stale focus.
 */
export function targetElement(document: Document, pointer: { x: number; y: number } | null, pointerIsNewer: boolean, adapter: SiteAdapter): Element | null {
  const focused = document.activeElement;
  const fromFocus = (): Element | null =>
    focused && focused !== document.body && focused !== document.documentElement ? itemElementAround(focused, adapter) : null;
  const fromPointer = (): Element | null => (pointer ? itemElementAround(document.elementFromPoint(pointer.x, pointer.y), adapter) : null);
  return pointerIsNewer ? (fromPointer() ?? fromFocus()) : (fromFocus() ?? fromPointer());
}

export async function saveTarget(element: Element | null, adapter: SiteAdapter, pageUrl: URL): Promise<SaveFocusedReply> {
  if (!element) return { saved: false, reason: 'no-item' };
  const item = extractElement(element, adapter, pageUrl);
  if (!item || item.isAd || item.unavailable || item.id === null) return { saved: false, reason: 'not-savable' };
  const { key } = await send('save-item', { item: { ...item, id: item.id }, pageUrl: pageUrl.href, ...selfThreadOf(adapter, element) });
  return { saved: true, key };
}

export interface PointerState {
  pointer: { x: number; y: number } | null;
  pointerIsNewer: boolean;
}

/** Keeps `state` up to date with where the pointer is and whether it moved after focus did. */
export function trackPointer(state: PointerState, signal: AbortSignal): void {
  const options = { passive: true, capture: true, signal };
  addEventListener(
    'pointermove',
    (event) => {
      state.pointer = { x: event.clientX, y: event.clientY };
      state.pointerIsNewer = true;
    },
    options,
  );
  addEventListener('focusin', () => (state.pointerIsNewer = false), options);
}

/**
 * Answers the background's 'save-focused'. `onSaved` hears the id of each item the command saved,
 * so its Save button can say so; `state` is the content script's tracker (a new one by default).
 */
export function listenForSaveCommand(
  adapter: SiteAdapter,
  signal: AbortSignal,
  onSaved: (id: string) => void = () => undefined,
  tracked?: PointerState,
): void {
  const state = tracked ?? { pointer: null, pointerIsNewer: false };
  if (!tracked) trackPointer(state, signal);
  const runtime = thinRuntime().runtime;
  const listener = (message: unknown, sender: { id?: string; tab?: unknown }, sendResponse: (reply: unknown) => void): boolean | undefined => {
    // Only Stroom's own background (no tab: not another content script) may ask.
    if (sender.id !== runtime.id || sender.tab !== undefined || !isSaveFocused(message)) return undefined;
    // A page of the site that is no feed (settings, a profile's about page): the background saves the page instead.
    if (!adapter.matches(new URL(location.href), document)) {
      sendResponse({ saved: false, reason: 'no-feed' } satisfies SaveFocusedReply);
      return undefined;
    }
    saveTarget(targetElement(document, state.pointer, state.pointerIsNewer, adapter), adapter, new URL(location.href)).then(
      (reply) => {
        if (reply.saved) onSaved(reply.key.slice(reply.key.indexOf(':') + 1));
        sendResponse(reply);
      },
      () => sendResponse({ saved: false, reason: 'failed' } satisfies SaveFocusedReply),
    );
    return true; // the reply comes asynchronously
  };
  runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => runtime.onMessage.removeListener(listener), { once: true });
}

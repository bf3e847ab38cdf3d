/**
 * Which of the content script's extras (src/messaging/extras.ts) the background injects into a
 * tab. Kept free of the extension API so it runs in Node tests; the injecting itself is
 * `injectFiles` in platform.ts.
 */
import type { Settings } from '../core/settings';
import type { FrameAddition, LoadExtrasRequest } from '../messaging/extras';

/**
 * The extras a feed page asked for that it may have: the opt-in ones the user's settings switch
 * on, the caught-up memory, the code its Save buttons need, the adapter-health check and the
 * controls' stylesheet; nothing else.
 */
export function extrasToLoad(request: LoadExtrasRequest, settings: Settings): FrameAddition[] {
  const on: Partial<Record<FrameAddition, boolean>> = {
    seen: true,
    badges: settings.debugBadges,
    nudge: settings.feed.nudge,
    save: true,
    health: true,
    'control-style': true,
  };
  return [...new Set(request.names)].filter((name) => on[name] === true);
}

/** Where to inject for a request from a content script: its tab and frame, or null if it is none. */
export function contentFrame(sender: { tab?: { id?: number }; frameId?: number }): { tabId: number; frameId: number } | null {
  const tabId = sender.tab?.id;
  return typeof tabId === 'number' && tabId >= 0 ? { tabId, frameId: sender.frameId ?? 0 } : null;
}

/**
 * "You're caught up": remembers the feed items the user scrolled past (SeenLog, per site in
 * storage.local) and, on a later visit, puts one calm divider at the top of the first item that
 * was already seen. Cheap on the page: no observer per item (an IntersectionObserver watching
 * every item of a long feed made the browser compute each of them on every frame while
 * scrolling, 40 times the cost of our own code), only a look at one item's position a few
 * times a second while the page scrolls, a hash per item, and a debounced write.
 */
import type { FeedItem } from '../sites/types';
import { SeenLog, parseSeen, seenHash } from './seen';

export const DIVIDER_TAG = 'stroom-caught-up';
const SAVE_DELAY_MS = 2_000;
/** How often, at most, a scrolling page is looked at: plenty to see items go by. */
export const SCROLL_CHECK_MS = 150;

export interface SeenStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export interface CaughtUpOptions {
  document: Document;
  site: string;
  storage: SeenStorage;
  /** Show the divider (settings.feed.caughtUpDivider); seen items are remembered either way. */
  showDivider: boolean;
  /** "You're caught up — seen at 09:14", given the time of the first seen item. */
  dividerText(seenAt: number): string;
  now(): number;
  signal: AbortSignal;
  /** Each newly scrolled-past item, for the session nudge. */
  onSeen?(): void;
}

type Entry = { element: Element; item: FeedItem & { id: string } };

export const seenKey = (site: string): string => `seen:${site}`;

/**
 * The divider: text in a shadow root (so it never joins the item's text when an adapter reads
 * it), styled through the CSSOM, which a page's style CSP does not block (a <style> it may).
 */
function dividerElement(document: Document, text: string): HTMLElement {
  const host = document.createElement(DIVIDER_TAG);
  host.setAttribute('role', 'separator');
  host.setAttribute('aria-label', text);
  host.style.cssText = 'all:initial;display:block;margin:8px 0 10px;padding-top:6px;border-top:1px solid;color:inherit;opacity:.7;text-align:center;font:13px/1.3 system-ui,sans-serif';
  host.attachShadow({ mode: 'open' }).textContent = text;
  return host;
}

/**
 * Returns the FeedWatcher's onDecorated hook.
 *
 * Items wait in document order, which in a feed is top to bottom. An item counts as scrolled
 * past once its bottom edge is above the viewport, if an earlier look found it not yet past
 * (an item the page opened below, at a restored scroll position, was never read). A look reads
 * the position of the first waiting item only, and of the next while those are past: the cost
 * is one rect per look plus one per item that went by, whatever the length of the feed.
 */
export function watchCaughtUp(options: CaughtUpOptions): (entries: readonly Entry[]) => void {
  const { document, storage, signal } = options;
  const key = seenKey(options.site);
  let log: SeenLog | null = null;
  let pending: Entry[] = [];
  let divider: HTMLElement | null = null;
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  let lookTimer: ReturnType<typeof setTimeout> | null = null;
  // Waiting items (parallel arrays: no object per item), the first not yet looked past, and how
  // many of them an earlier look found at or below the top of the viewport.
  let elements: Element[] = [];
  let hashes: string[] = [];
  let next = 0;
  let below = 0;

  const save = () => {
    if (saveTimer !== null) clearTimeout(saveTimer);
    saveTimer = null;
    if (log?.changed) storage.set(key, log.toRecord(options.now())).catch(() => undefined);
  };
  const look = () => {
    lookTimer = null;
    if (!log || signal.aborted) return;
    for (; next < elements.length; next++) {
      const element = elements[next]!;
      const box = element.isConnected ? element.getBoundingClientRect() : null;
      if (box && box.bottom > 0) break;
      // Gone (a virtualised list drops rows far above), hidden (no box), or found already past:
      // nothing to remember.
      if (!box || box.height === 0 || next >= below || !log.markHash(hashes[next]!, options.now())) continue;
      options.onSeen?.();
      saveTimer ??= setTimeout(save, SAVE_DELAY_MS);
    }
    if (next > 255 && next * 2 > elements.length) {
      elements = elements.slice(next);
      hashes = hashes.slice(next);
      next = 0;
    }
    below = elements.length; // all from `next` on are at or below the top now
  };
  // In idle time after a frame, when the layout is fresh: reading a position then forces nothing.
  const soon = () => {
    lookTimer ??= setTimeout(() => (typeof requestIdleCallback === 'function' ? requestIdleCallback(look, { timeout: SCROLL_CHECK_MS }) : look()), SCROLL_CHECK_MS);
  };
  document.addEventListener('scroll', soon, { capture: true, passive: true, signal });
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && save(), { signal });
  signal.addEventListener(
    'abort',
    () => {
      if (lookTimer !== null) clearTimeout(lookTimer);
      save();
      divider?.remove();
    },
    { once: true },
  );

  /** Where an item goes among the waiting ones: at the end, unless the page added it above. */
  const place = (element: Element): number => {
    let low = next;
    let high = elements.length;
    if (high === low || elements[high - 1]!.compareDocumentPosition(element) & 4 /* following */) return high;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (elements[middle]!.compareDocumentPosition(element) & 4) low = middle + 1;
      else high = middle;
    }
    return low;
  };

  const handle = (entries: readonly Entry[]) => {
    if (!log) return;
    for (const { element, item } of entries) {
      const hash = seenHash(item.id);
      if (options.showDivider && !divider && element.isConnected) {
        const seenAt = log.seenBeforeHash(hash);
        if (seenAt !== undefined) {
          divider = dividerElement(document, options.dividerText(seenAt));
          element.prepend(divider);
        }
      }
      const at = place(element);
      if (at === elements.length) {
        elements.push(element);
        hashes.push(hash);
      } else {
        // Added above items already waiting (a stream prepending new posts): not yet looked at.
        elements.splice(at, 0, element);
        hashes.splice(at, 0, hash);
        below = Math.min(below, at);
      }
    }
    soon(); // new items are looked at once, so that scrolling past them later counts
  };

  storage
    .get(key)
    .then((stored) => {
      log = new SeenLog(parseSeen(stored));
      const waiting = pending;
      pending = [];
      if (!signal.aborted) handle(waiting);
    })
    .catch(() => {
      log = new SeenLog(parseSeen(undefined));
    });

  return (entries) => {
    if (signal.aborted) return;
    if (log) handle(entries);
    else pending.push(...entries);
  };
}

/** The feed settings the content script needs, read defensively from the stored record. */
export interface FeedSettings {
  caughtUpDivider: boolean;
  nudge: boolean;
  nudgeMinutes: number;
  nudgeItems: number;
  digestTime: string;
}

export function feedSettings(stored: unknown): FeedSettings {
  const record = (typeof stored === 'object' && stored !== null ? stored : {}) as { feed?: Record<string, unknown>; digest?: Record<string, unknown> };
  const feed = record.feed ?? {};
  const count = (value: unknown, fallback: number, min: number) => (typeof value === 'number' && Number.isFinite(value) && value >= min ? value : fallback);
  return {
    caughtUpDivider: feed.caughtUpDivider !== false,
    nudge: feed.nudge === true,
    nudgeMinutes: count(feed.nudgeMinutes, 45, 1),
    nudgeItems: count(feed.nudgeItems, 300, 1),
    digestTime: typeof record.digest?.time === 'string' && /^\d\d:\d\d$/.test(record.digest.time) ? record.digest.time : '18:00',
  };
}

/**
 * "You're caught up": remembers the feed items the user scrolled past (SeenLog, per site in
 * storage.local) and, on a later visit, puts one calm divider at the top of the first item that
 * was already seen. Cheap on the page: an IntersectionObserver on one item at a time (one on
 * every item of a long feed made the browser compute all of them on every scrolling frame: some
 * 70 ms of main thread per 100 items scrolled, fifty times our own callbacks; reading positions
 * on scroll events forced the browser to update its geometry early), a hash per item, and a
 * debounced write.
 */
import type { FeedItem } from '../sites/types';
import { SeenLog, parseSeen, seenHash } from './seen';

export const DIVIDER_TAG = 'stroom-caught-up';
const SAVE_DELAY_MS = 2_000;

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
 * Items wait in document order, which in a feed is top to bottom, and only the first waiting
 * one is observed. Once it is above the viewport it counts as scrolled past (if it was once seen
 * not past: an item the page opened above, at a restored scroll position, was never read), and
 * so does each next one found above too; the first not past is observed next. When the first is
 * not past, no item after it is either.
 */
export function watchCaughtUp(options: CaughtUpOptions): (entries: readonly Entry[]) => void {
  const { document, storage, signal } = options;
  const key = seenKey(options.site);
  let log: SeenLog | null = null;
  let pending: Entry[] = [];
  let divider: HTMLElement | null = null;
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  // Waiting items (parallel arrays: no object per item), the first one (observed), and how many
  // of them were once seen not past the top of the viewport.
  let elements: Element[] = [];
  let hashes: string[] = [];
  let next = 0;
  let below = 0;
  let watched: Element | undefined;

  const save = () => {
    if (saveTimer !== null) clearTimeout(saveTimer);
    saveTimer = null;
    if (log?.changed) storage.set(key, log.toRecord(options.now())).catch(() => undefined);
  };
  const watchFirst = () => {
    if (watched === elements[next]) return;
    if (watched) observer.unobserve(watched);
    watched = elements[next];
    if (watched) observer.observe(watched);
  };
  const observer = new IntersectionObserver((records) => {
    const record = records[records.length - 1]; // only the first waiting item is observed
    if (!log || !record || record.target !== watched) return;
    if (record.isIntersecting || record.boundingClientRect.bottom > 0) {
      below = elements.length; // this one is not past the top, so none after it is
      return;
    }
    // It went over the top, and maybe more after it (a fast scroll): read those here, where the
    // browser has just laid the page out, instead of waiting a frame for each.
    const now = options.now();
    for (let box = record.boundingClientRect; ; ) {
      const element = elements[next]!;
      // Gone (a virtualised list drops rows far above) or hidden (no box): nothing to remember.
      if (next < below && box.height > 0 && element.isConnected && log.markHash(hashes[next]!, now)) {
        options.onSeen?.();
        saveTimer ??= setTimeout(save, SAVE_DELAY_MS);
      }
      if (++next >= elements.length) break;
      box = elements[next]!.getBoundingClientRect();
      if (box.bottom > 0) break;
    }
    if (next > 255 && next * 2 > elements.length) {
      elements = elements.slice(next);
      hashes = hashes.slice(next);
      below = Math.max(0, below - next);
      next = 0;
    }
    watchFirst();
  });
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && save(), { signal });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
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
        // Added above items already waiting (a stream prepending new posts): not yet seen.
        elements.splice(at, 0, element);
        hashes.splice(at, 0, hash);
        below = Math.min(below, at);
      }
    }
    watchFirst();
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

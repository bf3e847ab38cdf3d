/**
 * "You're caught up": remembers the feed items the user scrolled past (SeenLog, per site in
 * storage.local) and, on a later visit, puts one calm divider at the top of the first item that
 * was already seen. Cheap on the page: an IntersectionObserver on one item reports when it, and
 * the items before it, went over the top, with no position read; a hash per item, and a rare
 * small write while scrolling. Observing every item cost far more (some 70 ms per 100 items
 * scrolled, in the page's whole main-thread CPU: test/bench/content.mjs); test/bench/digest-ui.mjs
 * times this code's own work directly.
 */
import { onAbort } from './abort';
import { SeenLog, addToGroups, parseSeen, seenHash } from './seen';

export const DIVIDER_TAG = 'stroom-caught-up';
/**
 * How long after the first new mark the recent part is written. Leaving the page (hidden, closed,
 * navigated away) writes at once; this only bounds what a crash could lose. Each write is a task
 * of its own (some 0.5 ms in the bench's reading pace, test/bench/digest-ui.mjs), so not one
 * per few items.
 */
const SAVE_DELAY_MS = 60_000;
/**
 * How many waiting items one report covers. Each report is a task of its own (some 0.1 ms here at
 * a reading pace, whatever it marks: test/bench/digest-ui.mjs) and the next sentinel's first
 * report another; every observed item costs the browser some work in every frame while the page
 * scrolls, so there is one at a time. The items after the last report are remembered when the
 * page is hidden or left.
 */
export const SENTINEL_EVERY = 32;

/** storage.local's shape. */
export interface SeenStorage {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
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
  /** How many more items were scrolled past in this page view, for the session nudge. */
  onSeen?(count: number): void;
  /** Tests write sooner; pages use SAVE_DELAY_MS. */
  writeDelayMs?: number;
}

type Entry = { element: Element; id: string };

export const seenKey = (site: string): string => `seen:${site}`;
/** Beside it: what was marked since the whole record was last written. */
export const recentSeenKey = (site: string): string => `seen:${site}:recent`;
/** Past this many characters of hashes (some 2,500 items) the recent part joins the whole record. */
const RECENT_LIMIT = 15_000;

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
 * Items wait in document order, which in a feed is top to bottom. One IntersectionObserver
 * watches one of them, the sentinel, SENTINEL_EVERY places after the first, with the viewport
 * grown far downward, so that it reports only when the sentinel goes over the top edge: then it
 * and every item waiting before it have been scrolled past, and no position needs reading. The
 * next sentinel is then SENTINEL_EVERY places further. Scrolling runs none of Stroom's code:
 * before, a look after every scroll (a listener, a timer, a position read after layout) cost
 * some 0.13 ms per item at a reading pace of a row a scroll (test/bench/digest-ui.mjs). The
 * items after the last report are looked at (positions read) when the page is hidden or left.
 *
 * An item counts as scrolled past only if it was once below the top edge: an item the page opened
 * above, at a restored scroll position, was never read. An item added at the end while every one
 * waiting is known to be below is below too; the first waiting item, and one added above others,
 * wait for the observer's first report on them.
 */
export function watchCaughtUp(options: CaughtUpOptions): (entries: readonly Entry[]) => void {
  const { document, storage, signal } = options;
  const key = seenKey(options.site);
  const recentKey = recentSeenKey(options.site);
  let log: SeenLog | null = null;
  let pending: Entry[] | null = []; // until the stored record is read
  let divider: HTMLElement | null = null;
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  // Waiting items (parallel arrays: no object per item), the first one, and up to where they are
  // known to have been below the top edge.
  let elements: Element[] = [];
  let hashes: string[] = [];
  let next = 0;
  let below = 0;
  /** The observed item SENTINEL_EVERY places after the first waiting one (or the last one). */
  let sentinel: Element | null = null;
  /** Waiting items reported without a box (removed, hidden): never a sentinel again. */
  const duds = new WeakSet<Element>();
  // Scrolled past since the whole record was written, and when: put into the log when it is next
  // written, not item by item as they go (each look-up among some 30,000 hashes takes a few µs
  // while the page's memory is cold, as it is between one report and the next). How many of them
  // the recent part holds, and that part as read from storage.
  let passed: string[] = [];
  let passedAt: number[] = [];
  let written = 0;
  let stored: Array<[number, string]> = [];

  /**
   * Write: while the user scrolls, only what went past since the whole record was written, as it
   * went (the stored recent part, read back beside that record), not looked up or put into the
   * log; that happens when the page is hidden or left, and then the whole record is written (up
   * to 200 KB: a millisecond or more) and the recent part emptied. Also when that part has grown
   * large, in a long page view.
   */
  const save = (leaving: boolean) => {
    if (saveTimer !== null) clearTimeout(saveTimer);
    saveTimer = null;
    if (!log) return;
    const groups = stored.map(([minute, hashes]): [number, string] => [minute, hashes]);
    for (let i = 0; i < passed.length; i++) addToGroups(groups, passed[i]!, passedAt[i]!);
    if (!leaving && groups.reduce((size, [, hashes]) => size + hashes.length, 0) < RECENT_LIMIT) {
      if (passed.length > written) storage.set({ [recentKey]: { v: 1, groups } }).catch(() => undefined);
      written = passed.length;
      return;
    }
    if (groups.length === 0) return;
    for (let i = 0; i < passed.length; i++) log.markHash(passed[i]!, passedAt[i]!);
    passed = [];
    passedAt = [];
    stored = [];
    written = 0;
    storage.set({ [key]: log.toRecord(options.now()), [recentKey]: { v: 1, groups: [] } }).catch(() => undefined);
  };
  /** Remember the waiting item `at` as scrolled past, if it was once below the top edge. */
  const mark = (at: number, now: number) => {
    if (at < below) {
      passed.push(hashes[at]!);
      passedAt.push(now);
    }
  };
  /** After marking: say how many went past, and have them written. */
  const tell = (before: number) => {
    if (passed.length === before) return;
    options.onSeen?.(passed.length - before);
    saveTimer ??= setTimeout(save, options.writeDelayMs ?? SAVE_DELAY_MS, false);
  };
  /**
   * Read the waiting items' positions from the first, remembering those over the top edge; the
   * rest are below it. An item the page removed (a virtualised list drops rows far above) counts
   * as past when one after it is; one without a box (hidden) is never remembered.
   */
  const look = () => {
    const now = options.now();
    const before = passed.length;
    let removed = next; // from here, the removed items since the last one seen past
    for (; next < elements.length; next++) {
      const element = elements[next]!;
      const box = element.isConnected ? element.getBoundingClientRect() : null;
      if (box && box.bottom > 0) break;
      unwatch(element);
      if (box && box.height > 0) {
        for (; removed < next; removed++) if (!elements[removed]!.isConnected) mark(removed, now);
        mark(next, now);
        removed = next + 1;
      }
    }
    below = elements.length;
    tell(before);
    aim();
  };
  const unwatch = (element: Element) => {
    watch.unobserve(element);
    if (element === sentinel) sentinel = null;
  };
  /** Observe a new sentinel once the last one went past (or away). */
  const aim = () => {
    for (let at = Math.min(next + SENTINEL_EVERY, elements.length) - 1; !sentinel && at >= next; at--) {
      if (duds.has(elements[at]!)) continue;
      sentinel = elements[at]!;
      watch.observe(sentinel);
    }
  };
  const View = document.defaultView!.IntersectionObserver;
  const watch = new View(
    (reports) => {
      if (!log || signal.aborted) return;
      let past = -1; // the last waiting item known to have gone over the top edge
      let unknown = false; // one over the top edge that was never seen below it
      let lowestBelow = Infinity;
      for (const { target, boundingClientRect: box } of reports) {
        const at = elements.indexOf(target, next);
        if (box.bottom > 0 && at >= 0) {
          lowestBelow = Math.min(lowestBelow, at);
          // A probe (the first item added, or one added above) has said where it was added.
          if (target !== sentinel) watch.unobserve(target);
        } else {
          unwatch(target);
          // No box: removed or hidden. The next sentinel, or the last look, covers the others.
          if (box.height === 0) duds.add(target);
          else if (at >= 0) {
            if (at < below) past = Math.max(past, at);
            else unknown = true;
          }
        }
      }
      if (past >= 0) {
        const now = options.now();
        const before = passed.length;
        for (; next <= past; next++) mark(next, now);
        tell(before);
      }
      if (unknown) look();
      else if (lowestBelow <= below) below = elements.length; // it and all after it are below
      aim();
      if (next > 255 && next * 2 > elements.length) {
        elements = elements.slice(next);
        hashes = hashes.slice(next);
        below -= next;
        next = 0;
      }
    },
    // Grown far downward: an observed item changes state only by crossing the top edge.
    { rootMargin: '0px 0px 1000000px' },
  );
  const leave = () => {
    if (log) look();
    save(true);
  };
  // Hidden: another tab, the window minimised, or the page closed or reloaded (pagehide too, for
  // a browser that skips the visibility change when unloading).
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && leave(), { signal });
  document.defaultView!.addEventListener('pagehide', leave, { signal });
  onAbort(signal, () => {
    leave();
    watch.disconnect(); // after the last look, which may have aimed at a new sentinel
    divider?.remove();
  });

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
    for (const { element, id } of entries) {
      const hash = seenHash(id);
      if (options.showDivider && !divider && element.isConnected) {
        const seenAt = log.seenBeforeHash(hash);
        if (seenAt !== undefined) {
          divider = dividerElement(document, options.dividerText(seenAt));
          element.prepend(divider);
        }
      }
      const at = place(element);
      if (at === elements.length) {
        // After one known to be below the top edge, so is this one. The first waiting item is
        // probed: the observer's first report on it says where it was added.
        if (below === at && at > next) below++;
        else if (at === next) watch.observe(element);
        elements.push(element);
        hashes.push(hash);
      } else {
        // Added above items already waiting (a stream prepending new posts): probed, and it
        // and every one after it wait for the report.
        elements.splice(at, 0, element);
        hashes.splice(at, 0, hash);
        below = Math.min(below, at);
        watch.observe(element);
      }
    }
    aim();
  };

  storage
    .get([key, recentKey])
    .then((record) => {
      const recent = parseSeen(record[recentKey]);
      log = new SeenLog(parseSeen(record[key]), recent);
      stored = recent.groups;
      if (!signal.aborted) handle(pending!);
    })
    // Unreadable: this page view remembers nothing, rather than write over what was stored.
    .catch(() => undefined)
    .finally(() => (pending = null));

  return (entries) => {
    if (signal.aborted) return;
    if (log) handle(entries);
    else pending?.push(...entries);
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

/** The two switches every feed page reads; the rest is the nudge extra's (feedSettings). */
export function feedSwitches(stored: unknown): Pick<FeedSettings, 'caughtUpDivider' | 'nudge'> {
  const feed = (stored as { feed?: Record<string, unknown> } | null | undefined)?.feed ?? {};
  return { caughtUpDivider: feed.caughtUpDivider !== false, nudge: feed.nudge === true };
}

export function feedSettings(stored: unknown): FeedSettings {
  const record = (typeof stored === 'object' && stored !== null ? stored : {}) as { feed?: Record<string, unknown>; digest?: Record<string, unknown> };
  const feed = record.feed ?? {};
  const count = (value: unknown, fallback: number, min: number) => (typeof value === 'number' && Number.isFinite(value) && value >= min ? value : fallback);
  return {
    ...feedSwitches(stored),
    nudgeMinutes: count(feed.nudgeMinutes, 45, 1),
    nudgeItems: count(feed.nudgeItems, 300, 1),
    digestTime: typeof record.digest?.time === 'string' && /^\d\d:\d\d$/.test(record.digest.time) ? record.digest.time : '18:00',
  };
}

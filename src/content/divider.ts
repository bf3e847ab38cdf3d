/**
 * "You're caught up": remembers the feed items the user scrolled past (SeenLog, per site in
 * storage.local) and, on a later visit, puts one calm divider at the top of the first item that
 * was already seen. Cheap on the page: while the user scrolls, a look at most four times a second
 * reads the positions of the items that went over the top since the last look (plus one), with a
 * hash per item and a debounced write. An IntersectionObserver on every item cost far more (some
 * 70 ms per 100 items scrolled, in the page's whole main-thread CPU: test/bench/content.mjs);
 * test/bench/digest-ui.mjs times these looks directly.
 */
import { onAbort } from './abort';
import { SeenLog, parseSeen, seenHash } from './seen';

export const DIVIDER_TAG = 'stroom-caught-up';
const SAVE_DELAY_MS = 2_000;
/**
 * How long after a scroll the next look comes. Each look has a fixed cost (the page's task waking,
 * the first position read, some 0.1 ms here) that a fast flick spreads over many items and a
 * reading pace pays per item (test/bench/digest-ui.mjs). A second between looks halved that, but
 * items scrolled past in the first second after they appeared were then never marked (nothing
 * had seen them below the top yet): a quick reader lost their marks.
 */
const LOOK_DELAY_MS = 250;

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
  /** Tests look at once; pages use LOOK_DELAY_MS. */
  lookDelayMs?: number;
}

type Entry = { element: Element; id: string };

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
 * Items wait in document order, which in a feed is top to bottom. A look walks them from the
 * first waiting one while they are above the viewport: each counts as scrolled past if an earlier
 * look saw it not past (an item the page opened above, at a restored scroll position, was never
 * read). The first one not past ends the walk: no item after it is past either.
 */
export function watchCaughtUp(options: CaughtUpOptions): (entries: readonly Entry[]) => void {
  const { document, storage, signal } = options;
  const key = seenKey(options.site);
  let log: SeenLog | null = null;
  let pending: Entry[] = [];
  let divider: HTMLElement | null = null;
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  let lookTimer: ReturnType<typeof setTimeout> | null = null;
  // Waiting items (parallel arrays: no object per item), the first one, and how many of them an
  // earlier look saw not past the top of the viewport.
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
    const now = options.now();
    for (; next < elements.length; next++) {
      const element = elements[next]!;
      // Gone (a virtualised list drops rows far above) or hidden (no box): nothing to remember.
      const box = element.isConnected ? element.getBoundingClientRect() : null;
      if (box && box.bottom > 0) break;
      if (box && box.height > 0 && next < below && log.markHash(hashes[next]!, now)) {
        options.onSeen?.();
        saveTimer ??= setTimeout(save, SAVE_DELAY_MS);
      }
    }
    below = elements.length; // what is left is not past the top now
    if (next > 255 && next * 2 > elements.length) {
      elements = elements.slice(next);
      hashes = hashes.slice(next);
      below -= next;
      next = 0;
    }
  };
  // Positions are read where the browser has just laid the page out for a frame: in a
  // ResizeObserver's first report, which comes after layout. Read at any other moment (a timer
  // after the feed watcher added Save buttons, say) they made the browser lay out the page once
  // more: scrolling the 1,000-item X fixture, that made these looks cost 1.5-2 ms per 100 items
  // instead of about 1.
  const afterLayout = new ResizeObserver(() => {
    afterLayout.disconnect(); // one report per look, not one per change of the page's size
    look();
  });
  const lookSoon = () => {
    lookTimer ??= setTimeout(() => afterLayout.observe(document.documentElement), options.lookDelayMs ?? LOOK_DELAY_MS);
  };
  // Capture: feeds that scroll inside a container fire scroll events that do not bubble.
  document.addEventListener('scroll', lookSoon, { capture: true, passive: true, signal });
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && save(), { signal });
  onAbort(signal, () => {
    if (lookTimer !== null) clearTimeout(lookTimer);
    save();
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
        elements.push(element);
        hashes.push(hash);
      } else {
        // Added above items already waiting (a stream prepending new posts): not yet seen.
        elements.splice(at, 0, element);
        hashes.splice(at, 0, hash);
        below = Math.min(below, at);
      }
    }
    lookSoon(); // where the new items are, before they can be scrolled past
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

/**
 * Watches a feed page: finds items on start and as the timeline grows, gives each savable item
 * one save control, and keeps the control's saved state in step with the background.
 *
 * Work is proportional to what changed: the MutationObserver hands us added nodes, and we look
 * for items only inside them (or around them, when a known item's content is filled in later).
 * The task that finds items gives them their controls at once for as long as DECORATE_NOW_MS
 * allows, which covers what a page shows at a time (a few dozen items); what is left waits until
 * it comes within two screens of the viewport (an IntersectionObserver watching one item in a
 * few, WATCH_EVERY), and is then decorated together with the waiting items beside it, in a few
 * small tasks between frames. A control needs only the adapter's peek (id, ad, unavailable); the
 * whole item is read when it is saved.
 * Everything hangs off one AbortSignal: aborting disconnects the observers and removes our UI.
 */
import { debugLog, extractElement, findItemElements, peekElement } from '../sites/extract';
import type { FeedItem, SiteAdapter } from '../sites/types';
import { onAbort } from './abort';
import { createControl } from './control';
import type { ControlLabels, SaveControl } from './control';

export interface FeedDependencies {
  adapter: SiteAdapter;
  document: Document;
  pageUrl: () => URL;
  /** The control's labels, the same for every item. */
  labels: ControlLabels;
  /**
   * Save (with the whole item, read at the click) or unsave (by id); resolves to the new state.
   */
  setSaved: (id: string, saved: boolean, element: Element, item: SavableItem | null) => Promise<boolean>;
  /** Which of these ids are saved already. */
  savedIds: (ids: string[]) => Promise<string[]>;
  failureText: (error: unknown) => string;
  signal: AbortSignal;
  /**
   * Told about every item that got a control, with its element: the hook for features that work
   * per item (seen-marks and the caught-up divider, adapter health, debug badges).
   */
  onDecorated?: (entries: ReadonlyArray<{ element: Element; id: string }>) => void;
  /** False once the extension was updated or disabled: the watcher then asks to be stopped. */
  alive: () => boolean;
  /** How long a task that finds items decorates them at once (DECORATE_NOW_MS; tests set 0). */
  decorateNowMs?: number;
  onContextGone: () => void;
}

export type SavableItem = FeedItem & { id: string };

/**
 * An item with its control. Only what the control needs is read when it is made (the adapter's
 * peek); the whole item is read when it is saved, from the page as it is then.
 */
interface Decorated {
  element: Element;
  id: string;
  control: SaveControl;
  saved: boolean;
}

/**
 * Items found are decorated at once, in the task that found them, for this long (the scan on
 * start, or a batch the page added); only what is left waits for the viewport. A page shows a few
 * dozen items at a time, and even Facebook's (read whole, some 0.2 ms each) fit. One long loop
 * costs far less per item than the same work in slices between frames: decorating the 1,000-item
 * X fixture took 11.7-13.4 ms this way (Mastodon 10.4-19.7) where the slices took 21.6-29.9 ms
 * (Mastodon 17.8-28.0) in the same minutes (test/bench/content.mjs's timeline, 3 runs each). At
 * 12 ms X's scan ran out of time in 2 runs of 3, and its rest cost more per item in slices. A
 * task of 16 ms at most, a frame, and only on a page that shows some 1,000 items at once.
 */
export const DECORATE_NOW_MS = 16;

/**
 * Items near the viewport are decorated together with up to this many of their neighbours that
 * are waiting too. In a scrolling page each task of ours starts cold (the browser has just drawn a
 * frame), so fewer, larger tasks cost less per item: scrolling the 1,000-item X fixture,
 * decorating it all cost about 55 ms in 58 tasks of 16 and 40 ms in 15 tasks of 64 (with the
 * control of the time); 128 makes 7 tasks of about 3 ms, still far inside a frame. A virtualised
 * feed (X keeps some 20 rows) has fewer rows than this in the page at once.
 */
export const DECORATE_AHEAD = 128;

/**
 * A task stops taking neighbours after this long (the items near the viewport are always done).
 * Where reading an item costs more (Facebook and LinkedIn have no cheap peek), 128 of them took
 * 16-21 ms, more than a frame; 16 per task kept them under about 8 ms, and with this limit
 * they measured 7-11 ms (the items near the viewport come first, however long they take). At
 * 4 ms, X's tasks of about 3.5 ms were cut short too: 9 tasks instead of 7, and 32 ms instead of
 * 21 for the whole timeline.
 */
const DECORATE_SLICE_MS = 6;

/**
 * Of the waiting items that follow each other as siblings (a timeline's rows, with at most
 * ITEM_GAP other rows between two), only every this many, and the last of each batch found, are
 * watched by the IntersectionObserver. Whichever comes near first brings its waiting neighbours
 * with it (the walk in #onVisible goes both ways), so each item is at most this many places from
 * a watched one on either side. Every watched item costs a call to watch it, one to stop, a
 * report when it is first watched, and the browser's intersection work in every frame. Loading
 * and scrolling the 1,000-item X fixture (traced, so slower than untraced), the browser's
 * intersection updates took 296 ms instead of 644 when every item was watched, and our own calls
 * 40 ms instead of 44 (medians of 4 and 8 runs). Few enough that the items between two watched
 * ones never span the 5 screens (two screens' margin on each side and the viewport) it would take
 * for a jump to land among them with neither near.
 */
export const WATCH_EVERY = 4;

/**
 * Rows between two items that are not items themselves: Hacker News follows each story with its
 * subtext row and a spacer, old Reddit each thing with a clearing div. The neighbour walk and the
 * run rule step over up to this many; more than this (a comment tree, a footer) ends a run. Before,
 * one such row ended it: on old Reddit every item was watched and decorated in a task of its own
 * (490 tasks and about 220 ms for 1,000 items, against 12 tasks for X).
 */
export const ITEM_GAP = 3;

/** Steps through an item's siblings, for #nearestItem. */
const NEXT = (element: Element): Element | null => element.nextElementSibling;
const PREVIOUS = (element: Element): Element | null => element.previousElementSibling;

/** What the feed watcher's MutationObserver is told about. */
const WATCHED_CHANGES: MutationObserverInit = { childList: true, subtree: true };

/** An item found and waiting to come near the viewport. */
const WAITING = 1;
/** A waiting item the IntersectionObserver watches (see WATCH_EVERY). */
const WATCHED = 2;
/**
 * Where an item is: waiting (watched or not), or handled: decorated, or an ad (null), which is not
 * read again. One map for all of them: a lookup costs about as much as a step of the walk.
 */
type ItemState = typeof WAITING | typeof WATCHED | Decorated | null;
const isWaiting = (state: ItemState | undefined): state is typeof WAITING | typeof WATCHED => state === WAITING || state === WATCHED;
const isHandled = (state: ItemState | undefined): state is Decorated | null => state !== undefined && !isWaiting(state);

export class FeedWatcher {
  readonly #items = new WeakMap<Element, ItemState>();
  /** The last item found in this batch, and how many siblings in a row since one was watched. */
  #runTail: Element | null = null;
  #runLength = 0;
  readonly #byId = new Map<string, Decorated[]>();
  /** The adapter with only the item selectors this browser can parse. */
  readonly #adapter: SiteAdapter;
  readonly #combinedSelector: string;
  #observer: MutationObserver | null = null;
  readonly #pendingIds = new Set<string>();
  #flushTimer: ReturnType<typeof setTimeout> | null = null;
  /** The page URL, read once per batch of work rather than once per item. */
  #currentUrl: URL | null = null;
  /** Decorates items as they near the viewport; null where the engine has none (jsdom): eager. */
  #visibility: IntersectionObserver | null = null;
  /** Until when (performance.now()) the task at work decorates the items it finds at once. */
  #decorateNowUntil = 0;
  /** Whether the page asked for User Timing entries (TIMING_ATTRIBUTE). */
  readonly #timed: boolean;

  readonly #deps: FeedDependencies;

  constructor(deps: FeedDependencies) {
    this.#deps = deps;
    this.#adapter = { ...deps.adapter, itemSelectors: parsableSelectors(deps.document, deps.adapter.itemSelectors) };
    this.#combinedSelector = this.#adapter.itemSelectors.join(',');
    this.#timed = deps.document.documentElement?.hasAttribute(TIMING_ATTRIBUTE) ?? false;
    onAbort(deps.signal, () => this.stop());
  }

  start(): void {
    if (this.#deps.signal.aborted || this.#combinedSelector === '') return;
    const body = this.#deps.document.body;
    const View = this.#deps.document.defaultView?.IntersectionObserver;
    if (typeof View === 'function') this.#visibility = new View((entries) => this.#onVisible(entries), { rootMargin: '200% 0px' });
    const started = performance.now();
    this.#takeIn([body]);
    this.#measureSince('stroom:initial-scan', started);
    this.#observer = new MutationObserver((records) => this.#onMutations(records));
    this.#observer.observe(body, WATCHED_CHANGES);
    // One delegated listener for every control; only a real user's click counts.
    this.#deps.document.addEventListener('click', (event) => this.#onClick(event), { capture: true, signal: this.#deps.signal });
  }

  /**
   * Find the items inside `roots` (the page's body on start, or what a batch of changes added) and
   * take each in: decorated at once while DECORATE_NOW_MS last, the rest watched until they near
   * the viewport.
   */
  #takeIn(roots: Iterable<Element>): void {
    this.#decorateNowUntil = performance.now() + (this.#deps.decorateNowMs ?? DECORATE_NOW_MS);
    const fresh: Decorated[] = [];
    this.#withoutOwnRecords(() => {
      for (const root of roots) {
        if (!root.isConnected) continue;
        for (const element of findItemElements(root, this.#adapter)) this.#consider(element, fresh);
      }
      // Before the page's changes that came meanwhile are taken in (a run of their own).
      this.#endRun();
    });
    this.#refreshSavedState(fresh);
  }

  /** A found item: decorated now while the task has time (always where nothing watches), or watched until it nears the viewport. */
  #consider(element: Element, fresh: Decorated[]): void {
    // Handled, or found again (content added to it) while waiting: still in its run.
    if (this.#items.has(element)) return;
    if (this.#visibility && performance.now() >= this.#decorateNowUntil) {
      this.#items.set(element, WAITING);
      // The next item after the last one found, and not the WATCH_EVERY-th in a row: its run's
      // watched items bring it. Otherwise it starts a run, or is due to be watched.
      if (this.#runLength > 0 && this.#runLength < WATCH_EVERY && this.#nearestItem(element, PREVIOUS) === this.#runTail) this.#runLength += 1;
      else {
        this.#watch(element);
        this.#runLength = 1;
      }
      this.#runTail = element;
      return;
    }
    const decorated = this.#decorate(element);
    if (decorated) fresh.push(decorated);
  }

  /**
   * The nearest item (waiting, or handled already) beside `from` in the direction of `step`, over
   * at most ITEM_GAP rows that are not items; null when there is none that near. Both the watch
   * rule and the neighbour walk find an item's neighbours this way.
   */
  #nearestItem(from: Element, step: (element: Element) => Element | null): Element | null {
    let element = step(from);
    for (let gap = 0; element && !this.#items.has(element); gap += 1) {
      if (gap === ITEM_GAP) return null;
      element = step(element);
    }
    return element;
  }

  /** The last item found in a batch is watched too: a reader scrolling up meets it first. */
  #endRun(): void {
    if (this.#runTail) this.#watch(this.#runTail);
    this.#runTail = null;
    this.#runLength = 0;
  }

  #watch(element: Element): void {
    if (this.#items.get(element) !== WAITING) return;
    this.#items.set(element, WATCHED);
    this.#visibility?.observe(element);
  }

  #onVisible(entries: IntersectionObserverEntry[]): void {
    const started = performance.now();
    const until = started + DECORATE_SLICE_MS;
    const fresh: Decorated[] = [];
    this.#withoutOwnRecords(() => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const state = this.#items.get(entry.target);
        if (isWaiting(state)) this.#decorateWaiting(entry.target, state, fresh);
        // Its waiting neighbours in the feed, both ways (the reader may scroll up): the next ones due.
        let ahead = DECORATE_AHEAD;
        const walk = (step: (element: Element) => Element | null): void => {
          // Up to an item handled already (or none near): rows between items are stepped over.
          for (let element = this.#nearestItem(entry.target, step); element; element = this.#nearestItem(element, step)) {
            const state = this.#items.get(element);
            if (!isWaiting(state)) return;
            if (ahead-- <= 0 || performance.now() >= until) {
              // Stopped with this one waiting: it is watched, and brings the rest of its run when near.
              this.#watch(element);
              return;
            }
            this.#decorateWaiting(element, state, fresh);
          }
        };
        walk(NEXT);
        walk(PREVIOUS);
      }
      this.#refreshSavedState(fresh);
    });
    this.#measureSince('stroom:decorate', started);
  }

  /**
   * Run `work` (which puts controls into the page) with the MutationObserver disconnected, so
   * that each control going in does not queue a record for it to sift out again (about 1 µs per
   * control, and more when the records are read). Records of the page's own changes before it
   * are taken first and handled after.
   */
  #withoutOwnRecords(work: () => void): void {
    const observer = this.#observer;
    const pending = observer?.takeRecords() ?? [];
    observer?.disconnect();
    try {
      work();
    } finally {
      // Unless the watcher was stopped meanwhile.
      if (observer && this.#observer === observer) {
        observer.observe(this.#deps.document.body, WATCHED_CHANGES);
        if (pending.length > 0) this.#onMutations(pending);
      }
    }
  }

  /**
   * Decorate an item that was waiting to near the viewport. It is read once: an item without its
   * content yet is found again when the content arrives.
   */
  #decorateWaiting(element: Element, state: typeof WAITING | typeof WATCHED, fresh: Decorated[]): void {
    if (state === WATCHED) this.#visibility?.unobserve(element);
    const decorated = element.isConnected ? this.#decorate(element) : this.#forget(element);
    if (decorated) fresh.push(decorated);
  }

  /** Not handled after all (gone from the page, or not readable yet): found again if it comes back. */
  #forget(element: Element): null {
    this.#items.delete(element);
    return null;
  }

  #onMutations(records: MutationRecord[]): void {
    if (!this.#deps.alive()) {
      this.#deps.onContextGone();
      return;
    }
    const roots = new Set<Element>();
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) {
        if (node.nodeType !== 1) continue;
        const element = node as Element;
        const root = this.#rootFor(element);
        if (root) roots.add(root);
      }
    }
    if (roots.size === 0) return;
    const started = performance.now();
    this.#takeIn(roots);
    this.#measureSince('stroom:mutation-batch', started);
  }

  /**
   * Where to look for items after `element` was added. Inside an item already handled (decorated,
   * or an ad): nowhere. Content filled into a post (an image, a link card, an expanded content
   * warning) is no new item, though it may match a lower-priority selector: X's inner
   * `article[data-testid="tweet"]` inside its cell, Mastodon's `.status[data-id]` inside its
   * article; reading it as one gave the post a second control. Inside an item not readable
   * before (no id yet): that whole item, whose content has now arrived. Elsewhere: the element.
   */
  #rootFor(element: Element): Element | null {
    let outermost: Element | null = null;
    for (let item = element.parentElement?.closest(this.#combinedSelector); item; item = item.parentElement?.closest(this.#combinedSelector)) {
      if (isHandled(this.#items.get(item))) return null;
      outermost = item;
    }
    return outermost ?? element;
  }

  /** A User Timing entry for `npm run bench`, only on a page that asked for them (TIMING_ATTRIBUTE). */
  #measureSince(name: string, start: number): void {
    if (!this.#timed) return;
    try {
      performance.measure(name, { start });
    } catch {
      // Older engines (and jsdom) lack measure options; the numbers are for benchmarks only.
    }
  }

  /** Read a found item and give it its control; null when it gets none (an ad is handled, an item not readable yet is not). */
  #decorate(element: Element): Decorated | null {
    this.#currentUrl ??= this.#deps.pageUrl();
    const peek = peekElement(element, this.#adapter, this.#currentUrl);
    if (!peek) return this.#forget(element);
    if (peek.isAd) {
      this.#items.set(element, null); // never offered for saving
      return null;
    }
    // Unavailable (a tombstone, or the placeholder Mastodon renders for an entry out of view and
    // fills in when it scrolls back) or not hydrated yet (no id): no control now, but read it
    // again when its content arrives. Marking placeholders seen left those posts without one.
    const id = peek.id;
    if (peek.unavailable || id === null) return this.#forget(element);
    const control = createControl(this.#deps.document, this.#deps.labels);
    try {
      (this.#adapter.placeControl ?? appendControl)(element, control.button);
    } catch (error) {
      // The adapter's anchor is missing in this item: leave it (and the page) alone, try again
      // when the item changes.
      control.remove();
      debugLog('could not place a control', this.#adapter.site, error);
      return this.#forget(element);
    }
    const decorated: Decorated = { element, id, control, saved: false };
    this.#items.set(element, decorated);
    const list = this.#byId.get(id);
    if (list) list.push(decorated);
    else this.#byId.set(id, [decorated]);
    return decorated;
  }

  /**
   * Ask the background which of these items are saved. Requests from the slices of one scroll
   * are gathered for a moment and sent as one message: a message costs far more than an item.
   * Items are decorated two screens ahead of the viewport, so the wait is never seen.
   */
  #refreshSavedState(fresh: Decorated[]): void {
    // The end of a batch of work: the page URL is read again for the next one.
    this.#currentUrl = null;
    if (fresh.length === 0) return;
    try {
      this.#deps.onDecorated?.(fresh);
    } catch (error) {
      debugLog('a feed feature failed', error);
    }
    for (const entry of fresh) this.#pendingIds.add(entry.id);
    if (this.#flushTimer !== null) return;
    this.#flushTimer = setTimeout(() => {
      this.#flushTimer = null;
      const ids = [...this.#pendingIds];
      this.#pendingIds.clear();
      if (ids.length === 0 || this.#deps.signal.aborted) return;
      this.#deps.savedIds(ids).then(
        (savedIds) => {
          for (const id of savedIds) for (const entry of this.#byId.get(id) ?? []) this.#show(entry, true);
        },
        () => {
          // Unknown state is shown as unsaved; saving again is idempotent.
        },
      );
    }, SAVED_STATE_BATCH_MS);
  }

  /** An item saved another way (the keyboard command): its controls say "Saved" too. */
  showSaved(id: string): void {
    for (const entry of this.#byId.get(id) ?? []) this.#show(entry, true);
  }

  #show(entry: Decorated, saved: boolean): void {
    entry.saved = saved;
    entry.control.setSaved(saved);
  }

  #onClick(event: Event): void {
    const entry = this.#controlClicked(event);
    // Only a control this watcher still shows (not one from an earlier page view).
    if (!entry || !this.#byId.get(entry.id)?.includes(entry)) return;
    event.stopPropagation(); // the click is ours: do not let the site open the post
    event.preventDefault();
    if (!event.isTrusted) return; // a page script clicking our button saves nothing
    void this.#toggle(entry);
  }

  /**
   * The decorated item whose control the click is on. Its path runs through the control (the
   * target may be its label element) and then the item: found there, not kept per control.
   */
  #controlClicked(event: Event): Decorated | null {
    const path = event.composedPath();
    for (const target of path) {
      const state = this.#items.get(target as Element);
      if (state && isHandled(state)) return path.includes(state.control.button) ? state : null;
    }
    return null;
  }

  async #toggle(entry: Decorated): Promise<void> {
    const want = !entry.saved;
    const copies = this.#byId.get(entry.id) ?? [entry];
    const showAll = (saved: boolean, busy: boolean) => {
      for (const copy of copies) {
        this.#show(copy, saved);
        copy.control.setBusy(busy);
      }
    };
    // Show the new state at once; the background confirms (or we roll back) a moment later.
    for (const copy of copies) copy.control.setError(null);
    showAll(want, true);
    let saved = !want;
    try {
      saved = await this.#deps.setSaved(entry.id, want, entry.element, want ? this.#readItem(entry) : null);
    } catch (error) {
      entry.control.setError(this.#deps.failureText(error));
    }
    showAll(saved, false);
  }

  /** The whole item, read now (its text may have been expanded since it got its control). */
  #readItem(entry: Decorated): SavableItem {
    const item = extractElement(entry.element, this.#adapter, this.#deps.pageUrl());
    // Peek and extract agree (test/dom/peek.test.ts); the item changing under us does not.
    if (item?.id !== entry.id) throw new Error('Stroom could not read this post');
    return item as SavableItem;
  }

  stop(): void {
    if (this.#flushTimer !== null) clearTimeout(this.#flushTimer);
    this.#flushTimer = null;
    this.#observer?.disconnect();
    this.#observer = null;
    this.#visibility?.disconnect();
    this.#visibility = null;
    for (const entries of this.#byId.values()) for (const entry of entries) entry.control.remove();
    this.#byId.clear();
  }
}

/** How long saved-state questions are gathered before one message asks them all. */
export const SAVED_STATE_BATCH_MS = 50;

/**
 * Set on a page's root element by `npm run bench` (test/bench/content.mjs), which reads the
 * watcher's User Timing entries from the page: only there does the watcher leave them. The
 * performance timeline belongs to the page, so on a real site its scripts (and analytics that
 * report every measure home) would learn that Stroom runs, and the entries would pile up for as
 * long as the page lives.
 */
export const TIMING_ATTRIBUTE = 'data-stroom-timing';

/**
 * Selector alternatives this browser understands. One it cannot parse (`:has()` before a
 * browser supported it) makes querySelectorAll throw, which would stop every alternative after
 * it and break the watcher; dropping it lets the next alternative do its job.
 */
function parsableSelectors(document: Document, selectors: readonly string[]): string[] {
  const probe = document.createDocumentFragment();
  return selectors.filter((selector) => {
    try {
      probe.querySelector(selector);
      return true;
    } catch {
      debugLog('selector not supported here', selector);
      return false;
    }
  });
}

function appendControl(item: Element, control: HTMLElement): void {
  item.append(control);
}

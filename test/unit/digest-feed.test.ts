/**
 * @jest-environment jsdom
 *
 * The caught-up divider and the session nudge in a DOM (jsdom), with hand-set item positions
 * standing in for layout and scrolling, scroll events, and an in-memory storage.local.
 */
import { DIVIDER_TAG, SENTINEL_EVERY, recentSeenKey, seenKey, watchCaughtUp } from '../../src/content/divider';
import type { SeenStorage } from '../../src/content/divider';
import { NUDGE_TAG, sessionNudge } from '../../src/content/nudge';
import { SeenLog, parseSeen } from '../../src/content/seen';

/** Items are 120 px rows 130 px apart, in document order (hidden ones have no box); scrolling moves them all up. */
const ROW = 130;
let scrollY = 0;
/** Each item's box where the browser's layout would put it. */
const boxes = new WeakMap<Element, DOMRect>();
/** How many times Stroom read a position (the browser's observer reads `boxes` directly). */
let positionReads = 0;
function layOut(): void {
  let row = 0;
  for (const element of Array.from(document.querySelectorAll<HTMLElement>('article'))) {
    const top = (element.hidden ? 0 : row++ * ROW) - scrollY;
    const box = element.hidden ? { top: 0, bottom: 0, height: 0 } : { top, bottom: top + 120, height: 120 };
    boxes.set(element, { ...box, left: 0, right: 600, width: 600, x: 0, y: box.top } as DOMRect);
    element.getBoundingClientRect = () => {
      positionReads++;
      return boxes.get(element)!;
    };
  }
}

const NO_BOX = { top: 0, bottom: 0, height: 0, left: 0, right: 0, width: 0, x: 0, y: 0 } as DOMRect;
/**
 * jsdom has no layout and no IntersectionObserver. This one stands in for a browser's, with the
 * viewport grown far downward as Stroom asks: after each frame (and soon after observe()), it
 * reports the observed items whose state changed, an item being "in" when it has a box whose
 * bottom is below the top edge.
 */
const observers = new Set<TopEdgeObserver>();
class TopEdgeObserver {
  readonly #targets = new Map<Element, boolean | undefined>();
  constructor(private readonly report: (entries: Array<Pick<IntersectionObserverEntry, 'target' | 'isIntersecting' | 'boundingClientRect'>>) => void) {
    observers.add(this);
  }
  observe(target: Element): void {
    observers.add(this);
    if (!this.#targets.has(target)) this.#targets.set(target, undefined);
    setTimeout(() => this.frame(), 0);
  }
  unobserve(target: Element): void {
    this.#targets.delete(target);
  }
  disconnect(): void {
    this.#targets.clear();
    observers.delete(this);
  }
  get size(): number {
    return this.#targets.size;
  }
  get targets(): Element[] {
    return [...this.#targets.keys()];
  }
  frame(): void {
    const entries = [];
    for (const [target, was] of this.#targets) {
      const box = (target.isConnected && boxes.get(target)) || NO_BOX;
      const isIntersecting = box.height > 0 && box.bottom > 0;
      if (isIntersecting === was) continue;
      this.#targets.set(target, isIntersecting);
      entries.push({ target, isIntersecting, boundingClientRect: box });
    }
    if (entries.length > 0) this.report(entries);
  }
}

/** Scroll to `y` (after the frames due at the current position): the browser lays the page out and its observers report. */
async function scrollTo(y: number): Promise<void> {
  await flush();
  scrollY = y;
  layOut();
  for (const observer of observers) observer.frame();
  await flush();
}
/** Rows 0 to n-1 have gone over the top edge of the viewport at this scroll position. */
const past = (n: number) => n * ROW;

function memoryStorage(): SeenStorage & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    async get(keys) {
      return Object.fromEntries(keys.filter((key) => data.has(key)).map((key) => [key, structuredClone(data.get(key))]));
    },
    async set(items) {
      for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
    },
  };
}

function feed(count: number): Array<{ element: Element; id: string }> {
  document.body.replaceChildren();
  return Array.from({ length: count }, (_, i) => {
    const element = document.createElement('article');
    element.textContent = `post ${i}`;
    document.body.append(element);
    return { element, id: String(1000 - i) };
  });
}

const flush = () => new Promise((done) => setTimeout(done, 0));

beforeAll(() => Object.assign(window, { IntersectionObserver: TopEdgeObserver }));
afterAll(() => delete (window as { IntersectionObserver?: unknown }).IntersectionObserver);
const NOW = Date.UTC(2026, 2, 10, 9, 14);

afterEach(() => {
  scrollY = 0;
  jest.useRealTimers();
});

test('posts scrolled past are remembered; on the next visit the divider sits on the first of them', async () => {
  const storage = memoryStorage();
  const visit = (signal: AbortSignal, entries: ReturnType<typeof feed>) => {
    const hook = watchCaughtUp({ document, site: 'x', storage, showDivider: true, dividerText: (at) => `caught up ${new Date(at).toISOString()}`, now: () => NOW, signal });
    hook(entries);
  };
  const first = new AbortController();
  const entries = feed(5);
  layOut();
  visit(first.signal, entries);
  await scrollTo(0); // the feed as it opens: nothing scrolled past yet
  expect(document.querySelector(DIVIDER_TAG)).toBeNull();
  await scrollTo(past(3)); // three posts went over the top; the fourth is at the top, on screen
  first.abort(); // leaving the page looks at what went past, and writes at once
  await flush();
  expect(storage.data.get(seenKey('x'))).toBeDefined();

  // Next visit: two new posts on top, then the two seen ones.
  const second = new AbortController();
  document.body.replaceChildren();
  const post = (id: string) => {
    const element = document.createElement('article');
    document.body.append(element);
    return { element, id };
  };
  const fresh = [post('new-1'), post('new-2')];
  const old = [post(entries[0]!.id), post(entries[1]!.id), post(entries[2]!.id)];
  layOut();
  visit(second.signal, [...fresh, ...old]);
  await flush();
  const dividers = document.querySelectorAll(DIVIDER_TAG);
  expect(dividers).toHaveLength(1);
  expect(dividers[0]!.parentElement).toBe(old[0]!.element);
  expect(dividers[0]!.getAttribute('role')).toBe('separator');
  expect(dividers[0]!.getAttribute('aria-label')).toBe('caught up 2026-03-10T09:14:00.000Z');
  const remembered = new SeenLog(parseSeen(storage.data.get(seenKey('x'))));
  expect(entries.map(({ id }) => remembered.seenBefore(id) !== undefined)).toEqual([true, true, true, false, false]);
  second.abort();
  expect(document.querySelector(DIVIDER_TAG)).toBeNull();
});

test('with the divider off, nothing is shown but scrolled-past posts are still remembered', async () => {
  const storage = memoryStorage();
  const entries = feed(2);
  storage.data.set(seenKey('x'), { v: 1, groups: [] });
  const controller = new AbortController();
  const hook = watchCaughtUp({ document, site: 'x', storage, showDivider: false, dividerText: () => 'x', now: () => NOW, signal: controller.signal, onSeen: jest.fn() });
  layOut();
  hook(entries);
  await scrollTo(0);
  await scrollTo(past(1));
  controller.abort();
  await flush();
  expect(document.querySelector(DIVIDER_TAG)).toBeNull();
  expect((storage.data.get(seenKey('x')) as { groups: unknown[] }).groups).toHaveLength(1);
});

/** How many items the hook said were scrolled past, over all its calls. */
const seenCount = (onSeen: jest.Mock) => onSeen.mock.calls.reduce((sum: number, [count]: [number]) => sum + count, 0);

/** A hook on a fresh page and storage; `remembered` lists which of the ids were marked seen. */
function watchFresh() {
  const storage = memoryStorage();
  const controller = new AbortController();
  const onSeen = jest.fn();
  const hook = watchCaughtUp({ document, site: 'x', storage, showDivider: false, dividerText: () => 'x', now: () => NOW, signal: controller.signal, onSeen });
  const remembered = async (ids: string[]) => {
    controller.abort(); // writes at once
    await flush();
    const log = new SeenLog(parseSeen(storage.data.get(seenKey('x'))));
    return ids.filter((id) => log.seenBefore(id) !== undefined);
  };
  return { hook, onSeen, remembered };
}

test('a page opened scrolled down remembers only what is scrolled past from there', async () => {
  const entries = feed(6);
  scrollY = past(2); // a restored scroll position: posts 0 and 1 are above, never read
  layOut();
  const { hook, onSeen, remembered } = watchFresh();
  hook(entries);
  await scrollTo(past(2));
  await scrollTo(past(4));
  expect(await remembered(entries.map(({ id }) => id))).toEqual([entries[2]!.id, entries[3]!.id]);
  expect(seenCount(onSeen)).toBe(2);
});

test('a post the page adds above the waiting ones (a stream) is remembered when scrolled past, in its place', async () => {
  const entries = feed(4);
  layOut();
  const { hook, remembered } = watchFresh();
  hook(entries);
  await scrollTo(0);
  const streamed = document.createElement('article');
  document.body.prepend(streamed);
  layOut(); // everything moved down a row
  hook([{ element: streamed, id: 'streamed' }]);
  await scrollTo(0);
  await scrollTo(past(2)); // the streamed post and the first old one went over the top
  expect(await remembered(['streamed', ...entries.map(({ id }) => id)])).toEqual(['streamed', entries[0]!.id]);
});

test('scrolling runs no Stroom code: one post is observed, SENTINEL_EVERY from the first, and when it goes over the top it and all before it count as seen without reading a position', async () => {
  const K = SENTINEL_EVERY;
  const entries = feed(2 * K + 8);
  layOut();
  const { hook, onSeen, remembered } = watchFresh();
  hook(entries.slice(0, K + 4));
  hook(entries.slice(K + 4)); // a second batch of posts, added at the end
  await scrollTo(0);
  positionReads = 0;
  document.dispatchEvent(new Event('scroll'));
  // One item observed at a time (the browser works on each in every frame): the first post's
  // probe has reported and is done.
  expect([...observers].map((observer) => observer.size)).toEqual([1]);
  await scrollTo(past(K - 1)); // posts 0 to K-2 went over the top; the one observed is post K-1
  expect(seenCount(onSeen)).toBe(0);
  await scrollTo(past(K)); // post K-1 went over the top too
  expect(seenCount(onSeen)).toBe(K);
  await scrollTo(past(K + 6)); // the next one observed is post 2K-1
  expect(seenCount(onSeen)).toBe(K);
  expect([...observers].map((observer) => observer.size)).toEqual([1]);
  expect(positionReads).toBe(0);
  // Leaving the page reads where the posts after the last report are: six more went past.
  expect(await remembered(entries.map(({ id }) => id))).toEqual(entries.slice(0, K + 6).map(({ id }) => id));
  expect(positionReads).toBe(7); // six past the top edge, and the first below it
  expect(seenCount(onSeen)).toBe(K + 6);
});

test('once the page view has ended, nothing more is remembered and nothing is left observed', async () => {
  const entries = feed(SENTINEL_EVERY + 8);
  layOut();
  const { hook, onSeen, remembered } = watchFresh();
  hook(entries);
  await scrollTo(0);
  // Scrolled past the observed post, and the page view ends before the browser's next frame:
  // leaving looks at the positions (and would observe a next post, were the observer kept).
  scrollY = past(SENTINEL_EVERY + 1);
  layOut();
  expect(await remembered(entries.map(({ id }) => id))).toEqual(entries.slice(0, SENTINEL_EVERY + 1).map(({ id }) => id));
  expect(observers.size).toBe(0);
  await scrollTo(past(SENTINEL_EVERY + 8));
  expect(seenCount(onSeen)).toBe(SENTINEL_EVERY + 1);
});

test('while scrolling only what was marked since is written; leaving writes the whole record, which the next visit reads with it', async () => {
  const storage = memoryStorage();
  const whole = { v: 1, groups: [[Math.floor(NOW / 60_000) - 60, 'AAAAAA']] }; // an item seen an hour ago
  storage.data.set(seenKey('x'), whole);
  const entries = feed(SENTINEL_EVERY + 4);
  layOut();
  const controller = new AbortController();
  const hook = watchCaughtUp({ document, site: 'x', storage, showDivider: false, dividerText: () => 'x', now: () => NOW, signal: controller.signal, writeDelayMs: 50 });
  hook(entries);
  await scrollTo(0);
  await scrollTo(past(SENTINEL_EVERY)); // the post observed, and all before it, went past
  await new Promise((done) => setTimeout(done, 100)); // the write, soon after
  expect(storage.data.get(seenKey('x'))).toEqual(whole);
  const recent = storage.data.get(recentSeenKey('x')) as { groups: Array<[number, string]> };
  expect(recent.groups).toEqual([[Math.floor(NOW / 60_000), expect.stringMatching(new RegExp(`^[\\w-]{${6 * SENTINEL_EVERY}}$`))]]);

  // A second page view (another tab) reads both, and knows them all.
  const other = new SeenLog(parseSeen(storage.data.get(seenKey('x'))), parseSeen(storage.data.get(recentSeenKey('x'))));
  expect(entries.slice(0, SENTINEL_EVERY).every(({ id }) => other.seenBefore(id) === Math.floor(NOW / 60_000) * 60_000)).toBe(true);

  controller.abort(); // leaving: the whole record takes in the recent part, which is emptied
  await flush();
  expect(storage.data.get(recentSeenKey('x'))).toEqual({ v: 1, groups: [] });
  const stored = new SeenLog(parseSeen(storage.data.get(seenKey('x'))));
  expect(stored.seenBefore(entries[0]!.id)).toBeDefined();
  expect((storage.data.get(seenKey('x')) as { groups: unknown[] }).groups).toHaveLength(2);
});

test('a removed post counts as scrolled past when one after it went over the top; a hidden one is never remembered', async () => {
  const entries = feed(6);
  layOut();
  const { hook, remembered } = watchFresh();
  hook(entries);
  await scrollTo(0);
  entries[1]!.element.remove(); // a virtualised list dropped it
  (entries[2]!.element as HTMLElement).hidden = true; // display: none
  entries[5]!.element.remove(); // below: nothing after it went past
  await scrollTo(0);
  // The observed post (the last one, here) went away: the one before it is observed instead, once.
  expect([...observers].flatMap((observer) => observer.targets)).toEqual([entries[4]!.element]);
  await scrollTo(past(2)); // the rows left are 0, 3 and 4: 0 and 3 went over the top
  expect(await remembered(entries.map(({ id }) => id))).toEqual([entries[0]!.id, entries[1]!.id, entries[3]!.id]);
});

test('the nudge appears once after M posts, says what it should, and can be dismissed', () => {
  const controller = new AbortController();
  const nudge = sessionNudge({ document, minutes: 45, items: 3, text: (seen, saved) => `seen ${seen}, saved ${saved}`, dismissText: 'Dismiss', signal: controller.signal });
  nudge.saved();
  nudge.seen();
  nudge.seen();
  expect(document.querySelector(NUDGE_TAG)).toBeNull();
  nudge.seen();
  const host = document.querySelector(NUDGE_TAG);
  expect(host?.shadowRoot?.textContent).toContain('seen 3, saved 1');
  nudge.seen();
  expect(document.querySelectorAll(NUDGE_TAG)).toHaveLength(1);
  (host?.shadowRoot?.querySelector('button') as HTMLButtonElement).click();
  expect(document.querySelector(NUDGE_TAG)).toBeNull();
  controller.abort();
});

test('the nudge counts items scrolled past in batches, and says how many went past', () => {
  const controller = new AbortController();
  sessionNudge({ document, minutes: 45, items: 10, text: (seen) => `seen ${seen}`, dismissText: 'Dismiss', signal: controller.signal }).seen(17);
  expect(document.querySelector(NUDGE_TAG)?.shadowRoot?.textContent).toContain('seen 17');
  controller.abort();
});

test('the nudge also appears after N minutes', () => {
  jest.useFakeTimers();
  const controller = new AbortController();
  sessionNudge({ document, minutes: 5, items: 1000, text: () => 'time', dismissText: 'Dismiss', signal: controller.signal });
  jest.advanceTimersByTime(4 * 60_000);
  expect(document.querySelector(NUDGE_TAG)).toBeNull();
  jest.advanceTimersByTime(60_000);
  expect(document.querySelector(NUDGE_TAG)).not.toBeNull();
  controller.abort();
  expect(document.querySelector(NUDGE_TAG)).toBeNull();
});

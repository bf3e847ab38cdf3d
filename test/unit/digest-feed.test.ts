/**
 * @jest-environment jsdom
 *
 * The caught-up divider and the session nudge in a DOM (jsdom), with hand-set item positions
 * standing in for layout and scrolling, scroll events, and an in-memory storage.local.
 */
import { DIVIDER_TAG, seenKey, watchCaughtUp } from '../../src/content/divider';
import type { SeenStorage } from '../../src/content/divider';
import { NUDGE_TAG, sessionNudge } from '../../src/content/nudge';
import { SeenLog, parseSeen } from '../../src/content/seen';

/** Items are 120 px rows 130 px apart, in document order (hidden ones have no box); scrolling moves them all up. */
const ROW = 130;
const VIEWPORT = 768;
let scrollY = 0;
function layOut(): void {
  let row = 0;
  for (const element of Array.from(document.querySelectorAll<HTMLElement>('article'))) {
    const top = (element.hidden ? 0 : row++ * ROW) - scrollY;
    const box = element.hidden ? { top: 0, bottom: 0, height: 0 } : { top, bottom: top + 120, height: 120 };
    element.getBoundingClientRect = () => ({ ...box, left: 0, right: 600, width: 600, x: 0, y: box.top }) as DOMRect;
  }
}

/** Scroll to `y`: the page fires a scroll event, and the look it schedules (no delay here) runs. */
async function scrollTo(y: number): Promise<void> {
  scrollY = y;
  layOut();
  document.dispatchEvent(new Event('scroll'));
  await flush();
  await flush();
}
/** Rows 0 to n-1 have gone over the top edge of the viewport at this scroll position. */
const past = (n: number) => n * ROW;

function memoryStorage(): SeenStorage & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    async get(key) {
      return structuredClone(data.get(key));
    },
    async set(key, value) {
      data.set(key, structuredClone(value));
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

/**
 * jsdom has no layout and no ResizeObserver. This one reports each observed target once, soon
 * after observe() (a browser: after its next layout), unless disconnected first.
 */
const soon = (report: () => void) => void setTimeout(report, 0);
let reportAfter = soon;
const observed: Element[] = [];
class LayoutReportObserver {
  #connected = false;
  constructor(private readonly report: () => void) {}
  observe(target: Element): void {
    observed.push(target);
    this.#connected = true;
    reportAfter(() => this.#connected && this.report());
  }
  disconnect(): void {
    this.#connected = false;
  }
}
beforeAll(() => Object.assign(window, { ResizeObserver: LayoutReportObserver }));
afterAll(() => delete (window as { ResizeObserver?: unknown }).ResizeObserver);
/** The next "frame" (jsdom draws one every 16 ms, as jest sets it up), and what it set off. */
const afterFrame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
const NOW = Date.UTC(2026, 2, 10, 9, 14);

afterEach(() => {
  scrollY = 0;
  jest.useRealTimers();
});

test('posts scrolled past are remembered; on the next visit the divider sits on the first of them', async () => {
  const storage = memoryStorage();
  const visit = (signal: AbortSignal, entries: ReturnType<typeof feed>) => {
    const hook = watchCaughtUp({ document, site: 'x', storage, showDivider: true, dividerText: (at) => `caught up ${new Date(at).toISOString()}`, now: () => NOW, signal, lookDelayMs: 0 });
    hook(entries);
  };
  const first = new AbortController();
  const entries = feed(5);
  layOut();
  visit(first.signal, entries);
  await scrollTo(0); // the feed as it opens: nothing scrolled past yet
  expect(document.querySelector(DIVIDER_TAG)).toBeNull();
  await scrollTo(past(3)); // three posts went over the top; the fourth is at the top, on screen
  await scrollTo(0); // back up: those three stay remembered, the fourth was never scrolled past
  first.abort(); // leaving the page writes at once
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
  const hook = watchCaughtUp({ document, site: 'x', storage, showDivider: false, dividerText: () => 'x', now: () => NOW, signal: controller.signal, onSeen: jest.fn(), lookDelayMs: 0 });
  layOut();
  hook(entries);
  await scrollTo(0);
  await scrollTo(past(1));
  controller.abort();
  await flush();
  expect(document.querySelector(DIVIDER_TAG)).toBeNull();
  expect((storage.data.get(seenKey('x')) as { groups: unknown[] }).groups).toHaveLength(1);
});

/** A hook on a fresh page and storage; `remembered` lists which of the ids were marked seen. */
function watchFresh() {
  const storage = memoryStorage();
  const controller = new AbortController();
  const onSeen = jest.fn();
  const hook = watchCaughtUp({ document, site: 'x', storage, showDivider: false, dividerText: () => 'x', now: () => NOW, signal: controller.signal, onSeen, lookDelayMs: 0 });
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
  expect(onSeen).toHaveBeenCalledTimes(2);
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

test('positions are read after the browser lays out a frame (a ResizeObserver report), and not once the page view has ended', async () => {
  reportAfter = (report) => void requestAnimationFrame(report); // as a browser does, after its layout
  try {
    const entries = feed(4);
    layOut();
    const { hook, onSeen, remembered } = watchFresh();
    hook(entries);
    await scrollTo(0);
    await afterFrame(); // the look that sees the feed as it opens
    scrollY = past(2);
    layOut();
    document.dispatchEvent(new Event('scroll'));
    await flush(); // the look is due: it waits for the layout report
    expect(onSeen).not.toHaveBeenCalled();
    expect(observed.at(-1)).toBe(document.documentElement);
    await afterFrame();
    expect(onSeen).toHaveBeenCalledTimes(2);
    // Scrolled again, and the page view ends before the frame: nothing more is read or remembered.
    scrollY = past(3);
    layOut();
    document.dispatchEvent(new Event('scroll'));
    await flush();
    expect(await remembered(entries.map(({ id }) => id))).toEqual([entries[0]!.id, entries[1]!.id]);
    await afterFrame();
    expect(onSeen).toHaveBeenCalledTimes(2);
  } finally {
    reportAfter = soon;
  }
});

test('posts removed from the page or hidden are not remembered and do not hold up the others', async () => {
  const entries = feed(5);
  layOut();
  const { hook, remembered } = watchFresh();
  hook(entries);
  await scrollTo(0);
  entries[0]!.element.remove(); // a virtualised list dropped it
  (entries[1]!.element as HTMLElement).hidden = true; // display: none
  await scrollTo(past(2)); // the rows left are 2, 3 and 4: two went over the top
  expect(await remembered(entries.map(({ id }) => id))).toEqual([entries[2]!.id, entries[3]!.id]);
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

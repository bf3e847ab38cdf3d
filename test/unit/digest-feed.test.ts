/**
 * @jest-environment jsdom
 *
 * The caught-up divider and the session nudge in a DOM (jsdom), with a hand-driven
 * IntersectionObserver standing in for scrolling and an in-memory storage.local.
 */
import { DIVIDER_TAG, seenKey, watchCaughtUp } from '../../src/content/divider';
import type { SeenStorage } from '../../src/content/divider';
import { NUDGE_TAG, sessionNudge } from '../../src/content/nudge';
import { SeenLog, parseSeen } from '../../src/content/seen';

type Callback = (records: Array<Partial<IntersectionObserverEntry>>) => void;
const observers: Array<{ callback: Callback; targets: Set<Element> }> = [];
class FakeObserver {
  readonly targets = new Set<Element>();
  constructor(readonly callback: Callback) {
    observers.push(this);
  }
  observe(target: Element) {
    this.targets.add(target);
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  disconnect() {
    this.targets.clear();
  }
}
(globalThis as unknown as { IntersectionObserver: unknown }).IntersectionObserver = FakeObserver;

/** The element came into view, then scrolled up out of it. */
function scrollPast(element: Element) {
  for (const observer of observers) {
    if (observer.targets.has(element)) {
      observer.callback([{ target: element, isIntersecting: true, boundingClientRect: { top: 100 } as DOMRectReadOnly }]);
      observer.callback([{ target: element, isIntersecting: false, boundingClientRect: { top: -130 } as DOMRectReadOnly }]);
    }
  }
}

/** The element went out of view at the bottom (the reader scrolled back up). */
function scrollBelow(element: Element) {
  for (const observer of observers) {
    if (observer.targets.has(element)) {
      observer.callback([{ target: element, isIntersecting: true, boundingClientRect: { top: 700 } as DOMRectReadOnly }]);
      observer.callback([{ target: element, isIntersecting: false, boundingClientRect: { top: 900 } as DOMRectReadOnly }]);
    }
  }
}

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

function feed(count: number): Array<{ element: Element; item: { id: string } & Record<string, unknown> }> {
  document.body.replaceChildren();
  return Array.from({ length: count }, (_, i) => {
    const element = document.createElement('article');
    element.textContent = `post ${i}`;
    document.body.append(element);
    return { element, item: { id: String(1000 - i), site: 'x' } };
  });
}

const flush = () => new Promise((done) => setTimeout(done, 0));
const NOW = Date.UTC(2026, 2, 10, 9, 14);

afterEach(() => {
  observers.length = 0;
  jest.useRealTimers();
});

test('posts scrolled past are remembered; on the next visit the divider sits on the first of them', async () => {
  const storage = memoryStorage();
  const visit = (signal: AbortSignal, entries: ReturnType<typeof feed>) => {
    const hook = watchCaughtUp({ document, site: 'x', storage, showDivider: true, dividerText: (at) => `caught up ${new Date(at).toISOString()}`, now: () => NOW, signal });
    hook(entries as never);
  };
  const first = new AbortController();
  const entries = feed(5);
  visit(first.signal, entries);
  await flush();
  expect(document.querySelector(DIVIDER_TAG)).toBeNull();
  scrollPast(entries[0]!.element);
  scrollPast(entries[1]!.element);
  scrollPast(entries[2]!.element);
  scrollBelow(entries[2]!.element); // already remembered: stays so
  scrollBelow(entries[3]!.element); // seen, but not scrolled past: not remembered
  first.abort(); // leaving the page writes at once
  await flush();
  expect(storage.data.get(seenKey('x'))).toBeDefined();

  // Next visit: two new posts on top, then the two seen ones.
  const second = new AbortController();
  document.body.replaceChildren();
  const post = (id: string) => {
    const element = document.createElement('article');
    document.body.append(element);
    return { element, item: { id, site: 'x' } };
  };
  const fresh = [post('new-1'), post('new-2')];
  const old = [post(entries[0]!.item.id), post(entries[1]!.item.id), post(entries[2]!.item.id)];
  visit(second.signal, [...fresh, ...old]);
  await flush();
  const dividers = document.querySelectorAll(DIVIDER_TAG);
  expect(dividers).toHaveLength(1);
  expect(dividers[0]!.parentElement).toBe(old[0]!.element);
  expect(dividers[0]!.getAttribute('role')).toBe('separator');
  expect(dividers[0]!.getAttribute('aria-label')).toBe('caught up 2026-03-10T09:14:00.000Z');
  const remembered = new SeenLog(parseSeen(storage.data.get(seenKey('x'))));
  expect(entries.map(({ item }) => remembered.seenBefore(item.id) !== undefined)).toEqual([true, true, true, false, false]);
  second.abort();
  expect(document.querySelector(DIVIDER_TAG)).toBeNull();
});

test('with the divider off, nothing is shown but scrolled-past posts are still remembered', async () => {
  const storage = memoryStorage();
  const entries = feed(2);
  storage.data.set(seenKey('x'), { v: 1, groups: [] });
  const controller = new AbortController();
  const hook = watchCaughtUp({ document, site: 'x', storage, showDivider: false, dividerText: () => 'x', now: () => NOW, signal: controller.signal, onSeen: jest.fn() });
  hook(entries as never);
  await flush();
  scrollPast(entries[0]!.element);
  controller.abort();
  await flush();
  expect(document.querySelector(DIVIDER_TAG)).toBeNull();
  expect((storage.data.get(seenKey('x')) as { groups: unknown[] }).groups).toHaveLength(1);
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

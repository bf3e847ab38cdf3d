/**
 * FeedWatcher (src/content/feed.ts) under jsdom, on the committed fixtures with fake
 * dependencies: which items get a save control, what the control is, how it follows the
 * timeline as it grows, and that nothing a page does (or a broken adapter) gets through.
 *
 * Each fixture is loaded into the test's global document (FeedWatcher observes it with the
 * global MutationObserver); the page URL reaches the adapter through the `pageUrl` dependency.
 *
 * A trusted click (a real user) calling setSaved cannot be produced in jsdom: every event a test
 * dispatches has isTrusted false. The e2e tier (test/e2e/save-and-popup.test.ts) clicks the
 * control in real Chromium and proves that path; here we prove the untrusted path saves nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DECORATE_AHEAD, FeedWatcher, ITEM_GAP, SAVED_STATE_BATCH_MS, WATCH_EVERY } from '../../src/content/feed';
import type { FeedDependencies } from '../../src/content/feed';
import { adapterFor, extractElement, findItemElements } from '../../src/sites';
import type { SiteAdapter } from '../../src/sites/types';
import { FIXTURE_DIR, fixtureManifest, insertLazyTemplates } from './fixtureLoader';
import type { FixtureEntry } from './fixtureLoader';
import enMessages from '../../src/_locales/en/content.json';

type Expected = Record<string, unknown> & { id: string | null; isAd: boolean; unavailable: boolean; lazy?: boolean };

/** chrome.i18n.getMessage over the real English messages, so labels are the shipped strings. */
function message(name: string, substitutions: string[] = []): string {
  const entry = (enMessages as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>)[name];
  if (!entry) throw new Error(`no message ${name}`);
  return entry.message.replace(/\$(\w+)\$/g, (_match, placeholder: string) => {
    const content = entry.placeholders?.[placeholder.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_m, index: string) => substitutions[Number(index) - 1] ?? '');
  });
}
const LABELS = {
  name: message('saveControlLabel'),
  savedName: message('savedControlLabel'),
  save: message('saveControlText'),
  saved: message('savedControlText'),
};

const ENTRIES = fixtureManifest();
const entryFor = (site: string): FixtureEntry => {
  const entry = ENTRIES.find((candidate) => candidate.site === site);
  if (!entry) throw new Error(`no ${site} fixture`);
  return entry;
};

/** Replace the global document's content with a fixture; returns its adapter and expectations. */
function loadFixture(entry: FixtureEntry): { adapter: SiteAdapter; pageUrl: URL; expected: Expected[]; html: string } {
  const html = readFileSync(join(FIXTURE_DIR, entry.html), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.replaceChild(document.adoptNode(parsed.documentElement), document.documentElement);
  const pageUrl = new URL(entry.url);
  const adapter = adapterFor(pageUrl, document);
  if (!adapter) throw new Error(`no adapter for ${entry.url}`);
  const expected = JSON.parse(readFileSync(join(FIXTURE_DIR, entry.expected), 'utf8')) as Expected[];
  return { adapter, pageUrl, expected, html };
}

const savableIds = (expected: Expected[], withLazy: boolean): string[] =>
  expected
    .filter((item) => item.id !== null && !item.isAd && !item.unavailable && (withLazy || item.lazy !== true))
    .map((item) => item.id as string);

function watch(adapter: SiteAdapter, pageUrl: URL, overrides: Partial<FeedDependencies> = {}) {
  const controller = new AbortController();
  const setSaved = jest.fn(async (_id: string, saved: boolean) => saved);
  // Every item given a control, in the order they got it.
  const decorated: string[] = [];
  const onDecorated = (entries: ReadonlyArray<{ id: string }>) => decorated.push(...entries.map(({ id }) => id));
  const savedIds = jest.fn(async (_ids: string[]): Promise<string[]> => []);
  const onContextGone = jest.fn(() => controller.abort());
  const deps: FeedDependencies = {
    adapter,
    document,
    pageUrl: () => pageUrl,
    labels: LABELS,
    setSaved,
    savedIds,
    onDecorated,
    failureText: () => message('saveFailed'),
    signal: controller.signal,
    alive: () => true,
    onContextGone,
    ...overrides,
  };
  const watcher = new FeedWatcher(deps);
  watcher.start();
  return { watcher, controller, setSaved, savedIds, onContextGone, decorated };
}

/** What the watcher reads an item with when it decorates it: the adapter's peek where it has one. */
const spyOnReads = (adapter: SiteAdapter) => (adapter.peek ? jest.spyOn(adapter as Required<SiteAdapter>, 'peek') : jest.spyOn(adapter, 'extract'));

/** MutationObserver callbacks and the fake savedIds promises run before a macrotask. */
/**
 * Let the MutationObserver fire and the gathered saved-state question go out (the watcher
 * batches those for SAVED_STATE_BATCH_MS); no assertion depends on how long anything took.
 */
const settle = async () => {
  await new Promise((resolve) => setTimeout(resolve, 0)); // the observer's work runs first
  await new Promise((resolve) => setTimeout(resolve, SAVED_STATE_BATCH_MS + 5));
};

/** Stroom's save controls in the page, in document order. */
const controls = (root: ParentNode = document): HTMLButtonElement[] => Array.from(root.querySelectorAll<HTMLButtonElement>('button[data-stroom-action="save"]'));
/**
 * The label the control shows: both are generated content of its <b> (::before from its save
 * attribute, ::after from saved), laid out so a click needs no layout, and the stylesheet hides the one
 * aria-pressed does not select. jsdom computes no generated content: this reads the attribute
 * the shown one comes from; e2e reads the rendered text.
 */
const shownLabel = (button: HTMLButtonElement): string | null | undefined =>
  button.querySelector('b')?.getAttribute(button.getAttribute('aria-pressed') === 'true' ? 'saved' : 'save');

/**
 * The HTML of a new item like the fixture's first savable one, under another id: what a growing
 * timeline adds. Built from the raw fixture so it carries none of our controls.
 */
const sourceItems = new Map<string, { html: string; id: string }>();
function newItemHtml(entry: FixtureEntry, adapter: SiteAdapter, n: number): { html: string; id: string } {
  let source = sourceItems.get(entry.html);
  if (!source) {
    const raw = new DOMParser().parseFromString(readFileSync(join(FIXTURE_DIR, entry.html), 'utf8'), 'text/html');
    for (const element of findItemElements(raw, adapter)) {
      const item = extractElement(element, adapter, new URL(entry.url));
      if (!item || item.id === null || item.isAd || item.unavailable || item.isRepost) continue;
      source = { html: element.outerHTML, id: item.id };
      break;
    }
    if (!source) throw new Error('no savable item to copy');
    sourceItems.set(entry.html, source);
  }
  const id = `${source.id.slice(0, -3)}${String(n).padStart(3, '0')}`;
  return { html: source.html.split(source.id).join(id), id };
}
function elementFrom(html: string): Element {
  const template = document.createElement('template');
  template.innerHTML = html;
  const element = template.content.firstElementChild;
  if (!element) throw new Error('empty html');
  return document.importNode(element, true);
}
/** Where new items of this site go: next to its first item. */
function feedContainer(adapter: SiteAdapter): Element {
  const parent = findItemElements(document, adapter)[0]?.parentElement;
  if (!parent) throw new Error('no feed container');
  return parent;
}

afterEach(() => {
  document.documentElement.innerHTML = '<head></head><body></body>';
});

// Every fixture of every registered adapter: exactly the savable items get a control.
describe.each(ENTRIES.map((entry) => [entry.html, entry] as const))('%s', (_name, entry) => {
  test('one control per savable item, none on ads, unavailable or unidentified items; items read as before', async () => {
    const { adapter, pageUrl, expected } = loadFixture(entry);
    const readAll = () => findItemElements(document, adapter).map((element) => extractElement(element, adapter, pageUrl));
    const before = readAll();
    const { decorated, controller } = watch(adapter, pageUrl);
    await settle();
    expect(readAll()).toEqual(before); // a control changes nothing an adapter reads
    expect(decorated).toEqual(savableIds(expected, false));
    expect(controls()).toHaveLength(savableIds(expected, false).length);
    for (const element of findItemElements(document, adapter)) {
      const item = extractElement(element, adapter, pageUrl);
      const savable = !!item && item.id !== null && !item.isAd && !item.unavailable;
      expect([item?.id, controls(element).length]).toEqual([item?.id, savable ? 1 : 0]);
    }
    controller.abort();
  });

  test('lazily inserted items get their controls once the observer has run', async () => {
    const { adapter, pageUrl, expected } = loadFixture(entry);
    const { decorated, controller } = watch(adapter, pageUrl);
    await settle();
    const inserted = insertLazyTemplates(document);
    await settle();
    if (inserted === 0) expect(savableIds(expected, true)).toEqual(savableIds(expected, false));
    expect([...decorated].sort()).toEqual(savableIds(expected, true).sort());
    expect(controls()).toHaveLength(savableIds(expected, true).length);
    controller.abort();
  });
});

describe.each(['x', 'mastodon'])('on the %s fixture', (site) => {
  const entry = entryFor(site);

  test('controls are plain buttons named "Save…", marked data-stroom-action="save", hidden until their style is in', async () => {
    const { adapter, pageUrl } = loadFixture(entry);
    const { controller } = watch(adapter, pageUrl);
    expect(controls().length).toBeGreaterThan(0);
    for (const button of controls()) {
      expect(button.type).toBe('button'); // never submits a site's form
      expect(button.getAttribute('aria-label')).toBe('Save to Stroom');
      expect(button.getAttribute('aria-pressed')).toBe('false');
      // The user stylesheet (src/core/controlStyle.ts) shows it: an unstyled button never does.
      expect(button.hidden).toBe(true);
      expect(shownLabel(button)).toBe('Save');
      // No text of its own: the item's text reads as it did.
      expect(button.textContent).toBe('');
    }
    controller.abort();
  });

  test('items already saved show as saved, after one savedIds call for all items', async () => {
    const { adapter, pageUrl, expected } = loadFixture(entry);
    const ids = savableIds(expected, false);
    const savedId = ids[1]!;
    const savedIds = jest.fn(async (_ids: string[]) => [savedId]);
    const { controller } = watch(adapter, pageUrl, { savedIds });
    await settle();
    expect(savedIds).toHaveBeenCalledTimes(1);
    expect(savedIds).toHaveBeenCalledWith(ids);
    const pressed = controls().map((button) => button.getAttribute('aria-pressed'));
    expect(pressed).toEqual(ids.map((id) => String(id === savedId)));
    const savedButton = controls()[ids.indexOf(savedId)]!;
    expect(shownLabel(savedButton)).toBe('Saved');
    controller.abort();
  });

  test('an item saved another way (the keyboard command) shows as saved, and only that item', async () => {
    const { adapter, pageUrl, expected } = loadFixture(entry);
    const ids = savableIds(expected, false);
    const { controller, watcher } = watch(adapter, pageUrl);
    await settle();
    watcher.showSaved(ids[0]!);
    const pressed = controls().map((button) => button.getAttribute('aria-pressed'));
    expect(pressed).toEqual(ids.map((id) => String(id === ids[0])));
    expect(controls()[0]!.getAttribute('aria-label')).toBe('Saved to Stroom');
    controller.abort();
  });

  test('a failing savedIds leaves every control unsaved and breaks nothing', async () => {
    const { adapter, pageUrl } = loadFixture(entry);
    const { controller } = watch(adapter, pageUrl, { savedIds: async () => Promise.reject(new Error('background asleep')) });
    await settle();
    expect(controls().map((button) => button.getAttribute('aria-pressed'))).not.toContain('true');
    controller.abort();
  });

  test('a synthetic (untrusted) click saves nothing and does not reach the site', async () => {
    const { adapter, pageUrl } = loadFixture(entry);
    const { setSaved, controller } = watch(adapter, pageUrl);
    const button = controls()[0]!;
    const siteHandler = jest.fn();
    button.parentElement!.addEventListener('click', siteHandler);
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await settle();
    expect(setSaved).not.toHaveBeenCalled();
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(siteHandler).not.toHaveBeenCalled();
    controller.abort();
  });

  test('a new item added to the timeline gets a control, reading only that item', async () => {
    const { adapter, pageUrl } = loadFixture(entry);
    const extract = spyOnReads(adapter);
    try {
      const { decorated, savedIds, controller } = watch(adapter, pageUrl);
      await settle();
      const before = controls().length;
      const { html, id } = newItemHtml(entry, adapter, 1);
      const element = elementFrom(html);
      extract.mockClear();
      savedIds.mockClear();
      feedContainer(adapter).append(element);
      await settle();
      expect(controls()).toHaveLength(before + 1);
      expect(controls(element)).toHaveLength(1);
      expect(extract.mock.calls.map(([read]) => read)).toEqual([element]);
      expect(decorated.at(-1)).toBe(id);
      expect(savedIds).toHaveBeenCalledWith([id]);
      controller.abort();
    } finally {
      extract.mockRestore();
    }
  });

  test('ten items added in one batch are each read once', async () => {
    const { adapter, pageUrl } = loadFixture(entry);
    const extract = spyOnReads(adapter);
    try {
      const { savedIds, controller } = watch(adapter, pageUrl);
      await settle();
      const added = Array.from({ length: 10 }, (_, i) => elementFrom(newItemHtml(entry, adapter, 100 + i).html));
      extract.mockClear();
      savedIds.mockClear();
      feedContainer(adapter).append(...added);
      await settle();
      expect(extract.mock.calls.map(([read]) => read)).toEqual(added);
      expect(savedIds).toHaveBeenCalledTimes(1);
      expect(added.map((element) => controls(element).length)).toEqual(Array(10).fill(1));
      controller.abort();
    } finally {
      extract.mockRestore();
    }
  });

  test('an item whose content is filled in later gets its control then', async () => {
    const { adapter, pageUrl } = loadFixture(entry);
    const { decorated, controller } = watch(adapter, pageUrl);
    await settle();
    const { html, id } = newItemHtml(entry, adapter, 2);
    const item = elementFrom(html);
    const content = Array.from(item.childNodes);
    item.replaceChildren(); // the virtual list mounts the row first, its post a moment later
    feedContainer(adapter).append(item);
    await settle();
    expect(controls(item)).toHaveLength(0);
    item.append(...content);
    await settle();
    expect(controls(item)).toHaveLength(1);
    expect(decorated.filter((read) => read === id)).toHaveLength(1);
    controller.abort();
  });

  test('content added inside an item that has its control adds no second control', async () => {
    const { adapter, pageUrl } = loadFixture(entry);
    const extract = spyOnReads(adapter);
    try {
      const { controller } = watch(adapter, pageUrl);
      await settle();
      const count = controls().length;
      extract.mockClear();
      // An image loading, a link card arriving, a content warning expanded: deep inside the item.
      for (const button of controls()) {
        const item = button.parentElement!;
        const deepest = item.querySelector('article, .status') ?? item;
        const inner = deepest.querySelector('div') ?? deepest;
        inner.append(document.createElement('div'));
        deepest.append(document.createElement('span'));
      }
      await settle();
      expect(controls()).toHaveLength(count);
      expect(extract).not.toHaveBeenCalled();
      controller.abort();
    } finally {
      extract.mockRestore();
    }
  });

  test('aborting removes every control and stops watching', async () => {
    const { adapter, pageUrl } = loadFixture(entry);
    const { controller } = watch(adapter, pageUrl);
    await settle();
    expect(controls().length).toBeGreaterThan(0);
    controller.abort();
    expect(controls()).toHaveLength(0);
    const reads = spyOnReads(adapter);
    try {
      feedContainer(adapter).append(elementFrom(newItemHtml(entry, adapter, 3).html));
      await settle();
      expect(reads).not.toHaveBeenCalled();
      expect(controls()).toHaveLength(0);
    } finally {
      reads.mockRestore();
    }
  });

  test('when the extension context is gone, the next mutation stops the watcher', async () => {
    const { adapter, pageUrl } = loadFixture(entry);
    let alive = true;
    const { onContextGone } = watch(adapter, pageUrl, { alive: () => alive });
    await settle();
    alive = false;
    feedContainer(adapter).append(elementFrom(newItemHtml(entry, adapter, 4).html));
    await settle();
    expect(onContextGone).toHaveBeenCalledTimes(1);
    expect(controls()).toHaveLength(0);
  });

  /**
   * jsdom has no IntersectionObserver: this one reports what the test says is near the viewport.
   * Installed until `restore()`.
   */
  function fakeViewport() {
    const observed = new Set<Element>();
    let callback: ((entries: Array<{ target: Element; isIntersecting: boolean }>) => void) | null = null;
    class NearViewport {
      constructor(report: typeof callback) {
        callback = report;
      }
      observe(element: Element) {
        observed.add(element);
      }
      unobserve(element: Element) {
        observed.delete(element);
      }
      disconnect() {
        observed.clear();
      }
    }
    Object.assign(window, { IntersectionObserver: NearViewport });
    return {
      observed,
      near: (...targets: Element[]) => callback!(targets.map((target) => ({ target, isIntersecting: true }))),
      restore: () => Object.assign(window, { IntersectionObserver: undefined }),
    };
  }

  /**
   * Runs `body` with the fake viewport installed and, where `now` is given, performance.now()
   * answering it; both are restored after, whatever happens.
   */
  async function inFakeViewport(body: (viewport: ReturnType<typeof fakeViewport>) => Promise<void>, now?: () => number): Promise<void> {
    const viewport = fakeViewport();
    const clock = now ? jest.spyOn(performance, 'now').mockImplementation(now) : null;
    try {
      await body(viewport);
    } finally {
      clock?.mockRestore();
      viewport.restore();
    }
  }

  /**
   * `count` items like the fixture's first savable one, as the feed's only items, each followed by
   * `between` rows that are no items (as Hacker News follows a story with its subtext row).
   */
  function feedOf(adapter: SiteAdapter, count: number, between = 0): Element[] {
    const template = newItemHtml(entry, adapter, 0);
    const added = Array.from({ length: count }, (_, i) => elementFrom(template.html.replaceAll(template.id, `77${1000 + i}`)));
    const rows = (): Element[] => Array.from({ length: between }, () => document.createElement('div'));
    feedContainer(adapter).replaceChildren(...added.flatMap((item) => [item, ...rows()]));
    return added;
  }

  /** The tests below are about waiting for the viewport: no task decorates the items it finds. */
  const ONLY_NEAR_VIEWPORT: Partial<FeedDependencies> = { decorateNowMs: 0 };

  test('the items a task finds are decorated at once while it has time; none is left to watch', async () => {
    const { adapter, pageUrl } = loadFixture(entry);
    // The clock stands still (jsdom reads an item some 100 times slower than a browser).
    await inFakeViewport(async (viewport) => {
      const added = feedOf(adapter, 40);
      const { controller } = watch(adapter, pageUrl);
      expect(added.map((element) => controls(element).length)).toEqual(added.map(() => 1));
      expect(viewport.observed.size).toBe(0);
      // A batch the page adds later is decorated by the task that finds it, too.
      const late = elementFrom(newItemHtml(entry, adapter, 960).html);
      feedContainer(adapter).append(late);
      await settle();
      expect(controls(late)).toHaveLength(1);
      expect(viewport.observed.size).toBe(0);
      controller.abort();
    }, () => 0);
  });

  test('when the task\'s time is up, the items left wait for the viewport, watched as a run', async () => {
    const { adapter, pageUrl } = loadFixture(entry);
    let now = 0;
    await inFakeViewport(async (viewport) => {
      const added = feedOf(adapter, 40);
      // Each look at the clock takes 1 ms: the first items are decorated, then the time is up.
      const { controller } = watch(adapter, pageUrl, { decorateNowMs: 5 });
      const withControl = added.map((element) => controls(element).length);
      const first = withControl.indexOf(0);
      expect(first).toBeGreaterThan(0);
      expect(withControl).toEqual(added.map((_, i) => (i < first ? 1 : 0)));
      // The rest are one run: every WATCH_EVERY-th from the first waiting one, and the last.
      expect(watchedIndices(viewport, added)).toEqual(added.flatMap((_, i) => (i >= first && ((i - first) % WATCH_EVERY === 0 || i === added.length - 1) ? [i] : [])));
      viewport.near(added[first]!);
      await settle();
      expect(controls(added[first + 1]!)).toHaveLength(1);
      controller.abort();
    }, () => now++);
  });

  /** Indices of the items the fake observer watches. */
  const watchedIndices = (viewport: { observed: Set<Element> }, items: Element[]) => items.flatMap((element, i) => (viewport.observed.has(element) ? [i] : []));

  test('of a run of sibling items, every WATCH_EVERY-th and the last are watched; items apart are each watched', async () => {
    const { adapter, pageUrl } = loadFixture(entry);
    await inFakeViewport(async (viewport) => {
      const added = feedOf(adapter, 4 * WATCH_EVERY + 2);
      const { controller } = watch(adapter, pageUrl, ONLY_NEAR_VIEWPORT);
      await settle();
      const expected = added.flatMap((_, i) => (i % WATCH_EVERY === 0 || i === added.length - 1 ? [i] : []));
      expect(watchedIndices(viewport, added)).toEqual(expected);
      // Three items, each in a wrapper of its own, added in one batch: no item is another's
      // sibling, and no walk from one reaches the next, so each is watched.
      const apart = Array.from({ length: 3 }, (_, i) => {
        const wrapper = document.createElement('div');
        wrapper.append(elementFrom(newItemHtml(entry, adapter, 900 + i).html));
        return wrapper;
      });
      feedContainer(adapter).append(...apart);
      await settle();
      expect(apart.map((wrapper) => viewport.observed.has(wrapper.firstElementChild!))).toEqual([true, true, true]);
      controller.abort();
    });
  });

  test(`up to ITEM_GAP rows between items keep them one run: watched as siblings, decorated together`, async () => {
    const { adapter, pageUrl } = loadFixture(entry);
    await inFakeViewport(async (viewport) => {
      const added = feedOf(adapter, 4 * WATCH_EVERY + 2, ITEM_GAP);
      const { controller } = watch(adapter, pageUrl, ONLY_NEAR_VIEWPORT);
      await settle();
      expect(watchedIndices(viewport, added)).toEqual(added.flatMap((_, i) => (i % WATCH_EVERY === 0 || i === added.length - 1 ? [i] : [])));
      // The walk from a watched item steps over the rows between: every item gets its control at once.
      viewport.near(added[WATCH_EVERY]!);
      await settle();
      expect(added.map((element) => controls(element).length)).toEqual(added.map(() => 1));
      expect(viewport.observed.size).toBe(0);
      controller.abort();
    }, () => 0);
  });

  test('more than ITEM_GAP rows between items (a comment tree, a footer) end a run', async () => {
    const { adapter, pageUrl } = loadFixture(entry);
    await inFakeViewport(async (viewport) => {
      const added = feedOf(adapter, 3, ITEM_GAP + 1);
      const { controller } = watch(adapter, pageUrl, ONLY_NEAR_VIEWPORT);
      await settle();
      expect(watchedIndices(viewport, added)).toEqual([0, 1, 2]);
      viewport.near(added[1]!);
      await settle();
      expect(added.map((element) => controls(element).length)).toEqual([0, 1, 0]);
      controller.abort();
    }, () => 0);
  });

  test('an item nearing the viewport is decorated with its waiting neighbours, each item once', async () => {
    const { adapter, pageUrl } = loadFixture(entry);
    // A clock that stands still: the task's time limit (next test) never ends a batch here.
    await inFakeViewport(async (viewport) => {
      // Watched item 3 * WATCH_EVERY comes near first; the second report is on the last item,
      // 4 items past its batch.
      const first = 3 * WATCH_EVERY;
      const added = feedOf(adapter, first + DECORATE_AHEAD + 5);
      const { decorated, controller } = watch(adapter, pageUrl, ONLY_NEAR_VIEWPORT);
      await settle();
      expect(controls()).toHaveLength(0); // found and watched, none near the viewport yet
      viewport.near(added[first]!);
      await settle();
      // The item itself and DECORATE_AHEAD after it; none before (the ones after filled the batch).
      expect(added.map((element) => controls(element).length)).toEqual(added.map((_, i) => (i >= first && i <= first + DECORATE_AHEAD ? 1 : 0)));
      // The batch stopped before this one: it is watched now, whatever its place in the run.
      expect(viewport.observed.has(added[first + DECORATE_AHEAD + 1]!)).toBe(true);
      viewport.near(added.at(-1)!, added[first + 2]!);
      await settle();
      // The 4 waiting before the last item: scrolling up, they are due too. The other item
      // already had its control, and so had its neighbours.
      expect(added.map((element) => controls(element).length)).toEqual(added.map((_, i) => (i >= first ? 1 : 0)));
      expect(new Set(decorated).size).toBe(decorated.length);
      // Left watched: those before the first report, and the one its full batch stopped before.
      expect(watchedIndices(viewport, added)).toEqual(added.flatMap((_, i) => ((i < first && i % WATCH_EVERY === 0) || i === first - 1 ? [i] : [])));
      controller.abort();
    }, () => 0);
  });

  test('a task stops taking neighbours after a few milliseconds; the rest get controls as they near the viewport', async () => {
    const { adapter, pageUrl } = loadFixture(entry);
    // Each look at the clock finds a millisecond gone.
    let now = 0;
    await inFakeViewport(async (viewport) => {
      const added = feedOf(adapter, 60);
      const { controller } = watch(adapter, pageUrl, ONLY_NEAR_VIEWPORT);
      await settle();
      const [a, b] = [2 * WATCH_EVERY, 7 * WATCH_EVERY];
      viewport.near(added[a]!, added[b]!);
      await settle();
      const decorated = added.flatMap((element, i) => (controls(element).length > 0 ? [i] : []));
      // Both items near the viewport, and a few of the first one's next neighbours: not 128.
      expect(decorated).toContain(a);
      expect(decorated).toContain(b);
      expect(decorated.length).toBeGreaterThan(2);
      expect(decorated.length).toBeLessThan(10);
      const run = decorated.filter((i) => i !== b);
      expect(run).toEqual(run.map((_, k) => a + k));
      // Where the batches stopped, the waiting items are watched: after the first one's run, and
      // on both sides of the second one.
      const stops = [a + run.length, b + 1, b - 1];
      expect(stops.map((i) => viewport.observed.has(added[i]!))).toEqual([true, true, true]);
      viewport.near(added[a + run.length]!);
      await settle();
      expect(controls(added[a + run.length]!)).toHaveLength(1);
      controller.abort();
    }, () => now++);
  });

  test('items the page adds just before a batch of controls goes in are still found', async () => {
    const { adapter, pageUrl } = loadFixture(entry);
    await inFakeViewport(async (viewport) => {
      const added = feedOf(adapter, 2);
      const { controller } = watch(adapter, pageUrl, ONLY_NEAR_VIEWPORT);
      await settle();
      // The page adds an item, and in the same task the first item nears the viewport: the
      // watcher's MutationObserver has not run yet when the controls go in.
      const late = elementFrom(newItemHtml(entry, adapter, 950).html);
      feedContainer(adapter).append(late);
      viewport.near(added[0]!);
      await settle();
      expect(added.map((element) => controls(element).length)).toEqual([1, 1]);
      expect(viewport.observed.has(late)).toBe(true);
      viewport.near(late);
      await settle();
      expect(controls(late)).toHaveLength(1);
      // Controls going in are not taken for items: nothing else is watched.
      expect(viewport.observed.size).toBe(0);
      controller.abort();
    });
  });

  test('an adapter that throws breaks neither the watcher nor the page', async () => {
    const { adapter, pageUrl } = loadFixture(entry);
    const drift = () => {
      throw new Error('selector drift');
    };
    const broken: SiteAdapter = { ...adapter, extract: drift, ...(adapter.peek ? { peek: drift } : {}) };
    const debug = jest.spyOn(console, 'debug').mockImplementation(() => undefined);
    try {
      let watched: ReturnType<typeof watch> | undefined;
      expect(() => {
        watched = watch(broken, pageUrl);
      }).not.toThrow();
      feedContainer(adapter).append(elementFrom(newItemHtml(entry, adapter, 5).html));
      await settle();
      expect(controls()).toHaveLength(0);
      watched?.controller.abort();
    } finally {
      debug.mockRestore();
    }
  });

  test('an adapter whose placeControl throws on one item still decorates the others', async () => {
    const { adapter, pageUrl, expected } = loadFixture(entry);
    let calls = 0;
    const picky: SiteAdapter = {
      ...adapter,
      placeControl(item, control) {
        if (++calls === 1) throw new Error('anchor not found');
        item.append(control);
      },
    };
    const debug = jest.spyOn(console, 'debug').mockImplementation(() => undefined);
    try {
      let watched: ReturnType<typeof watch> | undefined;
      expect(() => {
        watched = watch(picky, pageUrl);
      }).not.toThrow();
      expect(controls()).toHaveLength(savableIds(expected, false).length - 1);
      watched?.controller.abort();
    } finally {
      debug.mockRestore();
    }
  });

  test('a selector the browser cannot parse is skipped: the other alternatives still find every item', async () => {
    const { adapter, pageUrl, expected } = loadFixture(entry);
    // e.g. :has() in a browser that predates it: querySelectorAll throws a SyntaxError.
    const unsupported: SiteAdapter = { ...adapter, itemSelectors: ['article:unsupported-pseudo(x)', ...adapter.itemSelectors] };
    const debug = jest.spyOn(console, 'debug').mockImplementation(() => undefined);
    try {
      let watched: ReturnType<typeof watch> | undefined;
      expect(() => {
        watched = watch(unsupported, pageUrl);
      }).not.toThrow();
      expect(controls()).toHaveLength(savableIds(expected, false).length);
      const added = elementFrom(newItemHtml(entry, adapter, 6).html);
      feedContainer(adapter).append(added);
      await settle();
      expect(controls(added)).toHaveLength(1);
      watched?.controller.abort();
    } finally {
      debug.mockRestore();
    }
  });
});

test('an adapter none of whose selectors this browser can parse leaves the page untouched', async () => {
  const { adapter, pageUrl } = loadFixture(entryFor('x'));
  const debug = jest.spyOn(console, 'debug').mockImplementation(() => undefined);
  try {
    const { controller } = watch({ ...adapter, itemSelectors: ['div:unsupported-pseudo(1)'] }, pageUrl);
    feedContainer(adapter).append(elementFrom(newItemHtml(entryFor('x'), adapter, 7).html));
    await settle();
    expect(controls()).toHaveLength(0);
    controller.abort();
  } finally {
    debug.mockRestore();
  }
});

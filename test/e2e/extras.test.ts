/**
 * The content script's extras (issue 2's size budget): the debug badges, the session nudge and
 * the keyboard command's handler are not in the per-site bundle but injected by the background,
 * in real Chromium with the built extension. Off (the defaults), a feed page gets none of them;
 * the command's handler arrives when the command is pressed; switched on, badges and nudge are
 * injected and work on items decorated before and after they arrived.
 */
import type { Page } from 'playwright-core';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Settings } from '../../src/core/settings';
import { eventually, launchWithExtension } from './chromium';
import type { ExtensionBrowser } from './chromium';

/** The slice of the extension API these tests call inside the service worker. */
declare const chrome: {
  tabs: { query(query: { url: string }): Promise<Array<{ id?: number }>> };
  scripting: { executeScript<T>(injection: { target: { tabId: number }; func: () => T }): Promise<Array<{ result?: T }>> };
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
};

const X_HOME = 'https://x.com/home';
const HN_HOME = 'https://news.ycombinator.com/news';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension({ [X_HOME]: 'x.html', [HN_HOME]: 'hackernews.html' });
});
afterAll(async () => {
  await browser?.close();
});
// A failed test must not leave its tab for the next one's tab query to find.
afterEach(async () => {
  for (const page of browser.context.pages()) if (!page.url().startsWith('chrome-extension://')) await page.close();
});

interface BridgeState {
  /** Extras loaded into the page's content-script world, but for the caught-up memory and the health check. */
  loaded: string[];
  /** The caught-up memory was injected (every feed page, once it has read its settings). */
  seen: boolean;
  /** The adapter-health check was injected (every feed page, a few seconds after it opens). */
  health: boolean;
  /** The feed view read its settings and is no longer waiting for a requested extra. */
  settled: boolean;
}

/**
 * What the content script's bridge says, read in its own isolated world (where injected files
 * run too) through scripting from the service worker; null if the tab has no content script.
 */
async function bridgeState(urlPattern: string): Promise<BridgeState | null> {
  const worker = await browser.worker();
  return worker.evaluate(async (pattern) => {
    const [tab] = await chrome.tabs.query({ url: pattern });
    if (tab?.id === undefined) throw new Error(`no tab for ${pattern}`);
    const [result] = await chrome.scripting.executeScript({
      target: { tabId: tab.id },
      func: () => {
        const bridge = (globalThis as { __stroomContent?: { loaded: Set<string>; view: { early: unknown } | null } }).__stroomContent;
        if (!bridge) return null;
        // The caught-up memory and (a few seconds after the page opens) the adapter-health check
        // are injected into every feed page, whatever the settings: `seen` and `health` say
        // whether they came, `loaded` lists the others.
        const loaded = [...bridge.loaded].sort();
        return {
          loaded: loaded.filter((name) => name !== 'health' && name !== 'seen'),
          seen: loaded.includes('seen'),
          health: loaded.includes('health'),
          settled: bridge.view !== null && bridge.view.early === null,
        };
      },
    });
    return (result?.result ?? null) as BridgeState | null;
  }, urlPattern);
}

async function storeSettings(settings: Settings): Promise<void> {
  const worker = await browser.worker();
  await worker.evaluate((value) => chrome.storage.local.set({ settings: value }), settings);
}

const runCommand = async () =>
  (await browser.worker()).evaluate(() => (globalThis as unknown as { stroomCapture: { onCommand(name: string): Promise<unknown> } }).stroomCapture.onCommand('save-item'));

async function openFeed(url: string, controls: number): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await eventually(() => page.locator('[data-stroom-action="save"]').count(), (count) => expect(count).toBe(controls));
  return page;
}

test('with badges and nudge off, a feed page gets neither; the command handler arrives only when the command is pressed', async () => {
  await storeSettings(DEFAULT_SETTINGS);
  const page = await openFeed(X_HOME, 3); // x.html: three posts and an ad
  const state = await eventually(() => bridgeState('https://x.com/*'), (value) => expect(value?.settled).toBe(true));
  expect(state?.loaded).toEqual([]);
  expect(state?.seen).toBe(true); // the caught-up memory comes to every feed page
  expect(await page.locator('stroom-badge, stroom-nudge').count()).toBe(0);

  // The pointer rests on the second post; the command saves that one.
  const second = page.locator('article').nth(1);
  await second.hover();
  const reply = (await runCommand()) as { saved: boolean; key?: string };
  expect(reply.saved).toBe(true);
  expect(reply.key).toMatch(/^x:\d+$/);
  expect((await bridgeState('https://x.com/*'))?.loaded).toEqual(['command']);
  const pressed = page.locator('[data-stroom-action="save"][aria-pressed="true"]');
  await eventually(() => pressed.count(), (count) => expect(count).toBe(1));

  // Pressed again (the file is injected again): still one handler, and it still answers.
  await page.locator('article').nth(0).hover();
  const again = (await runCommand()) as { saved: boolean; key?: string };
  expect(again.saved).toBe(true);
  expect(again.key).not.toBe(reply.key);
  expect((await bridgeState('https://x.com/*'))?.loaded).toEqual(['command']);
  await eventually(() => pressed.count(), (count) => expect(count).toBe(2));
});

test('switched on, the debug badges and the session nudge are injected and work', async () => {
  await storeSettings({ ...DEFAULT_SETTINGS, debugBadges: true, feed: { ...DEFAULT_SETTINGS.feed, nudge: true, nudgeItems: 20 } });
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 900, height: 300 });
  await page.goto(HN_HOME);
  await eventually(() => bridgeState('https://news.ycombinator.com/*'), (state) => expect(state).toMatchObject({ loaded: ['badges', 'nudge'], settled: true }));
  // hackernews.html: three stories and a job ad (no control, no badge); each story has its badge,
  // also those decorated before the file came.
  await eventually(() => page.locator('stroom-badge').count(), (count) => expect(count).toBe(3));
  expect(await page.locator('stroom-nudge').count()).toBe(0);
  // The adapter-health check comes to every feed page a few seconds after it opens.
  await eventually(() => bridgeState('https://news.ycombinator.com/*'), (state) => expect(state?.health).toBe(true));

  // A longer front page: 60 more stories (and 20 more ads), badged as they are decorated.
  await page.evaluate(() => {
    const table = document.querySelector('tr.athing')!.parentElement!;
    const more = table.querySelector('tr.morespace');
    const template = [...table.querySelectorAll('tr')].filter((row) => !row.classList.contains('morespace') && !row.querySelector('.morelink'));
    for (let copy = 1; copy <= 20; copy++) {
      for (const row of template) {
        const clone = row.cloneNode(true) as HTMLElement;
        for (const ours of clone.querySelectorAll('[data-stroom-action="save"], stroom-badge')) ours.remove(); // fresh rows, as the site would add them
        if (clone.classList.contains('athing')) clone.id = String(Number(clone.id) + copy * 1_000_000);
        table.insertBefore(clone, more);
      }
    }
  });
  // Scroll down as a reader would: 20 items scrolled past bring the nudge, once. (The caught-up
  // memory counts them in batches, as every SENTINEL_EVERY-th goes over the top.)
  await eventually(
    async () => {
      await page.mouse.wheel(0, 120);
      return page.locator('stroom-nudge').count();
    },
    (count) => expect(count).toBe(1),
    20_000,
  );
  const text = await page.locator('stroom-nudge span').textContent();
  expect(text).toMatch(/^You’ve seen \d+ posts and saved 0\. Your digest comes at 18:00\.$/);
  expect(Number(/\d+/.exec(text!)![0])).toBeGreaterThanOrEqual(20);
  await eventually(
    async () => {
      await page.mouse.wheel(0, 120);
      return page.locator('stroom-badge').count();
    },
    (count) => expect(count).toBe(63),
    20_000,
  );
  expect(await page.locator('stroom-nudge').count()).toBe(1);
}, 40_000);

test('switched off again, the next feed page gets neither', async () => {
  await storeSettings(DEFAULT_SETTINGS);
  const page = await openFeed(HN_HOME, 3);
  await eventually(() => bridgeState('https://news.ycombinator.com/*'), (state) => expect(state).toMatchObject({ loaded: [], settled: true }));
  expect(await page.locator('stroom-badge, stroom-nudge').count()).toBe(0);
});

test('the extension made no network request of its own', () => {
  expect(browser.extensionRequests).toEqual([]);
});

/**
 * Every site fixture in real Chromium at its real URL (issue 3, "E2E"): the site's own content
 * script decorates the feed, a real click on the first savable item's button saves it, the
 * keyboard command saves the item under the pointer, and the popup lists both under the keys
 * their expected extraction predicts. One browser serves every site so
 * the file stays quick.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { itemKey } from '../../src/core/items';
import { adapterFor } from '../../src/sites';
import { ROOT, appendItemCopies, eventually, expectControlsInViewAfterJumps, launchWithExtension, openPopup } from './chromium';
import type { ExtensionBrowser } from './chromium';

interface FixtureEntry {
  site: string;
  html: string;
  expected: string;
  url: string;
}
interface ExpectedItem {
  id: string | null;
  isAd: boolean;
  unavailable: boolean;
}

const FIXTURES = join(ROOT, 'test', 'fixtures');
const fixtures = (JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as { fixtures: FixtureEntry[] }).fixtures;

/** The keys of the items that get a save button, in page order (ads and tombstones get none). */
function savableKeys(fixture: FixtureEntry): string[] {
  const adapter = adapterFor(fixture.url);
  if (!adapter) throw new Error(`no adapter for ${fixture.url}`);
  const expected = JSON.parse(readFileSync(join(FIXTURES, fixture.expected), 'utf8')) as ExpectedItem[];
  return expected.filter((item) => !item.isAd && !item.unavailable && item.id !== null).map((item) => itemKey(adapter.site, item.id as string));
}

let browser: ExtensionBrowser;
const savedSoFar = new Set<string>();
let popup: Page;
beforeAll(async () => {
  browser = await launchWithExtension(Object.fromEntries(fixtures.map((fixture) => [fixture.url, fixture.html])));
  popup = await openPopup(browser);
});
afterAll(async () => {
  await browser?.close();
});

async function runCommand(): Promise<unknown> {
  const worker = await browser.worker();
  return worker.evaluate(() => (globalThis as unknown as { stroomCapture: { onCommand(name: string): Promise<unknown> } }).stroomCapture.onCommand('save-item'));
}

async function popupKeys(): Promise<string[]> {
  await popup.reload();
  await popup.locator('main.popup').waitFor({ state: 'attached' });
  return popup.locator('[data-stroom-item]').evaluateAll((entries) => entries.map((entry) => entry.getAttribute('data-stroom-item') ?? ''));
}

/**
 * The next item to save on this fixture: one no earlier test saved (pressing a saved item's button
 * un-saves it), preferring posts no other fixture shows (both Reddit UIs show the same posts).
 */
function nextUnsaved(fixture: FixtureEntry): number {
  const keys = savableKeys(fixture);
  const elsewhere = new Set(fixtures.filter((other) => other !== fixture).flatMap(savableKeys));
  const open = keys.map((key, index) => ({ key, index })).filter(({ key }) => !savedSoFar.has(key));
  return (open.find(({ key }) => !elsewhere.has(key)) ?? open[0])?.index ?? -1;
}

test.each(fixtures.map((fixture) => [fixture.site, fixture] as const))('%s: a real click and the keyboard command each save an item the popup lists', async (_site, fixture) => {
  const keys = savableKeys(fixture);
  expect(keys.length).toBeGreaterThan(0);
  const page = await browser.context.newPage();
  await page.goto(fixture.url);
  if (fixture.site === 'bluesky') {
    // Bluesky's stylesheet gives every react-native-web View (.css-175oi2r) position: relative; the
    // fixture keeps no site CSS, so an avatar's absolute layer would otherwise cover the next post.
    await page.addStyleTag({ content: '.css-175oi2r { position: relative; }' });
  }
  // Buttons follow page order, as the expected items do.
  const index = nextUnsaved(fixture);
  const button = page.locator('[data-stroom-action="save"]').nth(index);
  await button.click({ timeout: 3000 });
  await eventually(() => button.getAttribute('aria-pressed'), (value) => expect(value).toBe('true'));
  await eventually(popupKeys, (value) => expect(value).toContain(keys[index]));
  savedSoFar.add(keys[index] as string);

  // The keyboard command: the pointer rests on the next unsaved item, then the background's command
  // listener runs exactly as when the browser reports Alt+Shift+S (headless Chromium cannot press a
  // browser shortcut).
  const next = nextUnsaved(fixture);
  expect(next).toBeGreaterThanOrEqual(0);
  await page.bringToFront();
  await page.locator('[data-stroom-action="save"]').nth(next).hover();
  const reply = await runCommand();
  expect(reply).toEqual({ saved: true, key: keys[next] });
  // The item's own Save button says so at once, as after a click.
  await eventually(() => page.locator('[data-stroom-action="save"]').nth(next).getAttribute('aria-pressed'), (value) => expect(value).toBe('true'));
  await eventually(popupKeys, (value) => expect(value).toContain(keys[next]));
  savedSoFar.add(keys[next] as string);
  await page.close();
});

/*
 * Hacker News follows each story with its subtext row and a spacer, old Reddit each thing with a
 * clearing div. The feed watcher watches one item in a few and lets it bring its neighbours,
 * stepping over those rows (ITEM_GAP in src/content/feed.ts): if it stepped wrong, the items
 * between two watched ones would stay without a control.
 */
test.each([
  ['hackernews', 'tr.athing'],
  ['reddit-old', 'div.thing'],
])('%s: on a long listing with rows between items, every item in view has its control wherever the reader jumps', async (site, itemSelector) => {
  const fixture = fixtures.find((entry) => entry.site === site)!;
  const page = await browser.context.newPage();
  await page.goto(fixture.url);
  await page.locator('[data-stroom-action="save"]').first().waitFor();
  // As an endless-scroll add-on appends them: each item with the rows after it.
  await appendItemCopies(page, itemSelector, 3);
  await expectControlsInViewAfterJumps(page, '[data-e2e-copy]');
  await page.close();
});

test('the extension made no network request of its own', () => {
  expect(browser.extensionRequests).toEqual([]);
});

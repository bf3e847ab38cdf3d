/**
 * The core pipeline in real headless Firefox ESR with the built dist/firefox: save on X and
 * Mastodon with real clicks, find the items in the popup, let the event page be suspended and
 * woken again by the feed, and see everything still there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { ROOT, eventually } from './chromium';
import {
  SAVE_BUTTON,
  backgroundMark,
  launchFirefoxWithExtension,
  markBackground,
  reloadExtensionPage,
  shownSaveButtons,
  storedKeys,
  waitUntilBackgroundSuspended,
} from './firefox';
import type { FirefoxExtensionBrowser } from './firefox';

const X_HOME = 'https://x.com/home';
const MASTODON_HOME = 'https://mastodon.social/home';

/** Keys of a fixture's savable items (no ads, no placeholders), in document order. */
function savableKeys(site: 'x' | 'mastodon'): string[] {
  const expected = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', `${site}.expected.json`), 'utf8')) as Array<{
    id: string;
    isAd: boolean;
    unavailable: boolean;
  }>;
  return expected.filter((item) => !item.isAd && !item.unavailable).map((item) => `${site}:${item.id}`);
}
const X_KEYS = savableKeys('x');
const MASTODON_KEYS = savableKeys('mastodon');

let firefox: FirefoxExtensionBrowser;
beforeAll(async () => {
  // A short idle timeout lets the test watch the event page suspend instead of waiting 30 s.
  firefox = await launchFirefoxWithExtension({ [X_HOME]: 'x.html', [MASTODON_HOME]: 'mastodon.html' }, { backgroundIdleTimeoutMs: 1_000 });
}, 30_000);
afterAll(async () => {
  await firefox?.close();
});

async function openFeed(url: string, savable: number): Promise<Page> {
  const page = await firefox.newFeedPage();
  await page.goto(url);
  await eventually(() => shownSaveButtons(page), (shown) => expect(shown).toBe(savable));
  return page;
}

/** Click the nth save button with real (trusted) input: puppeteer scrolls to it and clicks its centre. */
async function clickSave(page: Page, index: number): Promise<void> {
  const button = (await page.$$(SAVE_BUTTON))[index];
  if (!button) throw new Error(`no save button #${index}`);
  await button.click();
}

async function pressedStates(page: Page): Promise<Array<string | null>> {
  const buttons = await page.$$(SAVE_BUTTON);
  return Promise.all(buttons.map((button) => button.evaluate((element) => element.getAttribute('aria-pressed'))));
}

const popupEntries = (popup: Page) =>
  popup.$$eval('[data-stroom-item]', (entries) => entries.map((entry) => entry.getAttribute('data-stroom-item') ?? ''));

test('Firefox runs with the built extension installed and the network guard in force', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'dist', 'firefox', 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  expect(firefox.extensionId).toBe(manifest.browser_specific_settings.gecko.id);
  // Content processes inherit it: any connection to a non-loopback address would end Firefox.
  const environment = readFileSync(`/proc/${firefox.pid}/environ`, 'utf8').split('\0');
  expect(environment).toContain('MOZ_DISABLE_NONLOCAL_CONNECTIONS=1');
});

test('saves on X and Mastodon land in the popup and survive the event page being suspended and restarted', async () => {
  // x.html: three posts and a promoted one, which gets no control.
  expect(X_KEYS).toHaveLength(3);
  const x = await openFeed(X_HOME, X_KEYS.length);
  await clickSave(x, 0);
  await clickSave(x, 2);
  await eventually(() => pressedStates(x), (states) => expect(states).toEqual(['true', 'false', 'true']));

  const mastodon = await openFeed(MASTODON_HOME, MASTODON_KEYS.length);
  await clickSave(mastodon, 0);
  await eventually(() => pressedStates(mastodon), (states) => expect(states[0]).toBe('true'));
  expect((await pressedStates(mastodon)).slice(1).every((state) => state === 'false')).toBe(true);
  await mastodon.close();

  const saved = [MASTODON_KEYS[0], X_KEYS[2], X_KEYS[0]]; // newest first
  const popup = await firefox.openPopup();
  await eventually(() => popupEntries(popup), (entries) => expect(entries).toEqual(saved));
  expect(await storedKeys(popup)).toEqual([...saved].sort());

  // Mark the running background, then let Firefox suspend it for being idle.
  const mark = await markBackground(popup);
  expect(await backgroundMark(popup)).toBe(mark);
  await waitUntilBackgroundSuspended(popup);

  // Reloading the feed asks which items are saved: that message must wake the background.
  await x.reload();
  // Firefox restores the scroll position; controls come as items near the viewport, as a
  // person scrolling back up would see them.
  await eventually(
    async () => {
      await x.evaluate(() => window.scrollTo(0, 0));
      return x.$$(SAVE_BUTTON);
    },
    (buttons) => expect(buttons).toHaveLength(X_KEYS.length),
  );
  await eventually(() => pressedStates(x), (states) => expect(states).toEqual(['true', 'false', 'true']));
  // It is a new background: the mark left in the old one's globals is gone.
  expect(await backgroundMark(popup)).toBeNull();
  expect(await storedKeys(popup)).toEqual([...saved].sort());
  // And the popup, opened afresh (it asks the new background for today's digest and the
  // page's status), still lists every item.
  await reloadExtensionPage(popup);
  await eventually(() => popupEntries(popup), (entries) => expect(entries).toEqual(saved));
  await Promise.all([x.close(), popup.close()]);
}, 30_000);

test('the extension made no request of its own, and Firefox survived the run', () => {
  expect(firefox.extensionRequests).toEqual([]);
  // An unrouted request to any public address would have ended Firefox (the next test shows it does).
  expect(firefox.networkGuardTrips).toEqual([]);
  expect(firefox.browser.connected).toBe(true);
  expect(firefox.browser.process()?.exitCode).toBeNull();
});

// Keep this last: it ends the shared Firefox on purpose.
test('the guard is live: one connection attempt to a public address ends Firefox', async () => {
  const firefoxProcess = firefox.browser.process();
  if (!firefoxProcess) throw new Error('no Firefox process');
  const page = await firefox.browser.newPage(); // no routing: the request reaches the network stack
  // 192.0.2.1 is a documentation address (RFC 5737): were the guard off, it would still go nowhere.
  await page.goto('http://192.0.2.1/', { timeout: 5_000 }).catch(() => {
    // Expected: Firefox is gone before the navigation ends.
  });
  await eventually(
    async () => ({ exitCode: firefoxProcess.exitCode, signalCode: firefoxProcess.signalCode }),
    (status) => expect(status).not.toEqual({ exitCode: null, signalCode: null }),
  );
  expect(firefoxProcess.exitCode).not.toBe(0);
  expect(firefox.networkGuardTrips).toEqual([expect.stringContaining('192.0.2.1')]);
}, 15_000);

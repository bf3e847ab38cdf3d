/**
 * The content script's injected extras in real headless Firefox ESR with the built dist/firefox:
 * the background's scripting.executeScript({ files }) runs in the world Firefox gives Stroom's
 * content script, so the debug badges (switched on) and the keyboard command's handler (on the
 * command) find the running script and work, as in Chromium (test/e2e/extras.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { ROOT, eventually } from './chromium';
import { launchFirefoxWithExtension, shownSaveButtons } from './firefox';
import type { ExtensionPageApi, FirefoxExtensionBrowser } from './firefox';

const X_HOME = 'https://x.com/home';

let firefox: FirefoxExtensionBrowser;
beforeAll(async () => {
  firefox = await launchFirefoxWithExtension({ [X_HOME]: 'x.html' });
}, 30_000);
afterAll(async () => {
  await firefox?.close();
});

test('switched on, the debug badges are injected into the feed; the command handler when the command is pressed', async () => {
  const popup = await firefox.openPopup();
  await popup.evaluate((settings) => (globalThis as unknown as { browser: { storage: { local: { set(items: unknown): Promise<void> } } } }).browser.storage.local.set({ settings }), {
    ...DEFAULT_SETTINGS,
    debugBadges: true,
  });
  const page = await firefox.newFeedPage();
  await page.goto(X_HOME);
  // x.html: three posts and an ad; each post gets its control and its badge.
  await eventually(() => shownSaveButtons(page), (shown) => expect(shown).toBe(3));
  const labels = () => page.$$eval('stroom-badge', (hosts) => hosts.map((host) => host.getAttribute('data-stroom-badge')));
  await eventually(labels, (found) => expect(found).toHaveLength(3));
  expect((await labels()).every((label) => label?.startsWith('x · '))).toBe(true);

  // The command, called as Firefox calls it, on the post under the pointer.
  const keys = (JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'x.expected.json'), 'utf8')) as Array<{ id: string; isAd: boolean }>)
    .filter((item) => !item.isAd)
    .map((item) => `x:${item.id}`);
  await page.bringToFront();
  const articles = await page.$$('article');
  await articles[1]!.hover();
  const reply = await popup.evaluate(async () => {
    const background = (await (globalThis as unknown as { browser: ExtensionPageApi }).browser.runtime.getBackgroundPage()) as {
      stroomCapture: { onCommand(name: string): Promise<unknown> };
    } | null;
    return background?.stroomCapture.onCommand('save-item');
  });
  expect(reply).toEqual({ saved: true, key: keys[1] });
  await eventually(
    () => page.$$eval('[data-stroom-action="save"]', (buttons) => buttons.map((button) => button.getAttribute('aria-pressed'))),
    (states) => expect(states).toEqual(['false', 'true', 'false']),
  );
  await Promise.all([page.close(), popup.close()]);
}, 30_000);

test('the extension made no request of its own, and Firefox survived the run', () => {
  expect(firefox.extensionRequests).toEqual([]);
  expect(firefox.networkGuardTrips).toEqual([]);
});

/**
 * Everything works by keyboard, has accessible names and passes axe-core: the popup (empty and
 * with items) and the save controls inside a feed.
 */
import { axeViolations } from './axe';
import { eventually, launchWithExtension, openPopup } from './chromium';
import type { ExtensionBrowser } from './chromium';

const X_HOME = 'https://x.com/home';
let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension({ [X_HOME]: 'x.html' });
});
afterAll(async () => {
  await browser?.close();
});

test('the empty popup passes axe and says how to save a first item', async () => {
  const popup = await openPopup(browser);
  await popup.getByRole('heading', { name: 'Nothing saved yet' }).waitFor();
  expect(await axeViolations(popup)).toEqual([]);
  await popup.close();
});

test('a post can be saved with the keyboard alone, and the feed controls pass axe', async () => {
  const page = await browser.context.newPage();
  await page.goto(X_HOME);
  const first = page.locator('[data-stroom-action="save"]').first();
  await first.waitFor();
  // Tab until the first save control has focus, as a keyboard user would.
  let focused = false;
  for (let presses = 0; presses < 200 && !focused; presses++) {
    await page.keyboard.press('Tab');
    focused = await first.evaluate((button) => document.activeElement === button);
  }
  expect(focused).toBe(true);
  await page.keyboard.press('Enter');
  await eventually(() => first.getAttribute('aria-pressed'), (pressed) => expect(pressed).toBe('true'));
  expect(await axeViolations(page, '[data-stroom-action="save"]')).toEqual([]);
  await page.close();
});

test('the popup with items passes axe; delete and undo work by keyboard', async () => {
  const popup = await openPopup(browser);
  const entries = popup.locator('[data-stroom-item]');
  await eventually(() => entries.count(), (count) => expect(count).toBe(1));
  expect(await axeViolations(popup)).toEqual([]);
  await entries.first().getByRole('button', { name: /^Delete/ }).focus();
  await popup.keyboard.press('Enter');
  await eventually(() => entries.count(), (count) => expect(count).toBe(0));
  // Focus moves to Undo so the keyboard user can take it back at once.
  await eventually(() => popup.evaluate(() => document.activeElement?.textContent ?? ''), (text) => expect(text).toBe('Undo'));
  await popup.keyboard.press('Enter');
  await eventually(() => entries.count(), (count) => expect(count).toBe(1));
  await popup.close();
});

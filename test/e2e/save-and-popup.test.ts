/**
 * The whole pipeline in real Chromium: content script → typed message → background → IndexedDB
 * → popup, on X and Mastodon fixtures served at their real URLs.
 */
import type { Locator, Page } from 'playwright-core';
import { appendItemCopies, eventually, expectControlsInViewAfterJumps, launchWithExtension, openPopup, readStore, stopServiceWorker } from './chromium';
import type { ExtensionBrowser } from './chromium';

const X_HOME = 'https://x.com/home';
const MASTODON_HOME = 'https://mastodon.social/home';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension({ [X_HOME]: 'x.html', [MASTODON_HOME]: 'mastodon.html' });
});
afterAll(async () => {
  await browser?.close();
});

const saveButtons = (page: Page) => page.locator('[data-stroom-action="save"]');
/**
 * What a person reads on a button: its labels are generated content (::before "Save", ::after
 * "Saved"), both laid out, and the state hides one. innerText leaves generated content out.
 */
const shownLabel = (button: Locator) =>
  button.evaluate((element) => {
    const labels = element.querySelector('b');
    if (!labels) return null;
    const shown = ['::before', '::after'].map((pseudo) => getComputedStyle(labels, pseudo)).filter((style) => style.visibility === 'visible');
    return shown.map((style) => JSON.parse(style.content) as string).join(' | ');
  });

const storedKeys = async (): Promise<string[]> => (await readStore<{ key: string }>(browser, 'items')).map((item) => item.key).sort();

test('the feed shows one accessible save control per savable item, none on ads', async () => {
  const page = await browser.context.newPage();
  await page.goto(X_HOME);
  await saveButtons(page).first().waitFor();
  // x.html has three posts and one promoted post (see x.expected.json).
  const names = await saveButtons(page).evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label') ?? ''));
  expect(names.length).toBe(3);
  for (const name of names) expect(name).toMatch(/^Save/);
  const adHasControl = await page.evaluate(() => {
    const ad = Array.from(document.querySelectorAll('article')).find((article) => /\bAd\b|Promoted/.test(article.textContent ?? ''));
    return ad ? ad.querySelector('[data-stroom-action="save"]') !== null : null;
  });
  expect(adHasControl).toBe(false);
  await page.close();
});

test('the page sees no trace of Stroom in its performance timeline', async () => {
  // Site scripts read the timeline (and analytics report its measures home): the watcher's
  // timings are left only where the benchmark asks for them.
  const page = await browser.context.newPage();
  await page.goto(X_HOME);
  await saveButtons(page).first().waitFor();
  await appendItemCopies(page, '[data-testid="cellInnerDiv"]');
  await eventually(() => saveButtons(page).count(), (count) => expect(count).toBeGreaterThan(3));
  const stroomEntries = await page.evaluate(() => performance.getEntries().filter((entry) => /stroom/i.test(entry.name)).map((entry) => entry.name));
  expect(stroomEntries).toEqual([]);
  await page.close();
});

test('the site\'s CSS cannot restyle or hide a control, even with !important on every rule', async () => {
  const page = await browser.context.newPage();
  await page.goto(X_HOME);
  const button = saveButtons(page).first();
  await button.waitFor();
  const look = () =>
    button.evaluate((element) => {
      const style = getComputedStyle(element);
      const labels = element.querySelector('b')!;
      return {
        display: style.display,
        visibility: style.visibility,
        background: style.backgroundColor,
        fontSize: style.fontSize,
        letterSpacing: style.letterSpacing,
        borderRadius: style.borderRadius,
        width: element.getBoundingClientRect().width,
        icon: getComputedStyle(element, '::before').content,
        label: getComputedStyle(labels, '::before').content,
        labelVisibility: getComputedStyle(labels, '::before').visibility,
      };
    });
  const before = await look();
  expect(before).toEqual(expect.objectContaining({ display: 'flex', visibility: 'visible', fontSize: '13px', label: '"Save"', labelVisibility: 'visible' }));
  expect(before.width).toBeGreaterThan(40);
  // What a hostile or careless site stylesheet does to every button, at the highest priority a
  // page has (author !important, and inline styles).
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent =
      'button,[data-stroom-action],[data-stroom-action] *{display:none!important;visibility:hidden!important;background:red!important;' +
      'font-size:40px!important;letter-spacing:9px!important;border-radius:0!important;transition:all 9s!important}' +
      'button::before,button *::before{content:"X"!important;visibility:hidden!important}';
    document.head.append(style);
    document.querySelector<HTMLElement>('[data-stroom-action="save"]')!.style.setProperty('display', 'none', 'important');
  });
  expect(await look()).toEqual(before);
  await page.close();
});

test('saving on X and Mastodon lands in the popup, newest first, and survives a worker restart', async () => {
  const x = await browser.context.newPage();
  await x.goto(X_HOME);
  await saveButtons(x).first().waitFor();
  await saveButtons(x).nth(0).click();
  await saveButtons(x).nth(2).click();
  await expectPressed(x, 0, 'true');
  await expectPressed(x, 2, 'true');
  await expectPressed(x, 1, 'false');
  // What a person reads on the buttons (both labels are laid out; the state shows one).
  expect(await shownLabel(saveButtons(x).nth(0))).toBe('Saved');
  expect(await shownLabel(saveButtons(x).nth(1))).toBe('Save');

  const mastodon = await browser.context.newPage();
  await mastodon.goto(MASTODON_HOME);
  await saveButtons(mastodon).first().waitFor();
  await saveButtons(mastodon).nth(0).click();
  await expectPressed(mastodon, 0, 'true');

  await eventually(storedKeys, (value) => expect(value).toHaveLength(3));
  const keys = await storedKeys();
  expect(keys.filter((key) => key.startsWith('x:'))).toHaveLength(2);
  expect(keys.filter((key) => key.startsWith('mastodon:'))).toHaveLength(1);

  const popup = await openPopup(browser);
  const entries = popup.locator('[data-stroom-item]');
  await eventually(() => entries.count(), (value) => expect(value).toBe(3));
  // Newest first: the Mastodon post was saved last.
  expect(await entries.first().getAttribute('data-stroom-item')).toMatch(/^mastodon:/);

  await stopServiceWorker(browser, popup);
  await popup.reload();
  await eventually(() => popup.locator('[data-stroom-item]').count(), (value) => expect(value).toBe(3));

  // After the restart the worker answers the feed again: a reload shows the saved state.
  await x.reload();
  await saveButtons(x).first().waitFor();
  await expectPressed(x, 0, 'true');
  await expectPressed(x, 2, 'true');
  await expectPressed(x, 1, 'false');
  await Promise.all([x.close(), mastodon.close(), popup.close()]);
});

test('a page script cannot save: synthetic clicks and forged messages do nothing', async () => {
  const page = await browser.context.newPage();
  await page.goto(X_HOME);
  await saveButtons(page).first().waitFor();
  const before = await storedKeys();
  await page.evaluate(() => {
    const button = document.querySelectorAll<HTMLButtonElement>('[data-stroom-action="save"]')[1];
    button?.click();
    button?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    window.postMessage({ stroom: 1, type: 'save-item', payload: {} }, '*');
  });
  await expectPressed(page, 1, 'false');
  expect(await page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage)).toBe('undefined');
  expect(await storedKeys()).toEqual(before);
  await page.close();
});

test('an item can be deleted from the popup and brought back with undo', async () => {
  const popup = await openPopup(browser);
  const entries = popup.locator('[data-stroom-item]');
  await eventually(() => entries.count(), (value) => expect(value).toBeGreaterThan(0));
  const count = await entries.count();
  const key = await entries.first().getAttribute('data-stroom-item');
  await entries.first().getByRole('button', { name: /^Delete/ }).click();
  await eventually(() => entries.count(), (value) => expect(value).toBe(count - 1));
  expect(await storedKeys()).not.toContain(key);
  await popup.getByRole('button', { name: 'Undo' }).click();
  await eventually(() => entries.count(), (value) => expect(value).toBe(count));
  expect(await entries.first().getAttribute('data-stroom-item')).toBe(key);
  expect(await storedKeys()).toContain(key);
  await popup.close();
});

test.each([
  ['X', X_HOME, '[data-testid="cellInnerDiv"]'],
  ['Mastodon', MASTODON_HOME, 'article[data-id]'],
])('on a long %s timeline, every post in view has its control wherever the reader jumps', async (_site, url, rowSelector) => {
  const page = await browser.context.newPage();
  await page.goto(url);
  await saveButtons(page).first().waitFor();
  // The watcher watches only one post in a few of each batch; the others come with it.
  await appendItemCopies(page, rowSelector);
  await expectControlsInViewAfterJumps(page, '[data-e2e-copy]');
  await page.close();
});

test('the extension made no network request of its own', () => {
  expect(browser.extensionRequests).toEqual([]);
});

async function expectPressed(page: Page, index: number, pressed: 'true' | 'false'): Promise<void> {
  await eventually(() => saveButtons(page).nth(index).getAttribute('aria-pressed'), (value) => expect(value).toBe(pressed));
}

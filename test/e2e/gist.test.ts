/**
 * Chrome's built-in Summarizer as an optional extra: where it says a language is available, the
 * popup adds a one-line gist and stores it; where it does not (headless Chromium, Firefox), the
 * extractive summary stands alone. CI cannot run the real model, so a fake stands in for it.
 */
import { eventually, launchWithExtension, openPopup, readStore } from './chromium';
import type { ExtensionBrowser } from './chromium';

const X_HOME = 'https://x.com/home';
let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension({ [X_HOME]: 'x.html' });
  const page = await browser.context.newPage();
  await page.goto(X_HOME);
  const save = page.locator('[data-stroom-action="save"]').first();
  await save.click();
  await eventually(() => save.getAttribute('aria-pressed'), (pressed) => expect(pressed).toBe('true'));
  await page.close();
});
afterAll(async () => {
  await browser?.close();
});

const storedGists = async () => (await readStore<{ gist?: string }>(browser, 'items')).map((item) => item.gist ?? null);

test('without an available model the popup shows the extractive summary and stores no gist', async () => {
  const popup = await openPopup(browser);
  await popup.locator('[data-stroom-item]').first().waitFor();
  expect(await popup.locator('.item-gist').count()).toBe(0);
  expect(await storedGists()).toEqual([null]);
  await popup.close();
});

test('with an available model the popup adds a one-line gist and stores it', async () => {
  const popup = await browser.context.newPage();
  await popup.addInitScript(() => {
    (globalThis as unknown as { Summarizer: unknown }).Summarizer = {
      availability: async () => 'available',
      create: async (options: { outputLanguage?: string }) => ({
        summarize: async (text: string) => `- (${options.outputLanguage}) ${text.split(' ').slice(0, 4).join(' ')}\n- second line`,
        destroy() {},
      }),
    };
  });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  const gist = popup.locator('[data-stroom-item] .item-gist');
  await gist.waitFor();
  expect(await gist.textContent()).toBe('(nl) Eerste zonnige zaterdag van');
  await eventually(storedGists, (gists) => expect(gists).toEqual(['(nl) Eerste zonnige zaterdag van']));
  await popup.close();
});

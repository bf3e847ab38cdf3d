/**
 * The options page is one set of settings edited from two sections: a change in one section must
 * never be undone by a later change in the other.
 */
import { eventually, launchWithExtension } from './chromium';
import type { ExtensionBrowser } from './chromium';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension({});
});
afterAll(async () => {
  await browser?.close();
});

const storedSettings = async () =>
  (await browser.worker()).evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } }).chrome;
    return (await api.storage.local.get('settings')).settings as { debugBadges?: boolean; digest?: { time?: string } } | undefined;
  });

test('turning on the debug labels, then changing the digest time, keeps both', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByRole('checkbox', { name: /Show what Stroom recognises/ }).check();
  await eventually(storedSettings, (settings) => expect(settings?.debugBadges).toBe(true));
  await page.getByLabel('Delivery time').fill('07:30');
  await eventually(storedSettings, (settings) => expect(settings?.digest?.time).toBe('07:30'));
  expect((await storedSettings())?.debugBadges).toBe(true);
  await page.close();
});

/** The digest page, the options and the Today view in Dutch (browser language nl). */
import { launchWithExtension } from './chromium';
import type { ExtensionBrowser } from './chromium';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension({}, { locale: 'nl' });
});
afterAll(async () => {
  await browser?.close();
});

test('an empty day reads calmly in Dutch, and the options speak Dutch', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/digest.html`);
  await page.locator('.digest-empty').waitFor();
  await expect(page.locator('h1').textContent()).resolves.toBe('Je Stroom-overzicht');
  await expect(page.locator('.digest-empty').textContent()).resolves.toContain('Op deze dag is niets bewaard.');
  await expect(page.getByRole('navigation', { name: 'Dagen bladeren' }).getByRole('button', { name: /Vorige dag/ }).isDisabled()).resolves.toBe(true);

  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByLabel('Tijdstip').waitFor();
  await expect(options.getByLabel('Tijdstip').inputValue()).resolves.toBe('18:00');
  expect(await options.getByRole('checkbox', { name: 'Nooit loslaten' }).isChecked()).toBe(false);

  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.locator('.tab').first().click();
  await popup.getByText('Vandaag nog niets bewaard.').waitFor();
  await Promise.all([page.close(), options.close(), popup.close()]);
});

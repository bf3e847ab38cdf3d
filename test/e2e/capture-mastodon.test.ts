/**
 * Mastodon on a server Stroom does not know (issue 3), in real Chromium: the popup offers "Use
 * Stroom on this site", the grant registers the Mastodon script for that origin, the page gets
 * Save buttons and a saved post lands in the popup; removing the server in the options stops it.
 *
 * Headless Chromium shows the permission prompt but nothing can answer it (checked: the
 * permissions.request promise stays pending). So this test loads a copy of the built extension
 * whose manifest already holds the instance's host permission, which is what answering "Allow"
 * gives, and then calls the background's enable function the way the popup does after the grant.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { CHROME_DIST, ROOT, eventually, launchWithExtension } from './chromium';
import type { ExtensionBrowser } from './chromium';

const ORIGIN = 'https://social.example.nl';
const HOME = `${ORIGIN}/home`;

declare const chrome: {
  tabs: { query(query: object): Promise<Array<{ id?: number }>> };
  scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string; matches?: string[] }>> };
};

let browser: ExtensionBrowser;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;
let extension: string;

beforeAll(async () => {
  extension = mkdtempSync(join(tmpdir(), 'stroom-ext-'));
  cpSync(CHROME_DIST, extension, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(extension, 'manifest.json'), 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions.push(`${ORIGIN}/*`); // what "Allow" on the prompt grants
  writeFileSync(join(extension, 'manifest.json'), JSON.stringify(manifest));
  browser = await launchWithExtension({ [ORIGIN]: 'mastodon/variations.html' }, { extensionDir: extension });
  ({ context, extensionId } = browser);
  worker = await browser.worker();
});
afterAll(async () => {
  await browser?.close();
  rmSync(extension, { recursive: true, force: true });
});

const saveButtons = (page: Page) => page.locator('[data-stroom-action="save"]');

async function activeTabId(page: Page): Promise<number> {
  await page.bringToFront();
  return worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1);
}

test('a Mastodon server added at run time gets Save buttons, and a saved post lands in the popup', async () => {
  const page = await context.newPage();
  await page.goto(HOME);
  // Not a known instance: the popup offers to add it (and, as on any page that is no feed, to save it).
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${await activeTabId(page)}`);
  await popup.getByRole('button', { name: 'Use Stroom on this site' }).waitFor();
  expect(await popup.getByRole('button', { name: 'Save this page' }).count()).toBe(1);

  // What the button does once the user allowed the origin.
  const enabled = await worker.evaluate(
    (origin) => (globalThis as unknown as { stroomCapture: { enableInstance(origin: string): Promise<{ origins: string[] }> } }).stroomCapture.enableInstance(origin),
    ORIGIN,
  );
  expect(enabled.origins).toEqual([ORIGIN]);
  const registered = await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
  expect(registered).toEqual([expect.objectContaining({ matches: [`${ORIGIN}/*`] })]);

  await page.reload();
  await saveButtons(page).first().click();
  await eventually(() => saveButtons(page).first().getAttribute('aria-pressed'), (value) => expect(value).toBe('true'));
  const ids = (JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'mastodon', 'variations.expected.json'), 'utf8')) as Array<{ id: string }>).map(
    (item) => `mastodon:${item.id}`,
  );
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const entries = popup.locator('[data-stroom-item]');
  await eventually(() => entries.count(), (count) => expect(count).toBe(1));
  expect(ids).toContain(await entries.first().getAttribute('data-stroom-item'));
  await popup.close();

  // The options list the server; removing it unregisters the script.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator(`[data-stroom-instance="${ORIGIN}"]`).getByRole('button', { name: 'Remove social.example.nl' }).click();
  await eventually(() => worker.evaluate(() => chrome.scripting.getRegisteredContentScripts()), (scripts) => expect(scripts).toEqual([]));
  await options.reload();
  await options.getByText('None yet.', { exact: false }).waitFor();
  await Promise.all([page.close(), options.close()]);
});

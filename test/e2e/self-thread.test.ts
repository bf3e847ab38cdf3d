/**
 * Threads of one author (issue 3): on a conversation page, saving any post of an author's
 * self-thread saves the whole thread as one item, its parts in order, without other people's
 * replies; the popup says it is a thread.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ThreadPart } from '../../src/sites/types';
import { ROOT, eventually, launchWithExtension, openPopup, readStore } from './chromium';
import type { ExtensionBrowser } from './chromium';

interface Conversation {
  site: string;
  url: string;
  html: string;
  thread: { focused: string; thread: ThreadPart[] };
}

const CONVERSATIONS: Conversation[] = ['x', 'mastodon'].map((site) => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', site, 'manifest.json'), 'utf8')) as {
    fixtures: Array<{ html: string; url: string; thread?: string }>;
  };
  const entry = manifest.fixtures.find((fixture) => fixture.thread);
  if (!entry?.thread) throw new Error(`no conversation fixture for ${site}`);
  return {
    site,
    url: entry.url,
    html: `${site}/${entry.html}`,
    thread: JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', site, entry.thread), 'utf8')) as Conversation['thread'],
  };
});

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension(Object.fromEntries(CONVERSATIONS.map((entry) => [entry.url, entry.html])));
});
afterAll(async () => {
  await browser?.close();
});

const storedItem = async (key: string) =>
  (await readStore<{ key: string; parts?: Array<{ id: string | null; text: string }> }>(browser, 'items')).find((item) => item.key === key) ?? null;

test.each(CONVERSATIONS.map((entry) => [entry.site, entry] as const))('%s: saving a post of a self-thread keeps the whole thread as one item', async (site, entry) => {
  const page = await browser.context.newPage();
  await page.goto(entry.url);
  // Save the last part of the thread: the whole thread comes along, in order.
  const lastPart = entry.thread.thread.at(-1)?.id ?? '';
  const buttons = page.locator('[data-stroom-action="save"]');
  await buttons.first().waitFor();
  const index = await page.evaluate(
    ({ id }) => Array.from(document.querySelectorAll('[data-stroom-action="save"]')).findIndex((button) => button.parentElement?.closest('article, [data-testid="cellInnerDiv"], .status')?.outerHTML.includes(id)),
    { id: lastPart },
  );
  expect(index).toBeGreaterThanOrEqual(0);
  await buttons.nth(index).click();
  const key = `${site}:${lastPart}`;
  const stored = await eventually(() => storedItem(key), (item) => expect(item).not.toBeNull());
  expect(stored?.parts?.map((part) => part.id)).toEqual(entry.thread.thread.map((part) => part.id));
  expect(stored?.parts?.map((part) => part.text)).toEqual(entry.thread.thread.map((part) => part.text));
  const popup = await openPopup(browser);
  const row = popup.locator(`[data-stroom-item="${key}"]`);
  await row.waitFor();
  expect(await row.textContent()).toContain(`thread of ${entry.thread.thread.length} posts`);
  await Promise.all([page.close(), popup.close()]);
});

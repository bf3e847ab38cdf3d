/**
 * The daily digest in real Chromium: save on the X fixture, fire the digest alarm (created with
 * a short delay from the service worker), then check the stored digest, the notification call,
 * the toolbar dot, the digest page (contents, marking, axe), the options page (axe) and the
 * caught-up divider after reloading the feed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, eventually, launchWithExtension, readStore as readStoreOf } from './chromium';
import type { ExtensionBrowser } from './chromium';

const X_HOME = 'https://x.com/home';
const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension({ [X_HOME]: 'x.html' });
});
afterAll(async () => {
  await browser?.close();
});

/** axe-core evaluated in the page (extension pages' CSP refuses injected script tags). */
async function axeViolations(page: Page): Promise<Array<{ id: string; nodes: string[] }>> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((violation) => ({ id: violation.id, nodes: violation.nodes.slice(0, 3).map((node) => JSON.stringify(node.target)) }));
  });
}

interface StoredDigestShape {
  day: string;
  digest: { total: number; themes: Array<{ label: string; items: string[] }>; letGo: number };
}

const readStore = <T>(store: 'items' | 'digests'): Promise<T[]> => readStoreOf<T>(browser, store);

const saveButtons = (page: Page) => page.locator('[data-stroom-action="save"]');

test('the digest alarm lets go, stores the day’s digest, notifies, and the digest page shows it', async () => {
  const feed = await browser.context.newPage();
  await feed.goto(X_HOME);
  await saveButtons(feed).first().waitFor();
  await saveButtons(feed).nth(0).click();
  await saveButtons(feed).nth(2).click();
  await eventually(() => readStore<{ key: string }>('items'), (items) => expect(items).toHaveLength(2));

  const worker = await browser.worker();
  // An unread post saved ten days ago: the delivery lets it go (status 'letgo', not deleted).
  await worker.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('stroom');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('items', 'readwrite').objectStore('items');
          const all = store.getAll();
          all.onsuccess = () => {
            const [model] = all.result as Array<Record<string, unknown>>;
            store.put({ ...model, id: 'old-1', key: 'x:old-1', savedAt: Date.now() - 10 * 86_400_000, status: 'unread' });
            store.transaction.oncomplete = () => {
              open.result.close();
              resolve();
            };
          };
        };
      }),
  );
  // Spy on notifications (and keep headless Chromium from showing one), then fire the alarm soon.
  await worker.evaluate(() => {
    const scope = globalThis as unknown as { stroomNotes: unknown[]; chrome: { notifications: { create: unknown }; alarms: { create(name: string, info: object): void } } };
    scope.stroomNotes = [];
    scope.chrome.notifications.create = (...args: unknown[]) => {
      const callback = typeof args.at(-1) === 'function' ? (args.pop() as (id: unknown) => void) : null;
      scope.stroomNotes.push(args);
      callback?.(args[0]);
      return Promise.resolve(args[0]);
    };
    scope.chrome.alarms.create('stroom-digest', { when: Date.now() + 200 });
  });

  const [stored] = await eventually(() => readStore<StoredDigestShape>('digests'), (digests) => expect(digests).toHaveLength(1));
  expect(stored?.digest.total).toBe(2);
  expect(stored?.digest.letGo).toBe(1);
  const items = await readStore<{ key: string; status: string }>('items');
  expect(items.find((item) => item.key === 'x:old-1')?.status).toBe('letgo');
  expect(stored?.digest.themes.flatMap((theme) => theme.items).sort()).toEqual(items.filter((item) => item.key !== 'x:old-1').map((item) => item.key).sort());
  const notes = await worker.evaluate(() => (globalThis as unknown as { stroomNotes: Array<[string, { message: string }]> }).stroomNotes);
  expect(notes).toHaveLength(1);
  expect(notes[0]?.[0]).toBe('stroom-digest');
  expect(notes[0]?.[1].message).toMatch(/^Your Stroom digest: 2 saved, \d+ themes?$/);
  // The dot: a space, never a count. The next alarm is set again for the user's time.
  expect(await worker.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}))).toBe(' ');
  await eventually(
    () => worker.evaluate(() => (globalThis as unknown as { chrome: { alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> } } }).chrome.alarms.get('stroom-digest')),
    (alarm) => expect(alarm?.scheduledTime ?? 0).toBeGreaterThan(Date.now()),
  );

  const page = await browser.context.newPage();
  page.on('pageerror', (error) => console.error('[digest error]', error));
  await page.goto(`chrome-extension://${browser.extensionId}/digest.html`);
  const entries = page.locator('[data-stroom-item]');
  await eventually(() => entries.count(), (count) => expect(count).toBe(2));
  await expect(page.locator('h1').textContent()).resolves.toBe('Your Stroom digest');
  await expect(page.locator('.digest-overview').textContent()).resolves.toContain('Saved: 2');
  await expect(page.locator('.digest-letgo').textContent()).resolves.toContain('One saved item you didn’t get to has been let go');
  expect(await page.locator('.digest-theme h2').count()).toBeGreaterThan(0);
  expect(await page.locator('.digest-entry a[href^="https://"]').count()).toBe(2);
  // Opening the digest clears the dot.
  await eventually(
    () => worker.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({})),
    (text) => expect(text).toBe(''),
  );
  expect(await axeViolations(page)).toEqual([]);

  // Mark the first post read by keyboard.
  const first = entries.first();
  const key = await first.getAttribute('data-stroom-item');
  await first.getByRole('button', { name: /^Mark read: post by / }).focus();
  await page.keyboard.press('Enter');
  await eventually(
    () => readStore<{ key: string; status: string }>('items'),
    (items) => expect(items.find((item) => item.key === key)?.status).toBe('read'),
  );
  await first.locator('.digest-status').waitFor();

  // Let-go posts are where the note says; "Keep" brings one back to unread.
  await page.locator('.digest-letgo-list summary').click();
  const kept = page.locator('.digest-letgo-list [data-stroom-item="x:old-1"]');
  await kept.getByRole('button', { name: /^Keep: post by / }).click();
  await eventually(
    () => readStore<{ key: string; status: string }>('items'),
    (items) => expect(items.find((item) => item.key === 'x:old-1')?.status).toBe('unread'),
  );
  await kept.waitFor({ state: 'detached' });
  await page.screenshot({ path: join(ROOT, 'node_modules/.cache/stroom/digest-page.png'), fullPage: true });

  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.locator('input[type="time"]').waitFor();
  expect(await axeViolations(options)).toEqual([]);
  // A new delivery time moves the alarm.
  await options.locator('input[type="time"]').fill('07:30');
  await options.locator('[role="status"]').filter({ hasText: 'Saved.' }).waitFor();
  await eventually(
    () => worker.evaluate(() => (globalThis as unknown as { chrome: { alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> } } }).chrome.alarms.get('stroom-digest')),
    (alarm) => {
      const at = new Date(alarm?.scheduledTime ?? 0);
      expect([at.getHours(), at.getMinutes()]).toEqual([7, 30]);
    },
  );

  // The popup's Today view: the day so far, with its themes and the way to the full digest.
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.getByRole('button', { name: 'Today' }).click();
  await popup.locator('.today-themes li').first().waitFor();
  await expect(popup.locator('.today').textContent()).resolves.toMatch(/2 saved/);
  expect(await popup.getByRole('link', { name: 'Open full digest' }).getAttribute('href')).toBe('digest.html');
  expect(await axeViolations(popup)).toEqual([]);
  await Promise.all([page.close(), options.close(), feed.close(), popup.close()]);
});

test('after scrolling past posts, reloading the feed shows the caught-up divider', async () => {
  const worker = await browser.worker();
  // The first test's feed page may have remembered posts already: start from nothing seen.
  await worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { remove(k: string): Promise<void> } } } }).chrome.storage.local.remove('seen:x'));
  const feed = await browser.context.newPage();
  await feed.setViewportSize({ width: 900, height: 300 });
  await feed.goto(X_HOME);
  await saveButtons(feed).first().waitFor();
  expect(await feed.locator('stroom-caught-up').count()).toBe(0);
  // Room to scroll every post past the top, then scroll down in steps like a reader.
  await feed.evaluate(() => {
    const spacer = document.createElement('div');
    spacer.style.height = '3000px';
    document.body.append(spacer);
  });
  for (let y = 0; y <= 3000; y += 150) {
    await feed.evaluate((top) => scrollTo(0, top), y);
    await feed.waitForTimeout(30);
  }
  // Leaving the page (here: reloading it) writes what was scrolled past.
  await feed.reload();
  const divider = feed.locator('stroom-caught-up');
  await divider.waitFor({ state: 'attached' });
  expect(await divider.count()).toBe(1);
  expect(await divider.getAttribute('aria-label')).toMatch(/^You’re caught up — seen at \d{1,2}:\d{2}/);
  const stored = await worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(k: string[]): Promise<Record<string, { groups: unknown[] }>> } } } }).chrome.storage.local.get(['seen:x', 'seen:x:recent']));
  expect(stored['seen:x']?.groups.length).toBeGreaterThan(0); // the whole record, written on leaving
  expect(stored['seen:x:recent']?.groups).toEqual([]); // and nothing left beside it
  await feed.close();
});

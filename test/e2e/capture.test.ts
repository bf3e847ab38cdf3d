/**
 * Other ways to save, in real Chromium (issue 3): the context menu (its onClicked listener called
 * as the browser calls it: headless Chromium cannot open a menu), the popup's "Save this page",
 * the adapter-health notice on a feed the adapter cannot read, and the debug badges.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { itemKind } from '../../src/content/badges';
import type { FeedItem } from '../../src/sites/types';
import { ROOT, eventually, launchWithExtension, openPopup } from './chromium';
import type { ExtensionBrowser } from './chromium';
import { axeViolations } from './axe';

/** A page that is no feed, on a host Stroom may read (so the test needs no activeTab gesture). */
const ARTICLE = 'https://www.youtube.com/about/press/';
const ARTICLE_HTML = `<!doctype html><html><head>
<title>Press room – YouTube</title>
<link rel="canonical" href="https://www.youtube.com/about/press/?utm_source=feed">
<meta property="og:title" content="YouTube press room">
<meta property="og:description" content="News and announcements from YouTube.">
<meta property="og:site_name" content="YouTube">
</head><body><h1>Press room</h1><p id="quote">Creators uploaded more than ever this year.</p>
<a id="link" href="https://blog.youtube/news/?utm_medium=x">Blog</a></body></html>`;
const POLICIES = 'https://www.youtube.com/about/policies/';
const POLICIES_HTML = '<!doctype html><html><head><title>Policies</title></head><body><p id="rule">Be kind in the comments.</p><p>Other text.</p></body></html>';
const ABOUT = 'https://www.youtube.com/about/';
/** A page of a supported site that is no feed: its content script runs, but there is no post to save. */
const BRAND = 'https://www.youtube.com/about/brand-resources/';
const BRAND_HTML = '<!doctype html><html><head><title>Brand resources</title><meta name="description" content="Logos and guidelines."></head><body><h1>Brand</h1></body></html>';
const ABOUT_HTML = '<!doctype html><html><head><title>About YouTube</title></head><body><h1>About</h1></body></html>';
/** LinkedIn's feed after an imagined redesign: posts are articles the adapter does not recognise. */
const BROKEN_FEED = 'https://www.linkedin.com/feed/';
const BROKEN_FEED_HTML = `<!doctype html><html><body><main>${Array.from({ length: 6 }, (_, index) => `<article class="post-v2"><p>Post ${index}</p></article>`).join('')}</main></body></html>`;

/** The slice of the extension API these tests call inside the service worker. */
declare const chrome: {
  tabs: { query(query: object): Promise<Array<{ id?: number }>> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
};

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension({ 'https://x.com/home': 'x.html' });
  for (const [url, body] of [
    [ARTICLE, ARTICLE_HTML],
    [ABOUT, ABOUT_HTML],
    [POLICIES, POLICIES_HTML],
    [BRAND, BRAND_HTML],
    [BROKEN_FEED, BROKEN_FEED_HTML],
  ] as const) {
    await browser.context.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
  }
});
afterAll(async () => {
  await browser?.close();
});

type Capture = { onMenuClicked(info: unknown, tab: unknown): Promise<{ key: string; created: boolean } | null> };

/** Open a page, make it the active tab, and return its tab id (as the browser knows it). */
async function openTab(url: string): Promise<{ page: Page; tabId: number }> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.bringToFront();
  const worker = await browser.worker();
  const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1);
  expect(tabId).toBeGreaterThan(0);
  return { page, tabId };
}

async function menuClick(info: Record<string, unknown>, tab: { id: number }): Promise<{ key: string; created: boolean } | null> {
  const worker = await browser.worker();
  return worker.evaluate(
    ([clicked, target]) => (globalThis as unknown as { stroomCapture: Capture }).stroomCapture.onMenuClicked(clicked, target),
    [info, tab] as const,
  );
}

async function popupFor(tabId: number): Promise<Page> {
  const popup = await openPopup(browser);
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

test('"Save this page to Stroom" from the menu saves a web item keyed by the canonical URL, with its metadata', async () => {
  const { page, tabId } = await openTab(ARTICLE);
  const saved = await menuClick({ menuItemId: 'stroom-save-page', pageUrl: ARTICLE, editable: false }, { id: tabId });
  expect(saved).toEqual({ key: 'web:https://www.youtube.com/about/press/', created: true });
  const popup = await openPopup(browser);
  const entry = popup.locator('[data-stroom-item="web:https://www.youtube.com/about/press/"]');
  await entry.waitFor();
  const text = await entry.textContent();
  expect(text).toContain('YouTube press room');
  expect(text).toContain('News and announcements from YouTube.');
  await Promise.all([page.close(), popup.close()]);
});

test('"Save selection" keeps the selected text; "Save link" saves the link without its trackers', async () => {
  const { page, tabId } = await openTab(POLICIES);
  await page.locator('#rule').selectText();
  const selectionText = await page.evaluate(() => String(getSelection()));
  const selection = await menuClick({ menuItemId: 'stroom-save-selection', pageUrl: POLICIES, selectionText, editable: false }, { id: tabId });
  expect(selection).toEqual({ key: 'web:https://www.youtube.com/about/policies/', created: true });
  const { page: article, tabId: articleTab } = await openTab(ARTICLE);
  const link = await menuClick({ menuItemId: 'stroom-save-link', linkUrl: 'https://blog.youtube/news/?utm_medium=x', pageUrl: ARTICLE, editable: false }, { id: articleTab });
  expect(link).toEqual({ key: 'web:https://blog.youtube/news/', created: true });
  const popup = await openPopup(browser);
  await popup.locator('[data-stroom-item="web:https://blog.youtube/news/"]').waitFor();
  expect(await popup.locator('[data-stroom-item="web:https://www.youtube.com/about/policies/"]').textContent()).toContain('Be kind in the comments.');
  await Promise.all([page.close(), article.close(), popup.close()]);
});

test('the popup offers "Save this page" on a page that is not a feed, and the page lands in the list', async () => {
  const { page, tabId } = await openTab(ABOUT);
  const popup = await popupFor(tabId);
  await popup.getByRole('button', { name: 'Save this page' }).click();
  await popup.getByRole('button', { name: 'Page saved' }).waitFor();
  // The list below shows it at once, without reopening the popup.
  await popup.locator('[data-stroom-item="web:https://www.youtube.com/about/"]').waitFor();
  await Promise.all([page.close(), popup.close()]);
});

test('the keyboard command on a page that is no feed saves the page', async () => {
  const { page } = await openTab(BRAND);
  await page.mouse.move(100, 50);
  const worker = await browser.worker();
  const reply = await worker.evaluate(() => (globalThis as unknown as { stroomCapture: { onCommand(name: string): Promise<unknown> } }).stroomCapture.onCommand('save-item'));
  expect(reply).toEqual({ saved: true, key: 'web:https://www.youtube.com/about/brand-resources/', page: true });
  const popup = await openPopup(browser);
  expect(await popup.locator('[data-stroom-item="web:https://www.youtube.com/about/brand-resources/"]').textContent()).toContain('Logos and guidelines.');
  await Promise.all([page.close(), popup.close()]);
});

test('no "Save this page" on a feed: saving happens in the page there', async () => {
  const { page, tabId } = await openTab('https://x.com/home');
  await page.locator('[data-stroom-action="save"]').first().waitFor();
  const popup = await popupFor(tabId);
  await popup.locator('[data-stroom-item]').first().waitFor();
  expect(await popup.getByRole('button', { name: 'Save this page' }).count()).toBe(0);
  await Promise.all([page.close(), popup.close()]);
});

test('a feed whose posts the adapter cannot recognise is reported, and the popup says so on that site', async () => {
  const { page, tabId } = await openTab(BROKEN_FEED);
  const worker = await browser.worker();
  // The content script looks a few seconds after the page settles; wait for its report.
  await eventually(
    () => worker.evaluate(async () => (await chrome.storage.local.get('siteHealth')).siteHealth as Record<string, { broken: boolean; visible: number; recognised: number }> | undefined),
    (health) => expect(health?.linkedin).toMatchObject({ broken: true, recognised: 0, visible: 6 }),
    15_000,
  );
  const popup = await popupFor(tabId);
  const notice = popup.locator('[data-stroom-health="linkedin"]');
  await notice.waitFor();
  expect(await notice.textContent()).toContain("Stroom can't recognise posts on LinkedIn right now — saving may not work.");
  const link = notice.getByRole('link', { name: 'Report it' });
  expect(await link.getAttribute('href')).toBe(`chrome-extension://${browser.extensionId}/options.html#report-a-broken-site`);
  // Following it opens the options' report section, focused, with the details of this check to copy.
  const [report] = await Promise.all([browser.context.waitForEvent('page'), link.click()]);
  const heading = report.getByRole('heading', { name: 'Report a broken site' });
  await heading.waitFor();
  await eventually(() => report.evaluate(() => document.activeElement?.textContent), (focused) => expect(focused).toBe('Report a broken site'));
  const details = report.getByLabel(/Details to include/);
  await eventually(() => details.inputValue(), (text) => expect(text).toMatch(/^Stroom \d+\.\d+\.\d+\nBrowser: .+\nLinkedIn: NOT RECOGNISED, recognised 0 of 6 posts on screen, /));
  expect(await axeViolations(report)).toEqual([]);
  await Promise.all([page.close(), popup.close(), report.close()]);
});

test('the debug option badges every recognised item with its site and kind', async () => {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByLabel(/Show what Stroom recognises/).check();
  const worker = await browser.worker();
  await eventually(
    () => worker.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { debugBadges?: boolean } | undefined)?.debugBadges),
    (on) => expect(on).toBe(true),
  );
  const page = await browser.context.newPage();
  await page.goto('https://x.com/home');
  const badges = page.locator('stroom-badge');
  // x.html: three posts and an ad (which gets no control, so no badge); kinds as its expected items say.
  const expected = (JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'x.expected.json'), 'utf8')) as Array<Omit<FeedItem, 'site'>>)
    .filter((item) => !item.isAd)
    .map((item) => `x · ${itemKind({ ...item, site: 'x' })}`);
  expect(expected).toHaveLength(3);
  await eventually(() => badges.evaluateAll((hosts) => hosts.map((host) => host.getAttribute('data-stroom-badge'))), (labels) => expect(labels).toEqual(expected));
  await Promise.all([page.close(), options.close()]);
});

test('the extension made no network request of its own', () => {
  expect(browser.extensionRequests).toEqual([]);
});

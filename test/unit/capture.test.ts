/**
 * Capturing (issue 3) in Node: web items from page metadata, the background's capture handlers
 * through `route` (validation and sender checks included) on fake IndexedDB with a fake platform,
 * and the run-time Mastodon instances.
 */
import type { Runtime, Tabs } from 'webextension-polyfill';
import { HEALTH_KEY, isBroken } from '../../src/background/capture';
import { parseHealth, reportDetails, siteStatusFor } from '../../src/background/captureStatus';
import type { CapturePlatform } from '../../src/background/capture';
import { parsePageMetadata, webItemFromLink, webItemFromPage } from '../../src/background/capturePage';
import type { PageMetadata } from '../../src/background/capturePage';
import { createHandlers } from '../../src/background/handlers';
import { route } from '../../src/background/router';
import type { MessageType, RequestOf, Result } from '../../src/core/messages';
import { openStroomDB } from '../../src/store/db';
import type { StroomDatabase } from '../../src/store/db';
import mastodonFixture from '../fixtures/mastodon.expected.json';
import { memorySettings } from './memorySettings';

const identity = { id: 'stroom@example.org', origin: 'chrome-extension://abcdefghijklmnop/' };
const tab = { id: 3, index: 0, highlighted: true, active: true, pinned: false, incognito: false } as Tabs.Tab;
const POPUP: Runtime.MessageSender = { id: identity.id, url: `${identity.origin}popup.html` };
const page = (url: string): Runtime.MessageSender => ({ id: identity.id, url, tab });

const ARTICLE: PageMetadata = {
  url: 'https://news.example.org/2026/03/bikes?utm_source=mastodon#comments',
  title: 'More bikes than cars',
  canonical: 'https://news.example.org/2026/03/bikes?utm_source=feed',
  description: 'Amsterdam counted again.',
  siteName: 'Example News',
  selection: null,
  looksLikeMastodon: false,
  feedSite: null,
};

describe('web items', () => {
  test('a page is keyed by its canonical URL without trackers, with title, description and site name', () => {
    const item = webItemFromPage(ARTICLE);
    expect(item).toMatchObject({
      site: 'web',
      id: 'https://news.example.org/2026/03/bikes',
      permalink: 'https://news.example.org/2026/03/bikes',
      title: 'More bikes than cars',
      text: 'Amsterdam counted again.',
      authorName: 'Example News',
      isAd: false,
    });
  });

  test.each([
    ['no canonical link', { canonical: null }, 'https://news.example.org/2026/03/bikes'],
    ['a javascript: canonical is ignored', { canonical: 'javascript:alert(1)' }, 'https://news.example.org/2026/03/bikes'],
    ['a relative-looking canonical is ignored', { canonical: 'not a url' }, 'https://news.example.org/2026/03/bikes'],
  ])('%s', (_name, patch, id) => {
    expect(webItemFromPage({ ...ARTICLE, ...patch }).id).toBe(id);
  });

  test('the selected text wins over the description; the menu selection over the page one', () => {
    expect(webItemFromPage({ ...ARTICLE, selection: '  In the page  ' }).text).toBe('In the page');
    expect(webItemFromPage({ ...ARTICLE, selection: 'In the page' }, 'From the menu').text).toBe('From the menu');
  });

  test('without a site name the host names the source', () => {
    expect(webItemFromPage({ ...ARTICLE, siteName: null }).authorName).toBe('news.example.org');
  });

  test('only http(s) pages and links can be saved', () => {
    expect(() => webItemFromPage({ ...ARTICLE, url: 'chrome://settings/' })).toThrow(/http/);
    expect(() => webItemFromLink('javascript:void(0)')).toThrow(/http/);
    expect(webItemFromLink('https://example.org/a?fbclid=1', ' Read ')).toMatchObject({ id: 'https://example.org/a', title: 'Read', text: '' });
  });

  test('page metadata is validated: wrong types, extra fields and huge values are refused', () => {
    expect(parsePageMetadata(ARTICLE)).toEqual(ARTICLE);
    expect(() => parsePageMetadata({ ...ARTICLE, title: 42 })).toThrow(/title/);
    expect(() => parsePageMetadata({ ...ARTICLE, html: '<script>' })).toThrow(/html/);
    expect(() => parsePageMetadata({ ...ARTICLE, description: 'x'.repeat(5_001) })).toThrow(/description/);
    expect(() => parsePageMetadata(null)).toThrow();
  });
});

test.each([
  [{ recognised: 0, visible: 0 }, false], // no timeline (yet): nothing to judge
  [{ recognised: 0, visible: 2 }, false],
  [{ recognised: 0, visible: 3 }, true],
  [{ recognised: 1, visible: 6 }, true],
  [{ recognised: 2, visible: 6 }, false],
  [{ recognised: 10, visible: 12 }, false],
])('isBroken(%o) is %s', (health, broken) => {
  expect(isBroken(health)).toBe(broken);
});

function fakePlatform(pages: Record<number, unknown> = {}) {
  const storage = new Map<string, unknown>();
  const granted = new Set<string>();
  const registered = new Set<string>();
  const platform: CapturePlatform = {
    async readPage(tabId) {
      if (!(tabId in pages)) throw new Error('Cannot access contents of the page');
      return pages[tabId];
    },
    local: { get: async (key) => storage.get(key), set: async (key, value) => void storage.set(key, structuredClone(value)) },
    hasOrigin: async (origin) => granted.has(origin),
    registerMastodon: async (origin) => void registered.add(origin),
    unregisterMastodon: async (origin) => void registered.delete(origin),
    removeOrigin: async (origin) => void granted.delete(origin),
  };
  return { platform, storage, granted, registered };
}

let databases: StroomDatabase[] = [];
afterEach(() => {
  for (const db of databases) db.close();
  databases = [];
});
let count = 0;
async function setUp(pages: Record<number, unknown> = {}) {
  const db = await openStroomDB(`capture-${++count}`);
  databases.push(db);
  let now = 1_700_000_000_000;
  const fake = fakePlatform(pages);
  const handlers = createHandlers({ getDb: async () => db, settings: memorySettings(), now: () => (now += 1_000), capture: fake.platform });
  const send = <T extends MessageType>(type: T, payload: RequestOf<T> | unknown, sender = POPUP): Promise<Result<unknown>> =>
    route({ stroom: 1, type, payload }, sender, handlers, identity);
  return { db, send, ...fake };
}

describe('capture handlers', () => {
  test("'save-page' saves the tab as a web item once, however often it is saved", async () => {
    const { send, db } = await setUp({ 7: ARTICLE });
    expect(await send('save-page', { tabId: 7 })).toEqual({ ok: true, value: { key: 'web:https://news.example.org/2026/03/bikes', created: true } });
    expect(await send('save-page', { tabId: 7 })).toEqual({ ok: true, value: { key: 'web:https://news.example.org/2026/03/bikes', created: false } });
    const [stored] = await db.getAll('items');
    expect(stored).toMatchObject({ site: 'web', title: 'More bikes than cars', status: 'unread' });
  });

  test("'save-page' refuses what a hostile page returns instead of metadata, and web pages cannot ask", async () => {
    const { send, db } = await setUp({ 7: { ...ARTICLE, title: { toString: 'x' } } });
    expect(await send('save-page', { tabId: 7 })).toMatchObject({ ok: false, error: expect.stringMatching(/title/) });
    expect(await send('save-page', { tabId: 7 }, page('https://x.com/home'))).toMatchObject({ ok: false, error: expect.stringMatching(/not accepted/) });
    expect(await db.count('items')).toBe(0);
  });

  test('the popup status: save-this-page off feeds, a Mastodon candidate on unknown servers, nothing on unreadable tabs', () => {
    const NOW = 1_700_000_000_000;
    const none = { brokenSite: null, mastodonCandidate: null };
    expect(siteStatusFor(ARTICLE, [], {}, NOW)).toEqual({ pageSavable: true, feedSite: null, ...none });
    expect(siteStatusFor({ ...ARTICLE, url: 'https://x.com/home', feedSite: 'x' }, [], {}, NOW)).toEqual({ pageSavable: true, feedSite: 'x', ...none });
    const unknownServer = { ...ARTICLE, url: 'https://social.example.nl/home', looksLikeMastodon: true };
    expect(siteStatusFor(unknownServer, [], {}, NOW)).toEqual({ pageSavable: true, feedSite: null, brokenSite: null, mastodonCandidate: 'https://social.example.nl' });
    expect(siteStatusFor(unknownServer, ['https://social.example.nl'], {}, NOW)).toEqual({ pageSavable: true, feedSite: 'mastodon', ...none });
    expect(siteStatusFor(null, [], {}, NOW)).toEqual({ pageSavable: false, feedSite: null, ...none });
  });

  test("'report-health' records per site and the popup's status names the broken site until a healthy report or 3 days", async () => {
    const { send, storage } = await setUp();
    const linkedin = page('https://www.linkedin.com/feed/');
    const feed = { ...ARTICLE, url: 'https://www.linkedin.com/feed/', feedSite: 'linkedin' as const };
    const status = (now = 1_700_000_100_000) => siteStatusFor(feed, [], parseHealth(storage.get(HEALTH_KEY)), now);
    expect(await send('report-health', { site: 'linkedin', recognised: 0, visible: 8 }, linkedin)).toEqual({ ok: true, value: { broken: true } });
    expect(status()).toMatchObject({ feedSite: 'linkedin', brokenSite: { site: 'linkedin', label: 'LinkedIn' } });
    expect(status(1_700_000_000_000 + 4 * 24 * 3_600_000).brokenSite).toBeNull();
    expect(await send('report-health', { site: 'linkedin', recognised: 8, visible: 8 }, linkedin)).toEqual({ ok: true, value: { broken: false } });
    expect(status().brokenSite).toBeNull();
  });

  test("'report-health' only from a page of that site", async () => {
    const { send, storage } = await setUp();
    expect(await send('report-health', { site: 'linkedin', recognised: 0, visible: 8 }, page('https://x.com/home'))).toMatchObject({ ok: false });
    expect(await send('report-health', { site: 'linkedin', recognised: 0, visible: 8 })).toMatchObject({ ok: false });
    expect(storage.size).toBe(0);
  });

  test('Mastodon instances: enabled only with the permission, remembered, then removable; their pages may save Mastodon items', async () => {
    const { send, granted, registered } = await setUp();
    const origin = 'https://social.example.nl';
    const { lazy: _lazy, ...fields } = mastodonFixture[0] as Record<string, unknown>;
    const item = { ...fields, site: 'mastodon' };
    const onInstance = page(`${origin}/home`);

    expect(await send('enable-instance', { origin })).toMatchObject({ ok: false, error: expect.stringMatching(/no permission/) });
    expect(await send('save-item', { item, pageUrl: `${origin}/home` }, onInstance)).toMatchObject({ ok: false });

    granted.add(origin);
    expect(await send('enable-instance', { origin: `${origin}/some/path` })).toEqual({ ok: true, value: { origins: [origin] } });
    expect([...registered]).toEqual([origin]);
    expect(await send('list-instances', {})).toEqual({ ok: true, value: { origins: [origin] } });
    expect(await send('save-item', { item, pageUrl: `${origin}/home` }, onInstance)).toMatchObject({ ok: true, value: { created: true } });
    // The grant makes it Mastodon, not anything else.
    expect(await send('save-item', { item: { ...item, site: 'x' }, pageUrl: `${origin}/home` }, onInstance)).toMatchObject({ ok: false });

    expect(await send('disable-instance', { origin })).toEqual({ ok: true, value: { origins: [] } });
    expect(registered.size).toBe(0);
    expect(granted.size).toBe(0);
    expect(await send('enable-instance', { origin: 'http://social.example.nl' })).toMatchObject({ ok: false, error: expect.stringMatching(/https/) });
    expect(await send('enable-instance', { origin }, onInstance)).toMatchObject({ ok: false, error: expect.stringMatching(/not accepted/) });
  });
});

describe('health records as stored', () => {
  const AT = Date.UTC(2026, 10, 27, 9, 14);
  const good = { recognised: 0, visible: 6, broken: true, at: AT };

  test('parseHealth keeps well-formed records and drops anything else', () => {
    expect(parseHealth({ linkedin: good, x: { ...good, visible: '6' }, bluesky: { ...good, broken: 'yes' }, threads: null, reddit: { ...good, recognised: -1 } })).toEqual({ linkedin: good });
    expect(parseHealth([good])).toEqual({});
    expect(parseHealth('linkedin')).toEqual({});
    expect(parseHealth(undefined)).toEqual({});
  });

  test('the report details name the version, the browser and each recent check, and nothing older than 3 days', () => {
    const old = { recognised: 9, visible: 9, broken: false, at: AT - 4 * 24 * 3_600_000 };
    const details = reportDetails('0.1.0', 'TestBrowser/1.0', { x: { ...good, recognised: 7, visible: 8, broken: false }, linkedin: good, bluesky: old, bogus: good }, AT + 60_000);
    expect(details).toBe(
      [
        'Stroom 0.1.0',
        'Browser: TestBrowser/1.0',
        'LinkedIn: NOT RECOGNISED, recognised 0 of 6 posts on screen, 2026-11-27T09:14:00.000Z',
        'X: ok, recognised 7 of 8 posts on screen, 2026-11-27T09:14:00.000Z',
      ].join('\n'),
    );
    expect(reportDetails('0.1.0', 'TestBrowser/1.0', {}, AT)).toContain('Site checks: none in the last 3 days');
  });
});

/**
 * The background's handlers (src/background/handlers.ts) on fake IndexedDB, always through
 * `route` so validation and sender checks are part of every call, as in the real worker.
 */
import { summaryFields } from '../../src/background/summaries';
import type { Runtime, Tabs } from 'webextension-polyfill';
import { createHandlers } from '../../src/background/handlers';
import { memorySettings } from './memorySettings';
import { route } from '../../src/background/router';
import type { StoredItem } from '../../src/core/items';
import type { MessageType, RequestOf, Result } from '../../src/core/messages';
import { openStroomDB } from '../../src/store/db';
import type { StroomDatabase } from '../../src/store/db';
import mastodonFixture from '../fixtures/mastodon.expected.json';
import xFixture from '../fixtures/x.expected.json';

const identity = { id: 'stroom@example.org', origin: 'moz-extension://4b1c2d3e-0000-4000-8000-000000000000/' };
const tab = { id: 3, index: 0, highlighted: true, active: true, pinned: false, incognito: false } as Tabs.Tab;
const POPUP: Runtime.MessageSender = { id: identity.id, url: `${identity.origin}popup.html` };
const ON_X: Runtime.MessageSender = { id: identity.id, url: 'https://x.com/home', tab };
const ON_MASTODON: Runtime.MessageSender = { id: identity.id, url: 'https://mastodon.social/home', tab };

type Savable = RequestOf<'save-item'>['item'];
const asItems = (site: 'x' | 'mastodon', entries: Array<Record<string, unknown>>): Savable[] =>
  entries.filter((entry) => entry.isAd !== true).map(({ lazy: _lazy, ...rest }) => ({ site, ...rest }) as Savable);
const X_ITEMS = asItems('x', xFixture);
const MASTODON_ITEMS = asItems('mastodon', mastodonFixture);
const first = X_ITEMS[0]!;

let dbCount = 0;
async function setUp() {
  const db = await openStroomDB(`handlers-${++dbCount}`);
  let now = 1_700_000_000_000;
  const handlers = createHandlers({ getDb: async () => db, settings: memorySettings(), now: () => (now += 1_000) });
  async function send<T extends MessageType>(type: T, payload: RequestOf<T> | unknown, sender = POPUP): Promise<Result<unknown>> {
    return route({ stroom: 1, type, payload }, sender, handlers, identity);
  }
  const all = (): Promise<StoredItem[]> => db.getAll('items');
  return { db, send, all };
}
const saveFrom = (item: Savable) => ({ item, pageUrl: 'https://x.com/home' });
let open: StroomDatabase[] = [];
afterEach(() => {
  for (const db of open) db.close();
  open = [];
});
async function fresh() {
  const context = await setUp();
  open.push(context.db);
  return context;
}

describe('save-item', () => {
  test('stores the item keyed by site and id, unread, with savedAt', async () => {
    const { send, all } = await fresh();
    const reply = await send('save-item', saveFrom(first), ON_X);
    expect(reply).toEqual({ ok: true, value: { key: `x:${first.id}`, savedAt: 1_700_000_001_000, created: true } });
    expect(await all()).toEqual([{ ...first, ...summaryFields(first), key: `x:${first.id}`, savedAt: 1_700_000_001_000, status: 'unread' }]);
  });

  test('stores a summary, keywords and language computed from the text', async () => {
    const { send, all } = await fresh();
    await send('save-item', saveFrom(first), ON_X);
    const [stored] = await all();
    expect(stored?.lang).toBe('nl');
    expect(stored?.summary?.length).toBeGreaterThan(0);
    for (const sentence of stored?.summary ?? []) expect(first.text).toContain(sentence);
    expect(stored?.keywords).toContain('Amstel');
  });

  test('is idempotent per (site, id): the second save keeps the first record and savedAt', async () => {
    const { send, all } = await fresh();
    await send('save-item', saveFrom(first), ON_X);
    const before = await all();
    const again = await send('save-item', saveFrom({ ...first, text: 'edited later' }), ON_X);
    expect(again).toEqual({ ok: true, value: { key: `x:${first.id}`, savedAt: 1_700_000_001_000, created: false } });
    expect(await all()).toEqual(before);
  });

  test('the same id on two sites is two items', async () => {
    const { send, all } = await fresh();
    await send('save-item', saveFrom(first), ON_X);
    await send('save-item', saveFrom({ ...MASTODON_ITEMS[0]!, id: first.id }), ON_MASTODON);
    expect((await all()).map((item) => item.key).sort()).toEqual([`mastodon:${first.id}`, `x:${first.id}`]);
  });

  test('stores canonical URLs: trackers and fragments gone, other parameters kept', async () => {
    const { send, all } = await fresh();
    const tracked: Savable = {
      ...first,
      permalink: `${first.permalink!}?s=20&t=AbC#m`,
      linkUrl: 'https://example.org/story?id=4&utm_source=twitter&fbclid=1',
      quoted: {
        id: '9',
        permalink: 'https://twitter.com/b/status/9?s=46',
        authorName: 'B',
        authorHandle: '@b',
        title: null,
        text: 'quoted',
        timestamp: null,
        unavailable: false,
      },
    };
    await send('save-item', saveFrom(tracked), ON_X);
    const [stored] = await all();
    expect(stored?.permalink).toBe(first.permalink);
    expect(stored?.linkUrl).toBe('https://example.org/story?id=4');
    expect(stored?.quoted?.permalink).toBe('https://twitter.com/b/status/9');
  });

  test('every fixture item from X and Mastodon can be saved from its own site', async () => {
    const { send, all } = await fresh();
    for (const item of X_ITEMS) expect(await send('save-item', saveFrom(item), ON_X)).toMatchObject({ ok: true });
    for (const item of MASTODON_ITEMS) expect(await send('save-item', saveFrom(item), ON_MASTODON)).toMatchObject({ ok: true });
    expect(await all()).toHaveLength(X_ITEMS.length + MASTODON_ITEMS.length);
  });
});

describe('saved-ids', () => {
  test('answers which of the asked ids are saved on that site only, in the order asked', async () => {
    const { send } = await fresh();
    for (const item of X_ITEMS.slice(0, 2)) await send('save-item', saveFrom(item), ON_X);
    await send('save-item', saveFrom({ ...MASTODON_ITEMS[0]!, id: 'shared-id' }), ON_MASTODON);
    const asked = ['nope', X_ITEMS[1]!.id, 'shared-id', X_ITEMS[0]!.id];
    expect(await send('saved-ids', { site: 'x', ids: asked }, ON_X)).toEqual({ ok: true, value: { ids: [X_ITEMS[1]!.id, X_ITEMS[0]!.id] } });
    expect(await send('saved-ids', { site: 'mastodon', ids: asked }, ON_MASTODON)).toEqual({ ok: true, value: { ids: ['shared-id'] } });
  });

  test('no ids asked, none answered', async () => {
    const { send } = await fresh();
    expect(await send('saved-ids', { site: 'x', ids: [] }, ON_X)).toEqual({ ok: true, value: { ids: [] } });
  });
});

describe('unsave, delete and restore', () => {
  test('unsave-item from the feed removes the item once', async () => {
    const { send, all } = await fresh();
    await send('save-item', saveFrom(first), ON_X);
    expect(await send('unsave-item', { key: `x:${first.id}` }, ON_X)).toEqual({ ok: true, value: { removed: true } });
    expect(await send('unsave-item', { key: `x:${first.id}` }, ON_X)).toEqual({ ok: true, value: { removed: false } });
    expect(await all()).toEqual([]);
  });

  test('delete returns the deleted record; restore puts it back identically', async () => {
    const { send, all } = await fresh();
    for (const item of X_ITEMS) await send('save-item', saveFrom(item), ON_X);
    await send('set-status', { key: `x:${first.id}`, status: 'read' });
    const before = await all();
    const record = before.find((item) => item.key === `x:${first.id}`);

    const deleted = await send('delete-item', { key: `x:${first.id}` });
    expect(deleted).toEqual({ ok: true, value: { removed: record } });
    expect(await all()).toHaveLength(before.length - 1);
    expect(await send('delete-item', { key: `x:${first.id}` })).toEqual({ ok: true, value: { removed: null } });

    // The popup sends back exactly what it got (after a structured-clone round trip).
    const removed = (deleted as { value: { removed: StoredItem } }).value.removed;
    expect(await send('restore-item', { item: structuredClone(removed) })).toEqual({ ok: true, value: { restored: true } });
    expect(await all()).toEqual(before);
  });

  test('restore does not overwrite an item saved again meanwhile', async () => {
    const { send, all } = await fresh();
    await send('save-item', saveFrom(first), ON_X);
    const deleted = (await send('delete-item', { key: `x:${first.id}` })) as { value: { removed: StoredItem } };
    await send('save-item', saveFrom(first), ON_X);
    const resaved = await all();
    expect(await send('restore-item', { item: deleted.value.removed })).toEqual({ ok: true, value: { restored: false } });
    expect(await all()).toEqual(resaved);
  });

  test('restore refuses a record whose key does not match its site and id', async () => {
    const { send, all } = await fresh();
    const forged: StoredItem = { ...first, key: 'x:someone-else', savedAt: 1, status: 'unread' };
    expect(await send('restore-item', { item: forged })).toEqual({ ok: false, error: 'item.key does not match its site and id' });
    expect(await all()).toEqual([]);
  });
});

describe('set-status', () => {
  test.each(['read', 'archived', 'letgo', 'unread'] as const)('sets %s and changes nothing else', async (status) => {
    const { send, all } = await fresh();
    await send('save-item', saveFrom(first), ON_X);
    const [before] = await all();
    expect(await send('set-status', { key: `x:${first.id}`, status })).toEqual({ ok: true, value: { updated: true } });
    expect(await all()).toEqual([{ ...before, status }]);
  });

  test('an unknown key is not updated and not created', async () => {
    const { send, all } = await fresh();
    expect(await send('set-status', { key: 'x:404', status: 'read' })).toEqual({ ok: true, value: { updated: false } });
    expect(await all()).toEqual([]);
  });
});

test('bad messages after good ones leave the stored data intact', async () => {
  const { send, all } = await fresh();
  for (const item of X_ITEMS) await send('save-item', saveFrom(item), ON_X);
  for (const item of MASTODON_ITEMS) await send('save-item', saveFrom(item), ON_MASTODON);
  await send('set-status', { key: `x:${first.id}`, status: 'archived' });
  const before = await all();

  const bad: Array<[MessageType, unknown, Runtime.MessageSender]> = [
    ['save-item', saveFrom({ ...first, text: 'x'.repeat(300_000) }), ON_X],
    ['save-item', saveFrom({ ...first, permalink: 'javascript:alert(1)' }), ON_X],
    ['save-item', saveFrom(MASTODON_ITEMS[0]!), ON_X],
    ['delete-item', { key: `x:${first.id}` }, ON_X],
    ['set-status', { key: `x:${first.id}`, status: 'gone' }, POPUP],
    ['set-status', { key: `x:${first.id}`, status: 'read' }, ON_X],
    ['restore-item', { item: { ...first, key: `x:${first.id}`, savedAt: Number.NaN, status: 'unread' } }, POPUP],
    ['restore-item', { item: { ...first, key: `x:${first.id}`, savedAt: 5, status: 'unread', extra: true } }, POPUP],
    ['unsave-item', { key: `mastodon:${MASTODON_ITEMS[0]!.id}` }, ON_X],
    ['saved-ids', { site: 'x', ids: 'all' }, ON_X],
  ];
  for (const [type, payload, sender] of bad) {
    const reply = await send(type, payload, sender);
    expect(reply).toEqual({ ok: false, error: expect.any(String) });
  }
  expect(await all()).toEqual(before);
});

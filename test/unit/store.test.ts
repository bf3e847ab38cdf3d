/**
 * The IndexedDB schema and the item queries (src/store/db.ts, src/store/items.ts) on
 * fake-indexeddb, one fresh database per test.
 */
import type { StoredItem } from '../../src/core/items';
import { DB_NAME, DB_VERSION, openStroomDB } from '../../src/store/db';
import type { StroomDatabase } from '../../src/store/db';
import { countItems, deleteItem, existingKeys, listItems, putItemIfAbsent, restoreItem, setItemStatus } from '../../src/store/items';
import type { PageCursor } from '../../src/store/items';

let dbCount = 0;
const opened: StroomDatabase[] = [];
async function freshDb(): Promise<StroomDatabase> {
  const db = await openStroomDB(`store-${++dbCount}`);
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function item(id: string, savedAt: number, overrides: Partial<StoredItem> = {}): StoredItem {
  return {
    site: 'x',
    id,
    key: `x:${id}`,
    permalink: `https://x.com/a/status/${id}`,
    authorName: 'A',
    authorHandle: '@a',
    title: null,
    text: `item ${id}`,
    textTruncated: false,
    timestamp: null,
    timestampText: null,
    linkUrl: null,
    linkTitle: null,
    hasMedia: false,
    isRepost: false,
    repostedBy: null,
    repostId: null,
    isAd: false,
    quoted: null,
    unavailable: false,
    savedAt,
    status: 'unread',
    ...overrides,
  };
}

async function putAll(db: StroomDatabase, items: StoredItem[]): Promise<void> {
  const tx = db.transaction('items', 'readwrite');
  await Promise.all([...items.map((entry) => tx.store.add(entry)), tx.done]);
}

describe('schema, version 2', () => {
  test('the default database is "stroom" at the current version', () => {
    expect(DB_NAME).toBe('stroom');
    expect(DB_VERSION).toBe(2);
  });

  test('has the items store keyed by `key` with the savedAt, site, status and statusSavedAt indexes', async () => {
    const db = await freshDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toEqual(['digests', 'items']);
    const store = db.transaction('items').store;
    expect(store.keyPath).toBe('key');
    expect(store.autoIncrement).toBe(false);
    expect([...store.indexNames].sort()).toEqual(['savedAt', 'site', 'status', 'statusSavedAt']);
    const shape = (name: 'savedAt' | 'site' | 'status' | 'statusSavedAt') => {
      const index = store.index(name);
      return { keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
    };
    expect(shape('savedAt')).toEqual({ keyPath: 'savedAt', unique: false, multiEntry: false });
    expect(shape('site')).toEqual({ keyPath: 'site', unique: false, multiEntry: false });
    expect(shape('status')).toEqual({ keyPath: 'status', unique: false, multiEntry: false });
    expect(shape('statusSavedAt')).toEqual({ keyPath: ['status', 'savedAt'], unique: false, multiEntry: false });
  });

  test('the indexes answer the queries later issues need', async () => {
    const db = await freshDb();
    await putAll(db, [
      item('1', 100),
      item('2', 200, { status: 'read' }),
      item('3', 300, { site: 'mastodon', key: 'mastodon:3' }),
      item('4', 50),
    ]);
    expect(await db.getAllKeysFromIndex('items', 'site', 'mastodon')).toEqual(['mastodon:3']);
    expect(await db.getAllKeysFromIndex('items', 'status', 'read')).toEqual(['x:2']);
    // Unread items saved before 150: the "letting go" query.
    expect(await db.getAllKeysFromIndex('items', 'statusSavedAt', IDBKeyRange.bound(['unread', 0], ['unread', 150]))).toEqual(['x:4', 'x:1']);
  });
});

describe('putItemIfAbsent', () => {
  test('creates once; a second put with the same key returns the first record untouched', async () => {
    const db = await freshDb();
    const original = item('1', 100);
    expect(await putItemIfAbsent(db, original)).toEqual({ stored: original, created: true });
    expect(await putItemIfAbsent(db, item('1', 999, { text: 'other' }))).toEqual({ stored: original, created: false });
    expect(await db.getAll('items')).toEqual([original]);
  });

  test('two concurrent saves of the same item create it exactly once', async () => {
    const db = await freshDb();
    const results = await Promise.all([putItemIfAbsent(db, item('1', 100)), putItemIfAbsent(db, item('1', 200))]);
    expect(results.map((result) => result.created).sort()).toEqual([false, true]);
    expect(await countItems(db)).toBe(1);
    expect((await db.get('items', 'x:1'))?.savedAt).toBe(100);
  });
});

describe('delete, restore, status', () => {
  test('deleteItem returns the record, then null', async () => {
    const db = await freshDb();
    const original = item('1', 100);
    await putAll(db, [original, item('2', 200)]);
    expect(await deleteItem(db, 'x:1')).toEqual(original);
    expect(await deleteItem(db, 'x:1')).toBeNull();
    expect(await db.getAllKeys('items')).toEqual(['x:2']);
  });

  test('restoreItem puts back exactly what was deleted', async () => {
    const db = await freshDb();
    const original = item('1', 100, { status: 'read', summary: ['One.'], keywords: ['one'], lang: 'en' });
    await putAll(db, [original]);
    const removed = await deleteItem(db, 'x:1');
    expect(await restoreItem(db, removed!)).toBe(true);
    expect(await db.get('items', 'x:1')).toEqual(original);
  });

  test('setItemStatus updates only the status and reports unknown keys', async () => {
    const db = await freshDb();
    await putAll(db, [item('1', 100)]);
    expect(await setItemStatus(db, 'x:1', 'archived')).toBe(true);
    expect(await db.get('items', 'x:1')).toEqual(item('1', 100, { status: 'archived' }));
    expect(await setItemStatus(db, 'x:1', 'archived')).toBe(true);
    expect(await setItemStatus(db, 'x:2', 'read')).toBe(false);
    expect(await countItems(db)).toBe(1);
  });
});

describe('existingKeys', () => {
  test.each([
    ['none stored', [], ['x:1', 'x:2'], []],
    ['none asked', ['1'], [], []],
    ['some stored, in the order asked', ['1', '3'], ['x:3', 'x:2', 'x:1'], ['x:3', 'x:1']],
    ['keys of other sites do not match', ['1'], ['mastodon:1', 'x:1'], ['x:1']],
  ])('%s', async (_name, stored, asked, expected) => {
    const db = await freshDb();
    await putAll(db, stored.map((id) => item(id, 1)));
    expect(await existingKeys(db, asked)).toEqual(expected);
  });
});

/** Every item, page by page, following each page's last item as the cursor. */
async function allPages(db: StroomDatabase, limit: number): Promise<StoredItem[][]> {
  const pages: StoredItem[][] = [];
  let after: PageCursor | undefined;
  for (;;) {
    const page = await listItems(db, after ? { limit, after } : { limit });
    if (page.length === 0) return pages;
    pages.push(page);
    const last = page[page.length - 1]!;
    after = { savedAt: last.savedAt, key: last.key };
    if (pages.length > 1_000) throw new Error('paging does not end');
  }
}

describe('listItems pages newest first, skipping and repeating nothing', () => {
  // savedAt = floor(i / tieSize): tieSize 1 gives distinct times, larger sizes give runs of equal
  // savedAt (an import) that straddle page boundaries.
  const CASES: Array<[count: number, tieSize: number, limit: number]> = [
    [0, 1, 50],
    [1, 1, 50],
    [50, 1, 50],
    [51, 1, 50],
    [51, 51, 50],
    [500, 1, 50],
    [500, 7, 50],
    [500, 500, 50],
    [120, 13, 1],
    [50, 10, 3],
  ];

  test.each(CASES)('%i items, %i per savedAt, pages of %i', async (count, tieSize, limit) => {
    const db = await freshDb();
    // Ids are not in savedAt order, so key order and time order disagree.
    const items = Array.from({ length: count }, (_, i) => item(`${(i * 7919) % 10_007}`, 1_000 + Math.floor(i / tieSize)));
    await putAll(db, items);

    const pages = await allPages(db, limit);
    const listed = pages.flat();
    expect(pages.every((page) => page.length <= limit)).toBe(true);
    expect(pages.slice(0, -1).every((page) => page.length === limit)).toBe(true);
    expect(pages.length).toBe(Math.ceil(count / limit));
    expect(new Set(listed.map((entry) => entry.key)).size).toBe(count);
    expect(listed.map((entry) => entry.key).sort()).toEqual(items.map((entry) => entry.key).sort());
    for (let i = 1; i < listed.length; i++) expect(listed[i]!.savedAt).toBeLessThanOrEqual(listed[i - 1]!.savedAt);
    // One big page is the same sequence: paging does not reorder.
    expect(listed).toEqual(await listItems(db, { limit: count + 1 }));
  });

  test('the first page is the newest items', async () => {
    const db = await freshDb();
    await putAll(db, [item('old', 1), item('new', 3), item('mid', 2)]);
    expect((await listItems(db, { limit: 2 })).map((entry) => entry.id)).toEqual(['new', 'mid']);
  });

  test('paging goes on correctly when the item a cursor points at was deleted meanwhile', async () => {
    const db = await freshDb();
    const items = Array.from({ length: 30 }, (_, i) => item(`${100 + i}`, 1_000 + Math.floor(i / 4)));
    await putAll(db, items);
    const expected = await listItems(db, { limit: 100 });
    const firstPage = await listItems(db, { limit: 10 });
    const last = firstPage[9]!;
    await deleteItem(db, last.key);
    const rest = await listItems(db, { limit: 100, after: { savedAt: last.savedAt, key: last.key } });
    expect([...firstPage, ...rest]).toEqual(expected);
  });

  test('a limit of 0 gives an empty page', async () => {
    const db = await freshDb();
    await putAll(db, [item('1', 1)]);
    expect(await listItems(db, { limit: 0 })).toEqual([]);
  });
});

/**
 * The migration cascade in src/store/db.ts. The pattern: for every older schema version there is
 * a row in OLDER_VERSIONS that builds a database exactly as that version of Stroom left it (with
 * records in the shape of that time, kept as a type beside the step). The tests open each one with
 * the current openStroomDB and check it arrives at the current version with its data intact.
 *
 * Version 1 is the first schema, so the only "older" database today is none at all (version 0).
 * When version 2 adds a step `if (oldVersion < 2) { … }`, add a row here that creates a version-1
 * database with version-1 records, and assert what the step must do to them.
 */
import { openDB } from 'idb';
import type { StoredItem } from '../../src/core/items';
import { DB_VERSION, openStroomDB } from '../../src/store/db';

let dbCount = 0;
const uniqueName = () => `migrations-${++dbCount}`;

/** Version 1 records, as written by Stroom 0.1. */
type StoredItemV1 = StoredItem;

const V1_ITEM: StoredItemV1 = {
  site: 'mastodon',
  id: '116227170631688032',
  key: 'mastodon:116227170631688032',
  permalink: 'https://mastodon.social/@anouk/116227170631688032',
  authorName: 'Anouk',
  authorHandle: '@anouk',
  title: null,
  text: 'De dijk wordt versterkt.',
  textTruncated: false,
  timestamp: '2026-03-14T10:00:00.000Z',
  timestampText: '2h',
  linkUrl: null,
  linkTitle: null,
  hasMedia: false,
  isRepost: false,
  repostedBy: null,
  repostId: null,
  isAd: false,
  quoted: null,
  unavailable: false,
  savedAt: 1_773_000_000_000,
  status: 'unread',
};

interface OlderVersion {
  version: number;
  /** Build the database as that version left it; returns the records it holds. */
  create(name: string): Promise<StoredItem[]>;
}

const OLDER_VERSIONS: OlderVersion[] = [
  // Version 0: Stroom was never installed; nothing exists yet.
  { version: 0, create: async () => [] },
  // Version 1 (Stroom 0.1): the items store and its indexes, records without summaries.
  {
    version: 1,
    create: async (name) => {
      const db = await openDB(name, 1, {
        upgrade(v1) {
          const items = v1.createObjectStore('items', { keyPath: 'key' });
          items.createIndex('savedAt', 'savedAt');
          items.createIndex('site', 'site');
          items.createIndex('status', 'status');
          items.createIndex('statusSavedAt', ['status', 'savedAt']);
        },
      });
      await db.add('items', V1_ITEM);
      db.close();
      return [V1_ITEM];
    },
  },
];

test.each(OLDER_VERSIONS.map((older) => [older.version, older] as const))(
  'a database of version %i opens at the current version with its records intact',
  async (_version, older) => {
    const name = uniqueName();
    const records = await older.create(name);
    const db = await openStroomDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toEqual(['digests', 'items']);
    expect(db.transaction('digests').store.keyPath).toBe('day');
    expect([...db.transaction('items').store.indexNames].sort()).toEqual(['savedAt', 'site', 'status', 'statusSavedAt']);
    expect(await db.getAll('items')).toEqual(records);
    db.close();
  },
);

test('every version below the current one has a row in OLDER_VERSIONS', () => {
  expect(OLDER_VERSIONS.map((older) => older.version)).toEqual(Array.from({ length: DB_VERSION }, (_, version) => version));
});

test('reopening a current database runs no step again: data and schema stay as they are', async () => {
  const name = uniqueName();
  const first = await openStroomDB(name);
  await first.add('items', V1_ITEM);
  first.close();
  const again = await openStroomDB(name);
  expect(again.version).toBe(DB_VERSION);
  expect(await again.getAll('items')).toEqual([V1_ITEM]);
  again.close();
});

test('an open connection steps aside when a newer Stroom (after an update) upgrades the database', async () => {
  const name = uniqueName();
  const current = await openStroomDB(name);
  await current.add('items', V1_ITEM);
  // Without the `blocking` handler this open would wait forever for `current` to close.
  const newer = await openDB(name, DB_VERSION + 1, {
    upgrade(db) {
      db.createObjectStore('future');
    },
  });
  expect(newer.version).toBe(DB_VERSION + 1);
  expect(await newer.getAll('items')).toEqual([V1_ITEM]);
  newer.close();
});

test('an older Stroom cannot open a database a newer one upgraded (no silent downgrade)', async () => {
  const name = uniqueName();
  const newer = await openDB(name, DB_VERSION + 1, {
    upgrade(db) {
      db.createObjectStore('items', { keyPath: 'key' });
    },
  });
  newer.close();
  await expect(openStroomDB(name)).rejects.toMatchObject({ name: 'VersionError' });
});

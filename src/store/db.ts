/**
 * Stroom's IndexedDB database, through idb. Every schema change is one step in the
 * `if (oldVersion < N)` cascade of `upgrade`, with its old shape kept as a type and a test in
 * test/unit/store-migrations.test.ts that opens a database of every older version.
 *
 * Never await anything but IndexedDB inside a transaction (it would auto-commit): callers do
 * their work (summarising, validating) first and then write.
 */
import { openDB } from 'idb';
import type { DBSchema, IDBPDatabase } from 'idb';
import type { StoredItem } from '../core/items';
import type { Digest } from '../digest/types';

export const DB_NAME = 'stroom';
export const DB_VERSION = 2;

export interface StroomDB extends DBSchema {
  items: {
    key: string;
    value: StoredItem;
    indexes: {
      /** Newest first listing in the popup and library. */
      savedAt: number;
      /** Per-site queries: saved state in a feed, counts. */
      site: string;
      /** Letting go and the digest read unread items by status. */
      status: string;
      /** Unread items older than N days, without scanning the rest. */
      statusSavedAt: [string, number];
    };
  };
  /** Version 2: one digest per local day. */
  digests: {
    key: string;
    value: StoredDigest;
  };
}

/** A built digest, kept so past days can be browsed. */
export interface StoredDigest {
  /** The user's local day, "YYYY-MM-DD". */
  day: string;
  builtAt: number;
  digest: Digest;
}

export type StroomDatabase = IDBPDatabase<StroomDB>;

export function openStroomDB(name: string = DB_NAME): Promise<StroomDatabase> {
  return openDB<StroomDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      // Version 1: the items store and the indexes the popup, digest and letting go need.
      if (oldVersion < 1) {
        const items = db.createObjectStore('items', { keyPath: 'key' });
        items.createIndex('savedAt', 'savedAt');
        items.createIndex('site', 'site');
        items.createIndex('status', 'status');
        items.createIndex('statusSavedAt', ['status', 'savedAt']);
      }
      // Version 2: digests by day. Items saved before summaries existed are summarised after
      // the upgrade by the background's backfill (src/background/backfill.ts), outside any
      // versionchange transaction, so a large library never stalls the upgrade.
      if (oldVersion < 2) {
        db.createObjectStore('digests', { keyPath: 'day' });
      }
    },
    blocking(_currentVersion, _blockedVersion, event) {
      // A newer Stroom (after an update) wants to upgrade: step aside instead of blocking it.
      (event.target as IDBDatabase | null)?.close();
    },
  });
}

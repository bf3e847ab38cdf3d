/**
 * Queries and writes on saved items. Pages read through these; the background owns writes.
 */
import type { StoredItem } from '../core/items';
import type { StroomDatabase } from './db';

/**
 * Save an item unless one with the same key exists (saving is idempotent per (site, id)).
 * Returns the stored record and whether it was created now.
 */
export async function putItemIfAbsent(db: StroomDatabase, item: StoredItem): Promise<{ stored: StoredItem; created: boolean }> {
  const tx = db.transaction('items', 'readwrite');
  const existing = await tx.store.get(item.key);
  if (existing) {
    await tx.done;
    return { stored: existing, created: false };
  }
  await tx.store.add(item);
  await tx.done;
  return { stored: item, created: true };
}

export async function deleteItem(db: StroomDatabase, key: string): Promise<StoredItem | null> {
  const tx = db.transaction('items', 'readwrite');
  const existing = await tx.store.get(key);
  if (existing) await tx.store.delete(key);
  await tx.done;
  return existing ?? null;
}

/** Put a record back exactly as it was (undo of a delete); an existing newer save wins. */
export async function restoreItem(db: StroomDatabase, item: StoredItem): Promise<boolean> {
  return (await putItemIfAbsent(db, item)).created;
}

export async function setItemStatus(db: StroomDatabase, key: string, status: StoredItem['status']): Promise<boolean> {
  const tx = db.transaction('items', 'readwrite');
  const existing = await tx.store.get(key);
  if (existing && existing.status !== status) await tx.store.put({ ...existing, status });
  await tx.done;
  return Boolean(existing);
}

/** Add a gist to an existing item (never creates one). */
export async function setItemGist(db: StroomDatabase, key: string, gist: string): Promise<boolean> {
  const tx = db.transaction('items', 'readwrite');
  const existing = await tx.store.get(key);
  if (existing) await tx.store.put({ ...existing, gist });
  await tx.done;
  return Boolean(existing);
}

/** Which of these keys exist, in one read transaction. */
export async function existingKeys(db: StroomDatabase, keys: readonly string[]): Promise<string[]> {
  const tx = db.transaction('items', 'readonly');
  const found = await Promise.all(keys.map((key) => tx.store.getKey(key)));
  await tx.done;
  return keys.filter((_key, index) => found[index] !== undefined);
}

/** Where the previous page ended: the last item's savedAt and key. */
export interface PageCursor {
  savedAt: number;
  key: string;
}

/**
 * A page of items, newest first, continuing after `after` when given. Reads only `limit`
 * records through the savedAt index, so it costs the same with 50 or 50,000 items. Ties on
 * savedAt (imports) are ordered by key, so no item is skipped or repeated across pages.
 */
export async function listItems(db: StroomDatabase, options: { limit: number; after?: PageCursor }): Promise<StoredItem[]> {
  const { after } = options;
  const index = db.transaction('items').store.index('savedAt');
  let cursor = await index.openCursor(after ? IDBKeyRange.upperBound(after.savedAt) : null, 'prev');
  if (cursor && after) {
    if (cursor.key === after.savedAt && cursor.primaryKey > after.key) cursor = await cursor.continuePrimaryKey(after.savedAt, after.key);
    if (cursor && cursor.key === after.savedAt && cursor.primaryKey === after.key) cursor = await cursor.continue();
  }
  const items: StoredItem[] = [];
  while (cursor && items.length < options.limit) {
    items.push(cursor.value);
    cursor = await cursor.continue();
  }
  return items;
}

export async function countItems(db: StroomDatabase): Promise<number> {
  return db.count('items');
}

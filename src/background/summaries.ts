/**
 * Summaries for saved items, computed in the background when an item is saved (before its
 * transaction opens, never inside it) and, for items saved before summaries existed, by a
 * backfill that runs once after the upgrade in small batches.
 */
import type { StoredItem } from '../core/items';
import { summarySource } from '../core/items';
import { summarize } from '../summarize';
import type { StroomDatabase } from '../store/db';

type Summarisable = Pick<StoredItem, 'title' | 'text' | 'quoted' | 'parts'>;

export function summaryFields(item: Summarisable): Required<Pick<StoredItem, 'summary' | 'keywords' | 'lang'>> {
  const { lang, sentences, keywords } = summarize(summarySource(item), { maxSentences: 2, maxWords: 50 });
  return { summary: sentences, keywords, lang };
}

/**
 * Give every stored item without a summary one. Reads a batch, summarises it with no
 * transaction open, then writes it back (skipping items deleted or summarised meanwhile).
 * Returns how many items were summarised.
 */
export async function backfillSummaries(db: StroomDatabase, batchSize = 100): Promise<number> {
  let done = 0;
  let after: string | null = null;
  for (;;) {
    const batch: StoredItem[] = [];
    let cursor = await db.transaction('items').store.openCursor(after === null ? null : IDBKeyRange.lowerBound(after, true));
    while (cursor && batch.length < batchSize) {
      if (!cursor.value.summary) batch.push(cursor.value);
      after = cursor.key;
      cursor = await cursor.continue();
    }
    const exhausted = cursor === null;
    const summarised = batch.map((item) => ({ key: item.key, fields: summaryFields(item) }));
    if (summarised.length > 0) {
      const tx = db.transaction('items', 'readwrite');
      for (const { key, fields } of summarised) {
        const current = await tx.store.get(key);
        if (current && !current.summary) {
          await tx.store.put({ ...current, ...fields });
          done += 1;
        }
      }
      await tx.done;
    }
    if (exhausted) return done;
  }
}

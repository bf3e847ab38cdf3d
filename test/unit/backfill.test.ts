import { backfillSummaries, summaryFields } from '../../src/background/summaries';
import type { StoredItem } from '../../src/core/items';
import { openStroomDB } from '../../src/store/db';

let n = 0;
const item = (id: string, text: string, extra: Partial<StoredItem> = {}): StoredItem => ({
  site: 'mastodon', id, key: `mastodon:${id}`, permalink: null, authorName: 'A', authorHandle: 'a@x', title: null, text,
  textTruncated: false, timestamp: null, timestampText: null, linkUrl: null, linkTitle: null, hasMedia: false, isRepost: false,
  repostedBy: null, repostId: null, isAd: false, quoted: null, unavailable: false, savedAt: 1_000 + Number(id), status: 'unread', ...extra,
});

test('items saved before summaries existed get one, in batches; summarised items stay as they are', async () => {
  const db = await openStroomDB(`backfill-${++n}`);
  const texts = [
    'The council approved the new bridge. Construction starts in May and takes two years.',
    'De gemeente opent in september een nieuwe fietsbrug over het IJ. Die verbindt Noord met het centrum.',
    'Short one.',
    'Another post about the bridge and its cost of 80 million euros.',
    'Already summarised.',
  ];
  for (const [index, text] of texts.entries()) {
    const extra = index === 4 ? { summary: ['kept'], keywords: ['kept'], lang: 'en' as const } : {};
    await db.add('items', item(String(index), text, extra));
  }
  expect(await backfillSummaries(db, 2)).toBe(4);
  const stored = await db.getAll('items');
  for (const entry of stored.slice(0, 4)) expect(entry).toEqual({ ...item(entry.id, entry.text), ...summaryFields(entry) });
  expect(stored[1]?.lang).toBe('nl');
  expect(stored[4]?.summary).toEqual(['kept']);
  expect(await backfillSummaries(db, 2)).toBe(0);
  db.close();
});

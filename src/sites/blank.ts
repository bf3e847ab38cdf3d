import type { FeedItem } from './types';

/**
 * An item with every field empty, for the rows that carry almost nothing: tombstones and
 * placeholders. Callers fill in the little they know, so every key is always present (the
 * fixtures' schema) without each adapter repeating the whole list.
 */
export function blankItem(fields: Partial<Omit<FeedItem, 'site'>> = {}): Omit<FeedItem, 'site'> {
  return {
    id: null,
    permalink: null,
    authorName: null,
    authorHandle: null,
    title: null,
    text: '',
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
    ...fields,
  };
}

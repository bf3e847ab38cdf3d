/**
 * What Stroom stores for a saved item. DOM-free; shared by background, pages and tests.
 */
import type { FeedItem, SiteId, ThreadPart } from '../sites/types';

/** unread → read → archived; "letgo" is the calm archive for items nobody came back to. */
export const ITEM_STATUSES = ['unread', 'read', 'archived', 'letgo'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export type Lang = 'en' | 'nl' | 'other';

/** A self-thread longer than this is cut: a digest entry, not an archive. */
export const MAX_THREAD_PARTS = 50;

export interface StoredItem extends Omit<FeedItem, 'id'> {
  /** `${site}:${id}`: the primary key, so saving is idempotent per (site, id). */
  key: string;
  id: string;
  /** Epoch milliseconds. */
  savedAt: number;
  status: ItemStatus;
  /** Extractive summary sentences (issue 4); absent until summarised. */
  summary?: string[];
  keywords?: string[];
  lang?: Lang;
  /**
   * A one-line abstractive gist from the browser's built-in Summarizer, where it is available
   * (Chrome with its on-device model); the extractive summary above always works alone.
   */
  gist?: string;
  /**
   * An author's self-thread saved as one item: its consecutive posts in order (the saved post
   * among them), without other people's replies. Absent for single posts.
   */
  parts?: ThreadPart[];
}

export function itemKey(site: SiteId, id: string): string {
  return `${site}:${id}`;
}

/** The text a summary or gist is made from: the title (Reddit, HN, YouTube) and the body. */
export function summarySource(item: Pick<StoredItem, 'title' | 'text' | 'quoted' | 'parts'>): string {
  const body = item.parts && item.parts.length > 1 ? item.parts.map((part) => part.text).join('\n\n') : item.text || item.quoted?.text || '';
  return item.title ? `${item.title}\n\n${body}` : body;
}

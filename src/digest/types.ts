/**
 * The daily digest's contract: what goes in (stored items) and what comes out (plain JSON that the
 * background stores and the digest page and popup render). DOM-free.
 */
import type { StoredItem } from '../core/items';
import type { SiteId } from '../sites/types';

/** The fields of a stored item the digest reads; a full StoredItem fits. */
export type DigestInput = Pick<StoredItem, 'site' | 'id' | 'key' | 'text' | 'authorName' | 'authorHandle' | 'savedAt'> &
  Partial<Pick<StoredItem, 'title' | 'linkTitle' | 'linkUrl' | 'permalink' | 'summary' | 'keywords' | 'lang' | 'status'>>;

export interface DigestOptions {
  /** The user's local day, "YYYY-MM-DD". */
  day: string;
  /** Language of the UI: labels such as "Other" and the tie-break for key sentences. */
  lang: 'en' | 'nl';
  /** IANA zone of the user's day; defaults to the runtime's zone. */
  timeZone?: string;
  /** Overrides the day's window: items with start <= savedAt < end (epoch ms). */
  period?: { start: number; end: number };
  /** How many items were let go when this digest was built (see letgo.ts); reported, not computed. */
  letGo?: number;
}

/** Who shared an item, for "shared by @a and @b" under merged near-duplicates. */
export interface DigestSource {
  key: string;
  site: SiteId;
  author: string | null;
}

/** One piece of news: an item plus the near-duplicates (the same news shared by others) merged into it. */
export interface DigestEntry {
  /** The representative item's key (the earliest saved). */
  key: string;
  /** Every item of this entry, the representative first. */
  keys: string[];
  sources: DigestSource[];
}

export interface DigestTheme {
  /** Stable within one digest: "t1", "t2"… in display order; the Other group is "other". */
  id: string;
  label: string;
  /** True for the group of one-offs. */
  other: boolean;
  /** "site:id" keys of every item in the theme, in saved order. */
  items: string[];
  entries: DigestEntry[];
  /** 1–3 key sentences chosen across the theme's items (none for the Other group). */
  sentences: string[];
  keywords: string[];
  /** The theme's items' languages, most frequent first. */
  langs: Array<'en' | 'nl' | 'other'>;
}

export interface DigestCount {
  site: SiteId;
  count: number;
}

export interface DigestAuthorCount {
  author: string;
  site: SiteId;
  count: number;
}

export interface Digest {
  version: 1;
  day: string;
  lang: 'en' | 'nl';
  timeZone: string;
  period: { start: number; end: number };
  /** Items in the period (each appears in exactly one theme). */
  total: number;
  themes: DigestTheme[];
  bySite: DigestCount[];
  byAuthor: DigestAuthorCount[];
  words: number;
  readingMinutes: number;
  letGo: number;
}

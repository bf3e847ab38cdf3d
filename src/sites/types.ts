/**
 * The feed-item contract every site adapter returns. Field meanings and text normalisation
 * follow test/fixtures/README.md (the fixtures' schema); keep the two in step.
 * This folder is DOM-only (no extension APIs) so tests and tools can run it under jsdom or Node.
 */

/** Sites Stroom knows. Both Reddit UIs are "reddit"; pages saved outside a feed are "web". */
export const SITE_IDS = [
  'x',
  'mastodon',
  'bluesky',
  'linkedin',
  'reddit',
  'hackernews',
  'facebook',
  'threads',
  'youtube',
  'web',
] as const;
export type SiteId = (typeof SITE_IDS)[number];

export interface PersonRef {
  name: string | null;
  handle: string | null;
}

export interface QuotedItem {
  id: string | null;
  permalink: string | null;
  authorName: string | null;
  authorHandle: string | null;
  title: string | null;
  text: string;
  timestamp: string | null;
  unavailable: boolean;
}

export interface FeedItem {
  site: SiteId;
  id: string | null;
  permalink: string | null;
  authorName: string | null;
  authorHandle: string | null;
  title: string | null;
  text: string;
  textTruncated: boolean;
  timestamp: string | null;
  timestampText: string | null;
  linkUrl: string | null;
  linkTitle: string | null;
  hasMedia: boolean;
  isRepost: boolean;
  repostedBy: PersonRef | null;
  repostId: string | null;
  isAd: boolean;
  quoted: QuotedItem | null;
  unavailable: boolean;
}

/**
 * One site, one file. `itemSelectors` are alternatives tried in order (each commented with the
 * UI version it covers); the first that matches anything wins. `extract` reads one item element
 * and returns null when the element turns out not to be a feed item (a "Who to follow" row).
 */
export interface SiteAdapter {
  site: SiteId;
  /** Human name for messages such as "Stroom can't recognise posts on LinkedIn". */
  label: string;
  /** Does this adapter handle this page URL? (Host and path; Mastodon also looks at the markup.) */
  matches(url: URL, root?: ParentNode): boolean;
  itemSelectors: readonly string[];
  extract(element: Element, pageUrl: URL): Omit<FeedItem, 'site'> | null;
  /**
   * What giving an item its save control needs, read with a few targeted queries instead of the
   * whole item: the content script decorates every item it finds, but reads a whole item only
   * when it is saved. It must agree with `extract` on every element: null exactly when `extract`
   * is null, otherwise the same three fields (test/dom/peek.test.ts holds each adapter to that on
   * every fixture). Without it the content script decorates from `extract`.
   */
  peek?(element: Element, pageUrl: URL): ItemPeek | null;
  /** Where the save control goes in an item; by default it is appended to the item element. */
  placeControl?(item: Element, control: HTMLElement): void;
  /**
   * On a conversation page: the item's author's consecutive self-thread posts, in page order,
   * without other people's replies (issue 3, "threads of one author"). Null when the page is not
   * a conversation or the author wrote only this one post there.
   */
  extractThread?(element: Element, pageUrl: URL): ThreadPart[] | null;
  /**
   * The path of the site's conversation pages, where `extractThread` reads self-threads. Content
   * scripts carry the adapter without its thread reader and inject the reader (the same
   * `withSelfThread`) only when something is saved on such a page (src/content/extras/thread.ts).
   */
  threadPath?: RegExp;
}

/** The part of a FeedItem that decides its save control: which item, savable or not. */
export type ItemPeek = Pick<FeedItem, 'id' | 'isAd' | 'unavailable'>;

/** One post of an author's self-thread. */
export interface ThreadPart {
  id: string | null;
  permalink: string | null;
  text: string;
  timestamp: string | null;
  hasMedia: boolean;
  linkUrl: string | null;
}

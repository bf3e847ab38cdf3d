/**
 * "Threads of one author" (issue 3): on a conversation page, the run of posts by the same author
 * around a given post, in page order, stopping at the first post by anyone else. Conversation
 * pages on X, Bluesky, Mastodon and Threads all render the author's earlier parts above the
 * focused post and their self-replies directly below it, before other people's replies.
 */
import type { FeedItem, SiteAdapter, ThreadPart } from './types';

/**
 * The items of the conversation `element` belongs to, extracted with the adapter's own selectors
 * (the first alternative that matches, outermost elements only, as the registry does).
 */
function conversationItems(adapter: SiteAdapter, element: Element, pageUrl: URL): Array<{ element: Element; item: Omit<FeedItem, 'site'> }> {
  const document = element.ownerDocument;
  for (const selector of adapter.itemSelectors) {
    const found = Array.from(document.querySelectorAll(selector)).filter((el) => !el.parentElement?.closest(selector));
    if (found.length === 0) continue;
    const items: Array<{ element: Element; item: Omit<FeedItem, 'site'> }> = [];
    for (const candidate of found) {
      let item: Omit<FeedItem, 'site'> | null = null;
      try {
        item = adapter.extract(candidate, pageUrl);
      } catch {
        item = null;
      }
      if (item) items.push({ element: candidate, item });
    }
    return items;
  }
  return [];
}

export function selfThread(adapter: SiteAdapter, element: Element, pageUrl: URL): ThreadPart[] | null {
  const items = conversationItems(adapter, element, pageUrl);
  const index = items.findIndex((entry) => entry.element === element || entry.element.contains(element));
  const author = items[index]?.item.authorHandle;
  if (index < 0 || !author) return null;
  const sameAuthor = (i: number): boolean => {
    const item = items[i]?.item;
    return !!item && item.authorHandle === author && !item.isRepost && !item.unavailable;
  };
  let first = index;
  while (first > 0 && sameAuthor(first - 1)) first -= 1;
  let last = index;
  while (last < items.length - 1 && sameAuthor(last + 1)) last += 1;
  if (last === first) return null;
  return items.slice(first, last + 1).map(({ item }) => ({
    id: item.id,
    permalink: item.permalink,
    text: item.text,
    timestamp: item.timestamp,
    hasMedia: item.hasMedia,
    linkUrl: item.linkUrl,
  }));
}

/**
 * A site's adapter with its self-thread reader: `extractThread` reads the thread on the adapter's
 * conversation pages (`threadPath`) and returns null elsewhere. Each such site exports its adapter
 * both ways: the registry uses the full one, and the content script loads only the feed part on
 * every page (its size budget) and adds this reader when a save needs it.
 */
export function withSelfThread(adapter: SiteAdapter): SiteAdapter {
  return {
    ...adapter,
    extractThread: (element, pageUrl) => (adapter.threadPath?.test(pageUrl.pathname) ? selfThread(adapter, element, pageUrl) : null),
  };
}

/**
 * The site registry: which adapter handles a page, and the item extraction every context and
 * test uses. Adding a site is one file in this folder plus one line here (and its fixtures).
 */
import type { FeedItem, SiteAdapter } from './types';
import { x } from './x';
import { mastodon } from './mastodon';
import { bluesky } from './bluesky';
import { threads } from './threads';
import { linkedin } from './linkedin';
import { hackernews } from './hackernews';
import { reddit } from './reddit';
import { youtube } from './youtube';
import { facebook } from './facebook';

export const ADAPTERS: readonly SiteAdapter[] = [x, mastodon, bluesky, threads, linkedin, hackernews, reddit, youtube, facebook];

export function adapterFor(url: string | URL, root?: ParentNode): SiteAdapter | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  return ADAPTERS.find((adapter) => adapter.matches(parsed, root)) ?? null;
}

/**
 * Item elements under `root` (and `root` itself when it is one), in document order. Elements
 * nested inside another item (a quoted post rendered with the same markup) are not items.
 */
export function findItemElements(root: ParentNode, adapter: SiteAdapter): Element[] {
  for (const selector of adapter.itemSelectors) {
    const found: Element[] = [];
    // nodeType, not instanceof: tests parse fixtures in a separate jsdom window (another realm).
    if ((root as Node).nodeType === 1 && (root as Element).matches(selector)) found.push(root as Element);
    found.push(...Array.from(root.querySelectorAll(selector)));
    if (found.length === 0) continue;
    return found.filter((el) => {
      const outer = el.parentElement?.closest(selector);
      return !outer;
    });
  }
  return [];
}

/** Extract one element; never throws (a broken selector must not break the page). */
export function extractElement(element: Element, adapter: SiteAdapter, pageUrl: URL): FeedItem | null {
  try {
    const item = adapter.extract(element, pageUrl);
    return item ? { site: adapter.site, ...item } : null;
  } catch (error) {
    if (typeof console !== 'undefined') console.debug('[Stroom] could not read an item', adapter.site, error);
    return null;
  }
}

/** Every feed item on the page, in document order. */
export function extractItems(root: ParentNode, url: string): FeedItem[] {
  let pageUrl: URL;
  try {
    pageUrl = new URL(url);
  } catch {
    return [];
  }
  const adapter = adapterFor(pageUrl, root);
  if (!adapter) return [];
  const items: FeedItem[] = [];
  for (const element of findItemElements(root, adapter)) {
    const item = extractElement(element, adapter, pageUrl);
    if (item) items.push(item);
  }
  return items;
}

export type { FeedItem, SiteAdapter, SiteId } from './types';

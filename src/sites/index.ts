/**
 * The site registry: which adapter handles a page, and the item extraction every context and
 * test uses. Adding a site is one file in this folder plus one line here (and its fixtures).
 */
import type { FeedItem, SiteAdapter } from './types';
import { extractElement, findItemElements } from './extract';
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

export { extractElement, findItemElements } from './extract';
export type { FeedItem, SiteAdapter, SiteId } from './types';

/**
 * Finding and reading items with one adapter. Kept apart from the registry (index.ts) so a
 * per-site content script bundles only its own adapter.
 */
import type { FeedItem, ItemPeek, SiteAdapter } from './types';

/**
 * Item elements under `root` (and `root` itself when it is one), in document order. Elements
 * nested inside another item (a quoted post rendered with the same markup) are not items.
 */
export function findItemElements(root: ParentNode, adapter: SiteAdapter): Element[] {
  // nodeType, not instanceof: tests parse fixtures in a separate jsdom window (another realm).
  const rootElement = (root as Node).nodeType === 1 ? (root as Element) : null;
  for (const selector of adapter.itemSelectors) {
    const items: Element[] = [];
    if (rootElement?.matches(selector)) items.push(rootElement);
    else collectOutermost(root, selector, items);
    if (items.length === 0) continue;
    // Inside another item (content added to a post): nothing here is an item of its own.
    if (rootElement?.parentElement?.closest(selector)) return [];
    return items;
  }
  return [];
}

/**
 * Appends the elements under `root` that match `selector` and sit in no other match, in document
 * order, without looking inside any match. A native query finds the first; the rest of the tree
 * after it is taken sibling by sibling, from the first match up to `root` (a timeline's rows are
 * siblings: each costs one `matches`), and natively searched only where a sibling is no match.
 * One query over the whole page visited every element inside every item too: some 85 per X row,
 * most of the time it took to find the 1,000 rows of test/bench/content.mjs's timeline.
 */
function collectOutermost(root: ParentNode, selector: string, items: Element[]): void {
  const first = root.querySelector(selector);
  if (!first) return;
  items.push(first);
  for (let element: Element | null = first; element && element !== root; element = element.parentElement) {
    for (let sibling = element.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
      if (sibling.matches(selector)) items.push(sibling);
      else if (sibling.firstElementChild) collectOutermost(sibling, selector, items);
    }
  }
}

/** Extract one element; never throws (a broken selector must not break the page). */
export function extractElement(element: Element, adapter: SiteAdapter, pageUrl: URL): FeedItem | null {
  const item = safely(adapter.extract, element, adapter, pageUrl);
  return item ? { site: adapter.site, ...item } : null;
}

/**
 * What a save control needs of one element: the adapter's peek where it has one, its whole item
 * otherwise. Never throws, like extractElement.
 */
export function peekElement(element: Element, adapter: SiteAdapter, pageUrl: URL): ItemPeek | null {
  return adapter.peek ? safely(adapter.peek, element, adapter, pageUrl) : extractElement(element, adapter, pageUrl);
}

function safely<T>(read: (element: Element, pageUrl: URL) => T | null, element: Element, adapter: SiteAdapter, pageUrl: URL): T | null {
  try {
    return read.call(adapter, element, pageUrl);
  } catch (error) {
    debugLog('could not read an item', adapter.site, error);
    return null;
  }
}

/** Diagnostics for developers (the console's verbose level); the user never sees them. */
export function debugLog(...details: unknown[]): void {
  console.debug('[Stroom]', ...details);
}

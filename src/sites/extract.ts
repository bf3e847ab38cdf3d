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
  for (const selector of adapter.itemSelectors) {
    const found: Element[] = [];
    // nodeType, not instanceof: tests parse fixtures in a separate jsdom window (another realm).
    const rootElement = (root as Node).nodeType === 1 ? (root as Element) : null;
    if (rootElement?.matches(selector)) found.push(rootElement);
    found.push(...Array.from(root.querySelectorAll(selector)));
    if (found.length === 0) continue;
    // Inside another item (content added to a post): nothing here is an item of its own.
    if (rootElement?.parentElement?.closest(selector)) return [];
    // Document order puts a nested match right after the item holding it, so one containment
    // check against the last kept item replaces a selector walk up every element's ancestors.
    const items: Element[] = [];
    let outer: Element | null = null;
    for (const element of found) {
      if (outer?.contains(element)) continue;
      items.push(element);
      outer = element;
    }
    return items;
  }
  return [];
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

/**
 * Debug badges (settings.debugBadges, off by default, and only then injected: extras/badges.ts):
 * a small label on every recognised item with its site and kind, so a user reporting a broken
 * site (or a developer on a new layout) can see at a glance what Stroom understood. Rendered in a
 * shadow root, so the site's CSS cannot hide it (a debugging aid, so one per item is fine here).
 */
import { extractElement } from '../sites/extract';
import type { FeedItem, SiteAdapter } from '../sites/types';

type Entry = { element: Element; id: string };

export function itemKind(item: FeedItem): string {
  if (item.isRepost) return 'repost';
  if (item.quoted) return 'quote';
  if (item.linkUrl) return 'link';
  if (item.hasMedia) return 'media';
  return 'post';
}

function badge(document: Document, item: FeedItem): HTMLElement {
  const host = document.createElement('stroom-badge');
  const label = `${item.site} · ${itemKind(item)}`;
  host.setAttribute('data-stroom-badge', label);
  const root = host.attachShadow({ mode: 'closed' });
  const text = document.createElement('span');
  text.textContent = label;
  text.setAttribute(
    'style',
    'display:inline-block;margin:2px 0;padding:0 6px;border-radius:8px;font:600 11px/18px system-ui,sans-serif;background:#ffe8a3;color:#3d2e00;',
  );
  root.append(text);
  return host;
}

/**
 * Badges each item still on the page (injected by extras/badges.ts when the setting is on). The
 * feed gives the badge only the item's id, so the badge reads the whole item to name its kind.
 */
export function badgeItems(document: Document, entries: ReadonlyArray<Entry>, adapter: SiteAdapter): void {
  const pageUrl = new URL(document.location.href);
  for (const { element } of entries) {
    const item = element.isConnected ? extractElement(element, adapter, pageUrl) : null;
    if (item) element.prepend(badge(document, item));
  }
}

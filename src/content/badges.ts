/**
 * Debug badges (settings.debugBadges, off by default): a small label on every recognised item
 * with its site and kind, so a user reporting a broken site (or a developer on a new layout) can
 * see at a glance what Stroom understood. Rendered in a shadow root like the save control, so the
 * site's CSS cannot hide it.
 */
import type { FeedItem } from '../sites/types';

type Entry = { element: Element; item: FeedItem & { id: string } };

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
 * The onDecorated hook: badges items once the setting is known (read once per feed page), holding
 * the first items back until then.
 */
export function debugBadges(document: Document, enabled: Promise<boolean>): (entries: ReadonlyArray<Entry>) => void {
  let state: boolean | null = null;
  const waiting: Entry[] = [];
  const apply = (entries: ReadonlyArray<Entry>) => {
    for (const { element, item } of entries) if (element.isConnected) element.prepend(badge(document, item));
  };
  void enabled.then(
    (on) => {
      state = on;
      if (on) apply(waiting);
      waiting.length = 0;
    },
    () => {
      state = false;
    },
  );
  return (entries) => {
    if (state === null) waiting.push(...entries);
    else if (state) apply(entries);
  };
}

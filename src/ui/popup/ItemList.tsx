/** The saved-items list: newest first, each entry opening its original; delete with undo. */
import type { StoredItem } from '../../core/items';
import { SITE_LABELS, excerpt, safeHref } from '../shared/sites';
import { relativeTime, t } from '../shared/i18n';

interface ItemListProps {
  items: StoredItem[];
  now: number;
  onDelete(item: StoredItem): void;
}

export function ItemList({ items, now, onDelete }: ItemListProps) {
  return (
    <ul class="items" aria-label={t('listLabel')}>
      {items.map((item) => (
        <ItemEntry key={item.key} item={item} now={now} onDelete={onDelete} />
      ))}
    </ul>
  );
}

function ItemEntry({ item, now, onDelete }: { item: StoredItem; now: number; onDelete(item: StoredItem): void }) {
  const author = item.authorName ?? item.authorHandle ?? t('unknownAuthor');
  const site = SITE_LABELS[item.site];
  const href = safeHref(item.permalink);
  const body = item.summary?.length ? item.summary.join(' ') : item.title ? `${item.title} — ${item.text}` : item.text;
  return (
    <li class="item" data-stroom-item={item.key}>
      <a class="item-link" href={href} target="_blank" rel="noopener noreferrer">
        <span class="item-meta">
          <span class="item-author">{author}</span>
          <span class={`item-site site-${item.site}`}>{site}</span>
          {item.parts && <span class="item-site">{t('threadParts', [String(item.parts.length)])}</span>}
        </span>
        {item.gist && <span class="item-gist">{item.gist}</span>}
        <span class="item-text">{body ? excerpt(body) : t('noText')}</span>
        <span class="item-saved">{t('savedAgo', [relativeTime(item.savedAt, now)])}</span>
      </a>
      <button type="button" class="icon-button" aria-label={t('deleteItem', [author])} title={t('deleteItem', [author])} onClick={() => onDelete(item)}>
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M6 2h4M3 4h10M5 4l.6 9.2a1 1 0 0 0 1 .8h2.8a1 1 0 0 0 1-.8L11 4" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
      </button>
    </li>
  );
}

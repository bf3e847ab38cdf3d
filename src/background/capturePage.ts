/**
 * Saving a web page or link as a "web" item (issue 3, "other ways to save"). The metadata is
 * read in the page by `readPageMetadata`, which `scripting.executeScript` serialises and runs
 * there: it must stay self-contained (no imports, no closures) and return plain data. The
 * background trusts none of it: `parsePageMetadata` validates it before anything is stored.
 */
import type { RequestOf } from '../core/messages';
import { siteIdSchema } from '../core/schemas';
import { canonicalUrl } from '../core/urls';
import { blankItem } from '../sites/blank';
import { absoluteHttpUrl } from '../sites/text';
import { boolean, nullable, object, string } from '../core/validate';
import type { Infer } from '../core/validate';

/** Runs in the page (injected via activeTab); returns what the page says about itself. */
export function readPageMetadata(): {
  url: string;
  title: string | null;
  canonical: string | null;
  description: string | null;
  siteName: string | null;
  selection: string | null;
  looksLikeMastodon: boolean;
  feedSite: unknown;
} {
  const content = (selector: string): string | null => {
    const value = document.querySelector(selector)?.getAttribute('content')?.trim();
    return value ? value.slice(0, 5_000) : null;
  };
  const canonicalLink = document.querySelector('link[rel~="canonical"][href]') as HTMLLinkElement | null;
  const selection = String(getSelection() ?? '').trim();
  return {
    url: location.href,
    title: content('meta[property="og:title"]') ?? (document.title.trim().slice(0, 5_000) || null),
    canonical: canonicalLink?.href ?? content('meta[property="og:url"]'),
    description: content('meta[property="og:description"]') ?? content('meta[name="description"]'),
    siteName: content('meta[property="og:site_name"]'),
    selection: selection ? selection.slice(0, 20_000) : null,
    // The same markers as looksLikeMastodon in src/sites/mastodon.ts (copied: this function is
    // serialised alone; test/unit/capture-page.test.ts checks the two agree on the fixtures).
    looksLikeMastodon: document.querySelector('#mastodon[data-props],script#initial-state[type="application/json"],body.app-body .columns-area') !== null,
    // Stroom's own content script's bridge (src/content/bridge.ts) while it watches a feed: its
    // current view, not ended. This function runs in the same isolated world as that script, where
    // the page cannot reach, so the page cannot forge it.
    feedSite: ((bridge) => (bridge?.view && !bridge.view.signal.aborted ? bridge.adapter.site : null))(
      (globalThis as { __stroomContent?: { adapter: { site: unknown }; view: { signal: AbortSignal } | null } }).__stroomContent,
    ),
  };
}

const pageMetadataSchema = object({
  url: string({ max: 4_096 }),
  title: nullable(string({ max: 5_000 })),
  canonical: nullable(string({ max: 4_096 })),
  description: nullable(string({ max: 5_000 })),
  siteName: nullable(string({ max: 1_000 })),
  selection: nullable(string({ max: 20_000 })),
  looksLikeMastodon: boolean(),
  feedSite: nullable(siteIdSchema),
});
export type PageMetadata = Infer<typeof pageMetadataSchema>;

/** Validate what the page returned (a hostile page can return anything from document.title). */
export function parsePageMetadata(value: unknown): PageMetadata {
  return pageMetadataSchema.parse(value, 'page');
}

type SavableItem = RequestOf<'save-item'>['item'];


/**
 * A page as a "web" item. Its id is the canonical URL (the page's own <link rel=canonical> when it
 * points to http(s), else its address), so saving the same article twice keeps one item.
 */
export function webItemFromPage(page: PageMetadata, selectionText?: string | null): SavableItem {
  const address = absoluteHttpUrl(page.url);
  if (!address) throw new Error('Only http(s) pages can be saved');
  const canonical = canonicalUrl(absoluteHttpUrl(page.canonical) ?? address) ?? address;
  const selection = (selectionText ?? page.selection)?.trim() || null;
  return {
    ...EMPTY_WEB_ITEM,
    id: canonical,
    permalink: canonical,
    authorName: page.siteName ?? new URL(canonical).hostname,
    title: page.title,
    text: selection ?? page.description ?? '',
  };
}

/** A link (context menu "Save link to Stroom"): all we know without opening it. */
export function webItemFromLink(linkUrl: string, linkText?: string | null, selectionText?: string | null): SavableItem {
  const address = absoluteHttpUrl(linkUrl);
  if (!address) throw new Error('Only http(s) links can be saved');
  const canonical = canonicalUrl(address) ?? address;
  return {
    ...EMPTY_WEB_ITEM,
    id: canonical,
    permalink: canonical,
    authorName: new URL(canonical).hostname,
    title: linkText?.trim() || null,
    text: selectionText?.trim() || '',
  };
}

/** A web page or link has no author handle, time, media or repost: the blank item, as "web". */
const EMPTY_WEB_ITEM = { site: 'web' as const, ...blankItem() };

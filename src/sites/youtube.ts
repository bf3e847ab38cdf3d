/**
 * YouTube home and subscriptions grids: videos, Shorts and in-feed ads. Lockup class names churned
 * three times in ~18 months (`yt-lockup-…-wiz__` → `yt-lockup-…__` (BEM) → `ytLockup…` (camelCase),
 * 2024-26), so fields are read from element names, URL shapes (`/watch?v=`, `/shorts/`, `/@handle`)
 * and attributes (`h3[title]`) first, with each class generation only as a fallback.
 */
import { absoluteHttpUrl, attr, classNameOf, findElement, forEachElement, normalizedText, textOrNull } from './text';
import type { SiteAdapter } from './types';

const ITEM_SELECTORS = [
  // Rich grid (2020+): home and subscriptions, including the Shorts shelf's items; plus the
  // 2025 Shorts shelf (grid-shelf-view-model) whose lockups are not wrapped in rich items.
  'ytd-rich-item-renderer, grid-shelf-view-model ytm-shorts-lockup-view-model-v2, grid-shelf-view-model ytm-shorts-lockup-view-model',
  // Legacy subscriptions grid and list views.
  'ytd-grid-video-renderer, ytd-video-renderer',
] as const;

/** Element names that only ads use (in-feed ad slot, its layout, metadata and badge; legacy promos). */
const AD_TAGS = new Set([
  'ytd-ad-slot-renderer',
  'ytd-in-feed-ad-layout-renderer',
  'feed-ad-metadata-view-model',
  'ad-badge-view-model',
  'ytd-display-ad-renderer',
  'ytd-promoted-sparkles-web-renderer',
  'ytd-promoted-video-renderer',
]);

/** Metadata rows (channel row, then "views • age"): BEM lockup (2025), camelCase lockup (mid-2026). */
const METADATA_ROW_CLASSES = ['yt-content-metadata-view-model__metadata-row', 'ytContentMetadataViewModelMetadataRow'] as const;

/** View and viewer counts ("48K views", "3.1K watching", "48K weergaven"): never the age. */
const COUNT_LABEL = /\b(views?|watching|weergaven|kijkers|aufrufe|zuschauer|vues|spectateurs|visualizaciones|espectadores|visualizações)\b|\bno views\b/i;
/** Relative ages we can recognise on their own, when the row holds only one label. */
const AGE_LABEL = /\b(ago|geleden)\b|^vor\s|^il y a\s|^hace\s|\bfa$|前$/i;

/**
 * Everything the adapter reads from one grid item, gathered in a single walk (each
 * querySelector would be another pass over the item; under jsdom that dominates the cost).
 */
interface Parts {
  isAd: boolean;
  watchLink: Element | null;
  shortsLink: Element | null;
  contentIdClass: string | null;
  /** Title candidates by generation: h3[title]; legacy #video-title-link[title] / #video-title; Shorts title; any h3. */
  headingWithTitle: Element | null;
  legacyTitle: Element | null;
  shortsTitle: Element | null;
  anyHeading: Element | null;
  /** Links that can name the channel: /@handle, legacy ytd-channel-name, /channel/ /c/ /user/. */
  channelLinks: Element[];
  rows: Element[][];
  legacyMetadataLine: Element | null;
  adMetadata: Element | null;
  adHeading: Element | null;
  adBadge: Element | null;
  links: Element[];
}

function readParts(item: Element): Parts {
  const parts: Parts = {
    isAd: AD_TAGS.has(item.localName), watchLink: null, shortsLink: null, contentIdClass: null,
    headingWithTitle: null, legacyTitle: null, shortsTitle: null, anyHeading: null,
    channelLinks: [], rows: [[], []], legacyMetadataLine: null, adMetadata: null, adHeading: null, adBadge: null, links: [],
  };
  forEachElement(item, (element) => {
    const tag = element.localName;
    // The lockup's thumbnail (image, duration and progress badges) sits inside the watch link and
    // holds nothing read; skipping it saves about a microsecond per element on fresh items in jsdom.
    if (tag === 'yt-thumbnail-view-model') return false;
    if (AD_TAGS.has(tag)) {
      parts.isAd = true;
      if (tag === 'feed-ad-metadata-view-model') parts.adMetadata ??= element;
      if (tag === 'ad-badge-view-model') parts.adBadge ??= element;
    }
    const className = classNameOf(element);
    const id = element.id;
    if (tag === 'a') {
      const href = attr(element, 'href') ?? '';
      if (href !== '') parts.links.push(element);
      if (href.includes('/watch?v=')) parts.watchLink ??= element;
      else if (href.startsWith('/shorts/') || href.includes('youtube.com/shorts/')) parts.shortsLink ??= element;
      else if (href.startsWith('/@') || href.includes('youtube.com/@') || /^\/(channel|c|user)\//.test(href)) parts.channelLinks.push(element);
      if (id === 'video-title-link' && element.hasAttributeNS(null, 'title')) parts.legacyTitle ??= element;
    } else if (tag === 'h3') {
      if (element.hasAttributeNS(null, 'title')) parts.headingWithTitle ??= element;
      parts.anyHeading ??= element;
    } else if (tag === 'ytd-channel-name') {
      const link = findElement(element, (el) => el.localName === 'a');
      if (link && !parts.channelLinks.includes(link)) parts.channelLinks.push(link);
    }
    if (id === 'video-title') parts.legacyTitle ??= element;
    else if (id === 'metadata-line') parts.legacyMetadataLine ??= element;
    if (parts.contentIdClass === null && className.includes('content-id-')) parts.contentIdClass = className;
    // Every class read below has "metadata"/"Metadata" in it: one search rules out most elements.
    if (!className.includes('etadata')) return undefined;
    if (className.includes('shortsLockupViewModelHostMetadataTitle')) parts.shortsTitle ??= element;
    if (className.includes('feed-ad-metadata-view-model__heading') || className.includes('feedAdMetadataViewModelHeading')) parts.adHeading ??= element;
    if (className.includes('feedAdMetadataViewModelHost')) parts.adMetadata ??= element;
    for (let generation = 0; generation < METADATA_ROW_CLASSES.length; generation += 1) {
      if (className.includes(METADATA_ROW_CLASSES[generation]!)) parts.rows[generation]!.push(element);
    }
    return undefined;
  });
  return parts;
}

/** The visible labels of a metadata row: its direct text spans, not the "•" delimiters. */
function rowLabels(row: Element): string[] {
  const labels: string[] = [];
  for (let child = row.firstElementChild; child; child = child.nextElementSibling) {
    if (attr(child, 'aria-hidden') === 'true') continue;
    const text = normalizedText(child);
    if (text !== '') labels.push(text);
  }
  return labels;
}

/** Age label from the metadata rows other than the channel row: position first, then wording. */
function ageLabel(parts: Parts, channelLink: Element | null): string | null {
  let texts: string[] = [];
  for (const rows of parts.rows) {
    if (rows.length === 0) continue;
    for (const row of rows) {
      if (channelLink && row.contains(channelLink)) continue;
      texts.push(...rowLabels(row));
    }
    break;
  }
  // Legacy renderers: #metadata-line > span.inline-metadata-item ("48K views", "3 days ago").
  if (texts.length === 0 && parts.legacyMetadataLine) texts = rowLabels(parts.legacyMetadataLine);
  const recognised = texts.find((text) => !COUNT_LABEL.test(text) && AGE_LABEL.test(text));
  if (recognised) return recognised;
  // Other UI languages: the age follows the view count. Ages always hold a number; badges such
  // as "New" or "Members only" do not.
  if (texts.length >= 2) {
    const last = texts[texts.length - 1] ?? '';
    return COUNT_LABEL.test(last) || !/\d/.test(last) ? null : last;
  }
  return null;
}

function videoIdFromHref(href: string | null): { id: string; shorts: boolean } | null {
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href, 'https://www.youtube.com/');
  } catch {
    return null;
  }
  const shorts = url.pathname.match(/^\/shorts\/([\w-]{6,})/)?.[1];
  if (shorts) return { id: shorts, shorts: true };
  const watch = url.pathname === '/watch' ? url.searchParams.get('v') : null;
  return watch && /^[\w-]{6,}$/.test(watch) ? { id: watch, shorts: false } : null;
}

function handleFromHref(href: string | null | undefined): string | null {
  const handle = href?.match(/\/@([^/?#]+)/)?.[1];
  if (!handle) return null;
  try {
    return decodeURIComponent(handle);
  } catch {
    return handle;
  }
}

/** googleadservices …&adurl=<real URL> → the real URL; other http(s) links as they are. */
function unwrapAdLink(href: string | null, base: URL): string | null {
  const url = absoluteHttpUrl(href, base);
  if (!url) return null;
  const parsed = new URL(url);
  if (/(^|\.)googleadservices\.com$|(^|\.)doubleclick\.net$/.test(parsed.hostname)) {
    return absoluteHttpUrl(parsed.searchParams.get('adurl'), base);
  }
  return url;
}

function extractAd(parts: Parts, pageUrl: URL) {
  const metadata = parts.adMetadata;
  const title = textOrNull(parts.adHeading ?? (metadata ? findElement(metadata, (el) => el.localName === 'h3') : null) ?? parts.anyHeading);
  // The description is the first text span directly inside the metadata block's body.
  const body = parts.adHeading?.nextElementSibling ?? null;
  const description = body ? findElement(body, (el) => el.localName === 'span' && attr(el, 'role') === 'text') : null;
  // The advertiser's domain follows the "Sponsored" badge: " • zonnepanelenvergelijker.example".
  const badgeRow = parts.adBadge?.parentElement ?? null;
  let advertiser: string | null = null;
  if (badgeRow) {
    for (let span = badgeRow.firstElementChild; span; span = span.nextElementSibling) {
      if (span === parts.adBadge) continue;
      const text = normalizedText(span).replace(/^[•·\s]+/, '');
      if (text !== '') {
        advertiser = text;
        break;
      }
    }
  }
  let linkUrl: string | null = null;
  for (const anchor of parts.links) {
    linkUrl = unwrapAdLink(attr(anchor, 'href'), pageUrl);
    if (linkUrl) break;
  }
  return {
    // Ads carry no video id in the feed, and no permalink of their own.
    id: null,
    permalink: null,
    authorName: advertiser,
    authorHandle: null,
    title,
    text: normalizedText(description),
    textTruncated: false,
    timestamp: null,
    timestampText: null,
    linkUrl,
    linkTitle: null,
    hasMedia: true,
    isRepost: false,
    repostedBy: null,
    repostId: null,
    isAd: true,
    quoted: null,
    unavailable: false,
  };
}

export const youtube: SiteAdapter = {
  site: 'youtube',
  label: 'YouTube',
  matches(url) {
    if (url.hostname !== 'www.youtube.com' && url.hostname !== 'youtube.com') return false;
    return url.pathname === '/' || url.pathname === '/feed/subscriptions' || url.pathname === '/feed/subscriptions/';
  },
  itemSelectors: ITEM_SELECTORS,
  extract(item, pageUrl) {
    const parts = readParts(item);
    if (parts.isAd) return extractAd(parts, pageUrl);
    let video = videoIdFromHref(attr(parts.watchLink, 'href') ?? null) ?? videoIdFromHref(attr(parts.shortsLink, 'href') ?? null);
    if (!video) {
      // Lockups also carry the id as a class: content-id-<id>.
      const id = parts.contentIdClass?.match(/content-id-([\w-]{6,})/)?.[1];
      video = id ? { id, shorts: false } : null;
    }
    // Continuation spinners, skeletons and empty rich items have no video.
    if (!video) return null;
    const titleElement = parts.headingWithTitle ?? parts.legacyTitle ?? parts.shortsTitle ?? parts.anyHeading;
    const title = attr(titleElement, 'title')?.trim() || textOrNull(titleElement);
    const channelLink = parts.channelLinks.find((a) => (a.textContent ?? '').trim() !== '') ?? null;
    const channelName = textOrNull(channelLink);
    return {
      id: video.id,
      permalink: video.shorts ? `https://www.youtube.com/shorts/${video.id}` : `https://www.youtube.com/watch?v=${video.id}`,
      authorName: channelName,
      authorHandle: handleFromHref(attr(channelLink, 'href')),
      title,
      text: '',
      textTruncated: false,
      // YouTube shows only relative upload ages.
      timestamp: null,
      timestampText: video.shorts ? null : ageLabel(parts, channelLink),
      linkUrl: null,
      linkTitle: null,
      hasMedia: true,
      isRepost: false,
      repostedBy: null,
      repostId: null,
      isAd: false,
      quoted: null,
      unavailable: false,
    };
  },
};

/**
 * YouTube home and subscriptions grids: videos, Shorts and in-feed ads. Lockup class names churned
 * three times in ~18 months (`yt-lockup-…-wiz__` → `yt-lockup-…__` (BEM) → `ytLockup…` (camelCase),
 * 2024-26), so fields are read from element names, URL shapes (`/watch?v=`, `/shorts/`, `/@handle`)
 * and attributes (`h3[title]`) first, with each class generation only as a fallback.
 */
import { absoluteHttpUrl, normalizedText, queryFirst, textOrNull } from './text';
import type { SiteAdapter } from './types';

const ITEM_SELECTORS = [
  // Rich grid (2020+): home and subscriptions, including the Shorts shelf's items; plus the
  // 2025 Shorts shelf (grid-shelf-view-model) whose lockups are not wrapped in rich items.
  'ytd-rich-item-renderer, grid-shelf-view-model ytm-shorts-lockup-view-model-v2, grid-shelf-view-model ytm-shorts-lockup-view-model',
  // Legacy subscriptions grid and list views.
  'ytd-grid-video-renderer, ytd-video-renderer',
] as const;

const AD_MARKERS = 'ytd-ad-slot-renderer, ytd-in-feed-ad-layout-renderer, feed-ad-metadata-view-model, ad-badge-view-model, ytd-display-ad-renderer, ytd-promoted-sparkles-web-renderer, ytd-promoted-video-renderer';

const VIDEO_LINK = ['a[href*="/watch?v="]', 'a[href^="/shorts/"], a[href*="youtube.com/shorts/"]'] as const;

const TITLE = [
  // Every lockup generation keeps the full title on the heading's title attribute.
  'h3[title]',
  // Legacy renderers.
  'a#video-title-link[title]',
  '#video-title',
  // Shorts lockups (2025: camelCase classes).
  '.shortsLockupViewModelHostMetadataTitle',
  'h3',
] as const;

const CHANNEL_LINK = [
  // Lockups: the channel name is an attributed-string link to /@handle.
  'a[href^="/@"]',
  'a[href*="youtube.com/@"]',
  // Legacy renderers.
  'ytd-channel-name a',
  'a[href^="/channel/"], a[href^="/c/"], a[href^="/user/"]',
] as const;

const METADATA_ROW = [
  // BEM lockup (2025).
  '.yt-content-metadata-view-model__metadata-row',
  // camelCase lockup (mid-2026).
  '.ytContentMetadataViewModelMetadataRow',
] as const;

const METADATA_TEXT = '.yt-content-metadata-view-model__metadata-text, .ytContentMetadataViewModelMetadataText, span[role="text"]';

/** View and viewer counts ("48K views", "3.1K watching", "48K weergaven"): never the age. */
const COUNT_LABEL = /\b(views?|watching|weergaven|kijkers|aufrufe|zuschauer|vues|spectateurs|visualizaciones|espectadores|visualizações)\b|\bno views\b/i;
/** Relative ages we can recognise on their own, when the row holds only one label. */
const AGE_LABEL = /\b(ago|geleden)\b|^vor\s|^il y a\s|^hace\s|\bfa$|前$/i;

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

/** Age label from the metadata rows other than the channel row: position first, then wording. */
function ageLabel(item: Element, channelLink: Element | null): string | null {
  let texts: string[] = [];
  for (const rowSelector of METADATA_ROW) {
    const rows = Array.from(item.querySelectorAll(rowSelector));
    if (rows.length === 0) continue;
    for (const row of rows) {
      if (channelLink && row.contains(channelLink)) continue;
      for (const span of Array.from(row.querySelectorAll(METADATA_TEXT))) {
        // Nested role=text spans: keep the outermost only.
        if (span.parentElement?.closest(METADATA_TEXT) && row.contains(span.parentElement.closest(METADATA_TEXT))) continue;
        const text = normalizedText(span);
        if (text !== '') texts.push(text);
      }
    }
    break;
  }
  if (texts.length === 0) {
    // Legacy renderers: #metadata-line > span.inline-metadata-item ("48K views", "3 days ago").
    texts = Array.from(item.querySelectorAll('#metadata-line .inline-metadata-item, #metadata-line span')).map((span) => normalizedText(span)).filter((text) => text !== '');
  }
  const candidates = texts.filter((text) => !COUNT_LABEL.test(text));
  if (texts.length >= 2) {
    const last = texts[texts.length - 1] ?? '';
    return COUNT_LABEL.test(last) ? null : last;
  }
  return candidates.find((text) => AGE_LABEL.test(text)) ?? null;
}

function extractAd(item: Element, pageUrl: URL) {
  const metadata = item.querySelector('feed-ad-metadata-view-model, [class*="feed-ad-metadata-view-model"], [class*="feedAdMetadataViewModel"]') ?? item;
  const title = textOrNull(queryFirst(metadata, ['[class*="feed-ad-metadata-view-model__heading"]', '[class*="feedAdMetadataViewModelHeading"]', 'h3', '#video-title']));
  const description = queryFirst(metadata, ['[class*="feed-ad-metadata-view-model__metadata"] > span[role="text"]', '[class*="feedAdMetadataViewModelMetadata"] > span[role="text"]', '#description-text']);
  // The advertiser's domain follows the "Sponsored" badge: " • zonnepanelenvergelijker.example".
  const badgeRow = item.querySelector('ad-badge-view-model')?.parentElement ?? null;
  let advertiser: string | null = null;
  if (badgeRow) {
    for (const span of Array.from(badgeRow.children)) {
      if (span.tagName === 'AD-BADGE-VIEW-MODEL') continue;
      const text = normalizedText(span).replace(/^[•·\s]+/, '');
      if (text !== '') {
        advertiser = text;
        break;
      }
    }
  }
  let linkUrl: string | null = null;
  for (const anchor of Array.from(item.querySelectorAll('a[href]'))) {
    linkUrl = unwrapAdLink(anchor.getAttribute('href'), pageUrl);
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
    if (item.querySelector(AD_MARKERS) || item.matches(AD_MARKERS)) return extractAd(item, pageUrl);
    const videoLink = queryFirst(item, VIDEO_LINK);
    let video = videoIdFromHref(videoLink?.getAttribute('href') ?? null);
    if (!video) {
      // Lockups also carry the id as a class: content-id-<id>.
      const id = item.querySelector('[class*="content-id-"]')?.className.match(/content-id-([\w-]{6,})/)?.[1];
      video = id ? { id, shorts: false } : null;
    }
    // Continuation spinners, skeletons and empty rich items have no video.
    if (!video) return null;
    const titleElement = queryFirst(item, TITLE);
    const title = titleElement?.getAttribute('title')?.trim() || textOrNull(titleElement);
    const channelLink = Array.from(item.querySelectorAll(CHANNEL_LINK.join(', '))).find((a) => normalizedText(a) !== '') ?? null;
    const channelName = textOrNull(channelLink);
    return {
      id: video.id,
      permalink: video.shorts ? `https://www.youtube.com/shorts/${video.id}` : `https://www.youtube.com/watch?v=${video.id}`,
      authorName: channelName,
      authorHandle: handleFromHref(channelLink?.getAttribute('href')),
      title,
      text: '',
      textTruncated: false,
      // YouTube shows only relative upload ages.
      timestamp: null,
      timestampText: video.shorts ? null : ageLabel(item, channelLink),
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

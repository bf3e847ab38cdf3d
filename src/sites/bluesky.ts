/**
 * Bluesky web app (bsky.app). The hooks are the app's own e2e testIDs (`feedItem-by-<handle>`,
 * `postText`, `contentHider-post`) and URL shapes (`/profile/<handle|did>/post/<rkey>`), which
 * rarely change; visible labels ("Reposted by", dates) are localized, so they are last resorts.
 * Sources: test/fixtures/SELECTORS.md, section "Bluesky".
 */
import type { FeedItem, PersonRef, QuotedItem, SiteAdapter } from './types';
import { absoluteHttpUrl, normalizedText, textOrNull } from './text';

const HOSTS = new Set(['bsky.app', 'www.bsky.app', 'main.bsky.dev']);

const POST_PATH = /^\/profile\/([^/]+)\/post\/([^/?#]+)/;
const PROFILE_PATH = /^\/profile\/([^/?#]+)\/?$/;
/** DIDs appear in CDN paths: cdn.bsky.app/img/<size>/plain/<did>/<cid>, video.bsky.app/watch/<did>/. */
const DID_IN_URL = /\/(?:plain|watch)\/(did:[a-z]+:[A-Za-z0-9._:%-]+)\//;
const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';

/** "Reposted by <name>" in the UI locales we read; the name follows the prefix. */
const REPOSTED_BY = /^(?:Reposted by|Gerepost door|Repostet von|Republié par|Reposteado por|Repostado por)\s+/i;
/** QuoteEmbed placeholders for a quoted post that cannot be shown (PostPlaceholder). */
const UNAVAILABLE_QUOTE = /^(?:Deleted|Blocked|Removed by author|Post not found|Verwijderd|Geblokkeerd|Verwijderd door auteur)$/i;

/** UserAvatar renders an image, or the default-avatar SVG when the account has none. */
const AVATAR = '[data-testid="userAvatarImage"], [data-testid="userAvatarFallback"]';
const POST_TEXT = '[data-testid="postText"]';
/** Quoted posts render RichText without the postText testID. */
const QUOTE_TEXT = '[data-testid="postText"], [data-word-wrap]';
const MEDIA = 'img[src*="/img/feed_thumbnail/"], img[src*="/img/feed_fullsize/"], video';

export const bluesky: SiteAdapter = {
  site: 'bluesky',
  label: 'Bluesky',
  matches(url) {
    return HOSTS.has(url.hostname);
  },
  itemSelectors: [
    // Feed rows (PostFeedItem) on every feed page, 2023 onwards; the suffix is the author handle.
    '[data-testid^="feedItem-by-"]',
    // Posts on a thread page (PostThreadItem).
    '[data-testid^="postThreadItem-by-"]',
  ],
  extract(element, pageUrl) {
    const quoteRoot = findQuoteRoot(element);
    const outside = (el: Element | null | undefined): el is Element => !!el && !(quoteRoot && quoteRoot.contains(el));

    const postLink = findPostLink(element, outside);
    const post = parsePostHref(postLink?.getAttribute('href'), pageUrl);
    if (!post) return null;

    const profileLinks = Array.from(element.querySelectorAll('a[href^="/profile/"]')).filter(outside);
    const author = readAuthor(element, profileLinks, post.authority);
    const reason = readReason(profileLinks, postLink);

    const card = findLinkCard(element, outside);
    const textElement = firstMatching(element.querySelectorAll(POST_TEXT), outside);
    const did = post.authority.startsWith('did:') ? post.authority : findDid(element, profileLinks, post.authority, outside);

    return {
      id: `at://${did ?? post.authority}/app.bsky.feed.post/${post.rkey}`,
      permalink: post.permalink,
      authorName: author.name,
      authorHandle: author.handle,
      title: null,
      text: normalizedText(textElement),
      // "Show More" only lifts a line clamp; the whole text is in the DOM.
      textTruncated: false,
      timestamp: tidTime(post.rkey) ?? labelTime(postLink),
      timestampText: ageLabel(postLink),
      linkUrl: unwrap(absoluteHttpUrl(card?.getAttribute('href'), pageUrl)) ?? firstExternalLink(textElement, pageUrl),
      linkTitle: card ? (card.getAttribute('aria-label')?.trim() || textOrNull(card.querySelector('div[dir="auto"]'))) : null,
      hasMedia: Array.from(element.querySelectorAll(MEDIA)).some((el) => outside(el) && !(card && card.contains(el))),
      isRepost: reason.isRepost,
      repostedBy: reason.by && reason.by.handle !== author.handle ? reason.by : null,
      repostId: null,
      isAd: false, // Bluesky has no ads.
      quoted: quoteRoot ? readQuote(quoteRoot, pageUrl) : null,
      unavailable: false,
    };
  },
};

/**
 * The quote embed is the only `div[role=link]` inside a post (the post itself is one; images are
 * buttons, link cards are anchors). Deleted or blocked quotes render a placeholder box instead.
 */
function findQuoteRoot(item: Element): Element | null {
  return item.querySelector('div[role="link"]');
}

function findPostLink(item: Element, outside: (el: Element | null) => el is Element): Element | null {
  // PostMeta's timestamp link carries data-tooltip (the full date) since 2024.
  const withTooltip = firstMatching(item.querySelectorAll('a[href*="/post/"][data-tooltip]'), outside);
  if (withTooltip) return withTooltip;
  return firstMatching(item.querySelectorAll('a[href^="/profile/"][href*="/post/"]'), outside);
}

function firstMatching(list: NodeListOf<Element>, keep: (el: Element | null) => el is Element): Element | null {
  for (const el of Array.from(list)) if (keep(el)) return el;
  return null;
}

function parsePostHref(
  href: string | null | undefined,
  pageUrl: URL,
): { authority: string; rkey: string; permalink: string } | null {
  const absolute = absoluteHttpUrl(href, pageUrl);
  if (!absolute) return null;
  const url = new URL(absolute);
  const match = POST_PATH.exec(url.pathname);
  if (!match?.[1] || !match[2]) return null;
  const authority = decodeURIComponent(match[1]);
  return { authority, rkey: match[2], permalink: `${url.origin}/profile/${match[1]}/post/${match[2]}` };
}

/**
 * PostMeta: the author's profile links, name first, then "@handle". An invalid handle is shown as
 * a warning and links go to the DID, which is then the handle we keep.
 */
function readAuthor(item: Element, profileLinks: Element[], authority: string): PersonRef {
  let name: string | null = null;
  let handle: string | null = null;
  for (const link of profileLinks) {
    if (profilePath(link) !== authority) continue;
    const text = normalizedText(link);
    if (text === '') continue; // the avatar
    if (text.startsWith('@')) handle ??= text.slice(1);
    else name ??= text;
  }
  if (!handle || !isHandle(handle)) {
    const fromTestId = /^(?:feedItem|postThreadItem)-by-(.+)$/.exec(item.getAttribute('data-testid') ?? '')?.[1];
    handle = fromTestId && isHandle(fromTestId) ? fromTestId : authority;
  }
  return { name, handle };
}

function isHandle(value: string): boolean {
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(value) && !value.endsWith('.invalid');
}

function profilePath(link: Element): string | null {
  const match = PROFILE_PATH.exec(link.getAttribute('href') ?? '');
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/**
 * The repost reason row (PostFeedReason) sits above the avatar: a profile link that wraps the
 * repost icon and the reposter's name. "Reply to" rows put the icon beside the link, "Pinned" has
 * no link, and the avatar link has no text, so no translated label needs reading.
 */
function readReason(profileLinks: Element[], postLink: Element | null): { isRepost: boolean; by: PersonRef | null } {
  for (const link of profileLinks) {
    if (link === postLink || link.querySelector(AVATAR)) break; // reached the author's header
    if (!link.querySelector('svg')) continue;
    const text = normalizedText(link);
    if (text === '') break;
    const name = text.replace(REPOSTED_BY, '') || null;
    return { isRepost: true, by: { name, handle: profilePath(link) } };
  }
  return { isRepost: false, by: null };
}

/** The external embed: an anchor to another site (proxied through go.bsky.app) outside the text. */
function findLinkCard(item: Element, outside: (el: Element | null) => el is Element): Element | null {
  for (const anchor of Array.from(item.querySelectorAll('a[href^="http"]'))) {
    if (!outside(anchor) || anchor.closest(POST_TEXT)) continue;
    return anchor;
  }
  return null;
}

/** The author's DID from their avatar or media CDN URLs (never from the quote's). */
function findDid(
  item: Element,
  profileLinks: Element[],
  authority: string,
  outside: (el: Element | null) => el is Element,
): string | null {
  for (const link of profileLinks) {
    const path = profilePath(link);
    if (path?.startsWith('did:') && link.querySelector('img')) return path;
    if (path !== authority) continue;
    const match = DID_IN_URL.exec(link.querySelector('img')?.getAttribute('src') ?? '');
    if (match?.[1]) return decodeURIComponent(match[1]);
  }
  for (const media of Array.from(item.querySelectorAll('img[src], video[src], video[poster], source[src]'))) {
    if (!outside(media) || media.closest('a[href^="/profile/"]')) continue;
    const match = DID_IN_URL.exec(media.getAttribute('src') ?? media.getAttribute('poster') ?? '');
    if (match?.[1]) return decodeURIComponent(match[1]);
  }
  return null;
}

function readQuote(root: Element, pageUrl: URL): QuotedItem {
  const postLink = root.querySelector('a[href*="/post/"]');
  const post = parsePostHref(postLink?.getAttribute('href'), pageUrl);
  const text = root.querySelector(QUOTE_TEXT);
  if (!post && !text) {
    return { id: null, permalink: null, authorName: null, authorHandle: null, title: null, text: '', timestamp: null, unavailable: true };
  }
  const profileLinks = Array.from(root.querySelectorAll('a[href^="/profile/"]'));
  const all = (el: Element | null): el is Element => !!el;
  const author = post ? readAuthor(root, profileLinks, post.authority) : { name: null, handle: null };
  // QuoteEmbed is titled "Post by <handle>" when no link shows the handle.
  const titled = /\s(\S+)$/.exec(root.getAttribute('title') ?? '')?.[1];
  const did = post ? (post.authority.startsWith('did:') ? post.authority : findDid(root, profileLinks, post.authority, all)) : null;
  return {
    id: post ? `at://${did ?? post.authority}/app.bsky.feed.post/${post.rkey}` : null,
    permalink: post?.permalink ?? null,
    authorName: author.name,
    authorHandle: author.handle === post?.authority && titled && isHandle(titled) ? titled : author.handle,
    title: null,
    text: normalizedText(text),
    timestamp: post ? (tidTime(post.rkey) ?? labelTime(postLink)) : null,
    unavailable: false,
  };
}

/**
 * An rkey TID is 13 base32-sortable characters: 53 bits of microseconds since the epoch, then a
 * 10-bit clock id. It is locale-free, unlike the "March 14, 2026 at 9:45 AM" label.
 */
export function tidTime(rkey: string): string | null {
  if (!/^[2-7a-j][2-7a-z]{12}$/.test(rkey)) return null;
  let value = 0n;
  for (const char of rkey) value = value * 32n + BigInt(TID_ALPHABET.indexOf(char));
  const ms = Number((value >> 10n) / 1000n);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Fallback for non-TID rkeys: the English tooltip, read in the viewer's timezone. */
function labelTime(link: Element | null): string | null {
  const label = link?.getAttribute('data-tooltip') ?? link?.getAttribute('aria-label');
  if (!label) return null;
  const ms = Date.parse(label.replace(' at ', ' '));
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** "· 2h": the visible age after the separator. */
function ageLabel(link: Element | null): string | null {
  const text = normalizedText(link).replace(/^·\s*/, '');
  return text === '' ? null : text;
}

function unwrap(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.hostname === 'go.bsky.app' && parsed.pathname.startsWith('/redirect')) {
      return absoluteHttpUrl(parsed.searchParams.get('u'), parsed) ?? url;
    }
  } catch {
    return null;
  }
  return url;
}

function firstExternalLink(textElement: Element | null, pageUrl: URL): string | null {
  if (!textElement) return null;
  for (const anchor of Array.from(textElement.querySelectorAll('a[href]'))) {
    const url = unwrap(absoluteHttpUrl(anchor.getAttribute('href'), pageUrl));
    if (url && !HOSTS.has(new URL(url).hostname)) return url;
  }
  return null;
}

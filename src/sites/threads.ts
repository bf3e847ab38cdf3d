/**
 * Threads (threads.com, formerly threads.net). There is no <article> and the classes are atomic,
 * so posts are `[data-pressable-container]` blocks read through URL shapes: `/@user` profiles,
 * `/@user/post/<code>` permalinks around `time[datetime]`, and `l.threads.com/?u=` outbound links.
 * The one atomic class used (the text block) has lasted over a year and has a structural fallback.
 * Reposts, ads and unavailable posts are only told apart by text, so those use locale tables.
 * Sources: test/fixtures/SELECTORS.md, section "Threads".
 */
import type { FeedItem, QuotedItem, SiteAdapter } from './types';
import { absoluteHttpUrl, normalizedText, textOrNull } from './text';

const HOSTS = new Set(['threads.com', 'www.threads.com', 'threads.net', 'www.threads.net']);

const POST_PATH = /^\/@([^/]+)\/post\/([A-Za-z0-9_-]+)/;
const PROFILE_PATH = /^\/@([^/?#]+)\/?$/;
const SHIMS = new Set(['l.threads.com', 'l.threads.net', 'l.instagram.com']);

/** The "Sponsored" label beside the username (no <time> then), in the UI locales we read. */
const SPONSORED = /^(?:Sponsored|Gesponsord|Gesponsert|Sponsorisé|Patrocinado|Sponsorizzato|Sponsorowane)$/i;
/** Notices shown instead of a post's content. */
const UNAVAILABLE = /^(?:Post unavailable|This post is unavailable\.?|Bericht niet beschikbaar|Dit bericht is niet beschikbaar\.?)$/i;
const THREAD_BADGE = /^\d+\s*\/\s*\d+$/;

const ITEM = '[data-pressable-container="true"]';
/** Text block (atomic class, stable since 2024); in-text UI: thread badge "1/3" and "More". */
const TEXT_BLOCK = 'div.x1a6qonq';
const IN_TEXT_UI = 'div.x1rg5ohu, [role="button"]';
/** Card title (atomic class); the domain next to it is `translate=no`. */
const CARD_TITLE = '.x1gslohp';
const MEDIA = 'picture img, a[href$="/media"] img, video';

export const threads: SiteAdapter = {
  site: 'threads',
  label: 'Threads',
  matches(url) {
    return HOSTS.has(url.hostname);
  },
  itemSelectors: [
    // Every post block on feeds, profiles and thread pages (2024 onwards).
    ITEM,
  ],
  extract(element, pageUrl) {
    const quoteRoot = element.querySelector(ITEM);
    const outside = (el: Element | null | undefined): el is Element => !!el && !(quoteRoot && quoteRoot.contains(el));
    const post = readPost(element, outside, pageUrl);

    const profileLinks = Array.from(element.querySelectorAll('a[href^="/@"]')).filter(
      (link) => outside(link) && PROFILE_PATH.test(link.getAttribute('href') ?? ''),
    );
    const authorUser = post?.user ?? firstProfileUser(profileLinks);
    const reposter = post ? findReposter(profileLinks, post.user) : null;

    const textElement = findTextBlock(element, outside);
    const text = threadText(textElement);
    const isAd = !post?.time && hasLabel(element, outside, SPONSORED);
    // Only look for an "unavailable" notice when the post has no permalink or no text.
    const notice = UNAVAILABLE.test(text) || ((!post || text === '') && hasLabel(element, outside, UNAVAILABLE));
    if (!post && !authorUser && !notice) return null; // a loading shell or a non-post row
    const unavailable = !isAd && (notice || !post);

    const card = findOutbound(element, outside, pageUrl);

    return {
      id: post?.code ?? null,
      permalink: post?.permalink ?? null,
      // The feed shows usernames only: the name is the username.
      authorName: authorUser,
      authorHandle: authorUser,
      title: null,
      text: UNAVAILABLE.test(text) ? '' : text,
      textTruncated: false, // "More" only lifts a clamp
      timestamp: isoTime(post?.time),
      timestampText: textOrNull(post?.time),
      linkUrl: card?.url ?? null,
      linkTitle: card?.title ?? null,
      hasMedia: Array.from(element.querySelectorAll(MEDIA)).some((el) => outside(el) && !(card && card.anchor.contains(el))),
      isRepost: reposter !== null,
      repostedBy: reposter ? { name: reposter, handle: reposter } : null,
      repostId: null,
      isAd,
      quoted: quoteRoot ? readQuote(quoteRoot, pageUrl) : null,
      unavailable,
    } satisfies Omit<FeedItem, 'site'>;
  },
};

interface PostRef {
  user: string;
  code: string;
  permalink: string;
  time: Element | null;
}

/** The permalink: the link around <time>; ads have none, but their media links to /@user/post/<code>/media. */
function readPost(root: Element, keep: (el: Element | null) => el is Element, pageUrl: URL): PostRef | null {
  let time: Element | null = null;
  let link: Element | null = null;
  for (const candidate of Array.from(root.querySelectorAll('a[href*="/post/"] time[datetime]'))) {
    if (keep(candidate)) {
      time = candidate;
      link = candidate.closest('a[href]');
      break;
    }
  }
  if (!link) {
    for (const candidate of Array.from(root.querySelectorAll('a[href*="/post/"]'))) {
      if (keep(candidate)) {
        link = candidate;
        break;
      }
    }
  }
  const absolute = absoluteHttpUrl(link?.getAttribute('href'), pageUrl);
  if (!absolute) return null;
  const url = new URL(absolute);
  const match = POST_PATH.exec(url.pathname);
  if (!match?.[1] || !match[2]) return null;
  return { user: decodeURIComponent(match[1]), code: match[2], permalink: `${url.origin}/@${match[1]}/post/${match[2]}`, time };
}

function firstProfileUser(links: Element[]): string | null {
  const match = PROFILE_PATH.exec(links[0]?.getAttribute('href') ?? '');
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/**
 * "<user> reposted" is a row above the post: a profile link to someone other than the author that
 * comes before the author's own links (mentions in the text come after them).
 */
function findReposter(profileLinks: Element[], author: string): string | null {
  for (const link of profileLinks) {
    const user = firstProfileUser([link]);
    if (user === author) return null;
    if (user) return user;
  }
  return null;
}

function findTextBlock(root: Element, keep: (el: Element | null) => el is Element): Element | null {
  for (const block of Array.from(root.querySelectorAll(TEXT_BLOCK))) if (keep(block)) return block;
  // Structural fallback: the first dir=auto span that is not in a link, the header or a label.
  for (const span of Array.from(root.querySelectorAll('span[dir="auto"]'))) {
    if (!keep(span) || span.closest('a') || span.querySelector('a[href^="/@"], time')) continue;
    const text = normalizedText(span);
    if (text === '' || SPONSORED.test(text) || THREAD_BADGE.test(text)) continue;
    return span;
  }
  return null;
}

/** Body text without the "1/3" thread-part badge. */
function threadText(block: Element | null): string {
  const text = normalizedText(block, { skip: IN_TEXT_UI });
  const badge = / (\d+\s*\/\s*\d+)$/.exec(text);
  if (badge?.[1] && block) {
    // Only strip when the DOM holds the badge as its own element (a post may end in "1/3").
    for (const el of Array.from(block.querySelectorAll('div, span'))) {
      if (el.childElementCount === 0 && el.textContent?.trim() === badge[1]) return text.slice(0, badge.index).trim();
    }
  }
  return text;
}

function hasLabel(root: Element, keep: (el: Element | null) => el is Element, label: RegExp): boolean {
  for (const span of Array.from(root.querySelectorAll('span'))) {
    if (span.childElementCount === 0 && keep(span) && label.test(span.textContent?.trim() ?? '')) return true;
  }
  return false;
}

/**
 * The outbound link: the preview card, else the ad's call-to-action, else a link in the text. All
 * go through l.threads.com/?u=, which we unwrap.
 */
function findOutbound(
  root: Element,
  keep: (el: Element | null) => el is Element,
  pageUrl: URL,
): { url: string; title: string | null; anchor: Element } | null {
  for (const anchor of Array.from(root.querySelectorAll('a[href^="http"]'))) {
    if (!keep(anchor)) continue;
    const url = unwrap(absoluteHttpUrl(anchor.getAttribute('href'), pageUrl));
    if (!url || HOSTS.has(new URL(url).hostname)) continue;
    return { url, title: cardTitle(anchor), anchor };
  }
  return null;
}

/** A card shows the domain (translate=no) and the title; a bare CTA button has no title. */
function cardTitle(anchor: Element): string | null {
  const titled = textOrNull(anchor.querySelector(CARD_TITLE));
  if (titled) return titled;
  if (!anchor.querySelector('span[translate="no"]')) return null;
  for (const span of Array.from(anchor.querySelectorAll('span[dir="auto"]'))) {
    if (span.matches('[translate="no"]') || span.querySelector('[translate="no"]')) continue;
    const text = textOrNull(span);
    if (text) return text;
  }
  return null;
}

function unwrap(url: string | null): string | null {
  if (!url) return null;
  const parsed = new URL(url);
  if (SHIMS.has(parsed.hostname)) return absoluteHttpUrl(parsed.searchParams.get('u'), parsed);
  return url;
}

function isoTime(time: Element | null | undefined): string | null {
  const datetime = time?.getAttribute('datetime');
  if (!datetime) return null;
  const ms = Date.parse(datetime);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function readQuote(root: Element, pageUrl: URL): QuotedItem {
  const all = (el: Element | null): el is Element => !!el;
  const post = readPost(root, all, pageUrl);
  const text = threadText(findTextBlock(root, all));
  if (!post || UNAVAILABLE.test(text) || hasLabel(root, all, UNAVAILABLE)) {
    return { id: null, permalink: null, authorName: null, authorHandle: null, title: null, text: '', timestamp: null, unavailable: true };
  }
  return {
    id: post.code,
    permalink: post.permalink,
    authorName: post.user,
    authorHandle: post.user,
    title: null,
    text,
    timestamp: isoTime(post.time),
    unavailable: false,
  };
}

/**
 * Threads (threads.com, formerly threads.net). There is no <article> and the classes are atomic,
 * so posts are `[data-pressable-container]` blocks read through URL shapes: `/@user` profiles,
 * `/@user/post/<code>` permalinks around `time[datetime]`, and `l.threads.com/?u=` outbound links.
 * The one atomic class used (the text block) has lasted over a year and has a structural fallback.
 * Reposts, ads and unavailable posts are only told apart by text, so those use locale tables.
 * Sources: test/fixtures/SELECTORS.md, section "Threads".
 */
import type { FeedItem, QuotedItem, SiteAdapter } from './types';
import { withSelfThread } from './selfThread';
import { absoluteHttpUrl, anchorsIn, attr, classNameOf, enclosingLink, forEachElement, httpUrl, normalizedText, textOrNull } from './text';

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
const TEXT_BLOCK_CLASS = /(?:^|\s)x1a6qonq(?:\s|$)/;
const THREAD_BADGE_CLASS = /(?:^|\s)x1rg5ohu(?:\s|$)/;
/** Predicate, not a selector: nwsapi answers class selectors from the whole document. */
const isInTextUi = (el: Element): boolean =>
  attr(el, 'role') === 'button' || (el.localName === 'div' && THREAD_BADGE_CLASS.test(classNameOf(el)));
/** Card title (atomic class); the domain next to it is `translate=no`. */
const CARD_TITLE_CLASS = /(?:^|\s)x1gslohp(?:\s|$)/;

/** What the content script loads on every page: the adapter without its self-thread reader. */
export const threadsFeed: SiteAdapter = {
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
    const hooks = collectHooks(element);
    const post = readPost(hooks, pageUrl);

    const profileLinks = hooks.links.filter((link) => PROFILE_PATH.test(attr(link, 'href') ?? ''));
    const authorUser = post?.user ?? firstProfileUser(profileLinks);
    const reposter = post ? findReposter(profileLinks, post.user) : null;

    const textElement = hooks.textBlock ?? fallbackTextBlock(hooks.spans);
    const text = threadText(textElement);
    const isAd = !post?.time && hasLabel(hooks.spans, SPONSORED);
    // Only look for an "unavailable" notice when the post has no permalink or no text.
    const notice = UNAVAILABLE.test(text) || ((!post || text === '') && hasLabel(hooks.spans, UNAVAILABLE));
    if (!post && !authorUser && !notice) return null; // a loading shell or a non-post row
    const unavailable = !isAd && (notice || !post);

    // The preview card or an ad's call-to-action, else a link in the text (the walk skips the text).
    const card = findOutbound(hooks.links, pageUrl) ?? (textElement ? findOutbound(anchorsIn(textElement), pageUrl) : null);

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
      hasMedia: hooks.media.some((el) => isPostMedia(el) && !(card && card.anchor.contains(el))),
      isRepost: reposter !== null,
      repostedBy: reposter ? { name: reposter, handle: reposter } : null,
      repostId: null,
      isAd,
      quoted: hooks.quoteRoot ? readQuote(hooks.quoteRoot, pageUrl) : null,
      unavailable,
    } satisfies Omit<FeedItem, 'site'>;
  },
  // Conversation pages are /@user/post/<code>.
  threadPath: POST_PATH,
};

/** The full adapter, with the self-thread reader for conversation pages (issue 3). */
export const threads: SiteAdapter = /* @__PURE__ */ withSelfThread(threadsFeed);

/** Everything extract() reads, gathered in one walk of the post (one query per field costs 10x). */
interface Hooks {
  links: Element[];
  times: Element[];
  media: Element[];
  spans: Element[];
  textBlock: Element | null;
  /** A post embedded in this one (a quote) is a pressable container of its own. */
  quoteRoot: Element | null;
}

function collectHooks(root: Element): Hooks {
  const hooks: Hooks = { links: [], times: [], media: [], spans: [], textBlock: null, quoteRoot: null };
  forEachElement(root, (el) => {
    switch (el.localName) {
      case 'svg':
        return false;
      case 'img':
      case 'video':
        hooks.media.push(el);
        return false;
      case 'time':
        hooks.times.push(el);
        return false;
      case 'a':
        hooks.links.push(el);
        return true;
      case 'span':
        hooks.spans.push(el);
        return true;
      case 'div': {
        if (attr(el, 'data-pressable-container') === 'true') {
          hooks.quoteRoot ??= el;
          return false;
        }
        if (attr(el, 'role') === 'button') return false; // action bar, "More"
        if (!hooks.textBlock && TEXT_BLOCK_CLASS.test(classNameOf(el))) {
          hooks.textBlock = el;
          return false;
        }
        return true;
      }
      default:
        return true;
    }
  });
  return hooks;
}

interface PostRef {
  user: string;
  code: string;
  permalink: string;
  time: Element | null;
}

/** The permalink: the link around <time>; ads have none, but their media links to /@user/post/<code>/media. */
function readPost(hooks: Hooks, pageUrl: URL): PostRef | null {
  let time: Element | null = null;
  let link: Element | null = null;
  for (const candidate of hooks.times) {
    const around = enclosingLink(candidate.parentElement);
    if (around && POST_PATH.test(attr(around, 'href') ?? '')) {
      time = candidate;
      link = around;
      break;
    }
  }
  link ??= hooks.links.find((candidate) => POST_PATH.test(attr(candidate, 'href') ?? '')) ?? null;
  const absolute = absoluteHttpUrl(attr(link, 'href'), pageUrl);
  if (!absolute) return null;
  const url = new URL(absolute);
  const match = POST_PATH.exec(url.pathname);
  if (!match?.[1] || !match[2]) return null;
  return { user: decodeURIComponent(match[1]), code: match[2], permalink: `${url.origin}/@${match[1]}/post/${match[2]}`, time };
}

function firstProfileUser(links: Element[]): string | null {
  const match = PROFILE_PATH.exec(attr(links[0], 'href') ?? '');
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

/** Structural fallback for the text block: the first dir=auto span outside links and labels. */
function fallbackTextBlock(spans: Element[]): Element | null {
  for (const span of spans) {
    if (attr(span, 'dir') !== 'auto' || span.closest('a') || span.querySelector('a[href^="/@"], time')) continue;
    const text = normalizedText(span);
    if (text === '' || SPONSORED.test(text) || THREAD_BADGE.test(text)) continue;
    return span;
  }
  return null;
}

/** Pictures and video attached to the post; avatars and link-card images are not media. */
function isPostMedia(el: Element): boolean {
  if (el.localName === 'video' || el.parentElement?.localName === 'picture') return true;
  return (attr(enclosingLink(el.parentElement, 8), 'href') ?? '').endsWith('/media');
}

/** Body text without the "1/3" thread-part badge. */
function threadText(block: Element | null): string {
  const text = normalizedText(block, { skipElement: isInTextUi });
  const badge = / (\d+\s*\/\s*\d+)$/.exec(text);
  if (badge?.[1] && block) {
    // Only strip when the DOM holds the badge as its own element (a post may end in "1/3").
    const badgeText = badge[1];
    let isBadge = false;
    forEachElement(block, (el) => {
      if (el.childElementCount === 0 && el.textContent?.trim() === badgeText) isBadge = true;
      return !isBadge;
    });
    if (isBadge) return text.slice(0, badge.index).trim();
  }
  return text;
}

function hasLabel(spans: Element[], label: RegExp): boolean {
  return spans.some((span) => span.childElementCount === 0 && label.test(span.textContent?.trim() ?? ''));
}

/**
 * The outbound link: the preview card, else the ad's call-to-action, else a link in the text. All
 * go through l.threads.com/?u=, which we unwrap.
 */
function findOutbound(links: Element[], pageUrl: URL): { url: string; title: string | null; anchor: Element } | null {
  for (const anchor of links) {
    const href = attr(anchor, 'href') ?? '';
    if (!/^https?:/.test(href)) continue;
    const url = unwrap(httpUrl(href, pageUrl));
    if (!url || HOSTS.has(url.hostname)) continue;
    return { url: url.href, title: cardTitle(anchor), anchor };
  }
  return null;
}

/** A card shows the domain (translate=no) and the title; a bare CTA button has no title. */
function cardTitle(anchor: Element): string | null {
  let titled: Element | null = null;
  let domain: Element | null = null;
  const labels: Element[] = [];
  forEachElement(anchor, (el) => {
    if (attr(el, 'translate') === 'no') {
      domain ??= el;
      return false;
    }
    if (!titled && CARD_TITLE_CLASS.test(classNameOf(el))) titled = el;
    if (el.localName === 'span' && attr(el, 'dir') === 'auto') labels.push(el);
    return true;
  });
  if (titled) return textOrNull(titled);
  if (!domain) return null;
  const domainElement: Element = domain;
  for (const span of labels) {
    if (span.contains(domainElement)) continue;
    const text = textOrNull(span);
    if (text) return text;
  }
  return null;
}

/** The target of an l.threads.com/?u= shim, or the URL itself (parsed once, not per check). */
function unwrap(url: URL | null): URL | null {
  if (!url) return null;
  if (SHIMS.has(url.hostname)) return httpUrl(url.searchParams.get('u'), url);
  return url;
}

function isoTime(time: Element | null | undefined): string | null {
  const datetime = attr(time, 'datetime');
  if (!datetime) return null;
  const ms = Date.parse(datetime);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function readQuote(root: Element, pageUrl: URL): QuotedItem {
  const hooks = collectHooks(root);
  const post = readPost(hooks, pageUrl);
  const text = threadText(hooks.textBlock ?? fallbackTextBlock(hooks.spans));
  if (!post || UNAVAILABLE.test(text) || hasLabel(hooks.spans, UNAVAILABLE)) {
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

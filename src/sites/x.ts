/**
 * X (formerly Twitter). Everything hangs off `data-testid`s, which have outlived years of
 * redesigns; the class names (`css-175oi2r r-…`) are atomic and meaningless, so none are used.
 * Sources for each hook: test/fixtures/SELECTORS.md, section "X".
 */
import type { FeedItem, PersonRef, QuotedItem, SiteAdapter } from './types';
import { blankItem } from './blank';
import { withSelfThread } from './selfThread';
import { absoluteHttpUrl, anchorsIn, attr, enclosingLink, findElement, forEachElement, normalizedText, textOrNull } from './text';

const HOSTS = new Set(['x.com', 'www.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com', 'mobile.x.com']);

/** Twitter's snowflake epoch: ids carry their creation time in ms since this instant. */
const SNOWFLAKE_EPOCH_MS = 1288834974657n;

/**
 * Retweet icon path prefixes. Pinned and Community posts use the same socialContext row with
 * another icon, so the icon tells them apart without reading translated words (CPFT 0c8a7d9).
 */
const RETWEET_ICON_PREFIXES = [
  'M4.75 3.79l4.603 4.3', // 2023 "X" icon set
  'M23.77 15.67c-.292-.293-.767-.293-1.06 0l-2.22 2.22', // pre-2023 Twitter icon set
];

/**
 * When the icon is missing (X dropped social-context icons from For You in 2023), the label is the
 * only signal left: endings of "<name> reposted" in the UI locales we ship.
 */
const REPOSTED_LABELS = [/\s*\breposted$/i, /\s*\bretweeted$/i, /\s*\bheeft gerepost$/i, /\s*\bretweette$/i];

/** Media testids: photos, video (player and its 2024 inner component), GIFs; all since 2019. */
const MEDIA_TESTIDS = new Set(['tweetPhoto', 'videoPlayer', 'videoComponent', 'gifPlayer']);
/** Subtrees with nothing we read: the avatar, the "More" caret, the action bar's buttons. */
const SKIPPED_TESTIDS = new Set(['Tweet-User-Avatar', 'caret', 'reply', 'retweet', 'like', 'bookmark']);
/** "Show more" sits after the text today; if a UI version puts it inside, it is not text. */
const isShowMore = (el: Element): boolean => attr(el, 'data-testid') === 'tweet-text-show-more-link';

/** Ads sit in this wrapper (CPFT PROMOTED_TWEET_CONTAINER, since 2023); the "Ad" label is translated. */
const AD_WRAPPER = '[data-testid=placementTracking]';

/** What the content script loads on every page: the adapter without its self-thread reader. */
export const xFeed: SiteAdapter = {
  site: 'x',
  label: 'X',
  matches(url) {
    return HOSTS.has(url.hostname);
  },
  itemSelectors: [
    // Virtualised timeline rows (home, lists, profiles, search, conversations) since the 2019 React
    // rewrite; rows without a tweet (headings, Who to follow, "Show more") are dropped by extract().
    '[data-testid="cellInnerDiv"]',
    // A bare tweet outside the virtual list (embeds, some modal views).
    'article[data-testid="tweet"]',
  ],
  extract(element, pageUrl) {
    const hooks = collectHooks(element);
    if (!hooks.article) return null;
    if (attr(hooks.article, 'data-testid') !== 'tweet') {
      // A tombstone ("This post is unavailable") is an <article> without the tweet testid.
      return hooks.userNames.length === 0 ? blankItem({ unavailable: true }) : null;
    }
    // A bare tweet (second selector) has its ad wrapper above it.
    if (element === hooks.article && element.parentElement?.closest(AD_WRAPPER)) {
      hooks.isAd = true;
    }
    return extractTweet(hooks, pageUrl);
  },
  peek(element, pageUrl) {
    // Early-exit native queries: in Chromium ~1 µs each, where extract()'s walk costs ~30 (a JS
    // wrapper per element it touches). An ad wrapper before the tweet in the row (what extract()'s
    // walk marks) is found by the query that finds the tweet; a bare tweet's wrapper is above it.
    let article = element.localName === 'article' ? element : element.querySelector(`article,${AD_WRAPPER}`);
    let isAd = !!(article === element && element.parentElement?.closest(AD_WRAPPER));
    if (article && article.localName !== 'article') {
      isAd = true;
      article = element.querySelector('article');
    }
    if (!article) return null;
    // Usually the row's first <time> is its tweet's own, outside any quote (div[role=link]): then
    // its link is the one extract()'s rules pick, and a tweet without one (an ad) has no id. Other
    // rows (tombstones, a conversation's focused tweet with its time below a quote) are read by
    // extract() itself.
    const time = element.querySelector('time');
    if (attr(article, 'data-testid') !== 'tweet' || (time && time.closest('article,div[role="link"]') !== article)) {
      return xFeed.extract(element, pageUrl);
    }
    return { id: time && statusIdOf(time, pageUrl), isAd, unavailable: false };
  },
  // Conversation pages are /<user>/status/<id>; timelines have no self-thread order to read.
  threadPath: /^\/[^/]+\/status\/\d+/,
};

/** The full adapter, with the self-thread reader for conversation pages (issue 3). */
export const x: SiteAdapter = /* @__PURE__ */ withSelfThread(xFeed);

/** Everything extract() reads, gathered in one walk of the row (one query per field costs 10x). */
interface Hooks {
  article: Element | null;
  /** An <article> inside the tweet: the quoted post when it is unavailable. */
  nestedArticle: Element | null;
  /** Inside a placementTracking wrapper: an ad. */
  isAd: boolean;
  userNames: Element[];
  texts: Element[];
  showMores: Element[];
  cards: Element[];
  media: Element[];
  times: Element[];
  socialContext: Element | null;
  firstIcon: Element | null;
}

function collectHooks(row: Element): Hooks {
  const hooks: Hooks = {
    article: null,
    nestedArticle: null,
    isAd: false,
    userNames: [],
    texts: [],
    showMores: [],
    cards: [],
    media: [],
    times: [],
    socialContext: null,
    firstIcon: null,
  };
  const visit = (el: Element): boolean => {
    const tag = el.localName;
    if (tag === 'article') {
      if (hooks.article) {
        hooks.nestedArticle ??= el;
        return false;
      }
      hooks.article = el;
    } else if (tag === 'time') {
      hooks.times.push(el);
      return false;
    } else if (tag === 'svg') {
      hooks.firstIcon ??= el;
      return false;
    } else if (tag === 'img') {
      return false;
    }
    const testid = attr(el, 'data-testid');
    // The action bar (reply, repost, like, views, bookmark, share) is a div[role=group] with a
    // fifth of the row's elements and nothing read: skipping it saves ~20 µs per fresh row in jsdom.
    if (!testid) return !(tag === 'div' && attr(el, 'role') === 'group');
    switch (testid) {
      case 'User-Name':
        hooks.userNames.push(el);
        return true; // it holds the time link
      case 'tweetText':
        hooks.texts.push(el);
        return true; // a "Show more" inside must be seen
      case 'tweet-text-show-more-link':
        hooks.showMores.push(el);
        return false;
      case 'card.wrapper':
        hooks.cards.push(el);
        return false;
      case 'socialContext':
        hooks.socialContext ??= el;
        return false;
      case 'placementTracking':
        if (!hooks.article) hooks.isAd = true;
        return true;
      default:
        if (MEDIA_TESTIDS.has(testid)) {
          hooks.media.push(el);
          return false;
        }
        return !SKIPPED_TESTIDS.has(testid);
    }
  };
  if (visit(row)) forEachElement(row, visit);
  return hooks;
}

function extractTweet(hooks: Hooks, pageUrl: URL): Omit<FeedItem, 'site'> {
  // The quoted post carries the same testids, so each hook is taken from outside the quote.
  const quoteRoot = hooks.article && findQuoteRoot(hooks.article, hooks.userNames[1], hooks.nestedArticle);
  const outside = (el: Element): boolean => !(quoteRoot && quoteRoot.contains(el));
  const firstOutside = (list: Element[]): Element | null => list.find(outside) ?? null;

  // The permalink is the link around <time>: in User-Name on timelines, lower down on a
  // conversation's focused tweet.
  const time = firstOutside(hooks.times);
  const textElement = firstOutside(hooks.texts);
  const post = readPost(hooks.userNames[0], time, textElement, pageUrl);
  const card = firstOutside(hooks.cards);
  const cardLink = card ? firstLink(card) : null;
  const repost = readRepost(hooks, pageUrl);

  return {
    ...post,
    textTruncated: firstOutside(hooks.showMores) !== null,
    timestampText: textOrNull(time),
    linkUrl: absoluteHttpUrl(attr(cardLink, 'href'), pageUrl) ?? firstExternalLink(textElement, pageUrl),
    linkTitle: card ? cardTitle(card, cardLink) : null,
    hasMedia: firstOutside(hooks.media) !== null,
    isRepost: repost.isRepost,
    repostedBy: repost.by && repost.by.handle !== post.authorHandle ? repost.by : null,
    repostId: null,
    // Ads sit in a placementTracking wrapper (CPFT PROMOTED_TWEET_CONTAINER, since 2023); the
    // visible "Ad"/"Promoted" label is translated, the wrapper is not.
    isAd: hooks.isAd,
    quoted: quoteRoot ? readQuote(quoteRoot, hooks, pageUrl) : null,
    unavailable: false,
  };
}

/** What a tweet and a quoted tweet both say: who wrote it, where and when it is, its words. */
function readPost(userName: Element | undefined, time: Element | null, textElement: Element | null | undefined, pageUrl: URL) {
  const author = readUserName(userName);
  const status = statusOf(time, pageUrl);
  return {
    id: status?.id ?? null,
    permalink: status?.permalink ?? null,
    authorName: author.name,
    authorHandle: author.handle,
    title: null,
    text: normalizedText(textElement, { skipElement: isShowMore }),
    timestamp: timeOf(time, status?.id ?? null),
  };
}

/**
 * The quoted post: a `div[role=link]` holding a second User-Name (it has no /status/ link of its
 * own), or a nested <article> when the quoted post is unavailable.
 */
function findQuoteRoot(article: Element, secondUserName: Element | undefined, nestedArticle: Element | null): Element | null {
  const root = secondUserName?.closest('div[role="link"]');
  return root && root !== article && article.contains(root) ? root : nestedArticle;
}

function readQuote(root: Element, hooks: Hooks, pageUrl: URL): QuotedItem {
  const inQuote = (el: Element): boolean => root.contains(el);
  const userName = hooks.userNames.find(inQuote);
  if (!userName) {
    return { id: null, permalink: null, authorName: null, authorHandle: null, title: null, text: '', timestamp: null, unavailable: true };
  }
  return { ...readPost(userName, hooks.times.find(inQuote) ?? null, hooks.texts.find(inQuote), pageUrl), unavailable: false };
}

/**
 * User-Name holds the display name (first block) and "@handle · time" (second block). The handle
 * is the "@" text after the name (a display name may itself contain "@"); the profile link is
 * the fallback.
 */
function readUserName(userName: Element | undefined): PersonRef {
  if (!userName) return { name: null, handle: null };
  const nameBlock = userName.firstElementChild;
  let handle: string | null = null;
  for (let block = nameBlock?.nextElementSibling; block && !handle; block = block.nextElementSibling) {
    handle = /@([A-Za-z0-9_]{1,50})/.exec(block.textContent ?? '')?.[1] ?? null;
  }
  handle ??= profileHandle(attr(userName.querySelector('a[href]'), 'href'));
  return { name: textOrNull(nameBlock), handle };
}

function profileHandle(href: string | null | undefined): string | null {
  const match = href ? /^(?:https?:\/\/[^/]+)?\/([A-Za-z0-9_]{1,50})\/?$/.exec(href) : null;
  return match?.[1] ?? null;
}

/**
 * Time links are plain paths (/<user>/status/<id>), which a URL parse (~1 µs in Chromium, peek()'s
 * largest cost) would leave as they are; anything else is parsed.
 */
const PLAIN_STATUS_PATH = /^\/(\w+)\/status\/(\d+)$/;

const timeLinkHref = (time: Element | null | undefined): string | null => attr(enclosingLink(time?.parentElement), 'href');

function statusOf(time: Element | null | undefined, pageUrl: URL): { id: string; permalink: string } | null {
  return parseStatusHref(timeLinkHref(time), pageUrl);
}

/** Only the id of the status a <time>'s link opens (peek() needs no permalink). */
function statusIdOf(time: Element, pageUrl: URL): string | null {
  const href = timeLinkHref(time);
  const plain = href === null ? null : PLAIN_STATUS_PATH.exec(href);
  return plain?.[2] ?? parseStatusHref(href, pageUrl)?.id ?? null;
}

function parseStatusHref(href: string | null, pageUrl: URL): { id: string; permalink: string } | null {
  if (!href) return null;
  const plain = PLAIN_STATUS_PATH.exec(href);
  if (plain?.[2]) return { id: plain[2], permalink: `${pageUrl.origin}/${plain[1]}/status/${plain[2]}` };
  let url: URL;
  try {
    url = new URL(href, pageUrl);
  } catch {
    return null;
  }
  const match = /^\/([^/]+)\/status\/(\d+)/.exec(url.pathname);
  if (!match?.[1] || !match[2]) return null;
  return { id: match[2], permalink: `${url.origin}/${match[1]}/status/${match[2]}` };
}

function timeOf(time: Element | null, id: string | null): string | null {
  const datetime = attr(time, 'datetime');
  if (datetime) {
    const ms = Date.parse(datetime);
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  }
  return id ? snowflakeTime(id) : null;
}

export function snowflakeTime(id: string): string | null {
  if (!/^\d{15,20}$/.test(id)) return null;
  const ms = Number((BigInt(id) >> 22n) + SNOWFLAKE_EPOCH_MS);
  return new Date(ms).toISOString();
}

function readRepost(hooks: Hooks, pageUrl: URL): { isRepost: boolean; by: PersonRef | null } {
  const context = hooks.socialContext;
  if (!context) return { isRepost: false, by: null };
  // The first icon in the tweet sits in the social-context row above the avatar.
  const iconPath = attr(hooks.firstIcon && findElement(hooks.firstIcon, (el) => el.localName === 'path'), 'd') ?? '';
  const label = normalizedText(context);
  const isRepost =
    RETWEET_ICON_PREFIXES.some((prefix) => iconPath.startsWith(prefix)) || REPOSTED_LABELS.some((re) => re.test(label));
  if (!isRepost) return { isRepost: false, by: null };
  const link = enclosingLink(context);
  const handle = link ? profileHandle(new URL(attr(link, 'href') ?? '', pageUrl).pathname) : null;
  // The name is its own span inside "<name> reposted"; the rest of the label is translated.
  const name =
    textOrNull(context.firstElementChild) ?? (REPOSTED_LABELS.reduce((rest, re) => rest.replace(re, ''), label).trim() || null);
  return { isRepost: true, by: name || handle ? { name, handle } : null };
}

function firstLink(root: Element): Element | null {
  let link: Element | null = null;
  forEachElement(root, (el) => {
    if (!link && el.localName === 'a' && el.hasAttributeNS(null, 'href')) link = el;
    return !link;
  });
  return link;
}

/** The card link's aria-label is "<domain> <headline>"; the headline is the title. */
function cardTitle(card: Element, cardLink: Element | null): string | null {
  const label = attr(cardLink, 'aria-label')?.trim();
  if (label) {
    const [first, ...rest] = label.split(/\s+/);
    if (rest.length > 0 && first && /^[\w-]+(\.[\w-]+)+$/.test(first)) return rest.join(' ');
    return label;
  }
  // Small cards (card.layoutSmall.detail) show domain, title, description as separate blocks.
  const detail = card.querySelector('[data-testid="card.layoutSmall.detail"]');
  return textOrNull(detail?.children[1]);
}

/** The first link in the text that leaves X (hashtags and mentions are relative links). */
function firstExternalLink(textElement: Element | null, pageUrl: URL): string | null {
  if (!textElement) return null;
  for (const anchor of anchorsIn(textElement)) {
    const url = absoluteHttpUrl(attr(anchor, 'href'), pageUrl);
    if (url && !HOSTS.has(new URL(url).hostname)) return url;
  }
  return null;
}

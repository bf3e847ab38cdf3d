/**
 * X (formerly Twitter). Everything hangs off `data-testid`s, which have outlived years of
 * redesigns; the class names (`css-175oi2r r-…`) are atomic and meaningless, so none are used.
 * Sources for each hook: test/fixtures/SELECTORS.md, section "X".
 */
import type { FeedItem, PersonRef, QuotedItem, SiteAdapter } from './types';
import { absoluteHttpUrl, normalizedText, textOrNull } from './text';

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
 * only signal left. Lower-case endings or beginnings of "<name> reposted" in the UI locales we ship.
 */
const REPOSTED_LABELS = [/\breposted$/i, /\bretweeted$/i, /\bheeft gerepost$/i, /\bretweette$/i, /\bhet opnieuw geplaatst$/i];

const SHOW_MORE = '[data-testid="tweet-text-show-more-link"]';

const MEDIA = [
  '[data-testid="tweetPhoto"]', // photos (all UI versions since 2019)
  '[data-testid="videoPlayer"]', // inline video
  '[data-testid="videoComponent"]', // video inside the player, 2024+
  '[data-testid="gifPlayer"]', // animated GIFs
].join(',');

export const x: SiteAdapter = {
  site: 'x',
  label: 'X',
  matches(url) {
    return HOSTS.has(url.hostname);
  },
  itemSelectors: [
    // Virtualised timeline rows (home, lists, profiles, search) since the 2019 React rewrite;
    // rows without a tweet (headings, Who to follow, "Show more") are dropped by extract().
    '[data-testid="cellInnerDiv"]',
    // A bare tweet outside the virtual list (embeds, some modal views).
    'article[data-testid="tweet"]',
  ],
  extract(element, pageUrl) {
    const article = element.matches('article') ? element : element.querySelector('article');
    if (!article) return null;
    if (article.getAttribute('data-testid') !== 'tweet') {
      // A tombstone ("This post is unavailable") is an <article> without the tweet testid.
      return article.querySelector('[data-testid="User-Name"]') ? null : tombstone();
    }
    return extractTweet(article, pageUrl);
  },
  placeControl(item, control) {
    // In the action bar (reply, repost, like…): X sizes its virtualised rows itself, and a row
    // that grows under the bar would overlap the next one until X measures it again.
    const groups = item.querySelectorAll('article [role="group"]');
    const bar = groups[groups.length - 1];
    if (bar) bar.append(control);
    else item.append(control);
  },
};

function extractTweet(article: Element, pageUrl: URL): Omit<FeedItem, 'site'> {
  // One pass over the test ids instead of a query per field; the quoted post carries the same ids,
  // so each hook is taken from outside the quote.
  const userNames = article.querySelectorAll('[data-testid="User-Name"]');
  const userName = userNames[0] ?? null;
  const quoteRoot = findQuoteRoot(article, userNames);
  const outsideQuote = (el: Element | null): el is Element => !!el && !(quoteRoot && quoteRoot.contains(el));

  const author = readUserName(userName);
  const statusLink = findStatusLink(userName, article, quoteRoot);
  const status = statusLink ? parseStatusHref(statusLink.getAttribute('href'), pageUrl) : null;
  const time = statusLink?.querySelector('time') ?? null;

  const textElement = firstOutside(article.querySelectorAll('[data-testid="tweetText"]'), outsideQuote);
  const showMore = firstOutside(article.querySelectorAll(SHOW_MORE), outsideQuote);

  const card = firstOutside(article.querySelectorAll('[data-testid="card.wrapper"]'), outsideQuote);
  const cardLink = card?.querySelector('a[href]') ?? null;
  const linkUrl = absoluteHttpUrl(cardLink?.getAttribute('href'), pageUrl) ?? firstExternalLink(textElement, pageUrl);

  const repost = readRepost(article, pageUrl);

  return {
    id: status?.id ?? null,
    permalink: status?.permalink ?? null,
    authorName: author.name,
    authorHandle: author.handle,
    title: null,
    text: normalizedText(textElement, { skip: SHOW_MORE }),
    textTruncated: !!showMore,
    timestamp: timeOf(time, status?.id ?? null),
    timestampText: textOrNull(time),
    linkUrl,
    linkTitle: card ? cardTitle(card) : null,
    hasMedia: firstOutside(article.querySelectorAll(MEDIA), outsideQuote) !== null,
    isRepost: repost.isRepost,
    repostedBy: repost.by && repost.by.handle !== author.handle ? repost.by : null,
    repostId: null,
    // Ads sit in a placementTracking wrapper (CPFT PROMOTED_TWEET_CONTAINER, since 2023); the
    // visible "Ad"/"Promoted" label is translated, the wrapper is not.
    isAd: !!article.closest('[data-testid="placementTracking"]'),
    quoted: quoteRoot ? readQuote(quoteRoot, pageUrl) : null,
    unavailable: false,
  };
}

function tombstone(): Omit<FeedItem, 'site'> {
  return {
    id: null,
    permalink: null,
    authorName: null,
    authorHandle: null,
    title: null,
    text: '',
    textTruncated: false,
    timestamp: null,
    timestampText: null,
    linkUrl: null,
    linkTitle: null,
    hasMedia: false,
    isRepost: false,
    repostedBy: null,
    repostId: null,
    isAd: false,
    quoted: null,
    unavailable: true,
  };
}

function firstOutside(list: NodeListOf<Element>, keep: (el: Element | null) => el is Element): Element | null {
  for (const el of Array.from(list)) if (keep(el)) return el;
  return null;
}

/**
 * The quoted post: a `div[role=link]` holding a second User-Name (it has no /status/ link of its
 * own), or a nested <article> when the quoted post is unavailable.
 */
function findQuoteRoot(article: Element, userNames: NodeListOf<Element>): Element | null {
  const second = userNames[1];
  if (second) {
    const root = second.closest('div[role="link"]');
    if (root && article.contains(root) && root !== article) return root;
  }
  const nested = article.querySelector('article');
  return nested ?? null;
}

function readQuote(root: Element, pageUrl: URL): QuotedItem {
  const userName = root.querySelector('[data-testid="User-Name"]');
  if (!userName) {
    return { id: null, permalink: null, authorName: null, authorHandle: null, title: null, text: '', timestamp: null, unavailable: true };
  }
  const author = readUserName(userName);
  const link = root.querySelector('a[href*="/status/"]');
  const status = link ? parseStatusHref(link.getAttribute('href'), pageUrl) : null;
  const time = root.querySelector('time');
  return {
    id: status?.id ?? null,
    permalink: status?.permalink ?? null,
    authorName: author.name,
    authorHandle: author.handle,
    title: null,
    text: normalizedText(root.querySelector('[data-testid="tweetText"]'), { skip: SHOW_MORE }),
    timestamp: timeOf(time, status?.id ?? null),
    unavailable: false,
  };
}

/**
 * User-Name holds the display name (first block) and "@handle · time" (second block). The handle
 * is the text starting with "@"; the profile link is the fallback (quotes render no links).
 */
function readUserName(userName: Element | null): PersonRef {
  if (!userName) return { name: null, handle: null };
  const name = textOrNull(userName.firstElementChild);
  let handle: string | null = null;
  const handleLink = userName.querySelector('a[tabindex="-1"]');
  const handleText = normalizedText(handleLink);
  if (handleText.startsWith('@')) handle = handleText.slice(1);
  if (!handle) {
    for (const span of Array.from(userName.querySelectorAll('span'))) {
      const text = span.textContent?.trim() ?? '';
      if (text.startsWith('@') && !span.querySelector('span')) {
        handle = text.slice(1);
        break;
      }
    }
  }
  if (!handle) handle = profileHandle(userName.querySelector('a[href]')?.getAttribute('href'));
  return { name, handle };
}

function profileHandle(href: string | null | undefined): string | null {
  const match = href ? /^(?:https?:\/\/[^/]+)?\/([A-Za-z0-9_]{1,50})\/?$/.exec(href) : null;
  return match?.[1] ?? null;
}

/** The permalink: the link around <time> in User-Name; conversation pages put it lower down. */
function findStatusLink(userName: Element | null, article: Element, quoteRoot: Element | null): Element | null {
  const inHeader = userName?.querySelector('a[href*="/status/"]');
  if (inHeader) return inHeader;
  for (const time of Array.from(article.querySelectorAll('a[href*="/status/"] > time'))) {
    if (!quoteRoot || !quoteRoot.contains(time)) return time.parentElement;
  }
  return null;
}

function parseStatusHref(href: string | null, pageUrl: URL): { id: string; permalink: string } | null {
  if (!href) return null;
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
  const datetime = time?.getAttribute('datetime');
  if (datetime) {
    const ms = Date.parse(datetime);
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  }
  return id ? snowflakeTime(id) : null;
}

function snowflakeTime(id: string): string | null {
  if (!/^\d{15,20}$/.test(id)) return null;
  const ms = Number((BigInt(id) >> 22n) + SNOWFLAKE_EPOCH_MS);
  return new Date(ms).toISOString();
}

function readRepost(article: Element, pageUrl: URL): { isRepost: boolean; by: PersonRef | null } {
  const context = article.querySelector('[data-testid="socialContext"]');
  if (!context) return { isRepost: false, by: null };
  // The icon is the first one in the tweet: it sits in the social-context row above the avatar.
  const iconPath = article.querySelector('svg path')?.getAttribute('d') ?? '';
  const label = normalizedText(context);
  const isRepost =
    RETWEET_ICON_PREFIXES.some((prefix) => iconPath.startsWith(prefix)) || REPOSTED_LABELS.some((re) => re.test(label));
  if (!isRepost) return { isRepost: false, by: null };
  const link = context.closest('a[href]');
  const handle = profileHandle(link ? new URL(link.getAttribute('href') ?? '', pageUrl).pathname : null);
  // The name is its own span inside "<name> reposted"; the rest of the label is translated.
  const name =
    textOrNull(context.firstElementChild) ?? (REPOSTED_LABELS.reduce((rest, re) => rest.replace(re, ''), label).trim() || null);
  return { isRepost: true, by: name || handle ? { name, handle } : null };
}

/** The card link's aria-label is "<domain> <headline>"; the headline is the title. */
function cardTitle(card: Element): string | null {
  const labelled = card.querySelector('a[aria-label]');
  const label = labelled?.getAttribute('aria-label')?.trim();
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
  for (const anchor of Array.from(textElement.querySelectorAll('a[href]'))) {
    const url = absoluteHttpUrl(anchor.getAttribute('href'), pageUrl);
    if (url && !HOSTS.has(new URL(url).hostname)) return url;
  }
  return null;
}

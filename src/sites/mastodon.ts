/**
 * Mastodon web UI, on any instance. The legacy status markup has semantic BEM classes that have
 * been stable for years; the coming redesign (`StatusRedesign`, CSS modules) drops them, so every
 * field also has a class-free fallback on what the redesign keeps: `article[data-id]`, the
 * `/@acct` and `/@acct/<id>` links, `data-hover-card-account` and `time[datetime]`.
 * Sources: test/fixtures/SELECTORS.md, section "Mastodon".
 */
import type { FeedItem, PersonRef, QuotedItem, SiteAdapter } from './types';
import { absoluteHttpUrl, normalizedText, textOrNull } from './text';

/**
 * Large public instances recognised by host alone; adding one is one line. Any other instance is
 * recognised by its markup (looksLikeMastodon), which is also how runtime-granted instances work.
 */
export const MASTODON_INSTANCES: readonly string[] = [
  'mastodon.social',
  'mastodon.online',
  'mstdn.social',
  'mas.to',
  'fosstodon.org',
  'hachyderm.io',
  'infosec.exchange',
  'mastodon.nl',
  'social.vivaldi.net',
  'mastodon.world',
  'techhub.social',
  'toot.community',
  'mastodon.art',
  'mstdn.jp',
  'troet.cafe',
  'chaos.social',
  'social.tchncs.de',
  'mastodon.green',
  'ioc.exchange',
  'universeodon.com',
];
const INSTANCE_HOSTS = new Set(MASTODON_INSTANCES);

/**
 * Markers of the Mastodon web app: the React mount point with its props, the JSON state blob the
 * server embeds, and the app's body class next to its column layout. Any one is enough; each is
 * specific to Mastodon (and its forks: Glitch, Hometown), not to React in general.
 */
const MASTODON_MARKERS = [
  '#mastodon[data-props]', // the mount point, all 3.x and 4.x versions
  'script#initial-state[type="application/json"]', // server-embedded state, all versions
  'body.app-body .columns-area', // body class plus the column layout
].join(',');

export function looksLikeMastodon(root: ParentNode): boolean {
  try {
    return root.querySelector(MASTODON_MARKERS) !== null;
  } catch {
    return false;
  }
}

const STATUS = '.status[data-id]';
const PERMALINK_PATH = /^\/@([^/]+)\/(\d+)\/?$/;
const CONTENT_TEXT = '.status__content__text';
/** In-text UI: "Read more" (CSS clamp only), "Translate", and the 4.5 "RE: <link>" fallback line. */
const IN_TEXT_UI = '.status__content__read-more-button, .translate-button, .quote-inline';
const MEDIA = '.media-gallery, .video-player, .audio-player, .media-gallery__item';

export const mastodon: SiteAdapter = {
  site: 'mastodon',
  label: 'Mastodon',
  matches(url, root) {
    if (INSTANCE_HOSTS.has(url.hostname)) return true;
    return root ? looksLikeMastodon(root) : false;
  },
  itemSelectors: [
    // Timeline entries (IntersectionObserverArticle) in every column, legacy UI and redesign.
    'div[role="feed"] > article[data-id]',
    // Feeds rendered without the role (older 3.x scrollable lists, some forks).
    'article[data-id]',
    // Bare statuses (3.x detailed views, embeds) when no article wraps them.
    '.status[data-id]',
  ],
  extract(element, pageUrl) {
    const status = element.matches(STATUS) ? element : element.querySelector(STATUS);
    const entryId = element.getAttribute('data-id');
    if (!status) {
      const time = element.querySelector('time[datetime]');
      if (!time) return placeholder(element, entryId);
    }
    return extractStatus(element, status ?? element, entryId, pageUrl);
  },
};

function extractStatus(entry: Element, status: Element, entryId: string | null, pageUrl: URL): Omit<FeedItem, 'site'> {
  const quoteRoot = status.querySelector('.status__quote');
  const outside = (el: Element | null | undefined): Element | null =>
    el && !(quoteRoot && quoteRoot.contains(el)) ? el : null;

  const timeLink = outside(status.querySelector('a.status__relative-time')) ?? findPermalinkLink(status, quoteRoot);
  const permalink = readPermalink(timeLink, pageUrl);
  const time = timeLink?.querySelector('time') ?? null;
  const id = status.getAttribute('data-id') ?? permalink?.id ?? null;

  const author = readAccount(
    outside(status.querySelector('.status__info a.status__display-name')) ?? findAccountLink(status, quoteRoot),
    pageUrl,
  );

  const warning = outside(status.querySelector('.content-warning'));
  const contentText = outside(status.querySelector(CONTENT_TEXT));
  const card = outside(status.querySelector('.status-card'));
  const cardLink = card?.matches('a[href]') ? card : card?.querySelector('a[href]');

  // A boost's timeline entry carries the boost id, its status the original id: the mismatch says
  // "boost" in every locale; the retweet icon covers entries where the ids are not both present.
  const prepend = entry.querySelector('.status__prepend');
  const isRepost = (!!entryId && !!id && entryId !== id) || !!prepend?.querySelector('.icon-retweet');
  const booster = isRepost && prepend ? readAccount(prepend.querySelector('a[href]'), pageUrl) : null;

  return {
    id,
    permalink: permalink?.url ?? null,
    authorName: author.name,
    authorHandle: author.handle,
    // The content warning (spoiler) is the closest thing Mastodon has to a title.
    title: textOrNull(warning?.querySelector('p') ?? warning, { skip: 'button' }),
    text: normalizedText(contentText, { skip: IN_TEXT_UI }),
    // A collapsed CW does not render the content at all; "Read more" only removes a CSS clamp.
    textTruncated: !!warning && !contentText,
    timestamp: timeOf(time, id),
    timestampText: textOrNull(time),
    linkUrl: absoluteHttpUrl(cardLink?.getAttribute('href'), pageUrl) ?? firstExternalLink(contentText, pageUrl),
    linkTitle: textOrNull(card?.querySelector('.status-card__title')),
    hasMedia: hasOutside(status.querySelectorAll(MEDIA), quoteRoot),
    isRepost,
    repostedBy: booster && (booster.name || booster.handle) && booster.handle !== author.handle ? booster : null,
    repostId: isRepost && entryId !== id ? entryId : null,
    isAd: false,
    quoted: quoteRoot ? readQuote(quoteRoot, pageUrl) : null,
    unavailable: false,
  };
}

/**
 * An off-screen entry that IntersectionObserverArticle has un-rendered: only the display name and
 * the raw content HTML as a string remain, so the item is there but its content is not.
 */
function placeholder(entry: Element, entryId: string | null): Omit<FeedItem, 'site'> | null {
  if (!entryId) return null;
  const wrapper = entry.querySelector('.status__wrapper') ?? entry;
  const nameSpan = wrapper.querySelector('span');
  return {
    id: entryId,
    permalink: null,
    authorName: textOrNull(nameSpan),
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

function readQuote(quoteRoot: Element, pageUrl: URL): QuotedItem {
  const quoted = quoteRoot.querySelector(STATUS);
  if (!quoted || quoteRoot.matches('.status__quote--error') || quoteRoot.querySelector('.status__quote--error')) {
    return { id: null, permalink: null, authorName: null, authorHandle: null, title: null, text: '', timestamp: null, unavailable: true };
  }
  const timeLink = quoted.querySelector('a.status__relative-time') ?? findPermalinkLink(quoted, null);
  const permalink = readPermalink(timeLink, pageUrl);
  const id = quoted.getAttribute('data-id') ?? permalink?.id ?? null;
  const author = readAccount(quoted.querySelector('a.status__display-name') ?? findAccountLink(quoted, null), pageUrl);
  const warning = quoted.querySelector('.content-warning');
  return {
    id,
    permalink: permalink?.url ?? null,
    authorName: author.name,
    authorHandle: author.handle,
    title: textOrNull(warning?.querySelector('p') ?? warning, { skip: 'button' }),
    text: normalizedText(quoted.querySelector(CONTENT_TEXT), { skip: IN_TEXT_UI }),
    timestamp: timeOf(timeLink?.querySelector('time') ?? null, id),
    unavailable: false,
  };
}

function hasOutside(list: NodeListOf<Element>, quoteRoot: Element | null): boolean {
  for (const el of Array.from(list)) if (!quoteRoot || !quoteRoot.contains(el)) return true;
  return false;
}

/** Redesign fallback: the `/@acct/<id>` link that wraps the status time. */
function findPermalinkLink(status: Element, quoteRoot: Element | null): Element | null {
  for (const time of Array.from(status.querySelectorAll('a[href] time[datetime]'))) {
    const link = time.closest('a[href]');
    if (link && (!quoteRoot || !quoteRoot.contains(link))) return link;
  }
  return null;
}

/** Redesign fallback: the author link carries the hover-card account id. */
function findAccountLink(status: Element, quoteRoot: Element | null): Element | null {
  for (const link of Array.from(status.querySelectorAll('a[data-hover-card-account]'))) {
    if (!quoteRoot || !quoteRoot.contains(link)) return link;
  }
  return null;
}

function readPermalink(link: Element | null, pageUrl: URL): { url: string; id: string | null } | null {
  const href = link?.getAttribute('href');
  const absolute = absoluteHttpUrl(href, pageUrl);
  if (!absolute) return null;
  const url = new URL(absolute);
  const match = PERMALINK_PATH.exec(url.pathname);
  return { url: absolute, id: match?.[2] ?? null };
}

/**
 * Name and canonical `user@host` handle from an account link. Local accounts are shown as "@user"
 * only, so they get the page's host.
 */
function readAccount(link: Element | null | undefined, pageUrl: URL): PersonRef {
  if (!link) return { name: null, handle: null };
  const name = textOrNull(link.querySelector('.display-name__html') ?? link.querySelector('bdi') ?? link, {
    skip: '.display-name__account',
  });
  let acct = link.getAttribute('title') ?? normalizedText(link.querySelector('.display-name__account'));
  if (!acct.startsWith('@')) {
    const path = absoluteHttpUrl(link.getAttribute('href'), pageUrl);
    const match = path ? /^\/@([^/]+)\/?$/.exec(new URL(path).pathname) : null;
    acct = match?.[1] ? `@${decodeURIComponent(match[1])}` : '';
  }
  const bare = acct.replace(/^@/, '').trim();
  const handle = bare === '' ? null : bare.includes('@') ? bare : `${bare}@${pageUrl.hostname}`;
  return { name, handle };
}

function timeOf(time: Element | null, id: string | null): string | null {
  const datetime = time?.getAttribute('datetime');
  if (datetime) {
    const ms = Date.parse(datetime);
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  }
  // Mastodon ids are snowflakes too: the upper 48 bits are Unix ms.
  if (id && /^\d{15,20}$/.test(id)) return new Date(Number(BigInt(id) >> 16n)).toISOString();
  return null;
}

/** The first link in the text that leaves the fediverse conversation. */
function firstExternalLink(content: Element | null, pageUrl: URL): string | null {
  if (!content) return null;
  for (const anchor of Array.from(content.querySelectorAll('a[href]'))) {
    // Mentions, hashtags and the 4.5 "RE: <quoted post>" fallback line are not outbound links.
    if (anchor.classList.contains('mention') || anchor.closest('.h-card, .quote-inline')) continue;
    const url = absoluteHttpUrl(anchor.getAttribute('href'), pageUrl);
    if (url) return url;
  }
  return null;
}

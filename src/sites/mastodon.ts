/**
 * Mastodon web UI, on any instance. The legacy status markup has semantic BEM classes that have
 * been stable for years; the coming redesign (`StatusRedesign`, CSS modules) drops them, so every
 * field also has a class-free fallback on what the redesign keeps: `article[data-id]`, the
 * `/@acct` and `/@acct/<id>` links, `data-hover-card-account` and `time[datetime]`.
 * Sources: test/fixtures/SELECTORS.md, section "Mastodon".
 */
import type { FeedItem, PersonRef, QuotedItem, SiteAdapter } from './types';
import { blankItem } from './blank';
import { withSelfThread } from './selfThread';
import { absoluteHttpUrl, anchorsIn, attr, classNameOf, enclosingLink, findElement, forEachElement, normalizedText, textOrNull } from './text';

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
const INSTANCE_HOSTS = /* @__PURE__ */ new Set(MASTODON_INSTANCES);

/**
 * Markers of the Mastodon web app: the React mount point with its props, the JSON state blob the
 * server embeds, and the app's body class next to its column layout. Any one is enough; each is
 * specific to Mastodon (and its forks: Glitch, Hometown), not to React in general.
 */
const MASTODON_MARKERS =
  '#mastodon[data-props],' + // the mount point, all 3.x and 4.x versions
  'script#initial-state[type="application/json"],' + // server-embedded state, all versions
  'body.app-body .columns-area'; // body class plus the column layout

export function looksLikeMastodon(root: ParentNode): boolean {
  try {
    return root.querySelector(MASTODON_MARKERS) !== null;
  } catch {
    return false;
  }
}

const PERMALINK_PATH = /^\/@([^/]+)\/(\d+)\/?$/;
const ACCOUNT_PATH = /^\/@([^/]+)\/?$/;
const MEDIA_CLASS = /(?:^|\s)(?:media-gallery|video-player|audio-player)(?:\s|$)/;
const STATUS_CLASS = /(?:^|\s)status(?:\s|$)/;
/** peek()'s hooks: a status with its id, and the quote a quoted status sits in. */
const STATUS = '[class~=status][data-id]';
const QUOTE = '[class*=status__quote]';
/** In-text UI: "Read more" (CSS clamp only), "Translate", and the 4.5 "RE: <link>" fallback line. */
const IN_TEXT_UI_CLASS = /(?:^|\s)(?:status__content__read-more-button|translate-button|quote-inline)(?:\s|$)/;
const skipInTextUi = (el: Element): boolean => IN_TEXT_UI_CLASS.test(classNameOf(el));

/** What the content script loads on every page: the adapter without its self-thread reader. */
export const mastodonFeed: SiteAdapter = {
  site: 'mastodon',
  label: 'Mastodon',
  // The content script runs only where the manifest (or a runtime grant) puts it, on any
  // instance, and there the markup alone says whether the page is the Mastodon web app; the host
  // list is for telling a URL's site without its page (the full adapter below).
  matches(_url, root) {
    return root ? looksLikeMastodon(root) : false;
  },
  itemSelectors: [
    // Timeline entries (IntersectionObserverArticle) in every column, legacy UI and redesign.
    'div[role="feed"] > article[data-id]',
    // Feeds rendered without the role (older 3.x scrollable lists, some forks).
    'article[data-id]',
    // Conversation pages: ancestors and replies are bare statuses, the focused post is a
    // detailed status (all 3.x and 4.x versions); also embeds.
    '.status[data-id], .detailed-status',
  ],
  extract(element, pageUrl) {
    const hooks = collectHooks(element);
    const entryId = attr(element, 'data-id');
    if (!hooks.status && hooks.times.length === 0 && hooks.timeLinks.length === 0) return placeholder(element, entryId);
    return extractStatus(element, hooks, entryId, pageUrl);
  },
  peek(element, pageUrl) {
    // Usually the entry's first status is its own (a quoted status comes after the quoting one):
    // then its id is the one extract() reads. Other entries (placeholders, the redesign, a
    // conversation's focused post, whose first status is its quote's) are read by extract() itself.
    const status = element.matches(STATUS) ? element : element.querySelector(STATUS);
    if (!status || status.parentElement?.closest(QUOTE)) return mastodonFeed.extract(element, pageUrl);
    return { id: attr(status, 'data-id'), isAd: false, unavailable: false };
  },
  // Conversation pages are /@acct/<id> (and /@acct@host/<id> for remote posts).
  threadPath: PERMALINK_PATH,
};

/** The full adapter, with the self-thread reader for conversation pages (issue 3). */
export const mastodon: SiteAdapter = /* @__PURE__ */ withSelfThread(/* @__PURE__ */ withInstanceHosts(mastodonFeed));

/** The adapter that also knows the large public instances by host, without their pages. */
function withInstanceHosts(adapter: SiteAdapter): SiteAdapter {
  return { ...adapter, matches: (url, root) => INSTANCE_HOSTS.has(url.hostname) || adapter.matches(url, root) };
}

/**
 * Everything extract() reads, gathered in one walk with class checks. Class selectors in
 * querySelector are answered from the whole document under jsdom/nwsapi, so on a long timeline
 * each such query costs as much as the timeline; a walk of the entry does not.
 */
interface Hooks {
  status: Element | null;
  prepend: Element | null;
  retweetIcon: boolean;
  /** `a.status__display-name` (legacy) or `a[data-hover-card-account]` (redesign) account links. */
  accounts: Element[];
  timeLinks: Element[];
  times: Element[];
  texts: Element[];
  warnings: Element[];
  cards: Element[];
  hasMedia: boolean;
  quoteRoot: Element | null;
}

function collectHooks(entry: Element, collectQuote = false): Hooks {
  const hooks: Hooks = {
    status: null,
    prepend: null,
    retweetIcon: false,
    accounts: [],
    timeLinks: [],
    times: [],
    texts: [],
    warnings: [],
    cards: [],
    hasMedia: false,
    quoteRoot: null,
  };
  const visit = (el: Element): boolean => {
    const tag = el.localName;
    if (tag === 'svg') {
      if (classNameOf(el).includes('icon-retweet')) hooks.retweetIcon = true;
      return false;
    }
    if (tag === 'img' || tag === 'button' || tag === 'canvas') return false;
    if (tag === 'time') {
      hooks.times.push(el);
      return false;
    }
    const cls = classNameOf(el);
    if (tag === 'a') {
      if (cls.includes('status-card')) {
        hooks.cards.push(el);
        return false;
      }
      // The focused post on a conversation page shows a full date (no <time>) in its permalink.
      if (cls.includes('status__relative-time') || cls.includes('detailed-status__datetime')) {
        hooks.timeLinks.push(el);
        return true; // holds the <time>
      }
      if (cls.includes('status__display-name') || el.hasAttributeNS(null, 'data-hover-card-account')) {
        hooks.accounts.push(el);
        return false;
      }
      return true;
    }
    if (cls === '') return true;
    if (cls.includes('status__content__text')) {
      hooks.texts.push(el);
      return false;
    }
    if (cls.includes('status__quote')) {
      if (collectQuote) return true;
      hooks.quoteRoot ??= el;
      return false;
    }
    // 4.3+ CW banner (content not rendered until expanded); before 4.3, `p-summary` inside the
    // content, with the text already in the DOM but hidden by CSS.
    if (cls.includes('content-warning') || cls.includes('p-summary')) {
      hooks.warnings.push(el);
      return false;
    }
    if (cls.includes('status-card')) {
      hooks.cards.push(el); // pre-4.0 cards: a div around the link
      return false;
    }
    if (MEDIA_CLASS.test(cls)) {
      hooks.hasMedia = true;
      return false;
    }
    if (cls.includes('status__prepend')) {
      hooks.prepend ??= el;
      return true;
    }
    if (cls.includes('status__action-bar')) return false;
    if (!hooks.status && STATUS_CLASS.test(cls) && el.hasAttributeNS(null, 'data-id')) hooks.status = el;
    return true;
  };
  if (visit(entry)) forEachElement(entry, visit);
  return hooks;
}

function extractStatus(entry: Element, hooks: Hooks, entryId: string | null, pageUrl: URL): Omit<FeedItem, 'site'> {
  const prepend = hooks.prepend;
  const inPrepend = (el: Element): boolean => !!prepend && prepend.contains(el);
  const { post, timeLink, time } = readStatus(hooks.status ?? entry, hooks, hooks.accounts.find((link) => !inPrepend(link)), pageUrl);
  const id = post.id;
  const warning = hooks.warnings[0];
  const contentText = hooks.texts[0] ?? null;
  const card = hooks.cards[0] ?? null;
  const cardLink = card ? (card.localName === 'a' ? card : findElement(card, (el) => el.localName === 'a')) : null;

  // A boost's timeline entry carries the boost id, its status the original id: the mismatch says
  // "boost" in every locale; the retweet icon covers entries where the ids are not both present.
  const isRepost = (!!entryId && !!id && entryId !== id) || (!!prepend && hooks.retweetIcon);
  const booster = isRepost ? readAccount(hooks.accounts.find(inPrepend), pageUrl) : null;

  return {
    ...post,
    // A collapsed CW does not render the content at all; "Read more" only removes a CSS clamp.
    textTruncated: !!warning && !contentText,
    timestampText: textOrNull(time ?? (hooks.times.length === 0 ? timeLink : null)),
    linkUrl: absoluteHttpUrl(attr(cardLink, 'href'), pageUrl) ?? firstExternalLink(contentText, pageUrl),
    linkTitle: card ? cardTitle(card) : null,
    hasMedia: hooks.hasMedia,
    isRepost,
    repostedBy: booster && (booster.name || booster.handle) && booster.handle !== post.authorHandle ? booster : null,
    repostId: isRepost && entryId !== id ? entryId : null,
    isAd: false,
    quoted: hooks.quoteRoot ? readQuote(hooks.quoteRoot, pageUrl) : null,
    unavailable: false,
  };
}

/**
 * What a status and a quoted status both say: who wrote it (`authorLink`), where and when it is,
 * its words; with the permalink and <time> it was read from.
 */
function readStatus(status: Element, hooks: Hooks, authorLink: Element | undefined, pageUrl: URL) {
  const timeLink = hooks.timeLinks[0] ?? findPermalinkLink(hooks);
  const permalink = readPermalink(timeLink, pageUrl);
  const time = timeLink ? (hooks.times.find((t) => timeLink.contains(t)) ?? null) : null;
  const id = attr(status, 'data-id') ?? permalink?.id ?? null;
  const author = readAccount(authorLink, pageUrl);
  const post = {
    id,
    permalink: permalink?.url ?? null,
    authorName: author.name,
    authorHandle: author.handle,
    // The content warning (spoiler) is the closest thing Mastodon has to a title.
    title: warningText(hooks.warnings[0] ?? null),
    text: normalizedText(hooks.texts[0], { skipElement: skipInTextUi }),
    timestamp: timeOf(time, id),
  };
  return { post, timeLink, time };
}

/**
 * An off-screen entry that IntersectionObserverArticle has un-rendered: only the display name and
 * the raw content HTML as a string remain, so the item is there but its content is not.
 */
function placeholder(entry: Element, entryId: string | null): Omit<FeedItem, 'site'> | null {
  if (!entryId) return null;
  const nameSpan = findElement(entry, (el) => el.localName === 'span');
  return blankItem({ id: entryId, authorName: textOrNull(nameSpan), unavailable: true });
}

function readQuote(quoteRoot: Element, pageUrl: URL): QuotedItem {
  const hooks = collectHooks(quoteRoot, true);
  const quoted = hooks.status;
  if (!quoted || classNameOf(quoteRoot).includes('status__quote--error')) {
    return { id: null, permalink: null, authorName: null, authorHandle: null, title: null, text: '', timestamp: null, unavailable: true };
  }
  return { ...readStatus(quoted, hooks, hooks.accounts[0], pageUrl).post, unavailable: false };
}

/** The CW text is the banner's paragraph; its "Show more" button is not part of it. */
function warningText(warning: Element | null): string | null {
  if (!warning) return null;
  return textOrNull(warning, { skipElement: (el) => el.localName === 'button' });
}

function cardTitle(card: Element): string | null {
  let title: Element | null = null;
  forEachElement(card, (el) => {
    if (title) return false;
    if (classNameOf(el).includes('status-card__title')) title = el;
    return !title;
  });
  return textOrNull(title);
}

/** Redesign fallback: the `/@acct/<id>` link that wraps the status time. */
function findPermalinkLink(hooks: Hooks): Element | null {
  for (const time of hooks.times) {
    const link = enclosingLink(time.parentElement);
    if (link && PERMALINK_PATH.test(attr(link, 'href') ?? '')) return link;
  }
  return null;
}

function readPermalink(link: Element | null, pageUrl: URL): { url: string; id: string | null } | null {
  const absolute = absoluteHttpUrl(attr(link, 'href'), pageUrl);
  if (!absolute) return null;
  const match = PERMALINK_PATH.exec(new URL(absolute).pathname);
  return { url: absolute, id: match?.[2] ?? null };
}

/**
 * Name and canonical `user@host` handle from an account link. Local accounts are shown as "@user"
 * only, so they get the page's host.
 */
function readAccount(link: Element | null | undefined, pageUrl: URL): PersonRef {
  if (!link) return { name: null, handle: null };
  let nameElement: Element | null = null;
  let accountElement: Element | null = null;
  forEachElement(link, (el) => {
    const cls = classNameOf(el);
    if (cls.includes('display-name__html')) nameElement ??= el;
    else if (cls.includes('display-name__account')) accountElement ??= el;
    else if (el.localName === 'bdi' && !nameElement) nameElement = el;
    else return true;
    return false;
  });
  const name = textOrNull(nameElement) ?? textOrNull(link, { skipElement: (el) => el === accountElement });
  let acct = attr(link, 'title') ?? normalizedText(accountElement);
  if (!acct.startsWith('@')) {
    const match = ACCOUNT_PATH.exec(attr(link, 'href') ?? '');
    acct = match?.[1] ? `@${decodeURIComponent(match[1])}` : '';
  }
  const bare = acct.replace(/^@/, '').trim();
  const handle = bare === '' ? null : bare.includes('@') ? bare : `${bare}@${pageUrl.hostname}`;
  return { name, handle };
}

function timeOf(time: Element | null, id: string | null): string | null {
  const datetime = attr(time, 'datetime');
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
  for (const anchor of anchorsIn(content)) {
    // Mentions, hashtags and the 4.5 "RE: <quoted post>" fallback line are not outbound links.
    if (classNameOf(anchor).includes('mention') || insideInTextUi(anchor, content)) continue;
    const url = absoluteHttpUrl(attr(anchor, 'href'), pageUrl);
    if (url) return url;
  }
  return null;
}

function insideInTextUi(el: Element, content: Element): boolean {
  for (let node = el.parentElement; node && node !== content; node = node.parentElement) {
    const cls = classNameOf(node);
    if (cls.includes('h-card') || cls.includes('quote-inline')) return true;
  }
  return false;
}

/**
 * LinkedIn home feed. Two DOM generations are served side by side (2025-26): the classic Ember
 * markup (`data-urn`, `update-components-*` classes) and the server-driven UI ("SDUI": hashed
 * classes, `componentkey` / `data-view-name` / `data-testid` hooks). Each field below has one
 * path per generation; `extract` picks the generation from the element it is given.
 */
import { absoluteHttpUrl, attr, classNameOf, findElement, forEachElement, hasClass, normalizedText, skipMatching, textOrNull } from './text';
import type { FeedItem, PersonRef, QuotedItem, SiteAdapter } from './types';

type Extracted = Omit<FeedItem, 'site'>;

const CLASSIC_ITEM = 'div.feed-shared-update-v2[data-urn], div[data-id^="urn:li:activity:"]';
const SDUI_ITEM = 'div[role="listitem"][componentkey*="FeedType_"]';

const ITEM_SELECTORS = [
  // Classic Ember feed (data-urn on the update card; data-id on some A/B variants).
  CLASSIC_ITEM,
  // SDUI (late 2025 onwards): each post is a list item whose componentkey ends in the feed type.
  SDUI_ITEM,
  // SDUI without the feed-type key: the lazy-mount chain of the main feed list (LinkOff 2026-06).
  '[componentkey="container-update-list_mainFeed-lazy-container"] > div[data-lazy-mount-id] > div[data-display-contents="true"] > div',
] as const;

/** "Promoted" in the UI languages we expect; LinkedIn shows it where the age would be. */
const PROMOTED_LABELS = /^(promoted|gepromoot|gesponsord|sponsored|anzeige|gesponsert|sponsorisé|promu|promocionado|patrocinado|promovido|sponsorizzato)\b/i;
/** The header line that marks a plain repost ("Tomás Ruiz reposted this"); text is all there is. */
const REPOSTED_HEADER = /\b(reposted|reposts|heeft dit gerepost|heeft dit opnieuw geplaatst|gerepost|hat das reposted|geteilt|a republié|republicó|repubblicato)\b/i;

// Activity, share and ugcPost ids are all time-ordered: the first 41 bits are Unix milliseconds
// (codingmatheus/linkedin-timestamp-extractor).
function timestampFromUrn(urn: string | null): string | null {
  const digits = urn?.match(/^urn:li:(?:activity|share|ugcPost):(\d{15,20})$/)?.[1];
  if (!digits) return null;
  const ms = Number(BigInt(digits) >> 22n);
  // Guard against ids that are not time-ordered (would decode to before LinkedIn existed).
  return ms > Date.UTC(2003, 0, 1) ? new Date(ms).toISOString() : null;
}

/** `/in/<slug>` → slug, `/company/<slug>` → company/slug (also showcase pages), else null. */
function handleFromProfileHref(href: string | null | undefined): string | null {
  if (!href) return null;
  let path: string;
  try {
    path = new URL(href, 'https://www.linkedin.com/').pathname;
  } catch {
    return null;
  }
  const match = path.match(/^\/(in|company|showcase|school)\/([^/]+)/);
  if (!match?.[2]) return null;
  const slug = decodeURIComponent(match[2]);
  return match[1] === 'in' ? slug : `${match[1]}/${slug}`;
}

function isLinkedInHost(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === 'linkedin.com' || host.endsWith('.linkedin.com') || host.endsWith('.licdn.com');
  } catch {
    return true;
  }
}

/** "5h • " → "5h"; "Promoted" → isAd. The label is the first "•"-separated part. */
function readAgeLabel(label: string): { timestampText: string | null; isAd: boolean } {
  const first = label.split('•').map((part) => part.trim()).find((part) => part !== '') ?? '';
  if (first === '') return { timestampText: null, isAd: false };
  if (PROMOTED_LABELS.test(first)) return { timestampText: null, isAd: true };
  return { timestampText: first, isAd: false };
}

/** First outbound link in a text container (hashtags and mentions stay on linkedin.com). */
function firstExternalLink(container: Element | null, pageUrl: URL): string | null {
  if (!container) return null;
  let found: string | null = null;
  forEachElement(container, (element) => {
    if (found !== null) return false;
    if (element.localName !== 'a') return undefined;
    const url = absoluteHttpUrl(attr(element, 'href'), pageUrl);
    if (url && !isLinkedInHost(url)) found = url;
    return false;
  });
  return found;
}

function reposterFrom(header: Element | null): PersonRef | null {
  if (!header || !REPOSTED_HEADER.test(normalizedText(header))) return null;
  // Profile and company links, by a walk (a selector query per header is a pass through nwsapi).
  const links: Element[] = [];
  forEachElement(header, (el) => {
    if (el.localName !== 'a') return true;
    const href = attr(el, 'href') ?? '';
    if (href.includes('/in/') || href.includes('/company/')) links.push(el);
    return true;
  });
  const link = links[0] ?? null;
  // Classic headers also hold an avatar link with no text; the name link is the one with text.
  const named = links.find((a) => (a.textContent ?? '').trim() !== '') ?? link;
  return { name: textOrNull(named), handle: handleFromProfileHref(attr(named, 'href')) };
}

// ---------------------------------------------------------------------------------------------
// Classic Ember markup
// ---------------------------------------------------------------------------------------------

/**
 * The hooks of one classic card, read in a single walk: under jsdom every querySelector is a
 * full pass over the card, and a card has 60-100 elements. The embedded original of a reshare
 * (mini update) is not entered; it gets its own walk.
 */
interface ClassicParts {
  actor: Element | null;
  actorTitle: Element | null;
  metaLink: Element | null;
  imageLink: Element | null;
  subDescription: Element | null;
  text: Element | null;
  showMoreText: Element | null;
  sharedText: Element | null;
  headerTextView: Element | null;
  header: Element | null;
  articleMeta: Element | null;
  articleImageLink: Element | null;
  articleTitleLink: Element | null;
  articleTitle: Element | null;
  hasMedia: boolean;
  unavailable: boolean;
  quote: Element | null;
}

const MEDIA_CLASSES = [
  'update-components-image',
  'update-components-linkedin-video',
  'update-components-video',
  'update-components-document__container',
  'update-components-mini-update-v2__image',
];
const UNAVAILABLE_CLASSES = ['update-components-mini-update-v2--unavailable', 'feed-shared-update-v2__unavailable', 'update-components-unavailable-content'];
// A reshare with the resharer's own words embeds the original as a mini update.
const QUOTE_CLASSES = ['update-components-mini-update-v2', 'feed-shared-mini-update-v2'];

function classicParts(root: Element, enterQuotes: boolean): ClassicParts {
  const parts: ClassicParts = {
    actor: null, actorTitle: null, metaLink: null, imageLink: null, subDescription: null,
    text: null, showMoreText: null, sharedText: null, headerTextView: null, header: null,
    articleMeta: null, articleImageLink: null, articleTitleLink: null, articleTitle: null,
    hasMedia: false, unavailable: false, quote: null,
  };
  forEachElement(root, (element) => {
    const tag = element.localName;
    // Icons, images and buttons hold no hook (media are recognised by their containers' classes).
    if (tag === 'svg' || tag === 'img' || tag === 'button') return false;
    const className = classNameOf(element);
    if (!className.includes('update-components') && !className.includes('feed-shared-')) {
      if (tag === 'video') parts.hasMedia = true;
      // The counts row and the control menu hold nothing read; every element skipped is about a
      // microsecond saved per fresh card under jsdom.
      return !className.includes('social-details-social-counts') && !className.includes('feed-shared-control-menu');
    }
    const tokens = new Set(className.split(/\s+/));
    const has = (name: string) => tokens.has(name);
    if (!enterQuotes && QUOTE_CLASSES.some(has)) {
      parts.quote ??= element;
      return false;
    }
    if (has('feed-shared-control-menu') || has('feed-shared-social-action-bar')) return false;
    const isLink = element.localName === 'a';
    if (has('update-components-actor')) parts.actor ??= element;
    else if (has('update-components-actor__title') || has('update-components-actor__name')) parts.actorTitle ??= element;
    else if (isLink && has('update-components-actor__meta-link')) parts.metaLink ??= element;
    else if (isLink && has('update-components-actor__image')) parts.imageLink ??= element;
    else if (has('update-components-actor__sub-description')) parts.subDescription ??= element;
    else if (has('update-components-text')) parts.text ??= element;
    else if (has('feed-shared-inline-show-more-text')) parts.showMoreText ??= element;
    else if (has('feed-shared-text')) parts.sharedText ??= element;
    else if (has('update-components-header__text-view')) parts.headerTextView ??= element;
    else if (has('update-components-header')) parts.header ??= element;
    else if (isLink && has('update-components-article__meta')) parts.articleMeta ??= element;
    else if (isLink && has('update-components-article__image-link')) parts.articleImageLink ??= element;
    else if (isLink && has('update-components-article__title-link')) parts.articleTitleLink ??= element;
    else if (has('update-components-article__title')) parts.articleTitle ??= element;
    if (MEDIA_CLASSES.some(has)) parts.hasMedia = true;
    if (UNAVAILABLE_CLASSES.some(has)) parts.unavailable = true;
    // The post text's spans and links hold no other hook; it is read on its own later.
    return parts.text !== element;
  });
  return parts;
}

/** Names and ages are rendered twice (aria-hidden + visually-hidden): read the aria-hidden copy. */
function ariaHiddenCopy(container: Element | null): Element | null {
  if (!container) return null;
  return findElement(container, (el) => el.localName === 'span' && attr(el, 'aria-hidden') === 'true') ?? container;
}

function classicActorLink(parts: ClassicParts): Element | null {
  return parts.metaLink ?? parts.imageLink ?? (parts.actor ? findElement(parts.actor, (el) => el.localName === 'a' && el.hasAttributeNS(null, 'href')) : null);
}

/** In-text UI: the "…more" toggles of both generations. */
const TEXT_CONTROLS = '[data-testid="expandable-text-button"], .feed-shared-inline-show-more-text__see-more-less-toggle';

/**
 * Post text without the "…more" toggle. The toggle is usually outside the text container, so look
 * for it with a cheap walk first and only pay for the skip query when it is inside.
 */
function postText(container: Element | null): string {
  if (!container) return '';
  const hasControl = findElement(
    container,
    (el) => attr(el, 'data-testid') === 'expandable-text-button' || classNameOf(el).includes('see-more-less-toggle'),
  );
  return normalizedText(container, hasControl ? { skipElement: skipMatching(container, TEXT_CONTROLS) } : {});
}

function activityUrnFromHref(href: string | null | undefined): string | null {
  return href?.match(/urn:li:(?:activity|share|ugcPost):\d+/)?.[0] ?? null;
}

function classicQuote(quote: Element, pageUrl: URL): QuotedItem {
  const parts = classicParts(quote, true);
  const link = findElement(quote, (el) => el.localName === 'a' && (attr(el, 'href') ?? '').includes('/feed/update/urn:li:'));
  const urn = attr(quote, 'data-urn') ?? activityUrnFromHref(attr(link, 'href'));
  const id = urn && urn.startsWith('urn:li:') ? urn : null;
  const authorName = textOrNull(ariaHiddenCopy(parts.actorTitle));
  const text = postText(parts.text ?? parts.showMoreText ?? parts.sharedText);
  const unavailable = parts.unavailable || UNAVAILABLE_CLASSES.some((name) => hasClass(quote, name));
  return {
    id,
    permalink: id ? `https://www.linkedin.com/feed/update/${id}/` : absoluteHttpUrl(attr(link, 'href'), pageUrl),
    authorName,
    authorHandle: handleFromProfileHref(attr(classicActorLink(parts), 'href')),
    title: null,
    text,
    timestamp: timestampFromUrn(id),
    unavailable: unavailable || (!authorName && text === ''),
  };
}

function extractClassic(card: Element, pageUrl: URL): Extracted | null {
  const urnAttribute = attr(card, 'data-urn') ?? attr(card, 'data-id');
  const id = urnAttribute && /^urn:li:[a-zA-Z]+:\d+$/.test(urnAttribute) ? urnAttribute : null;
  const parts = classicParts(card, false);
  const authorName = textOrNull(ariaHiddenCopy(parts.actorTitle));
  const textElement = parts.text ?? parts.showMoreText ?? parts.sharedText;
  const text = postText(textElement);
  // Occluded or still-loading cards have neither an author nor text: not a readable item yet.
  if (!authorName && text === '' && !id) return null;

  const age = readAgeLabel(normalizedText(ariaHiddenCopy(parts.subDescription)));
  const articleLink = parts.articleMeta ?? parts.articleImageLink ?? parts.articleTitleLink;
  const linkUrl = absoluteHttpUrl(attr(articleLink, 'href'), pageUrl) ?? firstExternalLink(textElement, pageUrl);
  const repostedBy = reposterFrom(parts.headerTextView ?? parts.header);
  return {
    id,
    permalink: id ? `https://www.linkedin.com/feed/update/${id}/` : null,
    authorName,
    authorHandle: handleFromProfileHref(attr(classicActorLink(parts), 'href')),
    title: null,
    text,
    // "…more" only removes a CSS line clamp: the whole text is already in the DOM.
    textTruncated: false,
    timestamp: timestampFromUrn(id),
    timestampText: age.timestampText,
    linkUrl,
    linkTitle: articleLink ? textOrNull(parts.articleTitle) : null,
    hasMedia: parts.hasMedia,
    isRepost: repostedBy !== null,
    repostedBy,
    repostId: null,
    isAd: age.isAd,
    quoted: parts.quote ? classicQuote(parts.quote, pageUrl) : null,
    unavailable: parts.unavailable && !parts.quote,
  };
}

// ---------------------------------------------------------------------------------------------
// SDUI markup (hashed classes; only data-view-name, data-testid and componentkey are stable)
// ---------------------------------------------------------------------------------------------

const SDUI_MEDIA_VIEWS = new Set(['feed-update-image', 'feed-update-video', 'feed-document-container']);
// A reshare with the resharer's words nests the original in one of these.
const SDUI_QUOTE_VIEWS = new Set(['feed-reshare-content', 'feed-update-reshare', 'feed-mini-update']);
const PROFILE_PATH = /\/(in|company|showcase)\//;

/**
 * The hooks of one SDUI card, read in a single walk. Only `data-view-name`, `data-testid`,
 * `componentkey` and URL shapes are stable here (classes are hashed).
 */
interface SduiParts {
  keyHolder: Element | null;
  actorImage: Element | null;
  header: Element | null;
  article: Element | null;
  commentary: Element | null;
  textBox: Element | null;
  profileLinks: Element[];
  hasMedia: boolean;
  quote: Element | null;
}

function sduiParts(root: Element, enterQuotes: boolean): SduiParts {
  const parts: SduiParts = {
    keyHolder: (attr(root, 'componentkey') ?? '').includes('FeedType_') ? root : null,
    actorImage: null, header: null, article: null, commentary: null, textBox: null, profileLinks: [], hasMedia: false, quote: null,
  };
  forEachElement(root, (element) => {
    const view = attr(element, 'data-view-name');
    if (view !== null) {
      if (!enterQuotes && SDUI_QUOTE_VIEWS.has(view)) {
        parts.quote ??= element;
        return false;
      }
      if (view === 'feed-actor-image') parts.actorImage ??= element;
      else if (view === 'feed-header-text') parts.header ??= element;
      else if (view === 'feed-update-article') parts.article ??= element;
      else if (view === 'feed-commentary') parts.commentary ??= element;
      else if (SDUI_MEDIA_VIEWS.has(view)) parts.hasMedia = true;
    }
    const tag = element.localName;
    if (tag === 'a') {
      if (PROFILE_PATH.test(attr(element, 'href') ?? '')) parts.profileLinks.push(element);
    } else if (tag === 'video') {
      parts.hasMedia = true;
    } else if (tag === 'span' || tag === 'div' || tag === 'p') {
      if (!parts.textBox && attr(element, 'data-testid') === 'expandable-text-box') parts.textBox = element;
      if (!parts.keyHolder && (attr(element, 'componentkey') ?? '').includes('FeedType_')) parts.keyHolder = element;
    }
    return undefined;
  });
  return parts;
}

/** "expanded<key>FeedType_MAIN_FEED_RELEVANCE" (or "update-card-focus<key>…") → key. */
function sduiPostKey(parts: SduiParts): string | null {
  const componentKey = attr(parts.keyHolder, 'componentkey');
  if (!componentKey) return null;
  const key = componentKey.replace(/FeedType_.*$/, '').replace(/^(expanded|update-card-focus)/, '');
  return key === '' ? componentKey : key;
}

const hasParagraph = (element: Element) => !!findElement(element, (el) => el.localName === 'p');

/** The actor block: the profile link after the actor image, whose <p> children are name, degree, headline, age. */
function sduiActor(parts: SduiParts): { link: Element | null; lines: string[] } {
  const candidates = parts.profileLinks.filter((a) => !parts.header?.contains(a));
  let link: Element | null = null;
  if (parts.actorImage) {
    const imageLink = parts.actorImage.closest('a') ?? parts.actorImage;
    // The name link is the next profile link after the image in document order.
    link = candidates.find((a) => a !== imageLink && !imageLink.contains(a) && (imageLink.compareDocumentPosition(a) & 4) !== 0 && hasParagraph(a)) ?? null;
  }
  link ??= candidates.find(hasParagraph) ?? null;
  const lines: string[] = [];
  if (link) {
    forEachElement(link, (el) => {
      if (el.localName !== 'p') return undefined;
      const line = normalizedText(el);
      if (line !== '') lines.push(line);
      return false;
    });
  } else {
    // Before the labels moved from <span> to <p> (no-noise-linkedin PR #10, 2026-03): the first
    // profile link with text, its leaf spans as the lines.
    link = candidates.find((a) => a !== parts.actorImage && !parts.actorImage?.contains(a) && (a.textContent ?? '').trim() !== '') ?? null;
    if (link) {
      forEachElement(link, (el) => {
        if (el.firstElementChild || attr(el, 'aria-hidden') === 'true' && el.localName === 'svg') return undefined;
        const line = normalizedText(el);
        if (line !== '') lines.push(line);
        return undefined;
      });
      if (lines.length === 0) lines.push(normalizedText(link));
    }
  }
  // The age (or "Promoted") can also sit just after the link rather than inside it.
  if (link && !lines.slice(1).some((line) => PROMOTED_LABELS.test(line) || /•\s*$/.test(line))) {
    for (let next = link.nextElementSibling, i = 0; next && i < 3; next = next.nextElementSibling, i++) {
      const line = normalizedText(next);
      if (PROMOTED_LABELS.test(line) || /^\S{1,8}\s*•/.test(line)) {
        lines.push(line);
        break;
      }
    }
  }
  return { link, lines };
}

function sduiAge(lines: string[]): { timestampText: string | null; isAd: boolean } {
  // The age line is the last line of the actor block ("3h •", "Promoted"); the degree line starts with "•".
  for (let i = lines.length - 1; i >= 1; i--) {
    const line = lines[i] ?? '';
    if (PROMOTED_LABELS.test(line)) return { timestampText: null, isAd: true };
    if (/•\s*$/.test(line) || /^\d+\s*\S{1,4}$/.test(line)) return readAgeLabel(line);
  }
  return { timestampText: null, isAd: false };
}

function sduiQuote(quote: Element): QuotedItem {
  const parts = sduiParts(quote, true);
  const actor = sduiActor(parts);
  const authorName = actor.lines[0] ?? null;
  const text = postText(parts.textBox ?? parts.commentary);
  return {
    id: sduiPostKey(parts),
    permalink: null,
    authorName,
    authorHandle: handleFromProfileHref(attr(actor.link, 'href')),
    title: null,
    text,
    timestamp: null,
    unavailable: !authorName && text === '',
  };
}

function extractSdui(element: Element, pageUrl: URL): Extracted | null {
  const parts = sduiParts(element, false);
  const actor = sduiActor(parts);
  const textElement = parts.textBox ?? parts.commentary;
  const text = postText(textElement);
  const authorName = actor.lines[0] ?? null;
  // The empty lazy-mount shell and skeleton cards have no author and no text.
  if (!authorName && text === '') return null;

  const age = sduiAge(actor.lines);
  const article = parts.article;
  const articleLink = article ? findElement(article, (el) => el.localName === 'a' && el.hasAttributeNS(null, 'href')) : null;
  const linkUrl = absoluteHttpUrl(attr(articleLink, 'href'), pageUrl) ?? firstExternalLink(textElement, pageUrl);
  const linkTitle = article
    ? textOrNull(findElement(article, (el) => el.localName === 'h2' || el.localName === 'h3' || el.localName === 'p')) ?? (attr(articleLink, 'aria-label')?.trim() || null)
    : null;
  const repostedBy = reposterFrom(parts.header);
  return {
    id: sduiPostKey(parts),
    // SDUI has no activity id or permalink in the HTML ("Copy link to post" uses the clipboard).
    permalink: null,
    authorName,
    authorHandle: handleFromProfileHref(attr(actor.link, 'href')),
    title: null,
    text,
    textTruncated: false,
    timestamp: null,
    timestampText: age.timestampText,
    linkUrl,
    linkTitle,
    hasMedia: parts.hasMedia,
    isRepost: repostedBy !== null,
    repostedBy,
    repostId: null,
    isAd: age.isAd,
    quoted: parts.quote ? sduiQuote(parts.quote) : null,
    unavailable: false,
  };
}

export const linkedin: SiteAdapter = {
  site: 'linkedin',
  label: 'LinkedIn',
  matches(url) {
    if (url.hostname !== 'www.linkedin.com' && url.hostname !== 'linkedin.com') return false;
    // /feed/ (also /feed/foryou/ since 2026-09, NFE #596); not /feed/update/<urn> detail pages.
    return /^\/feed\/?(foryou\/?)?$/.test(url.pathname) || url.pathname.startsWith('/preload/feed');
  },
  itemSelectors: ITEM_SELECTORS,
  extract(element, pageUrl) {
    // Which generation: classic cards carry the activity urn; SDUI cards never do.
    if (element.hasAttributeNS(null, 'data-urn') || (attr(element, 'data-id') ?? '').startsWith('urn:li:')) return extractClassic(element, pageUrl);
    return extractSdui(element, pageUrl);
  },
};

/**
 * Facebook News Feed (www., web. and m.facebook.com). Class names are atomic and rotate, so this
 * reads only roles, `aria-posinset`, the `data-ad-*` rendering roles, `data-visualcompletion` and
 * URL shapes (permalinks, l.php shims, /ads/about/). The visible "Sponsored" label is obfuscated
 * (letters reordered with CSS, decoys), so ads are recognised by their links, never by the word.
 */
import { absoluteHttpUrl, attr, findElement, forEachElement, normalizedText, skipMatching, textOrNull } from './text';
import type { FeedItem, PersonRef, SiteAdapter } from './types';

type Extracted = Omit<FeedItem, 'site'>;

/** "See more" is a role=button inside the message, and the text really is cut off. */
const SEE_MORE = '[role="button"]';
/** The data-ad-* rendering roles (2024-26) and the older preview attributes of the message. */
const PROFILE_NAME_ROLE = 'profile_name';
const MESSAGE_ROLE = 'story_message';
/** Ads' tracking tokens are much longer than organic ones (clean-my-feeds: ≥ 311 chars in News Feed). */
const SPONSORED_CFT_LENGTH = 311;
/** Shared content that is gone; the attachment then has no author. Text is the only signal. */
const UNAVAILABLE_NOTICE = /content isn.t available|content is not available|inhoud is momenteel niet beschikbaar|inhoud is niet beschikbaar|inhalt ist (momentan )?nicht verfügbar|contenu n.est pas disponible|contenido no está disponible/i;
/** Links to attached media (photo viewer, videos, reels). */
const MEDIA_HREF = /\/(photo|photos|videos|reel|watch)\b/;
/** Facebook's automatic alt text on attached photos. */
const MEDIA_ALT = /^(May be an image|Afbeelding met|Kan een afbeelding zijn|Peut être une image|Könnte ein Bild)/;

/** Tracking parameters Facebook adds to every in-app link. */
function withoutTracking(url: URL): string {
  // The kept parameters are written back once: every searchParams.delete() re-serialises the URL.
  const kept = new URLSearchParams();
  let dropped = false;
  for (const [key, value] of url.searchParams) {
    if (key.startsWith('__') || key === 'comment_id' || key === 'ref' || key === 'refid' || key === 'paipv' || key === 'eav') dropped = true;
    else kept.append(key, value);
  }
  if (dropped) url.search = kept.toString();
  url.hash = '';
  return url.href;
}

function parseUrl(href: string | null | undefined, base: URL): URL | null {
  const absolute = absoluteHttpUrl(href, base);
  return absolute ? new URL(absolute) : null;
}

function isFacebookHost(host: string): boolean {
  return host === 'facebook.com' || host.endsWith('.facebook.com') || host === 'fb.com' || host === 'fb.me' || host.endsWith('.fbcdn.net') || host === 'fb.watch';
}

/** A post's id and canonical permalink from its timestamp link, or nulls (unhydrated "#" hrefs). */
function postFromHref(href: string | null | undefined, base: URL): { id: string; permalink: string } | null {
  const url = parseUrl(href, base);
  if (!url || !isFacebookHost(url.hostname)) return null;
  const path = url.pathname;
  const id =
    // /<user>/posts/<pfbid|number>, /groups/<g>/posts/<id>, /<page>/videos/<id>, /reel/<id>
    path.match(/\/(?:posts|videos|reel|permalink)\/(pfbid\w+|\d+)/)?.[1] ??
    // permalink.php?story_fbid=…&id=…, story.php?story_fbid=…
    (/\/(permalink|story)\.php$/.test(path) ? url.searchParams.get('story_fbid') : null) ??
    // /photo/?fbid=…, /photo.php?fbid=…
    (/^\/photo(\.php)?\/?$/.test(path) ? url.searchParams.get('fbid') : null) ??
    (path === '/watch/' || path === '/watch' ? url.searchParams.get('v') : null);
  if (!id) return null;
  return { id, permalink: withoutTracking(url) };
}

/** Vanity name, or the numeric id of profile.php?id= / people/<name>/<id> profiles. */
function handleFromProfileHref(href: string | null | undefined, base: URL): string | null {
  const url = parseUrl(href, base);
  if (!url || !isFacebookHost(url.hostname)) return null;
  if (url.pathname === '/profile.php') return url.searchParams.get('id');
  const people = url.pathname.match(/^\/people\/[^/]+\/(\d+)/)?.[1];
  if (people) return people;
  const groupUser = url.pathname.match(/^\/groups\/[^/]+\/user\/(\d+)/)?.[1];
  if (groupUser) return groupUser;
  const vanity = url.pathname.match(/^\/([A-Za-z0-9.\-_]+)\/?$/)?.[1];
  return vanity && !['groups', 'watch', 'reel', 'photo', 'pages', 'events', 'ads'].includes(vanity) ? vanity : null;
}

/** The real URL behind l.facebook.com/l.php?u=…, or the link itself when it already leaves Facebook. */
function outboundUrl(href: string | null | undefined, base: URL): string | null {
  const url = parseUrl(href, base);
  if (!url) return null;
  if (/^(l|lm)\.facebook\.com$/.test(url.hostname) && url.pathname === '/l.php') return absoluteHttpUrl(url.searchParams.get('u'), base);
  return isFacebookHost(url.hostname) ? null : url.href;
}

/** One post header: the author link in the profile-name block and the time link beside it. */
interface Header {
  profile: Element;
  name: string | null;
  handle: string | null;
  timeLink: Element | null;
}

/** Every link of the unit, read once: sponsored signals, outbound links and media all come from here. */
interface Anchor {
  element: Element;
  href: string;
}

/**
 * Everything the adapter reads from one unit, gathered in a single walk: under jsdom every
 * querySelector is another pass over the unit, and a unit has 60-100+ elements.
 */
interface UnitParts {
  profiles: Element[];
  /** Outermost story_message blocks; else the older data-ad-preview="message" blocks. */
  messages: Element[];
  previewMessages: Element[];
  anchors: Anchor[];
  hasVideo: boolean;
  hasMediaAlt: boolean;
  loading: boolean;
}

function unitParts(item: Element): UnitParts {
  const parts: UnitParts = { profiles: [], messages: [], previewMessages: [], anchors: [], hasVideo: false, hasMediaAlt: false, loading: false };
  forEachElement(item, (element) => {
    switch (element.localName) {
      case 'a':
        parts.anchors.push({ element, href: attr(element, 'href') ?? '' });
        break;
      case 'video':
        parts.hasVideo = true;
        break;
      case 'img':
        if (MEDIA_ALT.test(attr(element, 'alt') ?? '')) parts.hasMediaAlt = true;
        break;
      case 'span':
        // A third of a unit's elements; nothing on them is read here (see hasUnavailableNotice).
        return undefined;
      case 'svg':
        // Avatars and icons: nothing read inside, and each skipped element saves about a
        // microsecond per fresh unit under jsdom.
        return false;
      default:
    }
    const role = attr(element, 'data-ad-rendering-role');
    if (role === PROFILE_NAME_ROLE) parts.profiles.push(element);
    else if (role === MESSAGE_ROLE) {
      const last = parts.messages[parts.messages.length - 1];
      if (!last?.contains(element)) parts.messages.push(element);
    } else if (role === null && element.localName === 'div') {
      // Fewer attribute reads per node: the preview and loading hooks are always on divs.
      if (attr(element, 'data-ad-preview') === 'message' || attr(element, 'data-ad-comet-preview') === 'message') {
        const last = parts.previewMessages[parts.previewMessages.length - 1];
        if (!last?.contains(element)) parts.previewMessages.push(element);
      } else if (attr(element, 'data-visualcompletion') === 'loading-state') parts.loading = true;
    }
    return undefined;
  });
  if (parts.messages.length === 0) parts.messages = parts.previewMessages;
  return parts;
}

function readHeader(profile: Element, anchors: Anchor[], base: URL): Header {
  const inProfile = anchors.filter((anchor) => profile.contains(anchor.element));
  const authorLink = (inProfile.find((anchor) => (anchor.element.textContent ?? '').trim() !== '') ?? inProfile[0])?.element ?? null;
  // The time link sits next to the profile-name block, inside the same header column.
  const column = profile.parentElement;
  const timeLink = column ? anchors.find((anchor) => column.contains(anchor.element) && !profile.contains(anchor.element))?.element ?? null : null;
  return {
    profile,
    name: textOrNull(authorLink ? findElement(authorLink, (el) => el.localName === 'strong') ?? authorLink : null),
    handle: handleFromProfileHref(attr(authorLink, 'href'), base),
    timeLink,
  };
}

function isSponsored(anchors: Anchor[]): boolean {
  for (const { element, href } of anchors) {
    if (href.includes('/ads/about')) return true;
    if (attr(element, 'attributionsrc')?.startsWith('/privacy_sandbox/comet/register/source/')) return true;
    const cft = href.match(/__cft__(?:\[0\]|%5B0%5D)=([^&]+)/)?.[1];
    if (cft && cft.length >= SPONSORED_CFT_LENGTH) return true;
  }
  return false;
}

function hasAttachedMedia(parts: UnitParts): boolean {
  if (parts.hasVideo || parts.hasMediaAlt) return true;
  for (const { element, href } of parts.anchors) {
    if (MEDIA_HREF.test(href) && (/\/(videos|reel|watch)\b/.test(href) || findElement(element, (el) => el.localName === 'img'))) return true;
  }
  return false;
}

function readMessage(message: Element | null): { text: string; truncated: boolean } {
  if (!message) return { text: '', truncated: false };
  const seeMore = findElement(message, (el) => attr(el, 'role') === 'button');
  return { text: normalizedText(message, seeMore ? { skipElement: skipMatching(message, SEE_MORE) } : {}), truncated: !!seeMore };
}

/**
 * The "This content isn't available" notice of a share, outside the post's own words. Its own walk,
 * run only for units without media, link or original: reading `dir` on every span of every unit
 * would cost more than this pass over the few units that need it.
 */
function hasUnavailableNotice(item: Element, messages: Element[]): boolean {
  let found = false;
  forEachElement(item, (el) => {
    if (found || el.localName === 'svg') return false;
    if (el.localName !== 'span' || attr(el, 'dir') !== 'auto') return true;
    if (messages.some((message) => message.contains(el))) return true;
    if (UNAVAILABLE_NOTICE.test(el.textContent ?? '')) found = true;
    return !found;
  });
  return found;
}

/** Precedes: `a` comes before `b` in document order. */
function precedes(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & 4) !== 0;
}

/** The link card (or first outbound link) and its title, outside the message text when possible. */
function readLink(anchors: Anchor[], base: URL, messageElements: Element[]): { linkUrl: string | null; linkTitle: string | null } {
  let inText: string | null = null;
  for (const { element: anchor, href } of anchors) {
    // In-app links (profiles, permalinks, hashtags) are relative or on facebook.com: skip cheaply.
    if (!href.startsWith('http') || (href.includes('www.facebook.com/') && !href.includes('l.php'))) continue;
    const url = outboundUrl(href, base);
    if (!url) continue;
    if (messageElements.some((message) => message.contains(anchor))) {
      inText ??= url;
      continue;
    }
    // Card titles: the non-domain span[dir=auto] (the first one is the upper-case domain).
    const spans: string[] = [];
    forEachElement(anchor, (el) => {
      if (el.localName !== 'span' || attr(el, 'dir') !== 'auto') return undefined;
      const text = normalizedText(el);
      if (text !== '') spans.push(text);
      return false;
    });
    const title = spans.find((text) => !/^[\w.-]+\.[a-z]{2,}$/i.test(text)) ?? null;
    return { linkUrl: url, linkTitle: title };
  }
  return { linkUrl: inText, linkTitle: null };
}

function extractPost(item: Element, base: URL): Extracted | null {
  const parts = unitParts(item);
  const { profiles, anchors } = parts;
  const messageElements = parts.messages;
  // Loading skeletons and empty virtualised shells: no author, no message.
  if (profiles.length === 0 && (messageElements.length === 0 || parts.loading)) return null;

  const headers = profiles.map((profile) => readHeader(profile, anchors, base));
  const isAd = isSponsored(anchors);
  const outer = headers[0] ?? null;
  // A share renders the sharer's header and then the original with its own header.
  const original = headers.length >= 2 ? headers[1]! : null;

  const sharerMessage = original ? messageElements.find((m) => precedes(m, original.profile)) ?? null : null;
  const contentMessage = original ? messageElements.find((m) => precedes(original.profile, m)) ?? null : messageElements[0] ?? null;

  const outerPost = outer ? postFromHref(attr(outer.timeLink, 'href'), base) : null;
  const outerLabel = outer?.timeLink ? attr(outer.timeLink, 'aria-label')?.trim() || textOrNull(outer.timeLink) : null;
  const link = readLink(anchors, base, messageElements);
  const hasMedia = hasAttachedMedia(parts);
  // The notice replaces the whole attachment, so a unit with a card or media cannot be one.
  const unavailableShare = !original && !hasMedia && link.linkUrl === null && hasUnavailableNotice(item, parts.messages);

  const common = {
    title: null,
    timestamp: null,
    linkUrl: link.linkUrl,
    linkTitle: link.linkTitle,
    hasMedia,
    isAd,
  };

  if (original && outer) {
    const originalPost = postFromHref(attr(original.timeLink, 'href'), base);
    const originalLabel = original.timeLink ? attr(original.timeLink, 'aria-label')?.trim() || textOrNull(original.timeLink) : null;
    const content = readMessage(contentMessage);
    const sharer = readMessage(sharerMessage);
    if (sharer.text !== '') {
      // The sharer added words of their own: the share is the item and the original is quoted.
      return {
        ...common,
        id: outerPost?.id ?? null,
        permalink: outerPost?.permalink ?? null,
        authorName: outer.name,
        authorHandle: outer.handle,
        text: sharer.text,
        textTruncated: sharer.truncated,
        timestampText: isAd ? null : outerLabel,
        isRepost: true,
        repostedBy: null,
        repostId: null,
        quoted: {
          id: originalPost?.id ?? null,
          permalink: originalPost?.permalink ?? null,
          authorName: original.name,
          authorHandle: original.handle,
          title: null,
          text: content.text,
          timestamp: null,
          unavailable: false,
        },
        unavailable: false,
      };
    }
    const repostedBy: PersonRef | null = outer.name !== original.name || outer.handle !== original.handle ? { name: outer.name, handle: outer.handle } : null;
    return {
      ...common,
      id: originalPost?.id ?? null,
      permalink: originalPost?.permalink ?? null,
      authorName: original.name,
      authorHandle: original.handle,
      text: content.text,
      textTruncated: content.truncated,
      timestampText: originalLabel,
      isRepost: true,
      repostedBy,
      repostId: outerPost?.id ?? null,
      quoted: null,
      unavailable: false,
    };
  }

  if (unavailableShare && outer) {
    // A share of deleted or restricted content: the original (and its id) is not in the DOM.
    const sharer = readMessage(messageElements[0] ?? null);
    return {
      ...common,
      id: null,
      permalink: null,
      authorName: null,
      authorHandle: null,
      text: sharer.text,
      textTruncated: sharer.truncated,
      timestampText: outerLabel,
      isRepost: true,
      repostedBy: { name: outer.name, handle: outer.handle },
      repostId: outerPost?.id ?? null,
      quoted: null,
      unavailable: true,
    };
  }

  const content = readMessage(contentMessage);
  return {
    ...common,
    // Ads' time link goes to /ads/about/: no id and no permalink.
    id: isAd ? null : outerPost?.id ?? null,
    permalink: isAd ? null : outerPost?.permalink ?? null,
    authorName: outer?.name ?? null,
    authorHandle: outer?.handle ?? null,
    text: content.text,
    textTruncated: content.truncated,
    // The ad's "label" is the scrambled Sponsored text, not an age.
    timestampText: isAd ? null : outerLabel,
    isRepost: false,
    repostedBy: null,
    repostId: null,
    quoted: null,
    unavailable: false,
  };
}

export const facebook: SiteAdapter = {
  site: 'facebook',
  label: 'Facebook',
  matches(url) {
    if (url.hostname !== 'www.facebook.com' && url.hostname !== 'web.facebook.com' && url.hostname !== 'm.facebook.com' && url.hostname !== 'facebook.com') return false;
    // The News Feed lives at / (also /home.php and ?sk=h_chr for "most recent").
    return url.pathname === '/' || url.pathname === '/home.php';
  },
  itemSelectors: [
    // 2024-26 feed units carry aria-posinset (clean-my-feeds v6.3.1, 2026-07-05).
    '[role="main"] div[aria-posinset], [role="feed"] div[aria-posinset]',
    // 2023: units directly under the feed container.
    '[role="feed"] > div',
    // Legacy Comet pagelets.
    'div[data-pagelet^="FeedUnit_"]',
  ],
  extract(element, pageUrl) {
    return extractPost(element, pageUrl);
  },
};

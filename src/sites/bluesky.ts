/**
 * Bluesky web app (bsky.app). The hooks are the app's own e2e testIDs (`feedItem-by-<handle>`,
 * `postText`, `userAvatarImage`) and URL shapes (`/profile/<handle|did>/post/<rkey>`), which
 * rarely change; visible labels ("Reposted by", dates) are localized, so they are last resorts.
 * Sources: test/fixtures/SELECTORS.md, section "Bluesky".
 */
import type { PersonRef, QuotedItem, SiteAdapter } from './types';
import { withSelfThread } from './selfThread';
import { absoluteHttpUrl, anchorsIn, attr, findElement, forEachElement, normalizedText, textOrNull } from './text';

const HOSTS = new Set(['bsky.app', 'www.bsky.app', 'main.bsky.dev']);

const POST_PATH = /^\/profile\/([^/]+)\/post\/([^/?#]+)/;
const PROFILE_PATH = /^\/profile\/([^/?#]+)\/?$/;
/** DIDs appear in CDN paths: cdn.bsky.app/img/<size>/plain/<did>/<cid>, video.bsky.app/watch/<did>/. */
const DID_IN_URL = /\/(?:plain|watch)\/(did(?::|%3A)[a-z]+(?::|%3A)[A-Za-z0-9._:%-]+)\//;
const MEDIA_URL = /\/img\/feed_(?:thumbnail|fullsize)\//;
const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';

/** "Reposted by <name>" in the UI locales we read; the name follows the prefix. */
const REPOSTED_BY = /^(?:Reposted by|Gerepost door|Repostet von|Republié par|Reposteado por|Repostado por)\s+/i;
/** QuoteEmbed placeholders (PostPlaceholder: info icon + one line) for a quote that cannot be shown. */
const UNAVAILABLE_QUOTE =
  /^(?:Deleted|Deleted post|Blocked|Blocked post|Removed by author|Post not found|Verwijderd|Geblokkeerd|Verwijderd door auteur|Bericht niet gevonden)$/i;

/** UserAvatar renders an image, or the default-avatar SVG when the account has none. */
const AVATAR_TESTIDS = new Set(['userAvatarImage', 'userAvatarFallback']);

/** What the content script loads on every page: the adapter without its self-thread reader. */
export const blueskyFeed: SiteAdapter = {
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
    const hooks = collectHooks(element);
    const postLink = hooks.links.find((link) => link.hasAttributeNS(null, 'data-tooltip') && POST_PATH.test(attr(link, 'href') ?? ''))
      ?? hooks.links.find((link) => POST_PATH.test(attr(link, 'href') ?? ''));
    const post = parsePostHref(attr(postLink, 'href'), pageUrl) ?? focusedPost(element, hooks, pageUrl);
    if (!post) return null;

    const profileLinks = hooks.links.filter((link) => PROFILE_PATH.test(attr(link, 'href') ?? ''));
    const author = readAuthor(element, profileLinks, post.authority);
    const reason = readReason(profileLinks, hooks, postLink ?? null);

    const textElement = hooks.texts[0] ?? null;
    const card = hooks.links.find((link) => /^https?:/.test(attr(link, 'href') ?? '') && !(textElement && textElement.contains(link)));
    const did = post.authority.startsWith('did:') ? post.authority : didFromMedia(hooks.media);

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
      linkUrl: unwrap(absoluteHttpUrl(attr(card, 'href'), pageUrl)) ?? firstExternalLink(textElement, pageUrl),
      linkTitle: card ? attr(card, 'aria-label')?.trim() || textOrNull(findElement(card, (el) => el.localName === 'div' && attr(el, 'dir') === 'auto')) : null,
      hasMedia: hooks.media.some((el) => isPostMedia(el) && !(card && card.contains(el))),
      isRepost: reason.isRepost,
      repostedBy: reason.by && reason.by.handle !== author.handle ? reason.by : null,
      repostId: null,
      isAd: false, // Bluesky has no ads.
      quoted: hooks.quoteRoot ? readQuote(hooks.quoteRoot, pageUrl) : placeholderQuote(hooks.icons),
      unavailable: false,
    };
  },
  // Thread pages are /profile/<handle|did>/post/<rkey> (PostThread).
  threadPath: POST_PATH,
};

/** The full adapter, with the self-thread reader for conversation pages (issue 3). */
export const bluesky: SiteAdapter = /* @__PURE__ */ withSelfThread(blueskyFeed);

/** Everything extract() reads, gathered in one walk of the post (one query per field costs 10x). */
interface Hooks {
  links: Element[];
  texts: Element[];
  media: Element[];
  avatars: Element[];
  /** Icons outside buttons: the repost reason's, a link card's globe, a placeholder's info icon. */
  icons: Element[];
  quoteRoot: Element | null;
}

function collectHooks(item: Element): Hooks {
  const hooks: Hooks = { links: [], texts: [], media: [], avatars: [], icons: [], quoteRoot: null };
  forEachElement(item, (el) => {
    switch (el.localName) {
      case 'button':
        return false; // the action bar and "Show More"
      case 'svg':
        hooks.icons.push(el);
        return false;
      case 'img':
      case 'video':
        hooks.media.push(el);
        return false;
      case 'a':
        hooks.links.push(el);
        return true;
      case 'div':
        // The quote embed is the only div[role=link] inside a post (the post itself is one;
        // images are buttons, link cards are anchors).
        if (attr(el, 'role') === 'link') {
          hooks.quoteRoot ??= el;
          return false;
        }
        break;
    }
    const testid = attr(el, 'data-testid');
    if (testid === 'postText') {
      hooks.texts.push(el);
      return false;
    }
    if (testid && AVATAR_TESTIDS.has(testid)) hooks.avatars.push(el);
    return true;
  });
  return hooks;
}

/**
 * The highlighted post of a thread page shows its date as plain text, with no link to itself: it
 * is the post in the page URL, when the row is by that URL's author.
 */
function focusedPost(item: Element, hooks: Hooks, pageUrl: URL): { authority: string; rkey: string; permalink: string } | null {
  const post = parsePostHref(pageUrl.pathname, pageUrl);
  if (!post || hooks.links.some((link) => POST_PATH.test(attr(link, 'href') ?? ''))) return null;
  const byTestId = /^postThreadItem-by-(.+)$/.exec(attr(item, 'data-testid') ?? '')?.[1];
  const byLink = hooks.links.some((link) => profilePath(link) === post.authority);
  return byTestId === post.authority || byLink ? post : null;
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
    const fromTestId = /^(?:feedItem|postThreadItem)-by-(.+)$/.exec(attr(item, 'data-testid') ?? '')?.[1];
    handle = fromTestId && isHandle(fromTestId) ? fromTestId : authority;
  }
  return { name, handle };
}

function isHandle(value: string): boolean {
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(value) && !value.endsWith('.invalid');
}

function profilePath(link: Element): string | null {
  const match = PROFILE_PATH.exec(attr(link, 'href') ?? '');
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/**
 * The repost reason row (PostFeedReason) sits above the avatar: a profile link that wraps the
 * repost icon and the reposter's name. "Reply to" rows put the icon beside the link, "Pinned" has
 * no link, and the avatar link has no text, so no translated label needs reading.
 */
function readReason(profileLinks: Element[], hooks: Hooks, postLink: Element | null): { isRepost: boolean; by: PersonRef | null } {
  for (const link of profileLinks) {
    if (link === postLink || hooks.avatars.some((avatar) => link.contains(avatar))) break; // the author's header
    if (!hooks.icons.some((icon) => link.contains(icon))) continue;
    const text = normalizedText(link);
    if (text === '') break;
    const name = text.replace(REPOSTED_BY, '') || null;
    return { isRepost: true, by: { name, handle: profilePath(link) } };
  }
  return { isRepost: false, by: null };
}

/** Attached images and video; avatars and link-card thumbnails are excluded by the caller or URL. */
function isPostMedia(el: Element): boolean {
  return el.localName === 'video' || MEDIA_URL.test(attr(el, 'src') ?? '');
}

/**
 * The author's DID, from the first CDN URL under the post (the quote is not walked): their avatar,
 * attached media or link-card thumbnail all live under their DID.
 */
function didFromMedia(media: Element[]): string | null {
  for (const el of media) {
    const url = attr(el, 'src') ?? attr(el, 'poster') ?? attr(findElement(el, (child) => child.localName === 'source'), 'src') ?? '';
    const match = DID_IN_URL.exec(url);
    if (match?.[1]) return decodeURIComponent(match[1]);
  }
  return null;
}

/** A deleted or blocked quote renders PostPlaceholder (info icon + label) instead of the embed. */
function placeholderQuote(icons: Element[]): QuotedItem | null {
  for (const icon of icons) {
    const label = icon.nextElementSibling?.textContent?.trim() ?? '';
    if (UNAVAILABLE_QUOTE.test(label)) {
      return { id: null, permalink: null, authorName: null, authorHandle: null, title: null, text: '', timestamp: null, unavailable: true };
    }
  }
  return null;
}

/** The quote's hooks in one walk (a selector query per field is a pass through nwsapi each). */
function quoteHooks(root: Element): { postLink: Element | null; text: Element | null; profileLinks: Element[]; media: Element[] } {
  const hooks = { postLink: null as Element | null, text: null as Element | null, profileLinks: [] as Element[], media: [] as Element[] };
  forEachElement(root, (el) => {
    const tag = el.localName;
    if (tag === 'img' || tag === 'video') {
      hooks.media.push(el);
      return false;
    }
    if (tag === 'a') {
      const href = attr(el, 'href') ?? '';
      if (href.includes('/post/')) hooks.postLink ??= el;
      if (href.startsWith('/profile/') && PROFILE_PATH.test(href)) hooks.profileLinks.push(el);
    }
    // Quoted posts render RichText without the postText testID: [data-testid="postText"], [data-word-wrap].
    if (!hooks.text && (attr(el, 'data-testid') === 'postText' || el.hasAttributeNS(null, 'data-word-wrap'))) hooks.text = el;
    return true;
  });
  return hooks;
}

function readQuote(root: Element, pageUrl: URL): QuotedItem {
  const { postLink, text, profileLinks, media } = quoteHooks(root);
  const post = parsePostHref(attr(postLink, 'href'), pageUrl);
  if (!post && !text) {
    return { id: null, permalink: null, authorName: null, authorHandle: null, title: null, text: '', timestamp: null, unavailable: true };
  }
  const author = post ? readAuthor(root, profileLinks, post.authority) : { name: null, handle: null };
  // QuoteEmbed is titled "Post by <handle>" when no link shows the handle.
  const titled = /\s(\S+)$/.exec(attr(root, 'title') ?? '')?.[1];
  const did = post ? (post.authority.startsWith('did:') ? post.authority : didFromMedia(media)) : null;
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
  const date = new Date(Number((value >> 10n) / 1000n));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Fallback for non-TID rkeys: the English tooltip, read in the viewer's timezone. */
function labelTime(link: Element | null | undefined): string | null {
  const label = attr(link, 'data-tooltip') ?? attr(link, 'aria-label');
  if (!label) return null;
  const ms = Date.parse(label.replace(' at ', ' '));
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** "· 2h": the visible age after the separator. */
function ageLabel(link: Element | null | undefined): string | null {
  const text = normalizedText(link).replace(/^·\s*/, '');
  return text === '' ? null : text;
}

function unwrap(url: string | null): string | null {
  if (!url) return null;
  const parsed = new URL(url);
  if (parsed.hostname === 'go.bsky.app' && parsed.pathname.startsWith('/redirect')) {
    return absoluteHttpUrl(parsed.searchParams.get('u'), parsed) ?? url;
  }
  return url;
}

function firstExternalLink(textElement: Element | null, pageUrl: URL): string | null {
  if (!textElement) return null;
  for (const anchor of anchorsIn(textElement)) {
    const url = unwrap(absoluteHttpUrl(attr(anchor, 'href'), pageUrl));
    if (url && !HOSTS.has(new URL(url).hostname)) return url;
  }
  return null;
}

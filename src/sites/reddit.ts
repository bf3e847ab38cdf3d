/**
 * Reddit, both UIs under one site id: the current "shreddit" web components on www./new.reddit.com
 * (every core field is an attribute on <shreddit-post>; votes live in its shadow root) and
 * old.reddit.com (everything is a data-* attribute on div.thing). Both are attribute-rich, so
 * class names are hardly needed.
 */
import { absoluteHttpUrl, attr, classNameOf, findElement, forEachElement, hasClass, normalizedText, textOrNull } from './text';
import type { FeedItem, QuotedItem, SiteAdapter } from './types';

type Extracted = Omit<FeedItem, 'site'>;

const SHREDDIT_ITEM = 'shreddit-post, shreddit-ad-post';
const OLD_ITEM = 'div.thing.link[data-fullname]';

/** Post types whose content is an image, gallery or video (shreddit `post-type`). */
const MEDIA_POST_TYPES = new Set(['image', 'gallery', 'video', 'multi_media', 'media']);
/** Media hosts: a post "linking" here is a media post, not an outbound link. */
const MEDIA_HOSTS = /(^|\.)(i\.redd\.it|v\.redd\.it|preview\.redd\.it|reddit\.com\/gallery)$/;
/** Shreddit: item-state values and placeholder bodies of removed or deleted posts. */
const GONE_TEXT = /^\[\s*(removed|deleted)(\s+by\s+[\w\s]+?)?\s*\]$/i;

function isRedditHost(host: string): boolean {
  return host === 'reddit.com' || host.endsWith('.reddit.com') || host === 'redd.it' || host.endsWith('.redd.it') || host.endsWith('.redditmedia.com');
}

/** An outbound URL, or null for reddit-internal, media-host and click-tracker (alb.reddit.com) URLs. */
function outboundUrl(href: string | null | undefined, base: URL): string | null {
  const url = absoluteHttpUrl(href, base);
  if (!url) return null;
  return isRedditHost(new URL(url).hostname) ? null : url;
}

/** `/r/sub/comments/<id>/slug/` → t3_<id>. */
function postIdFromPath(href: string | null | undefined): string | null {
  const id = href?.match(/\/comments\/([a-z0-9]+)/i)?.[1];
  return id ? `t3_${id}` : null;
}

/** "[deleted]" is not a username. */
function username(value: string | null | undefined): string | null {
  const name = value?.trim().replace(/^u\//, '') ?? '';
  return name === '' || name === '[deleted]' ? null : name;
}

/** ISO with microseconds and "+0000" (shreddit `created-timestamp`) → ISO ms UTC. */
function isoFromAttribute(value: string | null): string | null {
  if (!value) return null;
  const match = value.trim().match(/^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:?\d\d)?$/);
  if (!match) return null;
  const fraction = (match[2] ?? '').padEnd(3, '0').slice(0, 3);
  const zone = !match[3] || match[3] === 'Z' ? 'Z' : match[3].replace(/^([+-]\d\d)(\d\d)$/, '$1:$2');
  const date = new Date(`${match[1]}.${fraction}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function isoFromMillis(value: string | null): string | null {
  if (!value || !/^\d{10,14}$/.test(value)) return null;
  return new Date(Number(value)).toISOString();
}

// ---------------------------------------------------------------------------------------------
// shreddit (www.reddit.com since 2023)
// ---------------------------------------------------------------------------------------------

/**
 * Shreddit's light-DOM parts are direct children of the host, each named by its `slot`: read
 * them in one pass over the children instead of one query per field.
 */
interface Slots {
  title: Element | null;
  body: Element | null;
  creditBar: Element | null;
  media: Element | null;
  cta: Element | null;
}

function slotsOf(post: Element): Slots {
  const slots: Slots = { title: null, body: null, creditBar: null, media: null, cta: null };
  for (let child = post.firstElementChild; child; child = child.nextElementSibling) {
    switch (attr(child, 'slot')) {
      case 'title':
        slots.title ??= child;
        break;
      case 'text-body':
        slots.body ??= child;
        break;
      case 'credit-bar':
        slots.creditBar ??= child;
        break;
      case 'post-media-container':
        slots.media ??= child;
        break;
      case 'cta-button':
        slots.cta ??= child;
        break;
      default:
    }
  }
  return slots;
}

/** Attached media in the media slot (the subreddit icon and the crosspost card do not count). */
function slotHasMedia(media: Element | null): boolean {
  if (!media) return false;
  return !!findElement(media, (el) => {
    const tag = el.localName;
    if (tag === 'img') return !(attr(el, 'alt') ?? '').endsWith(' icon');
    return tag === 'video' || tag === 'shreddit-player' || tag === 'shreddit-player-2' || tag === 'gallery-carousel';
  });
}

function shredditCrosspost(post: Element, slots: Slots, pageUrl: URL): QuotedItem {
  const contentHref = attr(post, 'content-href');
  const card = slots.media ? findElement(slots.media, (el) => el.localName === 'a' && (attr(el, 'href') ?? '').includes('/comments/')) : null;
  const href = postIdFromPath(contentHref) ? contentHref : attr(card, 'href') ?? null;
  const cardText = normalizedText(card);
  const authorName = username(cardText.match(/\bu\/([\w-]+)/)?.[1]);
  const title = textOrNull(card ? findElement(card, (el) => /^h[1-3]$/.test(el.localName) || attr(el, 'slot') === 'title') : null);
  return {
    id: postIdFromPath(href),
    permalink: href && postIdFromPath(href) ? absoluteHttpUrl(href, pageUrl) : null,
    authorName,
    authorHandle: authorName,
    title,
    text: '',
    timestamp: null,
    // The card of a removed original says so in its title.
    unavailable: !!title && GONE_TEXT.test(title),
  };
}

function extractShreddit(post: Element, pageUrl: URL): Extracted | null {
  const id = attr(post, 'id');
  const permalinkAttribute = attr(post, 'permalink');
  if (!id && !permalinkAttribute) return null;
  const isAd = post.localName === 'shreddit-ad-post' || post.hasAttributeNS(null, 'promoted') || post.hasAttributeNS(null, 'is-promoted');
  const postType = attr(post, 'post-type') ?? '';
  const isCrosspost = postType === 'crosspost' || post.hasAttributeNS(null, 'is-crosspost');
  const author = username(attr(post, 'author'));
  const slots = slotsOf(post);
  const text = normalizedText(slots.body);
  const itemState = attr(post, 'item-state') ?? '';
  const titleLink = slots.title;

  let linkUrl: string | null = null;
  if (isAd) {
    // An ad's content-href is the alb.reddit.com click tracker; its title and CTA link out directly.
    linkUrl = outboundUrl(attr(titleLink, 'href'), pageUrl)
      ?? outboundUrl(attr(slots.cta, 'href'), pageUrl)
      ?? outboundUrl(attr(post, 'content-href'), pageUrl);
  } else if (!isCrosspost && !MEDIA_POST_TYPES.has(postType)) {
    linkUrl = outboundUrl(attr(post, 'content-href'), pageUrl);
  }

  return {
    id: id && /^t3_/.test(id) ? id : postIdFromPath(permalinkAttribute),
    permalink: absoluteHttpUrl(permalinkAttribute, pageUrl),
    authorName: author,
    authorHandle: author,
    title: attr(post, 'post-title')?.trim() || textOrNull(titleLink),
    text,
    textTruncated: false,
    timestamp: isoFromAttribute(attr(post, 'created-timestamp')),
    // Ads show "Promoted" where the age would be, and no <time>. (A walk, not getElementsByTagName:
    // jsdom's HTMLCollection builds a proxy and a snapshot of the subtree per call.)
    timestampText: textOrNull(slots.creditBar ? findElement(slots.creditBar, (el) => el.localName === 'time') : null),
    linkUrl,
    linkTitle: null,
    hasMedia: MEDIA_POST_TYPES.has(postType) || slotHasMedia(slots.media),
    isRepost: isCrosspost,
    repostedBy: null,
    repostId: null,
    isAd,
    quoted: isCrosspost ? shredditCrosspost(post, slots, pageUrl) : null,
    unavailable: /removed|deleted/i.test(itemState) || GONE_TEXT.test(text) || (attr(post, 'author') === '[deleted]' && text === ''),
  };
}

// ---------------------------------------------------------------------------------------------
// old.reddit.com
// ---------------------------------------------------------------------------------------------

/**
 * The hooks of one old-reddit thing, in one walk (under jsdom each query or class collection is
 * another pass over the whole thing). The crosspost preview repeats a.title and .tagline, so it
 * is not entered, only searched for its link; the child comment tree is never entered.
 */
interface OldParts {
  titleLink: Element | null;
  time: Element | null;
  body: Element | null;
  previewLink: Element | null;
}

function oldParts(thing: Element): OldParts {
  const parts: OldParts = { titleLink: null, time: null, body: null, previewLink: null };
  let inExpando: Element | null = null;
  forEachElement(thing, (element) => {
    const tag = element.localName;
    if (tag === 'time') {
      // The post's own tagline time (the preview, which has none of its own, is skipped below).
      parts.time ??= element;
      return false;
    }
    const className = classNameOf(element);
    if (className === '') return undefined;
    const tokens = ` ${className} `;
    // The comment tree, the vote arrows and the button row hold nothing read (and every element
    // skipped saves about a microsecond per fresh thing under jsdom).
    if (tokens.includes(' child ') || tokens.includes(' midcol ') || tokens.includes(' buttons ')) return false;
    if (tokens.includes(' crosspost-preview ')) {
      parts.previewLink ??= findElement(element, (el) => el.localName === 'a' && (attr(el, 'href') ?? '').includes('/comments/'));
      return false;
    }
    if (tag === 'a' && tokens.includes(' title ')) parts.titleLink ??= element;
    else if (tokens.includes(' expando ')) inExpando = element;
    else if (tokens.includes(' md ') && inExpando?.contains(element)) parts.body ??= element;
    return undefined;
  });
  return parts;
}

function extractOld(thing: Element, pageUrl: URL): Extracted | null {
  const data = (name: string) => attr(thing, `data-${name}`);
  const fullname = data('fullname');
  if (!fullname?.startsWith('t3_')) return null;
  const author = username(data('author'));
  const domain = data('domain') ?? '';
  const url = data('url');
  const urlHost = (() => {
    const absolute = absoluteHttpUrl(url, pageUrl);
    return absolute ? new URL(absolute).hostname : '';
  })();
  const isMedia = data('is-gallery') === 'true' || MEDIA_HOSTS.test(domain) || MEDIA_HOSTS.test(urlHost);
  const parts = oldParts(thing);
  const time = parts.time;
  // Self-post bodies are only rendered once the expando is opened; until then they are an
  // escaped string in data-cachedhtml, which we leave alone.
  const body = parts.body;
  const text = normalizedText(body);
  const rootTitle = data('crosspost-root-title');
  let quoted: QuotedItem | null = null;
  if (rootTitle !== null) {
    const previewLink = parts.previewLink;
    const href = postIdFromPath(url) ? url : attr(previewLink, 'href') ?? null;
    const rootAuthor = username(data('crosspost-root-author'));
    quoted = {
      id: postIdFromPath(href),
      permalink: href && postIdFromPath(href) ? absoluteHttpUrl(href, pageUrl) : null,
      authorName: rootAuthor,
      authorHandle: rootAuthor,
      title: rootTitle.trim() || null,
      text: '',
      timestamp: isoFromMillis(data('crosspost-root-time')),
      unavailable: GONE_TEXT.test(rootTitle.trim()),
    };
  }
  const isAd = data('promoted') === 'true' || hasClass(thing, 'promotedlink');
  return {
    id: fullname,
    permalink: absoluteHttpUrl(data('permalink'), pageUrl),
    authorName: author,
    authorHandle: author,
    title: textOrNull(parts.titleLink),
    text,
    textTruncated: false,
    timestamp: isoFromMillis(data('timestamp')) ?? isoFromAttribute(attr(time, 'datetime') ?? null),
    timestampText: textOrNull(time),
    linkUrl: quoted || isMedia ? null : outboundUrl(url, pageUrl),
    linkTitle: null,
    hasMedia: isMedia,
    isRepost: quoted !== null,
    repostedBy: null,
    repostId: null,
    isAd,
    quoted,
    unavailable: GONE_TEXT.test(text) || (data('author') === '[deleted]' && text === '' && /^self\./.test(domain)),
  };
}

export const reddit: SiteAdapter = {
  site: 'reddit',
  label: 'Reddit',
  matches(url) {
    return url.hostname === 'www.reddit.com' || url.hostname === 'new.reddit.com' || url.hostname === 'old.reddit.com' || url.hostname === 'reddit.com';
  },
  itemSelectors: [
    // shreddit (2023+): feed posts and in-feed ads are custom elements with attributes.
    SHREDDIT_ITEM,
    // old.reddit.com: link things in any .sitetable (RES never-ending reddit appends more tables).
    OLD_ITEM,
  ],
  extract(element, pageUrl) {
    // Tag and class checks rather than matches(): the item selectors name exactly these.
    if (element.localName === 'shreddit-post' || element.localName === 'shreddit-ad-post') return extractShreddit(element, pageUrl);
    if (hasClass(element, 'thing')) return extractOld(element, pageUrl);
    return null;
  },
};

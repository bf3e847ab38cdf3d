/**
 * Hacker News listings (front page, /news, /newest, /ask, /show) and item pages. Server-rendered
 * tables: a story is `tr.athing` followed by a row holding `td.subtext` (score, user, age).
 * The one rename that broke scrapers was `a.storylink`/`a.titlelink` → `.titleline > a` (2021-22).
 */
import { attr, classNameOf, forEachElement, httpUrl, normalizedText, textOrNull } from './text';
import type { SiteAdapter } from './types';

/**
 * Each hook is one class name; they are found by walking the (small) rows once and comparing
 * class strings. Under jsdom that is several times cheaper than a selector or class-collection
 * query per field on freshly inserted rows.
 */
function classesIn(root: Element, wanted: readonly string[]): Map<string, Element> {
  const found = new Map<string, Element>();
  forEachElement(root, (element) => {
    const className = classNameOf(element);
    if (className === '') return undefined;
    for (const name of wanted) {
      if (!found.has(name) && ` ${className} `.includes(` ${name} `)) found.set(name, element);
    }
    return undefined;
  });
  return found;
}

/**
 * The story's title link, from a walk of the title row that skips the vote arrows and stops at
 * the title line: every element visited costs about a microsecond on fresh rows under jsdom.
 */
function titleLinkOf(row: Element): Element | null {
  let titlelink: Element | null = null;
  let storylink: Element | null = null;
  const search = (parent: Element): Element | null => {
    for (let el = parent.firstElementChild; el; el = el.nextElementSibling) {
      const tokens = ` ${classNameOf(el)} `;
      // Since 2022: <span class="titleline"><a href>…</a><span class="sitebit">…</span></span>
      if (tokens.includes(' titleline ') && el.firstElementChild?.localName === 'a') return el.firstElementChild;
      if (tokens.includes(' votelinks ')) continue;
      // 2021: a.titlelink; before that a.storylink.
      if (tokens.includes(' titlelink ')) titlelink ??= el;
      else if (tokens.includes(' storylink ')) storylink ??= el;
      const found = search(el);
      if (found) return found;
    }
    return null;
  };
  return search(row) ?? titlelink ?? storylink;
}

/** The table cell holding the title link (the row itself if the markup has no cell). */
function titleCellOf(titleLink: Element, row: Element): Element {
  for (let el = titleLink.parentElement; el && el !== row; el = el.parentElement) {
    if (el.localName === 'td') return el;
  }
  return row;
}

/** Marks HN puts in the title row or subtext of stories that are gone or hidden. */
const UNAVAILABLE_MARK = /\[(flagged|dead|deleted)\]/i;

const LISTING_PATHS = new Set(['/', '/news', '/newest', '/ask', '/show', '/item', '/front', '/best']);

/** `span.age[title]` is "2026-03-14T06:00:00 1773468000" (UTC, no Z); older pages have only the ISO part. */
function timestampFromAgeTitle(title: string | null): string | null {
  if (!title) return null;
  const [iso, unix] = title.trim().split(/\s+/);
  if (unix && /^\d{9,11}$/.test(unix)) return new Date(Number(unix) * 1000).toISOString();
  if (iso && /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?$/.test(iso)) {
    const date = new Date(`${iso}Z`);
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
  }
  return null;
}

interface StoryRows {
  subtext: Element | null;
  toptext: Element | null;
  author: Element | null;
  age: Element | null;
  score: Element | null;
}

/** The rows that belong to a story: its subtext row and, on item pages, the row with `.toptext`. */
function followingRows(row: Element): StoryRows {
  const rows: StoryRows = { subtext: null, toptext: null, author: null, age: null, score: null };
  let next = row.nextElementSibling;
  for (let i = 0; next && i < 4 && !` ${classNameOf(next)} `.includes(' athing '); i++, next = next.nextElementSibling) {
    const found = classesIn(next, ['subtext', 'toptext', 'hnuser', 'age', 'score']);
    rows.subtext ??= found.get('subtext') ?? null;
    rows.toptext ??= found.get('toptext') ?? null;
    rows.author ??= found.get('hnuser') ?? null;
    rows.age ??= found.get('age') ?? null;
    rows.score ??= found.get('score') ?? null;
  }
  return rows;
}

export const hackernews: SiteAdapter = {
  site: 'hackernews',
  label: 'Hacker News',
  matches(url) {
    return url.hostname === 'news.ycombinator.com' && LISTING_PATHS.has(url.pathname);
  },
  itemSelectors: [
    // Stories since ~2023 carry both classes; comments are tr.athing.comtr.
    'tr.athing.submission',
    // Older markup: every story row is just tr.athing.
    'tr.athing:not(.comtr)',
  ],
  extract(row, pageUrl) {
    const titleLink = titleLinkOf(row);
    if (!titleLink) return null;
    const id = /^\d+$/.test(row.id) ? row.id : null;
    const { subtext, toptext, author: authorLink, age, score } = followingRows(row);
    const author = textOrNull(authorLink);
    const href = httpUrl(attr(titleLink, 'href'), pageUrl);
    // Ask/Tell HN titles link to the item itself; only outbound links count.
    const linkUrl = href && href.hostname !== 'news.ycombinator.com' ? href.href : null;
    // YC job rows have no score, no user and no comments link: HN's only advertising.
    const isAd = !!subtext && !score && !author;
    // HN writes the marks after the title line in the title's own cell (and in the subtext); the
    // cell's text, not the row's, spares a pass over the rank and vote arrows.
    const marks = `${titleCellOf(titleLink, row).textContent ?? ''} ${subtext?.textContent ?? ''}`;
    return {
      id,
      permalink: id ? `https://news.ycombinator.com/item?id=${id}` : null,
      authorName: author,
      authorHandle: author,
      title: textOrNull(titleLink),
      text: normalizedText(toptext),
      textTruncated: false,
      timestamp: timestampFromAgeTitle(attr(age, 'title') ?? null),
      timestampText: textOrNull(age),
      linkUrl,
      linkTitle: null,
      hasMedia: false,
      isRepost: false,
      repostedBy: null,
      repostId: null,
      isAd,
      quoted: null,
      unavailable: UNAVAILABLE_MARK.test(marks),
    };
  },
};

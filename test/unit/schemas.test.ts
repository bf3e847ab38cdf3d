/**
 * The runtime schemas of feed items and stored items (src/core/schemas.ts): every real item the
 * site adapters produce from the committed fixtures is accepted, and hostile or broken input is
 * rejected with an error naming the field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { StoredItem } from '../../src/core/items';
import { feedItemSchema, savableItemSchema, storedItemSchema } from '../../src/core/schemas';
import type { Infer } from '../../src/core/validate';
import type { FeedItem } from '../../src/sites/types';

const FIXTURES = join(__dirname, '..', 'fixtures');

function expectedFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return expectedFiles(path);
    return entry.name.endsWith('.expected.json') ? [path] : [];
  });
}

/** Every non-ad fixture item as the content script would send it: no `lazy`, with `site`. */
function fixtureItems(): Array<[string, Record<string, unknown>]> {
  const items: Array<[string, Record<string, unknown>]> = [];
  for (const file of expectedFiles(FIXTURES)) {
    const name = relative(FIXTURES, file);
    const base = name.split(/[/.]/)[0] ?? '';
    const site = base.startsWith('reddit') ? 'reddit' : base;
    const entries = JSON.parse(readFileSync(file, 'utf8')) as Array<Record<string, unknown>>;
    entries.forEach(({ lazy: _lazy, ...item }, index) => {
      if (item.isAd !== true) items.push([`${name} #${index}`, { site, ...item }]);
    });
  }
  return items;
}

const ITEMS = fixtureItems();
const SAVABLE = ITEMS.filter(([, item]) => typeof item.id === 'string');
const valid = SAVABLE[0]?.[1] ?? {};

test('the fixtures give a good number of items to check', () => {
  expect(ITEMS.length).toBeGreaterThan(30);
  expect(SAVABLE.length).toBeGreaterThan(30);
});

describe('every non-ad fixture item is a valid feed item', () => {
  test.each(ITEMS)('%s', (_name, item) => {
    expect(feedItemSchema.parse(item)).toEqual(item);
  });
});

describe('every fixture item with an id is savable, and storable once keyed', () => {
  test.each(SAVABLE)('%s', (_name, item) => {
    expect(savableItemSchema.parse(item)).toEqual(item);
    const stored = { ...item, key: `${String(item.site)}:${String(item.id)}`, savedAt: 1_700_000_000_000, status: 'unread' };
    expect(storedItemSchema.parse(stored)).toEqual(stored);
  });
});

const quotedOf = (overrides: Record<string, unknown>) => ({
  id: '1',
  permalink: 'https://x.com/a/status/1',
  authorName: 'A',
  authorHandle: '@a',
  title: null,
  text: 'quoted',
  timestamp: null,
  unavailable: false,
  ...overrides,
});

/** [case, broken item, field the error must name] */
const BROKEN: Array<[string, Record<string, unknown>, string]> = [
  ['unknown site', { ...valid, site: 'myspace' }, 'site: expected one of x, mastodon'],
  ['missing text', (({ text: _text, ...rest }) => rest)(valid), 'text: expected a string'],
  ['text as number', { ...valid, text: 42 }, 'text: expected a string'],
  ['huge text', { ...valid, text: 'x'.repeat(200_001) }, 'text: expected a string'],
  ['huge author name', { ...valid, authorName: 'a'.repeat(1_001) }, 'authorName: expected a string'],
  ['boolean as string', { ...valid, hasMedia: 'true' }, 'hasMedia: expected a boolean'],
  ['boolean as number', { ...valid, isAd: 0 }, 'isAd: expected a boolean'],
  ['javascript: permalink', { ...valid, permalink: 'javascript:alert(document.cookie)' }, 'permalink: expected an http(s) URL'],
  ['JavaScript: permalink in capitals', { ...valid, permalink: 'JavaScript:alert(1)' }, 'permalink: expected an http(s) URL'],
  ['data: link', { ...valid, linkUrl: 'data:text/html,<script>alert(1)</script>' }, 'linkUrl: expected an http(s) URL'],
  ['relative link', { ...valid, linkUrl: '/out' }, 'linkUrl: expected an absolute URL'],
  ['javascript: quoted permalink', { ...valid, quoted: quotedOf({ permalink: 'javascript:void 0' }) }, 'quoted.permalink: expected an http(s) URL'],
  ['unknown key', { ...valid, innerHTML: '<img onerror=alert(1)>' }, 'innerHTML: expected no such field'],
  ['unknown key in quoted', { ...valid, quoted: quotedOf({ html: '<b>' }) }, 'quoted.html: expected no such field'],
  ['unknown key in repostedBy', { ...valid, repostedBy: { name: 'a', handle: null, url: 'x' } }, 'repostedBy.url: expected no such field'],
  ['repostedBy as string', { ...valid, repostedBy: 'someone' }, 'repostedBy: expected an object'],
  ['quoted as array', { ...valid, quoted: [] }, 'quoted: expected an object'],
  ['empty id', { ...valid, id: '' }, 'id: expected a string of 1–'],
  ['id as number', { ...valid, id: 123 }, 'id: expected a string'],
  ['null id is not savable', { ...valid, id: null }, 'id: expected a string'],
  ['timestamp too long', { ...valid, timestamp: '2026-'.repeat(10) }, 'timestamp: expected a string'],
];

describe('broken items are rejected with an error naming the field', () => {
  test.each(BROKEN)('%s', (_name, item, message) => {
    expect(() => savableItemSchema.parse(item)).toThrow(message);
  });
});

test.each([
  ['null', null],
  ['a string', 'item'],
  ['an array', [valid]],
  ['a number', 1],
  ['undefined', undefined],
])('%s is not an item', (_name, value) => {
  expect(() => feedItemSchema.parse(value)).toThrow('value: expected an object');
  expect(() => savableItemSchema.parse(value, 'item')).toThrow('item: expected an object');
});

describe('stored items', () => {
  const stored = { ...valid, key: 'x:1', savedAt: 1_700_000_000_000, status: 'unread' };
  test.each([
    ['NaN savedAt', { ...stored, savedAt: Number.NaN }, 'savedAt: expected an integer'],
    ['fractional savedAt', { ...stored, savedAt: 1.5 }, 'savedAt: expected an integer'],
    ['negative savedAt', { ...stored, savedAt: -1 }, 'savedAt: expected an integer'],
    ['unknown status', { ...stored, status: 'deleted' }, 'status: expected one of unread, read, archived, letgo'],
    ['missing key', (({ key: _key, ...rest }) => rest)(stored), 'key: expected a string'],
    ['too many summary sentences', { ...stored, summary: Array.from({ length: 21 }, () => 's') }, 'summary: expected an array of at most 20'],
    ['summary as string', { ...stored, summary: 'one sentence' }, 'summary: expected an array'],
    ['keyword as number', { ...stored, keywords: ['a', 2] }, 'keywords[1]: expected a string'],
    ['unknown language', { ...stored, lang: 'de' }, 'lang: expected one of en, nl, other'],
  ])('%s', (_name, item, message) => {
    expect(() => storedItemSchema.parse(item)).toThrow(message);
  });

  test('optional summary, keywords and language are kept when present', () => {
    const full = { ...stored, summary: ['One.', 'Two.'], keywords: ['dijk'], lang: 'nl' };
    expect(storedItemSchema.parse(full)).toEqual(full);
  });
});

// Compile-time: the schemas and the TypeScript types describe the same shapes (tsc fails if not).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const feedItemInSync: Same<Infer<typeof feedItemSchema>, FeedItem> = true;
const savableInSync: Same<Infer<typeof savableItemSchema>, FeedItem & { id: string }> = true;
const storedInSync: Same<Infer<typeof storedItemSchema>, StoredItem> = true;
test('schemas and types are in step', () => {
  expect([feedItemInSync, savableInSync, storedInSync]).toEqual([true, true, true]);
});

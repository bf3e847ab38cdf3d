/**
 * X, Mastodon, Bluesky and Threads beyond the shared fixture test: host routing tables, Mastodon's
 * markup detection for unlisted instances, id-derived timestamps, and "never throw, return nulls"
 * on rows that are broken or half-rendered.
 */
import { JSDOM } from 'jsdom';
import { bluesky, tidTime } from '../../src/sites/bluesky';
import { looksLikeMastodon, mastodon, mastodonFeed, MASTODON_INSTANCES } from '../../src/sites/mastodon';
import { threads } from '../../src/sites/threads';
import { snowflakeTime, x } from '../../src/sites/x';
import { ADAPTERS, extractItems } from '../../src/sites';
import type { SiteAdapter } from '../../src/sites/types';

const body = (html: string, url = 'https://example.org/'): Document => new JSDOM(`<!DOCTYPE html><body>${html}</body>`, { url }).window.document;

describe('routing by host', () => {
  test.each([
    ['https://x.com/home', 'x'],
    ['https://twitter.com/jdoe/status/1', 'x'],
    ['https://mobile.twitter.com/home', 'x'],
    ['https://mastodon.social/home', 'mastodon'],
    ['https://fosstodon.org/@fenna', 'mastodon'],
    ['https://social.vivaldi.net/explore', 'mastodon'],
    ['https://bsky.app/profile/priya.dev', 'bluesky'],
    ['https://www.threads.com/', 'threads'],
    ['https://threads.net/@jules.codes', 'threads'],
    ['https://www.threads.net/', 'threads'],
  ])('%s is handled by %s only', (url, site) => {
    const matching = ADAPTERS.filter((candidate) => candidate.matches(new URL(url)));
    expect(matching.map((candidate) => candidate.site)).toEqual([site]);
  });

  test.each(['https://x.com.evil.example/', 'https://notbsky.app/', 'https://threads.example/', 'https://example.org/'])(
    '%s is none of them',
    (url) => {
      for (const adapter of [x, mastodon, bluesky, threads]) expect(adapter.matches(new URL(url))).toBe(false);
    },
  );

  test('every listed Mastodon instance routes without markup', () => {
    for (const host of MASTODON_INSTANCES) expect(mastodon.matches(new URL(`https://${host}/home`))).toBe(true);
  });
});

describe('Mastodon markup detection (instances outside the list)', () => {
  test('the app mount point or the embedded state marks a Mastodon page', () => {
    expect(looksLikeMastodon(body('<div id="mastodon" data-props="{}"></div>'))).toBe(true);
    expect(looksLikeMastodon(body('<script id="initial-state" type="application/json">{}</script>'))).toBe(true);
    expect(mastodon.matches(new URL('https://toot.example.net/home'), body('<div id="mastodon" data-props="{}"></div>'))).toBe(true);
  });

  test('generic React props or a feed are not enough', () => {
    expect(looksLikeMastodon(body('<div id="root" data-props="{}"><div role="feed"><article data-id="1"></article></div></div>'))).toBe(false);
    expect(mastodon.matches(new URL('https://toot.example.net/home'), body('<main></main>'))).toBe(false);
    expect(mastodon.matches(new URL('https://toot.example.net/home'))).toBe(false);
  });

  test('the content script goes by the markup alone, on a listed instance too (the manifest chose where it runs)', () => {
    const app = body('<div id="mastodon" data-props="{}"></div>');
    expect(mastodonFeed.matches(new URL('https://mastodon.social/home'), app)).toBe(true);
    expect(mastodonFeed.matches(new URL('https://toot.example.net/home'), app)).toBe(true);
    // A listed instance's server-rendered pages outside the web app (settings, about) are no feed.
    expect(mastodonFeed.matches(new URL('https://mastodon.social/settings/profile'), body('<main class="admin-wrapper"></main>'))).toBe(false);
    expect(mastodon.matches(new URL('https://mastodon.social/settings/profile'), body('<main class="admin-wrapper"></main>'))).toBe(true);
  });
});

describe('timestamps derived from ids', () => {
  test('X snowflake: (id >> 22) + Twitter epoch', () => {
    expect(snowflakeTime('2032755111490642897')).toBe('2026-03-14T09:46:00.000Z');
    expect(snowflakeTime('12')).toBeNull();
    expect(snowflakeTime('not-an-id')).toBeNull();
  });

  test('Bluesky TID rkey: 53 bits of microseconds', () => {
    expect(tidTime('3mgz5xdg3c22f')).toBe('2026-03-14T09:55:00.000Z');
    expect(tidTime('self')).toBeNull(); // profile-record rkeys are not TIDs
    expect(tidTime('zzzzzzzzzzzzz')).toBeNull(); // top bit set: not a TID
  });

  test('an X tweet without <time datetime> falls back to its snowflake', () => {
    const doc = body(
      `<div data-testid="cellInnerDiv"><article data-testid="tweet"><div data-testid="User-Name"><div><span>Jo</span></div>
       <div><span>@jo</span><a href="/jo/status/2032755111490642897"><time>2h</time></a></div></div>
       <div data-testid="tweetText">Hoi</div></article></div>`,
      'https://x.com/home',
    );
    expect(extractItems(doc, 'https://x.com/home')).toEqual([
      expect.objectContaining({ id: '2032755111490642897', timestamp: '2026-03-14T09:46:00.000Z', timestampText: '2h', text: 'Hoi' }),
    ]);
  });

  test('a Mastodon status without <time datetime> falls back to id >> 16', () => {
    const doc = body(
      `<div id="mastodon" data-props="{}"><div role="feed"><article data-id="116227170631688032"><div class="status" data-id="116227170631688032">
       <a class="status__relative-time" href="/@anouk/116227170631688032"><time>1h</time></a></div></article></div></div>`,
      'https://mastodon.social/home',
    );
    expect(extractItems(doc, 'https://mastodon.social/home')[0]).toMatchObject({
      id: '116227170631688032',
      timestamp: '2026-03-14T10:58:00.000Z',
      authorHandle: null,
    });
  });
});

describe('Mastodon content warnings', () => {
  test('before 4.3 the CW is a p-summary and the hidden text is in the DOM: title set, not truncated', () => {
    const doc = body(
      `<div id="mastodon" data-props="{}"><div role="feed"><article data-id="116227170631688032"><div class="status" data-id="116227170631688032">
       <a class="status__relative-time" href="/@anouk/116227170631688032"><time datetime="2026-03-14T10:58:00.000Z">1h</time></a>
       <div class="status__content status__content--with-spoiler"><p><span class="p-summary">Eten </span><button class="status__content__spoiler-link">Show more</button></p>
       <div class="status__content__text translate" style="display: none"><p>Stamppot!</p></div></div></div></article></div></div>`,
      'https://mastodon.social/home',
    );
    expect(extractItems(doc, 'https://mastodon.social/home')[0]).toMatchObject({ title: 'Eten', text: 'Stamppot!', textTruncated: false });
  });
});

describe('broken or half-rendered rows give nulls, never exceptions', () => {
  const cases: Array<[SiteAdapter, string, string]> = [
    [x, 'https://x.com/home', '<div data-testid="cellInnerDiv"><article data-testid="tweet"></article></div>'],
    [x, 'https://x.com/home', '<div data-testid="cellInnerDiv"><article data-testid="tweet"><div data-testid="User-Name"></div><a href="/status/"><time datetime="garbage">?</time></a></article></div>'],
    [mastodon, 'https://mastodon.social/home', '<div role="feed"><article data-id="1"><div class="status" data-id="1"></div></article></div>'],
    [mastodon, 'https://mastodon.social/home', '<div role="feed"><article data-id="2"><div class="status" data-id="2"><a class="status__display-name" href="javascript:alert(1)"></a><div class="status__quote"></div></div></article></div>'],
    [bluesky, 'https://bsky.app/', '<div data-testid="feedItem-by-a.b" role="link"><a href="/profile/a.b/post/x"></a><a href="https://go.bsky.app/redirect?u=%%%"></a><div role="link"></div></div>'],
    [threads, 'https://www.threads.com/', '<div data-pressable-container="true"><a href="/@u/post/C0de"><time datetime="nope"></time></a><a href="https://l.threads.com/?u=javascript%3Aalert(1)">x</a><div data-pressable-container="true"></div></div>'],
  ];

  test.each(cases.map(([adapter, url, html]) => [adapter.site, url, html, adapter] as const))('%s row %#', (_site, url, html, adapter) => {
    const doc = body(html, url);
    const pageUrl = new URL(url);
    for (const selector of adapter.itemSelectors) {
      for (const element of Array.from(doc.querySelectorAll(selector))) {
        expect(() => adapter.extract(element, pageUrl)).not.toThrow();
      }
    }
  });

  test('an X row that is a tombstone is an unavailable item with no content', () => {
    const doc = body('<div data-testid="cellInnerDiv"><article><span>This post is unavailable.</span></article></div>', 'https://x.com/home');
    expect(extractItems(doc, 'https://x.com/home')).toEqual([
      expect.objectContaining({ site: 'x', id: null, text: '', unavailable: true }),
    ]);
  });

  test('Bluesky rows without a post link are not items; a javascript: shim target is not a link', () => {
    const noLink = body('<div data-testid="feedItem-by-a.bsky.social" role="link"><div data-testid="postText">x</div></div>', 'https://bsky.app/');
    expect(extractItems(noLink, 'https://bsky.app/')).toEqual([]);
    const threadsDoc = body(cases[5]![2], 'https://www.threads.com/');
    expect(extractItems(threadsDoc, 'https://www.threads.com/')[0]).toMatchObject({ id: 'C0de', linkUrl: null, timestamp: null });
  });

  test('a Threads row with neither a post nor a person (a loading shell) is not an item', () => {
    const doc = body('<div data-pressable-container="true"><div><span dir="auto"></span></div></div>', 'https://www.threads.com/');
    expect(extractItems(doc, 'https://www.threads.com/')).toEqual([]);
  });
});

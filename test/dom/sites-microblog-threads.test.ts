/**
 * "Threads of one author" (issue 3): extractThread on each site's conversation-page fixture
 * (test/fixtures/<site>/manifest.json entries with a "thread" file) returns the author's
 * consecutive self-thread, the same from any of its parts, and nothing for other people's posts
 * or on timelines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { ADAPTERS, findItemElements } from '../../src/sites';
import type { SiteAdapter, ThreadPart } from '../../src/sites/types';
import { FIXTURE_DIR } from './fixtureLoader';

interface ConversationEntry {
  site: string;
  html: string;
  url: string;
  thread: string;
}

const SITES = ['x', 'mastodon', 'bluesky', 'threads'];

const conversations = SITES.flatMap((site) => {
  const manifest = JSON.parse(readFileSync(join(FIXTURE_DIR, site, 'manifest.json'), 'utf8')) as { fixtures: Array<Partial<ConversationEntry>> };
  return manifest.fixtures
    .filter((entry): entry is ConversationEntry => typeof entry.thread === 'string')
    .map((entry) => ({ ...entry, folder: site }));
});

function open(entry: { folder: string; html: string; url: string }) {
  const dom = new JSDOM(readFileSync(join(FIXTURE_DIR, entry.folder, entry.html), 'utf8'), { url: entry.url });
  const adapter = ADAPTERS.find((candidate) => candidate.matches(new URL(entry.url), dom.window.document)) as SiteAdapter;
  const pageUrl = new URL(entry.url);
  const rows = findItemElements(dom.window.document, adapter).map((element) => ({ element, item: adapter.extract(element, pageUrl) }));
  return { adapter, pageUrl, rows };
}

test('every microblog site has a conversation fixture with an expected thread', () => {
  expect(new Set(conversations.map((entry) => entry.site))).toEqual(new Set(SITES));
});

describe.each(conversations.map((entry) => [`${entry.folder}/${entry.html}`, entry] as const))('%s', (_name, entry) => {
  const expected = JSON.parse(readFileSync(join(FIXTURE_DIR, entry.folder, entry.thread), 'utf8')) as {
    focused: string;
    thread: ThreadPart[];
  };

  test('the focused post gives the author’s self-thread in page order', () => {
    const { adapter, pageUrl, rows } = open(entry);
    const focused = rows.find((row) => row.item?.id === expected.focused);
    expect(focused).toBeDefined();
    expect(adapter.extractThread?.(focused!.element, pageUrl)).toEqual(expected.thread);
  });

  test('every part of the self-thread gives the same thread; other posts give none', () => {
    const { adapter, pageUrl, rows } = open(entry);
    const partIds = new Set(expected.thread.map((part) => part.id));
    for (const row of rows) {
      const thread = adapter.extractThread?.(row.element, pageUrl) ?? null;
      if (partIds.has(row.item?.id ?? null)) expect(thread).toEqual(expected.thread);
      else expect(thread).toBeNull();
    }
  });
});

test('timelines are not conversations: no thread there', () => {
  for (const site of SITES) {
    const entry = { folder: '.', html: `${site}.html`, url: { x: 'https://x.com/home', mastodon: 'https://mastodon.social/home', bluesky: 'https://bsky.app/', threads: 'https://www.threads.com/' }[site]! };
    const { adapter, pageUrl, rows } = open(entry);
    for (const row of rows) expect(adapter.extractThread?.(row.element, pageUrl)).toBeNull();
  }
});

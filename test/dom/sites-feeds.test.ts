/**
 * LinkedIn, Reddit, Hacker News, Facebook and YouTube adapters beyond their fixtures: which page
 * URLs each one claims (both ways), and that a half-rendered or stripped item never makes
 * `extract` throw (the content script runs it on whatever the site has mounted so far).
 */
import { ADAPTERS, findItemElements } from '../../src/sites';
import { facebook } from '../../src/sites/facebook';
import { hackernews } from '../../src/sites/hackernews';
import { linkedin } from '../../src/sites/linkedin';
import { reddit } from '../../src/sites/reddit';
import { youtube } from '../../src/sites/youtube';
import type { SiteAdapter } from '../../src/sites/types';
import { fixtureManifest, insertLazyTemplates, loadFixture, siteIdOf } from './fixtureLoader';

const OURS: readonly SiteAdapter[] = [linkedin, reddit, hackernews, facebook, youtube];

const ROUTES: Array<[SiteAdapter, string[], string[]]> = [
  [
    linkedin,
    ['https://www.linkedin.com/feed/', 'https://www.linkedin.com/feed', 'https://www.linkedin.com/feed/foryou/', 'https://www.linkedin.com/feed/?shareActive=true'],
    ['https://www.linkedin.com/in/jan-de-vries/', 'https://www.linkedin.com/jobs/', 'https://www.linkedin.com/feed/update/urn:li:activity:7438479025768058809/', 'https://linkedin.example/feed/'],
  ],
  [
    reddit,
    ['https://www.reddit.com/', 'https://www.reddit.com/r/thenetherlands/', 'https://new.reddit.com/', 'https://old.reddit.com/', 'https://old.reddit.com/r/all/new/'],
    ['https://reddit.example/', 'https://www.redditstatus.com/', 'https://i.redd.it/abc.jpg'],
  ],
  [
    hackernews,
    ['https://news.ycombinator.com/', 'https://news.ycombinator.com/news?p=2', 'https://news.ycombinator.com/newest', 'https://news.ycombinator.com/ask', 'https://news.ycombinator.com/show', 'https://news.ycombinator.com/item?id=45313501'],
    ['https://news.ycombinator.com/user?id=pg', 'https://news.ycombinator.com/submit', 'https://www.ycombinator.com/companies'],
  ],
  [
    facebook,
    ['https://www.facebook.com/', 'https://web.facebook.com/', 'https://m.facebook.com/', 'https://www.facebook.com/?sk=h_chr'],
    ['https://www.facebook.com/marketplace/', 'https://www.facebook.com/groups/fietsenmakersnl/', 'https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com', 'https://www.messenger.com/'],
  ],
  [
    youtube,
    ['https://www.youtube.com/', 'https://www.youtube.com/feed/subscriptions', 'https://youtube.com/'],
    ['https://www.youtube.com/watch?v=k3Vq9XzL2aE', 'https://www.youtube.com/results?search_query=fiets', 'https://m.youtube.com/', 'https://music.youtube.com/'],
  ],
];

describe.each(ROUTES.map(([adapter, yes, no]) => [adapter.site, adapter, yes, no] as const))('%s routing', (_site, adapter, yes, no) => {
  test.each(yes)('claims %s, and no other adapter does', (url) => {
    expect(adapter.matches(new URL(url))).toBe(true);
    const others = ADAPTERS.filter((other) => other !== adapter && other.matches(new URL(url)));
    expect(others.map((other) => other.site)).toEqual([]);
  });
  test.each(no)('leaves %s alone', (url) => {
    expect(adapter.matches(new URL(url))).toBe(false);
  });
});

/** What a half-mounted item can be missing: links, times, images, text containers, attributes. */
const STRIPS: Array<[string, (root: Element) => void]> = [
  ['links', (root) => root.querySelectorAll('a').forEach((el) => el.remove())],
  ['hrefs', (root) => root.querySelectorAll('[href]').forEach((el) => el.setAttribute('href', '#'))],
  ['times and ages', (root) => root.querySelectorAll('time, .age, faceplate-timeago').forEach((el) => el.remove())],
  ['images and media', (root) => root.querySelectorAll('img, svg, video').forEach((el) => el.remove())],
  ['every attribute but class', (root) => [root, ...Array.from(root.querySelectorAll('*'))].forEach((el) => Array.from(el.attributes).forEach((a) => a.name !== 'class' && el.removeAttribute(a.name)))],
  ['all children', (root) => root.replaceChildren()],
];

const ourEntries = fixtureManifest().filter((entry) => OURS.some((adapter) => adapter.site === siteIdOf(entry)));

describe.each(ourEntries.map((entry) => [entry.html, entry] as const))('%s with parts missing', (_name, entry) => {
  test.each(STRIPS)('extract does not throw without %s', (_what, strip) => {
    const { dom } = loadFixture(entry);
    insertLazyTemplates(dom.window.document);
    const adapter = OURS.find((candidate) => candidate.site === siteIdOf(entry))!;
    const pageUrl = new URL(entry.url);
    const elements = findItemElements(dom.window.document, adapter);
    expect(elements.length).toBeGreaterThan(0);
    for (const element of elements) {
      strip(element);
      // Called directly: the registry's extractElement would hide a throw.
      expect(() => adapter.extract(element, pageUrl)).not.toThrow();
    }
  });
});

test.each(OURS.map((adapter) => [adapter.site, adapter] as const))('%s: an unrelated element is not an item', (_site, adapter) => {
  const { dom } = loadFixture({ site: 'x', html: 'x.html', expected: 'x.expected.json', url: 'https://x.com/home' });
  const div = dom.window.document.createElement('div');
  div.innerHTML = '<p>Just a paragraph</p>';
  expect(adapter.extract(div, new URL('https://example.com/'))).toBeNull();
});

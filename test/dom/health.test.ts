/**
 * Adapter health (src/content/health.ts) on pages without article elements: Hacker News' story
 * table and YouTube's grid of custom elements. A working adapter on the committed fixture is
 * healthy; the same page after a redesign the adapter does not know (its item markers renamed)
 * is broken, which the article count alone could not tell (it saw "no timeline" there).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isBroken } from '../../src/background/captureStatus';
import { feedRows, measureHealth } from '../../src/content/health';
import { adapterFor } from '../../src/sites';

const FIXTURES = join(__dirname, '..', 'fixtures');
const SITES = [
  // The redesign renames what the adapter's item selectors look for.
  { name: 'Hacker News', html: 'hackernews.html', url: 'https://news.ycombinator.com/news', redesign: (html: string) => html.replace(/\bathing\b/g, 'story-row') },
  { name: 'YouTube', html: 'youtube.html', url: 'https://www.youtube.com/', redesign: (html: string) => html.replace(/ytd-rich-item-renderer/g, 'yt-feed-lockup') },
];

function load(html: string): void {
  document.documentElement.innerHTML = html;
}

describe.each(SITES)('$name', ({ html, url, redesign }) => {
  const page = readFileSync(join(FIXTURES, html), 'utf8');

  test('the fixture shows no article elements, so health counts its feed-like rows', () => {
    load(page);
    expect(document.querySelectorAll('article, [role="article"]')).toHaveLength(0);
    expect(feedRows(document)).toBeGreaterThanOrEqual(3);
  });

  test('with the adapter working, health is fine', () => {
    load(page);
    const health = measureHealth(document, adapterFor(url, document)!, new URL(url));
    expect(health.recognised).toBeGreaterThan(0);
    expect(health.visible).toBeGreaterThanOrEqual(3);
    expect(isBroken(health)).toBe(false);
  });

  test('after a redesign the adapter does not know, health says broken', () => {
    load(redesign(page));
    const health = measureHealth(document, adapterFor(url, document)!, new URL(url));
    expect(health.recognised).toBe(0);
    expect(health.visible).toBeGreaterThanOrEqual(3);
    expect(isBroken(health)).toBe(true);
  });
});

test('a menu of short links is no feed: too few rows with text to judge by', () => {
  load(`<body><nav><ul>${['Home', 'New', 'Past', 'Ask', 'Show', 'Jobs'].map((name) => `<li><a href="/${name}">${name}</a></li>`).join('')}</ul></nav></body>`);
  expect(feedRows(document)).toBeLessThan(3);
});

test('rows are counted once each, however many links they hold', () => {
  const row = (i: number) => `<div class="row"><a href="/a${i}">A story title number ${i}</a> <a href="/u${i}">user</a> <a href="/c${i}">comments</a></div>`;
  load(`<body><main>${Array.from({ length: 7 }, (_, i) => row(i)).join('')}</main></body>`);
  expect(feedRows(document)).toBe(7);
});

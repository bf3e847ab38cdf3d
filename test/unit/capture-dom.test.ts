/**
 * @jest-environment jsdom
 *
 * The page-side parts of capturing (issue 3) on the committed fixtures under jsdom: the injected
 * metadata reader agrees with the Mastodon adapter's markup test, the health measure calls every
 * real fixture healthy and a redesigned feed broken, and the keyboard command finds the item
 * around the focused element.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPageMetadata } from '../../src/background/capturePage';
import { itemElementAround, listenForSaveCommand, targetElement, trackPointer } from '../../src/content/commands';
import type { PointerState } from '../../src/content/commands';
import { isBroken } from '../../src/background/capture';
import { measureHealth } from '../../src/content/health';
import { adapterFor } from '../../src/sites';
import { looksLikeMastodon } from '../../src/sites/mastodon';

const FIXTURES = join(__dirname, '..', 'fixtures');
const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as { fixtures: Array<{ site: string; html: string; url: string }> };
const mastodonManifest = JSON.parse(readFileSync(join(FIXTURES, 'mastodon', 'manifest.json'), 'utf8')) as { fixtures: Array<{ html: string; url: string }> };
const pages = [
  ...manifest.fixtures.map((fixture) => ({ name: fixture.site, html: fixture.html, url: fixture.url })),
  ...mastodonManifest.fixtures.map((fixture) => ({ name: `mastodon/${fixture.html}`, html: `mastodon/${fixture.html}`, url: fixture.url })),
];

function load(html: string): void {
  document.documentElement.innerHTML = readFileSync(join(FIXTURES, html), 'utf8');
}

test.each(pages)('$name: readPageMetadata says Mastodon exactly when looksLikeMastodon does', ({ html }) => {
  load(html);
  expect(readPageMetadata().looksLikeMastodon).toBe(looksLikeMastodon(document));
});

test('readPageMetadata reads Open Graph, canonical link, title and the selection', () => {
  document.documentElement.innerHTML = `<head><title> Fallback </title><link rel="canonical" href="https://example.org/a">
    <meta property="og:site_name" content="Example"><meta name="description" content="Plain description"></head><body><p id="p">Chosen words</p></body>`;
  const range = document.createRange();
  range.selectNodeContents(document.getElementById('p') as HTMLElement);
  getSelection()?.removeAllRanges();
  getSelection()?.addRange(range);
  expect(readPageMetadata()).toMatchObject({
    title: 'Fallback',
    canonical: 'https://example.org/a',
    description: 'Plain description',
    siteName: 'Example',
    selection: 'Chosen words',
  });
  getSelection()?.removeAllRanges();
});

test('readPageMetadata names the feed only while Stroom\'s content script watches one (its bridge\'s current view)', () => {
  const scope = globalThis as { __stroomContent?: unknown };
  expect(readPageMetadata().feedSite).toBeNull(); // no content script
  const view = new AbortController();
  scope.__stroomContent = { adapter: { site: 'x' }, view: null };
  expect(readPageMetadata().feedSite).toBeNull(); // started, not watching a feed yet
  scope.__stroomContent = { adapter: { site: 'x' }, view: { signal: view.signal } };
  expect(readPageMetadata().feedSite).toBe('x');
  view.abort(); // navigated away from the feed
  expect(readPageMetadata().feedSite).toBeNull();
  delete scope.__stroomContent;
});

test.each(pages)('$name: the health measure finds the fixture healthy', ({ html, url }) => {
  load(html);
  const adapter = adapterFor(url, document);
  expect(adapter).not.toBeNull();
  const health = measureHealth(document, adapter!, new URL(url));
  expect(isBroken(health)).toBe(false);
  expect(health.recognised).toBeGreaterThan(0);
});

test('a redesigned feed (articles the adapter does not know) measures broken', () => {
  document.body.innerHTML = Array.from({ length: 5 }, (_, index) => `<article class="post-v2"><p>Post ${index}</p></article>`).join('');
  const url = 'https://www.linkedin.com/feed/';
  const health = measureHealth(document, adapterFor(url)!, new URL(url));
  expect(health).toEqual({ recognised: 0, visible: 5 });
  expect(isBroken(health)).toBe(true);
});

test('the keyboard command takes the outermost item around the focus, else around the pointer', () => {
  load('x.html');
  const adapter = adapterFor('https://x.com/home')!;
  // X's item is the timeline cell around the tweet's <article> (see src/sites/x.ts).
  const [first, second] = Array.from(document.querySelectorAll('[data-testid="cellInnerDiv"]')).filter((cell) => cell.querySelector('article'));
  const link = first!.querySelector('article a') as HTMLElement;
  expect(itemElementAround(link, adapter)).toBe(first);
  link.setAttribute('tabindex', '0');
  link.focus();
  // jsdom has no layout: the pointer rests on the second post's link.
  const underPointer = second!.querySelector('article a');
  document.elementFromPoint = () => underPointer;
  expect(targetElement(document, null, false, adapter)).toBe(first);
  expect(targetElement(document, { x: 10, y: 400 }, false, adapter)).toBe(first); // focus moved last
  expect(targetElement(document, { x: 10, y: 400 }, true, adapter)).toBe(second); // the pointer moved last
  (document.activeElement as HTMLElement | null)?.blur();
  expect(targetElement(document, null, false, adapter)).toBeNull();
  expect(targetElement(document, { x: 10, y: 400 }, false, adapter)).toBe(second);
});

describe('the content script accepts the command only from its own background', () => {
  type Listener = (message: unknown, sender: { id?: string; tab?: unknown }, sendResponse: (reply: unknown) => void) => boolean | undefined;
  let listener: Listener | null = null;
  const sent: unknown[] = [];
  const lifetime = new AbortController();
  beforeAll(() => {
    load('x.html');
    (globalThis as unknown as { chrome: unknown }).chrome = {
      runtime: {
        id: 'stroom-id',
        sendMessage: async (message: unknown) => {
          sent.push(message);
          return { ok: true, value: { key: 'x:1', savedAt: 1, created: true } };
        },
        onMessage: {
          addListener: (added: Listener) => (listener = added),
          removeListener: () => (listener = null),
        },
      },
      i18n: { getMessage: () => '', getUILanguage: () => 'en' },
    };
    // The page is x.com/home, a feed; jsdom's location cannot be changed, so the adapter is asked directly.
    const adapter = { ...adapterFor('https://x.com/home')!, matches: () => true };
    listenForSaveCommand(adapter, lifetime.signal);
  });
  afterAll(() => lifetime.abort());

  const ask = (message: unknown, sender: { id?: string; tab?: unknown }) =>
    new Promise<{ handled: boolean | undefined; reply: unknown }>((resolve) => {
      let handled: boolean | undefined;
      const timer = setTimeout(() => resolve({ handled, reply: null }), 50);
      handled = listener!(message, sender, (reply) => {
        clearTimeout(timer);
        resolve({ handled, reply });
      });
      if (handled === undefined) {
        clearTimeout(timer);
        resolve({ handled, reply: null });
      }
    });

  test.each([
    ['another extension', { stroom: 1, type: 'save-focused' }, { id: 'other-extension' }],
    ['a content script (has a tab)', { stroom: 1, type: 'save-focused' }, { id: 'stroom-id', tab: { id: 4 } }],
    ['a different type', { stroom: 1, type: 'save-item', payload: {} }, { id: 'stroom-id' }],
    ['extra fields', { stroom: 1, type: 'save-focused', item: {} }, { id: 'stroom-id' }],
    ['not an object', 'save-focused', { id: 'stroom-id' }],
  ])('ignores %s', async (_name, message, sender) => {
    expect(await ask(message, sender)).toEqual({ handled: undefined, reply: null });
    expect(sent).toEqual([]);
  });

  test("saves the focused item when its own background asks", async () => {
    const cell = Array.from(document.querySelectorAll('[data-testid="cellInnerDiv"]')).find((candidate) => candidate.querySelector('article'))!;
    const link = cell.querySelector('article a') as HTMLElement;
    link.setAttribute('tabindex', '0');
    link.focus();
    const { handled, reply } = await ask({ stroom: 1, type: 'save-focused' }, { id: 'stroom-id' });
    expect(handled).toBe(true);
    expect(reply).toEqual({ saved: true, key: 'x:1' });
    expect(sent).toEqual([{ stroom: 1, type: 'save-item', payload: expect.objectContaining({ item: expect.objectContaining({ site: 'x', id: (JSON.parse(readFileSync(join(FIXTURES, 'x.expected.json'), 'utf8')) as Array<{ id: string }>)[0]!.id }) }) }]);
  });
});

describe("the content script's pointer and focus tracker (the command's handler is injected later and reads it)", () => {
  test('records where the pointer moved and whether focus moved after it, until its signal ends', () => {
    const state: PointerState = { pointer: null, pointerIsNewer: false };
    const lifetime = new AbortController();
    trackPointer(state, lifetime.signal);
    dispatchEvent(new MouseEvent('pointermove', { clientX: 12, clientY: 340 }));
    expect(state).toEqual({ pointer: { x: 12, y: 340 }, pointerIsNewer: true });
    document.body.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(state).toEqual({ pointer: { x: 12, y: 340 }, pointerIsNewer: false });
    lifetime.abort();
    dispatchEvent(new MouseEvent('pointermove', { clientX: 1, clientY: 2 }));
    expect(state.pointer).toEqual({ x: 12, y: 340 });
  });
});

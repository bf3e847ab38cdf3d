/**
 * findItemElements searches natively only between items and steps from item to item by sibling
 * (src/sites/extract.ts). Whatever the tree, it must find what the plain definition finds: every
 * match of the first selector that matches anything, in document order, except those inside
 * another match. Checked on random trees and on every fixture.
 */
import { JSDOM } from 'jsdom';
import { adapterFor, findItemElements } from '../../src/sites';
import type { SiteAdapter } from '../../src/sites/types';
import { fixtureManifest, loadFixture } from './fixtureLoader';

/** The definition, the slow way: every match under (or at) root, less those inside another. */
function outermostMatches(root: ParentNode, selectors: readonly string[]): Element[] {
  const rootElement = (root as Node).nodeType === 1 ? (root as Element) : null;
  for (const selector of selectors) {
    const all = [...(rootElement?.matches(selector) ? [rootElement] : []), ...Array.from(root.querySelectorAll(selector))];
    if (all.length === 0) continue;
    if (rootElement?.parentElement?.closest(selector)) return [];
    return all.filter((element) => !all.some((other) => other !== element && other.contains(element)));
  }
  return [];
}

function adapterWith(itemSelectors: string[]): SiteAdapter {
  return { site: 'x', label: 'test', matches: () => true, itemSelectors, extract: () => null };
}

/** A small deterministic generator (mulberry32), so a failing tree can be rebuilt. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A tree of divs and sections, some of them items (class "item", or "card" for the second selector). */
function randomTree(document: Document, next: () => number): HTMLElement {
  const body = document.createElement('main');
  const grow = (parent: Element, depth: number): void => {
    const children = Math.floor(next() * (depth < 2 ? 6 : 4));
    for (let i = 0; i < children; i++) {
      const child = document.createElement(next() < 0.5 ? 'div' : 'section');
      const kind = next();
      if (kind < 0.25) child.className = 'item';
      else if (kind < 0.3) child.className = 'card';
      child.id = `n${Math.floor(next() * 1e9)}`;
      parent.append(child);
      if (depth < 5) grow(child, depth + 1);
    }
  };
  grow(body, 0);
  return body;
}

describe('findItemElements', () => {
  const SELECTORS = ['.item', '.card'];

  test('finds the outermost matches in document order in 300 random trees, from any root', () => {
    const { document } = new JSDOM('<!doctype html><body></body>').window;
    let checked = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const tree = randomTree(document, next);
      document.body.replaceChildren(tree);
      const everyElement = Array.from(tree.querySelectorAll('*'));
      // The whole document, the tree, and a few of its elements (items, items inside items, plain ones).
      const roots: ParentNode[] = [document, tree, ...everyElement.filter(() => next() < 0.1)];
      for (const root of roots) {
        const found = findItemElements(root, adapterWith(SELECTORS)).map((element) => element.id);
        const expected = outermostMatches(root, SELECTORS).map((element) => element.id);
        expect({ seed, found }).toEqual({ seed, found: expected });
        checked += 1;
      }
    }
    // The trees are not trivial: plenty of roots were checked.
    expect(checked).toBeGreaterThan(900);
  });

  test('finds rows, their later siblings and matches in later branches, not what is inside a row', () => {
    const { document } = new JSDOM(`<!doctype html><body>
      <header><div class="item" id="a"><div class="item" id="nested"></div></div></header>
      <main>
        <div class="item" id="b"></div><p>between</p><div class="item" id="c"></div>
        <div><span><div class="item" id="d"></div></span></div>
      </main>
      <aside><div class="item" id="e"></div></aside>
    </body>`).window;
    expect(findItemElements(document, adapterWith(SELECTORS)).map((element) => element.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    // Inside an item: nothing there is an item of its own.
    expect(findItemElements(document.getElementById('nested')!, adapterWith(SELECTORS))).toEqual([]);
    // An item as the root is the one item.
    expect(findItemElements(document.getElementById('a')!, adapterWith(SELECTORS)).map((element) => element.id)).toEqual(['a']);
  });

  test.each(fixtureManifest().map((entry) => [entry.html, entry] as const))('finds what the definition finds in %s', (_name, entry) => {
    const { document } = loadFixture(entry).dom.window;
    const adapter = adapterFor(entry.url, document);
    if (!adapter) throw new Error(`no adapter for ${entry.url}`);
    const found = findItemElements(document, adapter);
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(outermostMatches(document, adapter.itemSelectors));
  });
});

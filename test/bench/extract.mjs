// Extraction cost per feed item under jsdom, for every registered site with a fixture in
// test/fixtures/manifest.json. Each fixture's rows are cloned into a 1,000-row timeline and every
// timed run reads rows it has never seen (a real page extracts each new row once, and jsdom caches
// some lookups per node). One run per site: three would hold 300,000 cloned nodes per site.
// Budget: ≤ 20 µs per item.
//
// Beside each number, two floors, timed on other fresh rows of the same fixture (200 more clones
// each, after extraction, in 50-row chunks; the cheapest chunk is printed): "walk", a bare
// firstElementChild/nextElementSibling walk of every element of the item, and "text", reading
// the item's textContent (jsdom's own walk, with no JS wrapper per element): the cheapest way to
// read an item's text, before finding out which part of it is the post. A row is the item's
// element and the rows after it that belong to it (itemGroups: a Hacker News story's subtext row).
// No extraction that looks at every element of a row can cost less than the walk, so it tells
// adapter work from jsdom's floor:
// touching a node for the first time (wrapper, impl, tree node) costs ~0.5-1 µs under jsdom, where
// walking the same few rows again costs ~0.2 µs. That first-touch cost is not a bench artefact
// (issue 3, 2026-11-27): collecting garbage and waiting for the concurrent sweeper before timing
// left it unchanged (X: 87 vs 85 µs per bare row walk), and so did cloning rows in small batches
// and walking each batch at once, as the content script reads rows right after the site adds them.
// (Calling gc() just before timing without waiting makes the numbers worse: the sweeper threads'
// CPU time lands in the process total.) So the timeline below is built and read as before.
//
// "peek" is the adapter's peek() (X, Mastodon) on 1,000 other fresh rows, beside extract. It has
// no budget here: it is made for Chromium, where a native query costs a few µs and a JS walk a
// wrapper per element, while under jsdom every querySelector is itself a JS walk (nwsapi).
//
// Times are process CPU time (user + system), not wall time: the bench machine is shared, and wall
// time there mostly measures the other processes. Usage: node test/bench/extract.mjs [site ...]
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import { JSDOM } from 'jsdom';
import { itemGroups } from '../tools/lib/timeline.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outfile = join(root, 'node_modules', '.cache', 'stroom', 'bench-sites.mjs');
mkdirSync(dirname(outfile), { recursive: true });
await esbuild.build({
  entryPoints: [join(root, 'src', 'sites', 'index.ts')],
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile,
  logLevel: 'warning',
});
const sites = await import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);

// Collect garbage after each site so only one site's clones are alive at a time. (Collecting just
// before the timed loop made the numbers worse, not steadier, so the loop runs as a page would.)
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
const cpuMicros = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

const TIMELINE_SIZE = 1000;
const WALK_ROWS = 200;
const WALK_CHUNK = 50;
const BUDGET_US = 20;
const fixtureDir = join(root, 'test', 'fixtures');
const manifest = JSON.parse(readFileSync(join(fixtureDir, 'manifest.json'), 'utf8'));
const registered = new Set(sites.ADAPTERS.map((adapter) => adapter.site));
const siteIdOf = (entry) => (entry.site.startsWith('reddit') ? 'reddit' : entry.site);
const only = new Set(process.argv.slice(2));

/**
 * The fixture in its own window, with functions that append 1,000 fresh clones of its items: each
 * item with the rows after it that belong to it (itemGroups), returning the items' elements
 * (appendTimeline) or every element of each item (appendGroups).
 */
function load(entry) {
  const dom = new JSDOM(readFileSync(join(fixtureDir, entry.html), 'utf8'), { url: entry.url });
  const document = dom.window.document;
  const adapter = sites.adapterFor(entry.url, document);
  const originals = adapter ? sites.findItemElements(document, adapter) : [];
  const groups = itemGroups(originals);
  const container = originals[0]?.parentNode;
  const appendGroups = (size = TIMELINE_SIZE) => {
    const clones = [];
    while (clones.length < size) {
      for (const group of groups) {
        if (clones.length >= size) break;
        clones.push(group.map((element) => container.appendChild(element.cloneNode(true))));
      }
    }
    return clones;
  };
  const appendTimeline = (size = TIMELINE_SIZE) => appendGroups(size).map((group) => group[0]);
  return { dom, document, adapter, originals, appendTimeline, appendGroups };
}

console.log(
  `extract: CPU µs per item over a ${TIMELINE_SIZE}-row timeline of fresh rows under jsdom ` +
    `(find = findItemElements over the whole page; walk = a bare element walk of ${WALK_ROWS} other fresh rows, ` +
    `the floor for reading every element; text = their textContent; budget ${BUDGET_US} µs for extract)`,
);

/** Elements in a row, visited the cheapest way jsdom offers; the count keeps the walk from being optimised away. */
function bareWalk(element) {
  let count = 1;
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) count += bareWalk(child);
  return count;
}
/** The element's text, read by jsdom in one pass; its length keeps the read from being optimised away. */
const textLength = (element) => element.textContent.length;

/**
 * A floor: CPU µs per item of `read` over every element of WALK_ROWS fresh items, after a JIT
 * warm-up on the fixture's own rows. The cheapest of four 50-row chunks: a floor should not carry
 * a collection of the garbage that extraction and find left behind (one such pause can double a
 * 200-row mean). `total` is the sum of what `read` returned, per item.
 */
function floor(page, read) {
  for (let i = 0; i < 200; i += 1) for (const element of page.originals) read(element);
  const groups = page.appendGroups(WALK_ROWS);
  let total = 0;
  let us = Infinity;
  for (let chunk = 0; chunk < groups.length; chunk += WALK_CHUNK) {
    const chunkGroups = groups.slice(chunk, chunk + WALK_CHUNK);
    const start = cpuMicros();
    for (const group of chunkGroups) for (const element of group) total += read(element);
    us = Math.min(us, (cpuMicros() - start) / chunkGroups.length);
  }
  return { us, perItem: total / groups.length };
}
for (const entry of manifest.fixtures) {
  if (!registered.has(siteIdOf(entry)) || (only.size > 0 && !only.has(siteIdOf(entry)))) continue;
  const name = entry.html.padEnd(18);
  let page = load(entry);
  if (!page.adapter || page.originals.length === 0) {
    console.log(`${name} no ${page.adapter ? 'items' : 'adapter'} found`);
    continue;
  }
  const pageUrl = new URL(entry.url);
  for (let i = 0; i < 200; i += 1) for (const element of page.originals) sites.extractElement(element, page.adapter, pageUrl); // JIT warm-up on the fixture's own rows

  const rows = page.appendTimeline();
  let items = 0;
  let start = cpuMicros();
  for (const row of rows) if (sites.extractElement(row, page.adapter, pageUrl)) items += 1;
  const extractUs = (cpuMicros() - start) / rows.length;

  start = cpuMicros();
  const found = sites.findItemElements(page.document, page.adapter).length;
  const findUs = (cpuMicros() - start) / found;

  const walk = floor(page, bareWalk);
  const text = floor(page, textLength);

  // peek (the fields a save control needs), where the adapter has one: other fresh rows, after
  // the rest so it changes no other number.
  let peekUs = null;
  if (page.adapter.peek) {
    for (let i = 0; i < 200; i += 1) for (const element of page.originals) page.adapter.peek(element, pageUrl);
    const peekRows = page.appendTimeline();
    start = cpuMicros();
    for (const row of peekRows) page.adapter.peek(row, pageUrl);
    peekUs = (cpuMicros() - start) / peekRows.length;
  }

  page.dom.window.close();
  page = null; // one site's 100,000 cloned nodes at a time
  gc();

  const flag = extractUs > BUDGET_US ? '  (over budget)' : '';
  console.log(
    `${name} ${String(items).padStart(4)} items/${rows.length} rows: extract ${extractUs.toFixed(1).padStart(6)} µs/item ` +
      `(budget ${BUDGET_US}; walk ${walk.us.toFixed(1).padStart(5)} for ${Math.round(walk.perItem)} elements, text ${text.us.toFixed(1).padStart(5)}), ` +
      `find ${findUs.toFixed(1).padStart(5)} µs/item${peekUs === null ? '' : `, peek ${peekUs.toFixed(1).padStart(5)} µs/item`}${flag}`,
  );
}

// Extraction cost per feed item under jsdom, for every registered site with a fixture in
// test/fixtures/manifest.json. Each fixture's items are cloned into a 1,000-item timeline; we time
// extractItems() over the page (finding + extracting) and print µs per item. Budget: ≤ 20 µs.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import * as esbuild from 'esbuild';
import { JSDOM } from 'jsdom';

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

const TIMELINE_SIZE = 1000;
const RUNS = 3;
const BUDGET_US = 20;
const fixtureDir = join(root, 'test', 'fixtures');
const manifest = JSON.parse(readFileSync(join(fixtureDir, 'manifest.json'), 'utf8'));
const registered = new Set(sites.ADAPTERS.map((adapter) => adapter.site));
const siteIdOf = (entry) => (entry.site.startsWith('reddit') ? 'reddit' : entry.site);

console.log(`extract: µs per item over a ${TIMELINE_SIZE}-item timeline under jsdom (median of ${RUNS} runs on fresh rows; budget ${BUDGET_US} µs)`);
for (const entry of manifest.fixtures) {
  if (!registered.has(siteIdOf(entry))) continue;
  const dom = new JSDOM(readFileSync(join(fixtureDir, entry.html), 'utf8'), { url: entry.url });
  const document = dom.window.document;
  const adapter = sites.adapterFor(entry.url, document);
  if (!adapter) {
    console.log(`${entry.html.padEnd(22)} no adapter matched ${entry.url}`);
    continue;
  }
  const originals = sites.findItemElements(document, adapter);
  if (originals.length === 0) {
    console.log(`${entry.html.padEnd(22)} no items found`);
    continue;
  }
  // Repeat the fixture's rows (appended after the first row's siblings) until the timeline is full.
  // Every run gets fresh clones: jsdom caches some lookups per node, and a real page extracts each
  // new row once, so re-extracting the same nodes would flatter the numbers.
  const container = originals[0].parentNode;
  const pageUrl = new URL(entry.url);
  let clones = [];
  const rebuild = () => {
    for (const clone of clones) clone.remove();
    clones = [];
    let count = originals.length;
    while (count < TIMELINE_SIZE) {
      for (const element of originals) {
        if (count >= TIMELINE_SIZE) break;
        clones.push(container.appendChild(element.cloneNode(true)));
        count += 1;
      }
    }
    return sites.findItemElements(document, adapter);
  };

  const timeRuns = (fn) => {
    const samples = [];
    for (let run = 0; run < RUNS; run += 1) {
      const elements = rebuild();
      const start = performance.now();
      fn(elements);
      samples.push((performance.now() - start) / elements.length);
    }
    samples.sort((a, b) => a - b);
    return samples[Math.floor(RUNS / 2)];
  };
  let rows = 0;
  let extracted = 0;
  for (let i = 0; i < 50; i += 1) for (const element of originals) sites.extractElement(element, adapter, pageUrl); // warm-up (JIT)
  const extractMs = timeRuns((elements) => {
    rows = elements.length;
    extracted = 0;
    for (const element of elements) if (sites.extractElement(element, adapter, pageUrl)) extracted += 1;
  });
  rebuild();
  const pageStart = performance.now();
  const pageItems = sites.extractItems(document, entry.url).length;
  const pageMs = (performance.now() - pageStart) / Math.max(1, pageItems);
  const perItem = (ms) => (ms * 1000).toFixed(1).padStart(6);
  const flag = extractMs * 1000 > BUDGET_US ? '  over budget' : '';
  console.log(
    `${entry.html.padEnd(22)} ${String(rows).padStart(5)} rows, ${String(extracted).padStart(5)} items: ` +
      `extract ${perItem(extractMs)} µs/item, find+extract ${perItem(pageMs)} µs/item${flag}`,
  );
  dom.window.close();
}

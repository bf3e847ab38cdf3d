// Extraction cost per feed item under jsdom, for every registered site with a fixture in
// test/fixtures/manifest.json. Each fixture's rows are cloned into a 1,000-row timeline and every
// timed run reads rows it has never seen (a real page extracts each new row once, and jsdom caches
// some lookups per node). One run per site: three would hold 300,000 cloned nodes per site.
// Budget: ≤ 20 µs per item.
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
const BUDGET_US = 20;
const fixtureDir = join(root, 'test', 'fixtures');
const manifest = JSON.parse(readFileSync(join(fixtureDir, 'manifest.json'), 'utf8'));
const registered = new Set(sites.ADAPTERS.map((adapter) => adapter.site));
const siteIdOf = (entry) => (entry.site.startsWith('reddit') ? 'reddit' : entry.site);
const only = new Set(process.argv.slice(2));

/** The fixture in its own window, with a function that appends 1,000 fresh clones of its rows. */
function load(entry) {
  const dom = new JSDOM(readFileSync(join(fixtureDir, entry.html), 'utf8'), { url: entry.url });
  const document = dom.window.document;
  const adapter = sites.adapterFor(entry.url, document);
  const originals = adapter ? sites.findItemElements(document, adapter) : [];
  const container = originals[0]?.parentNode;
  const appendTimeline = () => {
    const rows = [];
    while (rows.length < TIMELINE_SIZE) {
      for (const element of originals) {
        if (rows.length >= TIMELINE_SIZE) break;
        rows.push(container.appendChild(element.cloneNode(true)));
      }
    }
    return rows;
  };
  return { dom, document, adapter, originals, appendTimeline };
}

console.log(
  `extract: CPU µs per item over a ${TIMELINE_SIZE}-row timeline of fresh rows under jsdom ` +
    `(find = findItemElements over the whole page; budget ${BUDGET_US} µs for extract)`,
);
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

  page.dom.window.close();
  page = null; // one site's 100,000 cloned nodes at a time
  gc();

  const flag = extractUs > BUDGET_US ? '  (over budget)' : '';
  console.log(
    `${name} ${String(items).padStart(4)} items/${rows.length} rows: extract ${extractUs.toFixed(1).padStart(6)} µs/item, ` +
      `find ${findUs.toFixed(1).padStart(5)} µs/item${flag}`,
  );
}

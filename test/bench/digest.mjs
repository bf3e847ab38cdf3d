// Benchmark for issue 5's budget: a digest of 500 items (20,000 words) in ≤ 150 ms in Chromium.
// This measures Node (V8 too); the Chromium measurement can reuse `benchItems` and the bundled
// `buildDigest` (node_modules/.cache/stroom/digest-bench.mjs exports both).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * `count` stored items of about `words` words in total, built from the evaluation days' texts
 * (EN + NL, many themes). Texts recur with a different closing sentence taken from another item,
 * so near-duplicates and large themes occur, as on a heavy day.
 */
export function benchItems(count = 500, words = 20_000) {
  const sources = ['days.jsonl', 'heldout-days.jsonl'].flatMap((file) =>
    fs
      .readFileSync(path.join(root, 'test/eval', file), 'utf8')
      .trim()
      .split('\n')
      .flatMap((line) => JSON.parse(line).items),
  );
  const perItem = words / count;
  const start = Date.parse('2026-11-20T06:00:00Z');
  const items = [];
  for (let i = 0; i < count; i++) {
    const base = sources[i % sources.length];
    const extra = sources[(i * 7 + 3) % sources.length].text.split(/\s+/);
    let text = base.text.split(/\s+/);
    // Pad or trim to the target length so the total is `words`.
    const target = Math.round(perItem * (i + 1)) - Math.round(perItem * i);
    text = text.concat(extra).slice(0, target);
    items.push({
      site: base.site,
      id: `${base.id}-${i}`,
      key: `${base.site}:${base.id}-${i}`,
      text: text.join(' '),
      authorName: null,
      authorHandle: base.author,
      savedAt: start + i * 90_000,
      status: 'unread',
      lang: base.lang,
    });
  }
  return items;
}

async function main() {
  const outfile = path.join(root, 'node_modules/.cache/stroom/digest-bench.mjs');
  await esbuild.build({
    stdin: { contents: "export { buildDigest, analyseDay, groupItems } from './src/digest/index.ts';", resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    outfile,
    logLevel: 'error',
  });
  const { buildDigest, analyseDay, groupItems } = await import(`${outfile}?t=${Date.now()}`);
  const items = benchItems();
  const totalWords = items.reduce((s, it) => s + it.text.split(/\s+/).length, 0);
  const options = { day: '2026-11-20', lang: 'en', timeZone: 'UTC' };
  // Wall time and this process's CPU time: on a busy machine (shared cores) wall time also counts
  // waiting for a core, CPU time does not.
  const time = (fn, runs) => {
    const wall = [];
    const cpu = [];
    for (let r = 0; r < runs; r++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      fn();
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    wall.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    return { median: wall[Math.floor(runs / 2)], min: wall[0], max: wall[runs - 1], cpu: cpu[Math.floor(runs / 2)] };
  };
  const cold = time(() => buildDigest(items, options), 1);
  for (let w = 0; w < 3; w++) buildDigest(items, options);
  const full = time(() => buildDigest(items, options), 9);
  const analyse = time(() => analyseDay(items), 9);
  const day = analyseDay(items);
  const group = time(() => groupItems(day), 9);
  const digest = buildDigest(items, options);
  const f = (x) => `${x.toFixed(1)} ms`;
  console.log(`digest: ${items.length} items, ${totalWords} words, ${digest.themes.length} themes (${digest.themes.at(-1)?.other ? 'incl. Other' : 'no Other'})`);
  console.log(`  buildDigest   first run ${f(cold.median)} (CPU ${f(cold.cpu)}); warm wall median ${f(full.median)} (min ${f(full.min)}, max ${f(full.max)}), CPU median ${f(full.cpu)}  (budget 150 ms in Chromium)`);
  console.log(`  of which features+similarities median ${f(analyse.median)} (CPU ${f(analyse.cpu)}), clustering median ${f(group.median)} (CPU ${f(group.cpu)})`);
  console.log(`  digest JSON ${(JSON.stringify(digest).length / 1024).toFixed(1)} KB`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();

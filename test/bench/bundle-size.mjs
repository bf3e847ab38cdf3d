// Content-script size budget (issue 2): every per-site content script a feed page loads at
// document_idle is ≤ 20 KB minified. Measured on the built dist/<browser>/ files (run
// `node build.mjs` first; `npm run bench` does), minified with esbuild the way test/bench/content.mjs
// does it, and gzipped (level 9) for what a store download costs. Beside them: the extras the
// background injects only when wanted (src/messaging/extras.ts), which no page loads at start.
//
// Then where the bytes go: each module's share of the minified Chromium bundle (esbuild metafile),
// for the shared content-script core and for each site's adapter.
//
// Usage: node test/bench/bundle-size.mjs
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUDGET_KB = 20;
const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(5);

async function sizes(file) {
  const { code } = await esbuild.transform(readFileSync(file, 'utf8'), { minify: true, legalComments: 'none' });
  return { minified: Buffer.byteLength(code), gzipped: gzipSync(code, { level: 9 }).length };
}

let overBudget = 0;
for (const browser of ['chrome', 'firefox']) {
  const dist = join(root, 'dist', browser);
  if (!existsSync(join(dist, 'manifest.json'))) {
    console.log(`dist/${browser} is missing: run node build.mjs first`);
    process.exitCode = 1;
    continue;
  }
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const atStart = [...new Set(manifest.content_scripts.flatMap((entry) => entry.js))].sort();
  console.log(`\n${browser}: content scripts a feed page loads at ${manifest.content_scripts[0]?.run_at} (budget ≤ ${BUDGET_KB} KB minified)`);
  console.log('  file                          minified   gzipped   (minified bytes / budget)');
  for (const file of atStart) {
    const { minified, gzipped } = await sizes(join(dist, file));
    const within = minified <= BUDGET_KB * 1024;
    if (!within) overBudget++;
    const verdict = within ? 'ok' : `OVER by ${((minified - BUDGET_KB * 1024) / 1024).toFixed(1)} KB`;
    console.log(`  ${file.padEnd(28)} ${kb(minified)} KB  ${kb(gzipped)} KB   ${verdict.padEnd(14)} (${minified} / ${BUDGET_KB * 1024})`);
  }
  console.log('  injected only when wanted:');
  for (const file of readdirSync(dist).filter((name) => /^content-extra-.*\.js$/.test(name)).sort()) {
    const { minified, gzipped } = await sizes(join(dist, file));
    console.log(`  ${file.padEnd(28)} ${kb(minified)} KB  ${kb(gzipped)} KB`);
  }
}
console.log(overBudget === 0 ? '\nEvery per-site content script is within budget.' : `\n${overBudget} content script(s) over budget.`);

// — Where the bytes go (Chromium target, minified in one pass with the bundle, so a module's
// share is exact; the totals differ from the file sizes above by a few hundred bytes) —
const entries = readdirSync(join(root, 'src', 'content', 'entries')).filter((name) => name.endsWith('.ts'));
const shares = {};
const adapters = {};
for (const name of entries) {
  const site = name.slice(0, -3);
  const result = await esbuild.build({
    entryPoints: [join(root, 'src', 'content', 'entries', name)],
    bundle: true,
    write: false,
    metafile: true,
    minify: true,
    format: 'iife',
    target: 'chrome120',
    legalComments: 'none',
    charset: 'utf8',
    define: { __DEV__: 'false', __FIREFOX__: 'false', 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const inputs = Object.values(result.metafile.outputs)[0].inputs;
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    const module = relative(root, join(process.cwd(), path)).split('\\').join('/');
    if (module === `src/sites/${site}.ts`) adapters[site] = bytesInOutput;
    else (shares[module] ??= {})[site] = bytesInOutput;
  }
}
console.log('\nShared modules, minified bytes (the most any site bundles):');
for (const [module, perSite] of Object.entries(shares).sort((a, b) => Math.max(...Object.values(b[1])) - Math.max(...Object.values(a[1])))) {
  const most = Math.max(...Object.values(perSite));
  if (most >= 40) console.log(`  ${String(most).padStart(6)}  ${module}`);
}
console.log('Each site\'s adapter, minified bytes:');
for (const [site, bytes] of Object.entries(adapters).sort((a, b) => b[1] - a[1])) console.log(`  ${String(bytes).padStart(6)}  src/sites/${site}.ts`);

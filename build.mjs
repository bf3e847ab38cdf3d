#!/usr/bin/env node
/**
 * Builds Stroom for Chrome and Firefox from one manifest.
 *
 *   node build.mjs            dist/chrome, dist/firefox and a store zip of each
 *   node build.mjs --watch    rebuild both on change (no zips)
 *
 * Output is readable (not minified) with external source maps, as store reviewers prefer; the
 * size budgets are checked on a minified build by `npm run bench`.
 */
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const root = dirname(fileURLToPath(import.meta.url));
const watch = process.argv.includes('--watch');
const TARGETS = ['chrome', 'firefox'];

/**
 * One entry per execution context; pages are an HTML file beside their script. Each site gets
 * its own content script (content-<site>.js) so a page loads only its own adapter. The content
 * script's optional parts (content-extra-<name>.js: debug badges, session nudge, the keyboard
 * command's handler) are injected by the background only when wanted (src/messaging/extras.ts).
 */
const PAGES = ['popup', 'options', 'digest'];
const ENTRY_POINTS = {
  background: 'src/background/index.ts',
  ...Object.fromEntries(PAGES.map((page) => [page, `src/ui/${page}/index.tsx`])),
  ...Object.fromEntries(
    readdirSync(join(root, 'src/content/entries'))
      .filter((name) => name.endsWith('.ts'))
      .map((name) => [`content-${name.slice(0, -3)}`, `src/content/entries/${name}`]),
  ),
  ...Object.fromEntries(
    readdirSync(join(root, 'src/content/extras'))
      .filter((name) => name.endsWith('.ts'))
      .map((name) => [`content-extra-${name.slice(0, -3)}`, `src/content/extras/${name}`]),
  ),
};

function esbuildOptions(target, outdir) {
  return {
    entryPoints: ENTRY_POINTS,
    outdir,
    bundle: true,
    format: 'iife',
    target: target === 'chrome' ? 'chrome120' : 'firefox128',
    sourcemap: 'linked',
    minify: false,
    legalComments: 'none',
    charset: 'utf8',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    // __FIREFOX__: code for one browser only is left out of the other's build (src/content/control.ts).
    define: { __DEV__: 'false', __FIREFOX__: String(target === 'firefox'), 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  };
}

function copyStatic(outdir) {
  cpSync(join(root, 'manifest.json'), join(outdir, 'manifest.json'));
  cpSync(join(root, 'icons'), join(outdir, 'icons'), { recursive: true, filter: (src) => !src.endsWith('.svg') || statSync(src).isDirectory() });
  writeLocales(join(outdir, '_locales'));
  for (const page of PAGES) {
    cpSync(join(root, `src/ui/${page}/${page}.html`), join(outdir, `${page}.html`));
  }
  cpSync(join(root, 'src/ui/shared/stroom.css'), join(outdir, 'stroom.css'));
}

/**
 * The browser wants one messages.json per language; we keep one file per area of the code
 * (src/_locales/<lang>/<area>.json) so features do not collide, and merge them here. A name
 * defined twice is an error, not a silent overwrite.
 */
function writeLocales(outdir) {
  const source = join(root, 'src/_locales');
  for (const lang of readdirSync(source)) {
    const merged = {};
    for (const file of readdirSync(join(source, lang)).filter((name) => name.endsWith('.json')).sort()) {
      const messages = JSON.parse(readFileSync(join(source, lang, file), 'utf8'));
      for (const [name, message] of Object.entries(messages)) {
        if (name in merged) throw new Error(`_locales/${lang}: "${name}" is defined twice (${file})`);
        merged[name] = message;
      }
    }
    mkdirSync(join(outdir, lang), { recursive: true });
    writeFileSync(join(outdir, lang, 'messages.json'), `${JSON.stringify(merged, null, 2)}\n`);
  }
}

function zipDirectory(dir, zipPath) {
  const files = {};
  const walk = (current) => {
    for (const name of readdirSync(current).sort()) {
      const full = join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!name.endsWith('.map')) files[relative(dir, full).split('\\').join('/')] = readFileSync(full);
    }
  };
  walk(dir);
  writeFileSync(zipPath, zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
}

async function buildAll() {
  const contexts = [];
  for (const target of TARGETS) {
    const outdir = join(root, 'dist', target);
    rmSync(outdir, { recursive: true, force: true });
    mkdirSync(outdir, { recursive: true });
    copyStatic(outdir);
    const options = esbuildOptions(target, outdir);
    if (watch) {
      const context = await esbuild.context({
        ...options,
        plugins: [{ name: 'copy-static', setup: (build) => build.onEnd(() => copyStatic(outdir)) }],
      });
      await context.watch();
      contexts.push(context);
    } else {
      await esbuild.build(options);
      zipDirectory(outdir, join(root, 'dist', `stroom-${target}.zip`));
    }
  }
  if (watch) console.log('Watching src/ for changes (Ctrl+C to stop)…');
  else console.log('Built dist/chrome, dist/firefox, dist/stroom-chrome.zip and dist/stroom-firefox.zip');
}

await buildAll();

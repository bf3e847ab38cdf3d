// Regenerates icons/icon-{16,32,48,128}.png from the hand-written SVGs in icons/.
//
// Rasterised by the Chromium that puppeteer-core (already a devDependency, used by the e2e tier)
// drives, so no extra package: Skia's anti-aliasing is as good as resvg's for shapes this simple,
// and a transparent page background keeps the rounded corners clean on any toolbar.
//
//   node test/tools/icons.mjs            write the PNGs
//   node test/tools/icons.mjs --preview  also write a contact sheet (each size on a light and a dark
//                                     toolbar colour, actual size and magnified) outside the repo
//
// The browser is found at $CHROMIUM_PATH or a usual system location.

import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const iconsDir = join(root, 'icons');
const previewPath = join(root, 'node_modules', '.cache', 'stroom', 'icons-preview.png');

// 16 px gets its own drawing: at that size the full icon's curves turn to mush, so the small
// variant redraws the same shapes on the 16 px grid with whole-pixel strokes.
// The 128 px icon is what the Chrome Web Store and the install dialog show; the store asks for
// 96 px of artwork inside 16 px of transparent padding, so it lines up with other listings.
const ICONS = [
  { size: 16, source: 'stroom-small.svg', padding: 0 },
  { size: 32, source: 'stroom.svg', padding: 0 },
  { size: 48, source: 'stroom.svg', padding: 0 },
  { size: 128, source: 'stroom.svg', padding: 16 },
];

// Chrome's and Firefox's light and dark toolbar colours.
const PREVIEW_BACKGROUNDS = ['#ffffff', '#f1f3f4', '#202124', '#2b2a33'];

function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/lib/chromium/chromium',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) throw new Error('No Chromium found; set CHROMIUM_PATH to a Chromium or Chrome binary.');
  return found;
}

async function svgDataUrl(fileName) {
  const svg = await readFile(join(iconsDir, fileName));
  return `data:image/svg+xml;base64,${svg.toString('base64')}`;
}

async function screenshotHtml(page, html, width, height) {
  await page.setViewport({ width, height, deviceScaleFactor: 1 });
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
  return page.screenshot({ type: 'png', omitBackground: true, clip: { x: 0, y: 0, width, height } });
}

async function renderIcon(page, { size, source, padding }) {
  const artSize = size - 2 * padding;
  const html = `<!doctype html><style>html,body{margin:0;background:transparent}img{display:block}</style>
    <img src="${await svgDataUrl(source)}" width="${artSize}" height="${artSize}"
      style="margin:${padding}px">`;
  return screenshotHtml(page, html, size, size);
}

async function renderPreview(page, pngBySize) {
  const magnified = 128;
  const cells = [...pngBySize].map(([size, png]) => {
    const src = `data:image/png;base64,${png.toString('base64')}`;
    return `<td><img src="${src}" width="${size}" height="${size}">
      <img class="zoom" src="${src}" width="${magnified}" height="${magnified}"></td>`;
  });
  const rows = PREVIEW_BACKGROUNDS.map(
    (colour) => `<tr style="background:${colour}">${cells.join('')}</tr>`,
  );
  const html = `<!doctype html><style>
      body{margin:0} table{border-collapse:collapse} td{padding:12px;white-space:nowrap}
      img{margin-right:12px;vertical-align:middle} .zoom{image-rendering:pixelated}
    </style><table>${rows.join('')}</table>`;
  const width = [...pngBySize.keys()].reduce((sum, size) => sum + size + magnified + 48, 0);
  const height = PREVIEW_BACKGROUNDS.length * (magnified + 28);
  return screenshotHtml(page, html, width, height);
}

const browser = await puppeteer.launch({
  executablePath: findChromium(),
  headless: true,
  args: ['--no-sandbox', '--force-color-profile=srgb', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  const pngBySize = new Map();
  for (const icon of ICONS) {
    const png = await renderIcon(page, icon);
    await writeFile(join(iconsDir, `icon-${icon.size}.png`), png);
    pngBySize.set(icon.size, png);
    console.log(`icons/icon-${icon.size}.png  from ${icon.source}  (${png.length} bytes)`);
  }
  if (process.argv.includes('--preview')) {
    await mkdir(dirname(previewPath), { recursive: true });
    await writeFile(previewPath, await renderPreview(page, pngBySize));
    console.log(`preview: ${previewPath}`);
  }
} finally {
  await browser.close();
}

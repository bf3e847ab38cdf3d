#!/usr/bin/env node
/**
 * `npm start`: opens Chromium with the freshly built Stroom on a local demo timeline: the site
 * fixtures in test/fixtures served at their real URLs (x.com, mastodon.social, …), so anyone can
 * try Stroom without an account and without the network.
 *
 * With a display it opens a normal window and waits until you close it. Without one (a server,
 * CI) it runs the same demo headless: saves two posts, and writes screenshots of the feed and
 * the popup to the folder it prints.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { INSTALL_HINT, extensionChromiumArgs, findChromium } from './lib/browsers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const extension = join(root, 'dist', 'chrome');
const fixtures = join(root, 'test', 'fixtures');
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const outputDir = resolve(process.env.STROOM_DEMO_OUT ?? join(root, 'demo-output'));

const executablePath = findChromium();
if (!executablePath) {
  console.error(`Chromium not found. Install it with:\n\n  ${INSTALL_HINT}\n\nor set CHROME_PATH to a Chrome or Chromium binary.`);
  process.exit(2);
}

/** The demo timelines: every fixture of the shared set, at its real URL. */
const manifest = JSON.parse(readFileSync(join(fixtures, 'manifest.json'), 'utf8'));
const layout = `<style>${readFileSync(join(fixtures, 'fixture-layout.css'), 'utf8')}</style>`;
const pages = manifest.fixtures.map((entry) => ({
  site: entry.site,
  url: entry.url,
  html: readFileSync(join(fixtures, entry.html), 'utf8').replace('</head>', `${layout}</head>`),
}));
const DEMO_SITES = ['x', 'mastodon'];

const profile = mkdtempSync(join(tmpdir(), 'stroom-demo-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless,
  viewport: headless ? { width: 1100, height: 900 } : null,
  // Offline by design: every host but loopback fails at once; demo pages are served below.
  args: extensionChromiumArgs(extension),
});
await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
for (const page of pages) {
  const { origin, pathname } = new URL(page.url);
  await context.route(
    (url) => url.origin === origin && (url.pathname === pathname || url.pathname === `${pathname}/`),
    (route) => (route.request().resourceType() === 'document' ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: page.html }) : route.abort()),
  );
}

const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
const popupUrl = `chrome-extension://${extensionId}/popup.html`;
const demoPages = DEMO_SITES.map((site) => pages.find((page) => page.site === site)).filter(Boolean);

if (headless) {
  mkdirSync(outputDir, { recursive: true });
  const feed = await context.newPage();
  await feed.goto(demoPages[0].url);
  const buttons = feed.locator('[data-stroom-action="save"]');
  await buttons.first().waitFor();
  await buttons.nth(0).click();
  await buttons.nth(2).click();
  await feed.waitForFunction(() => document.querySelectorAll('[data-stroom-action="save"]').length > 0);
  await feed.evaluate(() => scrollTo(0, 0));
  await feed.screenshot({ path: join(outputDir, 'feed-x.png'), fullPage: false });
  const mastodon = await context.newPage();
  await mastodon.goto(demoPages[1].url);
  await mastodon.locator('[data-stroom-action="save"]').first().click();
  await mastodon.screenshot({ path: join(outputDir, 'feed-mastodon.png') });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 520 });
  await popup.goto(popupUrl);
  await popup.locator('[data-stroom-item]').first().waitFor();
  await popup.screenshot({ path: join(outputDir, 'popup.png') });
  await popup.getByRole('button', { name: 'Today' }).click();
  await popup.waitForTimeout(500); // let today's digest render for the picture
  await popup.screenshot({ path: join(outputDir, 'popup-today.png') });
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  console.log(`No display found, so the demo ran headless. Screenshots are in ${outputDir}:`);
  console.log('  feed-x.png, feed-mastodon.png, popup.png, popup-today.png');
} else {
  for (const page of demoPages) await (await context.newPage()).goto(page.url);
  await (await context.newPage()).goto(popupUrl);
  console.log('Stroom is running on the demo timelines. Press Save under a post, then look in the Stroom tab (the popup).');
  console.log(`Other demo feeds: ${pages.map((page) => page.url).join(', ')}`);
  console.log('Close the browser window to end the demo.');
  await new Promise((resolveClosed) => context.on('close', resolveClosed));
  rmSync(profile, { recursive: true, force: true });
}

/**
 * Launches real headless Chromium with the built extension (dist/chrome) loaded, site URLs routed
 * to committed fixtures, every other host unreachable, and every request recorded so tests can
 * prove the extension itself makes none. See ../shared/BROWSER-TESTING.md for the facts used.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page, Request, Worker } from 'playwright-core';

export const ROOT = resolve(__dirname, '..', '..');
export const CHROME_DIST = join(ROOT, 'dist', 'chrome');
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/lib/chromium/chromium';

/** Site pages served from fixtures: URL prefix → fixture file under test/fixtures. */
export type Routes = Record<string, string>;

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: () => Promise<Worker>;
  /** Requests made by the extension itself (service worker or extension pages) to the network. */
  extensionRequests: string[];
  close(): Promise<void>;
}

/** Fixture HTML with test/fixtures/fixture-layout.css inlined (see that file for why). */
export function fixtureHtml(file: string): string {
  const html = readFileSync(join(ROOT, 'test', 'fixtures', file), 'utf8');
  const layout = `<style>${readFileSync(join(ROOT, 'test', 'fixtures', 'fixture-layout.css'), 'utf8')}</style>`;
  return html.includes('</head>') ? html.replace('</head>', `${layout}</head>`) : layout + html;
}

/** `extensionDir`: another build than dist/chrome to load (a test's modified copy of it). */
export async function launchWithExtension(routes: Routes, options: { locale?: string; extensionDir?: string } = {}): Promise<ExtensionBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'stroom-e2e-'));
  const extension = options.extensionDir ?? CHROME_DIST;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    locale: options.locale ?? 'en-US',
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--disable-quic',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${options.locale ?? 'en-US'}`,
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    ],
  });
  context.setDefaultTimeout(10_000);
  const extensionRequests: string[] = [];
  context.on('request', (request: Request) => {
    const url = request.url();
    if (url.startsWith('chrome-extension://') || url.startsWith('data:')) return;
    let fromExtension = request.serviceWorker() !== null;
    try {
      fromExtension ||= request.frame().url().startsWith('chrome-extension://');
    } catch {
      // Requests of service workers have no frame.
    }
    if (fromExtension) extensionRequests.push(url);
  });
  // Fixture pages reference site images and scripts: never fetch them. (Registered first: Playwright tries the
  // newest route first, so the fixture routes below take precedence.)
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
  for (const [prefix, file] of Object.entries(routes)) {
    const body = fixtureHtml(file);
    await context.route(
      (url) => url.href.startsWith(prefix),
      (route) => (route.request().resourceType() === 'document' ? route.fulfill({ contentType: 'text/html; charset=utf-8', body }) : route.abort()),
    );
  }

  const worker = async () => context.serviceWorkers().at(-1) ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await worker()).url()).host;
  return {
    context,
    extensionId,
    worker,
    extensionRequests,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Every record of one of Stroom's IndexedDB stores, read inside the service worker (the
 * extension's own origin), so tests check what was really stored.
 */
export async function readStore<T>(browser: ExtensionBrowser, store: 'items' | 'digests'): Promise<T[]> {
  const worker = await browser.worker();
  return worker.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('stroom');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            resolve(request.result as T[]);
            open.result.close();
          };
        };
      }),
    store,
  );
}

/** Poll until `read()` satisfies `check`, or fail with the last value seen. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => void, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    try {
      check(value);
      return value;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((done) => setTimeout(done, 25));
  }
}

/**
 * Infinite scroll as a feed does it: 300 more items in batches of 20, one batch a frame. They are
 * copies of the items matching `itemSelector` that have a control (without it), each with up to
 * `rowsAfter` rows after it that are not items (a Hacker News story's subtext row). Each copied
 * item is marked data-e2e-copy.
 */
export async function appendItemCopies(page: Page, itemSelector: string, rowsAfter = 0): Promise<void> {
  await page.evaluate(
    async ({ selector, rows }) => {
      const items = Array.from(document.querySelectorAll(selector)).filter((item) => item.querySelector('[data-stroom-action="save"]'));
      const templates = items.map((item) => {
        const group = [item];
        for (let next = item.nextElementSibling; next && !next.matches(selector) && group.length <= rows; next = next.nextElementSibling) group.push(next);
        return group.map((element, i) => {
          const copy = element.cloneNode(true) as Element;
          copy.querySelectorAll('[data-stroom-action="save"]').forEach((control) => control.remove());
          if (i === 0) copy.setAttribute('data-e2e-copy', '');
          return copy;
        });
      });
      const parent = items[0]!.parentElement!;
      for (let batch = 0; batch < 15; batch++) {
        parent.append(...Array.from({ length: 20 }, (_, i) => templates[(batch * 20 + i) % templates.length]!.map((element) => element.cloneNode(true))).flat());
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      }
    },
    { selector: itemSelector, rows: rowsAfter },
  );
}

/**
 * Jumps through a long page, as a restored scroll position or the End key makes them, in an order
 * no scroll would; after each, every element matching `selector` in view has its save control
 * (the feed watcher watches one item in a few, and the others must come with it).
 */
export async function expectControlsInViewAfterJumps(page: Page, selector: string): Promise<void> {
  for (const fraction of [0.55, 0.15, 0.9, 0.35, 1]) {
    await page.evaluate((f) => scrollTo(0, document.body.scrollHeight * f), fraction);
    await eventually(
      () =>
        page.evaluate((inViewSelector) => {
          const inView = Array.from(document.querySelectorAll(inViewSelector)).filter((element) => {
            const box = element.getBoundingClientRect();
            return box.height > 0 && box.bottom > 0 && box.top < innerHeight;
          });
          return { inView: inView.length, withControl: inView.filter((element) => element.querySelector('[data-stroom-action="save"]')).length };
        }, selector),
      (value) => {
        expect(value.inView).toBeGreaterThan(0);
        expect(value.withControl).toBe(value.inView);
      },
    );
  }
}

export async function openPopup(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  // Surface the popup's own errors in the test output: they explain a missing list at once.
  page.on('pageerror', (error) => console.error('[popup error]', error));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error('[popup console]', message.text());
  });
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  return page;
}

/**
 * Stop the extension's service worker the way Chrome does when it idles out, and wait until it
 * is gone. The next runtime message starts it again with fresh globals.
 */
export async function stopServiceWorker(browser: ExtensionBrowser, page: Page): Promise<void> {
  const session = await browser.context.newCDPSession(page);
  await session.send('ServiceWorker.enable');
  await session.send('ServiceWorker.stopAllWorkers');
  const targetsOf = async () => {
    const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: Array<{ type: string; url: string }> };
    return targetInfos.filter((target) => target.type === 'service_worker' && target.url.includes(browser.extensionId));
  };
  for (let attempt = 0; attempt < 200 && (await targetsOf()).length > 0; attempt++) await new Promise((done) => setTimeout(done, 25));
  if ((await targetsOf()).length > 0) throw new Error('service worker did not stop');
  await session.detach();
}

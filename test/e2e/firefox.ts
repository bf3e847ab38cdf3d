/**
 * Launches real headless Firefox ESR with the built extension (dist/firefox) installed, site URLs
 * served from the same fixtures as the Chromium tests, and no way to reach the network. Driven by
 * puppeteer-core over WebDriver BiDi; see the Firefox section of ../shared/BROWSER-TESTING.md for
 * the facts used here (pinned extension UUID, hermetic prefs, moz-extension navigation quirk).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { FIREFOX_PATH, requireBrowser } from './browsers';
import { ROOT, eventually, fixtureHtml } from './chromium';
import type { Routes } from './chromium';

export const FIREFOX_DIST = join(ROOT, 'dist', 'firefox');
/** Pinned through a pref so the popup URL is known before the extension is installed. */
export const EXTENSION_UUID = 'd6f1c0de-57e0-4a11-9c3b-000000005700';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** The gecko id from the built manifest, as Firefox reports it after installing. */
  extensionId: string;
  /** The Firefox parent process: its environment shows the network guard is in force. */
  pid: number;
  /** Firefox's "Non-local network connections are disabled" errors, each naming the address tried. */
  networkGuardTrips: string[];
  /** Requests made by the extension's own pages to anything but the extension itself. */
  extensionRequests: string[];
  /** Requests of feed pages other than the routed fixture documents (site images, scripts): all aborted. */
  blockedPageRequests: string[];
  /** A tab whose site URLs are answered from fixtures and whose other requests are aborted. */
  newFeedPage(): Promise<Page>;
  openPopup(): Promise<Page>;
  close(): Promise<void>;
}

/** The slice of Firefox's `browser` global the tests call from extension pages. */
export interface ExtensionPageApi {
  runtime: { getBackgroundPage(): Promise<Record<string, unknown> | null> };
  extension: { getBackgroundPage(): Record<string, unknown> | null };
}

function geckoId(): string {
  const manifest = JSON.parse(readFileSync(join(FIREFOX_DIST, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${FIREFOX_DIST}/manifest.json has no gecko id: run node build.mjs`);
  return id;
}

export async function launchFirefoxWithExtension(
  routes: Routes,
  options: { backgroundIdleTimeoutMs?: number } = {},
): Promise<FirefoxExtensionBrowser> {
  requireBrowser('Firefox ESR', FIREFOX_PATH);
  const id = geckoId();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // Required to navigate a tab to a moz-extension:// page.
    args: ['--remote-allow-system-access'],
    // Any connection to a non-loopback address aborts Firefox: an unrouted request cannot pass unnoticed.
    env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }),
      // Firefox's own background traffic, which would otherwise trip the guard above.
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
      'network.dns.disablePrefetch': true,
      'network.dns.disablePrefetchFromHTTPS': true,
      'network.predictor.enabled': false,
      'network.prefetch-next': false,
      // The event page suspends after this much idle time (30 s by default), like MV3's worker.
      'extensions.background.idle.timeout': options.backgroundIdleTimeoutMs ?? 30_000,
    },
  });
  const firefoxProcess = browser.process();
  const pid = firefoxProcess?.pid;
  if (!firefoxProcess || pid === undefined) throw new Error('Firefox started without a process id');
  const networkGuardTrips: string[] = [];
  firefoxProcess.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) if (line.includes('Non-local network connections are disabled')) networkGuardTrips.push(line.trim());
  });
  const extensionId = await browser.installExtension(FIREFOX_DIST); // an absolute path: relative ones fail
  const extensionRequests: string[] = [];
  const blockedPageRequests: string[] = [];
  const bodies = Object.entries(routes).map(([prefix, file]) => [prefix, fixtureHtml(file)] as const);

  const newTab = async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    return page;
  };

  return {
    browser,
    extensionId,
    pid,
    networkGuardTrips,
    extensionRequests,
    blockedPageRequests,
    async newFeedPage() {
      const page = await newTab();
      await page.setRequestInterception(true);
      page.on('request', (request: HTTPRequest) => {
        const url = request.url();
        const route = bodies.find(([prefix]) => url.startsWith(prefix));
        if (route && request.isNavigationRequest()) {
          void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: route[1] });
        } else if (/^(data|blob|about|moz-extension):/.test(url)) {
          void request.continue();
        } else {
          blockedPageRequests.push(url);
          void request.abort();
        }
      });
      return page;
    },
    async openPopup() {
      const page = await newTab();
      page.on('request', (request: HTTPRequest) => {
        if (!request.url().startsWith(`${EXTENSION_ORIGIN}/`)) extensionRequests.push(request.url());
      });
      await gotoExtensionPage(page, `${EXTENSION_ORIGIN}/popup.html`);
      return page;
    },
    async close() {
      // Puppeteer made the profile and removes it when Firefox exits, also after the guard ended it.
      if (browser.connected) await browser.close();
      else if (firefoxProcess.exitCode === null && firefoxProcess.signalCode === null) firefoxProcess.kill();
    },
  };
}

/** Stroom's save buttons. */
export const SAVE_BUTTON = '[data-stroom-action="save"]';

/**
 * How many save buttons a page shows: each stays hidden until the background has inserted its
 * stylesheet, so this also proves the user stylesheet reached the page.
 */
export function shownSaveButtons(page: Page): Promise<number> {
  return page.$$eval(SAVE_BUTTON, (buttons) => buttons.filter((button) => button.getBoundingClientRect().width > 0).length);
}

/**
 * page.goto() never resolves for moz-extension:// documents (no load events reach BiDi, Firefox
 * bug 1755014): start the navigation, then poll the page itself until it has loaded.
 */
export async function gotoExtensionPage(page: Page, url: string): Promise<void> {
  // Mark the document we leave, so a reload of the same URL is not mistaken for done at once.
  await page
    .evaluate(() => {
      (globalThis as { stroomE2eLeaving?: boolean }).stroomE2eLeaving = true;
    })
    .catch(() => {
      // A fresh tab may not be scriptable yet: nothing to mark.
    });
  page.goto(url).catch(() => {
    // Expected: the navigation promise is abandoned when the page closes.
  });
  await eventually(
    () =>
      page
        .evaluate(() => `${(globalThis as { stroomE2eLeaving?: boolean }).stroomE2eLeaving ? 'old' : document.readyState} ${location.href}`)
        .catch((error: unknown) => `not yet: ${String(error)}`),
    (state) => expect(state).toBe(`complete ${url}`),
    10_000,
  );
}

/**
 * Reload an extension page (the same quirk as goto applies). Its URL comes from the document:
 * page.url() still says about:blank, as BiDi never saw the navigation finish.
 */
export async function reloadExtensionPage(page: Page): Promise<void> {
  await gotoExtensionPage(page, await page.evaluate(() => location.href));
}

/*
 * The event page's life cycle, seen from an extension page. Firefox suspends it after
 * `backgroundIdleTimeoutMs` without events (as Chrome stops an idle MV3 worker); the next event
 * starts it again with fresh globals. A mark left in its global scope tells the two apart.
 */
/** Wake the background if needed and leave a random mark in its global scope. */
export async function markBackground(extensionPage: Page): Promise<string> {
  const mark = randomUUID();
  const marked = await extensionPage.evaluate(async (value) => {
    const background = await (globalThis as unknown as { browser: ExtensionPageApi }).browser.runtime.getBackgroundPage();
    if (!background) return false;
    background.stroomE2eMark = value;
    return background.stroomE2eMark === value;
  }, mark);
  if (!marked) throw new Error('could not reach the background page to mark it');
  return mark;
}

/**
 * Whether the event page is suspended right now. extension.getBackgroundPage() only looks: it
 * returns null while the page is suspended and, unlike runtime.getBackgroundPage(), never wakes it.
 */
export async function backgroundSuspended(extensionPage: Page): Promise<boolean> {
  return extensionPage.evaluate(() => (globalThis as unknown as { browser: ExtensionPageApi }).browser.extension.getBackgroundPage() === null);
}

/** Poll (without waking it) until Firefox has suspended the idle event page; returns the wait in ms. */
export async function waitUntilBackgroundSuspended(extensionPage: Page, timeoutMs = 10_000): Promise<number> {
  const started = Date.now();
  await eventually(() => backgroundSuspended(extensionPage), (suspended) => expect(suspended).toBe(true), timeoutMs);
  return Date.now() - started;
}

/** The mark in the background's global scope (waking it if suspended), or null if it has none. */
export async function backgroundMark(extensionPage: Page): Promise<string | null> {
  return extensionPage.evaluate(async () => {
    const background = await (globalThis as unknown as { browser: ExtensionPageApi }).browser.runtime.getBackgroundPage();
    if (!background) throw new Error('no background page after waking it');
    const mark = background.stroomE2eMark;
    return typeof mark === 'string' ? mark : null;
  });
}

/** The keys in the extension's IndexedDB (`stroom` / `items`), read from an extension page. */
export async function storedKeys(extensionPage: Page): Promise<string[]> {
  return extensionPage.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('stroom');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('items').objectStore('items').getAllKeys();
          request.onsuccess = () => {
            resolve((request.result as string[]).sort());
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/**
 * Stroom's background (an MV3 service worker in Chrome, an event page in Firefox). Listeners are
 * registered synchronously at start-up so an event that wakes the worker is not lost; the
 * database connection is opened lazily and reopened after the worker was stopped.
 */
import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import { openStroomDB } from '../store/db';
import type { StroomDatabase } from '../store/db';
import type { BackgroundContext } from './context';
import { createHandlers } from './handlers';
import { classifySender, route } from './router';
import { browserSettingsStore, injectFiles, insertUserStyle } from './platform';
import { contentFrame, extrasToLoad } from './inject';
import { CONTROL_STYLE, extraFile, isLoadExtrasRequest } from '../messaging/extras';
import type { ExtraName } from '../messaging/extras';
import { CONTROL_CSS } from '../core/controlStyle';
import type { LoadExtrasRequest } from '../messaging/extras';
import { backfillSummaries } from './summaries';
import { CATCH_UP_ALARM, DIGEST_ALARM, DIGEST_NOTIFICATION, catchUpDigest, onCatchUpAlarm, onDigestAlarm, scheduleNextDigest } from './digest';
import { browserDigestPlatform } from './digestPlatform';
import { SETTINGS_KEY } from './platform';
import { browserCapturePlatform, createCaptureListeners, createMenus, restoreInstances } from './captureBrowser';

let database: Promise<StroomDatabase> | null = null;
function getDb(): Promise<StroomDatabase> {
  database ??= openStroomDB().catch((error: unknown) => {
    database = null; // let the next event try again
    throw error;
  });
  return database;
}

const digestPlatform = browserDigestPlatform();
const capturePlatform = browserCapturePlatform();
const context: BackgroundContext = { getDb, now: Date.now, settings: browserSettingsStore(), digest: digestPlatform, capture: capturePlatform };
const handlers = createHandlers(context);
const identity = { id: browser.runtime.id, origin: browser.runtime.getURL('') };

browser.runtime.onMessage.addListener(
  (message: unknown, sender: Runtime.MessageSender): Promise<unknown> =>
    isLoadExtrasRequest(message) ? loadExtras(message, sender) : route(message, sender, handlers, identity),
);

/**
 * A feed page asks for its opt-in extras (debug badges, session nudge) or its controls' style:
 * put into its frame only if it is Stroom's content script, and only those the settings switch on.
 */
async function loadExtras(request: LoadExtrasRequest, sender: Runtime.MessageSender): Promise<unknown> {
  try {
    const frame = classifySender(sender, identity.id, identity.origin).kind === 'content' ? contentFrame(sender) : null;
    if (!frame) throw new Error('load-extras is accepted only from a content script');
    const names = extrasToLoad(request, await context.settings.read());
    if (names.includes(CONTROL_STYLE)) await insertUserStyle(frame, CONTROL_CSS);
    const scripts = names.filter((name): name is ExtraName => name !== CONTROL_STYLE);
    if (scripts.length > 0) await injectFiles(frame, scripts.map(extraFile));
    return { ok: true, value: { loaded: names } };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

browser.runtime.onInstalled.addListener(({ reason }) => {
  // After an update, items saved by an older Stroom get the summaries it did not make.
  if (reason === 'update') void getDb().then((db) => backfillSummaries(db));
});

// The daily digest: catch up once after a closed browser (a minute after it starts), deliver when
// the alarm fires, and move the alarm when the user changes the time or days.
const logDigestError = (error: unknown) => console.error('[Stroom] digest delivery failed', error);
browser.runtime.onInstalled.addListener(() => void catchUpDigest(context, digestPlatform).catch(logDigestError));
browser.runtime.onStartup.addListener(() => void catchUpDigest(context, digestPlatform).catch(logDigestError));
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === DIGEST_ALARM) void onDigestAlarm(context, digestPlatform, alarm.scheduledTime).catch(logDigestError);
  if (alarm.name === CATCH_UP_ALARM) void onCatchUpAlarm(context, digestPlatform, alarm.scheduledTime).catch(logDigestError);
});
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && SETTINGS_KEY in changes) void scheduleNextDigest(context, digestPlatform).catch(logDigestError);
});
browser.notifications.onClicked.addListener((id) => {
  if (id !== DIGEST_NOTIFICATION) return;
  void browser.tabs.create({ url: browser.runtime.getURL('digest.html') });
  void browser.notifications.clear(id);
});

// Other ways to save (issue 3): the keyboard command, the context menu, and Mastodon instances
// granted at run time (registered again after an update, which drops dynamic scripts in Firefox).
const capture = createCaptureListeners(context, capturePlatform);
const logCaptureError = (error: unknown) => console.error('[Stroom] capture failed', error);
/**
 * The content script carries only a pointer and focus tracker; the code that finds and saves the
 * item is injected into the active tab first (a page without Stroom's content script ignores it,
 * and one we may not script at all is saved as a page as before).
 */
const onCommand: typeof capture.onCommand = async (command) => {
  if (command === 'save-item') {
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id !== undefined) await injectFiles({ tabId: tab.id }, [extraFile('command')]).catch(() => undefined);
  }
  return capture.onCommand(command);
};
browser.commands.onCommand.addListener((command) => void onCommand(command).catch(logCaptureError));
browser.contextMenus.onClicked.addListener((info, tab) => void capture.onMenuClicked(info, tab).catch(logCaptureError));
browser.runtime.onInstalled.addListener(() => {
  void createMenus().catch(logCaptureError);
  void restoreInstances(capturePlatform).catch(logCaptureError);
});
browser.runtime.onStartup.addListener(() => void createMenus().catch(logCaptureError));
// The worker's global is reachable only from Stroom's own contexts and DevTools: end-to-end tests
// call the listeners here exactly as the browser does (headless Chromium cannot press a shortcut,
// click a menu entry or answer a permission prompt).
Object.assign(globalThis, { stroomCapture: { ...capture, onCommand, enableInstance: (origin: string) => handlers['enable-instance']({ origin }, { kind: 'page', url: new URL(identity.origin) }) } });

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
import { route } from './router';
import { browserSettingsStore } from './platform';
import { backfillSummaries } from './summaries';

let database: Promise<StroomDatabase> | null = null;
function getDb(): Promise<StroomDatabase> {
  database ??= openStroomDB().catch((error: unknown) => {
    database = null; // let the next event try again
    throw error;
  });
  return database;
}

const context: BackgroundContext = { getDb, now: Date.now, settings: browserSettingsStore() };
const handlers = createHandlers(context);
const identity = { id: browser.runtime.id, origin: browser.runtime.getURL('') };

browser.runtime.onMessage.addListener(
  (message: unknown, sender: Runtime.MessageSender): Promise<unknown> => route(message, sender, handlers, identity),
);

browser.runtime.onInstalled.addListener(({ reason }) => {
  // After an update, items saved by an older Stroom get the summaries it did not make.
  if (reason === 'update') void getDb().then((db) => backfillSummaries(db));
});

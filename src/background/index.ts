/**
 * Stroom's background (an MV3 service worker in Chrome, an event page in Firefox). Listeners are
 * registered synchronously at start-up so a message that wakes the worker is not lost; the
 * database connection is opened lazily and reopened after the worker was stopped.
 */
import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import { openStroomDB } from '../store/db';
import type { StroomDatabase } from '../store/db';
import { createHandlers } from './handlers';
import { route } from './router';

let database: Promise<StroomDatabase> | null = null;
function getDb(): Promise<StroomDatabase> {
  database ??= openStroomDB().catch((error: unknown) => {
    database = null; // let the next message try again
    throw error;
  });
  return database;
}

const handlers = createHandlers(getDb);
const identity = { id: browser.runtime.id, origin: browser.runtime.getURL('') };

browser.runtime.onMessage.addListener(
  (message: unknown, sender: Runtime.MessageSender): Promise<unknown> => route(message, sender, handlers, identity),
);

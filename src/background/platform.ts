/**
 * The background's ties to the browser: storage behind the SettingsStore interface. Handlers and
 * jobs get these through BackgroundContext and never import the extension API themselves, so
 * they run in Node tests.
 */
import browser from 'webextension-polyfill';
import { parseSettings } from '../core/settings';
import type { SettingsStore } from './context';

export const SETTINGS_KEY = 'settings';

/** Settings in storage.local, read through the migrating parser. */
export function browserSettingsStore(): SettingsStore {
  return {
    async read() {
      const stored = await browser.storage.local.get(SETTINGS_KEY);
      return parseSettings(stored[SETTINGS_KEY]);
    },
    async write(settings) {
      await browser.storage.local.set({ [SETTINGS_KEY]: settings });
    },
  };
}


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


/**
 * Runs extension files in a tab's frame, in the isolated world the content script runs in
 * (src/content/bridge.ts). Needs no permission beyond what lets the content script run there:
 * the site's host permission (or, for the keyboard command elsewhere, the command's activeTab).
 */
export async function injectFiles(target: { tabId: number; frameId?: number }, files: string[]): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId: target.tabId, frameIds: [target.frameId ?? 0] }, files });
}

/**
 * Inserts CSS into a tab's frame as a user stylesheet, whose !important declarations the page
 * cannot override (the save control's look, src/core/controlStyle.ts).
 */
export async function insertUserStyle(target: { tabId: number; frameId?: number }, css: string): Promise<void> {
  await browser.scripting.insertCSS({ target: { tabId: target.tabId, frameIds: [target.frameId ?? 0] }, css, origin: 'USER' });
}

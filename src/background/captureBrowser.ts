/**
 * The browser side of capturing (issue 3): the keyboard command, the context menu, reading a tab's
 * metadata with activeTab + scripting, and Mastodon instances registered at run time. The logic
 * they drive lives in capture.ts and capturePage.ts (tested in Node); this file is the glue.
 */
import browser from 'webextension-polyfill';
import type { Menus, Tabs } from 'webextension-polyfill';
import { COMMAND_MESSAGE } from '../core/messages/capture';
import type { SaveFocusedReply } from '../core/messages/capture';
import type { BackgroundContext } from './context';
import type { CapturePlatform } from './capture';
import { grantedInstances, saveWebItem } from './capture';
import { parsePageMetadata, readPageMetadata, webItemFromLink, webItemFromPage } from './capturePage';

const MENU = { link: 'stroom-save-link', selection: 'stroom-save-selection', page: 'stroom-save-page' } as const;
const mastodonScriptId = (origin: string) => `stroom-mastodon-${new URL(origin).host}`;

export function browserCapturePlatform(): CapturePlatform {
  return {
    async readPage(tabId) {
      const [result] = await browser.scripting.executeScript({ target: { tabId }, func: readPageMetadata });
      return result?.result;
    },
    local: {
      async get(key) {
        return (await browser.storage.local.get(key))[key];
      },
      async set(key, value) {
        await browser.storage.local.set({ [key]: value });
      },
    },
    hasOrigin: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
    async registerMastodon(origin) {
      const id = mastodonScriptId(origin);
      const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
      if (existing.length > 0) return;
      await browser.scripting.registerContentScripts([
        { id, matches: [`${origin}/*`], js: ['content-mastodon.js'], runAt: 'document_idle', persistAcrossSessions: true },
      ]);
    },
    async unregisterMastodon(origin) {
      const id = mastodonScriptId(origin);
      if ((await browser.scripting.getRegisteredContentScripts({ ids: [id] })).length > 0) await browser.scripting.unregisterContentScripts({ ids: [id] });
    },
    async removeOrigin(origin) {
      await browser.permissions.remove({ origins: [`${origin}/*`] });
    },
  };
}

/** A short mark on the toolbar button: the command and the menu have no other place to answer. */
function acknowledge(tabId: number | undefined, ok: boolean): void {
  if (tabId === undefined) return;
  void browser.action.setBadgeText({ tabId, text: ok ? '✓' : '!' }).catch(() => undefined);
  // null (not ''): the tab falls back to the global badge, the digest's dot, instead of hiding it.
  setTimeout(() => void browser.action.setBadgeText({ tabId, text: null }).catch(() => undefined), 2_000);
}

function isSaveFocusedReply(value: unknown): value is SaveFocusedReply {
  if (typeof value !== 'object' || value === null) return false;
  const reply = value as Record<string, unknown>;
  return reply.saved === true ? typeof reply.key === 'string' : reply.saved === false && typeof reply.reason === 'string';
}

export interface CaptureListeners {
  /** commands.onCommand: the same function the browser calls (e2e tests call it too). */
  onCommand(command: string): Promise<SaveFocusedReply | { saved: true; key: string; page: true } | null>;
  onMenuClicked(info: Menus.OnClickData, tab?: Tabs.Tab): Promise<{ key: string; created: boolean } | null>;
}

export function createCaptureListeners(context: BackgroundContext, platform: CapturePlatform): CaptureListeners {
  const savePage = async (tabId: number, selectionText?: string | null) =>
    saveWebItem(context, webItemFromPage(parsePageMetadata(await platform.readPage(tabId)), selectionText));

  return {
    async onCommand(command) {
      if (command !== 'save-item') return null;
      // No `tabs` permission needed: the id of the active tab is enough to message it.
      const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      if (tab?.id === undefined) return null;
      let reply: unknown = null;
      try {
        reply = await browser.tabs.sendMessage(tab.id, COMMAND_MESSAGE);
      } catch {
        // No Stroom content script in this tab: not a feed.
      }
      if (reply === null || (isSaveFocusedReply(reply) && !reply.saved && reply.reason === 'no-feed')) {
        // Not a feed, so the command saves the page (the command granted activeTab for it).
        try {
          const { key } = await savePage(tab.id);
          acknowledge(tab.id, true);
          return { saved: true, key, page: true };
        } catch {
          acknowledge(tab.id, false);
          return { saved: false, reason: 'failed' };
        }
      }
      const result: SaveFocusedReply = isSaveFocusedReply(reply) ? reply : { saved: false, reason: 'failed' };
      acknowledge(tab.id, result.saved);
      return result;
    },
    async onMenuClicked(info, tab) {
      let saved: { key: string; created: boolean } | null = null;
      try {
        if (info.menuItemId === MENU.link && info.linkUrl) {
          saved = await saveWebItem(context, webItemFromLink(info.linkUrl, info.linkText, info.selectionText));
        } else if ((info.menuItemId === MENU.selection || info.menuItemId === MENU.page) && tab?.id !== undefined) {
          saved = await savePage(tab.id, info.menuItemId === MENU.selection ? info.selectionText : null);
        }
      } catch (error) {
        console.warn('[Stroom] could not save from the menu', error);
      }
      acknowledge(tab?.id, saved !== null);
      return saved;
    },
  };
}

/** The three menu entries; created at install and start-up (Firefox forgets them on restart). */
export async function createMenus(): Promise<void> {
  const t = (name: string) => browser.i18n.getMessage(name);
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU.link, title: t('menuSaveLink'), contexts: ['link'] });
  browser.contextMenus.create({ id: MENU.selection, title: t('menuSaveSelection'), contexts: ['selection'] });
  // "Anywhere" (issue 3): also beside the link and selection entries, which puts the three in a submenu.
  browser.contextMenus.create({ id: MENU.page, title: t('menuSavePage'), contexts: ['all'] });
}

/** After an update or a lost registration: every remembered instance has its script again. */
export async function restoreInstances(platform: CapturePlatform): Promise<void> {
  for (const origin of await grantedInstances(platform)) {
    if (await platform.hasOrigin(origin)) await platform.registerMastodon(origin);
  }
}

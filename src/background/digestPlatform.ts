/**
 * The digest's ties to the browser (alarms, notifications, the toolbar dot, delivery state in
 * storage.local) behind the DigestPlatform interface that src/background/digest.ts works with.
 */
import browser from 'webextension-polyfill';
import { systemTimeZone } from '../digest/schedule';
import type { DeliveryState, DigestPlatform } from './digest';

export const DELIVERY_STATE_KEY = 'digestDelivery';

/** A quiet slate blue: a dot that says "something is ready", not "you are behind". */
const DOT_COLOUR = '#6b8aa3';

export function browserDigestPlatform(): DigestPlatform {
  // Firefox MV2 builds name it browserAction; MV3 builds call it action.
  const action = browser.action ?? browser.browserAction;
  return {
    async setAlarm(name, when) {
      await browser.alarms.clear(name);
      if (when !== null) browser.alarms.create(name, { when });
    },
    async notify(id, title, message) {
      await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('icons/icon-128.png'), title, message });
    },
    async setDot(on) {
      // A single space shows the badge as a small dot: never a count.
      await action.setBadgeText({ text: on ? ' ' : '' });
      if (on) await action.setBadgeBackgroundColor({ color: DOT_COLOUR });
    },
    async readState() {
      const stored = (await browser.storage.local.get(DELIVERY_STATE_KEY))[DELIVERY_STATE_KEY] as unknown;
      if (typeof stored !== 'object' || stored === null) return {};
      const { lastSlot, lastDeliveredDay, catchUpSlot } = stored as Record<string, unknown>;
      const state: DeliveryState = {};
      if (typeof lastSlot === 'number' && Number.isFinite(lastSlot)) state.lastSlot = lastSlot;
      if (typeof lastDeliveredDay === 'string') state.lastDeliveredDay = lastDeliveredDay;
      if (typeof catchUpSlot === 'number' && Number.isFinite(catchUpSlot)) state.catchUpSlot = catchUpSlot;
      return state;
    },
    async writeState(state) {
      await browser.storage.local.set({ [DELIVERY_STATE_KEY]: state });
    },
    timeZone: systemTimeZone,
    lang: () => (browser.i18n.getUILanguage().toLowerCase().startsWith('nl') ? 'nl' : 'en'),
  };
}

/**
 * Handlers for the capture messages (issue 3): saving the popup's page, adapter-health reports, and Mastodon instances granted at run time. The browser calls
 * they need come in through CapturePlatform (src/background/captureBrowser.ts), so this file runs
 * in Node tests.
 */
import type { CAPTURE_MESSAGES } from '../core/messages/capture';
import { adapterFor } from '../sites';
import { putItemIfAbsent } from '../store/items';
import type { BackgroundContext } from './context';
import { toStoredItem } from './items';
import type { RequestOf } from '../core/messages';
import { parsePageMetadata, webItemFromPage } from './capturePage';
import type { HandlersFor } from './router';
import { HEALTH_KEY, INSTANCES_KEY, isBroken, parseHealth, parseInstances } from './captureStatus';

export { HEALTH_KEY, INSTANCES_KEY, isBroken };

export interface CapturePlatform {
  /** Run readPageMetadata in the tab (activeTab or a host permission): the raw, unchecked result. */
  readPage(tabId: number): Promise<unknown>;
  local: { get(key: string): Promise<unknown>; set(key: string, value: unknown): Promise<void> };
  /** Does Stroom hold the host permission for this origin ("https://host/*")? */
  hasOrigin(origin: string): Promise<boolean>;
  /** Register content-mastodon.js for the origin (persisting across restarts), or remove it. */
  registerMastodon(origin: string): Promise<void>;
  unregisterMastodon(origin: string): Promise<void>;
  removeOrigin(origin: string): Promise<void>;
}

/** Where no browser is at hand (Node tests of other areas): every capture call fails plainly. */
const unavailable = (): Promise<never> => Promise.reject(new Error('Capturing is not available here'));
export const unavailableCapture: CapturePlatform = {
  readPage: unavailable,
  local: { get: unavailable, set: unavailable },
  hasOrigin: unavailable,
  registerMastodon: unavailable,
  unregisterMastodon: unavailable,
  removeOrigin: unavailable,
};

type SavableItem = RequestOf<'save-item'>['item'];

/** Save a "web" item (page, link or selection): one short transaction after the metadata work. */
export async function saveWebItem(context: BackgroundContext, item: SavableItem): Promise<{ key: string; created: boolean }> {
  const { stored, created } = await putItemIfAbsent(await context.getDb(), toStoredItem(item, context.now()));
  return { key: stored.key, created };
}

/** "https://host" from anything URL-like; only https origins can be granted. */
export function httpsOrigin(input: string): string {
  const url = new URL(input);
  if (url.protocol !== 'https:' || url.hostname === '') throw new Error('Only https sites can be added');
  return url.origin;
}

export async function grantedInstances(platform: CapturePlatform): Promise<string[]> {
  return parseInstances(await platform.local.get(INSTANCES_KEY));
}

/** Run the Mastodon content script on a granted origin and remember it. */
export async function enableInstance(platform: CapturePlatform, rawOrigin: string): Promise<string[]> {
  const origin = httpsOrigin(rawOrigin);
  if (!(await platform.hasOrigin(origin))) throw new Error(`Stroom has no permission for ${origin}`);
  const origins = await grantedInstances(platform);
  if (!origins.includes(origin)) {
    await platform.registerMastodon(origin);
    origins.push(origin);
    await platform.local.set(INSTANCES_KEY, origins.sort());
  }
  return origins;
}

export async function disableInstance(platform: CapturePlatform, rawOrigin: string): Promise<string[]> {
  const origin = httpsOrigin(rawOrigin);
  await platform.unregisterMastodon(origin);
  const origins = (await grantedInstances(platform)).filter((granted) => granted !== origin);
  await platform.local.set(INSTANCES_KEY, origins);
  // Stroom stops running there either way; the browser refuses to take back a host the manifest
  // itself lists (a known instance), which is fine.
  await platform.removeOrigin(origin).catch(() => undefined);
  return origins;
}


export function createCaptureHandlers(context: BackgroundContext, platform: CapturePlatform): HandlersFor<typeof CAPTURE_MESSAGES> {
  return {
    async 'save-page'({ tabId }) {
      const page = parsePageMetadata(await platform.readPage(tabId));
      return saveWebItem(context, webItemFromPage(page));
    },
    async 'report-health'(report, sender) {
      // A page may only report on the site it is; instances granted at run time are Mastodon.
      const senderSite = adapterFor(sender.url)?.site ?? ((await grantedInstances(platform)).includes(sender.url.origin) ? 'mastodon' : null);
      if (senderSite !== report.site) throw new Error(`A page on ${sender.url.hostname} cannot report on ${report.site}`);
      const broken = isBroken(report);
      const health = parseHealth(await platform.local.get(HEALTH_KEY));
      health[report.site] = { recognised: report.recognised, visible: report.visible, broken, at: context.now() };
      await platform.local.set(HEALTH_KEY, health);
      return { broken };
    },
    async 'enable-instance'({ origin }) {
      return { origins: await enableInstance(platform, origin) };
    },
    async 'disable-instance'({ origin }) {
      return { origins: await disableInstance(platform, origin) };
    },
    async 'list-instances'() {
      return { origins: await grantedInstances(platform) };
    },
  };
}

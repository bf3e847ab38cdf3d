/**
 * Stroom's content script, started by a small per-site entry (src/content/entries/<site>.ts) so
 * each site loads only its own adapter. It watches the feed while the page is one the adapter
 * handles, follows single-page-app navigation (LinkedIn, YouTube, Facebook and X change pages
 * without reloading), and stops cleanly when the extension is updated or disabled.
 *
 * Parts not needed the moment the page loads are not in this bundle (its budget is 20 KB
 * minified): the caught-up memory, the debug badges, the session nudge, the keyboard command's
 * handler, the save messages and the adapter-health check are injected by the background once the
 * settings are read, when their setting is on, the command is pressed, the first item is saved or
 * the check is due (src/content/extras/*), and reach this script through the bridge (./bridge.ts).
 */
import type { SiteAdapter } from '../sites/types';
import { thinRuntime } from '../messaging/runtime';
import { ExtensionContextGone, extensionAlive, send } from '../messaging/send';
import { CONTROL_STYLE } from '../messaging/extras';
import type { FrameAddition, LoadExtrasRequest } from '../messaging/extras';
import { FeedWatcher } from './feed';
import { HEALTH_CHECK_DELAYS_MS } from './health';
import { setContentBridge, startExtra } from './bridge';
import type { ContentBridge, FeedHooks, FeedView } from './bridge';
import { trackPointer } from './commands';
import { onAbort } from './abort';

export function startContentScript(adapter: SiteAdapter): void {
  const lifetime = new AbortController(); // the whole script: ends when the extension goes away
  let feed: AbortController | null = null; // one feed page: ends on navigating away from it
  let watcher: FeedWatcher | null = null;
  // The controls' stylesheet (they stay hidden without it): asked for with the first feed view,
  // a few times if that fails, and again by a later feed view if every attempt failed.
  let styleAsked = false;
  const askForStyle = async (): Promise<void> => {
    styleAsked = true;
    for (let attempt = 1; attempt <= STYLE_ATTEMPTS && !lifetime.signal.aborted; attempt++) {
      if (await requestExtras([CONTROL_STYLE])) return;
      await new Promise((resolve) => setTimeout(resolve, STYLE_RETRY_MS * attempt));
    }
    styleAsked = false;
  };
  const bridge: ContentBridge = {
    adapter,
    lifetime: lifetime.signal,
    t: (name, substitutions) => thinRuntime().i18n.getMessage(name, substitutions),
    view: null,
    loaded: new Set(),
    extras: [],
    pointer: null,
    pointerIsNewer: false,
    // The keyboard command's saves (extras/command.ts) show on the item's button too.
    showSaved: (id) => watcher?.showSaved(id),
  };
  setContentBridge(bridge);

  const follow = () => {
    if (!extensionAlive()) {
      lifetime.abort();
      return;
    }
    const onFeed = adapter.matches(new URL(location.href), document);
    if (onFeed && !feed) {
      if (!styleAsked) void askForStyle();
      feed = new AbortController();
      watcher = watchFeed(bridge, feed.signal, () => lifetime.abort());
    } else if (!onFeed && feed) {
      feed.abort();
      feed = null;
      watcher = null;
    }
  };
  onAbort(lifetime.signal, () => feed?.abort());
  follow();
  // What the keyboard command (Alt+Shift+S, issue 3) will save is what the user touched last.
  trackPointer(bridge, lifetime.signal);

  let lastUrl = location.href;
  const onMaybeNavigated = () => {
    if (location.href === lastUrl) return;
    lastUrl = location.href;
    follow();
  };
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation) navigation.addEventListener('navigatesuccess', onMaybeNavigated, { signal: lifetime.signal });
  else {
    // No Navigation API (Firefox before it shipped): a URL comparison per batch of DOM changes.
    const observer = new MutationObserver(onMaybeNavigated);
    observer.observe(document.documentElement, { childList: true, subtree: true });
    onAbort(lifetime.signal, () => observer.disconnect());
  }
  addEventListener('popstate', onMaybeNavigated, { signal: lifetime.signal });
}

function watchFeed(bridge: ContentBridge, signal: AbortSignal, onContextGone: () => void): FeedWatcher {
  const { adapter, t } = bridge;
  const guard = async <T>(work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } catch (error) {
      if (error instanceof ExtensionContextGone) onContextGone();
      throw error;
    }
  };

  // Items decorated before the settings are read wait in `early` (and longer while an extra is
  // on its way); the extras then see every item exactly once.
  const view: FeedView = { signal, settings: undefined, hooks: [], early: [] };
  const each = (call: (hooks: FeedHooks) => void) => view.hooks.forEach(call);
  Promise.resolve(thinRuntime().storage?.local.get('settings'))
    .then((stored) => {
      if (signal.aborted) return;
      view.settings = stored?.settings;
      // Left in place when the view ends (extras check its signal) until the next one replaces it.
      bridge.view = view;
      for (const start of bridge.extras) startExtra(view, start);
      // The extras this frame does not have yet: the caught-up memory (issue 5) on every feed
      // page, and those the settings switch on (issue 3's debug badges, issue 5's nudge).
      const wanted = (['seen', 'badges', 'nudge'] as const).filter((name) => !bridge.loaded.has(name));
      void requestExtras(wanted).finally(() => (view.early = null));
    })
    .catch(() => (view.early = null));

  // Adapter health (issue 3): its check is injected when it is due (extras/health.ts).
  // Injected once per frame: a later feed view (a single-page app's navigation) reuses it.
  const healthTimer = setTimeout(async () => {
    if (!bridge.checkHealth) await requestExtras(['health']);
    if (!signal.aborted) bridge.checkHealth?.(signal);
  }, HEALTH_CHECK_DELAYS_MS[0]);
  onAbort(signal, () => clearTimeout(healthTimer));
  const watcher = new FeedWatcher({
    adapter,
    document,
    pageUrl: () => new URL(location.href),
    labels: { name: t('saveControlLabel'), savedName: t('savedControlLabel'), save: t('saveControlText'), saved: t('savedControlText') },
    // The code that saves (and, on a conversation page, reads the author's self-thread) is
    // injected with the first save (extras/save.ts); the button shows the new state meanwhile.
    setSaved: async (id, wanted, element, item) => {
      if (!bridge.setSaved) await requestExtras(['save']);
      // Still missing: the extension went away (the controls go), or the injection failed (this
      // save fails and says so, the button reverts, and the next click asks again).
      const setSaved = bridge.setSaved ?? (() => Promise.reject(extensionAlive() ? new Error('Stroom could not load its save code') : new ExtensionContextGone()));
      await guard(setSaved(id, wanted, element, item));
      if (wanted) each((hooks) => hooks.saved?.());
      return wanted;
    },
    savedIds: async (ids) => (await guard(send('saved-ids', { site: adapter.site, ids }))).ids,
    failureText: () => t('saveFailed'),
    signal,
    onDecorated: (entries) => {
      view.early?.push(...entries);
      each((hooks) => hooks.decorated?.(entries));
    },
    alive: extensionAlive,
    onContextGone,
  });
  watcher.start();
  return watcher;
}

/** Attempts at getting the controls' stylesheet in, the n-th after n times this many ms. */
const STYLE_ATTEMPTS = 3;
const STYLE_RETRY_MS = 1_000;

/**
 * The background injects the files (src/background/inject.ts), which register on the bridge.
 * Resolves to whether it did.
 */
async function requestExtras(names: FrameAddition[]): Promise<boolean> {
  try {
    const reply: unknown = await thinRuntime().runtime.sendMessage({ stroom: 1, type: 'load-extras', names } satisfies LoadExtrasRequest);
    return typeof reply === 'object' && reply !== null && (reply as { ok?: unknown }).ok === true;
  } catch {
    // Without them the feed works as before; the next feed page asks again.
    return false;
  }
}

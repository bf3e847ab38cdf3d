/**
 * "You're caught up": remembers the feed items the user scrolled past (SeenLog, per site in
 * storage.local) and, on a later visit, puts one calm divider at the top of the first item that
 * was already seen. Cheap on the page: one shared IntersectionObserver, a hash per item, and a
 * debounced write; no work on scroll events.
 */
import type { FeedItem } from '../sites/types';
import { sessionNudge } from './nudge';
import { SeenLog, parseSeen, seenHash } from './seen';

export const DIVIDER_TAG = 'stroom-caught-up';
const SAVE_DELAY_MS = 2_000;

export interface SeenStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export interface CaughtUpOptions {
  document: Document;
  site: string;
  storage: SeenStorage;
  /** Show the divider (settings.feed.caughtUpDivider); seen items are remembered either way. */
  showDivider: boolean;
  /** "You're caught up — seen at 09:14", given the time of the first seen item. */
  dividerText(seenAt: number): string;
  now(): number;
  signal: AbortSignal;
  /** Each newly scrolled-past item, for the session nudge. */
  onSeen?(): void;
}

type Entry = { element: Element; item: FeedItem & { id: string } };

export const seenKey = (site: string): string => `seen:${site}`;

/**
 * The divider: text in a shadow root (so it never joins the item's text when an adapter reads
 * it), styled through the CSSOM, which a page's style CSP does not block (a <style> it may).
 */
function dividerElement(document: Document, text: string): HTMLElement {
  const host = document.createElement(DIVIDER_TAG);
  host.setAttribute('role', 'separator');
  host.setAttribute('aria-label', text);
  host.style.cssText = 'all:initial;display:block;margin:8px 0 10px;padding-top:6px;border-top:1px solid;color:inherit;opacity:.7;text-align:center;font:13px/1.3 system-ui,sans-serif';
  host.attachShadow({ mode: 'open' }).textContent = text;
  return host;
}

/** Returns the FeedWatcher's onDecorated hook. */
export function watchCaughtUp(options: CaughtUpOptions): (entries: readonly Entry[]) => void {
  const { document, storage, signal } = options;
  const key = seenKey(options.site);
  let log: SeenLog | null = null;
  let pending: Entry[] = [];
  let divider: HTMLElement | null = null;
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  const hashes = new WeakMap<Element, string>();

  const save = () => {
    if (saveTimer !== null) clearTimeout(saveTimer);
    saveTimer = null;
    if (log?.changed) storage.set(key, log.toRecord(options.now())).catch(() => undefined);
  };
  // Items that have been on screen: only these can have been scrolled past, and only for these
  // is the bounding rect read (each read allocates). Observed items are never unobserved one by
  // one: unobserve costs more than all the rest of the callback together (see the bench).
  const shown = new WeakSet<Element>();
  const observer = new IntersectionObserver((records) => {
    for (const record of records) {
      const target = record.target;
      if (record.isIntersecting) {
        shown.add(target);
        continue;
      }
      // Scrolled past: it left the viewport over the top edge.
      if (!shown.has(target) || record.boundingClientRect.top > 0) continue;
      shown.delete(target);
      const hash = hashes.get(target);
      if (hash === undefined || !log?.markHash(hash, options.now())) continue;
      options.onSeen?.();
      saveTimer ??= setTimeout(save, SAVE_DELAY_MS);
    }
  });
  const onHide = () => document.visibilityState === 'hidden' && save();
  document.addEventListener('visibilitychange', onHide, { signal });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      save();
      divider?.remove();
    },
    { once: true },
  );

  const handle = (entries: readonly Entry[]) => {
    if (!log) return;
    for (const { element, item } of entries) {
      const hash = seenHash(item.id);
      if (options.showDivider && !divider && element.isConnected) {
        const seenAt = log.seenBeforeHash(hash);
        if (seenAt !== undefined) {
          divider = dividerElement(document, options.dividerText(seenAt));
          element.prepend(divider);
        }
      }
      hashes.set(element, hash);
      observer.observe(element);
    }
  };

  storage
    .get(key)
    .then((stored) => {
      log = new SeenLog(parseSeen(stored));
      const waiting = pending;
      pending = [];
      if (!signal.aborted) handle(waiting);
    })
    .catch(() => {
      log = new SeenLog(parseSeen(undefined));
    });

  return (entries) => {
    if (signal.aborted) return;
    if (log) handle(entries);
    else pending.push(...entries);
  };
}

/** The feed settings the content script needs, read defensively from the stored record. */
export interface FeedSettings {
  caughtUpDivider: boolean;
  nudge: boolean;
  nudgeMinutes: number;
  nudgeItems: number;
  digestTime: string;
}

export function feedSettings(stored: unknown): FeedSettings {
  const record = (typeof stored === 'object' && stored !== null ? stored : {}) as { feed?: Record<string, unknown>; digest?: Record<string, unknown> };
  const feed = record.feed ?? {};
  const count = (value: unknown, fallback: number, min: number) => (typeof value === 'number' && Number.isFinite(value) && value >= min ? value : fallback);
  return {
    caughtUpDivider: feed.caughtUpDivider !== false,
    nudge: feed.nudge === true,
    nudgeMinutes: count(feed.nudgeMinutes, 45, 1),
    nudgeItems: count(feed.nudgeItems, 300, 1),
    digestTime: typeof record.digest?.time === 'string' && /^\d\d:\d\d$/.test(record.digest.time) ? record.digest.time : '18:00',
  };
}

export interface FeedFeatures {
  onDecorated(entries: readonly Entry[]): void;
  onSaved(): void;
}

/** The caught-up divider and the session nudge, started once the settings are read. */
export function startFeedFeatures(options: {
  document: Document;
  site: string;
  storage: SeenStorage;
  t(name: string, substitutions?: string[]): string;
  language: string;
  signal: AbortSignal;
}): FeedFeatures {
  const { document, signal, t } = options;
  let ready: ((entries: readonly Entry[]) => void) | null = null;
  let waiting: Entry[] = [];
  let onSaved = () => undefined as void;
  const clock = new Intl.DateTimeFormat(options.language, { hour: '2-digit', minute: '2-digit' });
  options.storage
    .get('settings')
    .then((stored) => {
      if (signal.aborted) return;
      const settings = feedSettings(stored);
      const nudge = settings.nudge
        ? sessionNudge({
            document,
            minutes: settings.nudgeMinutes,
            items: settings.nudgeItems,
            text: (seen, saved) => t('nudgeText', [String(seen), String(saved), settings.digestTime]),
            dismissText: t('nudgeDismiss'),
            signal,
          })
        : null;
      if (nudge) onSaved = () => nudge.saved();
      ready = watchCaughtUp({
        document,
        site: options.site,
        storage: options.storage,
        showDivider: settings.caughtUpDivider,
        dividerText: (seenAt) => t('caughtUpDivider', [clock.format(seenAt)]),
        now: Date.now,
        signal,
        onSeen: nudge ? () => nudge.seen() : undefined,
      });
      ready(waiting);
      waiting = [];
    })
    .catch(() => undefined);
  return {
    onDecorated: (entries) => (ready ? ready(entries) : waiting.push(...entries)),
    onSaved: () => onSaved(),
  };
}

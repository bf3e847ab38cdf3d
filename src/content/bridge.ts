/**
 * What the content script shares with the extras the background injects later
 * (src/content/extras/*, see src/messaging/extras.ts). Content scripts of one extension share
 * one isolated world per frame, so an injected file finds the running script on this global; the
 * page's own scripts cannot see it.
 */
import type { ExtraName } from '../messaging/extras';
import type { FeedItem, SiteAdapter } from '../sites/types';

/** Items that got a control: the element and the item's id (an extra reads more itself). */
export type DecoratedEntries = ReadonlyArray<{ element: Element; id: string }>;

/** What an extra wants to hear about one feed page view. */
export interface FeedHooks {
  decorated?(entries: DecoratedEntries): void;
  /** The user scrolled past `count` more items (in batches: the caught-up memory's reports). */
  seen?(count: number): void;
  /** An item saved with its button. */
  saved?(): void;
}

/** One feed page view: from the page becoming a feed until `signal` aborts (navigating away). */
export interface FeedView {
  signal: AbortSignal;
  /** The stored settings record as read when the view started (unvalidated: readers check). */
  settings: unknown;
  hooks: FeedHooks[];
  /** Items decorated while a requested extra is on its way, replayed to it; null otherwise. */
  early: Array<DecoratedEntries[number]> | null;
}

export interface ContentBridge {
  adapter: SiteAdapter;
  /** Aborts when the extension goes away (update, disable). */
  lifetime: AbortSignal;
  t(name: string, substitutions?: string[]): string;
  /** The latest feed view once its settings are read (it may have ended: see its signal). */
  view: FeedView | null;
  /** Extras injected so far (each file runs once per frame, however often it is injected). */
  loaded: Set<ExtraName>;
  /** The loaded extras that work per feed view: started for the current view and every later one. */
  extras: Array<(view: FeedView) => FeedHooks>;
  /** Where the pointer was last, and whether it moved after focus did (the keyboard command). */
  pointer: { x: number; y: number } | null;
  pointerIsNewer: boolean;
  /** Checks the adapter's health on this feed page view, once extras/health.ts is injected. */
  checkHealth?(signal: AbortSignal): void;
  /** An item saved another way shows "Saved" on its button. */
  showSaved(id: string): void;
  /**
   * Saves `item` (with its self-thread on a conversation page) or unsaves the item with this id,
   * once the first save injected it (extras/save.ts).
   */
  setSaved?(id: string, saved: boolean, element: Element, item: (FeedItem & { id: string }) | null): Promise<unknown>;
}

const BRIDGE_KEY = '__stroomContent';

export function contentBridge(): ContentBridge | undefined {
  return (globalThis as { [BRIDGE_KEY]?: ContentBridge })[BRIDGE_KEY];
}

export function setContentBridge(bridge: ContentBridge): void {
  (globalThis as { [BRIDGE_KEY]?: ContentBridge })[BRIDGE_KEY] = bridge;
}

/** Start one extra for a view, giving it the items decorated while it was on its way. */
export function startExtra(view: FeedView, start: (view: FeedView) => FeedHooks): void {
  const hooks = start(view);
  view.hooks.push(hooks);
  if (view.early?.length) hooks.decorated?.(view.early);
}

/**
 * Run once by an injected extra: claims its name (injecting the same file again changes
 * nothing) and returns the running script's bridge, or null where there is none (a page that is
 * no feed of a supported site, or a script from before an extension update).
 */
export function claimExtra(name: ExtraName): ContentBridge | null {
  const bridge = contentBridge();
  if (!bridge || bridge.lifetime.aborted || bridge.loaded.has(name)) return null;
  bridge.loaded.add(name);
  return bridge;
}

/** An extra that works per feed view: started now if the page is a feed, and on every later view. */
export function addFeedExtra(name: ExtraName, start: (view: FeedView, bridge: ContentBridge) => FeedHooks): void {
  const bridge = claimExtra(name);
  if (!bridge) return;
  const started = (view: FeedView) => start(view, bridge);
  bridge.extras.push(started);
  if (bridge.view && !bridge.view.signal.aborted) startExtra(bridge.view, started);
}

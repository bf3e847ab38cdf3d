/**
 * The sliver of the extension API that content scripts and pages need to talk to the
 * background. Content scripts use it directly instead of webextension-polyfill: the polyfill
 * alone is 9.7 KB minified, half the content script's budget, and both browsers already offer
 * these calls with promises (`browser` in Firefox, `chrome` in Chrome MV3).
 */
export interface ThinRuntime {
  runtime: {
    id?: string;
    sendMessage(message: unknown): Promise<unknown>;
    /** The keyboard command's 'save-focused' from the background (src/content/commands.ts). */
    onMessage: RuntimeEvent<(message: unknown, sender: { id?: string; tab?: unknown }, sendResponse: (reply: unknown) => void) => boolean | undefined>;
  };
  i18n: { getMessage(name: string, substitutions?: string[]): string; getUILanguage(): string };
  /** The feed's caught-up memory and the settings it reads (src/content/divider.ts). */
  storage?: { local: { get(keys: string | string[]): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
}

interface RuntimeEvent<Listener> {
  addListener(listener: Listener): void;
  removeListener(listener: Listener): void;
}

export function thinRuntime(): ThinRuntime {
  const scope = globalThis as unknown as { browser?: ThinRuntime; chrome?: ThinRuntime };
  const api = scope.browser ?? scope.chrome;
  if (!api) throw new Error('Stroom runs only as a browser extension');
  return api;
}

/**
 * The extension API for Stroom's pages (popup, options, digest). Both browsers offer everything
 * the pages use with promises: Firefox as `browser`, Chrome (Manifest V3) as `chrome`. So the
 * pages use it directly, typed by webextension-polyfill's types, and leave the polyfill itself
 * (9.7 KB minified, a quarter of the popup's 40 KB budget) to the background.
 */
import type Browser from 'webextension-polyfill';

type ExtensionApi = typeof Browser;
const scope = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
const browser = (scope.browser ?? scope.chrome) as ExtensionApi;

export default browser;

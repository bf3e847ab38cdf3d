/**
 * Where the e2e tests find their browsers. Mirrors scripts/lib/browsers.mjs (which `npm test`
 * checks before running anything) so a test run straight from jest fails with the same advice.
 */
import { existsSync } from 'node:fs';

export const INSTALL_HINT = 'sudo apt-get update && sudo apt-get install -y chromium firefox-esr';

const FIREFOX_CANDIDATES = [process.env.FIREFOX_PATH, '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(
  (path): path is string => Boolean(path),
);

/** The real Firefox binary (not the /usr/bin wrapper script) where it exists. */
export const FIREFOX_PATH = FIREFOX_CANDIDATES.find((path) => existsSync(path)) ?? FIREFOX_CANDIDATES[0] ?? '/usr/lib/firefox-esr/firefox-esr';

/** Fail at once, with the command that fixes it, when a browser is missing. */
export function requireBrowser(name: string, path: string): void {
  if (!existsSync(path)) throw new Error(`${name} not found at ${path}. Install it with:\n\n  ${INSTALL_HINT}\n\n(or set FIREFOX_PATH / CHROME_PATH)`);
}

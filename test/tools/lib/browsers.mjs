/** Where the browsers the tests and the demo need live, and how to install them. */
import { existsSync } from 'node:fs';

export const CHROMIUM_CANDIDATES = [process.env.CHROME_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
export const FIREFOX_CANDIDATES = [process.env.FIREFOX_PATH, '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean);

export const findChromium = () => CHROMIUM_CANDIDATES.find((path) => existsSync(path)) ?? null;
export const findFirefox = () => FIREFOX_CANDIDATES.find((path) => existsSync(path)) ?? null;

export const INSTALL_HINT = 'sudo apt-get update && sudo apt-get install -y chromium firefox-esr';

/**
 * Chromium flags that load an unpacked extension and keep the browser offline: no background
 * networking, and every host but loopback fails DNS at once (routed site URLs never reach DNS).
 */
export function extensionChromiumArgs(extensionDir) {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
  ];
}

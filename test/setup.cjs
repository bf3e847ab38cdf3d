// jsdom lacks structuredClone and indexedDB; polyfill inside the test realm so `instanceof` holds.
process.env.TZ = 'UTC';
require('core-js/actual/structured-clone');
require('fake-indexeddb/auto');
if (typeof globalThis.TextEncoder === 'undefined') {
  const util = require('node:util');
  globalThis.TextEncoder = util.TextEncoder;
  globalThis.TextDecoder = util.TextDecoder;
}
globalThis.__DEV__ = true;

/**
 * The content script asks the background for its controls' stylesheet (without it they stay
 * hidden): once, when the frame first shows a feed, and again a few times if that fails. Under
 * jsdom with a fake extension runtime; that the sheet really arrives is proven in Chromium and
 * Firefox (test/e2e/save-and-popup.test.ts, test/e2e/firefox-save.test.ts).
 */
import { startContentScript } from '../../src/content/index';
import { CONTROL_STYLE } from '../../src/messaging/extras';
import { xFeed } from '../../src/sites/x';

type Reply = { ok: boolean };

function fakeRuntime(styleReplies: Array<Reply | Error>) {
  const styleRequests: unknown[] = [];
  const sendMessage = jest.fn(async (message: unknown): Promise<unknown> => {
    const names = (message as { names?: unknown }).names;
    if (Array.isArray(names) && names.includes(CONTROL_STYLE)) {
      styleRequests.push(message);
      const reply = styleReplies.shift() ?? { ok: true };
      if (reply instanceof Error) throw reply;
      return reply;
    }
    return { ok: true, value: { loaded: [] } };
  });
  const chrome = {
    runtime: { id: 'stroom-test', sendMessage, onMessage: { addListener() {}, removeListener() {} } },
    i18n: { getMessage: (name: string) => name, getUILanguage: () => 'en' },
    storage: { local: { get: async () => ({}), set: async () => undefined } },
  };
  Object.assign(globalThis, { chrome });
  return { styleRequests, runtime: chrome.runtime };
}

/** A feed page for the X adapter, whatever jsdom's URL. */
const feedAdapter = { ...xFeed, matches: () => true };

afterEach(() => {
  jest.useRealTimers();
  Reflect.deleteProperty(globalThis, 'chrome');
  document.body.replaceChildren();
});

test('the stylesheet is asked for once when the frame shows a feed', async () => {
  const { styleRequests, runtime } = fakeRuntime([]);
  jest.useFakeTimers();
  startContentScript(feedAdapter);
  await jest.advanceTimersByTimeAsync(10_000);
  expect(styleRequests).toEqual([{ stroom: 1, type: 'load-extras', names: [CONTROL_STYLE] }]);
  runtime.id = ''; // the extension goes away: the script stops at its next look
});

test('a failed request is made again, a few times, until the background puts the sheet in', async () => {
  const { styleRequests, runtime } = fakeRuntime([new Error('no receiver'), { ok: false }]);
  jest.useFakeTimers();
  startContentScript(feedAdapter);
  await jest.advanceTimersByTimeAsync(10_000);
  expect(styleRequests).toHaveLength(3); // failed, refused, then in
  await jest.advanceTimersByTimeAsync(10_000);
  expect(styleRequests).toHaveLength(3);
  runtime.id = '';
});

test('it gives up after three attempts', async () => {
  const { styleRequests, runtime } = fakeRuntime([{ ok: false }, { ok: false }, { ok: false }, { ok: false }]);
  jest.useFakeTimers();
  startContentScript(feedAdapter);
  await jest.advanceTimersByTimeAsync(60_000);
  expect(styleRequests).toHaveLength(3);
  runtime.id = '';
});

/**
 * Saving a self-thread (issue 3): the save message may carry the author's consecutive posts; the
 * background keeps them in order as `parts` (two or more), summarises the whole thread, and
 * refuses malformed parts without storing anything.
 */
import type { Runtime, Tabs } from 'webextension-polyfill';
import { createHandlers } from '../../src/background/handlers';
import { route } from '../../src/background/router';
import type { RequestOf } from '../../src/core/messages';
import { openStroomDB } from '../../src/store/db';
import xFixture from '../fixtures/x.expected.json';
import thread from '../fixtures/x/conversation.thread.json';
import { memorySettings } from './memorySettings';

const identity = { id: 'stroom@example.org', origin: 'chrome-extension://stroom/' };
const tab = { id: 3, index: 0, highlighted: true, active: true, pinned: false, incognito: false } as Tabs.Tab;
const ON_X: Runtime.MessageSender = { id: identity.id, url: 'https://x.com/ruudlangeveld/status/2032700000000000002', tab };
type Savable = RequestOf<'save-item'>['item'];
const { lazy: _lazy, ...base } = xFixture[0] as Record<string, unknown>;
const post = { site: 'x', ...base } as Savable;

let n = 0;
async function setUp() {
  const db = await openStroomDB(`self-thread-${++n}`);
  const handlers = createHandlers({ getDb: async () => db, settings: memorySettings(), now: () => 1_700_000_000_000 });
  const send = (payload: unknown) => route({ stroom: 1, type: 'save-item', payload }, ON_X, handlers, identity);
  return { db, send };
}

test('a thread of several posts is stored as parts, in order, and summarised as a whole', async () => {
  const { db, send } = await setUp();
  const reply = await send({ item: post, pageUrl: 'https://x.com/home', parts: thread.thread });
  expect(reply.ok).toBe(true);
  const [stored] = await db.getAll('items');
  expect(stored?.parts?.map((part) => part.id)).toEqual(thread.thread.map((part) => part.id));
  expect(stored?.parts?.map((part) => part.text)).toEqual(thread.thread.map((part) => part.text));
  // The summary draws on the whole thread, not only the saved post.
  const threadText = thread.thread.map((part) => part.text).join(' ');
  for (const sentence of stored?.summary ?? []) expect(threadText).toContain(sentence);
  db.close();
});

test('a single part is no thread: the post is stored on its own', async () => {
  const { db, send } = await setUp();
  expect((await send({ item: post, pageUrl: 'https://x.com/home', parts: thread.thread.slice(0, 1) })).ok).toBe(true);
  const [stored] = await db.getAll('items');
  expect(stored?.parts).toBeUndefined();
  db.close();
});

test.each([
  ['a part with a javascript: link', [{ ...thread.thread[0], permalink: 'javascript:alert(1)' }, thread.thread[1]]],
  ['a part with an unknown field', [{ ...thread.thread[0], html: '<b>x</b>' }, thread.thread[1]]],
  ['too many parts', Array.from({ length: 51 }, () => thread.thread[0])],
])('%s is refused and nothing is stored', async (_name, parts) => {
  const { db, send } = await setUp();
  const reply = await send({ item: post, pageUrl: 'https://x.com/home', parts });
  expect(reply.ok).toBe(false);
  expect(await db.getAll('items')).toEqual([]);
  db.close();
});

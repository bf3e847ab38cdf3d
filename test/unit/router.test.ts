/**
 * The background's front door (src/background/router.ts with the contract in
 * src/core/messages.ts): who may send what, and what a malformed message gets. Every refusal
 * must be an `{ ok: false, error }` reply that reached no handler and stored nothing.
 */
import type { Runtime, Tabs } from 'webextension-polyfill';
import { createHandlers } from '../../src/background/handlers';
import { memorySettings } from './memorySettings';
import { classifySender, route } from '../../src/background/router';
import type { Handlers } from '../../src/background/router';
import { MESSAGES, parseEnvelope } from '../../src/core/messages';
import type { MessageType } from '../../src/core/messages';
import { openStroomDB } from '../../src/store/db';
import type { StroomDatabase } from '../../src/store/db';
import { countItems } from '../../src/store/items';
import fixtureItems from '../fixtures/x.expected.json';

const identity = { id: 'stroom@example.org', origin: 'chrome-extension://abcdefghijklmnop/' };
const tab = { id: 7, index: 0, highlighted: true, active: true, pinned: false, incognito: false } as Tabs.Tab;

const senders = {
  popup: { id: identity.id, url: 'chrome-extension://abcdefghijklmnop/popup.html' },
  contentX: { id: identity.id, url: 'https://x.com/home', tab, frameId: 0 },
  contentMastodon: { id: identity.id, url: 'https://mastodon.social/home', tab, frameId: 0 },
} satisfies Record<string, Runtime.MessageSender>;

const { lazy: _lazy, ...firstX } = fixtureItems[0]!;
const xItem = { site: 'x', ...firstX };
const mastodonItem = { ...xItem, site: 'mastodon', id: '116227170631688032', permalink: 'https://mastodon.social/@anouk/116227170631688032' };
const envelope = (type: string, payload: unknown) => ({ stroom: 1, type, payload });
const save = (item: unknown, pageUrl = 'https://x.com/home') => envelope('save-item', { item, pageUrl });

/** Handlers that record calls, so a test can prove a refused message reached none of them. */
function spyHandlers(): { handlers: Handlers; calls: string[] } {
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    (Object.keys(MESSAGES) as MessageType[]).map((type) => [
      type,
      async () => {
        calls.push(type);
        return {};
      },
    ]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

let dbCount = 0;
async function realHandlers(): Promise<{ handlers: Handlers; db: StroomDatabase }> {
  const db = await openStroomDB(`router-${++dbCount}`);
  return { handlers: createHandlers({ getDb: async () => db, settings: memorySettings(), now: () => 1_700_000_000_000 }), db };
}

describe('sender checks', () => {
  const REFUSED: Array<[string, Runtime.MessageSender, string]> = [
    ['another extension', { ...senders.popup, id: 'evil@example.org' }, 'another extension'],
    ['no extension id at all', { url: senders.contentX.url, tab }, 'another extension'],
    ['a sender without a URL', { id: identity.id, tab }, 'without a sender URL'],
    ['a sender with an unparsable URL', { id: identity.id, url: 'not a url', tab }, 'without a sender URL'],
    ['a web page without a tab (not our content script)', { id: identity.id, url: 'https://x.com/home' }, 'unexpected context'],
    ['a file: page', { id: identity.id, url: 'file:///home/user/x.html', tab }, 'unexpected context'],
    ['another extension origin', { id: identity.id, url: 'chrome-extension://zzzzzzzzzzzzzzzz/popup.html' }, 'unexpected context'],
  ];

  test.each(REFUSED)('%s is refused and reaches no handler', async (_name, sender, error) => {
    const { handlers, calls } = spyHandlers();
    const reply = await route(envelope('saved-ids', { site: 'x', ids: ['1'] }), sender, handlers, identity);
    expect(reply).toEqual({ ok: false, error: expect.stringContaining(error) });
    expect(calls).toEqual([]);
  });

  test('our own extension pages are "page" senders, our content scripts are "content" senders', () => {
    expect(classifySender(senders.popup, identity.id, identity.origin).kind).toBe('page');
    expect(classifySender(senders.contentX, identity.id, identity.origin)).toEqual({ kind: 'content', url: new URL('https://x.com/home') });
  });

  // Which sender may use which type: content scripts only save, unsave and ask for saved state.
  const DIRECTION: Array<[MessageType, unknown, { content: boolean; page: boolean }]> = [
    ['save-item', { item: xItem, pageUrl: 'https://x.com/home' }, { content: true, page: true }],
    ['unsave-item', { key: 'x:1' }, { content: true, page: true }],
    ['saved-ids', { site: 'x', ids: ['1'] }, { content: true, page: false }],
    ['delete-item', { key: 'x:1' }, { content: false, page: true }],
    ['restore-item', { item: { ...xItem, key: `x:${xItem.id}`, savedAt: 1, status: 'unread' } }, { content: false, page: true }],
    ['set-status', { key: 'x:1', status: 'read' }, { content: false, page: true }],
  ];
  test.each(DIRECTION)('%s: accepted only from its own direction', async (type, payload, allowed) => {
    for (const kind of ['content', 'page'] as const) {
      const { handlers, calls } = spyHandlers();
      const reply = await route(envelope(type, payload), kind === 'content' ? senders.contentX : senders.popup, handlers, identity);
      if (allowed[kind]) {
        expect(reply).toEqual({ ok: true, value: {} });
        expect(calls).toEqual([type]);
      } else {
        expect(reply).toEqual({ ok: false, error: `${type} is not accepted from ${kind === 'content' ? 'a web page' : 'an extension page'}` });
        expect(calls).toEqual([]);
      }
    }
  });
});

describe('malformed messages', () => {
  const MALFORMED: Array<[string, unknown, string]> = [
    ['undefined', undefined, 'Not a Stroom message'],
    ['a string', 'save-item', 'Not a Stroom message'],
    ['null', null, 'Not a Stroom message'],
    ['no stroom marker', { type: 'save-item', payload: {} }, 'Not a Stroom message'],
    ['a future protocol version', { stroom: 2, type: 'saved-ids', payload: { site: 'x', ids: [] } }, 'Not a Stroom message'],
    ['an unknown type', envelope('drop-database', {}), 'Unknown message type: drop-database'],
    ['a type inherited from Object.prototype', envelope('constructor', {}), 'Unknown message type: constructor'],
    ['a non-string type', envelope(42 as unknown as string, {}), 'Unknown message type: 42'],
    ['a payload that is not an object', envelope('saved-ids', 'x'), 'payload: expected an object'],
    ['a missing payload', { stroom: 1, type: 'saved-ids' }, 'payload: expected an object'],
    ['an unknown site', envelope('saved-ids', { site: 'myspace', ids: [] }), 'payload.site: expected one of'],
    ['too many ids', envelope('saved-ids', { site: 'x', ids: Array.from({ length: 2_001 }, (_, i) => String(i)) }), 'payload.ids: expected an array of at most 2000'],
    ['an id of the wrong type', envelope('saved-ids', { site: 'x', ids: ['1', 2] }), 'payload.ids[1]: expected a string'],
    ['an extra payload field', envelope('saved-ids', { site: 'x', ids: [], all: true }), 'payload.all: expected no such field'],
    ['an item with a javascript: permalink', save({ ...xItem, permalink: 'javascript:alert(1)' }), 'payload.item.permalink: expected an http(s) URL'],
    ['an item without an id', save({ ...xItem, id: null }), 'payload.item.id: expected a string'],
    ['an item with an unknown key', save({ ...xItem, html: '<img>' }), 'payload.item.html: expected no such field'],
    ['an item with NaN where a boolean goes', save({ ...xItem, hasMedia: Number.NaN }), 'payload.item.hasMedia: expected a boolean'],
    ['an item with huge text', save({ ...xItem, text: 'x'.repeat(200_001) }), 'payload.item.text: expected a string'],
    ['an item that is an array', save([xItem]), 'payload.item: expected an object'],
    ['a page URL too long', save(xItem, `https://x.com/${'a'.repeat(4_100)}`), 'payload.pageUrl: expected a string'],
    ['a key too short', envelope('unsave-item', { key: 'x:' }), 'payload.key: expected a string of 3'],
  ];

  test.each(MALFORMED)('%s: clear error, no handler called', async (_name, message, error) => {
    const { handlers, calls } = spyHandlers();
    const reply = await route(message, senders.contentX, handlers, identity);
    expect(reply).toEqual({ ok: false, error: expect.stringContaining(error) });
    expect(calls).toEqual([]);
  });

  test('parseEnvelope does not echo a long hostile type back in full', () => {
    expect(() => parseEnvelope(envelope('x'.repeat(10_000), {}))).toThrow(/^Unknown message type: x{40}$/);
  });
});

describe('refusals store nothing (real handlers, fake IndexedDB)', () => {
  test('malformed saves and a content script saving another site leave the database empty', async () => {
    const { handlers, db } = await realHandlers();
    const replies = await Promise.all([
      route(save({ ...xItem, permalink: 'javascript:alert(1)' }), senders.contentX, handlers, identity),
      route(save({ ...xItem, extra: 1 }), senders.contentX, handlers, identity),
      route(save(xItem), { ...senders.contentX, id: 'evil@example.org' }, handlers, identity),
      route(save(mastodonItem, 'https://x.com/home'), senders.contentX, handlers, identity),
      route(save(xItem, 'https://mastodon.social/home'), senders.contentMastodon, handlers, identity),
    ]);
    expect(replies.map((reply) => reply.ok)).toEqual([false, false, false, false, false]);
    expect(await countItems(db)).toBe(0);
    db.close();
  });

  test('a content script on x.com saving a Mastodon item gets a clear error', async () => {
    const { handlers, db } = await realHandlers();
    const reply = await route(save(mastodonItem), senders.contentX, handlers, identity);
    expect(reply).toEqual({ ok: false, error: 'A page on x.com cannot save mastodon items' });
    db.close();
  });

  test('a content script on x.com cannot unsave or ask about Mastodon items', async () => {
    const { handlers, db } = await realHandlers();
    expect(await route(save(mastodonItem), senders.popup, handlers, identity)).toMatchObject({ ok: true });
    const unsave = await route(envelope('unsave-item', { key: `mastodon:${mastodonItem.id}` }), senders.contentX, handlers, identity);
    expect(unsave).toEqual({ ok: false, error: 'A page on x.com cannot save mastodon items' });
    const ids = await route(envelope('saved-ids', { site: 'mastodon', ids: [mastodonItem.id] }), senders.contentX, handlers, identity);
    expect(ids.ok).toBe(false);
    expect(await countItems(db)).toBe(1);
    db.close();
  });

  test('a content script cannot delete an item (UI-only type)', async () => {
    const { handlers, db } = await realHandlers();
    expect(await route(save(xItem), senders.contentX, handlers, identity)).toMatchObject({ ok: true });
    const reply = await route(envelope('delete-item', { key: `x:${xItem.id}` }), senders.contentX, handlers, identity);
    expect(reply).toEqual({ ok: false, error: 'delete-item is not accepted from a web page' });
    expect(await countItems(db)).toBe(1);
    db.close();
  });
});

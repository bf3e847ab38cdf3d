/**
 * The background's digest job on fake IndexedDB with a fake platform (alarms, notifications, the
 * toolbar dot, delivery state): what the alarm does, catching up once, and the digest messages.
 */
import { CATCH_UP_ALARM, CATCH_UP_DELAY_MS, catchUpDigest, onCatchUpAlarm, onDigestAlarm, DIGEST_ALARM } from '../../src/background/digest';
import type { DeliveryState, DigestPlatform } from '../../src/background/digest';
import { createHandlers } from '../../src/background/handlers';
import { route } from '../../src/background/router';
import type { StoredItem } from '../../src/core/items';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Settings } from '../../src/core/settings';
import { openStroomDB } from '../../src/store/db';
import type { StroomDatabase } from '../../src/store/db';
import { memorySettings } from './memorySettings';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Tuesday 2026-03-10 12:00 UTC (TZ is UTC in tests).
const NOON = Date.UTC(2026, 2, 10, 12);

function fakePlatform(state: DeliveryState = {}) {
  const calls = { alarms: [] as Array<[string, number | null]>, notifications: [] as string[], dot: [] as boolean[] };
  const platform: DigestPlatform & { state: DeliveryState } = {
    state,
    async setAlarm(name, when) {
      calls.alarms.push([name, when]);
    },
    async notify(_id, _title, message) {
      calls.notifications.push(message);
    },
    async setDot(on) {
      calls.dot.push(on);
    },
    async readState() {
      return platform.state;
    },
    async writeState(next) {
      platform.state = next;
    },
    timeZone: () => 'UTC',
    lang: () => 'en',
  };
  return { platform, calls };
}

function item(n: number, savedAt: number, status: StoredItem['status'] = 'unread', text = `Post number ${n} about gardening tomatoes`): StoredItem {
  return { site: 'x', id: String(n), key: `x:${n}`, kind: 'post', text, authorName: `Author ${n}`, authorHandle: `@a${n}`, permalink: `https://x.com/a/status/${n}`, savedAt, status } as unknown as StoredItem;
}

let count = 0;
const open: StroomDatabase[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});
async function setUp(options: { now: number; settings?: Settings; state?: DeliveryState; items?: StoredItem[] }) {
  const db = await openStroomDB(`digest-delivery-${++count}`);
  open.push(db);
  for (const entry of options.items ?? []) await db.put('items', entry);
  const clock = { now: options.now };
  const { platform, calls } = fakePlatform(options.state);
  const context = { getDb: async () => db, now: () => clock.now, settings: memorySettings(options.settings ?? DEFAULT_SETTINGS), digest: platform };
  return { db, clock, platform, calls, context };
}

describe('the digest alarm', () => {
  test('lets old unread items go, stores the day’s digest, shows the dot and notifies', async () => {
    const at = Date.UTC(2026, 2, 10, 18);
    const items = [
      item(1, at - 8 * DAY), // old and unread: let go
      item(2, at - 8 * DAY, 'read'), // old but read: stays
      item(3, at - 2 * HOUR), // today
      item(4, at - 1 * HOUR), // today
      item(5, at - 30 * HOUR), // yesterday: not in today's digest
    ];
    const { db, calls, context, platform } = await setUp({ now: at, items, state: { lastSlot: at - DAY } });
    const stored = await onDigestAlarm(context, platform, at);
    expect(stored?.day).toBe('2026-03-10');
    expect((await db.get('items', 'x:1'))?.status).toBe('letgo');
    expect((await db.get('items', 'x:2'))?.status).toBe('read');
    expect(await db.count('items')).toBe(5); // never deleted
    const saved = await db.get('digests', '2026-03-10');
    expect(saved?.digest.total).toBe(2);
    expect(saved?.digest.letGo).toBe(1);
    expect(saved?.digest.themes.flatMap((theme) => theme.items).sort()).toEqual(['x:3', 'x:4']);
    expect(calls.dot).toEqual([true]);
    expect(calls.notifications).toHaveLength(1);
    expect(calls.notifications[0]).toMatch(/^Your Stroom digest: 2 saved, \d+ themes?$/);
    expect(platform.state).toEqual({ lastSlot: at, lastDeliveredDay: '2026-03-10' });
    // The next alarm: tomorrow at 18:00.
    expect(calls.alarms.at(-1)).toEqual([DIGEST_ALARM, at + DAY]);
  });

  test('with notifications off, stores the digest without a notification', async () => {
    const at = Date.UTC(2026, 2, 10, 18);
    const settings = { ...DEFAULT_SETTINGS, digest: { ...DEFAULT_SETTINGS.digest, notify: false } };
    const { db, calls, context, platform } = await setUp({ now: at, settings, items: [item(1, at - HOUR)], state: { lastSlot: at - DAY } });
    await onDigestAlarm(context, platform, at);
    expect(await db.get('digests', '2026-03-10')).toBeDefined();
    expect(calls.notifications).toEqual([]);
  });

  test('letting go "never" keeps old unread items unread', async () => {
    const at = Date.UTC(2026, 2, 10, 18);
    const settings = { ...DEFAULT_SETTINGS, letGoNever: true };
    const { db, context, platform } = await setUp({ now: at, settings, items: [item(1, at - 100 * DAY)], state: { lastSlot: at - DAY } });
    await onDigestAlarm(context, platform, at);
    expect((await db.get('items', 'x:1'))?.status).toBe('unread');
  });

  test('an alarm for a time already delivered (the start-up catch-up won the race) delivers nothing', async () => {
    const at = Date.UTC(2026, 2, 10, 18);
    const { calls, context, platform } = await setUp({ now: at + 5_000, state: { lastSlot: at } });
    expect(await onDigestAlarm(context, platform, at)).toBeNull();
    expect(calls.notifications).toEqual([]);
    expect(calls.alarms).toEqual([[DIGEST_ALARM, at + DAY]]);
  });
});

describe('catching up at start-up', () => {
  test('after three missed evenings, delivers once (for the latest) a minute after start, and schedules the next', async () => {
    const lastSlot = Date.UTC(2026, 2, 6, 18);
    const now = Date.UTC(2026, 2, 10, 9); // three evenings missed: 7th, 8th, 9th
    const { db, clock, calls, context, platform } = await setUp({ now, state: { lastSlot }, items: [item(1, Date.UTC(2026, 2, 9, 10))] });
    await catchUpDigest(context, platform);
    // Nothing is built while the browser starts: an alarm a minute later does it.
    expect(await db.getAllKeys('digests')).toEqual([]);
    expect(calls.alarms).toEqual([
      [CATCH_UP_ALARM, now + CATCH_UP_DELAY_MS],
      [DIGEST_ALARM, Date.UTC(2026, 2, 10, 18)],
    ]);
    clock.now = now + CATCH_UP_DELAY_MS;
    const delivered = await onCatchUpAlarm(context, platform, now + CATCH_UP_DELAY_MS);
    expect(delivered?.day).toBe('2026-03-09');
    expect(await db.getAllKeys('digests')).toEqual(['2026-03-09']);
    expect(calls.notifications).toHaveLength(1);
    expect(platform.state.catchUpSlot).toBeUndefined();
    // Starting again the same morning delivers nothing more.
    await catchUpDigest(context, platform);
    expect(await onCatchUpAlarm(context, platform, clock.now)).toBeNull();
    expect(calls.notifications).toHaveLength(1);
  });

  test('at browser start, the overdue alarm and the catch-up together deliver once, after the browser settles', async () => {
    const evening = Date.UTC(2026, 2, 9, 18);
    const now = Date.UTC(2026, 2, 10, 8);
    const { db, clock, calls, context, platform } = await setUp({ now, state: { lastSlot: evening - DAY }, items: [item(1, evening - HOUR)] });
    const results = await Promise.all([catchUpDigest(context, platform), onDigestAlarm(context, platform, evening)]);
    expect(results[1]).toBeNull();
    expect(calls.notifications).toHaveLength(0);
    expect(platform.state.catchUpSlot).toBe(evening);
    clock.now += CATCH_UP_DELAY_MS;
    expect((await onCatchUpAlarm(context, platform, clock.now))?.day).toBe('2026-03-09');
    expect(await onCatchUpAlarm(context, platform, clock.now)).toBeNull();
    expect(calls.notifications).toHaveLength(1);
    expect(await db.getAllKeys('digests')).toEqual(['2026-03-09']);
  });

  test('an alarm firing late after days asleep waits a minute, then delivers the latest missed time only', async () => {
    const first = Date.UTC(2026, 2, 7, 18);
    const now = Date.UTC(2026, 2, 10, 7); // woke Tuesday morning: 7th, 8th and 9th missed
    const { db, clock, calls, context, platform } = await setUp({ now, state: { lastSlot: first - DAY }, items: [item(1, Date.UTC(2026, 2, 9, 12))] });
    expect(await onDigestAlarm(context, platform, first)).toBeNull();
    expect(calls.alarms).toContainEqual([CATCH_UP_ALARM, now + CATCH_UP_DELAY_MS]);
    expect(calls.alarms.at(-1)).toEqual([DIGEST_ALARM, Date.UTC(2026, 2, 10, 18)]);
    clock.now += CATCH_UP_DELAY_MS;
    expect((await onCatchUpAlarm(context, platform, clock.now))?.day).toBe('2026-03-09');
    expect(await db.getAllKeys('digests')).toEqual(['2026-03-09']);
  });

  test('a catch-up alarm that is itself late (closed again within the minute) waits for this start to settle', async () => {
    const evening = Date.UTC(2026, 2, 9, 18);
    const due = Date.UTC(2026, 2, 10, 8);
    const { db, clock, calls, context, platform } = await setUp({ now: due + 2 * HOUR, state: { lastSlot: evening - DAY, catchUpSlot: evening } });
    expect(await onCatchUpAlarm(context, platform, due)).toBeNull();
    expect(calls.alarms).toEqual([[CATCH_UP_ALARM, clock.now + CATCH_UP_DELAY_MS]]);
    clock.now += CATCH_UP_DELAY_MS;
    expect((await onCatchUpAlarm(context, platform, clock.now))?.day).toBe('2026-03-09');
    expect(await db.getAllKeys('digests')).toEqual(['2026-03-09']);
  });

  test('a catch-up overtaken by a delivery on time delivers nothing more', async () => {
    const evening = Date.UTC(2026, 2, 9, 18);
    const next = evening + DAY;
    const { calls, context, platform } = await setUp({ now: next, state: { lastSlot: evening - DAY, catchUpSlot: evening } });
    expect((await onDigestAlarm(context, platform, next))?.day).toBe('2026-03-10');
    expect(await onCatchUpAlarm(context, platform, next)).toBeNull();
    expect(calls.notifications).toHaveLength(1);
  });

  test('a first run delivers nothing and remembers when scheduling began', async () => {
    const { calls, context, platform } = await setUp({ now: NOON });
    await catchUpDigest(context, platform);
    expect(platform.state.lastSlot).toBe(NOON);
    expect(calls.alarms).toEqual([[DIGEST_ALARM, Date.UTC(2026, 2, 10, 18)]]);
  });

  test('no weekday chosen: the alarm is cleared', async () => {
    const settings = { ...DEFAULT_SETTINGS, digest: { ...DEFAULT_SETTINGS.digest, days: [] } };
    const { calls, context, platform } = await setUp({ now: NOON, settings, state: { lastSlot: NOON - DAY } });
    await catchUpDigest(context, platform);
    expect(calls.alarms).toEqual([[DIGEST_ALARM, null]]);
  });
});

describe('digest messages', () => {
  const identity = { id: 'stroom@example.org', origin: 'moz-extension://4b1c2d3e-0000-4000-8000-000000000000/' };
  const PAGE = { id: identity.id, url: `${identity.origin}digest.html` };
  const CONTENT = { id: identity.id, url: 'https://x.com/home', tab: { id: 1, index: 0, highlighted: true, active: true, pinned: false, incognito: false } };

  async function messaging(items: StoredItem[]) {
    const setup = await setUp({ now: NOON, items, state: { lastSlot: NOON - DAY } });
    const handlers = createHandlers(setup.context);
    const send = (type: string, payload: unknown, sender: object = PAGE) => route({ stroom: 1, type, payload }, sender, handlers, identity);
    return { ...setup, send };
  }

  test('get-digest builds today on the fly and returns a stored past day as stored', async () => {
    const { db, send } = await messaging([item(1, NOON - HOUR), item(2, NOON - 2 * HOUR)]);
    const today = (await send('get-digest', { day: '2026-03-10' })) as { ok: true; value: { stored: { digest: { total: number } } } };
    expect(today.ok).toBe(true);
    expect(today.value.stored.digest.total).toBe(2);
    // A past day without a delivery is built from its items (none here).
    expect(await send('get-digest', { day: '2026-03-01' })).toMatchObject({ ok: true, value: { stored: { day: '2026-03-01', digest: { total: 0 } } } });
    const past = { day: '2026-03-01', builtAt: 1, digest: (today.value.stored as never as { digest: object }).digest };
    await db.put('digests', past as never);
    // A stored past day comes back as stored.
    expect(await send('get-digest', { day: '2026-03-01' })).toEqual({ ok: true, value: { stored: past } });
    expect(await send('list-digest-days', {})).toEqual({ ok: true, value: { days: ['2026-03-01'] } });
    expect(await send('get-digest', { day: 'tomorrow!!' })).toMatchObject({ ok: false });
  });

  test('mark-items marks a theme’s items and refuses "letgo" and content scripts', async () => {
    const { db, send } = await messaging([item(1, NOON - HOUR), item(2, NOON - 2 * HOUR)]);
    expect(await send('mark-items', { keys: ['x:1', 'x:2', 'x:missing'], status: 'archived' })).toEqual({ ok: true, value: { updated: 2 } });
    expect((await db.get('items', 'x:2'))?.status).toBe('archived');
    expect(await send('mark-items', { keys: ['x:1'], status: 'letgo' })).toMatchObject({ ok: false });
    expect(await send('mark-items', { keys: ['x:1'], status: 'read' }, CONTENT)).toMatchObject({ ok: false });
  });

  test('digest-seen clears the dot', async () => {
    const { send, calls } = await messaging([]);
    expect(await send('digest-seen', {})).toEqual({ ok: true, value: { cleared: true } });
    expect(calls.dot).toEqual([false]);
  });
});

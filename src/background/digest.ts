/**
 * Delivering the daily digest: at the user's time an alarm fires, unread items older than N days
 * are let go, the day's digest is built and stored, a notification may say so, and a small dot
 * (never a count) appears on the toolbar icon. The browser's APIs come in through
 * `context.digest` (a DigestPlatform), so all of this runs in Node tests.
 */
import type { DIGEST_MESSAGES } from '../core/messages/digest';
import type { Settings } from '../core/settings';
import { buildDigest, itemsToLetGo, latestDueDelivery, localDay, localDayBounds, nextDelivery } from '../digest';
import type { DeliverySchedule, Digest } from '../digest';
import { letGoCutoff } from '../digest/letgo';
import type { StoredDigest, StroomDatabase } from '../store/db';
import type { BackgroundContext } from './context';
import type { HandlersFor } from './router';

export const DIGEST_ALARM = 'stroom-digest';
/** A missed delivery, made once the browser has settled after starting or waking (see catchUp). */
export const CATCH_UP_ALARM = 'stroom-digest-catch-up';
export const DIGEST_NOTIFICATION = 'stroom-digest';

/** What delivery remembers between runs (storage.local in the browser). */
export interface DeliveryState {
  /** The scheduled delivery time last delivered (epoch ms); catching up starts after it. */
  lastSlot?: number;
  /** Its local day, for the record and the tests. */
  lastDeliveredDay?: string;
  /** A missed delivery time waiting for CATCH_UP_ALARM. */
  catchUpSlot?: number;
}

/**
 * How long a missed delivery waits after the browser starts or wakes. Those are the busiest
 * seconds a browser has (tabs restoring, extensions starting): building the digest then took
 * about 1.7 times as long as in a settled browser (test/bench/digest.mjs), and a notification
 * the moment the window opens is not calm either. A minute later is still "at next start".
 */
export const CATCH_UP_DELAY_MS = 60_000;
/** An alarm this late fired because the browser was closed or asleep at its time. */
const LATE_MS = 60_000;

export interface DigestPlatform {
  setAlarm(name: string, when: number | null): Promise<void>;
  notify(id: string, title: string, message: string): Promise<void>;
  /** Show (true) or clear (false) the calm dot on the toolbar icon. */
  setDot(on: boolean): Promise<void>;
  readState(): Promise<DeliveryState>;
  writeState(state: DeliveryState): Promise<void>;
  timeZone(): string;
  lang(): 'en' | 'nl';
}

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function scheduleOf(settings: Settings, timeZone: string): DeliverySchedule {
  return { time: settings.digest.time, weekdays: settings.digest.days, timeZone };
}

/** "Your Stroom digest: 14 saved, 4 themes" (themes without the Other group). */
export function notificationText(digest: Digest, lang: 'en' | 'nl'): { title: string; message: string } {
  const themes = digest.themes.filter((theme) => !theme.other).length;
  if (lang === 'nl') {
    return {
      title: 'Stroom',
      message: `Je Stroom-overzicht: ${digest.total} bewaard, ${themes} ${themes === 1 ? 'thema' : "thema's"}`,
    };
  }
  return { title: 'Stroom', message: `Your Stroom digest: ${digest.total} saved, ${themes} ${themes === 1 ? 'theme' : 'themes'}` };
}

/** Move unread items saved before the cutoff to 'letgo' (never deleted); returns how many. */
export async function applyLetGo(db: StroomDatabase, settings: Settings, now: number, timeZone: string): Promise<number> {
  const after = settings.letGoNever ? 'never' : settings.letGoAfterDays;
  const cutoff = letGoCutoff(now, after, timeZone);
  if (cutoff === null) return 0;
  const tx = db.transaction('items', 'readwrite');
  // Only the unread items older than the cutoff, through the compound index: no full scan.
  const old = await tx.store.index('statusSavedAt').getAll(IDBKeyRange.bound(['unread', -Infinity], ['unread', cutoff], false, true));
  const keys = new Set(itemsToLetGo(old, now, after, timeZone));
  for (const item of old) if (keys.has(item.key)) await tx.store.put({ ...item, status: 'letgo' });
  await tx.done;
  return keys.size;
}

/** Build one local day's digest from its items (read through the savedAt index). */
export async function buildDayDigest(db: StroomDatabase, day: string, lang: 'en' | 'nl', timeZone: string, letGo = 0): Promise<Digest> {
  const period = localDayBounds(day, timeZone);
  const items = await db.getAllFromIndex('items', 'savedAt', IDBKeyRange.bound(period.start, period.end, false, true));
  return buildDigest(items, { day, lang, timeZone, period, letGo });
}

/** Deliver the digest for the scheduled time `slot`: let go, build, store, dot, notify. */
export async function deliverDigest(context: BackgroundContext, platform: DigestPlatform, slot: number): Promise<StoredDigest> {
  const [db, settings] = await Promise.all([context.getDb(), context.settings.read()]);
  const now = context.now();
  const timeZone = platform.timeZone();
  const lang = platform.lang();
  const letGo = await applyLetGo(db, settings, now, timeZone);
  const day = localDay(slot, timeZone);
  const started = performance.now();
  const digest = await buildDayDigest(db, day, lang, timeZone, letGo);
  // Read from the worker by test/bench/digest-ui.mjs: the day's items read and the digest built.
  performance.measure('stroom:digest-build', { start: started });
  const stored: StoredDigest = { day, builtAt: now, digest };
  await db.put('digests', stored);
  await platform.writeState({ lastSlot: slot, lastDeliveredDay: day });
  await platform.setDot(true);
  if (settings.digest.notify) {
    const { title, message } = notificationText(digest, lang);
    await platform.notify(DIGEST_NOTIFICATION, title, message);
  }
  return stored;
}

/** Set the alarm for the next delivery after now (cleared when no weekday is chosen). */
export async function scheduleNextDigest(context: BackgroundContext, platform: DigestPlatform): Promise<number | null> {
  const settings = await context.settings.read();
  const next = nextDelivery(context.now(), scheduleOf(settings, platform.timeZone()));
  await platform.setAlarm(DIGEST_ALARM, next);
  return next;
}

/**
 * One delivery decision at a time. At browser start Chrome fires an alarm that came due while it
 * was closed, and onStartup runs the catch-up at the same moment: run one after the other, the
 * second sees the first's delivery and does nothing.
 */
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * At start-up and install: if one or more delivery times passed while the browser was closed,
 * deliver once (only the latest of them) a minute later, when the browser has settled; then set
 * the alarm. A first run delivers nothing.
 */
export function catchUpDigest(context: BackgroundContext, platform: DigestPlatform): Promise<void> {
  return oneAtATime(() => catchUp(context, platform));
}

async function catchUp(context: BackgroundContext, platform: DigestPlatform): Promise<void> {
  const state = await platform.readState();
  const now = context.now();
  if (state.lastSlot === undefined) {
    await platform.writeState({ ...state, lastSlot: now });
  } else {
    const settings = await context.settings.read();
    const due = latestDueDelivery(state.lastSlot, now, scheduleOf(settings, platform.timeZone()));
    if (due !== null) await deliverLater(context, platform, state, due);
  }
  await scheduleNextDigest(context, platform);
}

/** Remember the missed time `slot` and set the alarm that delivers it once the browser settles. */
async function deliverLater(context: BackgroundContext, platform: DigestPlatform, state: DeliveryState, slot: number): Promise<void> {
  await platform.writeState({ ...state, catchUpSlot: Math.max(slot, state.catchUpSlot ?? slot) });
  await platform.setAlarm(CATCH_UP_ALARM, context.now() + CATCH_UP_DELAY_MS);
}

/**
 * The alarm fired for `scheduledTime`. Delivers unless that time (or a later one) was already
 * delivered; then sets the next alarm. An alarm that fires late (the browser was closed or asleep
 * at its time, and has just started or woken) is caught up a minute later instead, like a missed
 * time at start-up: the two together deliver once.
 */
export function onDigestAlarm(context: BackgroundContext, platform: DigestPlatform, scheduledTime: number): Promise<StoredDigest | null> {
  return oneAtATime(() => alarmFired(context, platform, scheduledTime));
}

async function alarmFired(context: BackgroundContext, platform: DigestPlatform, scheduledTime: number): Promise<StoredDigest | null> {
  const state = await platform.readState();
  const now = context.now();
  const slot = Math.min(scheduledTime, now);
  const delivered = state.lastSlot !== undefined && state.lastSlot >= slot;
  let digest: StoredDigest | null = null;
  if (!delivered && now - scheduledTime > LATE_MS) {
    // Days asleep may have passed several delivery times: only the latest is delivered.
    const settings = await context.settings.read();
    const latest = latestDueDelivery(state.lastSlot ?? slot - 1, now, scheduleOf(settings, platform.timeZone()));
    await deliverLater(context, platform, state, Math.max(slot, latest ?? slot));
  } else if (!delivered) digest = await deliverDigest(context, platform, slot);
  await scheduleNextDigest(context, platform);
  return digest;
}

/** CATCH_UP_ALARM fired: deliver the missed time it waited for (unless delivered meanwhile). */
export function onCatchUpAlarm(context: BackgroundContext, platform: DigestPlatform, scheduledTime: number): Promise<StoredDigest | null> {
  return oneAtATime(async () => {
    const state = await platform.readState();
    const slot = state.catchUpSlot;
    if (slot === undefined || (state.lastSlot !== undefined && state.lastSlot >= slot)) return null;
    // Itself late (the browser closed again within the minute): wait for this start to settle.
    if (context.now() - scheduledTime > LATE_MS) {
      await deliverLater(context, platform, state, slot);
      return null;
    }
    return deliverDigest(context, platform, slot);
  });
}

export function createDigestHandlers(context: BackgroundContext): HandlersFor<typeof DIGEST_MESSAGES> {
  const { getDb, now } = context;
  const zone = () => context.digest?.timeZone() ?? 'UTC';
  return {
    async 'get-digest'({ day }) {
      if (!DAY_PATTERN.test(day)) throw new Error('day: expected YYYY-MM-DD');
      const db = await getDb();
      const stored = (await db.get('digests', day)) ?? null;
      const timeZone = zone();
      if (stored && day !== localDay(now(), timeZone)) return { stored };
      // Today (the day so far, including items saved after the delivery), or a day that had no
      // delivery (not a chosen weekday): built from that day's items. The stored digest's
      // let-go count is kept since only the delivery lets go.
      const digest = await buildDayDigest(db, day, context.digest?.lang() ?? 'en', timeZone, stored?.digest.letGo ?? 0);
      return { stored: { day, builtAt: now(), digest } };
    },
    async 'list-digest-days'() {
      const days = (await (await getDb()).getAllKeys('digests')).reverse();
      return { days };
    },
    async 'mark-items'({ keys, status }) {
      const db = await getDb();
      const tx = db.transaction('items', 'readwrite');
      let updated = 0;
      for (const key of new Set(keys)) {
        const item = await tx.store.get(key);
        if (item && item.status !== status) {
          await tx.store.put({ ...item, status });
          updated++;
        }
      }
      await tx.done;
      return { updated };
    },
    async 'digest-seen'() {
      if (!context.digest) return { cleared: false };
      await context.digest.setDot(false);
      return { cleared: true };
    },
  };
}

// Time-zone maths for the daily digest, as pure functions of an instant and an IANA zone:
// the user's local day, the next delivery time, and what to do after missed deliveries.
//
// No tz library: Intl.DateTimeFormat knows every zone's offsets (the browser and Node ship the
// IANA data), and we only need "what is the wall-clock time there at instant t?". Wall time →
// instant is solved by trying the offsets just before and after the requested time, which is
// exact across DST switches (zones never switch twice within a day).

const DAY_MS = 86_400_000;

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The runtime's own zone ("Europe/Amsterdam"), UTC when it cannot tell. */
export function systemTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Wall-clock fields in `timeZone` at instant `at` (epoch ms). */
export function localParts(at: number, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(at))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    // Some engines print midnight as 24 even with h23.
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Offset of local time from UTC in ms at instant `at` (Amsterdam in summer: +7,200,000). */
export function zoneOffset(at: number, timeZone: string): number {
  const p = localParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - (at - (((at % 1000) + 1000) % 1000));
}

/**
 * The instant when the wall clock in `timeZone` shows the given local date and time.
 * A time skipped by a spring-forward switch maps to the same clock time after the switch
 * (02:30 → 03:30); a time that occurs twice (autumn) maps to its first occurrence.
 */
export function zonedTime(date: string, hour: number, minute: number, timeZone: string): number {
  const [y, m, d] = parseDay(date);
  const naive = Date.UTC(y, m - 1, d, hour, minute);
  const before = zoneOffset(naive - DAY_MS / 2, timeZone);
  const after = zoneOffset(naive + DAY_MS / 2, timeZone);
  const candidates = [naive - before, naive - after].filter((t) => {
    const p = localParts(t, timeZone);
    return p.year === y && p.month === m && p.day === d && p.hour === hour && p.minute === minute;
  });
  if (candidates.length > 0) return Math.min(...candidates);
  return naive - before;
}

export function parseDay(date: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Not a day (YYYY-MM-DD): ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

export function formatDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The calendar day `days` after `date` (negative for before). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parseDay(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return formatDay(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** 0 = Sunday … 6 = Saturday, as Date.getDay. */
export function weekdayOf(date: string): number {
  const [y, m, d] = parseDay(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The user's local day ("YYYY-MM-DD") at instant `at`. */
export function localDay(at: number, timeZone: string): string {
  const p = localParts(at, timeZone);
  return formatDay(p.year, p.month, p.day);
}

/** [start, end) of a local day in epoch ms; 23 or 25 hours long on DST switch days. */
export function localDayBounds(date: string, timeZone: string): { start: number; end: number } {
  return { start: zonedTime(date, 0, 0, timeZone), end: zonedTime(addDays(date, 1), 0, 0, timeZone) };
}

export interface DeliverySchedule {
  /** Local wall-clock time "HH:MM"; default 18:00. */
  time: string;
  /** Days of the week to deliver on, 0 = Sunday … 6 = Saturday; default every day. */
  weekdays: readonly number[];
  timeZone: string;
}

export const DEFAULT_DELIVERY_TIME = '18:00';
export const EVERY_DAY: readonly number[] = [0, 1, 2, 3, 4, 5, 6];

export function parseTime(time: string): [number, number] {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time);
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || hour > 23 || minute > 59) throw new RangeError(`Not a time (HH:MM): ${time}`);
  return [hour, minute];
}

/** Scheduled delivery instants of the local days from `firstDay`, walking `step` days at a time. */
function* deliveries(firstDay: string, step: 1 | -1, schedule: DeliverySchedule): Generator<number> {
  const [hour, minute] = parseTime(schedule.time);
  // Eight days cover every weekday at least once, whichever day we start on.
  for (let k = 0; k <= 8; k++) {
    const date = addDays(firstDay, step * k);
    if (schedule.weekdays.includes(weekdayOf(date))) yield zonedTime(date, hour, minute, schedule.timeZone);
  }
}

/** The first delivery strictly after `after`, or null when no weekday is chosen. */
export function nextDelivery(after: number, schedule: DeliverySchedule): number | null {
  for (const t of deliveries(addDays(localDay(after, schedule.timeZone), -1), 1, schedule)) if (t > after) return t;
  return null;
}

/**
 * The latest delivery time in (since, now], or null. After the browser was closed through one or
 * several delivery times, the digest is delivered once, for this time, never once per missed time.
 */
export function latestDueDelivery(since: number, now: number, schedule: DeliverySchedule): number | null {
  for (const t of deliveries(addDays(localDay(now, schedule.timeZone), 1), -1, schedule)) {
    if (t <= since) return null;
    if (t <= now) return t;
  }
  return null;
}

export interface StartupPlan {
  /** Deliver now, for this missed time (at most one). */
  missed: number | null;
  /** When to set the alarm next. */
  next: number | null;
}

/** What to do when the extension starts (or the alarm fires late): catch up once, then schedule. */
export function planDeliveries(lastDelivered: number | null, now: number, schedule: DeliverySchedule): StartupPlan {
  // A first run has missed nothing: the user has not had a digest scheduled yet.
  const missed = lastDelivered === null ? null : latestDueDelivery(lastDelivered, now, schedule);
  return { missed, next: nextDelivery(now, schedule) };
}

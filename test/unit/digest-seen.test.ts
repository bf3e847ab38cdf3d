/** The caught-up memory: compact hashes per minute, pruned by age and size, read defensively. */
import { feedSettings } from '../../src/content/divider';
import { SEEN_BUDGET, SEEN_DAYS, SeenLog, parseSeen, seenHash } from '../../src/content/seen';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 2, 10, 9, 14, 30);

test('hashes are 6 URL-safe characters, stable, and differ for nearby ids', () => {
  expect(seenHash('1790000000000000001')).toMatch(/^[A-Za-z0-9_-]{6}$/);
  expect(seenHash('abc')).toBe(seenHash('abc'));
  const hashes = new Set(Array.from({ length: 10_000 }, (_, i) => seenHash(String(1_790_000_000_000_000_000n + BigInt(i)))));
  expect(hashes.size).toBe(10_000);
});

test('items seen on an earlier visit report the minute they were seen; this visit’s do not', () => {
  const first = new SeenLog(parseSeen(undefined));
  expect(first.mark('a', T0)).toBe(true);
  expect(first.mark('a', T0 + 1_000)).toBe(false);
  first.mark('b', T0 + 2 * MINUTE);
  expect(first.seenBefore('a')).toBeUndefined();
  const record = JSON.parse(JSON.stringify(first.toRecord(T0 + 3 * MINUTE))) as unknown;
  const second = new SeenLog(parseSeen(record));
  expect(second.seenBefore('a')).toBe(Math.floor(T0 / MINUTE) * MINUTE);
  expect(second.seenBefore('b')).toBe(Math.floor(T0 / MINUTE) * MINUTE + 2 * MINUTE);
  expect(second.seenBefore('c')).toBeUndefined();
  expect(second.mark('a', T0 + 10 * MINUTE)).toBe(false);
});

test('the recent part stored beside the whole record is read with it, and the next whole record takes it in', () => {
  const minute = Math.floor(T0 / MINUTE);
  const log = new SeenLog(parseSeen({ v: 1, groups: [[minute - 5, seenHash('a')]] }), parseSeen({ v: 1, groups: [[minute, seenHash('b')]] }));
  expect(log.seenBefore('a')).toBe((minute - 5) * MINUTE);
  expect(log.seenBefore('b')).toBe(minute * MINUTE);
  expect(log.mark('b', T0 + MINUTE)).toBe(false); // nothing twice
  expect(log.mark('c', T0 + MINUTE)).toBe(true);
  expect(log.toRecord(T0 + 2 * MINUTE).groups).toEqual([
    [minute - 5, seenHash('a')],
    [minute, seenHash('b')],
    [minute + 1, seenHash('c')],
  ]);
});

test('groups older than SEEN_DAYS days are pruned', () => {
  const log = new SeenLog(parseSeen(undefined));
  log.mark('old', T0);
  log.mark('new', T0 + (SEEN_DAYS - 1) * 86_400_000);
  const later = new SeenLog(log.toRecord(T0 + (SEEN_DAYS + 1) * 86_400_000));
  expect(later.seenBefore('old')).toBeUndefined();
  expect(later.seenBefore('new')).toBeDefined();
});

test('30 days of heavy use (2,000 items a day over 300 minutes) stay within 200 KB, newest kept', () => {
  const log = new SeenLog(parseSeen(undefined));
  let n = 0;
  for (let day = 0; day < 30; day++) {
    for (let i = 0; i < 2_000; i++) log.mark(`item-${n++}`, T0 + day * 86_400_000 + Math.floor(i / 7) * MINUTE);
  }
  const now = T0 + 30 * 86_400_000;
  const size = JSON.stringify(log.toRecord(now)).length;
  expect(size).toBeLessThanOrEqual(SEEN_BUDGET);
  expect(SEEN_BUDGET).toBeLessThanOrEqual(200_000);
  const reread = new SeenLog(parseSeen(JSON.parse(JSON.stringify(log.toRecord(now)))));
  expect(reread.seenBefore(`item-${n - 1}`)).toBeDefined();
  expect(reread.seenBefore('item-0')).toBeUndefined();
});

test('stored hashes that are not ours (digits past 32 bits) still leave every real one findable', () => {
  const real = Array.from({ length: 50 }, (_, i) => seenHash(`post-${i}`));
  // '_' is the digit 63: as the sixth digit it sets bits 32-35, which no hash of ours has.
  const log = new SeenLog(parseSeen({ v: 1, groups: [[1, `${real.join('')}______${'abcde_'.repeat(3)}`]] }));
  for (let i = 0; i < 50; i++) expect(log.seenBefore(`post-${i}`)).toBe(MINUTE);
});

test('malformed stored values count as nothing seen', () => {
  for (const value of [null, 5, 'x', { groups: 'x' }, { groups: [[1, 'abc'], ['x', 'abcdef'], [2]] }]) {
    expect(parseSeen(value).groups).toEqual([]);
  }
  expect(parseSeen({ groups: [[1, 'abcdef'], [2, 'bad']] }).groups).toEqual([[1, 'abcdef']]);
});

test('feed settings fall back to the defaults field by field', () => {
  expect(feedSettings(undefined)).toEqual({ caughtUpDivider: true, nudge: false, nudgeMinutes: 45, nudgeItems: 300, digestTime: '18:00' });
  expect(feedSettings({ feed: { caughtUpDivider: false, nudge: true, nudgeMinutes: 10, nudgeItems: 'x' }, digest: { time: '07:30' } })).toEqual({
    caughtUpDivider: false,
    nudge: true,
    nudgeMinutes: 10,
    nudgeItems: 300,
    digestTime: '07:30',
  });
});

import {
  addDays,
  latestDueDelivery,
  localDay,
  localDayBounds,
  nextDelivery,
  parseTime,
  planDeliveries,
  weekdayOf,
  zoneOffset,
  zonedTime,
  type DeliverySchedule,
} from '../../src/digest/schedule';

const at = (iso: string): number => Date.parse(iso);
const HOUR = 3_600_000;
const daily = (timeZone: string, time = '18:00'): DeliverySchedule => ({ time, weekdays: [0, 1, 2, 3, 4, 5, 6], timeZone });

describe('local days', () => {
  test.each([
    // zone, day, start (UTC), end (UTC), hours
    ['Europe/Amsterdam', '2026-03-10', '2026-03-09T23:00:00Z', '2026-03-10T23:00:00Z', 24],
    ['Europe/Amsterdam', '2026-03-29', '2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z', 23], // spring forward
    ['Europe/Amsterdam', '2026-10-25', '2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z', 25], // fall back
    ['America/New_York', '2026-03-08', '2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z', 23],
    ['America/New_York', '2026-11-01', '2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z', 25],
    ['Asia/Kolkata', '2026-06-01', '2026-05-31T18:30:00Z', '2026-06-01T18:30:00Z', 24],
    ['UTC', '2026-12-31', '2026-12-31T00:00:00Z', '2027-01-01T00:00:00Z', 24],
  ])('%s %s runs from %s to %s (%i h)', (zone, day, start, end, hours) => {
    const bounds = localDayBounds(day, zone);
    expect(bounds).toEqual({ start: at(start), end: at(end) });
    expect((bounds.end - bounds.start) / HOUR).toBe(hours);
  });

  test.each([
    ['2026-03-10T23:30:00Z', 'Europe/Amsterdam', '2026-03-11'],
    ['2026-03-10T23:30:00Z', 'America/New_York', '2026-03-10'],
    ['2026-03-10T23:30:00Z', 'Asia/Kolkata', '2026-03-11'],
    ['2026-03-10T18:29:59Z', 'Asia/Kolkata', '2026-03-10'],
    ['2026-03-10T18:30:00Z', 'Asia/Kolkata', '2026-03-11'],
    ['2026-01-01T04:59:00Z', 'America/New_York', '2025-12-31'],
  ])('%s is %s day %s', (iso, zone, day) => {
    expect(localDay(at(iso), zone)).toBe(day);
  });

  test('a timestamp is inside the bounds of its own local day', () => {
    for (const zone of ['Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata']) {
      for (let t = at('2026-03-07T00:00:00Z'); t < at('2026-03-31T00:00:00Z'); t += 7 * HOUR + 13 * 60_000) {
        const { start, end } = localDayBounds(localDay(t, zone), zone);
        expect(start <= t && t < end).toBe(true);
      }
    }
  });

  test('offsets and calendar helpers', () => {
    expect(zoneOffset(at('2026-07-01T12:00:00Z'), 'Europe/Amsterdam')).toBe(2 * HOUR);
    expect(zoneOffset(at('2026-01-01T12:00:00Z'), 'America/New_York')).toBe(-5 * HOUR);
    expect(zoneOffset(at('2026-01-01T12:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * HOUR);
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(weekdayOf('2026-03-29')).toBe(0);
    expect(() => parseTime('25:00')).toThrow(RangeError);
    expect(parseTime('7:05')).toEqual([7, 5]);
  });

  test('a wall time skipped in spring moves forward; one repeated in autumn takes the first', () => {
    expect(zonedTime('2026-03-29', 2, 30, 'Europe/Amsterdam')).toBe(at('2026-03-29T01:30:00Z'));
    expect(zonedTime('2026-10-25', 2, 30, 'Europe/Amsterdam')).toBe(at('2026-10-25T00:30:00Z'));
    expect(zonedTime('2026-03-08', 2, 30, 'America/New_York')).toBe(at('2026-03-08T07:30:00Z'));
    expect(zonedTime('2026-11-01', 1, 30, 'America/New_York')).toBe(at('2026-11-01T05:30:00Z'));
  });
});

describe('next delivery', () => {
  test.each([
    // after, zone, time, expected
    ['2026-03-28T12:00:00Z', 'Europe/Amsterdam', '18:00', '2026-03-28T17:00:00Z'],
    ['2026-03-28T17:00:00Z', 'Europe/Amsterdam', '18:00', '2026-03-29T16:00:00Z'], // exactly at: the next one; across DST
    ['2026-10-24T20:00:00Z', 'Europe/Amsterdam', '18:00', '2026-10-25T17:00:00Z'], // back to CET
    ['2026-10-31T22:30:00Z', 'America/New_York', '18:00', '2026-11-01T23:00:00Z'], // back to EST
    ['2026-03-07T23:30:00Z', 'America/New_York', '18:00', '2026-03-08T22:00:00Z'], // to EDT
    ['2026-06-01T00:00:00Z', 'Asia/Kolkata', '07:30', '2026-06-01T02:00:00Z'],
    ['2026-06-01T02:00:00Z', 'Asia/Kolkata', '07:30', '2026-06-02T02:00:00Z'],
    ['2026-12-31T23:30:00Z', 'Europe/Amsterdam', '00:15', '2027-01-01T23:15:00Z'], // year boundary
  ])('after %s in %s at %s: %s', (after, zone, time, expected) => {
    expect(nextDelivery(at(after), daily(zone, time))).toBe(at(expected));
  });

  test('only on the chosen weekdays', () => {
    const mondays: DeliverySchedule = { time: '18:00', weekdays: [1], timeZone: 'Europe/Amsterdam' };
    // Friday 27 March → Monday 30 March, already summer time.
    expect(nextDelivery(at('2026-03-27T10:00:00Z'), mondays)).toBe(at('2026-03-30T16:00:00Z'));
    const weekend: DeliverySchedule = { time: '09:00', weekdays: [0, 6], timeZone: 'America/New_York' };
    expect(nextDelivery(at('2026-11-02T12:00:00Z'), weekend)).toBe(at('2026-11-07T14:00:00Z'));
  });

  test('no weekdays chosen means no delivery', () => {
    expect(nextDelivery(at('2026-03-27T10:00:00Z'), { time: '18:00', weekdays: [], timeZone: 'UTC' })).toBeNull();
  });
});

describe('missed deliveries', () => {
  const amsterdam = daily('Europe/Amsterdam');

  test('several missed times are delivered once, for the latest', () => {
    // Last digest Sunday 22 March 18:00; browser closed until Thursday evening.
    const last = at('2026-03-22T17:00:00Z');
    expect(latestDueDelivery(last, at('2026-03-26T20:00:00Z'), amsterdam)).toBe(at('2026-03-26T17:00:00Z'));
    expect(latestDueDelivery(last, at('2026-03-26T16:00:00Z'), amsterdam)).toBe(at('2026-03-25T17:00:00Z'));
  });

  test('nothing is due when the last delivery is the latest time', () => {
    expect(latestDueDelivery(at('2026-03-26T17:00:00Z'), at('2026-03-26T20:00:00Z'), amsterdam)).toBeNull();
    expect(latestDueDelivery(at('2026-03-26T17:00:00Z'), at('2026-03-27T16:59:59Z'), amsterdam)).toBeNull();
  });

  test('after weeks away still only the latest chosen weekday is due', () => {
    const fridays: DeliverySchedule = { time: '18:00', weekdays: [5], timeZone: 'America/New_York' };
    // Away from early October to Wednesday 4 November: the last Friday was 30 October (EDT).
    expect(latestDueDelivery(at('2026-10-02T22:00:00Z'), at('2026-11-04T15:00:00Z'), fridays)).toBe(at('2026-10-30T22:00:00Z'));
  });

  test('startup plan: catch up once, then the next regular time', () => {
    const plan = planDeliveries(at('2026-03-27T17:00:00Z'), at('2026-03-29T19:00:00Z'), amsterdam);
    expect(plan).toEqual({ missed: at('2026-03-29T16:00:00Z'), next: at('2026-03-30T16:00:00Z') });
    // A first run has nothing to catch up on.
    expect(planDeliveries(null, at('2026-03-29T19:00:00Z'), amsterdam).missed).toBeNull();
    const kolkata = planDeliveries(at('2026-06-01T12:30:00Z'), at('2026-06-01T13:00:00Z'), daily('Asia/Kolkata'));
    expect(kolkata).toEqual({ missed: null, next: at('2026-06-02T12:30:00Z') });
  });
});

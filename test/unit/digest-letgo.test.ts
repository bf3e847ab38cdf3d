import { DEFAULT_LET_GO_DAYS, itemsToLetGo, letGoCutoff, letGoNote, type LetGoCandidate } from '../../src/digest/letgo';

const at = (iso: string): number => Date.parse(iso);

const items: LetGoCandidate[] = [
  { key: 'x:old-unread', status: 'unread', savedAt: at('2026-03-20T09:00:00Z') },
  { key: 'x:old-read', status: 'read', savedAt: at('2026-03-20T09:00:00Z') },
  { key: 'x:old-archived', status: 'archived', savedAt: at('2026-03-19T09:00:00Z') },
  { key: 'x:already-let-go', status: 'letgo', savedAt: at('2026-03-01T09:00:00Z') },
  { key: 'mastodon:older-unread', status: 'unread', savedAt: at('2026-03-18T09:00:00Z') },
  { key: 'x:just-inside', status: 'unread', savedAt: at('2026-03-24T11:30:00Z') },
  { key: 'x:just-outside', status: 'unread', savedAt: at('2026-03-24T10:30:00Z') },
  { key: 'x:fresh', status: 'unread', savedAt: at('2026-03-30T20:00:00Z') },
];

describe('letting go', () => {
  // Tuesday 31 March 12:00 in Amsterdam (summer time); a week earlier it was winter time.
  const now = at('2026-03-31T10:00:00Z');

  test('the default is a week, measured by the local calendar across a DST switch', () => {
    expect(DEFAULT_LET_GO_DAYS).toBe(7);
    // 24 March 12:00 CET is 11:00 UTC: 167 real hours, 7 days on the clock.
    expect(letGoCutoff(now, 7, 'Europe/Amsterdam')).toBe(at('2026-03-24T11:00:00Z'));
    expect(letGoCutoff(now, 7, 'UTC')).toBe(at('2026-03-24T10:00:00Z'));
  });

  test('only unread items older than the cutoff are let go, oldest first', () => {
    expect(itemsToLetGo(items, now, 7, 'Europe/Amsterdam')).toEqual(['mastodon:older-unread', 'x:old-unread', 'x:just-outside']);
  });

  test('other periods and time zones', () => {
    // New York: 31 March 06:00 EDT; 10 days earlier is 21 March 06:00 EDT = 10:00 UTC.
    expect(letGoCutoff(now, 10, 'America/New_York')).toBe(at('2026-03-21T10:00:00Z'));
    expect(itemsToLetGo(items, now, 10, 'America/New_York')).toEqual(['mastodon:older-unread', 'x:old-unread']);
    expect(letGoCutoff(now, 1, 'Asia/Kolkata')).toBe(at('2026-03-30T10:00:00Z'));
    expect(itemsToLetGo(items, now, 1, 'Asia/Kolkata')).toEqual(['mastodon:older-unread', 'x:old-unread', 'x:just-outside', 'x:just-inside']);
  });

  test('"never" lets nothing go', () => {
    expect(letGoCutoff(now, 'never', 'Europe/Amsterdam')).toBeNull();
    expect(itemsToLetGo(items, now, 'never', 'Europe/Amsterdam')).toEqual([]);
  });

  test('the note is kind and counts right in both languages', () => {
    expect(letGoNote(0, 'en')).toBeNull();
    expect(letGoNote(1, 'en')).toMatch(/^One saved item/);
    expect(letGoNote(3, 'en')).toMatch(/^3 saved items .* let go/);
    expect(letGoNote(1, 'nl')).toMatch(/^Eén bewaard bericht/);
    expect(letGoNote(5, 'nl')).toMatch(/^5 bewaarde berichten .* losgelaten/);
  });
});

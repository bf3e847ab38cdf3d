/**
 * The DOM-free helpers the UI pages share: safe link targets and excerpts (src/ui/shared/sites.ts)
 * and relative times in English and Dutch (src/ui/shared/i18n.ts, with the extension API mocked).
 */
import { relativeTime, t, uiLanguage } from '../../src/ui/shared/i18n';
import { SITE_LABELS, excerpt, safeHref } from '../../src/ui/shared/sites';
import { SITE_IDS } from '../../src/sites/types';

const mockI18n = {
  getMessage: jest.fn((name: string, _substitutions?: string[]): string => (name === 'popupTitle' ? 'Saved in Stroom' : '')),
  getUILanguage: jest.fn(() => 'nl'),
};
// The factory runs when i18n.ts is imported (hoisted above this file's constants): read lazily.
jest.mock('../../src/ui/shared/browser', () => ({
  __esModule: true,
  default: {
    get i18n() {
      return mockI18n;
    },
  },
}));
const i18n = mockI18n;

describe('safeHref', () => {
  test.each([
    ['https link', 'https://x.com/a/status/1', 'https://x.com/a/status/1'],
    ['http link', 'http://news.ycombinator.com/item?id=1', 'http://news.ycombinator.com/item?id=1'],
    ['normalised host and path', 'HTTPS://Example.ORG', 'https://example.org/'],
    ['null', null, undefined],
    ['undefined', undefined, undefined],
    ['empty', '', undefined],
    ['javascript:', 'javascript:alert(document.cookie)', undefined],
    ['JavaScript: in capitals', 'JavaScript:alert(1)', undefined],
    ['javascript: behind leading spaces', '  javascript:alert(1)', undefined],
    ['javascript: with a tab inside the scheme', 'java\tscript:alert(1)', undefined],
    ['data:', 'data:text/html,<script>alert(1)</script>', undefined],
    ['vbscript:', 'vbscript:msgbox(1)', undefined],
    ['file:', 'file:///etc/passwd', undefined],
    ['relative', '/status/1', undefined],
    ['protocol-relative', '//evil.example/x', undefined],
    ['garbage', 'not a url', undefined],
  ])('%s', (_name, input, expected) => {
    expect(safeHref(input)).toBe(expected);
  });
});

describe('excerpt', () => {
  const words = 'De dijk bij Kinderdijk wordt dit jaar versterkt en het fietspad gaat dan drie maanden dicht.';

  test.each([
    ['short text unchanged', 'Kort.', 200, 'Kort.'],
    ['text exactly at max unchanged', 'abcde', 5, 'abcde'],
    ['cut at the last word boundary', words, 30, 'De dijk bij Kinderdijk wordt…'],
    ['no trailing space before the ellipsis', 'aaaa bbbb cccc dddd', 15, 'aaaa bbbb cccc…'],
    ['a long word is cut hard rather than losing most of the text', `Zie ${'x'.repeat(50)}`, 20, `Zie ${'x'.repeat(16)}…`],
    ['empty stays empty', '', 10, ''],
  ])('%s', (_name, text, max, expected) => {
    expect(excerpt(text, max)).toBe(expected);
  });

  test('an excerpt is never longer than max plus the ellipsis and is a prefix of the text', () => {
    for (let max = 5; max <= words.length + 2; max++) {
      const cut = excerpt(words, max);
      expect(cut.length).toBeLessThanOrEqual(max + 1);
      expect(words.startsWith(cut.replace(/…$/, ''))).toBe(true);
    }
  });

  test('the default cut is at 200 characters', () => {
    const long = 'woord '.repeat(100);
    expect(excerpt(long).length).toBeLessThanOrEqual(201);
    expect(excerpt(long).endsWith('…')).toBe(true);
  });
});

test('every site has a display label', () => {
  expect(Object.keys(SITE_LABELS).sort()).toEqual([...SITE_IDS].sort());
  expect(SITE_LABELS.hackernews).toBe('Hacker News');
});

describe('relativeTime', () => {
  const now = Date.UTC(2026, 2, 14, 12, 0, 0);
  const MINUTE = 60_000;
  const HOUR = 60 * MINUTE;
  const DAY = 24 * HOUR;

  test.each([
    ['just now', now, 'now', 'nu'],
    ['30 seconds ago', now - 30_000, 'now', 'nu'],
    ['1 minute ago', now - MINUTE, '1 minute ago', '1 minuut geleden'],
    ['5 minutes ago', now - 5 * MINUTE, '5 minutes ago', '5 minuten geleden'],
    ['2 hours ago', now - 2 * HOUR, '2 hours ago', '2 uur geleden'],
    ['yesterday', now - DAY, 'yesterday', 'gisteren'],
    ['3 days ago', now - 3 * DAY, '3 days ago', '3 dagen geleden'],
    ['a week ago', now - 7 * DAY, 'last week', 'vorige week'],
    ['two months ago', now - 61 * DAY, '2 months ago', '2 maanden geleden'],
    ['a year ago', now - 366 * DAY, 'last year', 'vorig jaar'],
    ['in the future (clock skew)', now + 3 * DAY, 'in 3 days', 'over 3 dagen'],
  ])('%s', (_name, then, en, nl) => {
    expect(relativeTime(then, now, 'en')).toBe(en);
    expect(relativeTime(then, now, 'nl')).toBe(nl);
  });

  test('without a language it follows the browser UI language', () => {
    i18n.getUILanguage.mockReturnValueOnce('nl');
    expect(relativeTime(now - DAY, now)).toBe('gisteren');
    i18n.getUILanguage.mockReturnValueOnce('en-GB');
    expect(relativeTime(now - DAY, now)).toBe('yesterday');
  });
});

describe('t and uiLanguage', () => {
  test('t returns the message, or its name when the message is missing', () => {
    expect(t('popupTitle')).toBe('Saved in Stroom');
    expect(t('noSuchMessage')).toBe('noSuchMessage');
  });

  test('t passes substitutions through', () => {
    t('savedAgo', ['2 hours ago']);
    expect(i18n.getMessage).toHaveBeenLastCalledWith('savedAgo', ['2 hours ago']);
  });

  test('uiLanguage falls back to English when the browser reports none', () => {
    i18n.getUILanguage.mockReturnValueOnce('');
    expect(uiLanguage()).toBe('en');
    i18n.getUILanguage.mockReturnValueOnce('nl');
    expect(uiLanguage()).toBe('nl');
  });
});

/** UI strings and dates in the browser's language (English or Dutch; English otherwise). */
import browser from './browser';

export const t = (name: string, substitutions?: string[]): string => browser.i18n.getMessage(name, substitutions) || name;

export function uiLanguage(): string {
  return browser.i18n.getUILanguage() || 'en';
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/** "2 hours ago", "yesterday", "just now" — in the UI language. */
export function relativeTime(then: number, now: number, language: string = uiLanguage()): string {
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const elapsed = then - now;
  for (const [unit, size] of UNITS) {
    if (Math.abs(elapsed) >= size) return format.format(Math.round(elapsed / size), unit);
  }
  return format.format(0, 'second');
}

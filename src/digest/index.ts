// The daily digest: one calm overview of what the user saved in a day, grouped into themes.
// DOM-free and deterministic (same items and options → same JSON), so the background can build
// and store it and any page can render it.
import { keySentences, labelFromTerms, themeTerms } from './describe';
import type { ItemLang } from './features';
import { localDayBounds, systemTimeZone } from './schedule';
import { analyseDay, groupItems, nearDuplicateEntries, type AnalysedDay } from './themes';
import type { Digest, DigestAuthorCount, DigestCount, DigestEntry, DigestInput, DigestOptions, DigestTheme } from './types';

export type * from './types';
export { letGoCutoff, itemsToLetGo, letGoNote, DEFAULT_LET_GO_DAYS, type LetGoAfter } from './letgo';
export {
  localDay,
  localDayBounds,
  nextDelivery,
  latestDueDelivery,
  planDeliveries,
  DEFAULT_DELIVERY_TIME,
  EVERY_DAY,
  type DeliverySchedule,
} from './schedule';
export { analyseDay, groupItems } from './themes';

/** Silent reading speed for social text, in words per minute (both languages). */
export const WORDS_PER_MINUTE = 220;

const OTHER_LABEL = { en: 'Other', nl: 'Overig' } as const;

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function buildDigest(items: readonly DigestInput[], options: DigestOptions): Digest {
  const timeZone = options.timeZone ?? systemTimeZone();
  const period = options.period ?? localDayBounds(options.day, timeZone);
  // Saved order, then key, so the output never depends on the order the store returned.
  const seen = new Set<string>();
  const inPeriod = items
    .filter((item) => item.savedAt >= period.start && item.savedAt < period.end)
    .sort((a, b) => a.savedAt - b.savedAt || byKey(a.key, b.key))
    .filter((item) => !seen.has(item.key) && seen.add(item.key));
  const day = analyseDay(inPeriod);
  const grouping = groupItems(day);
  const themes: DigestTheme[] = grouping.themes.map((members, t) => describeTheme(day, members, `t${t + 1}`, options.lang));
  if (grouping.other.length > 0) {
    // One-offs share no story: the "Other" group has no key sentences (so none are chosen).
    const other = describeTheme(day, grouping.other, 'other', options.lang, false);
    themes.push({ ...other, label: OTHER_LABEL[options.lang], other: true });
  }
  const words = day.raw.reduce((sum, r) => sum + r.wordCount, 0);
  return {
    version: 1,
    day: options.day,
    lang: options.lang,
    timeZone,
    period: { start: period.start, end: period.end },
    total: inPeriod.length,
    themes,
    bySite: siteCounts(inPeriod),
    byAuthor: authorCounts(inPeriod),
    words,
    readingMinutes: words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE)),
    letGo: options.letGo ?? 0,
  };
}

function describeTheme(day: AnalysedDay, members: number[], id: string, lang: 'en' | 'nl', withSentences = true): DigestTheme {
  const entries = nearDuplicateEntries(day, members);
  const langs = languagesByCount(members.map((i) => day.langs[i]!), lang);
  const terms = themeTerms(day, members, lang);
  // One key sentence per two or three distinct pieces of news, at most three.
  const max = entries.length >= 6 ? 3 : entries.length >= 3 ? 2 : 1;
  const sentences = withSentences ? keySentences(day, entries.map((e) => e[0]!), members, langs[0] ?? lang, max) : [];
  return {
    id,
    label: labelFromTerms(terms) || OTHER_LABEL[lang],
    other: false,
    items: members.map((i) => day.items[i]!.key),
    entries: entries.map((entry): DigestEntry => ({
      key: day.items[entry[0]!]!.key,
      keys: entry.map((i) => day.items[i]!.key),
      sources: entry.map((i) => {
        const item = day.items[i]!;
        return { key: item.key, site: item.site, author: item.authorHandle ?? item.authorName ?? null };
      }),
    })),
    sentences,
    keywords: terms.slice(0, 6),
    langs,
  };
}

/** Languages by how many items use them; ties go to the reader's language, then en before nl. */
function languagesByCount(langs: ItemLang[], prefer: 'en' | 'nl'): ItemLang[] {
  const counts = new Map<ItemLang, number>();
  for (const l of langs) counts.set(l, (counts.get(l) ?? 0) + 1);
  const rank = (l: ItemLang): number => (l === prefer ? 0 : l === 'other' ? 2 : 1);
  return [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || rank(a) - rank(b) || byKey(a, b));
}

function siteCounts(items: readonly DigestInput[]): DigestCount[] {
  const counts = new Map<DigestInput['site'], number>();
  for (const item of items) counts.set(item.site, (counts.get(item.site) ?? 0) + 1);
  return [...counts.entries()]
    .map(([site, count]) => ({ site, count }))
    .sort((a, b) => b.count - a.count || byKey(a.site, b.site));
}

function authorCounts(items: readonly DigestInput[]): DigestAuthorCount[] {
  const counts = new Map<string, DigestAuthorCount>();
  for (const item of items) {
    const author = item.authorHandle ?? item.authorName;
    if (!author) continue;
    const key = `${item.site}\u0000${author}`;
    const entry = counts.get(key) ?? { author, site: item.site, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || byKey(a.author, b.author) || byKey(a.site, b.site));
}

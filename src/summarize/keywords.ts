// Keywords of one text: content words and hashtags, grouped by stem, shown in the spelling people
// used most. Weight favours words that recur, hashtags (the author's own labels) and capitalised
// words inside sentences (names: "EdgeWorks", "Schiphol"), and words met early.
import { stem } from './stem';
import { isStopwordLower } from './stopwords';
import { wordsWithCase } from './tokenize';
import type { Keyword, Lang } from './types';

/** A word that can be a keyword: letters only, at least 3 of them, not a stopword. */
export const isContentWord = (lower: string, lang: Lang): boolean =>
  lower.length >= 3 && !DIGIT.test(lower) && !isStopwordLower(lower, lang);

// Hot-path checks below avoid Unicode property escapes, which cost more per call: a word is
// upper-case where its lower-case form differs, and tokens only hold letters, marks and digits.
const DIGIT = /\d/;
const startsUpper = (word: string, lower: string): boolean => word.charCodeAt(0) !== lower.charCodeAt(0);

/**
 * The grouping key of a content word: its stem, except for acronyms ("AWS", "NS", "KNMI"), which
 * are names rather than inflected words (Porter would make "aw" of "AWS").
 */
export const termKey = (word: string, lower: string, lang: Lang): string =>
  word.length >= 2 && word.length <= 5 && word !== lower && word === word.toUpperCase() ? lower : stem(lower, lang);

/** A content word as met in running text, with what matters for keyword weight. */
export interface KeywordCandidate {
  word: string;
  key: string;
  hashtag: boolean;
  /** Capitalised inside a sentence: a name or a term the author singled out. */
  capitalised: boolean;
}

/** Is the word at `index` of `text` capitalised somewhere other than at a sentence start? */
export const isCapitalisedInside = (text: string, word: string, index: number, lower = word.toLowerCase()): boolean => {
  if (index === 0 || !startsUpper(word, lower)) return false;
  // Walk back over spaces and opening quotes to the previous real character.
  let i = index - 1;
  while (i >= 0 && ' \t"\'‘“('.includes(text[i]!)) i--;
  return i >= 0 && !'.!?:\n'.includes(text[i]!);
};

export function keywordsOf(text: string, lang: Lang, max = 8): Keyword[] {
  const candidates: KeywordCandidate[] = [];
  for (const { word, hashtag, index } of wordsWithCase(text)) {
    const lower = word.toLowerCase();
    if (!isContentWord(lower, lang)) continue;
    candidates.push({ word, key: termKey(word, lower, lang), hashtag, capitalised: isCapitalisedInside(text, word, index, lower) });
  }
  return rankKeywords(candidates, max);
}

/** Keywords from the content words of a text in order (summarize has them already). */
export function rankKeywords(candidates: KeywordCandidate[], max = 8): Keyword[] {
  const groups = new Map<string, { weight: number; first: number; surfaces: Map<string, number> }>();
  candidates.forEach(({ word, key, hashtag, capitalised }, position) => {
    const boost = hashtag ? 1.5 : capitalised ? 1.3 : 1;
    let group = groups.get(key);
    if (!group) {
      group = { weight: 0, first: position, surfaces: new Map() };
      groups.set(key, group);
    }
    group.weight += boost;
    // A spelling from running text reads better than a CamelCase hashtag, so hashtags count half.
    group.surfaces.set(word, (group.surfaces.get(word) ?? 0) + (hashtag ? 0.5 : 1));
  });
  const total = Math.max(1, candidates.length);
  const ranked = [...groups.entries()].map(([key, g]) => {
    // Longer words carry more meaning than short ones at equal frequency; early words a little more.
    const lengthFactor = Math.min(1.3, 0.8 + key.length / 20);
    const positionFactor = 1 + 0.2 * (1 - g.first / total);
    let surface = '';
    let best = -1;
    for (const [s, n] of g.surfaces) {
      // Prefer the most used spelling; among equals the lower-case one unless it is a name.
      if (n > best) {
        best = n;
        surface = s;
      }
    }
    return { stem: key, surface, weight: g.weight * lengthFactor * positionFactor, first: g.first };
  });
  ranked.sort((a, b) => b.weight - a.weight || a.first - b.first || (a.stem < b.stem ? -1 : 1));
  return ranked.slice(0, max).map(({ stem: s, surface, weight }) => ({ stem: s, surface, weight: Math.round(weight * 1000) / 1000 }));
}

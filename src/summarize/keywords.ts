// Keywords of one text: content words and hashtags, grouped by stem, shown in the spelling people
// used most. Weight favours words that recur, hashtags (the author's own labels) and capitalised
// words inside sentences (names: "EdgeWorks", "Schiphol"), and words met early.
import { stem } from './stem';
import { isStopword } from './stopwords';
import { wordsWithCase } from './tokenize';
import type { Keyword, Lang } from './types';

/** A word that can be a keyword: letters only, at least 3 of them, not a stopword. */
export const isContentWord = (lower: string, lang: Lang): boolean =>
  lower.length >= 3 && !/\p{N}/u.test(lower) && !isStopword(lower, lang);

export function keywordsOf(text: string, lang: Lang, max = 8): Keyword[] {
  const words = wordsWithCase(text);
  const groups = new Map<string, { weight: number; first: number; surfaces: Map<string, number> }>();
  words.forEach(({ word, hashtag, index }, position) => {
    const lower = word.toLowerCase();
    if (!isContentWord(lower, lang)) return;
    // Acronyms ("AWS", "NS", "KNMI") are names, not inflected words: Porter would make "aw" of "AWS".
    const key = /^\p{Lu}{2,5}$/u.test(word) ? lower : stem(lower, lang);
    // Capitalised inside a sentence: a name or a term the author singled out.
    const sentenceStart = position === 0 || /[.!?:\n]\s*["'‘“(]?$/u.test(text.slice(Math.max(0, index - 4), index));
    const capitalised = /^\p{Lu}/u.test(word) && !sentenceStart;
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
  const total = Math.max(1, words.length);
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

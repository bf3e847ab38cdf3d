// Keywords of one text: content words and hashtags, grouped by stem, shown in the spelling people
// used most. Weight favours words that recur, hashtags (the author's own labels) and capitalised
// words inside sentences (names: "EdgeWorks", "Schiphol"), and words met early.
import { isContentWord, termKey } from './terms';
import { wordsWithCase } from './tokenize';
import type { ItemTokens } from './terms';
import type { Keyword, Lang } from './types';

export { isContentWord, termKey } from './terms';

const startsUpper = (word: string, lower: string): boolean => word.charCodeAt(0) !== lower.charCodeAt(0);

/** A content word as met in running text, with what matters for keyword weight. */
export interface KeywordCandidate {
  word: string;
  key: string;
  hashtag: boolean;
  /** Capitalised inside a sentence: a name or a term the author singled out. */
  capitalised: boolean;
}

/** Is the word at `index` of `text` capitalised somewhere other than at a sentence start? */
export const isCapitalisedInside = (text: string, word: string, index: number, lower = word.toLowerCase()): boolean =>
  index > 0 && startsUpper(word, lower) && followsWithinSentence(text, index);

/** Does the word starting at `index` (> 0) follow other words of its sentence? */
export const followsWithinSentence = (text: string, index: number): boolean => {
  // Walk back over spaces and opening quotes to the previous real character.
  let i = index - 1;
  let c = text.charCodeAt(i);
  // space, tab, " ' ‘ “ (
  while (c === 32 || c === 9 || c === 34 || c === 39 || c === 0x2018 || c === 0x201c || c === 40) c = text.charCodeAt(--i);
  // not after . ! ? : or a line break
  return i >= 0 && c !== 46 && c !== 33 && c !== 63 && c !== 58 && c !== 10;
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

/** The content words of an item in text order, their terms numbered by first use (0, 1, 2…). */
export interface ContentWords {
  term: number[];
  /** Where each content word is in the item's tokens (for its spelling and hashtag mark). */
  token: number[];
  /** Per term: its occurrences, a hashtag counting 1.5 and a capitalised word 1.3 (as in rankKeywords). */
  weight: number[];
  /** Per term: the position of its first content word. */
  first: number[];
  /** Per term: its key (stem). */
  key: string[];
}

/**
 * rankKeywords' surfaces for summarize, computed on term numbers instead of string maps, with the
 * same weights and order. Terms are numbered by first use, so a lower number is the "met earlier"
 * tie-break; spellings are only counted for the winners.
 */
export function topKeywords(c: ContentWords, tokens: ItemTokens, max = 8): string[] {
  const n = c.key.length;
  const total = Math.max(1, c.term.length);
  const weight = new Float64Array(n);
  // The best `max` terms, best first, by insertion (max is small).
  const top: number[] = [];
  for (let t = 0; t < n; t++) {
    // Longer words carry more meaning than short ones at equal frequency; early words a little more.
    const w = c.weight[t]! * Math.min(1.3, 0.8 + c.key[t]!.length / 20) * (1 + 0.2 * (1 - c.first[t]! / total));
    weight[t] = w;
    if (top.length === max && w <= weight[top[max - 1]!]!) continue;
    let at = top.length === max ? max - 1 : top.length;
    while (at > 0 && weight[top[at - 1]!]! < w) {
      top[at] = top[at - 1]!;
      at--;
    }
    top[at] = t;
  }
  const rankOf = new Int32Array(n).fill(-1);
  top.forEach((t, r) => (rankOf[t] = r));
  const surfaces = top.map(() => new Map<string, number>());
  for (let i = 0; i < c.term.length; i++) {
    const r = rankOf[c.term[i]!]!;
    if (r < 0) continue;
    const seen = surfaces[r]!;
    const k = c.token[i]!;
    const word = tokens.spelling[k]!.word;
    // A spelling from running text reads better than a CamelCase hashtag, so hashtags count half.
    seen.set(word, (seen.get(word) ?? 0) + (tokens.hashtag[k] ? 0.5 : 1));
  }
  return surfaces.map((seen) => {
    let surface = '';
    let best = -1;
    for (const [s, count] of seen) {
      if (count > best) {
        best = count;
        surface = s;
      }
    }
    return surface;
  });
}

// Words of an item as the ranking needs them: each spelling is looked up once per service-worker
// lifetime instead of being lower-cased, checked against the stopwords and stemmed at every
// occurrence, and each stem becomes a small integer so ranking works on arrays, not string maps.
// (Profiling showed the per-token string work, spread thinly over many helpers, as the largest cost
// of summarize; see test/bench/summarize.mjs.)
import { stem } from './stem';
import { isStopwordLower } from './stopwords';
import { withoutLinksAndHandles } from './tokenize';
import { wordEvidence, type WordEvidence } from './language';
import { WORD } from './patterns';
import type { Lang } from './types';

/** A word that can be a keyword: letters only, at least 3 of them, not a stopword. */
export const isContentWord = (lower: string, lang: Lang): boolean =>
  lower.length >= 3 && !DIGIT.test(lower) && !isStopwordLower(lower, lang);

// Hot-path checks avoid Unicode property escapes, which cost more per call: a word is upper-case
// where its lower-case form differs, and tokens only hold letters, marks and digits.
const DIGIT = /\d/;

/**
 * The grouping key of a content word: its stem, except for acronyms ("AWS", "NS", "KNMI"), which
 * are names rather than inflected words (Porter would make "aw" of "AWS").
 */
export const termKey = (word: string, lower: string, lang: Lang): string =>
  word.length >= 2 && word.length <= 5 && word !== lower && word === word.toUpperCase() ? lower : stem(lower, lang);

/** What the summariser needs to know about one spelling of a word ("Fietspaden", "AWS"). */
export interface Spelling {
  word: string;
  lower: string;
  /** Starts with a capital (its first character changes when lower-cased). */
  upperStart: boolean;
  /** What it says about the language, once asked. */
  evidence: WordEvidence | undefined;
  /** Term id of its key per language (en, nl, other); -1: not a content word; -2: not looked up. */
  term: [number, number, number];
}

const LANG_SLOT = { en: 0, nl: 1, other: 2 } as const;

// Bounded like the stem cache: dropped whole when full, only between two calls (ids are valid
// within one summarize call), so a long-lived service worker keeps flat memory.
const SPELLING_LIMIT = 20000;
const spellings = new Map<string, Spelling>();
const termIds = new Map<string, number>();
/** The key (stem) of each term id. */
export const termText: string[] = [];

/** Call before a summarize pass: empties the caches when they are full. */
export function boundCaches(): void {
  if (spellings.size < SPELLING_LIMIT && termText.length < SPELLING_LIMIT) return;
  spellings.clear();
  termIds.clear();
  termText.length = 0;
}

export function spellingOf(word: string): Spelling {
  let s = spellings.get(word);
  if (s === undefined) {
    const lower = word.toLowerCase();
    s = { word, lower, upperStart: word.charCodeAt(0) !== lower.charCodeAt(0), term: [-2, -2, -2], evidence: undefined };
    spellings.set(word, s);
  }
  return s;
}

/** The term id of a spelling in `lang`, or -1 when it is not a content word. */
export function termOf(s: Spelling, lang: Lang): number {
  const slot = LANG_SLOT[lang];
  let id = s.term[slot];
  if (id === -2) {
    if (!isContentWord(s.lower, lang)) id = -1;
    else {
      const key = termKey(s.word, s.lower, lang);
      id = termIds.get(key) ?? -1;
      if (id < 0) {
        id = termText.length;
        termText.push(key);
        termIds.set(key, id);
      }
    }
    s.term[slot] = id;
  }
  return id;
}

export const evidenceOf = (s: Spelling): WordEvidence => (s.evidence ??= wordEvidence(s.lower));

/** The words of an item's sentences, flat: token k belongs to sentence i when end[i-1] <= k < end[i]. */
export interface ItemTokens {
  spelling: Spelling[];
  /** Offset of the token in its sentence. */
  at: number[];
  /** Written as a #hashtag. */
  hashtag: boolean[];
  /** One past the last token of each sentence. */
  end: number[];
}

/** Tokenizes every sentence once (see tokenize.ts for what a word is). */
export function itemTokens(sentences: readonly string[], mayHaveLinks: boolean): ItemTokens {
  const out: ItemTokens = { spelling: [], at: [], hashtag: [], end: [] };
  for (const text of sentences) {
    const clean = mayHaveLinks ? withoutLinksAndHandles(text) : text;
    WORD.lastIndex = 0;
    for (let m = WORD.exec(clean); m; m = WORD.exec(clean)) {
      const word = m[0].includes('’') ? m[0].replace(/’/g, "'") : m[0];
      out.spelling.push(spellingOf(word));
      out.at.push(m.index);
      out.hashtag.push(m.index > 0 && clean.charCodeAt(m.index - 1) === 35 /* # */);
    }
    out.end.push(out.spelling.length);
  }
  return out;
}

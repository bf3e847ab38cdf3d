// Words of an item as the ranking needs them: each spelling is looked up once per service-worker
// lifetime instead of being lower-cased, checked against the stopwords and stemmed at every
// occurrence, and each stem becomes a small integer so ranking works on arrays, not string maps.
// (Profiling showed the per-token string work, spread thinly over many helpers, as the largest cost
// of summarize; see test/bench/summarize.mjs.)
import { stem } from './stem';
import { isStopwordLower } from './stopwords';
import { withoutLinksAndHandles } from './tokenize';
import { wordEvidence, type WordEvidence } from './language';
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
  /** Holds the first word of a call-to-action or link-teaser phrase (rank.ts), once asked. */
  cue: boolean | undefined;
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
  resetTable();
  termIds.clear();
  termText.length = 0;
}

export function spellingOf(word: string): Spelling {
  let s = spellings.get(word);
  if (s === undefined) {
    const lower = word.toLowerCase();
    s = { word, lower, upperStart: word.charCodeAt(0) !== lower.charCodeAt(0), term: [-2, -2, -2], cue: undefined, evidence: undefined };
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
  /** Per sentence: links, e-mail addresses or handles were blanked out before tokenizing. */
  hadLinks: boolean[];
}

// The tokenizer below is tokenize.ts's WORD pattern, /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+|[.,]\p{N}+)*/u,
// written out as a scan over character codes: the regular expression allocated a match and a
// string for every word, and looking the string up hashed it again. The scan hashes the word's
// characters as it goes and finds its spelling in a table keyed by those characters, so a word
// seen before costs no allocation. test/unit/summarize.test.ts checks the two agree.

/** Character classes: a letter or mark, or a number (the Unicode categories are disjoint). */
const LETTER = 1;
const NUMBER = 2;
const KNOWN = 4;
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const NUMERIC = /^\p{N}$/u;
const classify = (codePoint: number): number => {
  const ch = String.fromCodePoint(codePoint);
  return KNOWN | (LETTER_OR_MARK.test(ch) ? LETTER : 0) | (NUMERIC.test(ch) ? NUMBER : 0);
};
/** Class of each UTF-16 code unit, filled in as met (a lone surrogate is neither). */
const unitClass = new Uint8Array(65536);
const astralClass = new Map<number, number>();
/** Code units taken by the last character classAt looked at (2 for a surrogate pair). */
let width = 1;

function classAt(s: string, i: number): number {
  const code = s.charCodeAt(i);
  width = 1;
  if ((code & 0xfc00) === 0xd800 && i + 1 < s.length) {
    const low = s.charCodeAt(i + 1);
    if ((low & 0xfc00) === 0xdc00) {
      width = 2;
      const codePoint = ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
      let c = astralClass.get(codePoint);
      if (c === undefined) astralClass.set(codePoint, (c = classify(codePoint)));
      return c & (LETTER | NUMBER);
    }
  }
  let c = unitClass[code]!;
  if (c === 0) unitClass[code] = c = classify(code);
  return c & (LETTER | NUMBER);
}

// Spellings by the characters of the word as written (before ’ becomes '): open addressing.
let tableSize = 1024;
let tableRaw: Array<string | undefined> = new Array<string | undefined>(tableSize);
let tableSpelling: Array<Spelling | undefined> = new Array<Spelling | undefined>(tableSize);
let tableHash = new Int32Array(tableSize);
let tableCount = 0;

function resetTable(): void {
  tableSize = 1024;
  tableRaw = new Array<string | undefined>(tableSize);
  tableSpelling = new Array<Spelling | undefined>(tableSize);
  tableHash = new Int32Array(tableSize);
  tableCount = 0;
}

function insert(raw: string, hash: number, spelling: Spelling): void {
  if (2 * (tableCount + 1) > tableSize) {
    const oldRaw = tableRaw;
    const oldSpelling = tableSpelling;
    const oldHash = tableHash;
    tableSize *= 2;
    tableRaw = new Array<string | undefined>(tableSize);
    tableSpelling = new Array<Spelling | undefined>(tableSize);
    tableHash = new Int32Array(tableSize);
    tableCount = 0;
    oldRaw.forEach((r, i) => {
      if (r !== undefined) insert(r, oldHash[i]!, oldSpelling[i]!);
    });
  }
  let slot = hash & (tableSize - 1);
  while (tableRaw[slot] !== undefined) slot = (slot + 1) & (tableSize - 1);
  tableRaw[slot] = raw;
  tableSpelling[slot] = spelling;
  tableHash[slot] = hash;
  tableCount++;
}

/** The spelling of text[start, end), from the table or made and added. */
function spellingAt(text: string, start: number, end: number, hash: number, curly: boolean): Spelling {
  const length = end - start;
  for (let slot = hash & (tableSize - 1); ; slot = (slot + 1) & (tableSize - 1)) {
    const raw = tableRaw[slot];
    if (raw === undefined) break;
    if (tableHash[slot] !== hash || raw.length !== length) continue;
    let j = 0;
    while (j < length && raw.charCodeAt(j) === text.charCodeAt(start + j)) j++;
    if (j === length) return tableSpelling[slot]!;
  }
  const raw = text.slice(start, end);
  const spelling = spellingOf(curly ? raw.replace(/’/g, "'") : raw);
  insert(raw, hash, spelling);
  return spelling;
}

/** Tokenizes every sentence once (see tokenize.ts for what a word is). */
export function itemTokens(sentences: readonly string[], mayHaveLinks: boolean): ItemTokens {
  const out: ItemTokens = { spelling: [], at: [], hashtag: [], end: [], hadLinks: [] };
  for (const text of sentences) {
    const clean = mayHaveLinks ? withoutLinksAndHandles(text) : text;
    const n = clean.length;
    let i = 0;
    while (i < n) {
      if (classAt(clean, i) === 0) {
        i += width;
        continue;
      }
      const start = i;
      let curly = false;
      // [\p{L}\p{M}\p{N}]+
      do i += width;
      while (i < n && classAt(clean, i) !== 0);
      // (?:['’][\p{L}\p{M}]+|[.,]\p{N}+)*
      while (i + 1 < n) {
        const joiner = clean.charCodeAt(i);
        let wanted: number;
        if (joiner === 39 || joiner === 0x2019) wanted = LETTER;
        else if (joiner === 46 || joiner === 44) wanted = NUMBER;
        else break;
        if (classAt(clean, i + 1) !== wanted) break;
        if (joiner === 0x2019) curly = true;
        i += 1;
        do i += width;
        while (i < n && classAt(clean, i) === wanted);
      }
      let hash = 0x811c9dc5;
      for (let j = start; j < i; j++) hash = Math.imul(hash ^ clean.charCodeAt(j), 16777619);
      out.spelling.push(spellingAt(clean, start, i, hash, curly));
      out.at.push(start);
      out.hashtag.push(start > 0 && clean.charCodeAt(start - 1) === 35 /* # */);
    }
    out.end.push(out.spelling.length);
    out.hadLinks.push(clean !== text);
  }
  return out;
}

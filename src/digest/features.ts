// Features that let two posts about the same story meet, in English and Dutch alike.
//
// A day's saved posts are short (20–60 words) and mixed in language, so plain word overlap misses
// most of what two posts about one story share. Each item becomes a weighted bag of:
// - names ("EdgeWorks", "KNMI", "Fenna"): capitalised inside a sentence somewhere in the day;
//   a name is spelled the same in both languages, so it is the strongest cross-lingual cue;
// - codes ("P7", "Lumen-3"), hashtags (also split: #OranjeLeeuwinnen → oranje, leeuwinnen),
//   link domains and @mentions;
// - numbers in one canonical spelling ("1,2 miljoen" and "1.2M" → 1.2; "32.000" and "32,000" →
//   32000; "2-0" and "2–0" → 2-0), because the same figures travel with the same news;
// - content words, stemmed per language and mapped through the EN↔NL lexicon to shared concepts
//   ("storing" and "outage" → c:outage); Dutch compounds are split when both halves are known
//   ("nachtvluchten" → night + flight).
// Weights are TF-IDF over the day's items, so words every post uses count for little.
import { detectLanguage, isStopword, splitSentences, stem } from '../summarize';
import { conceptOfStemmed, isDutchLexiconStem } from './lexicon';
import type { FeatureSpace } from './cluster';
import type { DigestInput } from './types';

export type ItemLang = 'en' | 'nl' | 'other';

/** Extra weight per feature kind, on top of TF-IDF. Names and codes say most about a story. */
const KIND_WEIGHT: Record<string, number> = {
  w: 1, // stemmed word
  c: 1.1, // lexicon concept (cross-lingual)
  e: 1.6, // name, added beside the word or concept
  x: 2, // code such as "P7", "C/2026"
  h: 1, // hashtag as a whole
  n: 1, // number (small numbers are damped in numberWeight)
  d: 1.5, // link domain
  m: 1, // @mention
  p: 0.8, // two-name phrase ("Black Friday"), also used for labels
};

/**
 * One spelling of a word as it occurs in the day's texts ("Storm", "storm", "KNMI"), with what
 * does not depend on where it stands, worked out once per language: a day's 20,000 words are a
 * few thousand spellings.
 */
export interface Word {
  /** Original spelling (’ written '), for labels. */
  surface: string;
  lower: string;
  /** First letter a capital. */
  capitalised: boolean;
  /** All caps or CamelCase ("KNMI", "EdgeWorks", "iPhone"): a name even where a sentence starts. */
  nameAnywhere: boolean;
  /** Stopword flag, stem and concept of `lower` in the text's language. */
  info: WordInfo;
}

/** Token flag: capitalised where a sentence does not start, all caps or CamelCase. */
export const NAME_LIKE = 1;
/** Token flag: came from a hashtag's parts (those are written without capitals often). */
export const FROM_HASHTAG = 2;

/** What we read off one text before the day's statistics are known. */
export interface RawText {
  lang: ItemLang;
  /**
   * Tokens in order: the text's words without digits (stopwords included), then the hashtags'
   * parts. With `numbers`, the first `textWords` tokens are the words near-duplicates are told by.
   */
  tokens: Word[];
  /** NAME_LIKE and FROM_HASHTAG bits per token. */
  tokenFlags: number[];
  /** How many of `tokens` are the text's own words (the rest are hashtag parts). */
  textWords: number;
  /** The text's words with digits, lower-cased ("2026", "p7", "10km"). */
  numbers: string[];
  /** Features that need no day context (numbers, hashtags, codes, domains, mentions) with counts. */
  fixed: Map<string, number>;
  wordCount: number;
}

const URL_RE = /\bhttps?:\/\/([^\s/<>"']+)[^\s<>"']*|\bwww\.([^\s/<>"']+)[^\s<>"']*/giu;
// A lookbehind rather than a consumed character before "@": the engine can then skip ahead to the
// next "@" instead of trying a match at every character.
const MENTION_RE = /(?<![\p{L}\p{N}_.])@([\p{L}\p{N}_]+)(?:@[\w.-]+)?/gu;
/** Cheap test for URL_RE's "www." alternative (its "http(s)://" one needs "://"). */
const MAYBE_WWW = /www\./i;
const CODE_RE = /\b(\p{Lu}[\p{L}]*)[-/](\d+)\b/gu;
/** What a word is; `nextWord` reads words this way without a match per word (and a test holds it to it). */
export const WORD_RE = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)?/gu;
/**
 * Numbers with their local separators and an optional score/range second half, matched at one
 * position (sticky): readText tries it only at a digit that does not continue a word, and drops
 * the second half when a letter or digit follows it. Together that is what
 * /(?<![\p{L}\p{N}])(…)(?:\s?[-–]\s?(\d+)(?![\p{L}\d]))?(?:\s?(miljoen|million|…|bn)\b)?/giu found,
 * as a test checks: no feature reads the unit multiplier, and a unit has no digit for the next
 * number to start at; the Unicode classes and the case folding "i" needed for the units were the
 * costliest patterns to compile in a digest. (Case folding also counted U+0345 as a letter.)
 */
const NUMBER_AT = /(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,:]\d+)?)(?:\s?[-–]\s?(\d+))?/y;
const NEXT_DIGIT = /\d/g;

// Character classes per code point, worked out once: WORD_RE's (letter, mark or number; letter)
// and the Unicode categories the word checks below need. Reading 20,000 words a character at a
// time with this table is several times cheaper than one regular-expression match per word, and
// one pattern classifies all (each \p{…} a pattern names costs the engine an ICU set to build).
const KNOWN = 1;
/** [\p{L}\p{M}\p{N}] */
const WORD_CHAR = 2;
/** \p{L} */
const LETTER = 4;
/** An ASCII digit (what /\d/ matches). */
const DIGIT = 8;
/** \p{N} */
const NUMBER = 16;
/** \p{Lu} */
const UPPER = 32;
/** \p{Ll} */
const LOWER = 64;
const BMP_CLASSES = new Uint8Array(0x10000);
const ASTRAL_CLASSES = new Map<number, number>();
/** One code point's category: uppercase, lowercase or other letter, number, mark (groups 1–5). */
const CATEGORY_RE = /^(?:(\p{Lu})|(\p{Ll})|(\p{L})|(\p{N})|(\p{M}))$/u;

/** The class bits of a code point (KNOWN, WORD_CHAR, LETTER, DIGIT, NUMBER, UPPER, LOWER). */
export function classOf(codePoint: number): number {
  if (codePoint < 0x10000) {
    let c = BMP_CLASSES[codePoint]!;
    if (c === 0) {
      c = classify(codePoint);
      BMP_CLASSES[codePoint] = c;
    }
    return c;
  }
  let c = ASTRAL_CLASSES.get(codePoint);
  if (c === undefined) {
    c = classify(codePoint);
    ASTRAL_CLASSES.set(codePoint, c);
  }
  return c;
}

function classify(codePoint: number): number {
  const m = CATEGORY_RE.exec(String.fromCodePoint(codePoint));
  const digit = codePoint >= 0x30 && codePoint <= 0x39 ? DIGIT : 0;
  if (!m) return KNOWN | digit;
  if (m[1] !== undefined) return KNOWN | WORD_CHAR | LETTER | UPPER;
  if (m[2] !== undefined) return KNOWN | WORD_CHAR | LETTER | LOWER;
  if (m[3] !== undefined) return KNOWN | WORD_CHAR | LETTER;
  if (m[4] !== undefined) return KNOWN | WORD_CHAR | NUMBER | digit;
  return KNOWN | WORD_CHAR;
}

/** /\p{Ll}\p{Lu}/u.test(s): a lowercase letter right before an uppercase one ("EdgeWorks"). */
export function hasLowerThenUpper(s: string): boolean {
  let previous = 0;
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    const c = classOf(cp);
    if (previous & LOWER && c & UPPER) return true;
    previous = c;
    i += cp > 0xffff ? 2 : 1;
  }
  return false;
}

/** /^\p{N}+\p{L}{1,3}$/u.test(s): a number with a short unit ("10km", "2pm", "22x"). */
export function isNumberWithUnit(s: string): boolean {
  let numbers = 0;
  let letters = 0;
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    const c = classOf(cp);
    if (letters === 0 && c & NUMBER) numbers++;
    else if (numbers > 0 && c & LETTER) letters++;
    else return false;
    i += cp > 0xffff ? 2 : 1;
  }
  return numbers > 0 && letters >= 1 && letters <= 3;
}

/** /[\p{L}\p{N}]/u.test(s) (when `numbersOnly`, /\p{N}/u.test(s)). */
export function hasLetterOrNumber(s: string, numbersOnly = false): boolean {
  const wanted = numbersOnly ? NUMBER : LETTER | NUMBER;
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    if (classOf(cp) & wanted) return true;
    i += cp > 0xffff ? 2 : 1;
  }
  return false;
}

/** In bounds[2] after nextWord: the word has an ASCII digit. */
export const HAS_DIGIT = 1;
/** In bounds[2] after nextWord: the word is ASCII digits only. */
export const ALL_DIGITS = 2;

/**
 * Finds the next word at or after `from`, exactly as WORD_RE would match it (a run of letters,
 * marks and numbers, with an apostrophe and letters after it: "don't", "auto’s"). Writes its
 * bounds to `bounds` (and, given a third slot, HAS_DIGIT and ALL_DIGITS there, read off the same
 * characters) and returns false when there is none.
 */
export function nextWord(text: string, from: number, bounds: Int32Array): boolean {
  const length = text.length;
  let i = from;
  // The class table is read inline, without a call per character (what a loop V8 has not
  // optimised yet pays most for); only surrogates and characters not seen before go through classOf.
  while (i < length) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) {
      if ((BMP_CLASSES[unit]! || classOf(unit)) & WORD_CHAR) break;
      i++;
    } else {
      const cp = text.codePointAt(i)!;
      if (classOf(cp) & WORD_CHAR) break;
      i += cp > 0xffff ? 2 : 1;
    }
  }
  if (i >= length) return false;
  const start = i;
  let any = 0;
  let all = DIGIT;
  while (i < length) {
    const unit = text.charCodeAt(i);
    let c: number;
    if (unit < 0xd800 || unit > 0xdfff) {
      c = BMP_CLASSES[unit]! || classOf(unit);
      if (!(c & WORD_CHAR)) break;
      i++;
    } else {
      const cp = text.codePointAt(i)!;
      c = classOf(cp);
      if (!(c & WORD_CHAR)) break;
      i += cp > 0xffff ? 2 : 1;
    }
    any |= c;
    all &= c;
  }
  const next = text.charCodeAt(i);
  if (next === 0x27 || next === 0x2019) {
    let j = i + 1;
    while (j < length) {
      const cp = text.codePointAt(j)!;
      if (!(classOf(cp) & LETTER)) break;
      j += cp > 0xffff ? 2 : 1;
    }
    if (j > i + 1) {
      i = j;
      all = 0; // the apostrophe is no digit
    }
  }
  bounds[0] = start;
  bounds[1] = i;
  bounds[2] = (any & DIGIT ? HAS_DIGIT : 0) | (all & DIGIT ? ALL_DIGITS : 0);
  return true;
}

/** Characters after which (past spaces) a sentence starts: a capital there says nothing. */
const SENTENCE_OPENERS = new Set(['.', '!', '?', ':', '…', '\n', '"', '“', '‘', '(']);

/** Does a sentence start at `index` of `text`? (Only white space between it and an opener.) */
function startsSentence(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\u00a0') continue;
    return SENTENCE_OPENERS.has(c);
  }
  return true;
}

export function itemText(item: DigestInput): string {
  return [item.title, item.text, item.linkTitle].filter((s): s is string => typeof s === 'string' && s.length > 0).join('\n');
}

export function languageOf(item: DigestInput, text: string): ItemLang {
  if (item.lang === 'en' || item.lang === 'nl') return item.lang;
  return detectLanguage(text);
}

export interface WordInfo {
  stop: boolean;
  concept: string | undefined;
  stem: string;
  /** The word's feature: its lexicon concept, else "w:" + stem. */
  feature: string;
  /** Its name feature ("e:" + the word without accents), worked out when first needed. */
  nameFeature?: string;
  /** The FeatureSpace the two ids below belong to (the day being built). */
  space?: FeatureSpace;
  /** Id of `feature` in `space`; -1 until looked up. */
  featureId: number;
  /** Id of the name feature in `space`; -1 until looked up. */
  nameId: number;
  /** The day's id of the lower-case word (for near-duplicate Jaccard), valid with `space`; -1 until given. */
  wordId: number;
}

// Stemming and lexicon look-ups dominate the cost of a 500-item digest, and a day's posts reuse
// the same few thousand words, so each (language, word) is worked out once, together with the
// feature strings built from it. One map per language, so a look-up builds no key string.
// Bounded, so a long-lived service worker does not grow them without end.
const WORD_INFO: Record<ItemLang, Map<string, WordInfo>> = { en: new Map(), nl: new Map(), other: new Map() };
const WORD_INFO_LIMIT = 50_000;

/** Stopword flag, lexicon concept and stem of a lower-case word as written in `lang`. */
export function wordInfo(lower: string, lang: ItemLang): WordInfo {
  const cache = WORD_INFO[lang];
  let info = cache.get(lower);
  if (!info) {
    if (cache.size >= WORD_INFO_LIMIT) cache.clear();
    const stemmed = stem(lower, lang === 'nl' ? 'nl' : 'en');
    const concept = conceptOfStemmed(lower, lang, stemmed);
    info = {
      stop: isStopword(lower, 'other'),
      concept,
      stem: stemmed,
      feature: concept ?? `w:${stemmed}`,
      nameFeature: undefined,
      space: undefined,
      featureId: -1,
      nameId: -1,
      wordId: -1,
    };
    cache.set(lower, info);
  }
  return info;
}

/** "e:" feature of a name: accents dropped, so "Fenna" and "Fénna" meet. */
export function nameFeature(info: WordInfo, lower: string): string {
  return (info.nameFeature ??= `e:${lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '')}`);
}

// The spellings of words, per language (a Word holds its language's WordInfo), bounded like
// WORD_INFO. Keyed by the text as read, before ’ is written '.
const WORDS: Record<ItemLang, Map<string, Word>> = { en: new Map(), nl: new Map(), other: new Map() };

/** The Word for a spelling without digits, as read from a text in `lang`. */
function wordOf(read: string, lang: ItemLang): Word {
  const cache = WORDS[lang];
  let word = cache.get(read);
  if (!word) {
    if (cache.size >= WORD_INFO_LIMIT) cache.clear();
    const surface = read.includes('’') ? read.replace(/’/g, "'") : read;
    const lower = surface.toLowerCase();
    const first = surface[0]!;
    const capitalised = first !== first.toLowerCase();
    const allCaps = capitalised && surface.length >= 2 && surface === surface.toUpperCase();
    const camelCase = surface !== lower && hasLowerThenUpper(surface);
    word = { surface, lower, capitalised, nameAnywhere: allCaps || camelCase, info: wordInfo(lower, lang) };
    cache.set(read, word);
  }
  return word;
}

const THOUSANDS = { nl: /^\d{1,3}(\.\d{3})+$/, en: /^\d{1,3}(,\d{3})+$/ };

/** canonicalNumber's answers per language: a day's posts repeat their figures. */
const CANONICAL_NUMBERS: Record<ItemLang, Map<string, string>> = { en: new Map(), nl: new Map(), other: new Map() };

function canonicalNumberOf(raw: string, lang: ItemLang): string {
  const cache = CANONICAL_NUMBERS[lang];
  let canonical = cache.get(raw);
  if (canonical === undefined) {
    if (cache.size >= WORD_INFO_LIMIT) cache.clear();
    canonical = canonicalNumber(raw, lang);
    cache.set(raw, canonical);
  }
  return canonical;
}

/** Canonical spelling of a number as written in `lang` ("32.000" nl → "32000", "1,2" nl → "1.2"). */
export function canonicalNumber(raw: string, lang: ItemLang): string {
  if (raw.includes(':')) return raw; // a time ("09:12") or a ratio: keep as written
  const groupSep = lang === 'nl' ? '.' : ',';
  const decimalSep = lang === 'nl' ? ',' : '.';
  let s = raw;
  // "32.000" in Dutch and "41,200" in English are thousands; so is a lone group of exactly three
  // digits after the other separator when several groups follow ("1.234.567").
  if (THOUSANDS[lang === 'nl' ? 'nl' : 'en'].test(s)) s = s.split(groupSep).join('');
  else if (/^\d{1,3}([.,]\d{3}){2,}$/.test(s)) s = s.replace(/[.,]/g, '');
  s = s.replace(decimalSep, '.').replace(',', '.');
  const value = Number(s);
  return Number.isFinite(value) ? String(value) : raw;
}

function numberWeight(canonical: string): number {
  const value = Number(canonical);
  if (!Number.isFinite(value)) return 0.6;
  // 1–12 come up in every other post (days, hours, counts); years are shared by everything that day.
  if (Number.isInteger(value) && value <= 12) return 0.25;
  if (Number.isInteger(value) && value >= 1990 && value <= 2100) return 0.6;
  return 1;
}

const add = (map: Map<string, number>, feature: string, amount: number): void => {
  map.set(feature, (map.get(feature) ?? 0) + amount);
};

/**
 * Splits "OranjeLeeuwinnen" / "WK2027" / "code_oranje" into parts: at underscores, between a
 * lowercase and an uppercase letter, and between letters and numbers either way. Read off the
 * character table (the three patterns it replaces cost more to compile than a day's splits).
 */
function hashtagParts(tag: string): readonly string[] {
  // A day's posts repeat their hashtags.
  let parts = HASHTAG_PARTS.get(tag);
  if (parts === undefined) {
    if (HASHTAG_PARTS.size >= WORD_INFO_LIMIT) HASHTAG_PARTS.clear();
    parts = splitHashtag(tag);
    HASHTAG_PARTS.set(tag, parts);
  }
  return parts;
}

function splitHashtag(tag: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let previous = 0;
  for (let i = 0; i < tag.length; ) {
    const cp = tag.codePointAt(i)!;
    if (cp === 0x5f) {
      if (i > start) parts.push(tag.slice(start, i));
      start = i + 1;
      previous = 0;
      i++;
      continue;
    }
    const c = classOf(cp);
    if ((previous & LOWER && c & UPPER) || (previous & LETTER && c & NUMBER) || (previous & NUMBER && c & LETTER)) {
      if (i > start) parts.push(tag.slice(start, i));
      start = i;
    }
    previous = c;
    i += cp > 0xffff ? 2 : 1;
  }
  if (tag.length > start) parts.push(tag.slice(start));
  return parts;
}

/**
 * Where a hashtag that starts with the "#" at `at` ends, or -1 if none does: what
 * /(?<![\p{L}\p{N}_&])#([\p{L}][\p{L}\p{N}_]*)/u matches there (a letter, then letters, numbers and
 * underscores, not right after a letter, number, "_" or "&"), read off the character table; a
 * test holds it to the pattern.
 */
function hashtagEnd(text: string, at: number): number {
  const before = codePointBefore(text, at);
  if (before === 0x5f || before === 0x26 || (before >= 0 && classOf(before) & (LETTER | NUMBER))) return -1;
  let i = at + 1;
  if (i >= text.length || !(classOf(text.codePointAt(i)!) & LETTER)) return -1;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    if (cp !== 0x5f && !(classOf(cp) & (LETTER | NUMBER))) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/** The code point that ends just before `index` (a whole surrogate pair), or -1 at the start. */
function codePointBefore(text: string, index: number): number {
  if (index === 0) return -1;
  const unit = text.charCodeAt(index - 1);
  if (unit >= 0xdc00 && unit <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(index - 2)!;
  }
  return unit;
}

const HASHTAG_PARTS = new Map<string, readonly string[]>();

/** First pass over one text: tokens and the features that need no statistics of the day. */
export function readText(text: string, lang: ItemLang): RawText {
  const fixed = new Map<string, number>();
  const numbers: string[] = [];
  // Each pattern only runs on texts that have the one character it cannot match without: most
  // posts have no link, mention or hashtag, and a Unicode pattern scan over every text is not free.
  let rest = text;
  if (rest.includes('://') || MAYBE_WWW.test(rest)) {
    rest = rest.replace(URL_RE, (_m, host?: string, wwwHost?: string) => {
      const domain = (host ?? wwwHost ?? '').toLowerCase().replace(/^www\./, '').replace(/[.,;:!?)]+$/, '');
      if (domain) add(fixed, `d:${domain}`, KIND_WEIGHT.d!);
      return ' ';
    });
  }
  if (rest.includes('@')) {
    rest = rest.replace(MENTION_RE, (_m, handle: string) => {
      add(fixed, `m:${handle.toLowerCase()}`, KIND_WEIGHT.m!);
      return ' ';
    });
  }
  const hashtagWords: string[] = [];
  // Hashtags are cut out as a global replace of their pattern would, each by a space.
  let withoutTags = '';
  let copied = 0;
  for (let at = rest.indexOf('#'); at >= 0; at = rest.indexOf('#', at + 1)) {
    const end = hashtagEnd(rest, at);
    if (end < 0) continue;
    const tag = rest.slice(at + 1, end);
    add(fixed, `h:${tag.toLowerCase()}`, KIND_WEIGHT.h!);
    const parts = hashtagParts(tag);
    for (let p = 0; p < parts.length; p++) hashtagWords.push(parts[p]!);
    withoutTags += `${rest.slice(copied, at)} `;
    copied = end;
    at = end - 1;
  }
  if (copied > 0) rest = withoutTags + rest.slice(copied);
  const hasDigit = /\d/.test(rest);
  // A number starts at a digit: NUMBER_AT is tried only there (what a scan of the whole text
  // would find, in the same order), not at every position with its Unicode look-behind.
  NEXT_DIGIT.lastIndex = 0;
  while (hasDigit && NEXT_DIGIT.test(rest)) {
    const at = NEXT_DIGIT.lastIndex - 1;
    const before = codePointBefore(rest, at);
    if (before === 0x345 || (before >= 0 && classOf(before) & (LETTER | NUMBER))) continue;
    NUMBER_AT.lastIndex = at;
    const m = NUMBER_AT.exec(rest);
    if (!m) continue;
    let second = m[2];
    let end = NUMBER_AT.lastIndex;
    if (second !== undefined && end < rest.length) {
      const after = rest.codePointAt(end)!;
      if (after === 0x345 || classOf(after) & (LETTER | DIGIT)) {
        second = undefined;
        end = at + m[1]!.length;
      }
    }
    NEXT_DIGIT.lastIndex = end;
    const first = canonicalNumberOf(m[1] ?? '', lang);
    const feature = second !== undefined ? `n:${first}-${second}` : `n:${first}`;
    add(fixed, feature, KIND_WEIGHT.n! * numberWeight(first));
  }
  const tokens: Word[] = [];
  const tokenFlags: number[] = [];
  let wordCount = 0;
  const bounds = new Int32Array(3);
  for (let from = 0; nextWord(rest, from, bounds); from = bounds[1]!) {
    const index = bounds[0]!;
    const read = rest.slice(index, bounds[1]);
    wordCount++;
    if (bounds[2]! & HAS_DIGIT) {
      const surface = read.includes('’') ? read.replace(/’/g, "'") : read;
      const lower = surface.toLowerCase();
      numbers.push(lower);
      if (bounds[2]! & ALL_DIGITS) continue; // numbers were read above
      // "P7", "K2", "RTX4090"; but "22x", "10km", "2pm" are a number with a unit.
      if (!isNumberWithUnit(surface)) add(fixed, `x:${lower}`, KIND_WEIGHT.x!);
      continue;
    }
    const word = wordOf(read, lang);
    tokens.push(word);
    tokenFlags.push(word.nameAnywhere || (word.capitalised && !startsSentence(rest, index)) ? NAME_LIKE : 0);
  }
  const textWords = tokens.length;
  for (let k = 0; k < hashtagWords.length; k++) {
    const part = hashtagWords[k]!;
    if (hasLetterOrNumber(part, true)) continue;
    tokens.push(wordOf(part, lang));
    tokenFlags.push(FROM_HASHTAG);
  }
  // "C/2026 K2", "Lumen-3": a name glued to a number by a slash or hyphen is one code.
  if (hasDigit && (rest.includes('-') || rest.includes('/'))) {
    for (const code of rest.matchAll(CODE_RE)) add(fixed, `x:${code[0].toLowerCase()}`, KIND_WEIGHT.x!);
  }
  return { lang, tokens, tokenFlags, textWords, numbers, fixed, wordCount };
}

/** Statistics of the day that feature extraction needs: which words are names, which stems occur. */
export interface DayContext {
  /** Lower-cased words written like a name mid-sentence in at least one item. */
  names: Set<string>;
  /** Stems of content words seen in the day, per language, to split Dutch compounds. */
  stems: Set<string>;
  /** splitCompound's answers for this day, per word. */
  compounds: Map<string, [string, string] | null>;
}

export function dayContext(texts: RawText[]): DayContext {
  const names = new Set<string>();
  const stems = new Set<string>();
  // Indexed loops here and below: until V8 optimises a loop (and a digest is built once, in a
  // freshly woken worker), for...of allocates a result object per step.
  for (let t = 0; t < texts.length; t++) noteNamesAndStems(texts[t]!, names, stems);
  return { names, stems, compounds: new Map() };
}

// Per text rather than one loop over the day's 20,000 tokens: see the note in cluster.ts.
function noteNamesAndStems({ tokens, tokenFlags }: RawText, names: Set<string>, stems: Set<string>): void {
  for (let k = 0; k < tokens.length; k++) {
    const { lower, info } = tokens[k]!;
    if (info.stop) continue;
    if (tokenFlags[k]! & NAME_LIKE && lower.length >= 2) names.add(lower);
    if (lower.length >= 3) stems.add(info.stem);
  }
}

/** Dutch compound split: "havenstaking" → ["haven", "staking"] when both halves are known words. */
function splitCompound(lower: string, ctx: DayContext): [string, string] | null {
  if (lower.length < 9) return null;
  let parts = ctx.compounds.get(lower);
  if (parts === undefined) {
    parts = findCompoundSplit(lower, ctx);
    ctx.compounds.set(lower, parts);
  }
  return parts;
}

function findCompoundSplit(lower: string, ctx: DayContext): [string, string] | null {
  for (let i = 4; i <= lower.length - 4; i++) {
    const right = lower.slice(i);
    if (!isKnownPart(right, ctx)) continue;
    const left = lower.slice(0, i);
    // Linking sounds: "toerist-en-belasting", "stad-s-centrum". The left half as written, then
    // without a final "s", "en" or "e".
    let tried = '';
    for (let cut = 0; cut < 4; cut++) {
      const linking = cut === 0 ? '' : cut === 1 ? 's' : cut === 2 ? 'en' : 'e';
      const l = linking !== '' && left.endsWith(linking) ? left.slice(0, left.length - linking.length) : left;
      if (l.length < 3 || l === tried) continue;
      tried = l;
      if (isKnownPart(l, ctx)) return [l, right];
    }
  }
  return null;
}

/**
 * Is this piece of a Dutch word a word we know: a stem seen in the day or a Dutch lexicon stem?
 * Asked for many pieces that are no word at all, so it stems (in Dutch only) without keeping a
 * WordInfo for each. English-only lexicon forms are not tried for pieces: it would stem every
 * piece a second time, and on both evaluation sets the grouping is the same without it.
 */
function isKnownPart(part: string, ctx: DayContext): boolean {
  const stemmed = stem(part, 'nl');
  return ctx.stems.has(stemmed) || isDutchLexiconStem(stemmed);
}

/** One text's features as ids of the day's FeatureSpace, with raw (pre-IDF) weights. */
export interface FeatureBag {
  /** Distinct feature ids, in the order first added. */
  ids: number[];
  weights: number[];
}

/**
 * Weights being added up for one text, by feature id (0 where untouched: every amount added is
 * positive), and the ids touched so far. Reused from text to text.
 */
let pending = new Float64Array(4096);
let pendingIds: number[] = [];

function addPending(id: number, amount: number): void {
  if (id >= pending.length) {
    const larger = new Float64Array(Math.max(pending.length * 2, id + 1));
    larger.set(pending);
    pending = larger;
  }
  if (pending[id] === 0) pendingIds.push(id);
  pending[id] = pending[id]! + amount;
}

function takePending(): FeatureBag {
  const ids = pendingIds;
  const weights: number[] = new Array<number>(ids.length);
  for (let k = 0; k < ids.length; k++) {
    weights[k] = pending[ids[k]!]!;
    pending[ids[k]!] = 0;
  }
  pendingIds = [];
  return { ids, weights };
}

/** Id of a feature; a new one only when `grow`, else -1 for a feature the day does not have. */
function featureIdOf(space: FeatureSpace, feature: string, grow: boolean): number {
  return grow ? space.idOf(feature) : (space.find(feature) ?? -1);
}

/** Ids of a word's features in `space`, kept on its WordInfo for the rest of the day. */
function wordIdsFor(info: WordInfo, space: FeatureSpace): void {
  if (info.space !== space) {
    info.space = space;
    info.featureId = -1;
    info.nameId = -1;
    info.wordId = -1;
  }
}

/**
 * The day's id of a text word for near-duplicate Jaccard: the same id for the same lower-case
 * word in any language. `vocabulary` holds the ids given so far (looked up once per word and
 * language a day; after that the id is read off the WordInfo).
 */
export function vocabularyId(info: WordInfo, lower: string, space: FeatureSpace, vocabulary: Map<string, number>): number {
  wordIdsFor(info, space);
  if (info.wordId < 0) info.wordId = vocabularyIdOf(lower, vocabulary);
  return info.wordId;
}

export function vocabularyIdOf(lower: string, vocabulary: Map<string, number>): number {
  let id = vocabulary.get(lower);
  if (id === undefined) {
    id = vocabulary.size;
    vocabulary.set(lower, id);
  }
  return id;
}

export function wordFeatureId(info: WordInfo, space: FeatureSpace, grow: boolean): number {
  wordIdsFor(info, space);
  if (info.featureId < 0) info.featureId = featureIdOf(space, info.feature, grow);
  return info.featureId;
}

export function nameFeatureId(info: WordInfo, lower: string, space: FeatureSpace, grow: boolean): number {
  wordIdsFor(info, space);
  if (info.nameId < 0) info.nameId = featureIdOf(space, nameFeature(info, lower), grow);
  return info.nameId;
}

/**
 * Raw (pre-IDF) weighted features of one text, as ids of `space`. With `grow`, features new to
 * the space get ids (in the order they are first added, text by text); without, features the
 * space lacks are left out (key-sentence candidates, scored against the day's items).
 * Ids, not feature strings, are added up: a day has 20,000 words and a few thousand features.
 */
export function featureBag(raw: RawText, ctx: DayContext, space: FeatureSpace, grow: boolean): FeatureBag {
  raw.fixed.forEach((weight, feature) => {
    const id = featureIdOf(space, feature, grow);
    if (id >= 0) addPending(id, weight);
  });
  const { tokens, tokenFlags } = raw;
  let previousName: string | null = null;
  for (let k = 0; k < tokens.length; k++) {
    const { lower, info } = tokens[k]!;
    if (lower.length < 2 || info.stop) {
      previousName = null;
      continue;
    }
    const { concept } = info;
    const isName = ctx.names.has(lower);
    if (concept || lower.length >= 3) {
      // The concept, if any, is the word's feature.
      const id = wordFeatureId(info, space, grow);
      if (id >= 0) addPending(id, concept ? KIND_WEIGHT.c! : KIND_WEIGHT.w!);
    }
    if (isName) {
      const id = nameFeatureId(info, lower, space, grow);
      if (id >= 0) addPending(id, KIND_WEIGHT.e!);
      if (previousName && !(tokenFlags[k]! & FROM_HASHTAG)) {
        const phrase = featureIdOf(space, `p:${previousName} ${lower}`, grow);
        if (phrase >= 0) addPending(phrase, KIND_WEIGHT.p!);
      }
      previousName = lower;
    } else {
      previousName = null;
    }
    if (!concept && raw.lang !== 'en') {
      const parts = splitCompound(lower, ctx);
      if (parts) {
        for (let p = 0; p < 2; p++) {
          const id = wordFeatureId(wordInfo(parts[p]!, 'nl'), space, grow);
          if (id >= 0) addPending(id, 0.6);
        }
      }
    }
  }
  return takePending();
}

// Where a cheap cut trusts a sentence to end: ".", "!", "?" or "…" (and closing quotes) before a
// space and a capital, digit or opening quote.
const LEAD_END = /[.!?…]["'’”)\]]*(?=\s+["'‘“(]?[\p{Lu}\p{N}])/gu;

/**
 * The first sentence of a text, cut cheaply (no segmenter): the first line up to its first clear
 * sentence end. A full stop after a short or dotted word ("Dr.", "J.", "U.S.", "vs.") is taken for
 * an abbreviation, so the cut errs towards a longer lead, never a fragment.
 */
export function leadSentence(text: string): string {
  const line = text.trimStart().split('\n', 1)[0]!.trim();
  LEAD_END.lastIndex = 0;
  for (let m = LEAD_END.exec(line); m; m = LEAD_END.exec(line)) {
    if (m[0][0] === '.') {
      const lastWord = /\S*$/.exec(line.slice(0, m.index))![0];
      if (lastWord.length <= 3 || lastWord.includes('.')) continue;
    }
    return line.slice(0, m.index + m[0].length);
  }
  return line;
}

/** Sentences of a text with their language, for key-sentence choice. */
export function sentencesOf(text: string, lang: ItemLang): string[] {
  return splitSentences(text, lang === 'other' ? 'en' : lang);
}

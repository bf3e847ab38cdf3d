// Language detection for short social text: English, Dutch or other.
//
// Evidence is counted per word, so a mixed post goes to the language with most evidence:
// - a function word that only one of the two languages has ("the", "het") is strong evidence;
// - character n-grams typical of one language ("ij", "oe", "sch", "cht" vs "th", "wh", "ing")
//   are weak evidence that still works for posts with few function words;
// - function words of German, French and Spanish count towards 'other', so "die Katze ist" is
//   not taken for Dutch because of "die".
// Text with no evidence at all (only emoji, links, numbers) is 'other'.
import { STOPWORDS_EN, STOPWORDS_NL } from './stopwords';
import { tokenize } from './tokenize';
import type { Lang } from './types';

const OTHER_FUNCTION_WORDS = new Set(
  (
    'und der das ist nicht ein eine ich mit auf für sich auch wird sind nach wie oder aber ' +
    'le la les est et une des du pour pas que qui dans sur avec ce sont mais ' +
    'el los las y es por para con una del se lo como pero más'
  ).split(' '),
);

const EN_GRAMS = /th|wh|ing\b|ght|\bw|ly\b|ea|ou|tion|ck|sh/g;
const NL_GRAMS = /ij|oe|ui|aa|uu|sch|cht|\bge|heid|lijk|tje|\bz|\bv|kk|en\b/g;

const countMatches = (re: RegExp, s: string): number => {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s)) n++;
  return n;
};

/** Enough text to decide (about 120 words); long articles do not change language halfway. */
const SAMPLE_CHARS = 800;

export function detectLanguage(text: string): Lang {
  return detectLanguageOfWords(tokenize(text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text));
}

/** About as many words as SAMPLE_CHARS holds. */
export const SAMPLE_WORDS = 120;

/** What one lower-case word says about the language, computed once per spelling (terms.ts). */
export interface WordEvidence {
  en: number;
  nl: number;
  other: number;
  /** Neither list's function word: its character n-grams count when function words leave it open. */
  candidate: boolean;
  enGrams: number;
  nlGrams: number;
}

export function wordEvidence(word: string): WordEvidence {
  const e: WordEvidence = { en: 0, nl: 0, other: 0, candidate: false, enGrams: 0, nlGrams: 0 };
  if (/\p{N}/u.test(word)) return e;
  if (!/^[a-zà-ÿ']+$/.test(word)) {
    // Words in other scripts (Cyrillic, CJK, Arabic…) are evidence for neither language.
    if (!/[a-z]/.test(word)) e.other = 2;
    return e;
  }
  const inEn = STOPWORDS_EN.has(word);
  const inNl = STOPWORDS_NL.has(word);
  if (inEn && !inNl) e.en = 3;
  else if (inNl && !inEn) e.nl = 3;
  else if (!inEn && !inNl) {
    if (OTHER_FUNCTION_WORDS.has(word)) e.other = 3;
    e.candidate = true;
    const padded = ` ${word} `;
    e.enGrams = countMatches(EN_GRAMS, padded);
    e.nlGrams = countMatches(NL_GRAMS, padded);
  }
  return e;
}

/** detectLanguage for text already tokenized (lower-case words, links and handles removed). */
export function detectLanguageOfWords(words: readonly string[]): Lang {
  return detectLanguageOfEvidence((words.length > SAMPLE_WORDS ? words.slice(0, SAMPLE_WORDS) : words).map(wordEvidence));
}

/** The language the words' evidence points to (the first SAMPLE_WORDS words are enough). */
export function detectLanguageOfEvidence(words: readonly WordEvidence[]): Lang {
  let en = 0;
  let nl = 0;
  let other = 0;
  const n = Math.min(words.length, SAMPLE_WORDS);
  for (let i = 0; i < n; i++) {
    const e = words[i]!;
    en += e.en;
    nl += e.nl;
    other += e.other;
  }
  // Character n-grams only when function words leave it open (short or unusual posts): they
  // rarely overturn a clear function-word majority.
  const clear = Math.max(en, nl) >= 12 && Math.max(en, nl) >= 3 * Math.min(en, nl) && other < Math.max(en, nl);
  if (!clear) {
    for (let i = 0; i < n; i++) {
      const e = words[i]!;
      if (!e.candidate) continue;
      en += 0.5 * e.enGrams;
      nl += 0.5 * e.nlGrams;
    }
  }
  const best = Math.max(en, nl);
  if (best < 1 || other > best) return 'other';
  return en >= nl ? 'en' : 'nl';
}

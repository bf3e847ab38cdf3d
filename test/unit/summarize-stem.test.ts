// The stemmers were rewritten for speed with character tests in place of patterns and without
// per-rule destructuring (src/summarize/stem.ts). These tests hold them to the pattern-based
// versions they replaced, kept below verbatim as the reference, on every word of the evaluation
// texts and on generated words that walk the rarer branches (y/i marking, accents, "'s", doubled
// vowels and consonants).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stemDutch, stemEnglish } from '../../src/summarize/stem';

// ---- Reference: src/summarize/stem.ts before the rewrite. ----
const isConsonant = (w: string, i: number): boolean => {
  const c = w[i];
  if (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u') return false;
  if (c === 'y') return i === 0 || !isConsonant(w, i - 1);
  return true;
};

/** Porter's m: the number of vowel-consonant sequences in `w`. */
const measure = (w: string): number => {
  let m = 0;
  let prevVowel = false;
  for (let i = 0; i < w.length; i++) {
    const vowel = !isConsonant(w, i);
    if (!vowel && prevVowel) m++;
    prevVowel = vowel;
  }
  return m;
};

const hasVowel = (w: string): boolean => {
  for (let i = 0; i < w.length; i++) if (!isConsonant(w, i)) return true;
  return false;
};

const endsDoubleConsonant = (w: string): boolean =>
  w.length > 1 && w[w.length - 1] === w[w.length - 2] && isConsonant(w, w.length - 1);

/** Ends consonant-vowel-consonant, the last not w, x or y ("hop", not "snow"). */
const endsCvc = (w: string): boolean => {
  const n = w.length;
  return (
    n >= 3 && isConsonant(w, n - 1) && !isConsonant(w, n - 2) && isConsonant(w, n - 3) && !/[wxy]$/.test(w)
  );
};

const STEP2: Array<[string, string]> = [
  ['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'],
  ['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous'],
  ['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate'], ['alism', 'al'], ['iveness', 'ive'],
  ['fulness', 'ful'], ['ousness', 'ous'], ['aliti', 'al'], ['iviti', 'ive'], ['biliti', 'ble'],
  ['logi', 'log'],
];
const STEP3: Array<[string, string]> = [
  ['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', ''],
];
const STEP4 = [
  'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ion', 'ou', 'ism',
  'ate', 'iti', 'ous', 'ive', 'ize',
];

/** Replaces the first listed suffix found when the remaining stem has measure > `minM`. */
const replaceSuffix = (w: string, rules: Array<[string, string]>, minM: number): string => {
  for (const [suffix, replacement] of rules) {
    if (w.endsWith(suffix)) {
      const base = w.slice(0, -suffix.length);
      return measure(base) > minM ? base + replacement : w;
    }
  }
  return w;
};

function referenceEnglish(word: string): string {
  let w = word.replace(/'s?$/, '');
  if (w.length <= 2) return w;
  // Step 1a: plurals.
  if (w.endsWith('sses') || w.endsWith('ies')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  // Step 1b: -ed, -ing.
  if (w.endsWith('eed')) {
    if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
  } else {
    const m = /(ed|ing)$/.exec(w);
    if (m && hasVowel(w.slice(0, m.index))) {
      w = w.slice(0, m.index);
      if (/(at|bl|iz)$/.test(w)) w += 'e';
      else if (endsDoubleConsonant(w) && !/[lsz]$/.test(w)) w = w.slice(0, -1);
      else if (measure(w) === 1 && endsCvc(w)) w += 'e';
    }
  }
  // Step 1c: y -> i after a vowel-bearing stem.
  if (w.endsWith('y') && hasVowel(w.slice(0, -1))) w = w.slice(0, -1) + 'i';
  w = replaceSuffix(w, STEP2, 0);
  w = replaceSuffix(w, STEP3, 0);
  // Step 4: drop derivational suffixes from long stems.
  for (const suffix of STEP4) {
    if (w.endsWith(suffix)) {
      const base = w.slice(0, -suffix.length);
      if (measure(base) > 1 && (suffix !== 'ion' || /[st]$/.test(base))) w = base;
      break;
    }
  }
  // Step 5: final -e and -ll.
  if (w.endsWith('e')) {
    const base = w.slice(0, -1);
    const m = measure(base);
    if (m > 1 || (m === 1 && !endsCvc(base))) w = base;
  }
  if (w.endsWith('ll') && measure(w) > 1) w = w.slice(0, -1);
  return w;
}

// ---------------------------------------------------------------------------------------------
// Dutch: the Snowball algorithm (snowballstem.org/algorithms/dutch/stemmer.html).

const NL_VOWEL = /[aeiouyè]/;
const isNlVowel = (c: string | undefined): boolean => c !== undefined && NL_VOWEL.test(c);

/** Start of the region after the first non-vowel that follows a vowel, from `from`. */
const regionAfter = (w: string, from: number): number => {
  for (let i = from + 1; i < w.length; i++) if (!isNlVowel(w[i]) && isNlVowel(w[i - 1])) return i + 1;
  return w.length;
};

const undouble = (w: string): string => (/(kk|dd|tt)$/.test(w) ? w.slice(0, -1) : w);

function referenceDutch(word: string): string {
  let w = word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/'s$/, '');
  if (w.length <= 3) return w;
  // Mark consonantal y and i (between vowels) so they do not count as vowels.
  w = w.replace(/^y/, 'Y').replace(/([aeiouyè])y/g, '$1Y').replace(/([aeiouyè])i(?=[aeiouyè])/g, '$1I');
  const r1 = Math.max(3, regionAfter(w, 0));
  const r2 = regionAfter(w, r1 - 1);
  const inR1 = (suffix: string): boolean => w.length - suffix.length >= r1;
  const inR2 = (suffix: string): boolean => w.length - suffix.length >= r2;
  const validEnEnding = (base: string): boolean =>
    base.length > 0 && !isNlVowel(base[base.length - 1]) && !base.endsWith('gem');
  const dropEn = (suffix: string): boolean => {
    const base = w.slice(0, -suffix.length);
    if (!inR1(suffix) || !validEnEnding(base)) return false;
    w = undouble(base);
    return true;
  };
  // Step 1.
  if (w.endsWith('heden')) {
    if (inR1('heden')) w = w.slice(0, -5) + 'heid';
  } else if (w.endsWith('ene') || w.endsWith('en')) {
    dropEn(w.endsWith('ene') ? 'ene' : 'en');
  } else if (w.endsWith('se') || w.endsWith('s')) {
    const suffix = w.endsWith('se') ? 'se' : 's';
    const base = w.slice(0, -suffix.length);
    const last = base[base.length - 1];
    if (inR1(suffix) && last !== undefined && !isNlVowel(last) && last !== 'j') w = base;
  }
  // Step 2.
  let eFound = false;
  if (w.endsWith('e') && inR1('e') && !isNlVowel(w[w.length - 2])) {
    w = undouble(w.slice(0, -1));
    eFound = true;
  }
  // Step 3a.
  if (w.endsWith('heid') && inR2('heid') && w[w.length - 5] !== 'c') {
    w = w.slice(0, -4);
    if (w.endsWith('en')) dropEn('en');
  }
  // Step 3b.
  if (/(end|ing)$/.test(w) && inR2('end')) {
    w = w.slice(0, -3);
    if (w.endsWith('ig') && inR2('ig') && w[w.length - 3] !== 'e') w = w.slice(0, -2);
    else w = undouble(w);
  } else if (w.endsWith('ig') && inR2('ig') && w[w.length - 3] !== 'e') {
    w = w.slice(0, -2);
  } else if (w.endsWith('lijk') && inR2('lijk')) {
    w = w.slice(0, -4);
    if (w.endsWith('e') && inR1('e') && !isNlVowel(w[w.length - 2])) w = undouble(w.slice(0, -1));
  } else if (w.endsWith('baar') && inR2('baar')) {
    w = w.slice(0, -4);
  } else if (w.endsWith('bar') && inR2('bar') && eFound) {
    w = w.slice(0, -3);
  }
  // Step 4: undouble a vowel in a closing consonant-vowel-vowel-consonant ("maan" -> "man").
  w = w.replace(/([^aeiouyè])(aa|ee|oo|uu)([^aeiouyèI])$/, (_, c: string, v: string, d: string) => c + v[0] + d);
  return w.toLowerCase();
}

// ---- End of reference. ----

const evalWords = (): string[] => {
  const words = new Set<string>();
  for (const file of ['items.jsonl', 'days.jsonl', 'heldout-days.jsonl']) {
    const text = readFileSync(join(__dirname, '../eval', file), 'utf8');
    for (const match of text.toLowerCase().matchAll(/[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)?/gu)) words.add(match[0].replace(/’/g, "'"));
  }
  return [...words].sort();
};

/** Words from letters the stemmers branch on, by a fixed linear congruential sequence. */
const generatedWords = (count: number): string[] => {
  const letters = ['a', 'e', 'i', 'o', 'u', 'y', 'è', 'é', 'ë', 'n', 's', 'd', 't', 'k', 'l', 'g', 'h', 'b', 'r', 'j', 'c', 'z', "'", 'I'];
  const endings = ['', 'en', 'ene', 'heden', 'heid', 'ing', 'end', 'ig', 'lijk', 'baar', 'bar', 'se', 's', "'s", 'ed', 'eed', 'ies', 'sses', 'ational', 'ization', 'iveness', 'ical', 'ement', 'ion', 'll', 'aan', 'eet', 'oop', 'uuk', 'y', 'ly', 'bli', 'logi'];
  let seed = 12345;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let word = '';
    const length = 1 + next(9);
    for (let i = 0; i < length; i++) word += letters[next(letters.length)];
    out.push(word + endings[next(endings.length)]);
  }
  return out;
};

/** Every word of up to four letters from a small alphabet heavy in vowels, y and i, with endings. */
const exhaustiveWords = (): string[] => {
  const letters = ['a', 'e', 'i', 'o', 'y', 'n', 'd', 's'];
  const out: string[] = [];
  const grow = (prefix: string, depth: number): void => {
    for (const ending of ['', 'en', 'e', 'ing', 'heid']) out.push(prefix + ending);
    if (depth > 0) for (const letter of letters) grow(prefix + letter, depth - 1);
  };
  grow('', 4);
  return out;
};

describe('stemmers match the pattern-based versions they replaced', () => {
  const words = [...evalWords(), ...generatedWords(20000), ...exhaustiveWords(), '', 'y', 'yy', 'ayyy', 'ayia', 'koeien', 'café', "it's", "a's'", "'", "'s"];

  test('English', () => {
    const differ = words.filter((w) => stemEnglish(w) !== referenceEnglish(w));
    expect(differ).toEqual([]);
  });

  test('Dutch', () => {
    const differ = words.filter((w) => stemDutch(w) !== referenceDutch(w));
    expect(differ).toEqual([]);
  });

  test('the word lists are large enough to mean something', () => {
    expect(evalWords().length).toBeGreaterThan(2000);
  });
});

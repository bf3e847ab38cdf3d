// Patterns for the pieces of social text that are not words. They are pulled out with our own
// regular expressions *before* any word segmentation, because Node's and Chromium's
// Intl.Segmenter disagree on them in word mode (Node keeps "nos.nl" and "o.a" whole, Chromium
// splits at the dot; see /work/shared/BROWSER-TESTING.md, "Text segmentation").

/** Top-level domains common in English and Dutch feeds; a bare "name.tld" with one of these is a link. */
const TLDS = 'com|org|net|nl|be|eu|io|dev|app|ai|co|uk|de|fr|gov|edu|info|me|tv|ly|gl|social|xyz|news';

/** http(s) links, www. links and bare domains such as "nos.nl/artikel/123". */
export const URL_SOURCE =
  String.raw`\bhttps?:\/\/[^\s<>"']+|\bwww\.[^\s<>"']+|\b(?:[a-z0-9][a-z0-9-]*\.)+(?:${TLDS})\b(?:\/[^\s<>"']*)?`;

/** E-mail addresses and Mastodon-style handles (@user@server.social) or plain @handles. */
export const HANDLE_SOURCE = String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@[\w]+(?:@[\w-]+(?:\.[\w-]+)+)?`;

export const URL_OR_HANDLE = new RegExp(`${URL_SOURCE}|${HANDLE_SOURCE}`, 'giu');

/**
 * Cheap pre-test: most sentences hold no link or handle, and the full pattern above is the
 * costliest step of the summariser when run on every position of every text.
 */
export const MAYBE_URL_OR_HANDLE = new RegExp(`@|:\\/\\/|www\\.|\\.(?:${TLDS})\\b`, 'iu');

/** Trailing punctuation that closes a sentence rather than belonging to the link. */
export const LINK_TRAILER = /[.,;:!?)\]"'’”]+$/u;

/**
 * A word: letters, marks and digits, with an inner apostrophe ("don't", "zo'n", "auto's") or
 * inner digit groups ("100.000", "3,5", "41,200") so a figure stays one token.
 */
export const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+|[.,]\p{N}+)*/gu;

export const EMOJI = /\p{Extended_Pictographic}/u;

/** Thread counters as posted: "1/7", "(2/7)", "3/7 🧵". */
export const COUNTER = /^\(?\d{1,2}\s?\/\s?\d{1,2}\)?$/u;

// End-of-text checks written as backward scans: a $-anchored pattern such as
// /[.!?…:;]["'’”)\]]*$/u is tried at every position of the text, and these run on every sentence.

/** Index of the last character of `text` that is not one of `closers` (-1 if none). */
const beforeClosers = (text: string, closers: string): number => {
  let i = text.length - 1;
  while (i >= 0 && closers.includes(text[i]!)) i--;
  return i;
};

/** Ends like a sentence: /[.!?…:;]["'’”)\]]*$/u. */
export const endsLikeSentence = (text: string): boolean => {
  const i = beforeClosers(text, '"\'’”)]');
  return i >= 0 && '.!?…:;'.includes(text[i]!);
};

/** Ends with a question mark: /\?["'’”)]*$/u. */
export const endsWithQuestion = (text: string): boolean => {
  const i = beforeClosers(text, '"\'’”)');
  return i >= 0 && text[i] === '?';
};

/** The last code point of `text` as a string ('' for empty text). */
export const lastCharacter = (text: string): string => {
  const n = text.length;
  if (n >= 2 && (text.charCodeAt(n - 1) & 0xfc00) === 0xdc00 && (text.charCodeAt(n - 2) & 0xfc00) === 0xd800) {
    return text.slice(n - 2);
  }
  return text.slice(n - 1);
};

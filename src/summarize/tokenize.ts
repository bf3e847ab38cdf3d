import { LINK_TRAILER, MAYBE_URL_OR_HANDLE, URL_OR_HANDLE, WORD } from './patterns';

/**
 * Spans [start, end) of links, e-mail addresses and @handles in `text`. Used by the tokenizer to
 * drop them and by the sentence splitter to never cut inside them (a "?" in a URL is not a question).
 */
export function protectedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (!MAYBE_URL_OR_HANDLE.test(text)) return spans;
  URL_OR_HANDLE.lastIndex = 0;
  for (let m = URL_OR_HANDLE.exec(text); m; m = URL_OR_HANDLE.exec(text)) {
    const trailer = LINK_TRAILER.exec(m[0]);
    const end = m.index + m[0].length - (trailer ? trailer[0].length : 0);
    if (end > m.index) spans.push([m.index, end]);
  }
  return spans;
}

/** `text` with links, e-mail addresses and @handles blanked out (same length, so offsets hold). */
export function withoutLinksAndHandles(text: string): string {
  if (!MAYBE_URL_OR_HANDLE.test(text)) return text;
  return text.replace(URL_OR_HANDLE, (piece) => {
    const trailer = LINK_TRAILER.exec(piece);
    const keep = trailer ? trailer[0] : '';
    return ' '.repeat(piece.length - keep.length) + keep;
  });
}

/**
 * Lower-cased word tokens. Links, e-mail addresses and @handles are removed; "#Hashtag" becomes the
 * word "hashtag"; numbers stay ("41", "200") because figures matter in summaries, callers that want
 * words only filter them. Curly apostrophes are straightened so "don’t" and "don't" match.
 */
export function tokenize(text: string): string[] {
  const clean = withoutLinksAndHandles(text);
  const out: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(clean); m; m = WORD.exec(clean)) out.push(m[0].toLowerCase().replace(/’/g, "'"));
  return out;
}

/** Like tokenize, keeping the original spelling and marking hashtags (for keyword surfaces). */
export function wordsWithCase(
  text: string,
  /** False when the caller knows the text has no link or handle (skips the pre-test). */
  mayHaveLinks = true,
): Array<{ word: string; hashtag: boolean; index: number }> {
  const clean = mayHaveLinks ? withoutLinksAndHandles(text) : text;
  const out: Array<{ word: string; hashtag: boolean; index: number }> = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(clean); m; m = WORD.exec(clean)) {
    const word = m[0].includes('’') ? m[0].replace(/’/g, "'") : m[0];
    out.push({ word, hashtag: clean[m.index - 1] === '#', index: m.index });
  }
  return out;
}

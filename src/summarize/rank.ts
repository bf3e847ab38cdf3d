// Sentence ranking for one item. See index.ts for why this method was chosen.
import { isCapitalisedInside, isContentWord, termKey, type KeywordCandidate } from './keywords';
import { wordsWithCase } from './tokenize';
import type { SentenceInfo } from './segment';
import type { Lang } from './types';

export interface SentenceFeatures {
  text: string;
  index: number;
  words: number;
  stems: Map<string, number>;
  /** Stems of trailing hashtags. */
  tags: Map<string, number>;
  /** Stems written capitalised mid-sentence or as a hashtag. */
  names: Set<string>;
  prior: number;
}

export interface RankParams {
  /** Exponent of the content-word count that divides the summed term weights (0 = plain sum). */
  lengthExponent: number;
  /** MMR trade-off between relevance and novelty. */
  lambda: number;
  /** Multiplier for the first sentences of the body (after any heading or hook). */
  leadBoost: number;
  /** Multipliers for sentence shapes. */
  heading: number;
  question: number;
  hook: number;
  callToAction: number;
  summaryCue: number;
  short: number;
  /**
   * Small credit for content words (up to 12), so that in a short post where no word repeats,
   * the informative sentence still beats "Wow." (too small to reorder sentences with a topic).
   */
  contentCredit: number;
  /** Sentences with fewer content words are scored as if they had this many (no fragments). */
  minLength: number;
  /** Extra weight for words seen capitalised inside a sentence or as a hashtag (names, products). */
  nameWeight: number;
}

export const DEFAULT_PARAMS: RankParams = {
  lengthExponent: 0.5,
  lambda: 0.7,
  leadBoost: 1.2,
  heading: 0.8,
  question: 0.6,
  hook: 0.6,
  callToAction: 0.5,
  summaryCue: 1.6,
  short: 0.6,
  minLength: 4,
  contentCredit: 0.02,
  nameWeight: 0.3,
};

const TRAILING_TAGS = /(?:\s*[#@][\p{L}\p{N}_]+)+\s*$/u;

/** Whitespace-separated words, as the budget counts them. */
const wordCount = (s: string): number => {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = s.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
};

// Cue patterns run on the lower-cased sentence without the u and i flags: the sentence is
// lower-cased once, and ASCII-only patterns are several times cheaper per call.
const HOOK = /🧵|👇|\b(?:a thread|thread|draadje|here'?s (?:what|how|why)|hieronder)\b/;
const CALL_TO_ACTION =
  /\bthoughts\?|\b(?:what do you think|curious (?:what|how)|follow (?:me|for)|like and share|link in (?:bio|comments)|happy to answer|ask me anything|wat vinden jullie|wat denken jullie|ben benieuwd|volg (?:me|voor)|reacties welkom)\b/;
/** Phrases with which authors announce their own summary, in both languages. */
const SUMMARY_CUE =
  /^(?:\S+\s+){0,3}?(?:tl;?dr|in short|in summary|to sum up|summary|bottom line|the lesson|lessons?|learned|takeaways?|conclusion|kortom|samengevat|samenvatting|conclusie|de les|al met al|geleerd)\b/;
/** A pointer to elsewhere ("More info: https://…", "Lees meer op …") rather than content. */
const LINK_TEASER = /https?:\/\/|www\.|\b(?:more info|read more|full story|meer info|lees (?:meer|verder)|link in)\b/;

export const endsLikeSentence = (text: string): boolean => /[.!?…:;]["'’”)\]]*$/u.test(text);

/** Features and shape prior of each sentence. */
export function sentenceFeatures(
  sentences: SentenceInfo[],
  lang: Lang,
  p: RankParams = DEFAULT_PARAMS,
  /** Receives every content word in text order, for keywords, so the text is tokenized once. */
  words: KeywordCandidate[] = [],
  /** The words of each sentence when the caller has them already. */
  tokens: ReadonlyArray<ReturnType<typeof wordsWithCase>> = [],
): SentenceFeatures[] {
  let bodyStart = -1;
  return sentences.map(({ text, hadMarker }, index) => {
    const stems = new Map<string, number>();
    const tags = new Map<string, number>();
    const names = new Set<string>();
    // Hashtags after the last word ("… naam. #schaatsen #Thialf") label the post; they count
    // towards the item's topic but do not make their sentence more relevant.
    const body = text.includes('#') || text.includes('@') ? text.replace(TRAILING_TAGS, '').length : text.length;
    for (const { word, hashtag, index: at } of tokens[index] ?? wordsWithCase(text)) {
      const lower = word.toLowerCase();
      if (!isContentWord(lower, lang)) continue;
      const s = termKey(word, lower, lang);
      const capitalised = isCapitalisedInside(text, word, at, lower);
      words.push({ word, key: s, hashtag, capitalised });
      const into = at >= body ? tags : stems;
      into.set(s, (into.get(s) ?? 0) + 1);
      if (hashtag || capitalised) names.add(s);
    }
    const wordTotal = wordCount(text);
    let prior = 1;
    const heading = (!endsLikeSentence(text) && wordTotal <= 12) || (/:$/u.test(text) && wordTotal <= 5);
    const lowerText = text.toLowerCase();
    const hook = (index <= 1 && HOOK.test(lowerText)) || (index === 0 && hadMarker);
    if (heading) prior *= p.heading;
    if (/\?["'’”)]*$/u.test(text)) prior *= p.question;
    if (hook) prior *= p.hook;
    if (CALL_TO_ACTION.test(lowerText)) prior *= p.callToAction;
    if (SUMMARY_CUE.test(lowerText)) prior *= p.summaryCue;
    if (wordTotal < 6) prior *= p.short;
    if (LINK_TEASER.test(lowerText) && stems.size < 8) prior *= p.callToAction;
    // The body's first two sentences carry the point in news-style text; hooks and headings do
    // not get this lift.
    if (!heading && !hook && bodyStart < 0 && wordTotal >= 6) bodyStart = index;
    if (bodyStart >= 0 && index - bodyStart < 2 && !heading && !hook) prior *= p.leadBoost;
    return { text, index, words: wordTotal, stems, tags, names, prior };
  });
}

const cosine = (a: Map<string, number>, b: Map<string, number>): number => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [s, x] of a) {
    na += x * x;
    const y = b.get(s);
    if (y !== undefined) dot += x * y;
  }
  for (const [, y] of b) nb += y * y;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
};

/**
 * Relevance: the item's own term frequencies form its topic centroid (words the author repeats);
 * a sentence scores the summed centroid weight of its distinct stems, divided by a power of its
 * length so long sentences do not win by size alone. Words used once add nothing.
 */
export function scoreSentences(features: SentenceFeatures[], p: RankParams = DEFAULT_PARAMS): number[] {
  const tf = new Map<string, number>();
  for (const f of features) {
    for (const [s, c] of f.stems) tf.set(s, (tf.get(s) ?? 0) + c);
    for (const [s, c] of f.tags) tf.set(s, (tf.get(s) ?? 0) + c);
  }
  const weight = new Map<string, number>();
  // log(tf) makes words said once worth nothing, which sharpens long items on their repeated topic.
  for (const [s, c] of tf) weight.set(s, Math.log(c));
  for (const f of features) for (const s of f.names) weight.set(s, (weight.get(s) ?? 0) + p.nameWeight);
  return features.map((f) => {
    let sum = 0;
    for (const s of f.stems.keys()) sum += weight.get(s) ?? 0;
    const size = Math.max(p.minLength, f.stems.size);
    return (sum / size ** p.lengthExponent + (p.contentCredit * Math.min(f.stems.size, 12)) / 12) * f.prior;
  });
}

/** Picks sentences by maximal marginal relevance within the budget, then restores text order. */
export function selectSentences(
  features: SentenceFeatures[],
  scores: number[],
  maxSentences: number,
  maxWords: number,
  p: RankParams = DEFAULT_PARAMS,
): number[] {
  const top = Math.max(...scores, 1e-9);
  const chosen: number[] = [];
  let used = 0;
  const candidates = new Set(features.map((_, i) => i));
  while (chosen.length < maxSentences && candidates.size > 0) {
    let best = -1;
    let bestValue = -Infinity;
    for (const i of candidates) {
      const f = features[i]!;
      if (used + f.words > maxWords) continue;
      let redundancy = 0;
      for (const j of chosen) redundancy = Math.max(redundancy, cosine(f.stems, features[j]!.stems));
      const value = p.lambda * (scores[i]! / top) - (1 - p.lambda) * redundancy;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0) break;
    candidates.delete(best);
    chosen.push(best);
    used += features[best]!.words;
  }
  // Every sentence is longer than the budget: one over-long sentence beats an empty summary.
  if (chosen.length === 0 && features.length > 0 && maxSentences > 0) {
    chosen.push(scores.indexOf(Math.max(...scores)));
  }
  return chosen.sort((a, b) => a - b);
}

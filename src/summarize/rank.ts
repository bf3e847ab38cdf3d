// Sentence ranking for one item. See index.ts for why this method was chosen.
import { stem } from './stem';
import { isContentWord } from './keywords';
import { tokenize } from './tokenize';
import type { Lang } from './types';

export interface RankedSentence {
  index: number;
  text: string;
  words: number;
  score: number;
}

export interface SentenceFeatures {
  text: string;
  words: number;
  stems: Map<string, number>;
  prior: number;
}

const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length;

const HOOK = /🧵|👇|\b(thread|draadje|a thread|here'?s (what|how|why)|hier(onder)? (wat|hoe))\b/iu;
const CALL_TO_ACTION =
  /\b(thoughts|what do you think|agree|follow (me|for)|like and share|link in bio|wat vinden jullie|wat denken jullie|volg (me|voor))\b/iu;
const SUMMARY_CUE = /^(tl;?dr|tldr|in short|bottom line|the lesson|lesson|kortom|samengevat|conclusie|the takeaway|takeaway)\b/iu;

/** Features and position/shape prior of each sentence. */
export function sentenceFeatures(sentences: string[], lang: Lang): SentenceFeatures[] {
  return sentences.map((text, index) => {
    const stems = new Map<string, number>();
    for (const token of tokenize(text)) {
      if (!isContentWord(token, lang)) continue;
      const s = stem(token, lang);
      stems.set(s, (stems.get(s) ?? 0) + 1);
    }
    const words = wordCount(text);
    let prior = 1;
    const endsLikeSentence = /[.!?…:;]["'’”)\]]*$/u.test(text);
    if (!endsLikeSentence && words <= 12) prior *= 0.5; // heading or title line
    if (/\?["'’”)]*$/u.test(text)) prior *= 0.6; // questions rarely summarise
    if (index === 0 && HOOK.test(text)) prior *= 0.6;
    if (CALL_TO_ACTION.test(text)) prior *= 0.6;
    if (SUMMARY_CUE.test(text)) prior *= 1.3;
    if (stems.size < 3) prior *= 0.5;
    return { text, words, stems, prior };
  });
}

const cosine = (a: Map<string, number>, b: Map<string, number>, weight: (s: string) => number): number => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [s, x] of a) {
    const w = weight(s);
    na += (x * w) ** 2;
    const y = b.get(s);
    if (y !== undefined) dot += x * y * w * w;
  }
  for (const [s, y] of b) nb += (y * weight(s)) ** 2;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
};

/** Scores sentences by similarity to the item's centroid, times their prior. */
export function scoreSentences(features: SentenceFeatures[]): number[] {
  const n = features.length;
  const df = new Map<string, number>();
  const centroid = new Map<string, number>();
  for (const f of features) {
    for (const [s, c] of f.stems) {
      df.set(s, (df.get(s) ?? 0) + 1);
      centroid.set(s, (centroid.get(s) ?? 0) + c);
    }
  }
  const isf = (s: string): number => Math.log(1 + n / (df.get(s) ?? 1));
  return features.map((f) => cosine(f.stems, centroid, isf) * f.prior);
}

/**
 * Picks sentences by maximal marginal relevance within the budget, then restores text order.
 */
export function selectSentences(
  features: SentenceFeatures[],
  scores: number[],
  maxSentences: number,
  maxWords: number,
  lambda = 0.7,
): number[] {
  const chosen: number[] = [];
  let used = 0;
  const candidates = new Set(features.map((_, i) => i));
  const flat = (): number => 1;
  while (chosen.length < maxSentences && candidates.size > 0) {
    let best = -1;
    let bestValue = -Infinity;
    for (const i of candidates) {
      const f = features[i]!;
      if (used + f.words > maxWords && chosen.length > 0) continue;
      let redundancy = 0;
      for (const j of chosen) redundancy = Math.max(redundancy, cosine(f.stems, features[j]!.stems, flat));
      const value = lambda * scores[i]! - (1 - lambda) * redundancy;
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
  return chosen.sort((a, b) => a - b);
}

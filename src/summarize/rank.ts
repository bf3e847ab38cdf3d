// Sentence ranking for one item. See index.ts for why this method was chosen.
import { followsWithinSentence, type ContentWords } from './keywords';
import { endsLikeSentence, endsWithQuestion } from './patterns';
import { termOf, termText, type ItemTokens } from './terms';
import type { SentenceInfo } from './segment';
import type { Lang } from './types';

export interface SentenceFeatures {
  text: string;
  index: number;
  /** Whitespace-separated words, as the budget counts them. */
  words: number;
  prior: number;
  /** Its distinct body terms (not trailing hashtags) are ItemFeatures.terms[termStart, termEnd). */
  termStart: number;
  termEnd: number;
  /**
   * Whether the call-to-action and link-teaser patterns can match: a word holds the first word of
   * one of their phrases, or a link or handle was blanked out of the words. Most sentences have
   * neither, and those two patterns were the costliest part of the priors.
   */
  mayHaveCue: boolean;
}

/**
 * One item's sentences as term vectors. Terms are numbered 0, 1, 2… by first use in the item, so
 * per-term data are plain arrays and the sentences' sparse vectors share two flat arrays.
 */
export interface ItemFeatures {
  sentences: SentenceFeatures[];
  /** Distinct body terms of each sentence in order of first use, and how often the sentence has each. */
  terms: number[];
  counts: number[];
  /** Per term: occurrences in the item (body and trailing hashtags). */
  tf: number[];
  /** Per term: in how many sentences it is written as a name (capitalised inside, or a hashtag). */
  nameIn: number[];
  /** Every content word in text order, for keywords, so the text is tokenized once. */
  content: ContentWords;
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
/**
 * The first words of CALL_TO_ACTION's and LINK_TEASER's phrases, as a word part: either pattern can
 * only match where a word contains one of these (its letters are in some token), or where a link
 * was removed from the words ("https://", "www." and "thoughts?" inside a URL or handle).
 */
const CUE_FIRST_WORD = /thoughts|what|curious|follow|like|link|happy|ask|wat|ben|volg|reacties|more|read|full|meer|lees/;
/** A pointer to elsewhere ("More info: https://…", "Lees meer op …") rather than content. */
const LINK_TEASER = /https?:\/\/|www\.|\b(?:more info|read more|full story|meer info|lees (?:meer|verder)|link in)\b/;


// Per call, global term ids (terms.ts) are renumbered 0, 1, 2… in order of first use; these arrays,
// indexed by global id, hold the new number and the call it belongs to.
let numberOf: Int32Array = new Int32Array(1024);
let numberedIn: Int32Array = new Int32Array(1024);
let call = 0;
// Scratch per term number, reused by every call (set when a term is first met in the call): the
// last sentence that had the term in its body / as a name, and its slot in `terms` there.
let lastInBody: Int32Array = new Int32Array(1024);
let lastAsName: Int32Array = new Int32Array(1024);
let slot: Int32Array = new Int32Array(1024);

const grow = (a: Int32Array, size: number): Int32Array => {
  const grown = new Int32Array(Math.max(2 * a.length, size));
  grown.set(a);
  return grown;
};

/** Term vectors and budget lengths of each sentence (priors come from applyPriors). */
export function sentenceFeatures(sentences: readonly SentenceInfo[], tokens: ItemTokens, lang: Lang): ItemFeatures {
  if (++call > 1e9) {
    call = 1;
    numberedIn.fill(0);
  }
  const terms: number[] = [];
  const counts: number[] = [];
  const tf: number[] = [];
  const nameIn: number[] = [];
  const content: ContentWords = { term: [], token: [], weight: [], first: [], key: [] };
  let k = 0;
  const features = sentences.map(({ text }, index): SentenceFeatures => {
    const termStart = terms.length;
    let mayHaveCue = tokens.hadLinks[index]!;
    // Hashtags after the last word ("… naam. #schaatsen #Thialf") label the post; they count
    // towards the item's topic but do not make their sentence more relevant.
    const body = text.includes('#') || text.includes('@') ? text.replace(TRAILING_TAGS, '').length : text.length;
    for (const end = tokens.end[index]!; k < end; k++) {
      const spelling = tokens.spelling[k]!;
      if (spelling.cue ?? (spelling.cue = CUE_FIRST_WORD.test(spelling.lower))) mayHaveCue = true;
      const id = termOf(spelling, lang);
      if (id < 0) continue;
      if (id >= numberOf.length) {
        numberOf = grow(numberOf, id + 1);
        numberedIn = grow(numberedIn, id + 1);
      }
      let t: number;
      if (numberedIn[id] === call) t = numberOf[id]!;
      else {
        t = tf.length;
        numberOf[id] = t;
        numberedIn[id] = call;
        tf.push(0);
        nameIn.push(0);
        if (t >= slot.length) {
          lastInBody = grow(lastInBody, t + 1);
          lastAsName = grow(lastAsName, t + 1);
          slot = grow(slot, t + 1);
        }
        lastInBody[t] = -1;
        lastAsName[t] = -1;
        content.key.push(termText[id]!);
        content.weight.push(0);
        content.first.push(content.term.length);
      }
      const at = tokens.at[k]!;
      const hashtag = tokens.hashtag[k]!;
      const capitalised = at > 0 && spelling.upperStart && followsWithinSentence(text, at);
      content.term.push(t);
      content.token.push(k);
      content.weight[t] = content.weight[t]! + (hashtag ? 1.5 : capitalised ? 1.3 : 1);
      tf[t]!++;
      if (at < body) {
        if (lastInBody[t] === index) counts[slot[t]!]!++;
        else {
          lastInBody[t] = index;
          slot[t] = terms.length;
          terms.push(t);
          counts.push(1);
        }
      }
      if ((hashtag || capitalised) && lastAsName[t] !== index) {
        lastAsName[t] = index;
        nameIn[t]!++;
      }
    }
    return { text, index, words: wordCount(text), prior: 1, termStart, termEnd: terms.length, mayHaveCue };
  });
  return { sentences: features, terms, counts, tf, nameIn, content };
}

/** Sets each sentence's shape prior: hooks, headings, questions, calls to action, summary cues, lead. */
export function applyPriors(item: ItemFeatures, sentences: readonly SentenceInfo[], p: RankParams = DEFAULT_PARAMS): void {
  let bodyStart = -1;
  item.sentences.forEach((f, index) => {
    const { text, words: wordTotal } = f;
    let prior = 1;
    const heading = (!endsLikeSentence(text) && wordTotal <= 12) || (text.endsWith(':') && wordTotal <= 5);
    const lowerText = text.toLowerCase();
    const hook = (index <= 1 && HOOK.test(lowerText)) || (index === 0 && sentences[0]!.hadMarker);
    if (heading) prior *= p.heading;
    if (endsWithQuestion(text)) prior *= p.question;
    if (hook) prior *= p.hook;
    if (f.mayHaveCue && CALL_TO_ACTION.test(lowerText)) prior *= p.callToAction;
    if (SUMMARY_CUE.test(lowerText)) prior *= p.summaryCue;
    if (wordTotal < 6) prior *= p.short;
    if (f.mayHaveCue && LINK_TEASER.test(lowerText) && f.termEnd - f.termStart < 8) prior *= p.callToAction;
    // The body's first two sentences carry the point in news-style text; hooks and headings do
    // not get this lift.
    if (!heading && !hook && bodyStart < 0 && wordTotal >= 6) bodyStart = index;
    if (bodyStart >= 0 && index - bodyStart < 2 && !heading && !hook) prior *= p.leadBoost;
    f.prior = prior;
  });
}

/**
 * Relevance: the item's own term frequencies form its topic centroid (words the author repeats);
 * a sentence scores the summed centroid weight of its distinct stems, divided by a power of its
 * length so long sentences do not win by size alone. Words used once add nothing.
 */
export function scoreSentences(item: ItemFeatures, p: RankParams = DEFAULT_PARAMS): number[] {
  const { terms, tf, nameIn } = item;
  const weight = new Float64Array(tf.length);
  for (let t = 0; t < tf.length; t++) {
    // log(tf) makes words said once worth nothing, which sharpens long items on their repeated topic.
    let w = Math.log(tf[t]!);
    for (let n = nameIn[t]!; n > 0; n--) w += p.nameWeight;
    weight[t] = w;
  }
  return item.sentences.map((f) => {
    let sum = 0;
    for (let k = f.termStart; k < f.termEnd; k++) sum += weight[terms[k]!]!;
    const distinct = f.termEnd - f.termStart;
    const size = Math.max(p.minLength, distinct);
    return (sum / size ** p.lengthExponent + (p.contentCredit * Math.min(distinct, 12)) / 12) * f.prior;
  });
}

/** Picks sentences by maximal marginal relevance within the budget, then restores text order. */
export function selectSentences(
  item: ItemFeatures,
  scores: readonly number[],
  maxSentences: number,
  maxWords: number,
  p: RankParams = DEFAULT_PARAMS,
): number[] {
  const { sentences, terms, counts } = item;
  let top = 1e-9;
  for (const s of scores) if (s > top) top = s;
  const chosen: number[] = [];
  let used = 0;
  // Sentences that may still fit, in text order (ties go to the earlier one). A sentence that does
  // not fit now never will: the budget only shrinks.
  let candidates = sentences.map((_, i) => i);
  // Each candidate's largest cosine similarity to a chosen sentence, updated once per pick.
  const redundancy = new Float64Array(sentences.length);
  const norm = sentences.map((f) => {
    let sq = 0;
    for (let k = f.termStart; k < f.termEnd; k++) sq += counts[k]! * counts[k]!;
    return sq;
  });
  const picked = new Float64Array(item.tf.length);
  while (chosen.length < maxSentences) {
    candidates = candidates.filter((i) => used + sentences[i]!.words <= maxWords);
    if (candidates.length === 0) break;
    let best = -1;
    let bestValue = -Infinity;
    for (const i of candidates) {
      const value = p.lambda * (scores[i]! / top) - (1 - p.lambda) * redundancy[i]!;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    chosen.push(best);
    used += sentences[best]!.words;
    candidates = candidates.filter((i) => i !== best);
    if (chosen.length === maxSentences) break;
    // Similarity of every remaining candidate to the new pick, on its term counts spread out.
    const b = sentences[best]!;
    for (let k = b.termStart; k < b.termEnd; k++) picked[terms[k]!] = counts[k]!;
    for (const i of candidates) {
      const f = sentences[i]!;
      if (!norm[i] || !norm[best]) continue;
      let dot = 0;
      for (let k = f.termStart; k < f.termEnd; k++) dot += counts[k]! * picked[terms[k]!]!;
      const cosine = dot / Math.sqrt(norm[i]! * norm[best]!);
      if (cosine > redundancy[i]!) redundancy[i] = cosine;
    }
    for (let k = b.termStart; k < b.termEnd; k++) picked[terms[k]!] = 0;
  }
  // Every sentence is longer than the budget: one over-long sentence beats an empty summary.
  if (chosen.length === 0 && sentences.length > 0 && maxSentences > 0) {
    chosen.push(scores.indexOf(Math.max(...scores)));
  }
  return chosen.sort((a, b) => a - b);
}

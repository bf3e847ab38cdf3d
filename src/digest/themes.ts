// From a day's items to groups of item indices: features → TF-IDF → average-link clusters →
// one-offs attached or set aside. Kept apart from buildDigest so the evaluation can score the
// grouping alone and the benchmark can time it.
import {
  FeatureSpace,
  averageLinkClusters,
  meanSimilarity,
  similarityMatrix,
  vectorOfWeights,
  type SparseVector,
} from './cluster';
import {
  dayContext,
  featureBag,
  itemText,
  languageOf,
  readText,
  vocabularyId,
  vocabularyIdOf,
  type DayContext,
  type ItemLang,
  type RawText,
} from './features';
import type { DigestInput } from './types';

/**
 * Similarity cut for average-link merges. Chosen on the shared development days and then checked,
 * unchanged, on our held-out days (test/eval/results/digest.md has both).
 */
export const MERGE_THRESHOLD = 0.04;
/** A one-off joins a theme when its mean similarity to the theme's items reaches this. */
export const ATTACH_THRESHOLD = 0.03;
/** Word-set Jaccard from which two items count as the same news shared twice. */
export const NEAR_DUPLICATE_JACCARD = 0.4;

const STRONG_KINDS = new Set(['e', 'x', 'h', 'd', 'p']);
export const MIN_SHARED_EVIDENCE = 2;

export interface AnalysedDay {
  items: DigestInput[];
  texts: string[];
  langs: ItemLang[];
  raw: RawText[];
  ctx: DayContext;
  space: FeatureSpace;
  df: Int32Array;
  vectors: SparseVector[];
  sim: Float64Array;
  /** Each item's distinct words as ids (sorted), for near-duplicate Jaccard. */
  wordIds: Int32Array[];
  /** How many distinct words the day has (ids run from 0 to this). */
  vocabularySize: number;
}

/** Features, vectors and similarities of a day's items (in the given order). */
export function analyseDay(items: DigestInput[]): AnalysedDay {
  const texts = items.map(itemText);
  const langs = items.map((item, i) => languageOf(item, texts[i]!));
  const raw = texts.map((text, i) => readText(text, langs[i]!));
  const ctx = dayContext(raw);
  const space = new FeatureSpace();
  const bags = raw.map((r) => featureBag(r, ctx, space, true));
  const df = new Int32Array(space.names.length);
  for (let b = 0; b < bags.length; b++) countFeatures(bags[b]!.ids, df);
  const vectors = bags.map((bag) => vectorOfWeights(bag.ids, bag.weights, df, items.length));
  // Names, codes, hashtags, domains and name phrases are 2 points, other features 1; a pair needs
  // 2 points, so one shared everyday word ("first" / "eerste") does not make two posts a theme.
  const evidence = new Uint8Array(space.names.length);
  space.names.forEach((name, id) => (evidence[id] = STRONG_KINDS.has(name[0]!) ? 2 : 1));
  const sim = similarityMatrix(vectors, space.names.length, evidence, MIN_SHARED_EVIDENCE);
  const vocabulary = new Map<string, number>();
  const wordIds = raw.map((r) => {
    const ids = new Int32Array(r.textWords + r.numbers.length);
    for (let k = 0; k < r.textWords; k++) {
      const { info, lower } = r.tokens[k]!;
      ids[k] = vocabularyId(info, lower, space, vocabulary);
    }
    for (let k = 0; k < r.numbers.length; k++) ids[r.textWords + k] = vocabularyIdOf(r.numbers[k]!, vocabulary);
    return distinctSorted(ids);
  });
  return { items, texts, langs, raw, ctx, space, df, vectors, sim, wordIds, vocabularySize: vocabulary.size };
}

// Loops over a whole day sit in small functions called per item (see the note in cluster.ts).
function countFeatures(ids: readonly number[], df: Int32Array): void {
  for (let k = 0; k < ids.length; k++) df[ids[k]!]!++;
}

function distinctSorted(ids: Int32Array): Int32Array {
  ids.sort();
  let kept = 0;
  for (let k = 0; k < ids.length; k++) if (k === 0 || ids[k] !== ids[k - 1]) ids[kept++] = ids[k]!;
  return ids.subarray(0, kept);
}

export interface Grouping {
  /** Themes as lists of item indices, largest first; ties by earliest item. */
  themes: number[][];
  /** One-offs, in input order. */
  other: number[];
}

export function groupItems(day: AnalysedDay, threshold = MERGE_THRESHOLD, attach = ATTACH_THRESHOLD): Grouping {
  const n = day.items.length;
  const assignment = averageLinkClusters(day.sim, n, threshold);
  const byRoot = new Map<number, number[]>();
  assignment.forEach((root, i) => {
    const members = byRoot.get(root) ?? [];
    members.push(i);
    byRoot.set(root, members);
  });
  const groups = [...byRoot.values()];
  const themes = groups.filter((g) => g.length >= 2);
  const other: number[] = [];
  for (const g of groups) {
    if (g.length >= 2) continue;
    const i = g[0]!;
    let best = -1;
    let bestSim = attach;
    themes.forEach((members, t) => {
      const value = meanSimilarity(day.sim, n, i, members);
      if (value >= bestSim) {
        if (value > bestSim || best < 0) best = t;
        bestSim = value;
      }
    });
    if (best >= 0) themes[best]!.push(i);
    else other.push(i);
  }
  for (const members of themes) members.sort((a, b) => a - b);
  themes.sort((a, b) => b.length - a.length || a[0]! - b[0]!);
  other.sort((a, b) => a - b);
  return { themes, other };
}

/**
 * Near-duplicates inside one theme, merged transitively: entries as lists of item indices,
 * the earliest item first. Same-language rewordings of one report reach Jaccard 0.45–0.65;
 * two different posts about one story stay below 0.35.
 */
export function nearDuplicateEntries(day: AnalysedDay, members: number[]): number[][] {
  const parent = new Map<number, number>(members.map((m) => [m, m]));
  const root = (i: number): number => {
    let r = i;
    while (parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  // Word-set Jaccard without sets: the words of `a` are stamped into one array, and each `b`
  // counts the stamped ones among its own.
  const stamp = new Int32Array(day.vocabularySize);
  for (let x = 0; x < members.length; x++) {
    const a = members[x]!;
    const wordsA = day.wordIds[a]!;
    for (let k = 0; k < wordsA.length; k++) stamp[wordsA[k]!] = x + 1;
    for (let y = x + 1; y < members.length; y++) {
      const b = members[y]!;
      // Rewordings of one report always share many weighted features; skip the word-set
      // comparison for pairs that do not (most pairs in a big theme).
      if (day.sim[a * day.items.length + b]! < 0.1) continue;
      const wordsB = day.wordIds[b]!;
      const shared = countStamped(wordsB, stamp, x + 1);
      const union = wordsA.length + wordsB.length - shared;
      if (union > 0 && shared / union >= NEAR_DUPLICATE_JACCARD) {
        const ra = root(a);
        const rb = root(b);
        if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
      }
    }
  }
  const entries = new Map<number, number[]>();
  for (let x = 0; x < members.length; x++) {
    const m = members[x]!;
    const r = root(m);
    const list = entries.get(r) ?? [];
    list.push(m);
    entries.set(r, list);
  }
  return [...entries.values()];
}

/** How many of `words` carry `mark` in `stamp`. */
function countStamped(words: Int32Array, stamp: Int32Array, mark: number): number {
  let count = 0;
  for (let k = 0; k < words.length; k++) if (stamp[words[k]!] === mark) count++;
  return count;
}

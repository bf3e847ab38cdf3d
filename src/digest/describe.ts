// Saying what a theme is about: a short label from the names and words its items share, and
// 1–3 key sentences picked across its items by maximal marginal relevance (MMR), so a story told
// by five people yields its main facts once, not the same fact five times.
import { vectorOfWeights, cosine, idfOf, type SparseVector } from './cluster';
import {
  FROM_HASHTAG,
  NAME_LIKE,
  featureBag,
  hasLetterOrNumber,
  leadSentence,
  nameFeatureId,
  readText,
  sentencesOf,
  wordFeatureId,
  type ItemLang,
  type RawText,
  type Word,
} from './features';
import type { AnalysedDay } from './themes';

/** Feature kinds that can name a theme, with how much we prefer them in a label. */
const LABEL_KIND_WEIGHT: Record<string, number> = { p: 2, e: 1.6, x: 1.4, h: 0.6, c: 1, w: 1 };

/**
 * Surface spellings of the `wanted` features (ids of the day's space), counted over some items'
 * tokens. Tokens are matched by the feature ids their WordInfo keeps, not by feature strings.
 */
function surfaces(day: AnalysedDay, members: number[], preferLang: 'en' | 'nl', wanted: readonly number[]): Map<number, string> {
  const { space } = day;
  const isWanted = new Uint8Array(space.names.length);
  let wantsPhrases = false;
  for (let w = 0; w < wanted.length; w++) {
    isWanted[wanted[w]!] = 1;
    if (space.names[wanted[w]!]!.startsWith('p:')) wantsPhrases = true;
  }
  const counts = new Map<number, Map<string, number>>();
  const count = (id: number, surface: string, amount: number): void => {
    const perSurface = counts.get(id) ?? new Map<string, number>();
    perSurface.set(surface, (perSurface.get(surface) ?? 0) + amount);
    counts.set(id, perSurface);
  };
  // Per item, in a function of its own (see the note in cluster.ts).
  const countItem = (raw: RawText): void => {
    // A concept is best named in the reader's language when the theme has that spelling.
    const langBonus = raw.lang === preferLang ? 1.5 : 1;
    let previous: Word | null = null;
    const { tokens, tokenFlags } = raw;
    for (let k = 0; k < tokens.length; k++) {
      const tok = tokens[k]!;
      const { info } = tok;
      if (tok.lower.length < 2 || info.stop) {
        previous = null;
        continue;
      }
      const nameLike = (tokenFlags[k]! & NAME_LIKE) !== 0;
      const fromHashtag = (tokenFlags[k]! & FROM_HASHTAG) !== 0;
      // Names keep their capitals ("EdgeWorks"), other words are shown in lower case.
      const id = wordFeatureId(info, space, false);
      if (id >= 0 && isWanted[id]) count(id, nameLike ? tok.surface : tok.lower, info.concept ? langBonus : 1);
      if (day.ctx.names.has(tok.lower)) {
        const nameId = nameFeatureId(info, tok.lower, space, false);
        if (nameId >= 0 && isWanted[nameId]) count(nameId, tok.surface, nameLike ? 2 : fromHashtag ? 0.1 : 1);
        if (previous && wantsPhrases && !fromHashtag) {
          const phraseId = space.find(`p:${previous.lower} ${tok.lower}`);
          if (phraseId !== undefined && isWanted[phraseId]) count(phraseId, `${previous.surface} ${tok.surface}`, 1);
        }
        previous = tok;
      } else {
        previous = null;
      }
    }
  };
  for (let m = 0; m < members.length; m++) countItem(day.raw[members[m]!]!);
  const best = new Map<number, string>();
  counts.forEach((perSurface, id) => {
    // The most counted spelling; ties to the first in code-unit order.
    let top = '';
    let topCount = -1;
    perSurface.forEach((n, surface) => {
      if (n > topCount || (n === topCount && surface < top)) {
        top = surface;
        topCount = n;
      }
    });
    best.set(id, top);
  });
  return best;
}

/** How many of a theme's best features get their spelling counted at a time. */
const SPELLING_ROUND = 24;

/** Features shared by a theme's items, best first, with their readable spelling. */
export function themeTerms(day: AnalysedDay, members: number[], preferLang: 'en' | 'nl'): string[] {
  const n = day.items.length;
  const coverage = new Int32Array(day.space.names.length);
  const covered: number[] = [];
  for (let m = 0; m < members.length; m++) cover(day.vectors[members[m]!]!.ids, coverage, covered);
  const minCoverage = members.length >= 2 ? 2 : 1;
  const scored: Array<{ id: number; feature: string; score: number }> = [];
  for (let c = 0; c < covered.length; c++) {
    const id = covered[c]!;
    const feature = day.space.names[id]!;
    const kind = LABEL_KIND_WEIGHT[feature.slice(0, 1)];
    if (kind === undefined || coverage[id]! < minCoverage) continue;
    const score = (coverage[id]! / members.length) * idfOf(day.df[id] ?? 0, n) * kind;
    scored.push({ id, feature, score });
  }
  scored.sort((a, b) => b.score - a.score || (a.feature < b.feature ? -1 : 1));
  const terms: string[] = [];
  // Spellings are counted only for the next few best features (rarely more than one round):
  // counting every feature of a theme of 30 posts costs more than the rest of the labelling.
  for (let from = 0; from < scored.length && terms.length < 8; from += SPELLING_ROUND) {
    const round = scored.slice(from, from + SPELLING_ROUND);
    const spelled = surfaces(day, members, preferLang, round.map((r) => r.id));
    for (const { id, feature } of round) {
      const surface = spelled.get(id);
      // Compound parts, codes and hashtags have no spelling of their own here.
      if (surface === undefined) continue;
      const words = surface.toLowerCase().split(' ');
      const overlapping = terms.filter((t) => t.toLowerCase().split(' ').some((w) => words.includes(w)));
      if (overlapping.length > 0) {
        // "Black" adds nothing next to "Black Friday", nor "Cup Finals" after "Davis Cup"; but a
        // phrase replaces the single words it contains ("Davis", "Cup" → "Davis Cup").
        if (feature.startsWith('p:') && overlapping.every((t) => !t.includes(' '))) {
          const first = terms.indexOf(overlapping[0]!);
          for (const t of overlapping) terms.splice(terms.indexOf(t), 1);
          terms.splice(first, 0, surface);
        }
        continue;
      }
      terms.push(surface);
      if (terms.length >= 8) break;
    }
  }
  return terms;
}

/** Counts a vector's features in `coverage`, listing each the first time. */
function cover(ids: Int32Array, coverage: Int32Array, covered: number[]): void {
  for (let k = 0; k < ids.length; k++) if (coverage[ids[k]!]!++ === 0) covered.push(ids[k]!);
}

/** "EdgeWorks · CDN · storing": up to three shared terms, the first capitalised. */
export function labelFromTerms(terms: string[]): string {
  const chosen = terms.slice(0, 3);
  if (chosen.length === 0) return '';
  const first = chosen[0]!;
  chosen[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return chosen.join(' · ');
}

/** Removes what reads badly out of context: links, trailing hashtags, "BREAKING:" kickers. */
export function cleanSentence(sentence: string): string {
  let s = sentence;
  // Each end-anchored pattern is tried from every position, so it only runs when the string
  // could match it: the character it needs is there, or its last visible character is one the
  // pattern can end with.
  if (s.includes('://')) s = s.replace(/\bhttps?:\/\/\S+/gu, '');
  if (s.includes(':')) s = s.replace(/^(?:\p{Lu}{3,}|Update|Breaking|Draadje|Thread)\s*:\s*/u, '');
  if (s.includes('#') && isTagChar(lastVisible(s))) s = s.replace(/(?:\s+#[\p{L}\p{N}_]+)+\s*$/u, '');
  if (PICTOGRAPH.test(lastVisible(s))) {
    s = s.replace(/(?:\s*\p{Extended_Pictographic}[\u{FE0F}\u{200D}\p{Extended_Pictographic}]*)+\s*$/u, '');
  }
  return s.replace(/\s+/g, ' ').trim();
}

/** [\p{L}\p{N}_], one character. */
const isTagChar = (ch: string): boolean => ch === '_' || hasLetterOrNumber(ch);
const PICTOGRAPH = /^[\u{FE0F}\u{200D}\p{Extended_Pictographic}]$/u;
const SPACE = /^\s$/u;

/** The last character of `s` that is not white space (a whole surrogate pair), or ''. */
export function lastVisible(s: string): string {
  let end = s.length;
  while (end > 0 && SPACE.test(s[end - 1]!)) end--;
  if (end === 0) return '';
  const cp = end >= 2 ? s.codePointAt(end - 2)! : -1;
  return cp > 0xffff ? String.fromCodePoint(cp) : s[end - 1]!;
}

/**
 * Key sentences are drawn from at most this many of a theme's most central posts. Three, not five:
 * on the shared days ROUGE is as good or better with three (and on the held-out days better), and
 * there are 40% fewer candidate sentences to read.
 */
const MAX_SOURCE_ITEMS = 3;

interface Candidate {
  text: string;
  item: number;
  order: number;
  vector: SparseVector;
  relevance: number;
}

/**
 * Up to `max` key sentences for a theme. Candidates are the item's stored summary sentences
 * when it has them (the summariser already chose), else all its sentences. Relevance is cosine
 * to the theme's centroid, damped for questions, fragments and the theme's minority language.
 */
export function keySentences(
  day: AnalysedDay,
  entryHeads: number[],
  members: number[],
  majorityLang: ItemLang,
  max: number,
): string[] {
  const n = day.items.length;
  const centroid = centroidOf(day, members);
  // Sentences come from the posts nearest the theme's centre: they tell the shared story, and a
  // theme of 80 posts does not need 300 candidate sentences (this keeps the digest in budget).
  const central = [...entryHeads]
    .map((i) => ({ i, closeness: dot(day.vectors[i]!, centroid) }))
    .sort((a, b) => b.closeness - a.closeness || a.i - b.i)
    .slice(0, MAX_SOURCE_ITEMS)
    .map(({ i }) => i)
    .sort((a, b) => a - b);
  const candidates: Candidate[] = [];
  let order = 0;
  for (const i of central) {
    const item = day.items[i]!;
    const lang = day.langs[i]!;
    const sentences = candidateSentences(item.summary, day.texts[i]!, lang);
    sentences.forEach((sentence, position) => {
      const text = cleanSentence(sentence);
      // cleanSentence leaves single spaces between words, so no pattern is needed to split.
      const words = text.split(' ').filter((w) => hasLetterOrNumber(w)).length;
      if (words < 4) return;
      const bag = featureBag(readText(text, lang), day.ctx, day.space, false);
      const vector = vectorOfWeights(bag.ids, bag.weights, day.df, n);
      let relevance = dot(vector, centroid);
      if (lastVisible(text) === '?') relevance *= 0.6;
      if (words < 8) relevance *= 0.7;
      if (words > 40) relevance *= 0.8;
      if (lang !== majorityLang) relevance *= 0.8;
      // Reports tend to open with their news; a small nudge, not the lead rule.
      if (position === 0) relevance *= 1.1;
      candidates.push({ text, item: i, order: order++, vector, relevance });
    });
  }
  const chosen: Candidate[] = [];
  const lambda = 0.7;
  while (chosen.length < max) {
    let best: Candidate | null = null;
    let bestScore = -Infinity;
    for (const c of candidates) {
      if (chosen.includes(c)) continue;
      const redundancy = chosen.reduce((m, s) => Math.max(m, cosine(c.vector, s.vector)), 0);
      if (redundancy >= 0.5) continue;
      const score = lambda * c.relevance - (1 - lambda) * redundancy;
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (!best || best.relevance <= 0) break;
    chosen.push(best);
  }
  return chosen.map((c) => c.text);
}

/**
 * An item's candidate sentences, its lead first. With a stored summary (the summariser's choice for
 * the item alone) no segmenting is needed: the summary, and before it the lead sentence when the
 * summary does not start with it, because a report states its news there and a digest wants that.
 * Without one, every sentence of the text.
 */
function candidateSentences(summary: readonly string[] | undefined, text: string, lang: ItemLang): readonly string[] {
  if (!summary || summary.length === 0) return sentencesOf(text, lang);
  const lead = leadSentence(text);
  const first = summary[0]!;
  return lead.length === 0 || lead.startsWith(first) || first.startsWith(lead) ? summary : [lead, ...summary];
}

/** The L2-normalised sum of the members' vectors, dense over the day's features. */
function centroidOf(day: AnalysedDay, members: number[]): Float64Array {
  const centroid = new Float64Array(day.space.names.length);
  // The features the members have: the norm is summed over these alone, in id order (adding the
  // zeros of all other features changes no bit of it).
  const present: number[] = [];
  for (let m = 0; m < members.length; m++) addToCentroid(day.vectors[members[m]!]!, centroid, present);
  const ids = Int32Array.from(present).sort();
  let norm = 0;
  for (let k = 0; k < ids.length; k++) norm += centroid[ids[k]!]! * centroid[ids[k]!]!;
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < ids.length; k++) centroid[ids[k]!] = centroid[ids[k]!]! / norm;
  return centroid;
}

function addToCentroid({ ids, values }: SparseVector, centroid: Float64Array, present: number[]): void {
  for (let k = 0; k < ids.length; k++) {
    if (centroid[ids[k]!] === 0) present.push(ids[k]!);
    centroid[ids[k]!] = centroid[ids[k]!]! + values[k]!;
  }
}

/** Cosine of a normalised sparse vector with a normalised dense one. */
function dot(v: SparseVector, dense: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < v.ids.length; k++) sum += v.values[k]! * dense[v.ids[k]!]!;
  return sum;
}

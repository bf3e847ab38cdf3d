// Grouping a day's items into themes: TF-IDF vectors, cosine similarity, average-link
// agglomerative clustering cut at a fixed similarity, then one-offs attached to a theme when they
// clearly belong, else left for the "Other" group.
//
// Average link rather than single link: one chatty post that mentions two stories must not chain
// them into one theme. The dendrogram is built with the nearest-neighbour-chain algorithm, which
// gives the same merges as the textbook O(n³) loop in O(n²) time (500 items: 250k pairs).

/** A sparse, L2-normalised vector: parallel arrays sorted by feature id. */
export interface SparseVector {
  ids: Int32Array;
  values: Float64Array;
}

export class FeatureSpace {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  idOf(feature: string): number {
    let id = this.ids.get(feature);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(feature, id);
      this.names.push(feature);
    }
    return id;
  }

  find(feature: string): number | undefined {
    return this.ids.get(feature);
  }
}

/** Document frequency of each feature id over a set of bags. */
export function documentFrequencies(bags: Array<Map<number, number>>, size: number): Int32Array {
  const df = new Int32Array(size);
  for (const bag of bags) for (const id of bag.keys()) df[id] = (df[id] ?? 0) + 1;
  return df;
}

/** idf = ln(1 + N / df): never zero, so a feature all items share still counts a little. */
export function idfOf(df: number, n: number): number {
  return Math.log(1 + n / Math.max(1, df));
}

/** TF-IDF vector of a bag: sub-linear tf (1 + ln tf), L2-normalised. */
export function vectorOf(bag: Map<number, number>, df: Int32Array, n: number): SparseVector {
  return vectorOfWeights(Array.from(bag.keys()), Array.from(bag.values()), df, n);
}

/** Term weights by feature id while a vector is built (0 elsewhere); reused. */
let weightById = new Float64Array(4096);

/** vectorOf for a bag given as distinct feature ids (any order) and their weights. */
export function vectorOfWeights(bagIds: readonly number[], bagWeights: readonly number[], df: Int32Array, n: number): SparseVector {
  const ids = Int32Array.from(bagIds).sort();
  const largest = ids.length > 0 ? ids[ids.length - 1]! : -1;
  if (largest >= weightById.length) weightById = new Float64Array(Math.max(weightById.length * 2, largest + 1));
  for (let k = 0; k < bagIds.length; k++) weightById[bagIds[k]!] = bagWeights[k]!;
  const values = new Float64Array(ids.length);
  let norm = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const tf = weightById[id]!;
    weightById[id] = 0;
    const w = (tf >= 1 ? 1 + Math.log(tf) : tf) * idfOf(df[id] ?? 0, n);
    values[i] = w;
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < values.length; i++) values[i] = values[i]! / norm;
  return { ids, values };
}

export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) dot += a.values[i++]! * b.values[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return dot;
}

// A note on shape, for speed: a digest is built once a day in a service worker that has just
// woken, so its code runs unoptimised at first. V8 optimises a function quickly once it has been
// called often, but a long loop inside a function called once only when it replaces the running
// code on the stack (OSR), which comes late or, on a busy machine, after the loop is done. So the
// O(n²) loops below are written as small functions called per feature, per row or per step.

/**
 * All-pairs cosine as a dense n×n matrix, through an inverted index (cost Σ df²).
 * With `evidence` (points per feature id) a pair scoring fewer than `minEvidence` points of
 * shared features gets similarity 0: in a small day one shared everyday word can otherwise
 * outweigh everything else two unrelated one-offs have (or lack) in common.
 */
export function similarityMatrix(
  vectors: SparseVector[],
  featureCount: number,
  evidence?: Uint8Array,
  minEvidence = 0,
): Float64Array {
  const n = vectors.length;
  // Postings in two flat typed arrays (feature f's run starts at start[f]), items in input order:
  // no per-feature arrays to allocate and grow.
  const start = new Int32Array(featureCount + 1);
  for (let i = 0; i < n; i++) countPostings(vectors[i]!.ids, start);
  for (let f = 0; f < featureCount; f++) start[f + 1] = start[f + 1]! + start[f]!;
  const fill = start.slice(0, featureCount);
  const postingItem = new Int32Array(start[featureCount]!);
  const postingValue = new Float64Array(start[featureCount]!);
  for (let i = 0; i < n; i++) fillPostings(vectors[i]!, i, fill, postingItem, postingValue);
  const sim = new Float64Array(n * n);
  // Clamped: evidence points saturate at 255 on their own.
  const shared = evidence ? new Uint8ClampedArray(n * n) : null;
  for (let f = 0; f < featureCount; f++) {
    addFeaturePairs(sim, shared, n, postingItem, postingValue, start[f]!, start[f + 1]!, evidence?.[f] ?? 0);
  }
  for (let a = 0; a < n; a++) gateAndMirrorRow(sim, shared, n, a, minEvidence);
  return sim;
}

function countPostings(ids: Int32Array, start: Int32Array): void {
  for (let k = 0; k < ids.length; k++) start[ids[k]! + 1]!++;
}

function fillPostings(v: SparseVector, item: number, fill: Int32Array, postingItem: Int32Array, postingValue: Float64Array): void {
  for (let k = 0; k < v.ids.length; k++) {
    const at = fill[v.ids[k]!]!++;
    postingItem[at] = item;
    postingValue[at] = v.values[k]!;
  }
}

/** Adds one feature's products to every pair of items that has it (upper triangle only). */
function addFeaturePairs(
  sim: Float64Array,
  shared: Uint8ClampedArray | null,
  n: number,
  postingItem: Int32Array,
  postingValue: Float64Array,
  from: number,
  end: number,
  points: number,
): void {
  for (let a = from; a < end; a++) {
    const rowA = postingItem[a]! * n;
    const va = postingValue[a]!;
    for (let b = a + 1; b < end; b++) {
      const ab = rowA + postingItem[b]!;
      sim[ab] = sim[ab]! + va * postingValue[b]!;
      if (shared) shared[ab] = shared[ab]! + points;
    }
  }
}

/** Zeroes row `a`'s pairs with too little shared evidence, and mirrors the row below the diagonal. */
function gateAndMirrorRow(sim: Float64Array, shared: Uint8ClampedArray | null, n: number, a: number, minEvidence: number): void {
  for (let b = a + 1; b < n; b++) {
    if (shared && shared[a * n + b]! < minEvidence) sim[a * n + b] = 0;
    sim[b * n + a] = sim[a * n + b]!;
  }
}

/**
 * Average-link agglomerative clustering, stopping at `threshold` (merge while the average
 * similarity between two clusters is at least `threshold`). Returns a cluster index per item;
 * clusters are numbered by their lowest item index, so the result depends only on the input order.
 */
export function averageLinkClusters(sim: Float64Array, n: number, threshold: number): number[] {
  const s = sim.slice(); // a copy: merges overwrite rows
  const size = new Int32Array(n).fill(1);
  // The clusters still open, in increasing order: steps visit only these, not all n.
  const open: number[] = [];
  for (let i = 0; i < n; i++) open.push(i);
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const chain: number[] = [];
  while (open.length > 0) {
    if (chain.length === 0) chain.push(open[0]!);
    const a = chain[chain.length - 1]!;
    const previous = chain.length >= 2 ? chain[chain.length - 2]! : -1;
    const b = nearestOpen(s, n, a, previous, open);
    if (b < 0 || s[a * n + b]! < threshold) {
      // Nothing is close enough to `a`, and averaging never raises a similarity above the
      // largest of its parts, so `a` is final.
      open.splice(open.indexOf(a), 1);
      chain.pop();
      continue;
    }
    if (b !== previous) {
      chain.push(b);
      continue;
    }
    chain.pop();
    chain.pop();
    const keep = Math.min(a, b);
    const drop = Math.max(a, b);
    mergeRows(s, n, keep, drop, size[keep]!, size[drop]!, open);
    size[keep] = size[keep]! + size[drop]!;
    open.splice(open.indexOf(drop), 1);
    parent[drop] = keep;
  }
  const roots: number[] = [];
  for (let i = 0; i < n; i++) {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    roots.push(r);
  }
  return roots;
}

/**
 * The open cluster nearest to `a`. Ties go to the previous chain element (so reciprocal pairs are
 * found), then to the lowest index.
 */
function nearestOpen(s: Float64Array, n: number, a: number, previous: number, open: readonly number[]): number {
  let best = -1;
  let bestSim = -Infinity;
  const row = a * n;
  for (let k = 0; k < open.length; k++) {
    const c = open[k]!;
    if (c === a) continue;
    const value = s[row + c]!;
    if (value > bestSim || (value === bestSim && c === previous)) {
      best = c;
      bestSim = value;
    }
  }
  return best;
}

/** Average-link row update when `drop` joins `keep` (sizes before the merge). */
function mergeRows(
  s: Float64Array,
  n: number,
  keep: number,
  drop: number,
  keepSize: number,
  dropSize: number,
  open: readonly number[],
): void {
  const total = keepSize + dropSize;
  for (let k = 0; k < open.length; k++) {
    const c = open[k]!;
    if (c === keep || c === drop) continue;
    const merged = (keepSize * s[keep * n + c]! + dropSize * s[drop * n + c]!) / total;
    s[keep * n + c] = merged;
    s[c * n + keep] = merged;
  }
}

/** Mean similarity of item `i` to the members of a cluster (excluding itself). */
export function meanSimilarity(sim: Float64Array, n: number, i: number, members: number[]): number {
  let total = 0;
  let count = 0;
  for (let k = 0; k < members.length; k++) {
    const m = members[k]!;
    if (m === i) continue;
    total += sim[i * n + m]!;
    count++;
  }
  return count ? total / count : 0;
}

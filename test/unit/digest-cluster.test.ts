// The clustering's O(n²) loops were reshaped for speed in unoptimised code (src/digest/cluster.ts:
// small functions per step, only open clusters visited). These tests hold them to the plain
// versions they replaced, kept below as the reference, on random and tie-heavy inputs.
import { averageLinkClusters, similarityMatrix, type SparseVector } from '../../src/digest/cluster';

// ---- Reference: the loops before the reshaping. ----
function referenceClusters(sim: Float64Array, n: number, threshold: number): number[] {
  const s = sim.slice();
  const size = new Int32Array(n).fill(1);
  const alive = new Uint8Array(n).fill(1);
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const chain: number[] = [];
  let remaining = n;
  const nearest = (a: number, preferred: number): number => {
    let best = -1;
    let bestSim = -Infinity;
    for (let c = 0; c < n; c++) {
      if (c === a || !alive[c]) continue;
      const value = s[a * n + c]!;
      if (value > bestSim || (value === bestSim && c === preferred)) {
        best = c;
        bestSim = value;
      }
    }
    return best;
  };
  while (remaining > 0) {
    if (chain.length === 0) {
      let first = 0;
      while (!alive[first]) first++;
      chain.push(first);
    }
    const a = chain[chain.length - 1]!;
    const previous = chain.length >= 2 ? chain[chain.length - 2]! : -1;
    const b = nearest(a, previous);
    if (b < 0 || s[a * n + b]! < threshold) {
      alive[a] = 0;
      remaining--;
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
    const total = size[a]! + size[b]!;
    for (let c = 0; c < n; c++) {
      if (!alive[c] || c === a || c === b) continue;
      const merged = (size[keep]! * s[keep * n + c]! + size[drop]! * s[drop * n + c]!) / total;
      s[keep * n + c] = merged;
      s[c * n + keep] = merged;
    }
    size[keep] = total;
    alive[drop] = 0;
    remaining--;
    parent[drop] = keep;
  }
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    return r;
  };
  return Array.from({ length: n }, (_, i) => root(i));
}

function referenceMatrix(vectors: SparseVector[], featureCount: number, evidence?: Uint8Array, minEvidence = 0): Float64Array {
  const n = vectors.length;
  const postings: Array<Array<[number, number]>> = Array.from({ length: featureCount }, () => []);
  vectors.forEach((v, item) => v.ids.forEach((id, k) => postings[id]!.push([item, v.values[k]!])));
  const sim = new Float64Array(n * n);
  const shared = new Uint8ClampedArray(n * n);
  postings.forEach((list, f) => {
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const ab = list[a]![0] * n + list[b]![0];
        sim[ab] = sim[ab]! + list[a]![1] * list[b]![1];
        shared[ab] = shared[ab]! + (evidence?.[f] ?? 0);
      }
    }
  });
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      if (evidence && shared[a * n + b]! < minEvidence) sim[a * n + b] = 0;
      sim[b * n + a] = sim[a * n + b]!;
    }
  }
  return sim;
}
// ---- End of reference. ----

/** A fixed pseudo-random sequence in [0, 1). */
function randomSequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function randomVectors(count: number, featureCount: number, next: () => number): SparseVector[] {
  return Array.from({ length: count }, () => {
    const ids = new Set<number>();
    const size = 1 + Math.floor(next() * 8);
    while (ids.size < size) ids.add(Math.floor(next() * featureCount));
    const sorted = Int32Array.from(ids).sort();
    const values = Float64Array.from(sorted, () => 0.1 + next());
    let norm = 0;
    for (const v of values) norm += v * v;
    return { ids: sorted, values: values.map((v) => v / Math.sqrt(norm)) };
  });
}

describe('similarityMatrix matches the plain all-pairs loop', () => {
  test.each([1, 2, 3, 4, 5])('random vectors, seed %i', (seed) => {
    const next = randomSequence(seed);
    const featureCount = 40;
    const vectors = randomVectors(60, featureCount, next);
    const evidence = Uint8Array.from({ length: featureCount }, () => (next() < 0.3 ? 2 : 1));
    expect(similarityMatrix(vectors, featureCount, evidence, 2)).toEqual(referenceMatrix(vectors, featureCount, evidence, 2));
    expect(similarityMatrix(vectors, featureCount)).toEqual(referenceMatrix(vectors, featureCount));
  });
});

describe('averageLinkClusters matches the textbook nearest-neighbour chain', () => {
  test.each([1, 2, 3, 4, 5, 6, 7, 8])('random similarities, seed %i', (seed) => {
    const next = randomSequence(seed);
    const n = 80;
    const sim = new Float64Array(n * n);
    // Coarse values (many exact ties) and a sparse matrix, as real days are.
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const value = next() < 0.7 ? 0 : Math.round(next() * 8) / 40;
        sim[a * n + b] = value;
        sim[b * n + a] = value;
      }
    }
    for (const threshold of [0.02, 0.05, 0.1, 0.15]) {
      expect(averageLinkClusters(sim, n, threshold)).toEqual(referenceClusters(sim, n, threshold));
    }
  });

  test('the input matrix is left as it was', () => {
    const sim = Float64Array.from([1, 0.5, 0.1, 0.5, 1, 0.2, 0.1, 0.2, 1]);
    const copy = sim.slice();
    averageLinkClusters(sim, 3, 0.15);
    expect(sim).toEqual(copy);
  });
});

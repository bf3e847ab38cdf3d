// The digest's features are added up as ids of the day's FeatureSpace, with each word's ids kept on
// its cached WordInfo and each spelling's facts on a cached Word (src/digest/features.ts), for speed.
// These tests hold that to the string-keyed version it replaced (kept below as the reference):
// the same features with the same weights per item, ids handed out in the same order (vector sums
// run in id order, so the order matters to the last bit), and caches left by one day never
// changing the next day's digest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDigest, type DigestInput } from '../../src/digest';
import { analyseDay } from '../../src/digest/themes';
import { FROM_HASHTAG, featureBag, nameFeature, readText, wordInfo, type DayContext, type RawText } from '../../src/digest/features';
import { isDutchLexiconStem } from '../../src/digest/lexicon';
import { stem } from '../../src/summarize';

interface EvalDay {
  items: Array<{ id: string; site: DigestInput['site']; author: string; text: string; lang: 'en' | 'nl' }>;
}

const days: DigestInput[][] = ['days.jsonl', 'heldout-days.jsonl'].flatMap((file) =>
  readFileSync(join(__dirname, '../eval', file), 'utf8')
    .trim()
    .split('\n')
    .map((line) =>
      (JSON.parse(line) as EvalDay).items.map(
        (it, i): DigestInput => ({
          site: it.site,
          id: it.id,
          key: `${it.site}:${it.id}`,
          text: it.text,
          authorName: null,
          authorHandle: it.author,
          savedAt: Date.parse('2026-03-10T08:00:00Z') + i * 60_000,
          // Every third item without a language, so detection runs too.
          lang: i % 3 === 0 ? undefined : it.lang,
        }),
      ),
    ),
);

// ---- Reference: the string-keyed textFeatures the id bags replaced. ----
const KIND_WEIGHT = { w: 1, c: 1.1, e: 1.6, p: 0.8 };

function referenceSplit(lower: string, ctx: DayContext): [string, string] | null {
  if (lower.length < 9) return null;
  const known = (part: string): boolean => ctx.stems.has(stem(part, 'nl')) || isDutchLexiconStem(stem(part, 'nl'));
  for (let i = 4; i <= lower.length - 4; i++) {
    const right = lower.slice(i);
    if (!known(right)) continue;
    const left = lower.slice(0, i);
    let tried = '';
    for (const l of [left, left.replace(/s$/, ''), left.replace(/en$/, ''), left.replace(/e$/, '')]) {
      if (l.length < 3 || l === tried) continue;
      tried = l;
      if (known(l)) return [l, right];
    }
  }
  return null;
}

function referenceFeatures(raw: RawText, ctx: DayContext): Map<string, number> {
  const out = new Map(raw.fixed);
  const add = (feature: string, amount: number): void => {
    out.set(feature, (out.get(feature) ?? 0) + amount);
  };
  let previousName: string | null = null;
  raw.tokens.forEach(({ lower, info }, k) => {
    if (lower.length < 2 || info.stop) {
      previousName = null;
      return;
    }
    if (info.concept) add(info.concept, KIND_WEIGHT.c);
    else if (lower.length >= 3) add(`w:${info.stem}`, KIND_WEIGHT.w);
    if (ctx.names.has(lower)) {
      add(nameFeature(info, lower), KIND_WEIGHT.e);
      if (previousName && !(raw.tokenFlags[k]! & FROM_HASHTAG)) add(`p:${previousName} ${lower}`, KIND_WEIGHT.p);
      previousName = lower;
    } else {
      previousName = null;
    }
    if (!info.concept && raw.lang !== 'en') {
      for (const part of referenceSplit(lower, ctx) ?? []) add(wordInfo(part, 'nl').feature, 0.6);
    }
  });
  return out;
}
// ---- End of reference. ----

describe('feature id bags match the string-keyed features they replaced', () => {
  test.each(days.map((items, d) => [d, items] as const))('evaluation day %i', (_d, items) => {
    const day = analyseDay(items);
    const expected = day.raw.map((raw) => referenceFeatures(raw, day.ctx));
    // Ids in order of first appearance: item by item, each item's features in the order added.
    const order: string[] = [];
    const seen = new Set<string>();
    for (const features of expected) for (const feature of features.keys()) if (!seen.has(feature) && seen.add(feature)) order.push(feature);
    expect(day.space.names).toEqual(order);
    // Same weights per item, to the last bit (through the vectors, which are built from them).
    day.vectors.forEach((vector, i) => {
      const names = Array.from(vector.ids, (id) => day.space.names[id]!);
      expect(names.sort()).toEqual([...expected[i]!.keys()].sort());
    });
  });

  test('the bags carry the reference weights exactly', () => {
    const items = days[0]!;
    const day = analyseDay(items);
    day.raw.forEach((raw) => {
      const bag = featureBag(raw, day.ctx, day.space, false);
      const got = new Map(bag.ids.map((id, k) => [day.space.names[id]!, bag.weights[k]!]));
      expect(got).toEqual(referenceFeatures(raw, day.ctx));
    });
  });

  test('a key-sentence bag leaves out features the day does not have, and only those', () => {
    const day = analyseDay(days[0]!);
    const text = 'Zorgeloos ZQXWV-9 and #NeverSeenBefore: the storm and the outage, again.';
    const raw = readText(text, 'en');
    const bag = featureBag(raw, day.ctx, day.space, false);
    const got = new Map(bag.ids.map((id, k) => [day.space.names[id]!, bag.weights[k]!]));
    const expected = new Map([...referenceFeatures(raw, day.ctx)].filter(([feature]) => day.space.find(feature) !== undefined));
    expect(got).toEqual(expected);
    expect(got.has('x:zqxwv-9')).toBe(false);
    expect(got.size).toBeGreaterThan(0);
  });
});

describe('caches shared between days', () => {
  const options = { day: '2026-03-10', lang: 'en' as const, timeZone: 'UTC', period: { start: 0, end: Number.MAX_SAFE_INTEGER } };

  test('a day builds the same digest in a fresh module as after other days', () => {
    let fresh: string[] = [];
    jest.isolateModules(() => {
      const isolated = jest.requireActual<typeof import('../../src/digest')>('../../src/digest');
      fresh = days.map((items) => JSON.stringify(isolated.buildDigest(items, options)));
    });
    let reversed: string[] = [];
    jest.isolateModules(() => {
      const isolated = jest.requireActual<typeof import('../../src/digest')>('../../src/digest');
      reversed = [...days].reverse().map((items) => JSON.stringify(isolated.buildDigest(items, options))).reverse();
    });
    expect(reversed).toEqual(fresh);
    // And twice in a row in the same module.
    expect(days.map((items) => JSON.stringify(buildDigest(items, options)))).toEqual(fresh);
    expect(days.map((items) => JSON.stringify(buildDigest(items, options)))).toEqual(fresh);
  });
});

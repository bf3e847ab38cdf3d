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
import {
  canonicalNumber,
  classOf,
  FROM_HASHTAG,
  featureBag,
  hasLetterOrNumber,
  hasLowerThenUpper,
  isNumberWithUnit,
  nameFeature,
  readText,
  wordInfo,
  type DayContext,
  type RawText,
} from '../../src/digest/features';
import { cleanSentence } from '../../src/digest/describe';
import { splitSentences } from '../../src/summarize';
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

// ---- Reference: readText's fixed features and cleanSentence as they were before their patterns
// were tried only where they can match (numbers from digits on, end-anchored patterns when the
// last visible character allows). ----
const hashtagParts: string[] = [];

function referenceFixed(text: string, lang: 'en' | 'nl'): Map<string, number> {
  hashtagParts.length = 0;
  const fixed = new Map<string, number>();
  const add = (feature: string, amount: number): void => {
    fixed.set(feature, (fixed.get(feature) ?? 0) + amount);
  };
  let rest = text.replace(/\bhttps?:\/\/([^\s/<>"']+)[^\s<>"']*|\bwww\.([^\s/<>"']+)[^\s<>"']*/giu, (_m, host?: string, wwwHost?: string) => {
    const domain = (host ?? wwwHost ?? '').toLowerCase().replace(/^www\./, '').replace(/[.,;:!?)]+$/, '');
    if (domain) add(`d:${domain}`, 1.5);
    return ' ';
  });
  rest = rest.replace(/(?<![\p{L}\p{N}_.])@([\p{L}\p{N}_]+)(?:@[\w.-]+)?/gu, (_m, handle: string) => {
    add(`m:${handle.toLowerCase()}`, 1);
    return ' ';
  });
  rest = rest.replace(/(?<![\p{L}\p{N}_&])#([\p{L}][\p{L}\p{N}_]*)/gu, (_m, tag: string) => {
    add(`h:${tag.toLowerCase()}`, 1);
    const parts = tag
      .replace(/_/g, ' ')
      .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
      .replace(/(\p{L})(\p{N})/gu, '$1 $2')
      .replace(/(\p{N})(\p{L})/gu, '$1 $2')
      .split(/\s+/)
      .filter(Boolean);
    for (const part of parts) if (!/\p{N}/u.test(part)) hashtagParts.push(part);
    return ' ';
  });
  const numberWeight = (canonical: string): number => {
    const value = Number(canonical);
    if (!Number.isFinite(value)) return 0.6;
    if (Number.isInteger(value) && value <= 12) return 0.25;
    if (Number.isInteger(value) && value >= 1990 && value <= 2100) return 0.6;
    return 1;
  };
  const numbers =
    /(?<![\p{L}\p{N}])(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,:]\d+)?)(?:\s?[-–]\s?(\d+)(?![\p{L}\d]))?(?:\s?(miljoen|million|mln|m|k|miljard|billion|bn)\b)?/giu;
  for (let m = numbers.exec(rest); m; m = numbers.exec(rest)) {
    const first = canonicalNumber(m[1] ?? '', lang);
    add(m[2] !== undefined ? `n:${first}-${m[2]}` : `n:${first}`, numberWeight(first));
  }
  for (const word of rest.matchAll(/[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    const surface = word[0].replace(/’/g, "'");
    if (!/\d/.test(surface) || /^\d+$/.test(surface)) continue;
    if (!/^\p{N}+\p{L}{1,3}$/u.test(surface)) add(`x:${surface.toLowerCase()}`, 2);
  }
  for (const code of rest.matchAll(/\b(\p{Lu}[\p{L}]*)[-/](\d+)\b/gu)) add(`x:${code[0].toLowerCase()}`, 2);
  return fixed;
}

function referenceClean(sentence: string): string {
  return sentence
    .replace(/\bhttps?:\/\/\S+/gu, '')
    .replace(/^(?:\p{Lu}{3,}|Update|Breaking|Draadje|Thread)\s*:\s*/u, '')
    .replace(/(?:\s+#[\p{L}\p{N}_]+)+\s*$/u, '')
    .replace(/(?:\s*\p{Extended_Pictographic}[\u{FE0F}\u{200D}\p{Extended_Pictographic}]*)+\s*$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}
// ---- End of reference. ----

const TRICKY = [
  'Score 2-0, 2–0 and 2 - 0; 1,2 miljoen en 1.2M; 32.000 / 32,000; 09:12; 10km 2pm P7 RTX4090 C/2026 K2 Lumen-3',
  'x1 a2b 3c 44 55.5.5 1.234.567 1,234,567 12-13 99k 7 bn 2026-11-20 #WK2027 @bob2 https://a.example/2?x=3 www.b.example/4',
  'Wat een dag 🎉🎉 ', 'Done ✅ ️', 'Nice #tag #other2 ', 'Ends with #tag.', 'Family 👨‍👩‍👧 ', 'No emoji here 😀 ok', '🔥', '  ', '',
  'BREAKING: EdgeWorks is down https://x.example/1 #outage #cdn', '#OranjeLeeuwinnen #WK2027 #code_oranje #a_B1c2D &#x a#b _#c #1a #_a é#x 𝐀#x #𝐀𝐁c𝐝E #ǅemal ##ab #a#b #Ab__Cd_ #x٣y', 'a\u03455 7\u0345 8ͅ 12 MILJOEN 3 Bn4 5mln6 7 k8 9-10\u0345 11-12x', '2-05a 3–4b 5 - 6\u0345 9-10٣ x٣5 ٣5 1.234-5 12,5–7é 8-9', 'Trailing space \u00a0\u2003', 'Ünïcode ëndings ’s 😀\u{1F3FD}',
];

describe('patterns tried only where they can match give what trying them everywhere gave', () => {
  const texts = [...days.flatMap((items) => items.map((it) => it.text ?? '')), ...TRICKY];

  test('fixed features (links, mentions, hashtags, numbers, codes)', () => {
    for (const text of texts) {
      for (const lang of ['en', 'nl'] as const) {
        const fixed = readText(text, lang).fixed;
        const expected = referenceFixed(text, lang);
        expect([...fixed.keys()].sort()).toEqual([...expected.keys()].sort());
        // Same order of first appearance per kind, so numbers too come out as the scan found them.
        const numbersOf = (m: Map<string, number>): string[] => [...m.keys()].filter((k) => k.startsWith('n:'));
        expect(numbersOf(fixed)).toEqual(numbersOf(expected));
        const raw = readText(text, lang);
        expect(raw.tokens.slice(raw.textWords).map((t) => t.surface)).toEqual(hashtagParts);
      }
    }
  });

  test('cleanSentence', () => {
    const sentences = [...texts.flatMap((text) => splitSentences(text, 'en')), ...TRICKY];
    expect(sentences.length).toBeGreaterThan(300);
    for (const sentence of sentences) expect(cleanSentence(sentence)).toBe(referenceClean(sentence));
    expect(cleanSentence('Wat een dag 🎉🎉 ')).toBe('Wat een dag');
    expect(cleanSentence('Nice #tag #other2 ')).toBe('Nice');
  });
});

describe('the character table answers what the Unicode patterns it replaces would', () => {
  const patterns: Array<[number, RegExp]> = [
    [2, /^[\p{L}\p{M}\p{N}]$/u],
    [4, /^\p{L}$/u],
    [8, /^\d$/u],
    [16, /^\p{N}$/u],
    [32, /^\p{Lu}$/u],
    [64, /^\p{Ll}$/u],
  ];

  test('every BMP code point and a spread of astral ones', () => {
    const wrong: string[] = [];
    const codePoints = Array.from({ length: 0x10000 }, (_, cp) => cp);
    for (let cp = 0x10000; cp < 0x110000; cp += 97) codePoints.push(cp);
    for (const cp of codePoints) {
      const ch = String.fromCodePoint(cp);
      for (const [bit, pattern] of patterns) if (((classOf(cp) & bit) !== 0) !== pattern.test(ch)) wrong.push(`${cp.toString(16)}:${bit}`);
    }
    expect(wrong).toEqual([]);
  });

  test('word checks', () => {
    const words = [
      ...new Set(days.flatMap((items) => items.flatMap((it) => (it.text ?? '').split(/\s+/)))),
      ...['EdgeWorks', 'iPhone', 'ABC', 'abc', 'aB', 'ǅemal', 'x𝐀', '𝐚𝐁', '10km', '2pm', '22x', '1234abcd', 'k10', '٣km', '10\u0301km', "10'km", '', '١٢٣', 'Ⅻ', '½', '\ud800', 'a\udc00B'],
    ];
    for (const w of words) {
      expect([w, hasLowerThenUpper(w)]).toEqual([w, /\p{Ll}\p{Lu}/u.test(w)]);
      expect([w, isNumberWithUnit(w)]).toEqual([w, /^\p{N}+\p{L}{1,3}$/u.test(w)]);
      expect([w, hasLetterOrNumber(w)]).toEqual([w, /[\p{L}\p{N}]/u.test(w)]);
      expect([w, hasLetterOrNumber(w, true)]).toEqual([w, /\p{N}/u.test(w)]);
    }
  });
});

describe('label spellings', () => {
  test('a tie between two spellings goes to the first in code-unit order, whichever item comes first', () => {
    const base = { site: 'x' as const, authorName: null, authorHandle: '@a', lang: 'nl' as const };
    const items: DigestInput[] = [
      { ...base, id: '1', key: 'x:1', savedAt: 1, text: 'Grote storing bij Edgeworks: klanten in Utrecht melden fouten.' },
      { ...base, id: '2', key: 'x:2', savedAt: 2, text: 'Weer een storing bij EdgeWorks: klanten in Utrecht melden fouten.' },
    ];
    const options = { day: '2026-03-10', lang: 'nl' as const, timeZone: 'UTC', period: { start: 0, end: 10 } };
    for (const order of [items, [...items].reverse().map((it, i) => ({ ...it, savedAt: i + 1 }))]) {
      const keywords = buildDigest(order, options).themes[0]!.keywords;
      expect(keywords).toContain('EdgeWorks');
      expect(keywords).not.toContain('Edgeworks');
    }
  });
});

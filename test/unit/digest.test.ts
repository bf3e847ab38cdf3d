import { buildDigest, type DigestInput } from '../../src/digest';
import { canonicalNumber, leadSentence, nextWord, readText, WORD_RE } from '../../src/digest/features';
import { conceptOf } from '../../src/digest/lexicon';
import { cleanSentence, labelFromTerms } from '../../src/digest/describe';
import { averageLinkClusters } from '../../src/digest/cluster';

const DAY = '2026-03-10';
const T0 = Date.parse('2026-03-10T08:00:00Z');

let n = 0;
function item(site: DigestInput['site'], author: string, text: string, extra: Partial<DigestInput> = {}): DigestInput {
  n++;
  const id = `i${String(n).padStart(2, '0')}`;
  return { site, id, key: `${site}:${id}`, text, authorName: null, authorHandle: author, savedAt: T0 + n * 60_000, ...extra };
}

// Two stories told in both languages, one English-only story, and two one-offs.
const FERRY = [
  item('x', '@waddennieuws', 'Veerdienst Terschelling ligt stil: de Friesland is bij Harlingen aan de grond gelopen. Ruim 300 passagiers zitten vast, de rederij Doeksen zet bussen en een snelboot in.', { lang: 'nl' }),
  item('bluesky', '@islandtravel', 'The Terschelling ferry Friesland ran aground near Harlingen this morning. About 300 passengers are stuck on board; Doeksen is sending a fast boat.', { lang: 'en' }),
  item('mastodon', '@eilander', 'Weer geen boot naar Terschelling. Doeksen zegt dat de Friesland pas morgen wordt vlotgetrokken. Ik werk in Harlingen en slaap vannacht bij mijn zus.', { lang: 'nl' }),
  item('x', '@harlingen_nu', 'De veerboot Friesland van Doeksen is bij Harlingen aan de grond gelopen. Ruim 300 passagiers zitten vast; de rederij zet een snelboot en bussen in.', { lang: 'nl' }),
];
const CHIPS = [
  item('x', '@chipwatch', 'Veldhoven chipmaker Lithora reports record orders of €9.4 billion, mostly for its new EUV machines. Shares up 6% before the bell.', { lang: 'en' }),
  item('linkedin', 'Femke Dijkstra', 'Recordorders voor Lithora: €9,4 miljard, vooral voor de nieuwe EUV-machines. Het aandeel stijgt 6%. Goed nieuws voor de hele regio Eindhoven.', { lang: 'nl' }),
  item('hackernews', 'euv_fan', 'Lithora booking €9.4B in a quarter says a lot about how far ahead its EUV tools are. The interesting part is the 40% share coming from memory makers.', { lang: 'en' }),
];
const GARDEN = [
  item('x', '@gardenpete', 'The first snowdrops are out in the front garden. Spring is coming whether the forecast agrees or not.', { lang: 'en' }),
  item('x', '@breipatroon', 'Mijn eerste sok is af! De tweede wordt vast sneller, zeggen ze.', { lang: 'nl' }),
];
const ALL = [...FERRY, ...CHIPS, ...GARDEN];

const themeOf = (digest: ReturnType<typeof buildDigest>, key: string): string | undefined =>
  digest.themes.find((t) => t.items.includes(key))?.id;

describe('buildDigest grouping', () => {
  const digest = buildDigest(ALL, { day: DAY, lang: 'en', timeZone: 'Europe/Amsterdam' });

  test('every item of the day is in exactly one theme', () => {
    const keys = digest.themes.flatMap((t) => t.items);
    expect([...keys].sort()).toEqual(ALL.map((i) => i.key).sort());
    expect(new Set(keys).size).toBe(keys.length);
    expect(digest.total).toBe(ALL.length);
  });

  test('English and Dutch posts about the same story share a theme', () => {
    const ferry = FERRY.map((i) => themeOf(digest, i.key));
    expect(new Set(ferry).size).toBe(1);
    const chips = CHIPS.map((i) => themeOf(digest, i.key));
    expect(new Set(chips).size).toBe(1);
    expect(ferry[0]).not.toBe(chips[0]);
  });

  test('one-offs go to the Other group, which comes last', () => {
    const other = digest.themes[digest.themes.length - 1]!;
    expect(other.other).toBe(true);
    expect(other.label).toBe('Other');
    expect(other.sentences).toEqual([]);
    expect([...other.items].sort()).toEqual(GARDEN.map((i) => i.key).sort());
  });

  test('themes are ordered largest first and labelled by what they share', () => {
    expect(digest.themes[0]!.items).toHaveLength(FERRY.length);
    expect(digest.themes[0]!.label).toMatch(/Terschelling|Friesland|Harlingen|Doeksen/);
    expect(digest.themes[1]!.label).toMatch(/Lithora|EUV/);
  });

  test('near-duplicates are merged into one entry with both sources', () => {
    const ferry = digest.themes[0]!;
    const merged = ferry.entries.find((e) => e.keys.length > 1);
    expect(merged?.keys.sort()).toEqual([FERRY[0]!.key, FERRY[3]!.key].sort());
    expect(merged?.sources.map((s) => s.author).sort()).toEqual(['@harlingen_nu', '@waddennieuws']);
    expect(ferry.entries).toHaveLength(3);
    // A same-story post in the other language is not a duplicate.
    expect(ferry.entries.some((e) => e.keys.includes(FERRY[1]!.key) && e.keys.length > 1)).toBe(false);
  });

  test('key sentences are 1–3 sentences taken from the theme without repeating themselves', () => {
    for (const theme of digest.themes.filter((t) => !t.other)) {
      expect(theme.sentences.length).toBeGreaterThanOrEqual(1);
      expect(theme.sentences.length).toBeLessThanOrEqual(3);
      const texts = theme.items.map((k) => ALL.find((i) => i.key === k)!.text);
      for (const s of theme.sentences) expect(texts.some((t) => t.includes(s.slice(0, 30)))).toBe(true);
    }
    const ferry = digest.themes[0]!.sentences;
    expect(new Set(ferry).size).toBe(ferry.length);
  });

  test('counts per site and author, reading time and let-go count', () => {
    const withLetGo = buildDigest(ALL, { day: DAY, lang: 'nl', timeZone: 'Europe/Amsterdam', letGo: 4 });
    expect(withLetGo.bySite[0]).toEqual({ site: 'x', count: 5 });
    expect(withLetGo.bySite.reduce((s, c) => s + c.count, 0)).toBe(ALL.length);
    expect(withLetGo.byAuthor).toContainEqual({ author: 'Femke Dijkstra', site: 'linkedin', count: 1 });
    expect(withLetGo.words).toBeGreaterThan(150);
    expect(withLetGo.readingMinutes).toBe(Math.round(withLetGo.words / 220));
    expect(withLetGo.letGo).toBe(4);
    expect(withLetGo.themes[withLetGo.themes.length - 1]!.label).toBe('Overig');
  });
});

describe('buildDigest period and determinism', () => {
  test('only items saved in the local day are used', () => {
    const late = item('x', '@night', 'Saved just after midnight in Amsterdam, so it belongs to the next day.', { savedAt: Date.parse('2026-03-10T23:30:00Z') });
    const early = item('x', '@early', 'Saved at a quarter to one in Amsterdam on the tenth.', { savedAt: Date.parse('2026-03-09T23:45:00Z') });
    const digest = buildDigest([...ALL, late, early], { day: DAY, lang: 'en', timeZone: 'Europe/Amsterdam' });
    const keys = digest.themes.flatMap((t) => t.items);
    expect(keys).toContain(early.key);
    expect(keys).not.toContain(late.key);
    expect(digest.period).toEqual({ start: Date.parse('2026-03-09T23:00:00Z'), end: Date.parse('2026-03-10T23:00:00Z') });
  });

  test('a custom period overrides the day', () => {
    const digest = buildDigest(ALL, { day: DAY, lang: 'en', period: { start: CHIPS[0]!.savedAt, end: CHIPS[2]!.savedAt + 1 } });
    expect(digest.total).toBe(3);
  });

  test('same items in any order give identical JSON', () => {
    const a = buildDigest(ALL, { day: DAY, lang: 'en', timeZone: 'Europe/Amsterdam' });
    const shuffled = [...ALL].reverse();
    shuffled.push(shuffled.shift()!);
    const b = buildDigest(shuffled, { day: DAY, lang: 'en', timeZone: 'Europe/Amsterdam' });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  test('an empty day is an empty digest', () => {
    const digest = buildDigest([], { day: DAY, lang: 'en', timeZone: 'UTC', letGo: 2 });
    expect(digest.themes).toEqual([]);
    expect(digest.total).toBe(0);
    expect(digest.readingMinutes).toBe(0);
    expect(digest.letGo).toBe(2);
  });

  test('stored summaries are used as the candidate key sentences', () => {
    const a = item('x', '@a', 'Long post about the Maaskant dam. It has many sentences. Maaskant dam repairs start Monday.', { summary: ['Maaskant dam repairs start Monday.'] });
    const b = item('x', '@b', 'Maaskant dam repairs: the province starts Monday and the road stays closed for six weeks.');
    const digest = buildDigest([a, b], { day: DAY, lang: 'en', timeZone: 'UTC' });
    const theme = digest.themes.find((t) => !t.other)!;
    expect(theme.items).toHaveLength(2);
    expect(theme.sentences).not.toContain('It has many sentences.');
  });

  test('beside a stored summary, the lead sentence is a candidate too', () => {
    const a = item('x', '@a', 'Comet C/2026 K2 is visible to the naked eye tonight! Some people saw it already. Bring binoculars.', {
      summary: ['Some people saw it already.', 'Bring binoculars.'],
    });
    const b = item('x', '@b', 'Komeet C/2026 K2 is vanavond met het blote oog te zien, laag in het noordwesten.', { summary: ['Komeet C/2026 K2 is vanavond met het blote oog te zien, laag in het noordwesten.'] });
    const digest = buildDigest([a, b], { day: DAY, lang: 'en', timeZone: 'UTC' });
    const theme = digest.themes.find((t) => !t.other)!;
    expect(theme.items).toHaveLength(2);
    expect(theme.sentences[0]).toBe('Comet C/2026 K2 is visible to the naked eye tonight!');
  });

  test('the lead sentence is cut without a segmenter, not at abbreviations', () => {
    expect(leadSentence('Dr. Jansen says the dyke holds. Water is still rising.')).toBe('Dr. Jansen says the dyke holds.');
    expect(leadSentence('The U.S. Army left Sunday. More soon.')).toBe('The U.S. Army left Sunday.');
    expect(leadSentence('  Storm warning for Zeeland\nCode orange from 14:00. Stay inside.')).toBe('Storm warning for Zeeland');
    expect(leadSentence('Wat een helft! "Morgen meer," zegt de trainer.')).toBe('Wat een helft!');
    expect(leadSentence('no end in sight')).toBe('no end in sight');
  });
});

describe('digest text features', () => {
  test('numbers get one spelling across languages', () => {
    expect(canonicalNumber('32.000', 'nl')).toBe('32000');
    expect(canonicalNumber('32,000', 'en')).toBe('32000');
    expect(canonicalNumber('1,2', 'nl')).toBe('1.2');
    expect(canonicalNumber('1.2', 'en')).toBe('1.2');
    expect(canonicalNumber('103,8', 'nl')).toBe('103.8');
    const nl = readText('Het aandeel stijgt 2–0 en €1.480 per maand', 'nl').fixed;
    const en = readText('Score 2-0, and €1,480 a month', 'en').fixed;
    expect(nl.has('n:2-0') && en.has('n:2-0')).toBe(true);
    expect(nl.has('n:1480') && en.has('n:1480')).toBe(true);
  });

  test('hashtags, codes, links and mentions become features', () => {
    const raw = readText('Lumen-3 is out #OpenWeights via @lumenlabs https://lumen.example/blog', 'en');
    expect(raw.fixed.has('h:openweights')).toBe(true);
    expect(raw.fixed.has('x:lumen-3')).toBe(true);
    expect(raw.fixed.has('d:lumen.example')).toBe(true);
    expect(raw.fixed.has('m:lumenlabs')).toBe(true);
    expect(raw.tokens.map((t) => t.lower)).toEqual(expect.arrayContaining(['open', 'weights']));
  });

  test('words are read exactly as the word pattern matches them', () => {
    const text =
      "Don't panic: auto’s en l'été, 'quoted' it''s x'1 naïve é́e 𝐀𝐁c1 😀word ١٢٣ 日本語 ǅemal Ⅻ 𝟙𝟚 a’ b'c'd \ud800x \udc00 end";
    const bounds = new Int32Array(2);
    const read: string[] = [];
    for (let from = 0; nextWord(text, from, bounds); from = bounds[1]!) read.push(`${bounds[0]}:${text.slice(bounds[0], bounds[1])}`);
    expect(read).toEqual([...text.matchAll(WORD_RE)].map((m) => `${m.index}:${m[0]}`));
    expect(read).toContain("0:Don't");
  });

  test('the lexicon maps English and Dutch words to one concept', () => {
    expect(conceptOf('storing', 'nl')).toBe(conceptOf('outage', 'en'));
    expect(conceptOf('vluchten', 'nl')).toBe(conceptOf('flights', 'en'));
    expect(conceptOf('ziekenhuizen', 'nl')).toBe(conceptOf('hospital', 'en'));
    expect(conceptOf('ziekenhuizen', 'nl')).toBeDefined();
    expect(conceptOf('storing', 'nl')).not.toBe(conceptOf('hospital', 'en'));
    // English words are not read as Dutch: "storing" in an English post is storage.
    expect(conceptOf('storing', 'en')).not.toBe(conceptOf('outage', 'en'));
    // Dutch posts borrow English words: "downtime" is only listed in English.
    expect(conceptOf('downtime', 'nl')).toBe(conceptOf('outage', 'en'));
  });

  test('labels and sentences read cleanly', () => {
    expect(labelFromTerms(['quickdate', 'maintainer', 'npm', 'burnout'])).toBe('Quickdate · maintainer · npm');
    expect(cleanSentence('BREAKING: EdgeWorks is down https://x.example/1 #outage #cdn')).toBe('EdgeWorks is down');
  });
});

describe('average-link clustering', () => {
  test('merges while the average similarity reaches the threshold, independent of chaining', () => {
    // 0–1 close, 1–2 fairly close, 0–2 far: after 0 and 1 merge, 2 is (0.1 + 0.6) / 2 = 0.35 away
    // on average, so single link's chaining (0.6) does not pull it in.
    const sim = Float64Array.from([0, 0.9, 0.1, 0.9, 0, 0.6, 0.1, 0.6, 0]);
    expect(averageLinkClusters(sim, 3, 0.3)).toEqual([0, 0, 0]);
    expect(averageLinkClusters(sim, 3, 0.5)).toEqual([0, 0, 2]);
    expect(averageLinkClusters(sim, 3, 0.95)).toEqual([0, 1, 2]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  detectLanguage,
  isStopword,
  keywordsOf,
  splitSentences,
  stem,
  summarize,
  tokenize,
  type Lang,
} from '../../src/summarize';

interface EvalItem {
  id: string;
  lang: 'en' | 'nl';
  text: string;
}
const evalItems: EvalItem[] = readFileSync(join(__dirname, '../eval/items.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as EvalItem);

describe('detectLanguage', () => {
  test.each<[string, Lang]>([
    ['Is it just me or is half the internet down? Getting 502s on three SaaS tools.', 'en'],
    ['WE GAAN NAAR HET WK!!! De Leeuwinnen winnen de return tegen IJsland met 2-0.', 'nl'],
    ['Fietsen naar werk', 'nl'],
    ['Biking to work', 'en'],
    ['Wat een dag', 'nl'],
    ['What a day', 'en'],
    // Mixed post: mostly Dutch with an English phrase.
    ['Eindelijk is het zover, de nieuwe versie is uit en het werkt goed. Game changer!', 'nl'],
    ['Great talk by the team, "gezellig" as the Dutch say, and the slides are online.', 'en'],
    ['Die Katze ist nicht auf dem Tisch und das ist gut.', 'other'],
    ['Le chat est sur la table et il dort.', 'other'],
    ['El gato está en la mesa y duerme.', 'other'],
    ['Привет, как дела?', 'other'],
    ['🎉🎉🎉', 'other'],
    ['https://example.com @bob', 'other'],
    ['', 'other'],
  ])('%s -> %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  test('every evaluation item is detected as its labelled language', () => {
    const wrong = evalItems.filter((it) => detectLanguage(it.text) !== it.lang).map((it) => it.id);
    expect(wrong).toEqual([]);
  });
});

describe('tokenize', () => {
  test.each<[string, string[]]>([
    ['Hello World', ['hello', 'world']],
    ['Don’t stop', ["don't", 'stop']],
    ['See https://nos.nl/artikel?id=1 and www.example.com/x now', ['see', 'and', 'now']],
    ['Thanks @anna_dev and @team@mastodon.social!', ['thanks', 'and']],
    ['Mail me at a.b@example.org today', ['mail', 'me', 'at', 'today']],
    ['#OranjeLeeuwinnen wint', ['oranjeleeuwinnen', 'wint']],
    ['Ca. 100.000 fans, 3,5% meer en $41,200', ['ca', '100.000', 'fans', '3,5', 'meer', 'en', '41,200']],
    ['Één café 🎉 naïef', ['één', 'café', 'naïef']],
  ])('%s', (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });
});

describe('stem', () => {
  test.each<[string, Lang, string]>([
    ['costs', 'en', 'cost'],
    ['running', 'en', 'run'],
    ['caresses', 'en', 'caress'],
    ['ponies', 'en', 'poni'],
    ['relational', 'en', 'relat'],
    ['hopping', 'en', 'hop'],
    ['engineers', 'en', 'engin'],
    ['fietspaden', 'nl', 'fietspad'],
    ['mogelijkheden', 'nl', 'mogelijk'],
    ['lichamelijke', 'nl', 'licham'],
    ['kinderen', 'nl', 'kinder'],
    ['werkgevers', 'nl', 'werkgever'],
    ['manen', 'nl', 'man'],
    ['maan', 'nl', 'man'],
    ['gemeenten', 'nl', 'gemeent'],
    ['gemeente', 'nl', 'gemeent'],
    ['bézoek', 'nl', 'bezoek'],
    ['Straße', 'other', 'Straße'],
  ])('%s (%s) -> %s', (word, lang, expected) => {
    expect(stem(word, lang)).toBe(expected);
  });

  test('inflections of one word share a stem', () => {
    expect(stem('heatwaves', 'en')).toBe(stem('heatwave', 'en'));
    expect(stem('dijken', 'nl')).toBe(stem('dijk', 'nl'));
    expect(stem('huren', 'nl')).toBe(stem('huur', 'nl'));
  });
});

describe('isStopword', () => {
  test.each<[string, Lang, boolean]>([
    ['the', 'en', true],
    ['The', 'en', true],
    ['het', 'nl', true],
    ['het', 'en', false],
    ['the', 'nl', false],
    ['dijk', 'nl', false],
    ['bill', 'en', false],
    ['het', 'other', true],
  ])('%s (%s) -> %s', (word, lang, expected) => {
    expect(isStopword(word, lang)).toBe(expected);
  });
});

describe('keywordsOf', () => {
  const text =
    'Our AWS bill dropped from $41,200 to $16,900. AWS costs are down and costs per team are visible now. ' +
    'Thanks @dana! Details: https://example.com/costs-report #FinOps #AWS';

  test('gives stems for grouping and readable surfaces, best first', () => {
    const keywords = keywordsOf(text, 'en');
    expect(keywords[0]).toEqual(expect.objectContaining({ stem: 'aws', surface: 'AWS' }));
    expect(keywords.map((k) => k.surface)).toEqual(expect.arrayContaining(['costs', 'FinOps']));
    expect(keywords.find((k) => k.surface === 'costs')?.stem).toBe('cost');
  });

  test('never returns stopwords, numbers, handles or URL pieces', () => {
    const surfaces = keywordsOf(text, 'en', 20).map((k) => k.surface.toLowerCase());
    for (const bad of ['our', 'the', 'are', '41,200', 'dana', 'example', 'com', 'report', 'https']) {
      expect(surfaces).not.toContain(bad);
    }
  });

  test('respects max and orders by descending weight', () => {
    const keywords = keywordsOf(text, 'en', 3);
    expect(keywords).toHaveLength(3);
    expect(keywords[0]!.weight).toBeGreaterThanOrEqual(keywords[1]!.weight);
  });

  test('groups Dutch inflections under one stem', () => {
    const keywords = keywordsOf('De dijken worden versterkt. Elke dijk krijgt een berm. #dijk', 'nl');
    expect(keywords[0]).toEqual(expect.objectContaining({ stem: 'dijk' }));
    expect(keywords.filter((k) => k.stem === 'dijk')).toHaveLength(1);
  });
});

describe('summarize', () => {
  const budget = 40;
  const words = (s: string): number => s.split(/\s+/).filter(Boolean).length;

  test.each(evalItems.map((it) => [it.id, it] as const))('%s: verbatim sentences in order, within budget', (_id, it) => {
    const result = summarize(it.text, { maxWords: budget, maxSentences: 3 });
    expect(result.lang).toBe(it.lang);
    expect(result.sentences.length).toBeGreaterThan(0);
    expect(result.sentences.length).toBeLessThanOrEqual(3);
    const all = splitSentences(it.text, it.lang);
    const positions = result.sentences.map((s) => all.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(words(result.sentences.join(' '))).toBeLessThanOrEqual(budget);
    expect(result.keywords.length).toBeGreaterThanOrEqual(3);
    expect(result.keywords.length).toBeLessThanOrEqual(8);
  });

  test('is deterministic', () => {
    const it = evalItems[0]!;
    expect(summarize(it.text)).toEqual(summarize(it.text));
  });

  test('does not pick a thread hook, a counter or a call to action over the content', () => {
    const text = [
      'Here is what we learned about cutting our cloud bill 🧵 1/4',
      '2/4 Tagging every resource showed that idle staging environments caused most of the cloud bill.',
      '3/4 Deleting idle staging environments cut the cloud bill by a third within one month.',
      '4/4 Thoughts? Follow me for more!',
    ].join('\n\n');
    const { sentences } = summarize(text, { maxSentences: 1 });
    expect(sentences).toHaveLength(1);
    expect(sentences[0]).toMatch(/staging environments/);
    expect(sentences[0]).not.toMatch(/1\/4|2\/4|🧵/);
  });

  test.each<[string, string, RegExp]>([
    ['en', 'Wow. The maintainer of a date library with 40 million weekly downloads archived the repo today.', /^The maintainer/],
    ['nl', 'Eindelijk! Vanaf 2028 geen nachtvluchten meer boven ons huis tussen middernacht en zes uur.', /^Vanaf 2028/],
  ])('in a short %s post without repeated words, the informative sentence wins', (lang, text, expected) => {
    const { sentences } = summarize(text, { maxSentences: 1, lang: lang as 'en' | 'nl' });
    expect(sentences).toHaveLength(1);
    expect(sentences[0]).toMatch(expected);
  });

  test('takes the author’s own TL;DR when it carries the topic', () => {
    const text =
      'We moved our backups to a second provider last year. It took a while. The restore test failed twice. ' +
      'Then the third restore test of the backups worked. TL;DR: test restoring your backups, not only making them.';
    expect(summarize(text, { maxSentences: 1, lang: 'en' }).sentences[0]).toMatch(/^TL;DR/);
  });

  test('honours an explicit language and the sentence limit', () => {
    const it = evalItems.find((i) => i.lang === 'nl')!;
    const result = summarize(it.text, { lang: 'nl', maxSentences: 1, maxWords: 200 });
    expect(result.lang).toBe('nl');
    expect(result.sentences).toHaveLength(1);
  });

  test('keeps one over-long first sentence rather than returning nothing', () => {
    const long = `${'word '.repeat(50)}end.`;
    expect(summarize(long, { maxWords: 10, lang: 'en' }).sentences).toEqual([long]);
  });

  test('empty text gives an empty summary', () => {
    expect(summarize('')).toEqual({ lang: 'other', sentences: [], keywords: [] });
  });
});

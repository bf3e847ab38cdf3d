import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../../src/summarize';
import { applyPriors, sentenceFeatures } from '../../src/summarize/rank';
import { sentenceInfos, wordBeforeFinalStop } from '../../src/summarize/segment';
import { itemTokens } from '../../src/summarize/terms';
import { wordsWithCase } from '../../src/summarize/tokenize';

// terms.ts scans words by character code for speed; it must find exactly the words of the WORD
// pattern that tokenize.ts uses (same spelling, offset and hashtag flag).
const viaPattern = (text: string) => wordsWithCase(text).map(({ word, index, hashtag }) => ({ word, index, hashtag }));
const viaScan = (text: string) => {
  const tokens = itemTokens([text], true);
  return tokens.spelling.map((s, k) => ({ word: s.word, index: tokens.at[k], hashtag: tokens.hashtag[k] }));
};

describe('itemTokens agrees with the WORD pattern', () => {
  test.each([
    ["Don't stop: rock'n'roll, auto's en zo’n dag."],
    ['Het kost 100.000 euro, of 3,5 miljoen; 41,200 people. 1.2.3 v2.0 .5 5. ,'],
    ['#OranjeLeeuwinnen #WK2027 @devopsdana@mastodon.social nos.nl/artikel?x=1 https://x.com/a?b'],
    ['Café naïve coöperatie — één ü‐test; Ĳssel ǅ'],
    ['e\u0301 combining marks: cafe\u0301 and \u0301alone'],
    ['Wat een helft 🎉 Morgen 🧵 1/7 👇 ✅ done ➡️ next'],
    ['Math 𝐀𝐁𝐂 and 𠜎𠜱 astral letters, 𝟏𝟐 astral digits, lone \ud800 and \udc00 surrogates'],
    ['Привет, как дела? 東京 ٣٤ ١٢٣ Ωmega'],
    ["'quoted' ’curly’ it's' ’s x’y 9'a a'9 a.b 1.a 1,"],
    [''],
    ['   '],
  ])('%s', (text) => {
    expect(viaScan(text)).toEqual(viaPattern(text));
  });

  test('every sentence of the evaluation items', () => {
    const items = readFileSync(join(__dirname, '../eval/items.jsonl'), 'utf8').trim().split('\n');
    for (const line of items) {
      for (const sentence of splitSentences((JSON.parse(line) as { text: string }).text)) {
        expect(viaScan(sentence)).toEqual(viaPattern(sentence));
      }
    }
  });
});

// segment.ts finds the word before a sentence's final full stop by a backward scan; it must agree
// with the pattern it replaces, on the last 24 characters.
describe('wordBeforeFinalStop agrees with its pattern', () => {
  const PATTERN = /(?:^|[\s(“"'‘])([\p{L}.]+)\.\s*$/u;
  const viaPattern = (s: string) => PATTERN.exec(s.length > 24 ? s.slice(-24) : s)?.[1];
  const cases = [
    'Prof. dr. ir.', 'Zie Dr. ', 'bijv. ', 'o.a.', 'd.w.z. ', 'In de St. ', '“Jan. ', '(vs. ', 'Kost 5.', 'no dot',
    'Een hele lange zin die eindigt op een afkorting zoals bijv.', 'e.g.  ', 'Ωmega. ', 'x𝐀𝐁. ', '.', ' .', 'a..',
    'J.', 'word,abbr.', 'word-abbr.', "l'abbr.", '\u00a0ca.\u00a0', 'Straße.', '𝐀.', '',
  ];
  test.each(cases.map((c) => [c]))('%j', (s) => {
    expect(wordBeforeFinalStop(s)).toEqual(viaPattern(s));
  });
  test('random strings over the characters that matter', () => {
    const alphabet = ['a', 'B', 'é', '𝐀', '.', ' ', '\u00a0', '(', '“', '"', "'", '‘', '5', ',', '-', '\n'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let n = 0; n < 3000; n++) {
      let s = '';
      for (let len = next() % 30; len > 0; len--) s += alphabet[next() % alphabet.length];
      expect([s, wordBeforeFinalStop(s)]).toEqual([s, viaPattern(s)]);
    }
  });
});

// rank.ts only tries the call-to-action and link-teaser patterns on sentences that can match them;
// the priors must be the same as when every sentence is tried.
describe('the cue pre-check skips only sentences the cue patterns cannot match', () => {
  const priors = (text: string, forceCues: boolean) => {
    const infos = sentenceInfos(text);
    const tokens = itemTokens(
      infos.map((s) => s.text),
      true,
    );
    const item = sentenceFeatures(infos, tokens, 'en');
    if (forceCues) for (const f of item.sentences) f.mayHaveCue = true;
    applyPriors(item, infos);
    return item.sentences.map((f) => f.prior);
  };
  const phrases = [
    'thoughts?', 'what do you think', 'curious what', 'curious how', 'follow me', 'follow for', 'like and share',
    'link in bio', 'link in comments', 'happy to answer', 'ask me anything', 'wat vinden jullie', 'wat denken jullie',
    'ben benieuwd', 'volg me', 'volg voor', 'reacties welkom', 'more info', 'read more', 'full story', 'meer info',
    'lees meer', 'lees verder', 'link in', 'https://x.com', 'www.example', 'HTTP://EXAMPLE.COM',
  ];
  const contexts = [
    (p: string) => `We shipped it today and it works. ${p} now.`,
    (p: string) => `${p.toUpperCase()} please, this matters a lot.`,
    (p: string) => `See https://example.com/${p.replace(/ /g, '-')}?q=1 for the rest of it.`,
    (p: string) => `Ping @${p.replace(/\W/g, '')} about the release notes.`,
    (p: string) => `l'${p} and é${p} glued to other letters.`,
    (p: string) => `Kelvin ${p.replace(/k/g, '\u212a').toUpperCase()} sign.`,
  ];
  test.each(phrases.map((p) => [p]))('%s', (phrase) => {
    for (const context of contexts) {
      const text = `A first sentence about the topic here. ${context(phrase)} A last one.`;
      expect(priors(text, false)).toEqual(priors(text, true));
    }
  });
  test('every evaluation item', () => {
    const items = readFileSync(join(__dirname, '../eval/items.jsonl'), 'utf8').trim().split('\n');
    for (const line of items) {
      const { text } = JSON.parse(line) as { text: string };
      expect(priors(text, false)).toEqual(priors(text, true));
    }
  });
});

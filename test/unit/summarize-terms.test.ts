import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../../src/summarize';
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

import { splitSentences } from '../../src/summarize';
import { SEGMENTATION_CASES } from './summarize-cases';

describe('splitSentences', () => {
  test.each(SEGMENTATION_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(splitSentences(c.text, c.lang)).toEqual(c.expectedSentences);
  });

  test('sentences are substrings of the input, in order', () => {
    for (const c of SEGMENTATION_CASES) {
      let from = 0;
      for (const sentence of splitSentences(c.text, c.lang)) {
        const at = c.text.replace(/\s*\n\s*/g, ' ').indexOf(sentence, from);
        expect(at).toBeGreaterThanOrEqual(0);
        from = at + 1;
      }
    }
  });

  test('a lone counter or emoji is not a sentence', () => {
    expect(splitSentences('🧵\n\n1/7\n\nReal text here.', 'en')).toEqual(['Real text here.']);
  });

  test('empty and whitespace-only text give no sentences', () => {
    expect(splitSentences('', 'en')).toEqual([]);
    expect(splitSentences(' \n\n ', 'nl')).toEqual([]);
  });

  test('a long day of paragraphs is split per paragraph', () => {
    const paragraph = 'Dr. Jansen zei het al. De dijk wordt versterkt.';
    const text = Array.from({ length: 400 }, () => paragraph).join('\n\n');
    const sentences = splitSentences(text, 'nl');
    expect(sentences).toHaveLength(800);
    expect(sentences[0]).toBe('Dr. Jansen zei het al.');
  });
});

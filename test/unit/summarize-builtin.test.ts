import { builtinGist, type SummarizerApi, type SummarizerAvailability, type SummarizerCreateOptions } from '../../src/summarize/builtin';

/** A fake of Chrome's Summarizer global that records how it was called. */
function fakeSummarizer(availability: SummarizerAvailability, output: string | Error = 'A short gist.') {
  const calls = { availability: [] as SummarizerCreateOptions[], create: 0, destroyed: 0, inputs: [] as string[] };
  const api: SummarizerApi = {
    async availability(options) {
      calls.availability.push(options ?? {});
      return availability;
    },
    async create() {
      calls.create++;
      return {
        async summarize(input) {
          calls.inputs.push(input);
          if (output instanceof Error) throw output;
          return output;
        },
        destroy() {
          calls.destroyed++;
        },
      };
    },
  };
  return { api, calls };
}

describe('builtinGist', () => {
  test('returns the gist when the model is available for the language', async () => {
    const { api, calls } = fakeSummarizer('available');
    await expect(builtinGist('Some long text about dikes.', 'en', api)).resolves.toBe('A short gist.');
    expect(calls.availability[0]).toMatchObject({ expectedInputLanguages: ['en'], outputLanguage: 'en' });
    expect(calls.inputs).toEqual(['Some long text about dikes.']);
    expect(calls.destroyed).toBe(1);
  });

  test.each<SummarizerAvailability>(['unavailable', 'downloadable', 'downloading'])(
    'returns null and creates nothing when availability is %s',
    async (state) => {
      const { api, calls } = fakeSummarizer(state);
      await expect(builtinGist('Tekst over dijken.', 'nl', api)).resolves.toBeNull();
      expect(calls.create).toBe(0);
    },
  );

  test('returns null without the API, for other languages and for empty text', async () => {
    await expect(builtinGist('Text.', 'en', undefined)).resolves.toBeNull();
    const { api, calls } = fakeSummarizer('available');
    await expect(builtinGist('Texte.', 'other', api)).resolves.toBeNull();
    await expect(builtinGist('   ', 'en', api)).resolves.toBeNull();
    expect(calls.availability).toHaveLength(0);
  });

  test('keeps the first line of a multi-line answer, without its bullet', async () => {
    const { api } = fakeSummarizer('available', '\n* First point here.\n* Second point.');
    await expect(builtinGist('Text.', 'en', api)).resolves.toBe('First point here.');
  });

  test('cuts a very long answer to one popup line', async () => {
    const { api } = fakeSummarizer('available', 'word '.repeat(100));
    const gist = await builtinGist('Text.', 'en', api);
    expect(gist).not.toBeNull();
    expect(gist!.length).toBeLessThanOrEqual(200);
    expect(gist!.endsWith('…')).toBe(true);
  });

  test('a failing model gives null and is still destroyed', async () => {
    const { api, calls } = fakeSummarizer('available', new Error('model crashed'));
    await expect(builtinGist('Text.', 'en', api)).resolves.toBeNull();
    expect(calls.destroyed).toBe(1);
  });
});

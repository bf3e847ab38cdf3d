import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// The evaluation harness is an ES module script run by `npm run eval`; run its exported scorer in
// a child Node so the test checks exactly the code that produces the published numbers.
const ROOT = join(__dirname, '../..');
function score(pairs: Array<[string, string]>): Array<{ r1: number; r2: number; rl: number }> {
  const program =
    "const { rouge } = await import('./test/eval/summaries.mjs');" +
    'const pairs = JSON.parse(process.argv[1]);' +
    'console.log(JSON.stringify(pairs.map(([c, r]) => rouge(c, r))));';
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', program, JSON.stringify(pairs)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(out) as Array<{ r1: number; r2: number; rl: number }>;
}

describe('ROUGE scorer of test/eval/summaries.mjs', () => {
  const [reference, identical, unicode, empty] = score([
    ['The quick brown dog jumps on the log.', 'The quick brown fox jumps over the lazy dog'],
    ['De dijk wordt versterkt.', 'De dijk wordt versterkt.'],
    ['Één café in Zürich', 'één CAFÉ in zürich'],
    ['🎉', 'Some reference'],
  ]);

  test('matches the reference vectors from issue 4', () => {
    expect(reference!.r1).toBeCloseTo(0.70588, 5);
    expect(reference!.r2).toBeCloseTo(0.26667, 5);
    expect(reference!.rl).toBeCloseTo(0.58824, 5);
  });

  test('identical text scores 1', () => {
    expect(identical).toEqual({ r1: 1, r2: 1, rl: 1 });
  });

  test('tokenizes accented letters as words, case-insensitively', () => {
    expect(unicode).toEqual({ r1: 1, r2: 1, rl: 1 });
  });

  test('a candidate without words scores 0 instead of throwing', () => {
    expect(empty).toEqual({ r1: 0, r2: 0, rl: 0 });
  });
});

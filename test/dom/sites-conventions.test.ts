/**
 * Conventions of src/sites that keep extraction cheap under jsdom (the DOM tier's budget, issue 3;
 * measured by test/bench/extract.mjs). Each rule names the call it forbids and the reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const sitesDir = join(__dirname, '..', '..', 'src', 'sites');
const sources = readdirSync(sitesDir)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ name, text: readFileSync(join(sitesDir, name), 'utf8') }));

const RULES = [
  { pattern: /\.tagName\b/, why: 'use localName: jsdom upper-cases tagName on the first read of every element' },
  { pattern: /\.getAttribute\(/, why: 'use getAttributeNS(null, name): jsdom lower-cases and hashes the name on every getAttribute' },
  { pattern: /\.hasAttribute\(/, why: 'use hasAttributeNS(null, name), for the same reason as getAttribute' },
  { pattern: /\.getElementsBy(TagName|ClassName)\(/, why: 'walk with findElement(): jsdom builds an HTMLCollection proxy and a subtree snapshot per call' },
  { pattern: /\.classList\b/, why: 'use hasClass() from text.ts: classList builds a token list per element' },
];

test.each(RULES.map((rule) => [rule.pattern.source, rule] as const))('no %s in src/sites', (_name, rule) => {
  const offenders = sources.filter((file) => rule.pattern.test(file.text)).map((file) => `${file.name}: ${rule.why}`);
  expect(offenders).toEqual([]);
});

test('the rules see the adapters (a wrong folder would pass every rule)', () => {
  expect(sources.map((file) => file.name)).toEqual(expect.arrayContaining(['x.ts', 'text.ts', 'index.ts']));
});

/**
 * The summariser in real Chromium. Node and Chromium ship different ICU data and segment words
 * differently, so passing in Node proves nothing about the browser: the same segmentation table
 * runs here, and every evaluation item must get the same language, summary and keywords in both.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { detectLanguage, splitSentences, summarize } from '../../src/summarize';
import { SEGMENTATION_CASES } from '../unit/summarize-cases';
import { CHROMIUM_PATH, ROOT } from './chromium';

interface EvalItem {
  id: string;
  text: string;
}
const ITEMS = readFileSync(join(ROOT, 'test', 'eval', 'items.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as EvalItem);

let browser: Browser;
let page: Page;
beforeAll(async () => {
  const bundle = await build({
    entryPoints: [join(ROOT, 'src', 'summarize', 'index.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'StroomSummarize',
    write: false,
    logLevel: 'error',
  });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--disable-gpu'] });
  page = await browser.newPage();
  await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
});
afterAll(async () => {
  await browser?.close();
});

test.each(SEGMENTATION_CASES.map((entry) => [entry.name, entry] as const))('segmentation in Chromium: %s', async (_name, entry) => {
  const sentences = await page.evaluate(
    ({ text, lang }) => (globalThis as unknown as { StroomSummarize: { splitSentences(text: string, lang: string): string[] } }).StroomSummarize.splitSentences(text, lang),
    { text: entry.text, lang: entry.lang },
  );
  expect(sentences).toEqual(entry.expectedSentences);
  expect(splitSentences(entry.text, entry.lang)).toEqual(entry.expectedSentences);
});

test('every evaluation item gets the same language, summary and keywords in Chromium as in Node', async () => {
  const inBrowser = await page.evaluate((texts) => {
    const api = (globalThis as unknown as { StroomSummarize: { summarize(text: string): unknown; detectLanguage(text: string): string } }).StroomSummarize;
    return texts.map((text) => ({ lang: api.detectLanguage(text), summary: api.summarize(text) }));
  }, ITEMS.map((item) => item.text));
  const inNode = ITEMS.map((item) => ({ lang: detectLanguage(item.text), summary: summarize(item.text) }));
  expect(inBrowser).toEqual(inNode);
});

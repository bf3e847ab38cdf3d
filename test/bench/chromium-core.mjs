#!/usr/bin/env node
/**
 * The DOM-free core measured where it runs for users: real (headless) Chromium.
 *
 *   - summariser: ms per 1,000 words (median over the evaluation items; budget ≤ 3 ms) and a
 *     20,000-word day summarised item by item (budget ≤ 100 ms);
 *   - digest: 500 items / 20,000 words built in ≤ 150 ms, cold (first call in a fresh page, as a
 *     freshly woken service worker sees it) and warm (median of later calls).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { findChromium } from '../tools/lib/browsers.mjs';
import { benchItems } from './digest.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = async (entry, globalName) =>
  (await esbuild.build({ entryPoints: [join(root, entry)], bundle: true, format: 'iife', globalName, write: false, logLevel: 'error' })).outputFiles[0].text;

const items = readFileSync(join(root, 'test', 'eval', 'items.jsonl'), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
const dayItems = benchItems(500, 20_000);

const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--disable-gpu'] });
const page = await browser.newPage();
await page.addScriptTag({ content: await bundle('src/summarize/index.ts', 'StroomSummarize') });
await page.addScriptTag({ content: await bundle('src/digest/index.ts', 'StroomDigest') });

const summary = await page.evaluate((texts) => {
  const { summarize } = globalThis.StroomSummarize;
  const words = (text) => text.split(/\s+/).filter(Boolean).length;
  for (const text of texts) summarize(text); // warm up
  const perThousand = texts.map((text) => {
    const rounds = 20;
    const start = performance.now();
    for (let i = 0; i < rounds; i++) summarize(text);
    return ((performance.now() - start) / rounds / words(text)) * 1000;
  });
  perThousand.sort((a, b) => a - b);
  // A 20,000-word day: the evaluation items repeated until the words add up.
  const day = [];
  let total = 0;
  for (let i = 0; total < 20_000; i++) {
    const text = texts[i % texts.length];
    day.push(text);
    total += words(text);
  }
  const start = performance.now();
  for (const text of day) summarize(text);
  return { median: perThousand[Math.floor(perThousand.length / 2)], dayMs: performance.now() - start, dayWords: total, dayItems: day.length };
}, items.map((item) => item.text));

const digest = await page.evaluate((input) => {
  const { buildDigest } = globalThis.StroomDigest;
  const day = new Date(input[0].savedAt).toISOString().slice(0, 10);
  const options = { day, lang: 'en', timeZone: 'UTC', period: { start: 0, end: Number.MAX_SAFE_INTEGER } };
  let start = performance.now();
  const first = buildDigest(input, options);
  const cold = performance.now() - start;
  const warm = [];
  for (let i = 0; i < 7; i++) {
    start = performance.now();
    buildDigest(input, options);
    warm.push(performance.now() - start);
  }
  warm.sort((a, b) => a - b);
  return { cold, warm: warm[3], themes: first.themes.length, total: first.total };
}, dayItems);
await browser.close();

console.log('Summariser in Chromium:');
console.log(`  ${summary.median.toFixed(2)} ms per 1,000 words (median over ${items.length} evaluation items; budget ≤ 3 ms)`);
console.log(`  a ${summary.dayWords.toLocaleString('en')}-word day (${summary.dayItems} items, one at a time): ${summary.dayMs.toFixed(1)} ms (budget ≤ 100 ms)`);
console.log('Digest in Chromium:');
console.log(`  ${digest.total} items, 20,000 words → ${digest.themes} themes: cold ${digest.cold.toFixed(1)} ms, warm median ${digest.warm.toFixed(1)} ms (budget ≤ 150 ms)`);

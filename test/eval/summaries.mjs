// Scores Stroom's extractive summariser on test/eval/items.jsonl against baselines and the npm
// summarisers people would otherwise pick, all at the same word budget and scored the same way.
//
//   node test/eval/summaries.mjs        (also run by `npm run eval`)
//
// Every system returns sentences; the harness keeps them within BUDGET words (whitespace tokens,
// as the eval README counts) and cuts the joined text at BUDGET words, so no system gains by
// writing more. ROUGE-1/2/L F1 come from js-rouge with a Unicode-aware tokenizer (its default
// tokenizer drops "é", "ë" and splits "ij"-words badly), averaged over the two references.
// Writes test/eval/results/summaries.md and summaries.json.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { l as rougeL, n as rougeN } from 'js-rouge';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
export const BUDGET = 40;
const RANDOM_SEEDS = 20;
const BOOTSTRAP_SAMPLES = 2000;

// ---------------------------------------------------------------------------------------------
// Scoring

/** Lower-cased runs of letters and digits in any script: "één", "café", "41,200" -> 41, 200. */
export const unicodeTokens = (text) => (text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? []);
/** Sentence boundaries for ROUGE-L's summary-level LCS: the same naive rule for every system. */
const roughSentences = (text) => text.split(/\n+|(?<=[.!?])\s+(?=\p{Lu})/u).filter((s) => s.trim());

export function rouge(candidate, reference) {
  // js-rouge throws on an empty candidate; a system that says nothing scores zero.
  if (unicodeTokens(candidate).length === 0) return { r1: 0, r2: 0, rl: 0 };
  const opts = { tokenizer: unicodeTokens };
  return {
    r1: rougeN(candidate, reference, { ...opts, n: 1 }),
    r2: rougeN(candidate, reference, { ...opts, n: 2 }),
    rl: rougeL(candidate, reference, { ...opts, segmenter: roughSentences }),
  };
}

const words = (s) => s.split(/\s+/).filter(Boolean);

/** Joins sentences (one per line) and cuts at the budget. */
const clip = (sentences, budget) => {
  let left = budget;
  const out = [];
  for (const s of sentences) {
    if (left <= 0) break;
    const w = words(s);
    out.push(w.slice(0, left).join(' '));
    left -= w.length;
  }
  return out.join('\n');
};

/** Takes ranked sentences best-first while they fit the budget, then restores text order. */
const fillByRank = (ranked, budget) => {
  const chosen = [];
  let used = 0;
  for (const r of ranked) {
    const n = words(r.text).length;
    if (used + n > budget && chosen.length > 0) continue;
    chosen.push(r);
    used += n;
    if (used >= budget) break;
  }
  return chosen.sort((a, b) => a.index - b.index).map((r) => r.text);
};

const scoreItem = (text, refs) => {
  const scores = refs.map((ref) => rouge(text, ref));
  const mean = (k) => scores.reduce((a, s) => a + s[k], 0) / scores.length;
  return { r1: mean('r1'), r2: mean('r2'), rl: mean('rl') };
};

// ---------------------------------------------------------------------------------------------
// Systems

async function loadStroom() {
  const outfile = join(ROOT, 'node_modules/.cache/stroom/summarize-eval.mjs');
  await build({
    entryPoints: [join(ROOT, 'src/summarize/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    logLevel: 'error',
  });
  return import(`${outfile}?t=${Date.now()}`);
}

const mulberry32 = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** Lead-k skips what a reader would skip: headings, thread hooks and counters. */
const isHeadingOrHook = (s, index) =>
  (!/[.!?…:;]["'’”)\]]*$/u.test(s) && words(s).length <= 12) ||
  (index === 0 && /🧵|👇|\b(thread|draadje)\b/iu.test(s)) ||
  /^\(?\d{1,2}\s?\/\s?\d{1,2}\)?$/u.test(s.trim());

function systems(S) {
  const peers = {};
  const status = {};
  try {
    const t = require('ts-textrank');
    peers['ts-textrank'] = (text, lang) => {
      const config = new t.AbsoluteSummarizerConfig(
        1000, new t.SorensenDiceSimilarity(), new t.DefaultTextParser(), 0.85, t.Summarizer.SORT_SCORE,
      );
      const ranked = new t.Summarizer(config, new t.NullLogger()).summarize(text, lang);
      // Positions are not returned; recover them from the text for ordering.
      return ranked.map((s) => ({ text: s, index: text.indexOf(s) }));
    };
    status['ts-textrank'] = 'ran (TextRank, Sørensen-Dice, its own splitter and stopword lists en/nl)';
  } catch (e) {
    status['ts-textrank'] = `could not run: ${e.message}`;
  }
  try {
    const sum = require('sum');
    peers.sum = (text) => sum({ corpus: text, nSentences: 1000 }).sentences.filter((s) => typeof s === "string" && s.trim()).map((s, rank) => ({ text: s.trim(), index: text.indexOf(s.trim()), rank }));
    status.sum = 'ran (TF-IDF greedy with word removal; English stopwords and Porter stemmer only; splits at every . ! ? ;)';
  } catch (e) {
    status.sum = `could not run: ${e.message}`;
  }
  try {
    const lexrank = require('lexrank');
    peers.lexrank = (text) => {
      let out = [];
      lexrank.summarize(text, 1000, (err, top) => {
        if (err) throw err;
        out = top;
      });
      return out.sort((a, b) => b.weight - a.weight).map((s) => ({ text: s.text, index: s.index }));
    };
    status.lexrank = 'ran (LexRank power iteration over Tanimoto similarity; English tokenizer)';
  } catch (e) {
    status.lexrank = `could not run: ${e.message}`;
  }
  return { peers, status };
}

// ---------------------------------------------------------------------------------------------
// Run

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

function pairedBootstrap(a, b, samples, seed) {
  const rnd = mulberry32(seed);
  const diffs = [];
  for (let s = 0; s < samples; s++) {
    let total = 0;
    for (let i = 0; i < a.length; i++) {
      const k = Math.floor(rnd() * a.length);
      total += a[k] - b[k];
    }
    diffs.push(total / a.length);
  }
  diffs.sort((x, y) => x - y);
  return {
    meanDiff: mean(a) - mean(b),
    low: diffs[Math.floor(0.025 * samples)],
    high: diffs[Math.floor(0.975 * samples)],
  };
}

export async function main() {
  const S = await loadStroom();
  const items = readFileSync(join(ROOT, 'test/eval/items.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  const { peers, status } = systems(S);

  /** system name -> item id -> {r1,r2,rl} */
  const perItem = {};
  const outputs = {};
  const record = (system, item, sentences) => {
    const text = clip(sentences, BUDGET);
    (perItem[system] ??= {})[item.id] = scoreItem(text, item.refs);
    (outputs[system] ??= {})[item.id] = text;
  };

  for (const item of items) {
    const sentences = S.splitSentences(item.text, item.lang);
    record('stroom', item, S.summarize(item.text, { maxWords: BUDGET, maxSentences: 10 }).sentences);
    record('lead-k', item, fillByRank(
      sentences.map((text, index) => ({ text, index })).filter((s) => !isHeadingOrHook(s.text, s.index)),
      BUDGET,
    ));
    // Random-k: mean over seeds of a random order filled to the budget.
    const randomScores = [];
    for (let seed = 1; seed <= RANDOM_SEEDS; seed++) {
      const rnd = mulberry32(seed * 7919);
      const shuffled = sentences.map((text, index) => ({ text, index, key: rnd() })).sort((a, b) => a.key - b.key);
      randomScores.push(scoreItem(clip(fillByRank(shuffled, BUDGET), BUDGET), item.refs));
    }
    (perItem['random-k'] ??= {})[item.id] = {
      r1: mean(randomScores.map((s) => s.r1)),
      r2: mean(randomScores.map((s) => s.r2)),
      rl: mean(randomScores.map((s) => s.rl)),
    };
    // Greedy oracle: adds the sentence that most raises R1+R2 against the references.
    const chosen = [];
    let best = 0;
    for (;;) {
      let pick = -1;
      for (let i = 0; i < sentences.length; i++) {
        if (chosen.includes(i)) continue;
        const trial = [...chosen, i].sort((a, b) => a - b);
        const text = trial.map((j) => sentences[j]);
        if (words(text.join(' ')).length > BUDGET && chosen.length > 0) continue;
        const s = scoreItem(clip(text, BUDGET), item.refs);
        if (s.r1 + s.r2 > best) {
          best = s.r1 + s.r2;
          pick = i;
        }
      }
      if (pick < 0) break;
      chosen.push(pick);
    }
    record('oracle', item, chosen.sort((a, b) => a - b).map((j) => sentences[j]));
    for (const [name, run] of Object.entries(peers)) {
      try {
        const ranked = run(item.text, item.lang);
        record(name, item, fillByRank(ranked, BUDGET));
      } catch (e) {
        status[name] = `failed on ${item.id}: ${e.message}`;
        record(name, item, []);
      }
    }
  }

  const systemNames = Object.keys(perItem);
  const langs = ['en', 'nl', 'all'];
  const inLang = (lang) => items.filter((it) => lang === 'all' || it.lang === lang);
  const table = {};
  for (const system of systemNames) {
    table[system] = {};
    for (const lang of langs) {
      const ids = inLang(lang).map((it) => it.id);
      table[system][lang] = {
        r1: mean(ids.map((id) => perItem[system][id].r1)),
        r2: mean(ids.map((id) => perItem[system][id].r2)),
        rl: mean(ids.map((id) => perItem[system][id].rl)),
      };
    }
  }
  const peerNames = Object.keys(peers);
  // The best peer is chosen per language and metric, so Stroom is compared with the hardest one.
  const bestPeer = {};
  const bootstrap = {};
  for (const lang of langs) {
    const ids = inLang(lang).map((it) => it.id);
    bootstrap[lang] = {};
    bestPeer[lang] = {};
    for (const metric of ['r1', 'r2', 'rl']) {
      const peer = peerNames.reduce((a, b) => (table[b][lang][metric] > table[a][lang][metric] ? b : a), peerNames[0]);
      bestPeer[lang][metric] = peer;
      bootstrap[lang][metric] = pairedBootstrap(
        ids.map((id) => perItem.stroom[id][metric]),
        ids.map((id) => perItem[peer][id][metric]),
        BOOTSTRAP_SAMPLES,
        17,
      );
    }
  }

  const f = (x) => x.toFixed(4);
  const lines = [
    `# Summaries: ROUGE F1 at ${BUDGET} words`,
    '',
    `Generated by \`test/eval/summaries.mjs\` on test/eval/items.jsonl (${items.length} items, mean over 2 references;`,
    `js-rouge with a Unicode tokenizer; Random-k is the mean of ${RANDOM_SEEDS} seeds).`,
    '',
    '| system | en R1 | en R2 | en RL | nl R1 | nl R2 | nl RL | all R1 | all R2 | all RL |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...systemNames.map((s) =>
      `| ${s} | ${langs.map((l) => `${f(table[s][l].r1)} | ${f(table[s][l].r2)} | ${f(table[s][l].rl)}`).join(' | ')} |`,
    ),
    '',
    `Paired bootstrap (${BOOTSTRAP_SAMPLES} resamples of items): Stroom minus the best peer for that language and metric, 95% interval:`,
    '',
    '| lang | metric | best peer | mean diff | 95% CI |',
    '|---|---|---|---|---|',
    ...langs.flatMap((l) =>
      ['r1', 'r2', 'rl'].map(
        (m) => `| ${l} | ${m.toUpperCase()} | ${bestPeer[l][m]} | ${f(bootstrap[l][m].meanDiff)} | [${f(bootstrap[l][m].low)}, ${f(bootstrap[l][m].high)}] |`,
      ),
    ),
    '',
    'Peers:',
    '',
    ...Object.entries(status).map(([name, s]) => `- \`${name}\`: ${s}`),
    '',
  ];
  const dir = join(ROOT, 'test/eval/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'summaries.md'), lines.join('\n'));
  writeFileSync(
    join(dir, 'summaries.json'),
    `${JSON.stringify({ budget: BUDGET, randomSeeds: RANDOM_SEEDS, table, bestPeer, bootstrap, peers: status, perItem, outputs }, null, 1)}\n`,
  );
  console.log(lines.join('\n'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();

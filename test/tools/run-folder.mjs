#!/usr/bin/env node
/**
 * Runs every test/<folder>/*.mjs in turn: `npm run bench` (speed and size budgets) and
 * `npm run eval` (summary and digest quality). Each script prints its own numbers. Further
 * arguments pick scripts by name: `npm run bench -- content`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [folder, ...only] = process.argv.slice(2);
const dir = join(dirname(fileURLToPath(import.meta.url)), '..', folder);
let failed = 0;
for (const file of readdirSync(dir).filter((name) => name.endsWith('.mjs')).sort()) {
  if (only.length > 0 && !only.some((name) => file.includes(name))) continue;
  console.log(`\n=== ${file} ===`);
  const { status } = spawnSync(process.execPath, [join(dir, file)], { stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } });
  if (status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);

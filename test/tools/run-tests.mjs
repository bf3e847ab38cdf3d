#!/usr/bin/env node
/**
 * `npm test`: every tier, in order, with one closing line `N passed, N failed`.
 *
 *   1. type check (tsc, strict)          — not counted as tests, but a failure stops the run
 *   2. unit and dom tiers (jest, parallel)
 *   3. build, then the e2e tier in real headless Chromium and Firefox (jest, one at a time)
 *
 * Browsers are checked first: where one is missing it stops at once with the install command.
 * Extra arguments go to jest (e.g. `npm test -- test/unit/urls.test.ts`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INSTALL_HINT, findChromium, findFirefox } from './lib/browsers.mjs';

const missing = [!findChromium() && 'Chromium', !findFirefox() && 'Firefox ESR'].filter(Boolean);
if (missing.length > 0) {
  console.error(`${missing.join(' and ')} not found; the e2e tests need ${missing.length > 1 ? 'them' : 'it'}. Install with:\n\n  ${INSTALL_HINT}\n`);
  console.error('(Or point CHROME_PATH / FIREFOX_PATH at your own binaries.)');
  process.exit(2);
}

const env = { ...process.env, TZ: 'UTC' };
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', env }).status ?? 1;
const jestBin = join('node_modules', 'jest', 'bin', 'jest.js');
const extra = process.argv.slice(2);
const resultsDir = mkdtempSync(join(tmpdir(), 'stroom-test-'));
let passed = 0;
let failed = 0;

function jest(name, args) {
  const outputFile = join(resultsDir, `${name}.json`);
  const status = run(process.execPath, [jestBin, '--ci', '--json', `--outputFile=${outputFile}`, ...args, ...extra]);
  try {
    const results = JSON.parse(readFileSync(outputFile, 'utf8'));
    passed += results.numPassedTests;
    failed += results.numFailedTests;
    // A suite that fails to load has no failed tests of its own: count it, so it cannot hide.
    failed += results.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0).length;
  } catch {
    failed += 1; // jest could not even report
  }
  return status;
}

let status = 0;
console.log('\n— Type check —');
if (run(process.execPath, [join('node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', 'tsconfig.json']) !== 0) {
  status = 1;
  failed += 1;
  console.error('Type check failed.');
}
console.log('\n— Unit and DOM tests —');
status |= jest('unit-dom', ['--selectProjects', 'unit', 'dom', '--maxWorkers=2']);
console.log('\n— Build —');
if (run(process.execPath, ['build.mjs']) !== 0) {
  status = 1;
  failed += 1;
} else {
  console.log('\n— End-to-end tests (built extension in headless Chromium and Firefox) —');
  status |= jest('e2e', ['--selectProjects', 'e2e', '--runInBand']);
}
rmSync(resultsDir, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(status || (failed > 0 ? 1 : 0));

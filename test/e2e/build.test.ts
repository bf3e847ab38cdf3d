/**
 * The build's output as a store reviewer gets it: both targets with their manifest and pages,
 * readable bundles with source maps, a zip of each, and `web-ext lint` with zero errors.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './chromium';

const DIST = join(ROOT, 'dist');

test.each(['chrome', 'firefox'])('dist/%s holds the manifest, every script with its source map, pages and locales', (target) => {
  const dir = join(DIST, target);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts: Array<{ js: string[] }> };
  const scripts = ['background.js', 'popup.js', 'options.js', 'digest.js', ...manifest.content_scripts.flatMap((entry) => entry.js)];
  for (const script of scripts) {
    expect(existsSync(join(dir, script))).toBe(true);
    expect(existsSync(join(dir, `${script}.map`))).toBe(true);
    // Readable for review: not minified (esbuild keeps line breaks and names).
    expect(readFileSync(join(dir, script), 'utf8').split('\n').length).toBeGreaterThan(50);
  }
  for (const file of ['popup.html', 'options.html', 'digest.html', 'stroom.css', '_locales/en/messages.json', '_locales/nl/messages.json', 'icons/icon-16.png', 'icons/icon-128.png']) {
    expect(existsSync(join(dir, file))).toBe(true);
  }
  expect(existsSync(join(DIST, `stroom-${target}.zip`))).toBe(true);
});

test('the bundles fetch nothing and evaluate no strings as code', () => {
  for (const target of ['chrome', 'firefox']) {
    for (const script of ['background.js', 'popup.js', 'content-x.js']) {
      const code = readFileSync(join(DIST, target, script), 'utf8');
      expect(code).not.toMatch(/\bfetch\(|XMLHttpRequest|new Function\(|\beval\(|importScripts\(/);
    }
  }
});

test('web-ext lint reports no errors for the Firefox build', () => {
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'web-ext', 'bin', 'web-ext.js'), 'lint', '--source-dir', join(DIST, 'firefox'), '--self-hosted=false', '--output=json'], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const report = JSON.parse(run.stdout) as { summary: { errors: number }; errors: Array<{ code: string; message: string }> };
  expect(report.errors.map((error) => `${error.code}: ${error.message}`)).toEqual([]);
  expect(report.summary.errors).toBe(0);
});

/**
 * The manifest against the code: every site's content script is declared for exactly the hosts
 * its adapter serves, the permissions are the fewest that work, and the CSP stays strict.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADAPTERS } from '../../src/sites';
import { MASTODON_INSTANCES } from '../../src/sites/mastodon';
import { fixtureManifest, siteIdOf } from '../dom/fixtureLoader';

const ROOT = join(__dirname, '..', '..');
interface ContentScript {
  matches: string[];
  js: string[];
}
const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as {
  manifest_version: number;
  permissions: string[];
  host_permissions: string[];
  optional_host_permissions?: string[];
  content_scripts: ContentScript[];
  content_security_policy: { extension_pages: string };
  background: { service_worker: string; scripts: string[] };
  browser_specific_settings: { gecko: { id: string; data_collection_permissions: { required: string[] } } };
};

/** Chrome match patterns of the form https://host/* (the only form Stroom uses). */
function patternMatches(pattern: string, url: URL): boolean {
  const match = /^https:\/\/([^/]+)\/\*$/.exec(pattern);
  if (!match) throw new Error(`unexpected match pattern ${pattern}`);
  return url.protocol === 'https:' && url.hostname === match[1];
}
const scriptsFor = (url: URL) => manifest.content_scripts.filter((entry) => entry.matches.some((pattern) => patternMatches(pattern, url)));

test('one manifest for both browsers: MV3 service worker plus Firefox background scripts, a gecko id, no data collection', () => {
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.background.service_worker).toBe('background.js');
  expect(manifest.background.scripts).toEqual(['background.js']);
  expect(manifest.browser_specific_settings.gecko.id).toMatch(/@/);
  expect(manifest.browser_specific_settings.gecko.data_collection_permissions.required).toEqual(['none']);
});

/** Mastodon instances Stroom does not list are served once the user grants them at run time. */
const runtimeOnly = (url: string, site: string) => site === 'mastodon' && !MASTODON_INSTANCES.includes(new URL(url).hostname);

test.each(fixtureManifest().map((entry) => [entry.url, siteIdOf(entry)] as const))('%s loads content-%s.js and no other content script', (url, site) => {
  expect(scriptsFor(new URL(url)).flatMap((entry) => entry.js)).toEqual(runtimeOnly(url, site) ? [] : [`content-${site}.js`]);
});

test.each(ADAPTERS.map((adapter) => [adapter.site] as const))('%s has a content-script entry and a manifest declaration', (site) => {
  expect(existsSync(join(ROOT, 'src', 'content', 'entries', `${site}.ts`))).toBe(true);
  expect(manifest.content_scripts.some((entry) => entry.js.includes(`content-${site}.js`))).toBe(true);
});

test('the Mastodon content script covers exactly the instances the adapter knows', () => {
  const entry = manifest.content_scripts.find((script) => script.js.includes('content-mastodon.js'));
  expect(entry?.matches.map((pattern) => new URL(pattern.replace('/*', '/')).hostname).sort()).toEqual([...MASTODON_INSTANCES].sort());
});

test('host access is exactly the content scripts’ sites: no <all_urls>, no wildcards', () => {
  expect(manifest.host_permissions.sort()).toEqual(manifest.content_scripts.flatMap((entry) => entry.matches).sort());
  for (const pattern of manifest.host_permissions) expect(pattern).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
});

test('no tabs, history or other broad permissions', () => {
  for (const forbidden of ['<all_urls>', 'tabs', 'history', 'webRequest', 'cookies', 'bookmarks', 'debugger']) {
    expect(manifest.permissions).not.toContain(forbidden);
  }
});

test('the extension pages’ CSP allows only our own scripts and no connections', () => {
  const csp = manifest.content_security_policy.extension_pages;
  expect(csp).toMatch(/script-src 'self'(;|$)/);
  expect(csp).toMatch(/connect-src 'none'/);
  expect(csp).toMatch(/object-src 'none'|default-src 'none'/);
  expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
});

/** Loads a committed site fixture into its own jsdom window at the site's real URL. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';

export interface FixtureEntry {
  site: string;
  html: string;
  expected: string;
  url: string;
}

export const FIXTURE_DIR = join(__dirname, '..', 'fixtures');

/**
 * The shared fixtures (test/fixtures/manifest.json, copied from the site captures) plus our own
 * variations, one folder per site: test/fixtures/<site>/manifest.json with paths relative to it.
 */
export function fixtureManifest(): FixtureEntry[] {
  const read = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { fixtures: FixtureEntry[] }).fixtures;
  const entries = [...read(join(FIXTURE_DIR, 'manifest.json'))];
  for (const folder of readdirSync(FIXTURE_DIR, { withFileTypes: true })) {
    const manifestPath = join(FIXTURE_DIR, folder.name, 'manifest.json');
    if (!folder.isDirectory() || !existsSync(manifestPath)) continue;
    for (const entry of read(manifestPath)) {
      entries.push({ ...entry, html: join(folder.name, entry.html), expected: join(folder.name, entry.expected) });
    }
  }
  return entries;
}

export function loadFixture(entry: FixtureEntry): { dom: JSDOM; expected: Array<Record<string, unknown>> } {
  const html = readFileSync(join(FIXTURE_DIR, entry.html), 'utf8');
  const expected = JSON.parse(readFileSync(join(FIXTURE_DIR, entry.expected), 'utf8')) as Array<Record<string, unknown>>;
  return { dom: new JSDOM(html, { url: entry.url }), expected };
}

/** Insert every lazy <template> the way the fixtures README describes; returns how many. */
export function insertLazyTemplates(document: Document): number {
  const templates = Array.from(document.querySelectorAll<HTMLTemplateElement>('template[data-fixture-lazy="true"]'));
  for (const template of templates) {
    const target = document.querySelector(template.getAttribute('data-fixture-append-to') ?? 'body');
    if (!target) throw new Error(`lazy template target not found: ${template.getAttribute('data-fixture-append-to')}`);
    const fragment = template.content.cloneNode(true);
    switch (template.getAttribute('data-fixture-position') ?? 'append') {
      case 'prepend':
        target.prepend(fragment);
        break;
      case 'before-more':
        target.insertBefore(fragment, target.querySelector('tr.morespace'));
        break;
      case 'before-continuation':
        target.insertBefore(fragment, target.querySelector('ytd-continuation-item-renderer'));
        break;
      default:
        target.append(fragment);
    }
  }
  return templates.length;
}

/** The fixture's site name mapped to Stroom's SiteId (both Reddit UIs are "reddit"). */
export function siteIdOf(entry: FixtureEntry): string {
  return entry.site.startsWith('reddit') ? 'reddit' : entry.site;
}

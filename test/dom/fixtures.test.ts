/**
 * Every registered adapter against its committed fixtures: the extraction must equal the
 * expected JSON (less the fixture-only `lazy` flag), before and after lazy templates are inserted.
 */
import { ADAPTERS, adapterFor, extractItems } from '../../src/sites';
import { fixtureManifest, insertLazyTemplates, loadFixture, siteIdOf } from './fixtureLoader';

const registered = new Set(ADAPTERS.map((adapter) => adapter.site));
const entries = fixtureManifest().filter((entry) => registered.has(siteIdOf(entry) as never));

function withSite(expected: Array<Record<string, unknown>>, site: string, includeLazy: boolean) {
  return expected
    .filter((item) => includeLazy || item.lazy !== true)
    .map(({ lazy: _lazy, ...rest }) => ({ site, ...rest }));
}

describe.each(entries.map((entry) => [entry.html, entry] as const))('%s', (_name, entry) => {
  test('extraction equals the expected JSON', () => {
    const { dom, expected } = loadFixture(entry);
    expect(extractItems(dom.window.document, entry.url)).toEqual(withSite(expected, siteIdOf(entry), false));
  });

  test('after lazy items are inserted, extraction still equals the expected JSON', () => {
    const { dom, expected } = loadFixture(entry);
    insertLazyTemplates(dom.window.document);
    expect(extractItems(dom.window.document, entry.url)).toEqual(withSite(expected, siteIdOf(entry), true));
  });

  test('its URL routes to its own adapter and no other', () => {
    const { dom } = loadFixture(entry);
    const url = new URL(entry.url);
    const matching = ADAPTERS.filter((adapter) => adapter.matches(url, dom.window.document));
    expect(matching.map((adapter) => adapter.site)).toEqual([siteIdOf(entry)]);
    expect(adapterFor(entry.url, dom.window.document)?.site).toBe(siteIdOf(entry));
  });
});

test('every registered adapter has at least one fixture', () => {
  const withFixtures = new Set(fixtureManifest().map(siteIdOf));
  const missing = ADAPTERS.map((adapter) => adapter.site).filter((site) => !withFixtures.has(site));
  expect(missing).toEqual([]);
});

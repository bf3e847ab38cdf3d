/**
 * peek() against extract(): the content script decorates every item from peek() and reads the
 * whole item only on save, so for every element findItemElements returns, peek must be null
 * exactly when extract is null and otherwise give the same id, isAd and unavailable
 * (src/sites/types.ts). Checked on every fixture of every adapter with a peek, before and after
 * its lazy templates are inserted, and on hand-made rows for cases the fixtures lack.
 */
import { JSDOM } from 'jsdom';
import { ADAPTERS, findItemElements } from '../../src/sites';
import { mastodon, mastodonFeed } from '../../src/sites/mastodon';
import type { ItemPeek, SiteAdapter } from '../../src/sites/types';
import { x, xFeed } from '../../src/sites/x';
import { fixtureManifest, insertLazyTemplates, loadFixture, siteIdOf } from './fixtureLoader';

const pick = (item: ItemPeek | null) =>
  item && { id: item.id, isAd: item.isAd, unavailable: item.unavailable };

/** Every item element's peek beside its extraction, by position (a mismatch shows which row). */
function peeksAndExtractions(adapter: SiteAdapter, root: ParentNode, url: string) {
  const pageUrl = new URL(url);
  const elements = findItemElements(root, adapter);
  const peek = adapter.peek;
  if (!peek) throw new Error(`${adapter.site} has no peek`);
  return {
    count: elements.length,
    peeked: elements.map((element, index) => ({ index, peek: pick(peek.call(adapter, element, pageUrl)) })),
    extracted: elements.map((element, index) => ({ index, peek: pick(adapter.extract(element, pageUrl)) })),
  };
}

const withPeek = ADAPTERS.filter((adapter) => adapter.peek);
const entries = fixtureManifest().flatMap((entry) => {
  const adapter = withPeek.find((candidate) => candidate.site === siteIdOf(entry));
  return adapter ? [[entry.html, entry, adapter] as const] : [];
});

test('X and Mastodon have a peek, in the content script adapter and the registry one', () => {
  expect([xFeed, x, mastodonFeed, mastodon].map((adapter) => typeof adapter.peek)).toEqual(['function', 'function', 'function', 'function']);
  expect(entries.length).toBeGreaterThanOrEqual(6); // the two shared fixtures and each site's own two
});

describe.each(entries)('%s', (_name, entry, adapter) => {
  test('peek agrees with extract on every item element', () => {
    const { dom } = loadFixture(entry);
    const { count, peeked, extracted } = peeksAndExtractions(adapter, dom.window.document, entry.url);
    expect(count).toBeGreaterThan(0);
    expect(peeked).toEqual(extracted);
  });

  test('after lazy items are inserted, peek still agrees with extract', () => {
    const { dom } = loadFixture(entry);
    insertLazyTemplates(dom.window.document);
    const { peeked, extracted } = peeksAndExtractions(adapter, dom.window.document, entry.url);
    expect(peeked).toEqual(extracted);
  });
});

// peek() hands rows it cannot read cheaply to extract(), which keeps them in agreement but costs
// the whole walk: the ordinary rows of a feed must not be among them.
test.each([
  ['x.html', xFeed],
  ['mastodon.html', mastodonFeed],
] as const)('the ordinary rows of %s (plain, repost or boost, media, link card; X\'s ad) are peeked without extract()', (html, adapter) => {
  const entry = fixtureManifest().find((candidate) => candidate.html === html);
  if (!entry) throw new Error(`no fixture ${html}`);
  const { dom } = loadFixture(entry);
  const elements = findItemElements(dom.window.document, adapter);
  const extract = jest.spyOn(adapter, 'extract');
  try {
    const peeks = elements.map((element) => adapter.peek?.(element, new URL(entry.url)));
    expect(peeks.filter((peek) => peek?.id)).toHaveLength(elements.length - (html === 'x.html' ? 1 : 0)); // X's ad has no time, so no id
    expect(extract).not.toHaveBeenCalled();
  } finally {
    extract.mockRestore();
  }
});

const page = (html: string, url: string): Document => new JSDOM(`<!DOCTYPE html><body>${html}</body>`, { url }).window.document;

/** Hand-made rows: peek must agree with extract, and both must say what the case is about. */
function expectPeeks(adapter: SiteAdapter, html: string, url: string, expected: Array<Partial<ItemPeek> | null>): void {
  const { peeked, extracted } = peeksAndExtractions(adapter, page(html, url), url);
  expect(peeked).toEqual(extracted);
  expect(peeked.map((row) => row.peek)).toEqual(expected.map((fields) => (fields ? expect.objectContaining(fields) : null)));
}

const X_HOME = 'https://x.com/home';
const tweet = (id: string, name: string, inside = '') =>
  `<article data-testid="tweet"><div data-testid="User-Name"><div><span>${name}</span></div><div><span>@u${id}</span>` +
  `<a href="/u${id}/status/${id}"><time datetime="2026-03-14T10:00:00.000Z">1h</time></a></div></div>` +
  `<div data-testid="tweetText">Hoi</div>${inside}</article>`;
const quote = (name: string) =>
  `<div role="link" tabindex="0"><div data-testid="User-Name"><div><span>${name}</span></div><div><span>@q</span>` +
  `<time datetime="2026-03-13T10:00:00.000Z">1d</time></div></div><div data-testid="tweetText">Quoted</div></div>`;

describe('X rows the fixtures do not have', () => {
  test('a tombstone is unavailable; an article without the tweet testid but with a User-Name is no item', () => {
    expectPeeks(
      x,
      '<div data-testid="cellInnerDiv"><article><span>This post is unavailable.</span></article></div>' +
        '<div data-testid="cellInnerDiv"><article><div data-testid="User-Name"><div>Jo</div></div></article></div>',
      X_HOME,
      [{ id: null, isAd: false, unavailable: true }, null],
    );
  });

  test('a bare tweet inside an ad wrapper is an ad; one outside is not', () => {
    expectPeeks(x, `<div data-testid="placementTracking"><div>${tweet('2032700000000000001', 'Ad Co')}</div></div>${tweet('2032700000000000002', 'Jo')}`, X_HOME, [
      { id: '2032700000000000001', isAd: true },
      { id: '2032700000000000002', isAd: false },
    ]);
  });

  test('an ad wrapper before the tweet in its row makes an ad, even when it does not wrap it', () => {
    expectPeeks(x, `<div data-testid="cellInnerDiv"><div data-testid="placementTracking"></div>${tweet('2032700000000000004', 'Ad Co')}</div>`, X_HOME, [
      { id: '2032700000000000004', isAd: true },
    ]);
  });

  test('an ad wrapper inside the tweet, or around the whole row, does not make a row an ad', () => {
    const trackedInside = tweet('2032700000000000003', 'Jo', '<div data-testid="placementTracking"></div>');
    expectPeeks(x, `<div data-testid="placementTracking"><div data-testid="cellInnerDiv">${trackedInside}</div></div>`, X_HOME, [
      { id: '2032700000000000003', isAd: false },
    ]);
  });

  test('a conversation focused tweet with a quote above its time link keeps its own id', () => {
    const focused =
      '<article data-testid="tweet"><div data-testid="User-Name"><div><span>Ruud</span></div><div><span>@ruud</span></div></div>' +
      `<div data-testid="tweetText">Kijk</div>${quote('Quoted Person')}` +
      '<a href="/ruud/status/2032700000000000009"><time datetime="2026-03-14T10:00:00.000Z">10:00 AM · Mar 14, 2026</time></a></article>';
    expectPeeks(x, `<div data-testid="cellInnerDiv">${focused}</div>`, 'https://x.com/ruud/status/2032700000000000009', [
      { id: '2032700000000000009', isAd: false, unavailable: false },
    ]);
  });

  test('an unavailable quote (nested article) with a time of its own does not lend the tweet its id', () => {
    const focused =
      '<article data-testid="tweet"><div data-testid="User-Name"><div><span>Ruud</span></div><div><span>@ruud</span></div></div>' +
      '<article><a href="/other/status/1"><time datetime="2026-03-13T10:00:00.000Z">1d</time></a></article>' +
      '<a href="/ruud/status/2032700000000000010"><time datetime="2026-03-14T10:00:00.000Z">10:00 AM</time></a></article>';
    expectPeeks(x, `<div data-testid="cellInnerDiv">${focused}</div>`, 'https://x.com/ruud/status/2032700000000000010', [
      { id: '2032700000000000010' },
    ]);
  });
});

const MASTODON_HOME = 'https://mastodon.social/home';
const account = (acct: string, name: string, cls = 'status__display-name') =>
  `<a href="/@${acct}" title="@${acct}" data-hover-card-account="1" class="${cls}"><span class="display-name"><bdi><strong class="display-name__html">${name}</strong></bdi></span></a>`;

describe('Mastodon rows the fixtures do not have', () => {
  test('a boost: the status id, not the entry id, and the author, not the booster', () => {
    expectPeeks(
      mastodon,
      '<div role="feed"><article data-id="900"><div class="status__prepend"><svg class="icon icon-retweet"></svg>' +
        `<span>${account('booster', 'Booster', 'status__display-name muted')} boostte</span></div>` +
        `<div class="status" data-id="116227170631688032"><div class="status__info">${account('anouk', 'Anouk')}` +
        '<a class="status__relative-time" href="/@anouk/116227170631688032"><time datetime="2026-03-14T10:58:00.000Z">1h</time></a></div></div></article></div>',
      MASTODON_HOME,
      [{ id: '116227170631688032', isAd: false, unavailable: false }],
    );
  });

  test('the redesign (no BEM classes): entry id, hover-card author, permalink time', () => {
    expectPeeks(
      mastodon,
      '<div role="feed"><article data-id="116227170631688033"><div><header><a href="/@anouk" data-hover-card-account="1"><span>Anouk</span></a>' +
        '<a href="/@anouk/116227170631688033"><time datetime="2026-03-14T10:58:00.000Z">1h</time></a></header><div><p>Hoi</p></div></div></article></div>',
      MASTODON_HOME,
      [{ id: '116227170631688033', unavailable: false }],
    );
  });

  test('a focused post without an id of its own takes its permalink id, not its quote\'s', () => {
    expectPeeks(
      mastodon,
      `<div class="detailed-status">${account('marit', 'Marit', 'detailed-status__display-name')}` +
        '<div class="status__content"><div class="status__content__text"><p>Zie hieronder</p></div></div>' +
        `<div class="status__quote"><div class="status status--is-quote" data-id="116220000000000001">${account('kees', 'Kees')}` +
        '<a class="status__relative-time" href="/@kees/116220000000000001"><time datetime="2026-03-13T10:00:00.000Z">1d</time></a></div></div>' +
        '<a class="detailed-status__datetime" href="/@marit/116226490368000012"><span>14 mrt 2026</span></a></div>',
      'https://mastodon.social/@marit/116226490368000012',
      [{ id: '116226490368000012' }],
    );
  });

  test('a quoted post\'s author is not the author when the quoting status has no author link', () => {
    expectPeeks(
      mastodon,
      '<div role="feed"><article data-id="116227170631688036"><div class="status" data-id="116227170631688036">' +
        '<a class="status__relative-time" href="/@anouk/116227170631688036"><time datetime="2026-03-14T10:58:00.000Z">1h</time></a>' +
        `<div class="status__quote"><div class="status status--is-quote" data-id="116220000000000002">${account('kees', 'Kees')}</div></div></div></article></div>`,
      MASTODON_HOME,
      [{ id: '116227170631688036' }],
    );
  });

  test('a mention in the text is not the author when the author link is missing', () => {
    expectPeeks(
      mastodon,
      '<div role="feed"><article data-id="116227170631688034"><div class="status" data-id="116227170631688034">' +
        '<a class="status__relative-time" href="/@anouk/116227170631688034"><time datetime="2026-03-14T10:58:00.000Z">1h</time></a>' +
        '<div class="status__content__text"><p><a href="/@kees" class="u-url mention" data-hover-card-account="2">@kees</a></p></div></div></article></div>',
      MASTODON_HOME,
      [{ id: '116227170631688034' }],
    );
  });

  test('placeholders: with an entry id unavailable under the remaining name, without one no item', () => {
    expectPeeks(
      mastodon,
      '<div role="feed"><article data-id="116227170631688035"><div><div class="status__wrapper"><span>Lotte</span><span>&lt;p&gt;Hoi&lt;/p&gt;</span></div></div></article></div>',
      MASTODON_HOME,
      [{ id: '116227170631688035', isAd: false, unavailable: true }],
    );
    expectPeeks(mastodon, '<div class="detailed-status"><span>Niets</span></div>', 'https://mastodon.social/@marit/1', [null]);
  });
});

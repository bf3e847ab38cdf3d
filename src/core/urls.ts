/**
 * URL canonicalisation for saved items, so the same post shared with different tracking
 * parameters is stored once and links carry no trackers.
 */

/** Parameters that only track who shared or clicked what. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'mc_cid', 'mc_eid', 'igshid', 'igsh',
  'si', 'ref_src', 'ref_url', 'twclid', 'li_fat_id', 'trk', 'trackingId', 'rcm', '_hsenc', '_hsmi',
  'share_id', 'utm_id', 'yclid', 'vero_id', 'oly_enc_id', 'oly_anon_id', 'mkt_tok', '__cft__', '__tn__',
]);

/** X appends ?s=20&t=… to shared status links: who shared, from which app. */
const X_HOSTS = new Set(['x.com', 'twitter.com', 'mobile.twitter.com', 'www.x.com', 'www.twitter.com']);
const X_TRACKING_PARAMS = new Set(['s', 't']);

/**
 * Canonical form of an http(s) URL: lower-case host, no tracking parameters, no empty query,
 * no fragment. Returns null for anything that is not an http(s) URL.
 */
export function canonicalUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const isX = X_HOSTS.has(url.hostname);
  const isTracker = (name: string): boolean => {
    const lower = name.toLowerCase();
    return lower.startsWith('utm_') || TRACKING_PARAMS.has(name) || TRACKING_PARAMS.has(lower) || (isX && X_TRACKING_PARAMS.has(name));
  };
  // Filter the raw "name=value" pairs rather than going through URLSearchParams, which would
  // re-encode every kept parameter ("a%20b" → "a+b", "?amp" → "?amp="), so the same link with and
  // without a tracker would get two different canonical forms.
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTracker(decodedName(pair)));
  url.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  url.hash = '';
  return url.href;
}

function decodedName(pair: string): string {
  const raw = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw; // a malformed escape is no tracker name we know
  }
}

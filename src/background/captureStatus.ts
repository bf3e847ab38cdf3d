/**
 * What Stroom knows about a tab for the popup (issue 3): whether it is a feed, whether Stroom
 * recently failed to recognise that site's posts, and whether it looks like a Mastodon server
 * Stroom does not run on yet. Pure, and free of the store, the summariser and the site adapters
 * (whether a tab is a feed is told by Stroom's content script in it), so the popup imports it
 * without growing past its budget.
 */
import type { HealthReport, SiteStatus } from '../core/messages/capture';
import { SITE_LABELS } from '../sites/labels';
import type { PageMetadata } from './capturePage';

export const HEALTH_KEY = 'siteHealth';
export const INSTANCES_KEY = 'mastodonInstances';
/** A report older than this no longer describes the site (it may have been fixed since). */
export const HEALTH_MAX_AGE_MS = 3 * 24 * 60 * 60 * 1000;

export interface HealthRecord {
  recognised: number;
  visible: number;
  broken: boolean;
  at: number;
}

/**
 * Broken when the page shows a timeline (at least 3 post-like elements) and the adapter
 * recognised none of them, or fewer than a third: a redesign usually loses all, and a partial
 * match leaves most posts without a button.
 */
export function isBroken({ recognised, visible }: Pick<HealthReport, 'recognised' | 'visible'>): boolean {
  return visible >= 3 && recognised * 3 < visible;
}

/**
 * What the popup offers on a tab, from the page's own metadata (null: unreadable), the granted
 * instances and the health records. Pure, so the popup computes it itself without waking the
 * background (an idle MV3 worker or Firefox event page stays asleep while the popup is open).
 */
export function siteStatusFor(page: PageMetadata | null, granted: readonly string[], health: Record<string, HealthRecord>, now: number): SiteStatus {
  if (!page) return { pageSavable: false, feedSite: null, brokenSite: null, mastodonCandidate: null };
  let url: URL;
  try {
    url = new URL(page.url);
  } catch {
    return { pageSavable: false, feedSite: null, brokenSite: null, mastodonCandidate: null };
  }
  const onGrantedInstance = granted.includes(url.origin);
  // Our content script says which feed it watches; on a server granted a moment ago it may not
  // have started yet.
  const feedSite = page.feedSite ?? (onGrantedInstance ? 'mastodon' : null);
  const record = feedSite ? health[feedSite] : undefined;
  return {
    pageSavable: url.protocol === 'https:' || url.protocol === 'http:',
    feedSite,
    brokenSite:
      feedSite && record?.broken === true && now - record.at < HEALTH_MAX_AGE_MS ? { site: feedSite, label: SITE_LABELS[feedSite], at: record.at } : null,
    mastodonCandidate: !feedSite && url.protocol === 'https:' && page.looksLikeMastodon ? url.origin : null,
  };
}

/** The stored instance list and health records, whatever storage holds. */
export const parseInstances = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((origin): origin is string => typeof origin === 'string').sort() : [];
/**
 * The stored health records, keeping only well-formed ones: storage is shared with older versions
 * and the options page shows these numbers, so a malformed record is dropped, never trusted.
 */
export function parseHealth(value: unknown): Record<string, HealthRecord> {
  const records: Record<string, HealthRecord> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return records;
  const count = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  for (const [site, record] of Object.entries(value as Record<string, unknown>)) {
    if (typeof record !== 'object' || record === null) continue;
    const { recognised, visible, broken, at } = record as Record<string, unknown>;
    if (count(recognised) && count(visible) && typeof broken === 'boolean' && typeof at === 'number' && Number.isFinite(at)) {
      records[site] = { recognised, visible, broken, at };
    }
  }
  return records;
}

/**
 * The plain-text details a broken-site report needs (Options → Report a broken site): Stroom's
 * version, the browser, and each site's latest health record. Nothing the user saved, and no page
 * addresses: the user adds what they choose.
 */
export function reportDetails(version: string, userAgent: string, health: Record<string, HealthRecord>, now: number): string {
  const lines = [`Stroom ${version}`, `Browser: ${userAgent}`];
  const recent = Object.entries(health)
    .filter(([site, record]) => site in SITE_LABELS && now - record.at < HEALTH_MAX_AGE_MS)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (recent.length === 0) lines.push('Site checks: none in the last 3 days');
  for (const [site, record] of recent) {
    const label = SITE_LABELS[site as keyof typeof SITE_LABELS];
    const verdict = record.broken ? 'NOT RECOGNISED' : 'ok';
    lines.push(`${label}: ${verdict}, recognised ${record.recognised} of ${record.visible} posts on screen, ${new Date(record.at).toISOString()}`);
  }
  return lines.join('\n');
}

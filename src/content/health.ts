/**
 * Adapter health (issue 3): after a redesign a site's selectors quietly match nothing, and the
 * user only sees that the Save buttons are gone. A few seconds after a feed page opens, compare
 * what the adapter recognises with a count every site's markup gives for free (article elements,
 * which X, Mastodon, Bluesky's and Facebook's feeds and new Reddit use for posts), and tell the
 * background; the popup then says so on that site. Where a page has no article elements (Hacker
 * News' table rows, YouTube's custom elements), the count is of feed-like rows instead: the
 * most children of one parent that hold links and some text, found from a sample of the
 * page's links. Both run at most twice per page view (never per DOM change), on bounded samples.
 * This file is not in the content script every feed page loads: the background injects it when
 * the first check is due (extras/health.ts).
 */
import type { HealthReport } from '../core/messages/capture';
import { extractElement, findItemElements } from '../sites/extract';
import type { SiteAdapter } from '../sites/types';
import { onAbort } from './abort';

/** Enough to judge, few enough to cost well under a millisecond on any page. */
const SAMPLE = 60;
/** Post-like elements in general: the generic side of the comparison. */
const POST_LIKE = 'article, [role="article"]';
/** Links looked at for feed-like rows, and how far up from each a row may be. */
const LINK_SAMPLE = 400;
const ROW_DEPTH = 12;
/** A row needs this much text to look like a post (a menu entry has less). */
const ROW_TEXT = 20;
/** First look after the page settled (the content script asks for this file then), and once more for a slow timeline. */
export const HEALTH_CHECK_DELAYS_MS = [3_000, 15_000] as const;

export function measureHealth(root: ParentNode, adapter: SiteAdapter, pageUrl: URL): Omit<HealthReport, 'site'> {
  let recognised = 0;
  let looked = 0;
  for (const element of findItemElements(root, adapter)) {
    if (looked++ >= SAMPLE) break;
    if (extractElement(element, adapter, pageUrl) !== null) recognised++;
  }
  const articles = root.querySelectorAll(POST_LIKE).length;
  const visible = Math.min(articles >= 3 ? articles : feedRows(root), SAMPLE);
  return { recognised, visible };
}

/**
 * How many feed-like rows the page shows, whatever their markup: every ancestor of a sampled
 * link is a candidate row of its parent; the parent with the most rows holding links wins (a
 * story table's rows, a grid's items), counting those with some text.
 */
export function feedRows(root: ParentNode): number {
  const rowsOf = new Map<Element, Set<Element>>();
  const links = root.querySelectorAll('a[href]');
  for (let i = 0; i < links.length && i < LINK_SAMPLE; i++) {
    for (let row = links[i]!, depth = 0; row.parentElement && depth < ROW_DEPTH; row = row.parentElement, depth++) {
      const rows = rowsOf.get(row.parentElement) ?? new Set<Element>();
      rowsOf.set(row.parentElement, rows.add(row));
    }
  }
  let best = 0;
  for (const rows of rowsOf.values()) {
    if (rows.size <= best) continue;
    let texty = 0;
    for (const row of rows) if ((row.textContent ?? '').trim().length >= ROW_TEXT) texty++;
    best = Math.max(best, texty);
  }
  return best;
}

/**
 * One report per feed page view, once it shows a timeline (3 or more post-like elements): called
 * at the first delay, it looks now and, if the page shows no timeline yet, once more at the second.
 */
export function checkHealth(adapter: SiteAdapter, signal: AbortSignal, report: (health: HealthReport) => Promise<unknown>): void {
  const look = (last: boolean) => {
    if (signal.aborted) return;
    const health = measureHealth(document, adapter, new URL(location.href));
    if (health.visible >= 3) void report({ site: adapter.site, ...health }).catch(() => undefined);
    else if (!last) {
      const timer = setTimeout(() => look(true), HEALTH_CHECK_DELAYS_MS[1] - HEALTH_CHECK_DELAYS_MS[0]);
      onAbort(signal, () => clearTimeout(timer));
    }
  };
  look(false);
}

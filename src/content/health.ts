/**
 * Adapter health (issue 3): after a redesign a site's selectors quietly match nothing, and the
 * user only sees that the Save buttons are gone. A few seconds after a feed page opens, compare
 * what the adapter recognises with a count every site's markup gives for free (article elements,
 * which X, Mastodon, Bluesky's and Facebook's feeds and new Reddit use for posts), and tell the
 * background; the popup then says so on that site. Hacker News and YouTube use no article
 * elements, so there a broken adapter goes unnoticed (the count is 0: "no timeline").
 */
import type { HealthReport } from '../core/messages/capture';
import { extractElement, findItemElements } from '../sites/extract';
import type { SiteAdapter } from '../sites/types';

/** Enough to judge, few enough to cost well under a millisecond on any page. */
const SAMPLE = 60;
/** Post-like elements in general: the generic side of the comparison. */
const POST_LIKE = 'article, [role="article"]';
/** First look after the page settled, and once more for a slow timeline. */
export const HEALTH_CHECK_DELAYS_MS = [3_000, 15_000] as const;

export function measureHealth(root: ParentNode, adapter: SiteAdapter, pageUrl: URL): Omit<HealthReport, 'site'> {
  let recognised = 0;
  let looked = 0;
  for (const element of findItemElements(root, adapter)) {
    if (looked++ >= SAMPLE) break;
    if (extractElement(element, adapter, pageUrl) !== null) recognised++;
  }
  const visible = Math.min(root.querySelectorAll(POST_LIKE).length, SAMPLE);
  return { recognised, visible };
}

/** One report per feed page view, once it shows a timeline (3 or more post-like elements). */
export function watchHealth(adapter: SiteAdapter, signal: AbortSignal, report: (health: HealthReport) => Promise<unknown>): void {
  let step = 0;
  const check = () => {
    if (signal.aborted) return;
    const health = measureHealth(document, adapter, new URL(location.href));
    const last = step === HEALTH_CHECK_DELAYS_MS.length - 1;
    if (health.visible >= 3 || last) {
      if (health.visible >= 3) void report({ site: adapter.site, ...health }).catch(() => undefined);
      return;
    }
    step++;
    schedule();
  };
  const schedule = () => {
    const timer = setTimeout(check, HEALTH_CHECK_DELAYS_MS[step]);
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  };
  schedule();
}

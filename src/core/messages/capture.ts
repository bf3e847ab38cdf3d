/**
 * Other ways to save (issue 3): the popup's "Save this page", Mastodon instances granted at run
 * time, and adapter-health reports from the content script. The keyboard command and the context
 * menu start in the background itself, so they need no request here; the command's one message
 * to a content script ('save-focused', COMMAND_MESSAGE below) goes the other way.
 */
import { siteIdSchema } from '../schemas';
import { number, object, string } from '../validate';
import type { Infer } from '../validate';
import type { SiteId } from '../../sites/types';
import { define } from './define';

const tabId = () => number({ integer: true, min: 0 });
/** "https://host" (no path): validated again by the handler with URL parsing. */
const origin = () => string({ min: 9, max: 300 });

const healthReport = object({
  site: siteIdSchema,
  /** Items the adapter recognised on the page. */
  recognised: number({ integer: true, min: 0, max: 100_000 }),
  /** Post-like elements the page shows (a generic count of article elements). */
  visible: number({ integer: true, min: 0, max: 100_000 }),
});
const nothing = object({});
export type HealthReport = Infer<typeof healthReport>;

/** What the popup shows for the tab it was opened on (computed by the popup: captureStatus.ts). */
export interface SiteStatus {
  /** An http(s) page Stroom could read (not a browser page): it can be saved as a web item. */
  pageSavable: boolean;
  /** The page is a feed Stroom handles (saving happens in the page); otherwise "Save this page". */
  feedSite: SiteId | null;
  /** Stroom could not recognise posts on this site recently (the newest report, if bad). */
  brokenSite: { site: SiteId; label: string; at: number } | null;
  /** An https page that looks like Mastodon on an instance Stroom does not run on yet. */
  mastodonCandidate: string | null;
}

export const CAPTURE_MESSAGES = {
  /** Save the popup's tab as a "web" item (title, canonical URL, description, selection). */
  'save-page': define<{ tabId: number }, { key: string; created: boolean }>(['page'], object({ tabId: tabId() })),
  /** The content script's count of recognised items against the page's post-like elements. */
  'report-health': define<HealthReport, { broken: boolean }>(['content'], healthReport),
  /** After the popup obtained the origin's permission: run the Mastodon script there. */
  'enable-instance': define<{ origin: string }, { origins: string[] }>(['page'], object({ origin: origin() })),
  /** Options: stop running on an instance and give its permission back. */
  'disable-instance': define<{ origin: string }, { origins: string[] }>(['page'], object({ origin: origin() })),
  'list-instances': define<Infer<typeof nothing>, { origins: string[] }>(['page'], nothing),
} as const;

/** Background → content script: save the item that has focus or is under the pointer. */
export const COMMAND_MESSAGE = { stroom: 1, type: 'save-focused' } as const;
export type SaveFocusedReply = { saved: true; key: string } | { saved: false; reason: 'no-feed' | 'no-item' | 'not-savable' | 'failed' };

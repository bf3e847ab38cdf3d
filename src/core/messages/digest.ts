/** The daily digest: reading stored digests by day, marking their items, clearing the toolbar dot. */
import type { StoredDigest } from '../../store/db';
import { array, literal, object, string } from '../validate';
import type { Infer } from '../validate';
import { KEY_LIMITS, define } from './define';

/** A local day "YYYY-MM-DD" (the handler checks the pattern). */
const getDigestRequest = object({ day: string({ min: 10, max: 10 }) });
const markItemsRequest = object({
  keys: array(string(KEY_LIMITS), { max: 2_000 }),
  // Pages never set 'letgo' by hand: letting go is the digest job's alone.
  status: literal('unread', 'read', 'archived'),
});
const nothing = object({});

export const DIGEST_MESSAGES = {
  /** A day's digest: the stored one; today, or a day without a delivery, built on the fly. */
  'get-digest': define<Infer<typeof getDigestRequest>, { stored: StoredDigest | null }>(['page'], getDigestRequest),
  /** Days that have a stored digest, newest first. */
  'list-digest-days': define<Infer<typeof nothing>, { days: string[] }>(['page'], nothing),
  /** Mark items (one, or a whole theme) read, archived or unread again. */
  'mark-items': define<Infer<typeof markItemsRequest>, { updated: number }>(['page'], markItemsRequest),
  /** The user has looked at the digest: clear the small dot on the toolbar icon. */
  'digest-seen': define<Infer<typeof nothing>, { cleared: boolean }>(['page'], nothing),
} as const;

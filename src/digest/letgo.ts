// Letting go: Stroom must not become a second inbox. When a digest is built, unread items saved
// more than N days ago move to "Let go" (status 'letgo': archived, never deleted), and the digest
// says how many, kindly. Pure rules here; the store applies them.
import type { ItemStatus } from '../core/items';
import { addDays, localDay, localParts, zonedTime } from './schedule';

export const DEFAULT_LET_GO_DAYS = 7;

/** Days after which unread items are let go, or 'never'. */
export type LetGoAfter = number | 'never';

/**
 * Items saved before this instant are old enough to let go: the same wall-clock time `days`
 * local days ago, so "7 days" means a week by the calendar even across a DST switch.
 * Null when letting go is off.
 */
export function letGoCutoff(now: number, after: LetGoAfter, timeZone: string): number | null {
  if (after === 'never' || !Number.isFinite(after) || after < 0) return null;
  const p = localParts(now, timeZone);
  return zonedTime(addDays(localDay(now, timeZone), -Math.floor(after)), p.hour, p.minute, timeZone) + p.second * 1000;
}

export interface LetGoCandidate {
  key: string;
  status: ItemStatus;
  savedAt: number;
}

/** Keys of the unread items to move to "Let go" now, oldest first. Read or archived items stay. */
export function itemsToLetGo(items: readonly LetGoCandidate[], now: number, after: LetGoAfter, timeZone: string): string[] {
  const cutoff = letGoCutoff(now, after, timeZone);
  if (cutoff === null) return [];
  return items
    .filter((item) => item.status === 'unread' && item.savedAt < cutoff)
    .sort((a, b) => a.savedAt - b.savedAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((item) => item.key);
}

/** The digest's line about let-go items, or null when there were none. */
export function letGoNote(count: number, lang: 'en' | 'nl'): string | null {
  if (count <= 0) return null;
  if (lang === 'nl') {
    return count === 1
      ? 'Eén bewaard bericht dat je niet meer las, hebben we losgelaten. Het staat onder "Losgelaten" als je het toch wilt zien.'
      : `${count} bewaarde berichten die je niet meer las, hebben we losgelaten. Ze staan onder "Losgelaten" als je ze toch wilt zien.`;
  }
  return count === 1
    ? 'One saved item you didn’t get to has been let go. It’s under "Let go" if you still want it.'
    : `${count} saved items you didn’t get to have been let go. They’re under "Let go" if you still want them.`;
}

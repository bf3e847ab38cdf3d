/**
 * What the user has already scrolled past in a feed, per site, kept small: each item id becomes a
 * 32-bit hash written as 6 characters, grouped by the minute it was seen (so "seen at 09:14" needs
 * no per-item time). Pruned to the last SEEN_DAYS days and, oldest first, to SEEN_BUDGET characters
 * (the stored JSON is ASCII, so characters are bytes). DOM-free: the feed wiring is in divider.ts.
 */

export const SEEN_DAYS = 30;
/** Stored size per site, in characters of JSON; the budget is 200 KB. */
export const SEEN_BUDGET = 190_000;
const MINUTE = 60_000;
const HASH_WIDTH = 6;
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The stored shape: [minute since epoch, concatenated 6-character hashes] groups, oldest first. */
export interface SeenRecord {
  v: 1;
  groups: Array<[number, string]>;
}

/** FNV-1a over the id's UTF-16 units, as 6 base64url digits (32 bits). */
export function seenHash(id: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash >>>= 0;
  let out = '';
  for (let i = 0; i < HASH_WIDTH; i++) {
    out += DIGITS[hash & 63];
    hash >>>= 6;
  }
  return out;
}

/** Read a stored record defensively: anything malformed counts as nothing seen. */
export function parseSeen(value: unknown): SeenRecord {
  const groups: Array<[number, string]> = [];
  const raw = typeof value === 'object' && value !== null ? (value as { groups?: unknown }).groups : undefined;
  if (Array.isArray(raw)) {
    for (const group of raw) {
      if (Array.isArray(group) && typeof group[0] === 'number' && typeof group[1] === 'string' && group[1].length % HASH_WIDTH === 0) {
        groups.push([group[0], group[1]]);
      }
    }
  }
  return { v: 1, groups };
}

export class SeenLog {
  /** Seen before this page loaded: where the divider goes. Hash → minute. */
  readonly #before = new Map<string, number>();
  readonly #groups: Array<[number, string]>;
  readonly #known = new Set<string>();
  #dirty = false;

  constructor(record: SeenRecord) {
    this.#groups = record.groups.map(([minute, hashes]) => [minute, hashes]);
    for (const [minute, hashes] of this.#groups) {
      for (let i = 0; i < hashes.length; i += HASH_WIDTH) {
        const hash = hashes.slice(i, i + HASH_WIDTH);
        this.#before.set(hash, minute);
        this.#known.add(hash);
      }
    }
  }

  /** When this item was seen on an earlier visit (epoch ms), or undefined. */
  seenBefore(id: string): number | undefined {
    return this.seenBeforeHash(seenHash(id));
  }

  seenBeforeHash(hash: string): number | undefined {
    const minute = this.#before.get(hash);
    return minute === undefined ? undefined : minute * MINUTE;
  }

  /** Remember an item as scrolled past now; false when it was already known. */
  mark(id: string, now: number): boolean {
    return this.markHash(seenHash(id), now);
  }

  /** As mark, for a hash computed earlier (the feed hashes each item once, when it appears). */
  markHash(hash: string, now: number): boolean {
    if (this.#known.has(hash)) return false;
    this.#known.add(hash);
    const minute = Math.floor(now / MINUTE);
    const last = this.#groups[this.#groups.length - 1];
    if (last && last[0] === minute) last[1] += hash;
    else this.#groups.push([minute, hash]);
    this.#dirty = true;
    return true;
  }

  get changed(): boolean {
    return this.#dirty;
  }

  /** The record to store: the last SEEN_DAYS days, then the newest groups that fit the budget. */
  toRecord(now: number): SeenRecord {
    this.#dirty = false;
    const oldest = Math.floor((now - SEEN_DAYS * 86_400_000) / MINUTE);
    const kept: Array<[number, string]> = [];
    let size = 20; // {"v":1,"groups":[]}
    for (let i = this.#groups.length - 1; i >= 0; i--) {
      const group = this.#groups[i];
      if (!group || group[0] < oldest) break;
      const [minute, hashes] = group;
      const cost = String(minute).length + 6; // [n,""], and a comma
      if (size + cost + hashes.length > SEEN_BUDGET) {
        // Keep the newest part of a group that does not fit whole, then stop.
        const room = Math.floor((SEEN_BUDGET - size - cost) / HASH_WIDTH) * HASH_WIDTH;
        if (room > 0) kept.push([minute, hashes.slice(hashes.length - room)]);
        break;
      }
      size += cost + hashes.length;
      kept.push([minute, hashes]);
    }
    return { v: 1, groups: kept.reverse() };
  }
}

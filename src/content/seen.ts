/**
 * What the user has already scrolled past in a feed, per site, kept small: each item id becomes a
 * 32-bit hash written as 6 characters, grouped by the minute it was seen (so "seen at 09:14" needs
 * no per-item time). Pruned to the last SEEN_DAYS days and, oldest first, to SEEN_BUDGET characters
 * (the stored JSON is ASCII, so characters are bytes). The whole record, up to 200 KB, takes a
 * millisecond or more to write: while the user scrolls only what went past since it was written
 * is stored, beside it (divider.ts), and read back with it. DOM-free: the feed wiring is in
 * divider.ts.
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

/** Add `hash`, seen at `now`, to minute groups: to the last one if it is of the same minute. */
export function addToGroups(groups: Array<[number, string]>, hash: string, now: number): void {
  const minute = Math.floor(now / MINUTE);
  const last = groups[groups.length - 1];
  if (last && last[0] === minute) last[1] += hash;
  else groups.push([minute, hash]);
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

const DIGIT_VALUES = new Uint8Array(128);
for (let i = 0; i < DIGITS.length; i++) DIGIT_VALUES[DIGITS.charCodeAt(i)] = i;

/**
 * The number a 6-character hash at `at` in `text` stands for (seenHash's digits, lowest first).
 * Six digits hold 36 bits; ours use 32, and a stored string that is not ours is cut to 32 too, so
 * that the index stays sorted.
 */
function hashValue(text: string, at: number): number {
  let value = 0;
  for (let i = HASH_WIDTH - 1; i >= 0; i--) value = value * 64 + (DIGIT_VALUES[text.charCodeAt(at + i)] ?? 0);
  return value % 4_294_967_296;
}

/** Group numbers are kept in 16 bits; a record of ours has some 10,000 groups at most. */
const MAX_GROUPS = 65_535;

export class SeenLog {
  readonly #groups: Array<[number, string]>;
  /**
   * Seen before this page loaded, for the divider and to mark nothing twice: the hashes as
   * numbers, sorted, and beside each the group it is in. Some 180 KB for 30 days of heavy use,
   * built in a few milliseconds; a Map and a Set of 30,000 strings took ten times that memory and
   * twice the time, and left as much garbage.
   */
  readonly #sorted: Uint32Array;
  readonly #groupOf: Uint16Array;
  /** Marked on this page. */
  readonly #marked = new Set<string>();

  /** The whole record as last stored, and the recent part stored beside it since. */
  constructor(record: SeenRecord, recent: SeenRecord = { v: 1, groups: [] }) {
    // A copy: marking grows its last group.
    this.#groups = [...record.groups, ...recent.groups].slice(-MAX_GROUPS).map(([minute, hashes]) => [minute, hashes]);
    let count = 0;
    for (const [, hashes] of this.#groups) count += hashes.length / HASH_WIDTH;
    // Sorted together as one number each (hash × 2^16 + group: exact in a double).
    const keys = new Float64Array(count);
    let k = 0;
    this.#groups.forEach(([, hashes], group) => {
      for (let i = 0; i < hashes.length; i += HASH_WIDTH) keys[k++] = hashValue(hashes, i) * 65_536 + group;
    });
    keys.sort();
    this.#sorted = new Uint32Array(count);
    this.#groupOf = new Uint16Array(count);
    for (let i = 0; i < count; i++) {
      const group = keys[i]! % 65_536;
      this.#groupOf[i] = group;
      this.#sorted[i] = (keys[i]! - group) / 65_536;
    }
  }

  /** Bytes the index of hashes seen before takes (the bench prints it). */
  get indexBytes(): number {
    return this.#sorted.byteLength + this.#groupOf.byteLength;
  }

  /** Where `hash` is among those seen before this page loaded, or -1. */
  #find(hash: string): number {
    const value = hashValue(hash, 0);
    const sorted = this.#sorted;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle]! < value) low = middle + 1;
      else high = middle;
    }
    return sorted[low] === value ? low : -1;
  }

  /** When this item was seen on an earlier visit (epoch ms), or undefined. */
  seenBefore(id: string): number | undefined {
    return this.seenBeforeHash(seenHash(id));
  }

  seenBeforeHash(hash: string): number | undefined {
    const at = this.#find(hash);
    return at < 0 ? undefined : this.#groups[this.#groupOf[at]!]![0] * MINUTE;
  }

  /** Remember an item as scrolled past now; false when it was already known. */
  mark(id: string, now: number): boolean {
    return this.markHash(seenHash(id), now);
  }

  /** As mark, for a hash computed earlier (the feed hashes each item once, when it appears). */
  markHash(hash: string, now: number): boolean {
    if (this.#marked.has(hash) || this.#find(hash) >= 0) return false;
    this.#marked.add(hash);
    addToGroups(this.#groups, hash, now);
    return true;
  }

  /** The record to store: the last SEEN_DAYS days, then the newest groups that fit the budget. */
  toRecord(now: number): SeenRecord {
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

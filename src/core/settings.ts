/**
 * The user's settings: one versioned record in storage.local under "settings". Every read goes
 * through `parseSettings`, which migrates older shapes step by step and falls back to the
 * defaults field by field, so a damaged or hand-edited value never breaks Stroom.
 */
import { array, boolean, literal, number, object, string } from './validate';
import type { Infer } from './validate';

export const SETTINGS_VERSION = 1;

const time = () => string({ min: 5, max: 5 });

export const settingsSchema = object({
  version: literal(SETTINGS_VERSION),
  digest: object({
    /** Local time "HH:MM" at which the day's digest is delivered. */
    time: time(),
    /** Weekdays, 0 = Sunday … 6 = Saturday. */
    days: array(number({ integer: true, min: 0, max: 6 }), { max: 7 }),
    /** Show a notification when the digest is ready; off leaves it in the popup only. */
    notify: boolean(),
  }),
  /** Unread items older than this many days are let go when a digest is built. */
  letGoAfterDays: number({ integer: true, min: 0, max: 3650 }),
  letGoNever: boolean(),
  feed: object({
    /** A calm divider where the already-seen part of the timeline begins. */
    caughtUpDivider: boolean(),
    /** A dismissible note after a long session; off by default. */
    nudge: boolean(),
    nudgeMinutes: number({ integer: true, min: 5, max: 600 }),
    nudgeItems: number({ integer: true, min: 20, max: 10_000 }),
  }),
  /** Badge every recognised item with its site and kind (for reporting broken sites). */
  debugBadges: boolean(),
});

export type Settings = Infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  digest: { time: '18:00', days: [0, 1, 2, 3, 4, 5, 6], notify: true },
  letGoAfterDays: 7,
  letGoNever: false,
  feed: { caughtUpDivider: true, nudge: false, nudgeMinutes: 45, nudgeItems: 300 },
  debugBadges: false,
};

const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Validate a full settings record (as sent by the options page); throws with the bad field. */
export function validateSettings(value: unknown): Settings {
  const settings = settingsSchema.parse(value, 'settings');
  if (!TIME_PATTERN.test(settings.digest.time)) throw new Error('settings.digest.time: expected HH:MM');
  return { ...settings, digest: { ...settings.digest, days: [...new Set(settings.digest.days)].sort() } };
}

/**
 * Read whatever is stored: current records validate as they are; anything else is merged onto
 * the defaults one section at a time, keeping every section that is still valid.
 */
export function parseSettings(stored: unknown): Settings {
  if (stored === undefined || stored === null) return DEFAULT_SETTINGS;
  try {
    return validateSettings(stored);
  } catch {
    // fall through: salvage what we can
  }
  const record = typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>) {
    if (key === 'version' || !(key in record)) continue;
    const candidate = { ...DEFAULT_SETTINGS, [key]: record[key] };
    try {
      validateSettings(candidate);
      merged[key] = record[key];
    } catch {
      // keep the default for this section
    }
  }
  return validateSettings(merged);
}

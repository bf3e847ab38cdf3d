/**
 * What the background's handlers and jobs work with, passed in rather than imported, so tests
 * run them on fake-indexeddb with a fixed clock and in-memory settings.
 */
import type { Settings } from '../core/settings';
import type { StroomDatabase } from '../store/db';
import type { CapturePlatform } from './capture';
import type { DigestPlatform } from './digest';

export interface SettingsStore {
  read(): Promise<Settings>;
  write(settings: Settings): Promise<void>;
}

export interface BackgroundContext {
  getDb(): Promise<StroomDatabase>;
  now(): number;
  settings: SettingsStore;
  /** Alarms, notifications, the toolbar dot and delivery state (absent in tests that don't need them). */
  digest?: DigestPlatform;
  /** Reading tabs, storage and Mastodon registrations for capturing (absent in tests that don't need them). */
  capture?: CapturePlatform;
}

/** Reading and changing the user's settings (see src/core/settings.ts). */
import type { Settings } from '../settings';
import { settingsSchema } from '../settings';
import { object } from '../validate';
import { define } from './define';

export const SETTINGS_MESSAGES = {
  /** Replace the settings; the background validates them in full (time format included). */
  'update-settings': define<{ settings: Settings }, { settings: Settings }>(['page'], object({ settings: settingsSchema })),
} as const;

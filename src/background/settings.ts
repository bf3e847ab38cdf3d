/** Settings handlers: the options page changes settings only through here, fully validated. */
import type { SETTINGS_MESSAGES } from '../core/messages/settings';
import { validateSettings } from '../core/settings';
import type { BackgroundContext } from './context';
import type { HandlersFor } from './router';

export function createSettingsHandlers({ settings }: BackgroundContext): HandlersFor<typeof SETTINGS_MESSAGES> {
  return {
    async 'update-settings'({ settings: next }) {
      const valid = validateSettings(next);
      await settings.write(valid);
      return { settings: valid };
    },
  };
}

/** Settings kept in memory, standing in for storage.local in handler tests. */
import type { SettingsStore } from '../../src/background/context';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Settings } from '../../src/core/settings';

export function memorySettings(initial: Settings = DEFAULT_SETTINGS): SettingsStore & { current: Settings } {
  const store = {
    current: initial,
    async read() {
      return store.current;
    },
    async write(settings: Settings) {
      store.current = settings;
    },
  };
  return store;
}

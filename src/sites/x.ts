import type { SiteAdapter } from './types';

// Placeholder: replaced by the real adapter.
export const x: SiteAdapter = {
  site: 'x',
  label: 'x',
  matches: () => false,
  itemSelectors: [],
  extract: () => null,
};

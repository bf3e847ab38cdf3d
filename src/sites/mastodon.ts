import type { SiteAdapter } from './types';

// Placeholder: replaced by the real adapter.
export const mastodon: SiteAdapter = {
  site: 'mastodon',
  label: 'mastodon',
  matches: () => false,
  itemSelectors: [],
  extract: () => null,
};

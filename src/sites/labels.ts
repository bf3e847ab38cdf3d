/** How each site is named to people (popup, digest, the broken-site notice). */
import type { SiteId } from './types';

export const SITE_LABELS: Record<SiteId, string> = {
  x: 'X',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  linkedin: 'LinkedIn',
  reddit: 'Reddit',
  hackernews: 'Hacker News',
  facebook: 'Facebook',
  threads: 'Threads',
  youtube: 'YouTube',
  web: 'Web',
};

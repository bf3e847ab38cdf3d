/**
 * Injected by the background on a feed page when settings.debugBadges is on: badges every item
 * the content script decorates, including those decorated while this file was on its way.
 */
import { addFeedExtra } from '../bridge';
import { badgeItems } from '../badges';

addFeedExtra('badges', (view, bridge) => {
  // The setting is read again per feed view: switched off since, a new view shows none.
  const on = (view.settings as { debugBadges?: unknown } | undefined)?.debugBadges === true;
  return on ? { decorated: (entries) => badgeItems(document, entries, bridge.adapter) } : {};
});

/**
 * Injected by the background on a feed page when settings.feed.nudge is on: one session nudge per
 * feed view, counting the items the caught-up memory marks as scrolled past and the saves.
 */
import { addFeedExtra } from '../bridge';
import { feedSettings } from '../divider';
import { sessionNudge } from '../nudge';

addFeedExtra('nudge', (view, { t }) => {
  const settings = feedSettings(view.settings);
  if (!settings.nudge) return {};
  const nudge = sessionNudge({
    document,
    minutes: settings.nudgeMinutes,
    items: settings.nudgeItems,
    text: (seen, saved) => t('nudgeText', [String(seen), String(saved), settings.digestTime]),
    dismissText: t('nudgeDismiss'),
    signal: view.signal,
  });
  return { seen: (count) => nudge.seen(count), saved: () => nudge.saved() };
});

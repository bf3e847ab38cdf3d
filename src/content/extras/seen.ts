/**
 * Injected by the background on every feed page: the caught-up memory (issue 5). It remembers the
 * items the user scrolls past and shows the divider where the already-seen part begins, and tells
 * the other extras (the session nudge) of each newly seen item. Seen items are remembered even
 * with the divider off. Not in the bundle every feed page loads: that one stays small (20 KB).
 */
import { addFeedExtra } from '../bridge';
import { feedSwitches, watchCaughtUp } from '../divider';
import { thinRuntime } from '../../messaging/runtime';

addFeedExtra('seen', (view, { adapter, t }) => {
  const { storage, i18n } = thinRuntime();
  const clock = new Intl.DateTimeFormat(i18n.getUILanguage(), { hour: '2-digit', minute: '2-digit' });
  const decorated = watchCaughtUp({
    document,
    site: adapter.site,
    storage: storage?.local ?? { get: async () => ({}), set: async () => undefined },
    showDivider: feedSwitches(view.settings).caughtUpDivider,
    dividerText: (seenAt) => t('caughtUpDivider', [clock.format(seenAt)]),
    now: Date.now,
    signal: view.signal,
    onSeen: (count) => view.hooks.forEach((hooks) => hooks.seen?.(count)),
  });
  return { decorated };
});

/**
 * Injected by the background on every feed page once it has read its settings: the caught-up
 * memory (issue 5). It remembers the items the user scrolls past, shows the divider where the
 * already-seen part begins, and tells the other extras (the session nudge) how many went past.
 * Seen items are remembered even with the divider off. Not in the bundle every feed page loads,
 * which stays small (its budget is 20 KB).
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

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
  // Made when a divider is first shown, not on every feed page: in Chromium the first Intl
  // formatter in a page's process costs 15-30 ms (loading ICU's data; 0.1-3 ms after that). A
  // site that formats dates itself has paid it; on the bench's fixture pages this extra paid it,
  // though most page views show no divider.
  let clock: Intl.DateTimeFormat | null = null;
  const decorated = watchCaughtUp({
    document,
    site: adapter.site,
    storage: storage?.local ?? { get: async () => ({}), set: async () => undefined },
    showDivider: feedSwitches(view.settings).caughtUpDivider,
    dividerText: (seenAt) => {
      clock ??= new Intl.DateTimeFormat(i18n.getUILanguage(), { hour: '2-digit', minute: '2-digit' });
      return t('caughtUpDivider', [clock.format(seenAt)]);
    },
    now: Date.now,
    signal: view.signal,
    onSeen: (count) => view.hooks.forEach((hooks) => hooks.seen?.(count)),
  });
  return { decorated };
});

/**
 * The popup's actions for the tab it was opened on (issue 3): "Save this page" where the page is
 * not a feed, "Use Stroom on this site" on a Mastodon server Stroom does not know yet, and a plain
 * notice when Stroom recently failed to recognise the posts of this site.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from '../shared/browser';
import type { SiteStatus } from '../../core/messages/capture';
import { send } from '../../messaging/send';
import { HEALTH_KEY, INSTANCES_KEY, parseHealth, parseInstances, siteStatusFor } from '../../background/captureStatus';
import { parsePageMetadata, readPageMetadata } from '../../background/capturePage';
import type { PageMetadata } from '../../background/capturePage';
import { t } from '../shared/i18n';

/**
 * Options → "Report a broken site": the README's section of that name inside the extension (it
 * works offline and needs no project address), with the details a report needs ready to copy.
 */
const reportBrokenSiteUrl = (): string => browser.runtime.getURL('options.html#report-a-broken-site');

/**
 * The tab the popup acts on: the active tab of its window. End-to-end tests open popup.html in a
 * tab of its own and name the tab with ?tab=<id> (a real popup is never opened with a query).
 */
async function targetTabId(): Promise<number | null> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(named) && named > 0) return named;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

type PageSave = 'idle' | 'busy' | 'saved' | 'failed';
type Grant = 'idle' | 'done' | 'denied';

/** `onSaved` runs after "Save this page" stored the page, so the list below can show it. */
export function SiteActions({ onSaved }: { onSaved?: () => void }) {
  const [tabId, setTabId] = useState<number | null>(null);
  const [status, setStatus] = useState<SiteStatus | null>(null);
  const [pageSave, setPageSave] = useState<PageSave>('idle');
  const [grant, setGrant] = useState<Grant>('idle');

  useEffect(() => {
    void (async () => {
      const id = await targetTabId();
      if (id === null) return;
      setTabId(id);
      // Read here rather than through the background, so opening the popup leaves an idle
      // background asleep (the popup's list reads IndexedDB itself for the same reason).
      let page: PageMetadata | null = null;
      try {
        const [injection] = await browser.scripting.executeScript({ target: { tabId: id }, func: readPageMetadata });
        page = parsePageMetadata(injection?.result);
      } catch {
        // A browser page or a tab Stroom may not read: nothing to offer but the list.
      }
      const stored = await browser.storage.local.get([INSTANCES_KEY, HEALTH_KEY]);
      setStatus(siteStatusFor(page, parseInstances(stored[INSTANCES_KEY]), parseHealth(stored[HEALTH_KEY]), Date.now()));
    })().catch(() => setStatus(null));
  }, []);

  if (tabId === null || status === null) return null;
  const offerSave = status.pageSavable && !status.feedSite;
  if (!offerSave && !status.brokenSite && !status.mastodonCandidate) return null;

  const savePage = async () => {
    setPageSave('busy');
    try {
      await send('save-page', { tabId });
      setPageSave('saved');
      onSaved?.();
    } catch {
      setPageSave('failed');
    }
  };

  const useOnSite = async (origin: string) => {
    // Asked here, in the click: the browser shows its permission prompt only for a user gesture.
    const granted = await browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
    if (!granted) {
      setGrant('denied');
      return;
    }
    await send('enable-instance', { origin });
    setGrant('done');
  };

  return (
    <section class="site-actions" aria-label={t('siteActionsLabel')}>
      {status.brokenSite && (
        <p class="notice" role="status" data-stroom-health={status.brokenSite.site}>
          {t('brokenSite', [status.brokenSite.label])}{' '}
          <a href={reportBrokenSiteUrl()} target="_blank" rel="noopener noreferrer">
            {t('reportIt')}
          </a>
        </p>
      )}
      {status.mastodonCandidate && grant === 'idle' && (
        <div class="site-action">
          <p class="quiet">{t('useOnSiteHint')}</p>
          <button type="button" class="button" onClick={() => void useOnSite(status.mastodonCandidate as string)}>
            {t('useOnSite')}
          </button>
        </div>
      )}
      {grant !== 'idle' && (
        <p class="quiet" role="status">
          {t(grant === 'done' ? 'useOnSiteDone' : 'useOnSiteDenied')}
        </p>
      )}
      {offerSave && (
        <div class="site-action">
          <button type="button" class="button" disabled={pageSave === 'busy' || pageSave === 'saved'} onClick={() => void savePage()}>
            {pageSave === 'saved' ? t('pageSaved') : t('savePage')}
          </button>
          {pageSave === 'failed' && (
            <p class="error" role="alert">
              {t('pageSaveFailed')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

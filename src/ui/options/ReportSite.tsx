/**
 * Options, "Report a broken site" (issue 3): where the popup's "Report it" link leads. The same
 * steps as the README's section of that name, inside the extension so they work offline, plus the
 * details a report needs (version, browser, the latest health checks) ready to copy. Stroom sends
 * nothing itself: the user chooses what to share, and where.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from '../shared/browser';
import { HEALTH_KEY, parseHealth, reportDetails } from '../../background/captureStatus';
import { t } from '../shared/i18n';

/** The fragment the popup links to (and the README's section anchor). */
export const REPORT_SECTION_ID = 'report-a-broken-site';

type Copied = 'idle' | 'copied' | 'select';

export function ReportSite() {
  const [details, setDetails] = useState('');
  const [copied, setCopied] = useState<Copied>('idle');
  const heading = useRef<HTMLHeadingElement>(null);
  const detailsBox = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const version = browser.runtime.getManifest().version;
    browser.storage.local
      .get(HEALTH_KEY)
      .then((stored) => setDetails(reportDetails(version, navigator.userAgent, parseHealth(stored[HEALTH_KEY]), Date.now())))
      .catch(() => setDetails(reportDetails(version, navigator.userAgent, {}, Date.now())));
    // The page renders after load, so the browser could not scroll to the fragment itself.
    if (location.hash === `#${REPORT_SECTION_ID}`) {
      heading.current?.scrollIntoView();
      heading.current?.focus();
    }
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(details);
      setCopied('copied');
    } catch {
      // No clipboard access (an unfocused page, a strict browser setting): select the text instead.
      detailsBox.current?.select();
      setCopied('select');
    }
  };

  return (
    <section class="report-site" aria-labelledby={REPORT_SECTION_ID}>
      {/* The fragment's target is the focusable heading, not the section: Chromium's fragment
          anchoring clears the focus when its target cannot take it, which would undo ours. */}
      <h2 id={REPORT_SECTION_ID} ref={heading} tabIndex={-1}>
        {t('reportTitle')}
      </h2>
      <p>{t('reportIntro')}</p>
      <ol>
        <li>{t('reportStepPage')}</li>
        <li>{t('reportStepIssue')}</li>
        <li>{t('reportStepSave')}</li>
      </ol>
      <label class="field-block" for="report-details">
        {t('reportDetailsLabel')}
      </label>
      <textarea id="report-details" ref={detailsBox} readOnly rows={5} value={details} />
      <p class="report-copy">
        <button type="button" class="button" onClick={() => void copy()} disabled={details === ''}>
          {t('reportCopy')}
        </button>{' '}
        <span role="status">{copied === 'copied' ? t('reportCopied') : copied === 'select' ? t('reportCopySelect') : ''}</span>
      </p>
    </section>
  );
}

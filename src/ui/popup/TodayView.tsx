/**
 * The popup's "Today" view: the current day's digest so far, as themes with counts and a link to
 * the full digest. It renders at once from what is stored (IndexedDB, no message round trip),
 * then asks the background for the day rebuilt with anything saved since.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Digest } from '../../digest/types';
import { localDay, systemTimeZone } from '../../digest/schedule';
import { send } from '../../messaging/send';
import { openStroomDB } from '../../store/db';
import { t } from '../shared/i18n';

export function TodayView() {
  const [digest, setDigest] = useState<Digest | null | undefined>(undefined);

  useEffect(() => {
    const day = localDay(Date.now(), systemTimeZone());
    let fresh = false;
    openStroomDB()
      .then((db) => db.get('digests', day))
      .then((stored) => !fresh && setDigest((current) => (current === undefined ? (stored?.digest ?? null) : current)))
      .catch(() => undefined);
    send('get-digest', { day })
      .then(({ stored }) => {
        fresh = true;
        setDigest(stored?.digest ?? null);
      })
      .catch(() => setDigest((current) => current ?? null));
    // Looking at today's digest clears the toolbar dot.
    send('digest-seen', {}).catch(() => undefined);
  }, []);

  if (digest === undefined) return <p class="quiet today" aria-busy="true" />;
  return <TodaySummary digest={digest} />;
}

/** Pure rendering of a (stored) digest: measured by test/bench/digest-ui.mjs. */
export function TodaySummary({ digest }: { digest: Digest | null }) {
  const themes = digest ? digest.themes.filter((theme) => !theme.other).length : 0;
  return (
    <section class="today" aria-labelledby="today-title">
      <h2 id="today-title">{t('todaySoFar')}</h2>
      {!digest || digest.total === 0 ? (
        <p class="quiet">{t('todayEmpty')}</p>
      ) : (
        <>
          <p>{t('todaySummary', [String(digest.total), String(themes)])}</p>
          <ul class="today-themes">
            {digest.themes.map((theme) => (
              <li key={theme.id}>
                <span>{theme.label}</span>
                <span class="quiet">{theme.items.length}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <a class="today-open" href="digest.html" target="_blank" rel="noopener">
        {t('digestOpenFull')}
      </a>
    </section>
  );
}

/**
 * Options, "Sites" (issue 3): the Mastodon servers the user added at run time, each removable
 * (which unregisters Stroom's script there and gives the permission back), and the debug badges.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from '../shared/browser';
import { parseSettings } from '../../core/settings';
import { send } from '../../messaging/send';
import { t } from '../shared/i18n';

const SETTINGS_KEY = 'settings';

export function SiteSettings() {
  const [origins, setOrigins] = useState<string[] | null>(null);
  const [badges, setBadges] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    send('list-instances', {})
      .then(({ origins: granted }) => setOrigins(granted))
      .catch(() => setOrigins([]));
    browser.storage.local
      .get(SETTINGS_KEY)
      .then((stored) => setBadges(parseSettings(stored[SETTINGS_KEY]).debugBadges))
      .catch(() => setBadges(false));
  }, []);

  const remove = async (origin: string) => {
    try {
      setOrigins((await send('disable-instance', { origin })).origins);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  const toggleBadges = async (on: boolean) => {
    setBadges(on);
    // Read the latest record first so this section never writes back another section's old values.
    const current = parseSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
    await send('update-settings', { settings: { ...current, debugBadges: on } }).catch((failure: unknown) =>
      setError(failure instanceof Error ? failure.message : String(failure)),
    );
  };

  return (
    <section class="site-settings" aria-labelledby="site-settings-title">
      <h2 id="site-settings-title">{t('sitesTitle')}</h2>
      <h3>{t('instancesTitle')}</h3>
      {origins !== null && origins.length === 0 && <p class="quiet">{t('instancesEmpty')}</p>}
      {origins !== null && origins.length > 0 && (
        <ul>
          {origins.map((origin) => (
            <li key={origin} data-stroom-instance={origin}>
              <span>{new URL(origin).host}</span>
              <button type="button" class="button" onClick={() => void remove(origin)}>
                {t('instanceRemove', [new URL(origin).host])}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label class="field">
        <input type="checkbox" checked={badges} onChange={(event) => void toggleBadges((event.currentTarget as HTMLInputElement).checked)} />
        <span>{t('debugBadgesLabel')}</span>
      </label>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

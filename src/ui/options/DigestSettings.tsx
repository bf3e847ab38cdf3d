/**
 * Options for the daily digest, letting go and the feed (caught-up divider, session nudge). The
 * page reads the stored settings through the same migrating parser as the background and saves
 * each change at once through 'update-settings', which validates the whole record.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from '../shared/browser';
import { parseSettings } from '../../core/settings';
import type { Settings } from '../../core/settings';
import { send } from '../../messaging/send';
import { t, uiLanguage } from '../shared/i18n';

const SETTINGS_KEY = 'settings';
/** Monday first, as calendars in the Netherlands and most of Europe show it. */
const WEEK = [1, 2, 3, 4, 5, 6, 0];

function weekdayName(day: number, language: string): string {
  // 2026-03-01 was a Sunday.
  return new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, 2, 1 + day));
}

export function DigestSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    browser.storage.local
      .get(SETTINGS_KEY)
      .then((stored) => setSettings(parseSettings(stored[SETTINGS_KEY])))
      .catch(() => setSettings(parseSettings(undefined)));
    // Follow changes made elsewhere (the Sites section, another options tab), so saving a digest
    // setting never writes back a stale copy of the others.
    const follow = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && SETTINGS_KEY in changes) setSettings(parseSettings(changes[SETTINGS_KEY]?.newValue));
    };
    browser.storage.onChanged.addListener(follow);
    return () => browser.storage.onChanged.removeListener(follow);
  }, []);

  if (!settings) return <section class="digest-settings" aria-busy="true" />;

  const save = (next: Settings) => {
    setSettings(next);
    send('update-settings', { settings: next })
      .then(({ settings: saved }) => {
        setSettings(saved);
        setStatus(t('settingsSaved'));
      })
      .catch((error: unknown) => setStatus(t('settingsSaveFailed', [error instanceof Error ? error.message : String(error)])));
  };
  const digest = (patch: Partial<Settings['digest']>) => save({ ...settings, digest: { ...settings.digest, ...patch } });
  const feed = (patch: Partial<Settings['feed']>) => save({ ...settings, feed: { ...settings.feed, ...patch } });
  const whole = (value: string, min: number, max: number, fallback: number) => {
    const number = Math.round(Number(value));
    return Number.isFinite(number) && value.trim() !== '' ? Math.min(max, Math.max(min, number)) : fallback;
  };
  const language = uiLanguage();

  return (
    <section class="digest-settings" aria-label={t('digestSettingsTitle')}>
      <fieldset>
        <legend>{t('digestSettingsTitle')}</legend>
        <label class="field">
          <span>{t('digestTimeLabel')}</span>
          <input type="time" value={settings.digest.time} required onChange={(event) => {
            const value = (event.currentTarget as HTMLInputElement).value;
            if (/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) digest({ time: value });
          }} />
        </label>
        <fieldset class="weekdays-set">
          <legend>{t('digestDaysLabel')}</legend>
          <div class="weekdays">
            {WEEK.map((day) => (
              <label key={day}>
                <input
                  type="checkbox"
                  checked={settings.digest.days.includes(day)}
                  onChange={(event) => {
                    const on = (event.currentTarget as HTMLInputElement).checked;
                    const days = on ? [...settings.digest.days, day] : settings.digest.days.filter((d) => d !== day);
                    digest({ days: [...new Set(days)].sort() });
                  }}
                />{' '}
                {weekdayName(day, language)}
              </label>
            ))}
          </div>
        </fieldset>
        <label class="field">
          <input type="checkbox" checked={settings.digest.notify} onChange={(event) => digest({ notify: (event.currentTarget as HTMLInputElement).checked })} />
          <span>{t('digestNotifyLabel')}</span>
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('letGoTitle')}</legend>
        <p class="quiet">{t('letGoHint')}</p>
        <label class="field">
          <span>{t('letGoAfterLabel')}</span>
          <input
            type="number"
            min={1}
            max={3650}
            value={settings.letGoAfterDays}
            disabled={settings.letGoNever}
            onChange={(event) => save({ ...settings, letGoAfterDays: whole((event.currentTarget as HTMLInputElement).value, 1, 3650, settings.letGoAfterDays) })}
          />
        </label>
        <label class="field">
          <input type="checkbox" checked={settings.letGoNever} onChange={(event) => save({ ...settings, letGoNever: (event.currentTarget as HTMLInputElement).checked })} />
          <span>{t('letGoNeverLabel')}</span>
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('feedSettingsTitle')}</legend>
        <label class="field">
          <input type="checkbox" checked={settings.feed.caughtUpDivider} onChange={(event) => feed({ caughtUpDivider: (event.currentTarget as HTMLInputElement).checked })} />
          <span>{t('caughtUpLabel')}</span>
        </label>
        <label class="field">
          <input type="checkbox" checked={settings.feed.nudge} onChange={(event) => feed({ nudge: (event.currentTarget as HTMLInputElement).checked })} />
          <span>{t('nudgeLabel')}</span>
        </label>
        <label class="field">
          <span>{t('nudgeMinutesLabel')}</span>
          <input
            type="number"
            min={5}
            max={600}
            value={settings.feed.nudgeMinutes}
            disabled={!settings.feed.nudge}
            onChange={(event) => feed({ nudgeMinutes: whole((event.currentTarget as HTMLInputElement).value, 5, 600, settings.feed.nudgeMinutes) })}
          />
        </label>
        <label class="field">
          <span>{t('nudgeItemsLabel')}</span>
          <input
            type="number"
            min={20}
            max={10000}
            value={settings.feed.nudgeItems}
            disabled={!settings.feed.nudge}
            onChange={(event) => feed({ nudgeItems: whole((event.currentTarget as HTMLInputElement).value, 20, 10_000, settings.feed.nudgeItems) })}
          />
        </label>
      </fieldset>
      <p role="status" class="quiet">
        {status}
      </p>
    </section>
  );
}

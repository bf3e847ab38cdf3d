/**
 * Stroom's options: the digest and letting go (DigestSettings), and sites (SiteSettings: Mastodon
 * instances granted at run time, the debug badges) and how to report a broken site (ReportSite).
 * Each section owns its own file.
 */
import { t } from '../shared/i18n';
import { DigestSettings } from './DigestSettings';
import { ReportSite } from './ReportSite';
import { SiteSettings } from './SiteSettings';

export function OptionsPage() {
  return (
    <main class="page">
      <h1>{t('optionsTitle')}</h1>
      <DigestSettings />
      <SiteSettings />
      <ReportSite />
    </main>
  );
}

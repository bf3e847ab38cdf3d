/** The full-page digest: themes, summaries, links, mark read/archive, past days. (Issue 5.) */
import { t } from '../shared/i18n';

export function DigestPage() {
  return (
    <main class="page">
      <h1>{t('digestTitle')}</h1>
    </main>
  );
}

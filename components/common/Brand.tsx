import type { UiLanguage } from '../../lib/core/vocabulary';
import { t } from '../../lib/i18n';

/** The brand line at the top of each page. */
export function Brand({ language, title }: { language: UiLanguage; title?: string }) {
  return (
    <header class="brand-header">
      <img class="brand-icon" src="/icon/48.png" alt="" width={32} height={32} />
      <div>
        <p class="brand-name">{title ?? 'Saring'}</p>
        <p class="brand-tagline">{t(language, 'tagline')}</p>
      </div>
    </header>
  );
}

import type { UiLanguage } from '../../lib/core/vocabulary';
import { t } from '../../lib/i18n';

/** What a page shows before its state arrives, or when the background does not answer. */
export function LoadState({
  status,
  language,
  onRetry,
}: {
  status: 'loading' | 'failed';
  language: UiLanguage;
  onRetry(): void;
}) {
  if (status === 'loading') {
    return (
      <p class="load-state" role="status" aria-live="polite">
        {t(language, 'loading')}
      </p>
    );
  }
  return (
    <div class="load-state load-state--failed" role="alert">
      <p>{t(language, 'errorNoAnswer')}</p>
      <button type="button" class="button" onClick={onRetry}>
        {t(language, 'retry')}
      </button>
    </div>
  );
}

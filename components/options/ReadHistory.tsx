import type { UiLanguage } from '../../lib/core/vocabulary';
import { useState } from 'preact/hooks';
import { formatNumber, t } from '../../lib/i18n';

export interface ReadHistoryProps {
  language: UiLanguage;
  /** Links remembered as read now. */
  count: number;
  /** "Forget what I read"; without it the button is left out. */
  onForget?(): void;
}

/** What the reading history holds, and a way to forget it after a confirmation that says how much. */
export function ReadHistory({ language, count, onForget }: ReadHistoryProps) {
  const [confirming, setConfirming] = useState(false);
  const shown = formatNumber(language, count);
  return (
    <div class="read-history" data-read-links={count}>
      <p>{t(language, 'readLinksBody', shown)}</p>
      {onForget &&
        (confirming ? (
          <div class="notice notice--warning read-history-confirm">
            <p role="alert">
              {count === 1 ? t(language, 'readLinksConfirmOne') : t(language, 'readLinksConfirm', shown)}
            </p>
            <p class="row-details">
              <button
                type="button"
                class="button button--primary"
                data-action="confirm-forget-read"
                onClick={() => {
                  setConfirming(false);
                  onForget();
                }}
              >
                {t(language, 'readLinksConfirmYes')}
              </button>
              <button
                type="button"
                class="button button--quiet"
                data-action="keep-read"
                onClick={() => setConfirming(false)}
              >
                {t(language, 'readLinksKeep')}
              </button>
            </p>
          </div>
        ) : (
          <p class="row-details">
            <button
              type="button"
              class="button"
              data-action="forget-read"
              disabled={count === 0}
              onClick={() => setConfirming(true)}
            >
              {t(language, 'readLinksForget')}
            </button>
          </p>
        ))}
    </div>
  );
}

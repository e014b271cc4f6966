import type { UiLanguage } from '../../lib/core/vocabulary';
import { t } from '../../lib/i18n';
import type { FactCheckView } from '../../lib/messaging/protocol';
import { RATING_DISPLAY, safeWebUrl } from '../rating';

export interface LabelProps {
  factCheck: FactCheckView;
  language: UiLanguage;
}

/** The inline label under a post that repeats a known hoax. List data is rendered as text only. */
export function Label({ factCheck, language }: LabelProps) {
  const display = RATING_DISPLAY[factCheck.rating];
  const href = safeWebUrl(factCheck.url);
  return (
    <aside class="label" data-rating={factCheck.rating} aria-label={t(language, 'labelName')}>
      <p class="summary">
        <span class="brand">Saring</span>
        <span class={`badge badge--${display.tone}`}>{t(language, display.label)}</span>
        <span class="claim">{factCheck.claim}</span>
      </p>
      {(factCheck.samePicture || factCheck.pictureText) && (
        <p class="matched-by" data-matched-by={factCheck.samePicture ? 'picture' : 'picture-text'}>
          {t(language, factCheck.samePicture ? 'labelMatchedPicture' : 'labelMatchedPictureText')}
        </p>
      )}
      <div class="actions">
        {href && (
          <a class="fact-check" href={href} target="_blank" rel="noopener noreferrer">
            {factCheck.publisher ? t(language, 'labelFactCheckBy', factCheck.publisher) : t(language, 'labelFactCheck')}
            <span aria-hidden="true"> ↗</span>
            <span class="visually-hidden"> {t(language, 'promptOpensInNewTab')}</span>
          </a>
        )}
        {factCheck.listHost && <span class="list-host">{t(language, 'factCheckListFrom', factCheck.listHost)}</span>}
        <details class="why">
          <summary>{t(language, 'labelWhy')}</summary>
          <p>{t(language, 'labelWhyText')}</p>
        </details>
      </div>
    </aside>
  );
}

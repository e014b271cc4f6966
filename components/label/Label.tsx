import type { UiText } from '../../lib/i18n/text';
import { matchedBy } from '../../lib/labels/matched-by';
import type { FactCheckView } from '../../lib/messaging/protocol';
import { RATING_DISPLAY, safeWebUrl } from '../rating';

export interface LabelProps {
  factCheck: FactCheckView;
  /** The words, in the language the background answered in. */
  text: UiText;
}

/** The inline label under a post that repeats a known hoax. List data is rendered as text only. */
export function Label({ factCheck, text: { t } }: LabelProps) {
  const display = RATING_DISPLAY[factCheck.rating];
  const href = safeWebUrl(factCheck.url);
  return (
    <aside class="label" data-rating={factCheck.rating} aria-label={t('labelName')}>
      <p class="summary">
        <span class="brand">Saring</span>
        <span class={`badge badge--${display.tone}`}>{t(display.label)}</span>
        <span class="claim">{factCheck.claim}</span>
      </p>
      {(factCheck.samePicture || factCheck.pictureText) && (
        <p class="matched-by" data-matched-by={matchedBy(factCheck)}>
          {t(factCheck.samePicture ? 'labelMatchedPicture' : 'labelMatchedPictureText')}
        </p>
      )}
      <div class="actions">
        {href && (
          <a class="fact-check" href={href} target="_blank" rel="noopener noreferrer">
            {factCheck.publisher ? t('labelFactCheckBy', factCheck.publisher) : t('labelFactCheck')}
            <span aria-hidden="true"> ↗</span>
            <span class="visually-hidden"> {t('promptOpensInNewTab')}</span>
          </a>
        )}
        {factCheck.listHost && <span class="list-host">{t('factCheckListFrom', factCheck.listHost)}</span>}
        <details class="why">
          <summary>{t('labelWhy')}</summary>
          <p>{t('labelWhyText')}</p>
        </details>
      </div>
    </aside>
  );
}

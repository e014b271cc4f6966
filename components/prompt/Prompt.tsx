import { type Outcome, OUTCOMES, type PromptReason } from '../../lib/core/vocabulary';
import { useRef } from 'preact/hooks';
import type { JSX } from 'preact';
import type { FactCheckView } from '../../lib/messaging/protocol';
import type { PostDetails } from '../../lib/guard/extract';
import type { PromptRequest } from '../../lib/guard/types';
import { formatDate, type PageMessageKey, type UiText } from '../../lib/i18n/text';
import { RATING_DISPLAY, safeWebUrl } from '../rating';

const REASON_TEXT: Record<PromptReason, PageMessageKey> = {
  'hoax-match': 'promptReasonHoaxMatch',
  'likely-match': 'promptReasonLikelyMatch',
  'unread-link': 'promptReasonUnreadLink',
  petition: 'promptReasonPetition',
  always: 'promptReasonAlways',
};

/** More than this many matches would push the actions out of a phone-sized window. */
const MAX_MATCHES_SHOWN = 3;

export interface PromptProps {
  request: PromptRequest;
  /** The words, in the request's language. */
  text: UiText;
  /** Called once, with the first choice; later clicks and keys are ignored. */
  onChoose(outcome: Outcome): void;
}

/** The question Saring asks before a share. Presentational: the host mounts it and handles the outcome. */
export function Prompt({ request, text, onChoose }: PromptProps) {
  const { language, t } = text;
  const chosen = useRef(false);
  const dialog = useRef<HTMLDivElement>(null);

  const choose = (outcome: Outcome) => {
    if (chosen.current) return;
    chosen.current = true;
    onChoose(outcome);
  };

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      choose('cancel');
    } else if (event.key === 'Tab' && dialog.current) {
      trapTab(event, dialog.current);
    } else if (event.key === 'Enter' && !event.isComposing) {
      // Choose the focused button's action ourselves: some sites swallow Enter in capture
      // listeners, and a click() of ours would be untrusted, which the host lets through to nothing.
      const action = OUTCOMES.find((outcome) => outcome === (event.target as HTMLElement).dataset.action);
      if (action) {
        event.preventDefault();
        choose(action);
      }
    }
  };

  const matches = request.matches.slice(0, MAX_MATCHES_SHOWN);
  return (
    <div class="backdrop">
      <div
        ref={dialog}
        class="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="saring-question"
        aria-describedby={`${request.forwardedMany ? 'saring-forwarded ' : ''}saring-reason saring-nudge`}
        data-reason={request.reason}
        lang={language}
        onKeyDown={onKeyDown}
      >
        <div class="brand" aria-hidden="true">
          <span class="brand-mark" />
          Saring
        </div>
        <h2 id="saring-question" class="question">
          {t('promptQuestion')}
        </h2>
        {request.forwardedMany && (
          <p id="saring-forwarded" class="forwarded-many" data-note="forwarded-many">
            {t('promptForwardedMany')}
          </p>
        )}
        <p id="saring-reason" class="reason">
          {t(REASON_TEXT[request.reason])}
        </p>

        {request.details && <DetailList details={request.details} text={text} />}

        {request.excerpt && (
          <figure class="excerpt">
            <figcaption class="section-label">
              {t(request.kind === 'sign' ? 'promptExcerptLabelSign' : 'promptExcerptLabel')}
            </figcaption>
            <blockquote class="excerpt-text">
              <p class="excerpt-clamp">{request.excerpt}</p>
            </blockquote>
          </figure>
        )}

        {matches.length > 0 && (
          <section class="matches" aria-labelledby="saring-matches">
            <h3 id="saring-matches" class="section-label">
              {t(request.reason === 'likely-match' ? 'promptMatchesHeadingLikely' : 'promptMatchesHeading')}
            </h3>
            <ul class="match-list">
              {matches.map((match, index) => (
                <MatchItem key={match.id} match={match} index={index} text={text} />
              ))}
            </ul>
          </section>
        )}

        <div class="footer">
          <p id="saring-nudge" class="nudge">
            {t('promptNudge')}
          </p>
          <div class="actions" role="group" aria-label={t('promptActionsLabel')}>
            <button type="button" class="button button--primary" data-action="read" onClick={() => choose('read')}>
              {t('promptActionRead')}
            </button>
            <button type="button" class="button" data-action="cancel" onClick={() => choose('cancel')}>
              {t('promptActionCancel')}
            </button>
            <button type="button" class="button button--quiet" data-action="share" onClick={() => choose('share')}>
              {t('promptActionShare')}
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}

const DETAIL_LABEL: Record<keyof PostDetails, PageMessageKey> = {
  title: 'promptDetailTitle',
  starter: 'promptDetailStarter',
  created: 'promptDetailCreated',
};

/** A date the page gave in ISO form (a `datetime`) is written the person's way; words stay as the page wrote them. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/** Who stands behind what is being signed or shared: the parts the page showed, in a fixed order. */
function DetailList({ details, text: { language, t } }: { details: PostDetails; text: UiText }) {
  const parts = (['title', 'starter', 'created'] as const).filter((part) => details[part]);
  return (
    <dl class="details" aria-label={t('promptDetailsLabel')}>
      {parts.map((part) => {
        const value = details[part] ?? '';
        const shown = part === 'created' && ISO_DATE.test(value) ? formatDate(language, value) : value;
        return (
          <div class="detail" key={part} data-detail={part}>
            <dt class="detail-name">{t(DETAIL_LABEL[part])}</dt>
            <dd class="detail-value">{shown}</dd>
          </div>
        );
      })}
    </dl>
  );
}

export function MatchItem({ match, index, text }: { match: FactCheckView; index: number; text: UiText }) {
  const { language, t } = text;
  const display = RATING_DISPLAY[match.rating];
  const href = safeWebUrl(match.url);
  // Item ids are list data and may hold spaces, so the element id uses the position.
  const claimId = `saring-claim-${index}`;
  const details = [
    match.samePicture && t('factCheckSamePicture'),
    match.pictureText && t('factCheckPictureText'),
    match.label && t('promptPublisherVerdict', match.label),
    match.publisher && t('promptCheckedBy', match.publisher),
    match.listHost && t('factCheckListFrom', match.listHost),
    match.published && formatDate(language, match.published),
  ].filter(Boolean);
  return (
    <li class="match" data-match-id={match.id} data-rating={match.rating}>
      <span class={`badge badge--${display.tone}`}>
        <span class="visually-hidden">{t('promptRatingLabel')}: </span>
        {t(display.label)}
      </span>
      <p id={claimId} class="claim">
        {match.claim}
      </p>
      {details.length > 0 && <p class="match-details">{details.join(' · ')}</p>}
      {href && (
        <a class="match-link" href={href} target="_blank" rel="noopener noreferrer" aria-describedby={claimId}>
          {t('promptOpenFactCheck')}
          <span aria-hidden="true"> ↗</span>
          <span class="visually-hidden"> {t('promptOpensInNewTab')}</span>
        </a>
      )}
    </li>
  );
}

/** Keeps Tab and Shift+Tab cycling through the dialog's own controls. */
function trapTab(event: KeyboardEvent, dialog: HTMLElement) {
  const focusable = [...dialog.querySelectorAll<HTMLElement>('button:not([disabled]), a[href]')];
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  const root = dialog.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement;
  const inside = active !== null && dialog.contains(active);
  if (event.shiftKey && (active === first || !inside)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !inside)) {
    event.preventDefault();
    first.focus();
  }
}

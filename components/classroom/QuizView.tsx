import type { UiLanguage } from '../../lib/core/vocabulary';
import type { PackPost } from '../../lib/classroom/pack';
import { ACCURACY_SCALE, isDecided, type PostAnswer } from '../../lib/classroom/session';
import { t, type MessageKey } from '../../lib/i18n';
import { PostCard } from '../demo/PostCard';

const ACCURACY_LABEL: Record<(typeof ACCURACY_SCALE)[number], MessageKey> = {
  1: 'quizAccuracy1',
  2: 'quizAccuracy2',
  3: 'quizAccuracy3',
  4: 'quizAccuracy4',
};

export interface QuizViewProps {
  language: UiLanguage;
  post: PackPost;
  position: number;
  total: number;
  answer: PostAnswer | undefined;
  onRate(rating: number): void;
  onShare(): void;
  onSkip(): void;
  onNext(): void;
}

/** One post at a time: rate its accuracy first (the accuracy nudge), then share it or not. */
export function QuizView({ language, post, position, total, answer, onRate, onShare, onSkip, onNext }: QuizViewProps) {
  const rated = answer?.rating != null;
  const last = position === total;
  return (
    <main class="quiz" data-quiz-step={position}>
      <p class="quiz-progress" aria-live="polite">
        {t(language, 'quizProgress', position, total)}
      </p>
      <fieldset class="card quiz-rating">
        <legend>{t(language, 'quizRateQuestion')}</legend>
        <div class="quiz-scale">
          {ACCURACY_SCALE.map((value) => (
            <label class="quiz-choice" key={value}>
              <input
                type="radio"
                name={`accuracy-${post.id}`}
                value={value}
                data-accuracy={value}
                checked={answer?.rating === value}
                onChange={() => onRate(value)}
              />
              <span>{t(language, ACCURACY_LABEL[value])}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <PostCard post={post} language={language} current onShare={onShare} shareDisabled={!rated || answer?.shared}>
        {!rated && <p class="muted quiz-hint">{t(language, 'quizRateFirst')}</p>}
      </PostCard>
      <div class="quiz-actions">
        <button
          type="button"
          class="button"
          data-quiz-action="skip"
          disabled={!rated || isDecided(answer)}
          onClick={onSkip}
        >
          {t(language, 'quizDontShare')}
        </button>
        <button
          type="button"
          class="button button--primary"
          data-quiz-action="next"
          disabled={!isDecided(answer)}
          onClick={onNext}
        >
          {t(language, last ? 'quizFinish' : 'quizNext')}
        </button>
      </div>
    </main>
  );
}

import type { UiLanguage } from '../../lib/core/vocabulary';
import type { QuizPart, QuizScore } from '../../lib/classroom/quiz';
import { formatNumber, t, type MessageKey } from '../../lib/i18n';

export interface ScoreScreenProps {
  language: UiLanguage;
  score: QuizScore;
  onExport(): void;
  onRestart(): void;
}

const percent = (language: UiLanguage, value: number | null) =>
  value === null ? '—' : `${formatNumber(language, Math.round(value * 100))}%`;

const oneDecimal = (language: UiLanguage, value: number | null) =>
  value === null ? '—' : value.toLocaleString(language === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 });

const PART_ROWS: [MessageKey, keyof Omit<QuizPart, 'posts'>][] = [
  ['scoreSharedTrue', 'sharedTrue'],
  ['scoreSharedFalse', 'sharedFalse'],
  ['scoreReadFirst', 'readFirst'],
];

/** The end of the quiz: discernment, reading first, and the first half against the second. */
export function ScoreScreen({ language, score, onExport, onRestart }: ScoreScreenProps) {
  const discernment = score.discernment === null ? '—' : formatNumber(language, Math.round(score.discernment * 100));
  return (
    <main class="score" aria-labelledby="score-title">
      <h2 id="score-title">{t(language, 'scoreTitle')}</h2>
      <div class="score-headline card">
        <p class="score-big" data-score="discernment">
          {discernment}
        </p>
        <div>
          <p class="score-label">{t(language, 'scoreDiscernment')}</p>
          <p class="muted">{t(language, 'scoreDiscernmentHelp')}</p>
        </div>
      </div>
      <dl class="score-facts">
        <div class="card">
          <dt>{t(language, 'scoreSharedTrue')}</dt>
          <dd data-score="shared-true">{percent(language, score.sharedTrue)}</dd>
        </div>
        <div class="card">
          <dt>{t(language, 'scoreSharedFalse')}</dt>
          <dd data-score="shared-false">{percent(language, score.sharedFalse)}</dd>
        </div>
        <div class="card">
          <dt>{t(language, 'scoreReadFirst')}</dt>
          <dd data-score="read-first">{t(language, 'scoreReadFirstCount', score.readFirstCount, score.prompts)}</dd>
        </div>
        <div class="card">
          <dt>{t(language, 'scoreRatings')}</dt>
          <dd data-score="ratings">
            {t(
              language,
              'scoreRatingsValue',
              oneDecimal(language, score.meanRatingTrue),
              oneDecimal(language, score.meanRatingFalse),
            )}
          </dd>
        </div>
      </dl>
      <section class="card" aria-labelledby="score-change">
        <h3 id="score-change">{t(language, 'scoreChange')}</h3>
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col">{t(language, 'scoreFirstHalf', score.firstHalf.posts)}</th>
              <th scope="col">{t(language, 'scoreSecondHalf', score.secondHalf.posts)}</th>
            </tr>
          </thead>
          <tbody>
            {PART_ROWS.map(([label, field]) => (
              <tr key={field} data-score-row={field}>
                <th scope="row">{t(language, label)}</th>
                <td>{percent(language, score.firstHalf[field])}</td>
                <td>{percent(language, score.secondHalf[field])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <p class="muted">{t(language, 'scorePrivacy')}</p>
      <div class="quiz-actions">
        <button type="button" class="button" data-quiz-action="export" onClick={onExport}>
          {t(language, 'scoreExport')}
        </button>
        <button type="button" class="button button--primary" data-quiz-action="restart" onClick={onRestart}>
          {t(language, 'scoreRestart')}
        </button>
      </div>
    </main>
  );
}

import { type Outcome, OUTCOMES, PROMPT_REASONS, type PromptReason, type UiLanguage } from '../../lib/core/vocabulary';
import { promptTotal, type StatsReport } from '../../lib/stats/report';
import { formatDate, formatNumber, t, type MessageKey } from '../../lib/i18n';

export const STATS_RANGES = [7, 30] as const;
export type StatsRange = (typeof STATS_RANGES)[number];

const OUTCOME_TEXT: Record<Outcome, MessageKey> = { cancel: 'statCancel', read: 'statRead', share: 'statShare' };
const REASON_TEXT: Record<PromptReason, MessageKey> = {
  'hoax-match': 'statsReasonHoax',
  'likely-match': 'statsReasonLikely',
  'unread-link': 'statsReasonLink',
  petition: 'statsReasonPetition',
  always: 'statsReasonAlways',
};

export interface StatsSectionProps {
  language: UiLanguage;
  range: StatsRange;
  report: StatsReport;
  onRange(range: StatsRange): void;
  onReset(): void;
  onExport(): void;
}

const CHART_HEIGHT = 120;

/** Local counters as charts (plain SVG and CSS), with a table for screen readers and exact numbers. */
export function StatsSection({ language, range, report, onRange, onReset, onExport }: StatsSectionProps) {
  const prompts = promptTotal(report.totals);
  const summary = t(
    language,
    'statsSummary',
    formatNumber(language, prompts),
    range,
    formatNumber(language, report.totals.outcomes.cancel),
    formatNumber(language, report.totals.outcomes.read),
    formatNumber(language, report.totals.outcomes.share),
  );
  return (
    <section class="card stats-section" aria-labelledby="options-stats" data-stats-range={range}>
      <h2 id="options-stats">{t(language, 'statsHeading')}</h2>
      <p class="muted section-help">{t(language, 'statsHelp')}</p>
      <div class="stats-range" role="group" aria-label={t(language, 'statsRange')}>
        {STATS_RANGES.map((days) => (
          <button
            type="button"
            class="button"
            key={days}
            aria-pressed={range === days}
            data-stats-days={days}
            onClick={() => onRange(days)}
          >
            {t(language, 'statsDays', days)}
          </button>
        ))}
      </div>
      <p class="stats-summary" data-stats-total={prompts}>
        {summary}
      </p>
      <DayBars language={language} report={report} label={summary} />
      <OutcomeShare language={language} report={report} />
      <details class="stats-table">
        <summary>{t(language, 'statsShowTable')}</summary>
        <StatsTable language={language} report={report} />
      </details>
      <div class="stats-actions">
        <button type="button" class="button" data-action="export-stats" onClick={onExport}>
          {t(language, 'statsExport')}
        </button>
        <button type="button" class="button button--quiet" data-action="reset-stats" onClick={onReset}>
          {t(language, 'statsReset')}
        </button>
      </div>
    </section>
  );
}

/** Prompts per day as stacked bars: cancelled, read first, shared anyway, and prompts left unanswered. */
function DayBars({ language, report, label }: { language: UiLanguage; report: StatsReport; label: string }) {
  const max = Math.max(1, ...report.days.map(promptTotal));
  const width = 100 / report.days.length;
  return (
    <figure class="stats-chart">
      <figcaption>{t(language, 'statsByDay')}</figcaption>
      <svg
        viewBox={`0 0 100 ${CHART_HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={label}
        class="day-bars"
      >
        {report.days.map((day, index) => {
          const total = promptTotal(day);
          let y = CHART_HEIGHT;
          const segments = [...OUTCOMES.map((outcome) => [outcome, day.outcomes[outcome]] as const)];
          const answered = segments.reduce((sum, [, count]) => sum + count, 0);
          const parts = [...segments, ['none', Math.max(0, total - answered)] as const];
          return (
            <g key={day.day}>
              <title>{`${formatDate(language, day.day)}: ${formatNumber(language, total)}`}</title>
              {parts.map(([name, count]) => {
                const height = (count / max) * (CHART_HEIGHT - 4);
                y -= height;
                return count > 0 ? (
                  <rect
                    key={name}
                    class={`bar bar--${name}`}
                    x={index * width + width * 0.15}
                    width={width * 0.7}
                    y={y}
                    height={height}
                  />
                ) : null;
              })}
            </g>
          );
        })}
      </svg>
      <div class="day-axis" aria-hidden="true">
        <span>{formatDate(language, report.days[0]!.day)}</span>
        <span>{formatDate(language, report.days[report.days.length - 1]!.day)}</span>
      </div>
      <Legend language={language} />
    </figure>
  );
}

function Legend({ language }: { language: UiLanguage }) {
  return (
    <ul class="legend" aria-hidden="true">
      {OUTCOMES.map((outcome) => (
        <li key={outcome}>
          <span class={`swatch bar--${outcome}`} />
          {t(language, OUTCOME_TEXT[outcome])}
        </li>
      ))}
      <li>
        <span class="swatch bar--none" />
        {t(language, 'statsNoAnswer')}
      </li>
    </ul>
  );
}

/** What people chose when asked, as one 100% bar with percentages written out. */
function OutcomeShare({ language, report }: { language: UiLanguage; report: StatsReport }) {
  const total = OUTCOMES.reduce((sum, outcome) => sum + report.totals.outcomes[outcome], 0);
  return (
    <figure class="stats-chart">
      <figcaption>{t(language, 'statsOutcomes')}</figcaption>
      {total === 0 ? (
        <p class="muted">{t(language, 'statsEmpty')}</p>
      ) : (
        <>
          <div class="share-bar" aria-hidden="true">
            {OUTCOMES.map((outcome) => (
              <span
                key={outcome}
                class={`bar--${outcome}`}
                style={{ width: `${(report.totals.outcomes[outcome] / total) * 100}%` }}
              />
            ))}
          </div>
          <ul class="share-list">
            {OUTCOMES.map((outcome) => (
              <li key={outcome} data-stats-outcome={outcome}>
                <span class={`swatch bar--${outcome}`} aria-hidden="true" />
                {t(language, OUTCOME_TEXT[outcome])}: {formatNumber(language, report.totals.outcomes[outcome])} (
                {formatNumber(language, Math.round((report.totals.outcomes[outcome] / total) * 100))}%)
              </li>
            ))}
          </ul>
        </>
      )}
    </figure>
  );
}

function StatsTable({ language, report }: { language: UiLanguage; report: StatsReport }) {
  const columns = (
    <>
      {PROMPT_REASONS.map((reason) => (
        <th scope="col" key={reason}>
          {t(language, REASON_TEXT[reason])}
        </th>
      ))}
      {OUTCOMES.map((outcome) => (
        <th scope="col" key={outcome}>
          {t(language, OUTCOME_TEXT[outcome])}
        </th>
      ))}
    </>
  );
  const cells = (counts: StatsReport['totals']) => (
    <>
      {PROMPT_REASONS.map((reason) => (
        <td key={reason}>{formatNumber(language, counts.prompts[reason])}</td>
      ))}
      {OUTCOMES.map((outcome) => (
        <td key={outcome}>{formatNumber(language, counts.outcomes[outcome])}</td>
      ))}
    </>
  );
  return (
    <div class="table-scroll">
      <table class="data-table">
        <caption>{t(language, 'statsByDay')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(language, 'statsDay')}</th>
            {columns}
          </tr>
        </thead>
        <tbody>
          {report.days.map((day) => (
            <tr key={day.day} data-stats-day={day.day}>
              <th scope="row">{formatDate(language, day.day)}</th>
              {cells(day)}
            </tr>
          ))}
        </tbody>
      </table>
      <table class="data-table">
        <caption>{t(language, 'statsBySite')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(language, 'statsSite')}</th>
            {columns}
          </tr>
        </thead>
        <tbody>
          {report.sites.map((site) => (
            <tr key={site.site} data-stats-site={site.site}>
              <th scope="row">{site.site}</th>
              {cells(site)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { UiLanguage } from '../../lib/core/vocabulary';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { statsCsv, type StatsReport } from '../../lib/stats/report';
import { t } from '../../lib/i18n';
import { downloadText } from './download';
import { StatsSection, type StatsRange } from './StatsSection';

/** Where the statistics come from; the options entrypoint supplies the messaging. */
export interface StatsSource {
  load(days: number): Promise<StatsReport>;
  reset(): Promise<unknown>;
}

/** Loads the chosen range's counters and handles reset (after a confirmation) and CSV export. */
export function StatsPanel({ language, source }: { language: UiLanguage; source: StatsSource }) {
  const [range, setRange] = useState<StatsRange>(7);
  const [report, setReport] = useState<StatsReport | null>(null);
  const [failed, setFailed] = useState(false);
  const reload = useCallback(() => {
    source.load(range).then(
      (value) => {
        setReport(value);
        setFailed(false);
      },
      () => setFailed(true),
    );
  }, [source, range]);
  useEffect(reload, [reload]);

  if (!report) {
    return (
      <section class="card" aria-labelledby="options-stats">
        <h2 id="options-stats">{t(language, 'statsHeading')}</h2>
        <p class="muted">{t(language, failed ? 'errorNoAnswer' : 'loading')}</p>
      </section>
    );
  }
  return (
    <StatsSection
      language={language}
      range={range}
      report={report}
      onRange={setRange}
      onExport={() => downloadText(`saring-stats-${range}d.csv`, statsCsv(report))}
      onReset={() => {
        if (window.confirm(t(language, 'statsResetConfirm'))) source.reset().then(reload, () => setFailed(true));
      }}
    />
  );
}

import { type Outcome, OUTCOMES, PROMPT_REASONS, type PromptReason } from '../core/vocabulary';
import type { DailyStatsRecord } from '../db';
import { spreadsheetCsv } from '../lists/csv';

export type ReasonCounts = Record<PromptReason, number>;
export type OutcomeCounts = Record<Outcome, number>;

export interface StatsCounts {
  prompts: ReasonCounts;
  outcomes: OutcomeCounts;
}

export interface StatsReport {
  /** Every local day in the range, oldest first, zeros included (a chart needs the gaps). */
  days: (StatsCounts & { day: string })[];
  /** Per site over the range, most prompts first. */
  sites: (StatsCounts & { site: string })[];
  totals: StatsCounts;
  /** The stored per-day, per-site counters in the range: what the CSV holds. */
  records: DailyStatsRecord[];
}

const zeroes = <T extends string>(keys: readonly T[]) =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<T, number>;

const emptyCounts = (): StatsCounts => ({ prompts: zeroes(PROMPT_REASONS), outcomes: zeroes(OUTCOMES) });

function add(into: StatsCounts, record: StatsCounts): void {
  for (const reason of PROMPT_REASONS) into.prompts[reason] += record.prompts[reason] ?? 0;
  for (const outcome of OUTCOMES) into.outcomes[outcome] += record.outcomes[outcome] ?? 0;
}

export const promptTotal = (counts: StatsCounts) =>
  PROMPT_REASONS.reduce((sum, reason) => sum + counts.prompts[reason], 0);

/** The last `count` local days ending with the one holding `now`, oldest first (DST-safe). */
export function lastDays(now: number, count: number, dayOf: (at: number) => string): string[] {
  const today = new Date(now);
  return Array.from({ length: count }, (_, index) =>
    dayOf(new Date(today.getFullYear(), today.getMonth(), today.getDate() - (count - 1 - index), 12).getTime()),
  );
}

/** Sums stored counters by day and by site over `days` (consecutive, oldest first). */
export function aggregateStats(records: readonly DailyStatsRecord[], days: readonly string[]): StatsReport {
  const byDay = new Map(days.map((day) => [day, { day, ...emptyCounts() }]));
  const bySite = new Map<string, StatsCounts & { site: string }>();
  const totals = emptyCounts();
  const inRange: DailyStatsRecord[] = [];
  for (const record of records) {
    const day = byDay.get(record.day);
    if (!day) continue;
    inRange.push(record);
    add(day, record);
    add(totals, record);
    const site = bySite.get(record.site) ?? { site: record.site, ...emptyCounts() };
    add(site, record);
    bySite.set(record.site, site);
  }
  return {
    days: [...byDay.values()],
    sites: [...bySite.values()].sort((a, b) => promptTotal(b) - promptTotal(a) || a.site.localeCompare(b.site)),
    totals,
    records: inRange.sort((a, b) => a.day.localeCompare(b.day) || a.site.localeCompare(b.site)),
  };
}

/** One row per day and site: counts only, never content. */
export function statsCsv(report: StatsReport): string {
  return spreadsheetCsv([
    [
      'day',
      'site',
      ...PROMPT_REASONS.map((reason) => `prompts_${reason}`),
      ...OUTCOMES.map((outcome) => `outcome_${outcome}`),
    ],
    ...report.records.map((record) => [
      record.day,
      record.site,
      ...PROMPT_REASONS.map((reason) => record.prompts[reason] ?? 0),
      ...OUTCOMES.map((outcome) => record.outcomes[outcome] ?? 0),
    ]),
  ]);
}

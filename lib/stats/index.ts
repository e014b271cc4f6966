import { type Outcome, OUTCOMES, PROMPT_REASONS, type PromptReason } from '../core/vocabulary';
import type { DailyStatsRecord, SaringDb } from '../db';
import type { DayCounts } from '../messaging/protocol';
import { aggregateStats, lastDays, type StatsReport } from './report';

/** The person's local calendar day, YYYY-MM-DD: "today" means their today. */
export function localDay(now: number): string {
  const date = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const zeroes = <T extends string>(keys: readonly T[]) =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<T, number>;

function emptyRecord(day: string, site: string): DailyStatsRecord {
  return { day, site, prompts: zeroes(PROMPT_REASONS), outcomes: zeroes(OUTCOMES) };
}

async function bump(db: SaringDb, site: string, now: number, change: (record: DailyStatsRecord) => void) {
  const day = localDay(now);
  await db.transaction('rw', db.dailyStats, async () => {
    const record = (await db.dailyStats.get([day, site])) ?? emptyRecord(day, site);
    change(record);
    await db.dailyStats.put(record);
  });
}

export function countPrompt(db: SaringDb, site: string, reason: PromptReason, now: number) {
  return bump(db, site, now, (record) => {
    // Records from before a reason existed lack its counter.
    record.prompts[reason] = (record.prompts[reason] ?? 0) + 1;
  });
}

export function countOutcome(db: SaringDb, site: string, outcome: Outcome, now: number) {
  return bump(db, site, now, (record) => {
    record.outcomes[outcome] += 1;
  });
}

/** One day's counters summed over sites. */
export async function dayCounts(db: SaringDb, day: string): Promise<DayCounts> {
  const records = await db.dailyStats.where('day').equals(day).toArray();
  const totals: DayCounts = { prompts: 0, cancel: 0, read: 0, share: 0 };
  for (const record of records) {
    for (const reason of PROMPT_REASONS) totals.prompts += record.prompts[reason] ?? 0;
    // `?? 0`: a day recorded before an outcome existed has no counter for it.
    for (const outcome of OUTCOMES) totals[outcome] += record.outcomes[outcome] ?? 0;
  }
  return totals;
}

/** Per-site records from `fromDay` on (inclusive), oldest first: the options page's charts. */
export function statsSince(db: SaringDb, fromDay: string): Promise<DailyStatsRecord[]> {
  return db.dailyStats.where('day').aboveOrEqual(fromDay).sortBy('day');
}

/** The last `days` local days of counters, for the options page's charts and CSV. */
export async function statsReport(db: SaringDb, now: number, days: number): Promise<StatsReport> {
  const range = lastDays(now, days, localDay);
  return aggregateStats(await statsSince(db, range[0]!), range);
}

/** Forgets every counter (the person's "reset statistics"). */
export function resetStats(db: SaringDb): Promise<void> {
  return db.dailyStats.clear();
}

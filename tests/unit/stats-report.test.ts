import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../lib/db';
import { countOutcome, countPrompt, dayCounts, localDay, resetStats, statsReport } from '../../lib/stats';
import type { DailyStatsRecord } from '../../lib/db';
import { spreadsheetCsv } from '../../lib/lists/csv';
import { aggregateStats, lastDays, promptTotal, statsCsv } from '../../lib/stats/report';

const at = (day: string) => new Date(`${day}T10:00:00`).getTime();

describe('statistics', () => {
  it('lists the last N local days, oldest first, across month ends', () => {
    expect(lastDays(at('2026-03-02'), 4, localDay)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });

  it('sums by day (with empty days) and by site, and exports counts per day and site', async () => {
    const db = openDb(`stats-${Math.random()}`);
    await countPrompt(db, 'x', 'hoax-match', at('2026-03-01'));
    await countOutcome(db, 'x', 'cancel', at('2026-03-01'));
    await countPrompt(db, 'demo', 'unread-link', at('2026-03-02'));
    await countPrompt(db, 'demo', 'hoax-match', at('2026-03-02'));
    await countOutcome(db, 'demo', 'share', at('2026-03-02'));
    await countOutcome(db, 'demo', 'read', at('2026-03-02'));
    await countPrompt(db, 'x', 'always', at('2026-02-01')); // outside the range

    const report = await statsReport(db, at('2026-03-02'), 7);
    expect(report.days.map((day) => day.day)).toHaveLength(7);
    expect(report.days.map(promptTotal)).toEqual([0, 0, 0, 0, 0, 1, 2]);
    expect(report.totals.outcomes).toEqual({ cancel: 1, read: 1, share: 1 });
    expect(report.sites.map((site) => [site.site, promptTotal(site)])).toEqual([
      ['demo', 2],
      ['x', 1],
    ]);
    expect(statsCsv(report).split('\r\n').slice(0, 3)).toEqual([
      'day,site,prompts_hoax-match,prompts_likely-match,prompts_unread-link,prompts_petition,prompts_always,outcome_cancel,outcome_read,outcome_share',
      '2026-03-01,x,1,0,0,0,0,1,0,0',
      '2026-03-02,demo,1,0,1,0,0,0,1,1',
    ]);

    await resetStats(db);
    expect(promptTotal((await statsReport(db, at('2026-03-02'), 7)).totals)).toBe(0);
    db.close();
  });

  it('counts likely matches apart, also into a day stored before that reason existed', async () => {
    const db = openDb(`stats-${Math.random()}`);
    // A record written by an earlier version: no likely-match counter.
    const old = { 'hoax-match': 2, 'unread-link': 1, petition: 0, always: 0 } as DailyStatsRecord['prompts'];
    await db.dailyStats.put({ day: '2026-03-02', site: 'x', prompts: old, outcomes: { cancel: 1, read: 0, share: 0 } });
    await countPrompt(db, 'x', 'likely-match', at('2026-03-02'));
    await countPrompt(db, 'x', 'likely-match', at('2026-03-02'));
    const report = await statsReport(db, at('2026-03-02'), 1);
    expect(report.totals.prompts).toEqual({
      'hoax-match': 2,
      'likely-match': 2,
      'unread-link': 1,
      petition: 0,
      always: 0,
    });
    expect(promptTotal(report.totals)).toBe(5);
    expect((await dayCounts(db, '2026-03-02')).prompts).toBe(5);
    db.close();
  });

  it('ignores records outside the days asked for', () => {
    const report = aggregateStats(
      [
        {
          day: '2025-01-01',
          site: 'x',
          prompts: { 'hoax-match': 5, 'likely-match': 0, 'unread-link': 0, petition: 0, always: 0 },
          outcomes: { cancel: 0, read: 0, share: 0 },
        },
      ],
      ['2026-01-01'],
    );
    expect(promptTotal(report.totals)).toBe(0);
    expect(report.records).toEqual([]);
  });

  it('writes CSV that spreadsheets read safely', () => {
    expect(spreadsheetCsv([['a,b', 'say "hi"', '=SUM(A1)', -1]])).toBe('"a,b","say ""hi""",\'=SUM(A1),-1\r\n');
  });
});

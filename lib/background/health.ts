import type { SaringDb, SiteHealthRecord } from '../db';
import type { SiteHealth } from '../messaging/protocol';

/** Records one adapter report: a success clears the failure streak. */
export async function recordHealth(
  db: SaringDb,
  report: { site: string; ok: boolean; detail?: string },
  now: number,
): Promise<void> {
  await db.transaction('rw', db.siteHealth, async () => {
    const previous = await db.siteHealth.get(report.site);
    const next: SiteHealthRecord = report.ok
      ? { site: report.site, lastOk: now, lastFailure: previous?.lastFailure ?? null, failures: 0 }
      : {
          site: report.site,
          lastOk: previous?.lastOk ?? null,
          lastFailure: now,
          failures: (previous?.failures ?? 0) + 1,
          ...(report.detail === undefined ? {} : { detail: report.detail }),
        };
    await db.siteHealth.put(next);
  });
}

/** Degraded while the latest report is a failure. */
export function siteHealthOf(record: SiteHealthRecord | undefined): SiteHealth {
  if (!record) return { state: 'unknown', lastOk: null, lastFailure: null, failures: 0 };
  const { lastOk, lastFailure, failures, detail } = record;
  return {
    state: failures > 0 ? 'degraded' : 'working',
    lastOk,
    lastFailure,
    failures,
    ...(detail === undefined ? {} : { detail }),
  };
}

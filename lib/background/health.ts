import { EARLIER_CHECKS, type SaringDb, type SiteHealthRecord } from '../db';
import type { RequestOf, SiteHealth } from '../messaging/protocol';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A failed check not seen again for this long stops counting: the page it was on may be gone. */
export const FAILURE_EXPIRY_MS = 7 * DAY_MS;
/** Checks not seen at all for this long are forgotten, so a site's record stays small. */
const FORGET_AFTER_MS = 30 * DAY_MS;

/** Records one check's result: only a later result of the same check changes its state. */
export async function recordHealth(db: SaringDb, report: RequestOf<'report-health'>, now: number): Promise<void> {
  await db.transaction('rw', db.siteHealth, async () => {
    const previous = await db.siteHealth.get(report.site);
    const checks = { ...previous?.checks };
    for (const [name, check] of Object.entries(checks)) {
      if (Math.max(check.lastOk ?? 0, check.lastFailure ?? 0) < now - FORGET_AFTER_MS) delete checks[name];
    }
    // The v4 streak was cleared by any success, and still is.
    if (report.ok) delete checks[EARLIER_CHECKS];
    const before = checks[report.check];
    checks[report.check] = report.ok
      ? { lastOk: now, lastFailure: before?.lastFailure ?? null, failing: false }
      : { lastOk: before?.lastOk ?? null, lastFailure: now, failing: true };
    await db.siteHealth.put({
      site: report.site,
      lastOk: report.ok ? now : (previous?.lastOk ?? null),
      checks,
    });
  });
}

/** Degraded while any check's latest result is a failure from the last FAILURE_EXPIRY_MS; unknown before any success. */
export function siteHealthOf(record: SiteHealthRecord | undefined, now: number): SiteHealth {
  if (!record) return { state: 'unknown', lastOk: null, failing: [] };
  const failing = Object.entries(record.checks)
    .flatMap(([check, { failing, lastFailure, lastOk }]) =>
      failing && lastFailure !== null && lastFailure > now - FAILURE_EXPIRY_MS ? [{ check, lastFailure, lastOk }] : [],
    )
    .sort((a, b) => b.lastFailure - a.lastFailure);
  const state = failing.length > 0 ? 'degraded' : record.lastOk === null ? 'unknown' : 'working';
  return { state, lastOk: record.lastOk, failing };
}

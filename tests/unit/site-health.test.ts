import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { FAILURE_EXPIRY_MS, recordHealth, siteHealthOf } from '../../lib/background/health';
import { EARLIER_CHECKS, openDb, type SaringDb } from '../../lib/db';
import { healthReporter } from '../../lib/guard/health';
import type { RequestOf } from '../../lib/messaging/protocol';

const T = Date.UTC(2026, 10, 1);
const HOUR = 60 * 60 * 1000;

let db: SaringDb | undefined;
afterEach(() => db?.close());

async function healthAfter(reports: [check: string, ok: boolean, at: number][], now: number) {
  db = openDb(`health-${Math.random()}`);
  for (const [check, ok, at] of reports) await recordHealth(db, { site: 'x', check, ok }, at);
  return siteHealthOf(await db.siteHealth.get('x'), now);
}

describe('site health per check', () => {
  it('is unknown before any report, working after successes', async () => {
    expect(siteHealthOf(undefined, T)).toEqual({ state: 'unknown', lastOk: null, failing: [] });
    expect(await healthAfter([['posts on the home feed', true, T]], T)).toEqual({
      state: 'working',
      lastOk: T,
      failing: [],
    });
  });

  it("stays degraded when another check succeeds; the failing check's own success clears it", async () => {
    const failed: [string, boolean, number][] = [
      ['repost items in the repost menu', true, T],
      ['repost items in the repost menu', false, T + HOUR],
      ['posts on the home feed', true, T + 2 * HOUR],
    ];
    expect(await healthAfter(failed, T + 3 * HOUR)).toEqual({
      state: 'degraded',
      lastOk: T + 2 * HOUR,
      failing: [{ check: 'repost items in the repost menu', lastFailure: T + HOUR, lastOk: T }],
    });
    db?.close();
    const cleared = await healthAfter(
      [...failed, ['repost items in the repost menu', true, T + 3 * HOUR]],
      T + 3 * HOUR,
    );
    expect(cleared).toEqual({ state: 'working', lastOk: T + 3 * HOUR, failing: [] });
  });

  it('lists every failing check, most recent first', async () => {
    const health = await healthAfter(
      [
        ['answers from Saring in time', false, T],
        ['posts on the home feed', false, T + HOUR],
      ],
      T + HOUR,
    );
    expect(health.state).toBe('degraded');
    expect(health.failing.map((f) => f.check)).toEqual(['posts on the home feed', 'answers from Saring in time']);
  });

  it('stops counting a failure not seen again for a week', async () => {
    const reports: [string, boolean, number][] = [
      ['posts on the home feed', true, T],
      ['the post on a post page', false, T],
    ];
    expect((await healthAfter(reports, T + FAILURE_EXPIRY_MS - HOUR)).state).toBe('degraded');
    db?.close();
    expect(await healthAfter(reports, T + FAILURE_EXPIRY_MS + HOUR)).toEqual({
      state: 'working',
      lastOk: T,
      failing: [],
    });
  });

  it("clears a streak carried over from v4 on the site's next success of any check", async () => {
    db = openDb(`health-${Math.random()}`);
    await db.siteHealth.put({
      site: 'x',
      lastOk: T,
      checks: { [EARLIER_CHECKS]: { lastOk: T, lastFailure: T + 1, failing: true } },
    });
    expect(siteHealthOf(await db.siteHealth.get('x'), T + HOUR).state).toBe('degraded');
    await recordHealth(db, { site: 'x', check: 'posts on the home feed', ok: true }, T + HOUR);
    expect(siteHealthOf(await db.siteHealth.get('x'), T + HOUR)).toEqual({
      state: 'working',
      lastOk: T + HOUR,
      failing: [],
    });
  });
});

describe('healthReporter', () => {
  it('sends a check again only when its result changed on the page', () => {
    const sent: RequestOf<'report-health'>[] = [];
    const report = healthReporter('x', {
      reportHealth: (request) => void sent.push(request),
    } as Parameters<typeof healthReporter>[1]);
    report('post', true);
    report('post', true);
    report('answers', true);
    report('post', false);
    report('post', false);
    report('post', true);
    expect(sent.map(({ check, ok }) => [check, ok])).toEqual([
      ['post', true],
      ['answers', true],
      ['post', false],
      ['post', true],
    ]);
  });
});

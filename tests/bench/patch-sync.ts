import { gzipSync } from 'node:zlib';
import type { ConsoleMessage, Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../lib/dev/chrome';
import { serializeList } from '../../lib/lists/export';
import { makePatch, serializePatch } from '../../lib/lists/patch';
import type { ListItem, SaringList } from '../../lib/lists/schema';
import { sendFromExtensionPage } from '../e2e/harness';
import { startListServer, type ListServer } from '../e2e/list-server';
import { bigList } from './big-list';

/**
 * A daily patch on a 100,000-item subscription in Chromium (issue 14): the built extension syncs
 * a list whose next versions are published with patches, from "sync now" to the reply, which
 * comes once the index answers over the new items (the first check-share after it finds a new
 * one). Each new version adds 150 items, changes 40 and removes 10, spread over the whole list.
 * The worker's log lines say where each sync's time went (lib/lists/sync.ts, list-store.ts,
 * lib/background/list-index.ts); `npm run bench -- --patch-only` prints them per phase.
 */

const ADDED = 150;
const CHANGED = 40;
const REMOVED = 10;

type SyncReply = { ok: boolean; value?: Record<string, string> };

/** The next version: items changed and removed at spread positions, new ones at the end. */
export function nextVersion(list: SaringList, round: number): { list: SaringList; newClaim: string } {
  const step = Math.floor(list.items.length / (CHANGED + REMOVED));
  const changed = new Set<number>();
  const removed = new Set<number>();
  for (let at = 0; at < CHANGED + REMOVED; at++) (at < CHANGED ? changed : removed).add(at * step + 17 * round + 3);
  const items: ListItem[] = list.items.flatMap((item, position) =>
    removed.has(position)
      ? []
      : [
          changed.has(position)
            ? { ...item, label: 'HOAKS', summary: `Diperbarui (${round}): ${item.claim.slice(0, 60)}` }
            : item,
        ],
  );
  // New fact-checks: a real claim, reworded enough that it is its own item.
  const newClaim = `Beredar pesan berantai ronde ${round}: bantuan tunai darurat ${round}0 juta rupiah cair lewat tautan pendaftaran palsu`;
  for (let at = 0; at < ADDED; at++) {
    items.push({
      id: `baru-${round}-${at}`,
      claim:
        at === 0 ? newClaim : `${list.items[(at * 613 + round) % list.items.length]!.claim} (versi ${round}.${at})`,
      rating: 'false',
    });
  }
  return { list: { ...list, version: list.version + 1, items }, newClaim };
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** The worker's timing lines of one list: "name N ms" pairs, per line kind. */
class WorkerPhases {
  private lines: string[] = [];
  readonly rounds: Array<Map<string, number>> = [];

  constructor(browser: ExtensionBrowser, listId: string) {
    const listen = (message: ConsoleMessage) => {
      const text = message.text();
      if (text.startsWith(`[saring] list ${listId} `) || text.startsWith('[saring] index persisted'))
        this.lines.push(text);
    };
    for (const worker of browser.context.serviceWorkers()) worker.on('console', listen);
    browser.context.on('serviceworker', (worker) => worker.on('console', listen));
  }

  /** Waits (a bounded while) for the index of the last sync to be persisted, then files the round's phases. */
  async endRound(page: Page): Promise<void> {
    for (let waited = 0; waited < 10_000 && !this.lines.some((line) => line.includes('index persisted')); waited += 50)
      await page.waitForTimeout(50);
    const phases = new Map<string, number>();
    for (const line of this.lines) {
      const sync = /patch sync: (.*)$/.exec(line);
      if (sync)
        for (const [, name, value] of sync[1]!.matchAll(/(\w+) (\d+) ms/g))
          phases.set(
            name === 'reading' ? 'sync:   of the check, finding the items named (their digests)' : `sync: ${name}`,
            Number(value),
          );
      const store = /written in (\d+) ms, index patched in (\d+) ms/.exec(line);
      if (store) {
        phases.set('store: patch written', Number(store[1]));
        phases.set('store: index patched', Number(store[2]));
      }
      const persisted = /encoded in (\d+) ms \(longest slice (\d+) ms\), stored in (\d+) ms/.exec(line);
      if (persisted) {
        phases.set('after the reply: index encoded (work, in slices)', Number(persisted[1]));
        phases.set('after the reply: longest slice of the encoding', Number(persisted[2]));
        phases.set('after the reply: index stored', Number(persisted[3]));
      }
    }
    this.rounds.push(phases);
    this.lines = [];
  }

  /** Per phase, p50 / p95 over the rounds. */
  rows(): [string, string, string][] {
    // In the order things happen: the sync's phases, the store's (within "apply"), then after the reply.
    const order = (name: string) => ['sync', 'store', 'after'].findIndex((prefix) => name.startsWith(prefix));
    const names = [...new Set(this.rounds.flatMap((round) => [...round.keys()]))].sort((a, b) => order(a) - order(b));
    return names.map((name) => {
      const values = this.rounds.flatMap((round) => (round.has(name) ? [round.get(name)!] : []));
      return [
        'worker',
        `  ${name}, p50 / p95 (${values.length} syncs)`,
        `${ms(percentile(values, 50))} / ${ms(percentile(values, 95))}`,
      ];
    });
  }
}

/**
 * Rows for `rounds` patched syncs of the subscription at `path`, which holds `current` (its whole
 * download, `fullSyncMs`, measured in the same run). Leaves the list served at its last version.
 * With `phases`, the worker's per-phase timings too.
 */
export async function patchSyncRows(
  page: Page,
  server: ListServer,
  path: string,
  current: SaringList,
  fullSyncMs: number,
  timeoutMs: number,
  options: {
    rounds?: number;
    phases?: WorkerPhases;
    /** Rounds are numbered from here (new items' ids carry it). */
    firstRound?: number;
    /** Called before each sync: stops the worker, for the syncs of a woken one. */
    before?: () => Promise<void>;
    what?: string;
  } = {},
): Promise<{ rows: [string, string, string][]; list: SaringList }> {
  const rounds = options.rounds ?? 5;
  const first = options.firstRound ?? 1;
  const rows: [string, string, string][] = [];
  const times: number[] = [];
  let bytes = { raw: 0, gzip: 0 };
  const folder = path.slice(0, path.lastIndexOf('/') + 1);
  for (let round = first; round < first + rounds; round++) {
    const { list: next, newClaim } = nextVersion(current, round);
    const patch = serializePatch(await makePatch(current, next));
    bytes = { raw: Buffer.byteLength(patch), gzip: gzipSync(patch).length };
    server.serve(path, { kind: 'list', body: serializeList(next) });
    server.serve(`${folder}patches/${current.version}.json`, { kind: 'list', body: patch });
    await options.before?.();
    const seen = server.requests.length;
    const t0 = performance.now();
    const reply = await sendFromExtensionPage<SyncReply>(page, 'sync-lists', { id: current.id }, timeoutMs);
    times.push(performance.now() - t0);
    if (reply.value?.[current.id] !== 'updated') throw new Error(`patched sync failed: ${JSON.stringify(reply)}`);
    const check = await sendFromExtensionPage<{ value?: { matches?: { id: string }[] } }>(page, 'check-share', {
      site: 'demo',
      kind: 'share',
      text: newClaim,
      urls: [],
    });
    if (!check.value?.matches?.some((match) => match.id === `baru-${round}-0`))
      throw new Error(`the new item is not found after the patch: ${JSON.stringify(check)}`);
    if (server.requests.slice(seen).some((request) => request.path === path))
      throw new Error('a patched sync downloaded the whole list');
    await options.phases?.endRound(page);
    current = next;
  }
  const fullGzip = gzipSync(serializeList(current)).length;
  const change = `+${ADDED} ~${CHANGED} -${REMOVED}`;
  rows.push([
    'chromium',
    `patch of ${ADDED + CHANGED + REMOVED} items (${change}) on the 100k list: bytes vs the whole list gzipped (${(fullGzip / 1e6).toFixed(1)} MB)`,
    `${(bytes.raw / 1024).toFixed(0)} KB (${((bytes.raw / fullGzip) * 100).toFixed(2)}%), ${(bytes.gzip / 1024).toFixed(1)} KB gzipped (${((bytes.gzip / fullGzip) * 100).toFixed(2)}%)`,
  ]);
  rows.push([
    'chromium',
    `sync start → searchable: patch (${change}), p50 / p95 of ${rounds} versions${options.what ?? ''}`,
    `${ms(percentile(times, 50))} / ${ms(percentile(times, 95))}`,
  ]);
  rows.push([
    'chromium',
    'sync start → searchable: whole download + rebuild (the sync above), same run',
    ms(fullSyncMs),
  ]);
  if (options.phases) rows.push(...options.phases.rows());
  return { rows, list: current };
}

const PATCH_ONLY_ROUNDS = 10;
const WOKEN_ROUNDS = 5;

/**
 * `npm run bench -- --patch-only`: a fresh profile subscribes to the 100k list, syncs its next
 * version whole (the figure patches are compared with), then takes 10 daily patches, with the
 * worker's time per phase, and 5 more each in a stopped worker the sync wakes (the daily case).
 */
export async function runPatchBench(): Promise<void> {
  const timeoutMs = 120_000;
  const browser = await launchWithExtension({ grantedOrigins: ['http://127.0.0.1/*'] });
  const phases = new WorkerPhases(browser, 'bench-100k');
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const server = await startListServer();
  const path = '/bench-100k.json';
  const version = (v: number): SaringList => ({ ...bigList(100_000, v), patches: 'patches/' });
  server.serve(path, { kind: 'list', body: JSON.stringify(version(1)) });
  const subscribed = await sendFromExtensionPage<{ value?: { ok: boolean } }>(
    page,
    'subscribe-list',
    { url: server.url(path) },
    timeoutMs,
  );
  if (!subscribed.value?.ok) throw new Error(`subscribe failed: ${JSON.stringify(subscribed)}`);
  server.serve(path, { kind: 'list', body: JSON.stringify(version(2)) });
  const t0 = performance.now();
  const updated = await sendFromExtensionPage<SyncReply>(page, 'sync-lists', { id: 'bench-100k' }, timeoutMs);
  if (updated.value?.['bench-100k'] !== 'updated') throw new Error(`sync failed: ${JSON.stringify(updated)}`);
  const fullSyncMs = performance.now() - t0;
  await phases.endRound(page);
  phases.rounds.length = 0;
  const warm = await patchSyncRows(page, server, path, version(2), fullSyncMs, timeoutMs, {
    rounds: PATCH_ONLY_ROUNDS,
    phases,
  });
  // The daily case: the worker stopped long ago (Chrome stops it after 30 s idle), the sync wakes it.
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  phases.rounds.length = 0;
  const woken = await patchSyncRows(page, server, path, warm.list, fullSyncMs, timeoutMs, {
    rounds: WOKEN_ROUNDS,
    phases,
    firstRound: PATCH_ONLY_ROUNDS + 1,
    before: async () => {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await page.waitForTimeout(300);
    },
    what: ', each in a stopped worker the sync wakes',
  });
  const rows = [...warm.rows, ...woken.rows.filter(([, what]) => !what.includes('bytes') && !what.includes('whole'))];
  await server.close();
  await browser.close();
  const width = Math.max(...rows.map((row) => row[1].length));
  for (const [where, what, figure] of rows) console.log(`${where.padEnd(9)} ${what.padEnd(width)}  ${figure}`);
}

/**
 * The matcher in Chromium, two ways:
 * - the built extension's own background code, driven through its
 *   `check-share` message: each corpus is written into the extension's
 *   IndexedDB as a stored list; a stopped service worker then builds (and
 *   persists) the index on its first check, and a second stop shows the
 *   wake-up that reads the list and loads the persisted index;
 * - lib/match bundled from source and run in that service worker with
 *   serviceWorker.evaluate, for per-post times without messaging in them.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { Page, Worker } from 'playwright-core';
import { DB_NAME } from '../../lib/db';
import { launchWithExtension } from '../../lib/dev/chrome';
import type { ListItem } from '../../lib/lists/schema';
import { CHUNK_SIZE } from '../../lib/lists/store';
import { sendFromExtensionPage } from '../e2e/harness';
import { percentile } from '../eval/measures';
import type { Row } from './matcher';
import { benchCorpus } from './matcher-variants';
import type * as WorkerEntry from './matcher-worker-entry';

/** Where the bundled matcher sits in the worker's global scope. */
const WORKER_GLOBAL = '__saringMatcherBench';
type WorkerGlobal = typeof globalThis & { [WORKER_GLOBAL]: typeof WorkerEntry; __saringBenchBase: ListItem[] };

const WAKES = 3;

const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;

async function roundTrip(page: Page, text: string): Promise<number> {
  const start = performance.now();
  // The first check on a new list builds its index: minutes would be a finding, not a failure.
  await sendFromExtensionPage(page, 'check-share', { site: 'demo', kind: 'share', text, urls: [] }, 120_000);
  return performance.now() - start;
}

/** Replaces every stored list with `items`, as one list, straight into the extension's IndexedDB. */
async function storeList(page: Page, items: ListItem[]): Promise<void> {
  const chunks: ListItem[][] = [];
  for (let start = 0; start < items.length; start += CHUNK_SIZE) chunks.push(items.slice(start, start + CHUNK_SIZE));
  await page.evaluate(
    async ({ dbName, chunks, count }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(dbName);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
      });
      const tx = db.transaction(['lists', 'chunks'], 'readwrite');
      tx.objectStore('lists').clear();
      tx.objectStore('chunks').clear();
      tx.objectStore('lists').put({
        id: 'bench',
        name: 'bench',
        version: count,
        source: 'file',
        itemCount: count,
        skipped: 0,
        chunkCount: chunks.length,
        chunkSizes: chunks.map((chunk) => chunk.length),
        domains: [],
        updatedAt: Date.now(),
      });
      chunks.forEach((chunk, index) => tx.objectStore('chunks').put({ listId: 'bench', index, items: chunk }));
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      });
      db.close();
    },
    { dbName: DB_NAME, chunks, count: items.length },
  );
}

async function persistedBytes(page: Page): Promise<number> {
  return page.evaluate(async (dbName) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(dbName);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
    });
    const record = await new Promise<{ bytes?: Uint8Array } | undefined>((resolve) => {
      const request = db.transaction('matcherIndex').objectStore('matcherIndex').get('current');
      request.onsuccess = () => resolve(request.result as { bytes?: Uint8Array } | undefined);
      request.onerror = () => resolve(undefined);
    });
    db.close();
    return record?.bytes?.byteLength ?? 0;
  }, DB_NAME);
}

/** Loads lib/match, bundled from source, and the base items into the running service worker. */
async function matcherInWorker(worker: Worker, base: ListItem[]): Promise<void> {
  const bundle = await build({
    entryPoints: [resolve(import.meta.dirname, 'matcher-worker-entry.ts')],
    bundle: true,
    format: 'iife',
    globalName: WORKER_GLOBAL,
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  await worker.evaluate(`${bundle.outputFiles[0]!.text}; globalThis.${WORKER_GLOBAL} = ${WORKER_GLOBAL}; 0`);
  await worker.evaluate((items) => {
    (globalThis as WorkerGlobal).__saringBenchBase = items;
  }, base);
}

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);

/**
 * A percentile of times measured with a clock that moves in steps of `tick`: each time is a whole
 * number of steps and stands for durations up to a step either side, so the times are read as
 * grouped data, spread evenly over the step each is nearest to. (Taking the nth time as it is
 * would report a whole step where the durations sit anywhere within it.)
 */
function tickedPercentile(times: readonly number[], share: number, tick: number): number {
  if (!Number.isFinite(tick) || tick <= 0) return percentile(times, share);
  const counts = new Map<number, number>();
  for (const time of times) {
    const steps = Math.round(time / tick);
    counts.set(steps, (counts.get(steps) ?? 0) + 1);
  }
  const wanted = share * times.length;
  let below = 0;
  for (const [steps, count] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (below + count >= wanted) return Math.max(0, (steps - 0.5 + (wanted - below) / count) * tick);
    below += count;
  }
  return percentile(times, share);
}

/** Build, persist, load and per-post times of the matcher inside the worker. */
async function workerRows(worker: Worker, size: number, posts: string[]): Promise<Row[]> {
  const figures = await worker.evaluate(
    ({ size, posts }) => {
      const scope = globalThis as WorkerGlobal;
      const api = scope.__saringMatcherBench;
      const lists = [{ listId: 'bench', items: api.benchCorpus(scope.__saringBenchBase, size) }];
      let started = performance.now();
      const matcher = api.createMatcher(lists);
      const buildMs = performance.now() - started;
      const bytes = api.serializeMatcher(matcher);
      const stored = bytes.slice();
      started = performance.now();
      const loaded = api.loadMatcher(stored, lists);
      const loadMs = performance.now() - started;
      for (const text of posts.slice(0, 50)) loaded.match({ text, urls: [] });
      const times = posts.map((text) => {
        const start = performance.now();
        loaded.match({ text, urls: [] });
        return performance.now() - start;
      });
      // The clock's step here: outside cross-origin isolation Chromium coarsens performance.now().
      let tick = Infinity;
      for (let step = 0, last = performance.now(); step < 20;) {
        const now = performance.now();
        if (now === last) continue;
        tick = Math.min(tick, now - last);
        last = now;
        step++;
      }
      return { buildMs, loadMs, times, tick };
    },
    { size, posts },
  );
  const label = size.toLocaleString('en');
  return [
    [label, 'chromium', 'service worker, lib/match via evaluate: index build', ms(figures.buildMs)],
    [label, 'chromium', 'service worker, lib/match via evaluate: load persisted index', ms(figures.loadMs)],
    [
      label,
      'chromium',
      `service worker, lib/match via evaluate: match p50 / p95 (${posts.length} posts; clock step ${ms(figures.tick)}, read within the step), mean`,
      `${ms(tickedPercentile(figures.times, 0.5, figures.tick))} / ${ms(tickedPercentile(figures.times, 0.95, figures.tick))}, ${ms(mean(figures.times))}`,
    ],
  ];
}

export async function chromiumMatcherRows(base: ListItem[], sizes: number[], posts: string[]): Promise<Row[]> {
  const rows: Row[] = [];
  const browser = await launchWithExtension();
  try {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    // Let the starter-list install finish first, so it does not race the bench list.
    for (;;) {
      const reply = await sendFromExtensionPage<{ ok: boolean; value?: { lists: { items: number }[] } }>(
        page,
        'get-options-state',
        {},
      );
      if (reply.ok && (reply.value?.lists[0]?.items ?? 0) > 0) break;
      await page.waitForTimeout(50);
    }
    await roundTrip(page, 'siap');
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const freshWorker = async () => {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await page.waitForTimeout(300);
    };

    for (const count of sizes) {
      const items = benchCorpus(base, count);
      const size = count.toLocaleString('en');
      await storeList(page, items);
      await freshWorker();
      rows.push([
        size,
        'chromium',
        'fresh worker, new list: read + build + persist + answer',
        ms(await roundTrip(page, posts[0]!)),
      ]);
      const times: number[] = [];
      for (const text of posts) times.push(await roundTrip(page, text));
      rows.push([
        size,
        'chromium',
        `check-share round trip p50 / p95 (${posts.length} posts)`,
        `${ms(percentile(times, 0.5))} / ${ms(percentile(times, 0.95))}`,
      ]);
      rows.push([
        size,
        'chromium',
        'persisted index in IndexedDB',
        `${((await persistedBytes(page)) / 1e6).toFixed(1)} MB`,
      ]);
      const wakes: number[] = [];
      for (let wake = 0; wake < WAKES; wake++) {
        await freshWorker();
        wakes.push(await roundTrip(page, posts[wake + 1]!));
      }
      rows.push([
        size,
        'chromium',
        `fresh worker: read + load persisted index + answer (reads the hits' chunks), p50 / max (${WAKES})`,
        `${ms(percentile(wakes, 0.5))} / ${ms(Math.max(...wakes))}`,
      ]);
    }
    // Wake the worker, then run the matcher inside it.
    await roundTrip(page, 'siap');
    const worker = browser.context.serviceWorkers().at(-1)!;
    await matcherInWorker(worker, base);
    for (const count of sizes) rows.push(...(await workerRows(worker, count, posts)));
  } finally {
    await browser.close();
  }
  return rows;
}

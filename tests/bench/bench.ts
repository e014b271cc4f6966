import { resolve } from 'node:path';
import type { SaringList } from '../../lib/lists/schema';
import { createMatcher } from '../../lib/match/index';
import { launchWithExtension } from '../../lib/dev/chrome';
import { sendFromExtensionPage } from '../e2e/harness';
import { readJsonLinesGz, readStarterList, SHARED_DATA } from '../../lib/cli/build-starter-list';
import { startListServer } from '../e2e/list-server';
import { bigList } from './big-list';
import { patchSyncRows, runPatchBench } from './patch-sync';
import { makePatch, serializePatch } from '../../lib/lists/patch';
import { contentScriptRows, ocrAssetRows } from './bundle';
import { startResponsivenessProbe, stopResponsivenessProbe } from './responsiveness';

/**
 * `npm run bench`: prints the walking skeleton's speed figures (no assertions; see the issue targets).
 * - Node: matcher build and per-post latency at the starter list's size.
 * - Chromium: install → starter list stored and searchable; `check-share` round trip from a page;
 *   first answer after Chrome stopped the service worker (it does after ~30 s idle).
 */

// `--size-only`: what the page loads at document_start, as built (tests/bench/bundle.ts).
if (process.argv.includes('--size-only')) {
  for (const [, what, figure] of [...contentScriptRows(), ...ocrAssetRows()]) console.log(`${what}: ${figure}`);
  process.exit(0);
}
// `--harvest-only`: the harvest and patch figures alone (Node, no browser; tests/bench/harvest.ts).
if (process.argv.includes('--harvest-only')) {
  await (await import('./harvest')).runHarvestBench();
  process.exit(0);
}
// `--patch-only`: daily patches on the 100k list, sync start → searchable, per phase (tests/bench/patch-sync.ts).
if (process.argv.includes('--patch-only')) {
  await runPatchBench();
  process.exit(0);
}
const list = readStarterList();
const pairs = readJsonLinesGz<{ query: string }>(resolve(SHARED_DATA, 'id/eval-pairs.jsonl.gz'));
const tweets = readJsonLinesGz<{ text: string }>(resolve(SHARED_DATA, 'id/negatives-tweets.jsonl.gz'));
const posts = [...pairs.slice(0, 250).map((p) => p.query), ...tweets.slice(0, 250).map((t) => t.text)];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const ms = (value: number) => `${value.toFixed(1)} ms`;
const rows: [string, string, string][] = [...contentScriptRows(), ...ocrAssetRows()];

// Node: the same matcher code the background runs.
let started = performance.now();
const matcher = createMatcher([{ listId: list.id, items: list.items, domains: list.domains }]);
rows.push(['node', `matcher build (${list.items.length} items)`, ms(performance.now() - started)]);
const nodeTimes = posts.map((text) => {
  const t0 = performance.now();
  matcher.match({ text, urls: [] });
  return performance.now() - t0;
});
rows.push([
  'node',
  `match p50 / p95 (${posts.length} posts)`,
  `${ms(percentile(nodeTimes, 50))} / ${ms(percentile(nodeTimes, 95))}`,
]);

// Chromium: the built extension, fresh profile; timed from its service worker's start (the install).
// The subscriptions below are served on this machine, as a publisher who granted Saring access to it.
const browser = await launchWithExtension({ grantedOrigins: ['http://127.0.0.1/*'] });
started = performance.now();
const page = await browser.context.newPage();
await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
for (;;) {
  const reply = await sendFromExtensionPage<{ ok: boolean; value?: { lists: { items: number }[] } }>(
    page,
    'get-options-state',
    {},
  );
  if (reply.ok && (reply.value?.lists[0]?.items ?? 0) > 0) break;
  await page.waitForTimeout(20);
}
// Searchable, not only stored: the first check must answer with the index built.
await sendFromExtensionPage(page, 'check-share', { site: 'demo', kind: 'share', text: posts[0], urls: [] });
rows.push(['chromium', 'worker start (install) → starter list stored and searchable', ms(performance.now() - started)]);

const roundTrips: number[] = [];
for (const text of posts) {
  const t0 = performance.now();
  await sendFromExtensionPage(page, 'check-share', { site: 'demo', kind: 'share', text, urls: [] });
  roundTrips.push(performance.now() - t0);
}
rows.push([
  'chromium',
  `check-share round trip p50 / p95 (${posts.length} posts)`,
  `${ms(percentile(roundTrips, 50))} / ${ms(percentile(roundTrips, 95))}`,
]);

// A stopped worker must wake, load the persisted index and answer within the guard's 300 ms.
const cdp = await browser.context.newCDPSession(page);
await cdp.send('ServiceWorker.enable');
const wakes: number[] = [];
for (const text of posts.slice(0, 5)) {
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.waitForTimeout(300);
  const t0 = performance.now();
  await sendFromExtensionPage(page, 'check-share', { site: 'demo', kind: 'share', text, urls: [] });
  wakes.push(performance.now() - t0);
}
rows.push([
  'chromium',
  `stopped worker → first answer, p50 / max (${wakes.length} wakes)`,
  `${ms(percentile(wakes, 50))} / ${ms(Math.max(...wakes))}`,
]);
// Subscriptions: a 100k-item list served on localhost, then an unchanged-list check (one 304).
// A bench measures, it does not judge: a slow machine gets a figure, not a timeout.
const BIG_LIST_TIMEOUT_MS = 120_000;
const listServer = await startListServer();
const bigPath = '/bench-100k.json';
// Published with patches (issue 14): none from version 1, so the sync to version 2 downloads it whole.
const bigVersion = (version: number): SaringList => ({ ...bigList(100_000, version), patches: 'patches/' });
const serveBig = (version: number) =>
  listServer.serve(bigPath, { kind: 'list', body: JSON.stringify(bigVersion(version)) });
serveBig(1);
type SyncReply = { ok: boolean; value?: Record<string, string> };
let t0 = performance.now();
const previewed = await sendFromExtensionPage<{ ok: boolean; value?: { ok: boolean } }>(
  page,
  'preview-list',
  { url: listServer.url(bigPath) },
  BIG_LIST_TIMEOUT_MS,
);
if (!previewed.value?.ok) throw new Error(`preview failed: ${JSON.stringify(previewed)}`);
rows.push([
  'chromium',
  'preview: 100k items downloaded, parsed, validated (nothing stored)',
  ms(performance.now() - t0),
]);
// From the request to the rebuilt, searchable index.
t0 = performance.now();
const subscribed = await sendFromExtensionPage<{ ok: boolean; value?: { ok: boolean } }>(
  page,
  'subscribe-list',
  { url: listServer.url(bigPath) },
  BIG_LIST_TIMEOUT_MS,
);
if (!subscribed.value?.ok) throw new Error(`subscribe failed: ${JSON.stringify(subscribed)}`);
rows.push([
  'chromium',
  'subscribe: 100k items (31.8 MB) downloaded, validated, stored, indexed',
  ms(performance.now() - t0),
]);
serveBig(2);
// The options page (this page) stays open through the sync, as when someone presses "sync now".
await startResponsivenessProbe(page);
t0 = performance.now();
const updated = await sendFromExtensionPage<SyncReply>(page, 'sync-lists', { id: 'bench-100k' }, BIG_LIST_TIMEOUT_MS);
if (updated.value?.['bench-100k'] !== 'updated') throw new Error(`sync failed: ${JSON.stringify(updated)}`);
const fullSyncMs = performance.now() - t0;
rows.push(['chromium', 'sync: new version of the 100k list replaces the old one', ms(fullSyncMs)]);
const during = await stopResponsivenessProbe(page);
rows.push([
  'chromium',
  'options page during that sync: 10 ms heartbeat lateness p95 / max',
  `${ms(during.heartbeatP95)} / ${ms(during.heartbeatMax)}`,
]);
rows.push([
  'chromium',
  'options page during that sync: long tasks (> 50 ms), count / longest',
  `${during.longTasks} / ${ms(during.longestTask)}`,
]);
rows.push([
  'chromium',
  `options page during that sync: status poll round trip p95 / max (${during.polls} polls)`,
  `${ms(during.pollP95)} / ${ms(during.pollMax)}`,
]);
// The publisher's "up to date" patch for version 2: an unchanged list is one request (a 304 after the first).
listServer.serve('/patches/2.json', {
  kind: 'list',
  body: serializePatch(await makePatch(bigVersion(2), bigVersion(2))),
});
const checks: number[] = [];
for (let i = 0; i < 10; i++) {
  t0 = performance.now();
  const unchanged = await sendFromExtensionPage<SyncReply>(
    page,
    'sync-lists',
    { id: 'bench-100k' },
    BIG_LIST_TIMEOUT_MS,
  );
  checks.push(performance.now() - t0);
  if (unchanged.value?.['bench-100k'] !== 'unchanged')
    throw new Error(`304 check failed: ${JSON.stringify(unchanged)}`);
}
rows.push([
  'chromium',
  `sync: unchanged list (304) p50 / max (${checks.length} checks)`,
  `${ms(percentile(checks, 50))} / ${ms(Math.max(...checks))}`,
]);
// Daily patches on the 100k list, against the whole download above (issue 14): tests/bench/patch-sync.ts.
rows.push(...(await patchSyncRows(page, listServer, bigPath, bigVersion(2), fullSyncMs, BIG_LIST_TIMEOUT_MS)).rows);
await listServer.close();

await browser.close();

const width = Math.max(...rows.map((r) => r[1].length));
console.log(`\n${'where'.padEnd(9)} ${'what'.padEnd(width)}  figure`);
for (const [where, what, figure] of rows) console.log(`${where.padEnd(9)} ${what.padEnd(width)}  ${figure}`);

// `--lists-only`: the rows above alone (the starter list and the 100k list's syncs).
if (process.argv.includes('--lists-only')) process.exit(0);

// The matcher at 1k / 10k / 100k items, Node and Chromium (issue 3): tests/bench/matcher.ts.
await (await import('./matcher')).runMatcherBench();

// Inline labels' main-thread cost per 50 new posts on a long X feed (issue 5): tests/bench/labels.ts.
await (await import('./labels')).runLabelsBench();

// Harvest speed and memory, and a patch's size against the whole list (issue 14): tests/bench/harvest.ts.
await (await import('./harvest')).runHarvestBench();
// Picture hashing in Node (issue 17): tests/bench/images.ts.
const imagesBench = await import('./images');
imagesBench.runImagesBench();
await imagesBench.runImageCheckBench();
// Picture checks at share time in Chromium (issue 17): tests/bench/images-chromium.ts.
await (await import('./images-chromium')).runImagesChromiumBench();

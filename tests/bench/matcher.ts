/**
 * The matcher at scale (issue 3): 1k, 10k and 100k items, in Node and in the
 * built extension's service worker in Chromium, beside a naive fuse.js over
 * claim + text. Prints a table; no assertions.
 * Run alone: npx tsx tests/bench/matcher.ts [--sizes 1000,10000] [--fuse-posts N] [--no-chromium]
 * (`npm run bench` runs it after the list-sync rows.)
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import Fuse from 'fuse.js';
import type { ListItem } from '../../lib/lists/schema';
import { createMatcher, loadMatcher, serializeMatcher } from '../../lib/match/index';
import { percentile } from '../eval/measures';
import { baseItems, benchCorpus, benchPosts } from './matcher-corpus';
import { chromiumMatcherRows } from './matcher-chromium';

const SIZES = [1_000, 10_000, 100_000];
const POSTS = 300;
/** fuse.js takes ~1 s per post per 1,000 items: a few posts each, so the run ends. */
const FUSE_POSTS: Record<number, number> = { 1_000: 5, 10_000: 3, 100_000: 2 };

export type Row = [size: string, where: string, what: string, figure: string];

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
function heapAfterGc(): number {
  collectGarbage();
  collectGarbage();
  // Typed arrays live outside the JS heap proper: count their buffers too.
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

function timed<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}

function nodeRows(items: ListItem[], posts: string[], fusePosts: number): Row[] {
  const size = items.length.toLocaleString('en');
  const lists = [{ listId: 'bench', items }];
  const heapBefore = heapAfterGc();
  const { value: matcher, ms: buildMs } = timed(() => createMatcher(lists));
  const heap = heapAfterGc() - heapBefore;
  const bytes = serializeMatcher(matcher);
  const stored = structuredClone(bytes);
  const { value: loaded, ms: loadMs } = timed(() => loadMatcher(stored, lists));
  for (const text of posts.slice(0, 50)) loaded.match({ text, urls: [] });
  const times = posts.map((text) => timed(() => loaded.match({ text, urls: [] })).ms);
  const rows: Row[] = [
    [size, 'node', 'index build', ms(buildMs)],
    [size, 'node', 'heap held by the matcher (after GC)', mb(heap)],
    [size, 'node', 'persisted index (gzipped)', `${mb(bytes.length)} (${mb(gzipSync(bytes).length)})`],
    [size, 'node', 'load persisted index', ms(loadMs)],
    [
      size,
      'node',
      `match p50 / p95 (${posts.length} posts)`,
      `${ms(percentile(times, 0.5))} / ${ms(percentile(times, 0.95))}`,
    ],
  ];
  if (fusePosts === 0) return rows;
  const fuse = new Fuse(items, { keys: ['claim', 'text'], includeScore: true, ignoreLocation: true });
  const fuseTimes = posts.slice(0, fusePosts).map((text) => timed(() => fuse.search(text, { limit: 5 })).ms);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);
  const ratio = mean(fuseTimes) / Math.max(mean(times.slice(0, fusePosts)), 1e-3);
  rows.push([
    size,
    'node',
    `naive fuse.js claim+text, mean (${fuseTimes.length} posts)`,
    `${ms(mean(fuseTimes))} (${Math.round(ratio).toLocaleString('en')}× the matcher on the same posts)`,
  ]);
  return rows;
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

export async function runMatcherBench(): Promise<void> {
  const sizes = argument('--sizes')?.split(',').map(Number) ?? SIZES;
  const base = baseItems();
  const posts = benchPosts(POSTS);
  const rows: Row[] = [];
  for (const size of sizes) {
    const fusePosts = Number(argument('--fuse-posts') ?? FUSE_POSTS[size] ?? 2);
    rows.push(...nodeRows(benchCorpus(base, size), posts, fusePosts));
  }
  if (!process.argv.includes('--no-chromium')) {
    rows.push(...(await chromiumMatcherRows(base, sizes, posts)));
  }
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  console.log(
    `\nmatcher at scale (targets at 100k: p50 ≤ 0.5 ms, p95 ≤ 2 ms, build ≤ 3 s, load ≤ 300 ms, heap ≤ 150 MB)`,
  );
  console.log(`${'items'.padStart(widths[0]!)}  ${'where'.padEnd(widths[1]!)}  ${'what'.padEnd(widths[2]!)}  figure`);
  for (const [size, where, what, figure] of rows) {
    console.log(`${size.padStart(widths[0]!)}  ${where.padEnd(widths[1]!)}  ${what.padEnd(widths[2]!)}  ${figure}`);
  }
}

if (process.argv[1]?.endsWith('matcher.ts')) await runMatcherBench();

/**
 * Times what a waking service worker pays over the shipped starter list:
 * building the matcher, or loading a stored one (and its first answer).
 * Run: npx tsx tests/eval/bench-index.ts [--runs N]
 */
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { readStarterList } from '../../lib/cli/build-starter-list';
import { createMatcher, loadMatcher, serializeMatcher } from '../../lib/match/index';
import type { Matcher } from '../../lib/match/types';

const at = process.argv.indexOf('--runs');
const runs = (at >= 0 ? Number(process.argv[at + 1]) : 5) || 5;
const list = readStarterList();
const lists = [{ listId: list.id, items: list.items, domains: list.domains }];
const query = { text: 'Gunung no 7 yg akan erupsi besar adalah gn Lawu, waspada!', urls: [] };

function timed<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `first ${times[0]!.toFixed(0)} ms, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, min ${sorted[0]!.toFixed(0)} ms`;
}

const builds: number[] = [];
let built: Matcher | undefined;
for (let run = 0; run < runs; run++) {
  const { value, ms } = timed(() => createMatcher(lists));
  builds.push(ms);
  built = value;
}
const { value: bytes, ms: serializeMs } = timed(() => serializeMatcher(built!));
const loads: number[] = [];
const firstAnswers: number[] = [];
for (let run = 0; run < runs; run++) {
  // A fresh copy each time, as IndexedDB hands back.
  const stored = structuredClone(bytes);
  const { value: loaded, ms } = timed(() => loadMatcher(stored, lists));
  loads.push(ms);
  firstAnswers.push(timed(() => loaded.match(query)).ms);
}
console.log(`${list.items.length} items`);
console.log(`build: ${summary(builds)}`);
console.log(`serialize: ${serializeMs.toFixed(0)} ms, ${(bytes.length / 1e6).toFixed(2)} MB (${(gzipSync(bytes).length / 1e6).toFixed(2)} MB gzipped)`);
console.log(`load: ${summary(loads)}; first answer after load: ${summary(firstAnswers)}`);

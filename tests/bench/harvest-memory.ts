import { run } from '../../lib/cli/main';

/**
 * `node --import tsx harvest-memory.ts SOURCES.json DIR`: one harvest run in a process of its own,
 * printing its peak memory as a JSON line (tests/bench/harvest.ts prepares DIR and the site).
 */
const [sources, dir] = process.argv.slice(2) as [string, string];
const started = performance.now();
const lines: string[] = [];
const code = await run(['harvest', sources, '--out', dir, '--rate', '0'], {
  out: (line) => lines.push(line),
  err: (line) => lines.push(line),
});
if (code !== 0) {
  console.error(lines.join('\n'));
  process.exit(1);
}
const fetched = Number(/(\d+) articles? read/.exec(lines.join('\n'))?.[1] ?? NaN);
console.log(
  JSON.stringify({
    fetched,
    seconds: (performance.now() - started) / 1000,
    peakMb: process.resourceUsage().maxRSS / 1024,
    heapMb: process.memoryUsage().heapUsed / 1024 / 1024,
  }),
);

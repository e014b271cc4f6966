/**
 * Evaluates the matcher on ../shared/data/id and prints the table MATCH_THRESHOLD
 * is chosen from. Run: npx tsx tests/eval/eval.ts [--limit N]
 *
 * Items are indexed without their circulating text here: each eval query *is*
 * an item's text, so indexing it would let every query find itself.
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  factCheckToItem,
  readJsonLinesGz,
  SHARED_DATA,
  type FactCheckRecord,
} from '../../lib/cli/build-starter-list';
import type { ListItem } from '../../lib/lists/schema';
import { createMatcher, MATCH_THRESHOLD } from '../../lib/match/index';
import type { Matcher } from '../../lib/match/types';
import { ONE_LINERS, shortPostsFrom } from './short-posts';

interface EvalPair {
  query: string;
  fact_check_id: string;
  difficulty: 'trivial' | 'easy' | 'hard';
}
interface Tweet {
  text: string;
}

const THRESHOLDS = [0.1, 0.15, 0.2, 0.25, 0.26, 0.27, 0.28, 0.3, 0.35, 0.4, 0.5, 0.6];
const MAX_FALSE_MATCH_RATE = 0.002;

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

function items(records: FactCheckRecord[], textLength: number): ListItem[] {
  return records.flatMap((record) => factCheckToItem(record, { textLength }) ?? []);
}

function timedBuild(list: ListItem[]): { matcher: Matcher; ms: number } {
  const start = performance.now();
  const matcher = createMatcher([{ listId: 'eval', items: list }]);
  return { matcher, ms: performance.now() - start };
}

interface PairOutcome {
  rank: number; // 1-based rank of the right item in the top 10, 0 when absent
  topScore: number;
  hard: boolean;
}

function runPairs(matcher: Matcher, pairs: EvalPair[], latencies: number[]): PairOutcome[] {
  return pairs.map((pair) => {
    const start = performance.now();
    const result = matcher.match({ text: pair.query, urls: [] }, { top: 10 });
    latencies.push(performance.now() - start);
    const rank = result.matches.findIndex((hit) => hit.item.id === pair.fact_check_id) + 1;
    return { rank, topScore: result.matches[0]?.score ?? 0, hard: pair.difficulty === 'hard' };
  });
}

function topScores(matcher: Matcher, posts: string[], latencies: number[]): number[] {
  return posts.map((text) => {
    const start = performance.now();
    const result = matcher.match({ text, urls: [] });
    latencies.push(performance.now() - start);
    return result.matches[0]?.score ?? 0;
  });
}

function rankMetrics(outcomes: PairOutcome[]): string {
  const n = Math.max(outcomes.length, 1);
  const at = (k: number) => outcomes.filter((o) => o.rank > 0 && o.rank <= k).length / n;
  const mrr = outcomes.reduce((sum, o) => sum + (o.rank > 0 ? 1 / o.rank : 0), 0) / n;
  return `n ${outcomes.length}  R@1 ${at(1).toFixed(3)}  R@5 ${at(5).toFixed(3)}  R@10 ${at(10).toFixed(3)}  MRR@10 ${mrr.toFixed(3)}`;
}

const pct = (value: number) => `${(100 * value).toFixed(2)}%`.padStart(8);

function main(): void {
  const limit = Number(argument('--limit') ?? Infinity);
  const records = readJsonLinesGz<FactCheckRecord>(resolve(SHARED_DATA, 'id/factchecks.jsonl.gz'));
  const pairs = readJsonLinesGz<EvalPair>(resolve(SHARED_DATA, 'id/eval-pairs.jsonl.gz')).slice(0, limit);
  const tweets = readJsonLinesGz<Tweet>(resolve(SHARED_DATA, 'id/negatives-tweets.jsonl.gz'))
    .slice(0, limit)
    .map((tweet) => tweet.text);
  const shortPosts = [...shortPostsFrom(tweets), ...ONE_LINERS];

  const withoutText = timedBuild(items(records, 0));
  const pairLatencies: number[] = [];
  const outcomes = runPairs(withoutText.matcher, pairs, pairLatencies);
  const tweetScores = topScores(withoutText.matcher, tweets, []);
  const shortScores = topScores(withoutText.matcher, shortPosts, []);

  // The shipped list carries circulating text; ordinary posts must stay clear of it too.
  const shipped = timedBuild(items(records, 600));
  const shippedLatencies: number[] = [];
  const shippedTweetScores = topScores(shipped.matcher, tweets, shippedLatencies);
  const shippedShortScores = topScores(shipped.matcher, shortPosts, []);

  console.log(`index: ${withoutText.matcher.size} items, built in ${withoutText.ms.toFixed(0)} ms (claims only), ${shipped.ms.toFixed(0)} ms (with text, as shipped)`);
  console.log(`all   ${rankMetrics(outcomes)}`);
  console.log(`hard  ${rankMetrics(outcomes.filter((o) => o.hard))}`);
  console.log('');
  console.log(`short posts: ${shortPosts.length} (first sentences and first 2–6 words of the tweets, ${ONE_LINERS.length} one-liners)`);
  console.log('threshold  recall@decision(all)  recall@decision(hard)  false-match tweets  false-match tweets (shipped list, with text)  short posts  short posts (shipped)');
  const falseRate = (scores: number[], threshold: number) =>
    scores.filter((s) => s >= threshold).length / Math.max(scores.length, 1);
  // Every negatives set, on both indexes: the threshold must keep all of them quiet.
  const negativeSets = [tweetScores, shippedTweetScores, shortScores, shippedShortScores];
  let chosen: number | undefined;
  for (const threshold of THRESHOLDS) {
    const decided = (o: PairOutcome) => o.topScore >= threshold && o.rank > 0 && o.rank <= 5;
    const recall = outcomes.filter(decided).length / Math.max(outcomes.length, 1);
    const hard = outcomes.filter((o) => o.hard);
    const hardRecall = hard.filter(decided).length / Math.max(hard.length, 1);
    const [tweetRate, shippedTweetRate, shortRate, shippedShortRate] = negativeSets.map((scores) => falseRate(scores, threshold));
    if (chosen === undefined && negativeSets.every((scores) => falseRate(scores, threshold) <= MAX_FALSE_MATCH_RATE)) chosen = threshold;
    const mark = threshold === MATCH_THRESHOLD ? '  ← MATCH_THRESHOLD' : '';
    console.log(`${threshold.toFixed(3).padStart(9)}  ${pct(recall).padStart(20)}  ${pct(hardRecall).padStart(21)}  ${pct(tweetRate!).padStart(18)}  ${pct(shippedTweetRate!).padStart(44)}  ${pct(shortRate!).padStart(11)}  ${pct(shippedShortRate!).padStart(21)}${mark}`);
  }
  // Exact: the lowest score that at most MAX_FALSE_MATCH_RATE of each negatives set reaches.
  const cutoff = (scores: number[]) =>
    ([...scores].sort((a, b) => b - a)[Math.floor(MAX_FALSE_MATCH_RATE * scores.length)] ?? 0) + 1e-6;
  const exact = Math.max(...negativeSets.map(cutoff));
  const exactRecall = outcomes.filter((o) => o.topScore >= exact && o.rank > 0 && o.rank <= 5).length / Math.max(outcomes.length, 1);
  console.log('');
  const flaggedOneLiners = ONE_LINERS.filter((_, at) => shippedShortScores[shortPosts.length - ONE_LINERS.length + at]! >= MATCH_THRESHOLD);
  console.log(`one-liners flagged at MATCH_THRESHOLD (shipped list): ${flaggedOneLiners.length}/${ONE_LINERS.length}${flaggedOneLiners.length ? ` — ${flaggedOneLiners.join(' | ')}` : ''}`);
  console.log(`lowest table threshold with false matches ≤ ${pct(MAX_FALSE_MATCH_RATE).trim()} on every negatives set: ${chosen ?? 'none'}; exact: ${exact.toFixed(3)} (recall@decision ${pct(exactRecall).trim()}); MATCH_THRESHOLD is ${MATCH_THRESHOLD}`);
  for (const [name, latencies] of [['eval pairs, claims only', pairLatencies], ['tweets, shipped list', shippedLatencies]] as const) {
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(`latency (${name}): p50 ${percentile(sorted, 0.5).toFixed(2)} ms, p95 ${percentile(sorted, 0.95).toFixed(2)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`);
  }
}

main();

/** Ranking and decision measures over the matcher's answers, shared by eval.ts and the regression test. */
import type { Matcher } from '../../lib/match/types';
import { tweetPostedAt, type ClefPair, type IndonesianPair } from './datasets';

export interface PairOutcome {
  /** 1-based rank of the right item in the top 10, 0 when absent. */
  rank: number;
  topScore: number;
  hard: boolean;
}

export function runIndonesianPairs(matcher: Matcher, pairs: readonly IndonesianPair[], latencies?: number[]): PairOutcome[] {
  return pairs.map((pair) => {
    const start = performance.now();
    const result = matcher.match({ text: pair.query, urls: [] }, { top: 10 });
    latencies?.push(performance.now() - start);
    const rank = result.matches.findIndex((hit) => hit.item.id === pair.fact_check_id) + 1;
    return { rank, topScore: result.matches[0]?.score ?? 0, hard: pair.difficulty === 'hard' };
  });
}

export function topScores(matcher: Matcher, posts: readonly string[], latencies?: number[]): number[] {
  return posts.map((text) => {
    const start = performance.now();
    const result = matcher.match({ text, urls: [] });
    latencies?.push(performance.now() - start);
    return result.matches[0]?.score ?? 0;
  });
}

export interface RankMetrics {
  n: number;
  r1: number;
  r5: number;
  r10: number;
  mrr: number;
}

export function rankMetrics(outcomes: readonly PairOutcome[]): RankMetrics {
  const n = Math.max(outcomes.length, 1);
  const at = (k: number) => outcomes.filter((o) => o.rank > 0 && o.rank <= k).length / n;
  const mrr = outcomes.reduce((sum, o) => sum + (o.rank > 0 ? 1 / o.rank : 0), 0) / n;
  return { n: outcomes.length, r1: at(1), r5: at(5), r10: at(10), mrr };
}

/** Share of pairs the matcher decides hoax-match on with the right item in its top 5. */
export function decisionRecall(outcomes: readonly PairOutcome[], threshold: number): number {
  return outcomes.filter((o) => o.topScore >= threshold && o.rank > 0 && o.rank <= 5).length / Math.max(outcomes.length, 1);
}

export function falseRate(scores: readonly number[], threshold: number): number {
  return scores.filter((s) => s >= threshold).length / Math.max(scores.length, 1);
}

/** The lowest score at which at most `rate` of these negatives get a hoax-match. */
export function cutoffFor(scores: readonly number[], rate: number): number {
  return ([...scores].sort((a, b) => b - a)[Math.floor(rate * scores.length)] ?? 0) + 1e-6;
}

/** CheckThat! 2022 2A's MAP@5: precision at each relevant hit in the top 5, over the number relevant. */
export function meanAveragePrecisionAt5(matcher: Matcher, pairs: readonly ClefPair[]): number {
  let total = 0;
  for (const pair of pairs) {
    const relevant = new Set(pair.vclaim_ids);
    const postedAt = tweetPostedAt(pair.query);
    const query = { text: pair.query, urls: [], ...(postedAt === undefined ? {} : { postedAt }) };
    const ranked = matcher.match(query, { top: 5 }).matches.map((hit) => hit.item.id);
    let found = 0;
    let precisionSum = 0;
    ranked.forEach((id, at) => {
      if (relevant.has(id)) precisionSum += ++found / (at + 1);
    });
    total += precisionSum / Math.max(relevant.size, 1);
  }
  return total / Math.max(pairs.length, 1);
}

export function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

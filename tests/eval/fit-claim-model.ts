/**
 * Fits the claim model's weights (lib/match/claim-model.ts) by logistic
 * regression on the training half of the Indonesian eval pairs (isHeldOut
 * false) and the even-numbered ordinary tweets, their short openings and runs
 * of them joined into long posts: the right item is 1, every
 * other candidate and every candidate of a tweet is 0. Prints the weights to
 * paste into CLAIM_WEIGHTS; eval.ts then reports the held-out half apart.
 * With --decision, fits the decision model (DECISION_WEIGHTS) instead.
 * Run: npx tsx tests/eval/fit-claim-model.ts [--decision]
 */
import { CLAIM_FEATURES, CLAIM_WEIGHTS, DECISION_FEATURES, type DecisionInput } from '../../lib/match/claim-model';
import { createMatcher, explainCandidates, runnersUp, scoreEvidence } from '../../lib/match/index';
import type { Matcher } from '../../lib/match/types';
import { longPostsFrom, shortPostsFrom } from './short-posts';
import { indonesianItems, indonesianPairs, indonesianRecords, isHeldOut, ordinaryTweets } from './datasets';

/** The one list the fit runs over; candidates name their place in it. */
const ITEMS = indonesianItems(indonesianRecords(), 0);

/** A little ridge keeps the Newton steps stable where features are nearly collinear. */
const RIDGE = 1e-6;
const ITERATIONS = 25;

/**
 * Weight of a training tweet in the decision fit: the goal bounds the tail of
 * ordinary posts (≤ 0.2% flagged), which an unweighted fit hardly sees.
 */
const TWEET_WEIGHT = 20;

interface Rows {
  x: number[][];
  y: number[];
  weight: number[];
}

function trainingTexts(add: (text: string, rightId?: string) => void): void {
  for (const pair of indonesianPairs()) if (!isHeldOut(pair)) add(pair.query, pair.fact_check_id);
  const tweets = ordinaryTweets().filter((_, at) => at % 2 === 0);
  for (const tweet of [...tweets, ...shortPostsFrom(tweets), ...longPostsFrom(tweets)]) add(tweet);
}

/** Claim model rows: every candidate, 1 for the right item. */
function claimRows(matcher: Matcher): Rows {
  const rows: Rows = { x: [], y: [], weight: [] };
  trainingTexts((text, rightId) => {
    for (const { position, evidence } of explainCandidates(matcher, text)) {
      rows.x.push([1, ...CLAIM_FEATURES.map(([, feature]) => feature(evidence))]);
      rows.y.push(ITEMS[position]?.id === rightId ? 1 : 0);
      rows.weight.push(1);
    }
  });
  return rows;
}

/** Decision model rows: the best candidate of each text, 1 when the right item is in the top 5. */
function decisionRows(matcher: Matcher): Rows {
  const rows: Rows = { x: [], y: [], weight: [] };
  trainingTexts((text, rightId) => {
    const ranked = explainCandidates(matcher, text)
      .map((candidate) => ({ ...candidate, score: scoreEvidence(candidate.evidence) }))
      .sort((a, b) => b.score - a.score);
    if (ranked.length === 0) return;
    const input: DecisionInput = {
      best: ranked[0]!.evidence,
      bestScore: ranked[0]!.score,
      secondScore: ranked[1]?.score ?? 0,
      runnersUpScore: runnersUp(ranked),
    };
    rows.x.push([1, ...DECISION_FEATURES.map(([, feature]) => feature(input))]);
    rows.y.push(ranked.slice(0, 5).some(({ position }) => ITEMS[position]?.id === rightId) ? 1 : 0);
    rows.weight.push(rightId === undefined ? TWEET_WEIGHT : 1);
  });
  return rows;
}

/** Solves a·x = b by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = m[r]![col]! / m[col]![col]!;
      for (let c = col; c <= n; c++) m[r]![c]! -= factor * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/** Newton's method on the ridge-penalised log-likelihood. */
function fit({ x, y, weight: rowWeight }: Rows, start: readonly number[]): number[] {
  const d = start.length;
  const w = [...start];
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const gradient = new Array<number>(d).fill(0);
    const hessian = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    let logLikelihood = 0;
    for (let r = 0; r < x.length; r++) {
      const row = x[r]!;
      let z = 0;
      for (let i = 0; i < d; i++) z += w[i]! * row[i]!;
      const p = 1 / (1 + Math.exp(-z));
      const k = rowWeight[r]!;
      logLikelihood += k * (y[r] ? Math.log(p + 1e-12) : Math.log(1 - p + 1e-12));
      const weight = k * p * (1 - p);
      for (let i = 0; i < d; i++) {
        gradient[i]! += k * (y[r]! - p) * row[i]!;
        for (let j = 0; j <= i; j++) hessian[i]![j]! += weight * row[i]! * row[j]!;
      }
    }
    for (let i = 0; i < d; i++) {
      gradient[i]! -= RIDGE * x.length * (i > 0 ? w[i]! : 0);
      hessian[i]![i]! += RIDGE * x.length;
      for (let j = 0; j < i; j++) hessian[j]![i] = hessian[i]![j]!;
    }
    const step = solve(hessian, gradient);
    for (let i = 0; i < d; i++) w[i]! += step[i]!;
    console.error(`iteration ${iteration + 1}: log-likelihood ${logLikelihood.toFixed(1)}`);
    if (Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  return w;
}

const decision = process.argv.includes('--decision');
const matcher = createMatcher([{ listId: 'fit', items: ITEMS }]);
const rows = decision ? decisionRows(matcher) : claimRows(matcher);
const names = ['bias', ...(decision ? DECISION_FEATURES : CLAIM_FEATURES).map(([name]) => name)];
console.error(`${rows.y.length} rows, ${rows.y.filter(Boolean).length} positive`);
const start = !decision && CLAIM_WEIGHTS.length === names.length ? CLAIM_WEIGHTS : new Array<number>(names.length).fill(0);
const weights = fit(rows, start);
console.log(names.map((name, i) => `${name} ${weights[i]!.toFixed(3)}`).join('\n'));
console.log(`[${weights.map((w) => Number(w.toFixed(3))).join(', ')}]`);

/**
 * The evaluation on a fixed sample of ../shared/data (every 10th Indonesian
 * pair, all 4,401 ordinary tweets, the CLEF dev-test pairs): fails when ranking
 * or quietness falls below the floors. Floors sit a little under what the
 * matcher measures on this sample (see `npm run eval` for the full figures).
 */
import { LIKELY_THRESHOLD } from '../../lib/core/verdict';
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../lib/match/index';
import {
  clefClaims,
  clefItem,
  clefPairs,
  everyNth,
  hasSharedData,
  indonesianItems,
  indonesianPairs,
  indonesianRecords,
  ordinaryTweets,
} from '../eval/datasets';
import {
  decisionRecall,
  falseRate,
  meanAveragePrecisionAt5,
  rankMetrics,
  runIndonesianPairs,
  topScores,
} from '../eval/measures';
import { longPostsFrom } from '../eval/short-posts';

/**
 * Measured on this sample: R@5 0.852, hard 0.775, asked (either tier) with the right item in the
 * top 5 0.659, tweets asked 0.18% (long posts 0.05%), CLEF MAP@5 0.902 (tweets' dates given).
 * Asked was 0.68 before the stance word classes: they read more circulating hoax texts that carry
 * a debunk's words as debunks, the price of asking a third fewer topical hard negatives.
 */
const FLOORS = {
  indonesianR5: 0.845,
  hardR5: 0.765,
  decisionRecall: 0.65,
  /** A ceiling (the goal): share of ordinary tweets, and of long ordinary posts, asked about in either tier. */
  falseMatchRate: 0.003,
  clefMap5: 0.895,
};

describe.skipIf(!hasSharedData())('matcher regression on a fixed sample of the shared data', () => {
  it('keeps Indonesian ranking, the decision and its false-match rate', () => {
    const matcher = createMatcher([{ listId: 'eval', items: indonesianItems(indonesianRecords(), 0) }]);
    const outcomes = runIndonesianPairs(matcher, everyNth(indonesianPairs(), 10));
    const tweets = ordinaryTweets();
    const tweetScores = topScores(matcher, tweets);
    const measured = {
      indonesianR5: rankMetrics(outcomes).r5,
      hardR5: rankMetrics(outcomes.filter((o) => o.hard)).r5,
      decisionRecall: decisionRecall(outcomes, LIKELY_THRESHOLD),
      falseMatchRate: falseRate(tweetScores, LIKELY_THRESHOLD),
      longPostFalseMatchRate: falseRate(topScores(matcher, everyNth(longPostsFrom(tweets), 2)), LIKELY_THRESHOLD),
    };
    console.info('match regression (Indonesian sample):', measured);
    expect(measured.indonesianR5).toBeGreaterThanOrEqual(FLOORS.indonesianR5);
    expect(measured.hardR5).toBeGreaterThanOrEqual(FLOORS.hardR5);
    expect(measured.decisionRecall).toBeGreaterThanOrEqual(FLOORS.decisionRecall);
    expect(measured.falseMatchRate).toBeLessThanOrEqual(FLOORS.falseMatchRate);
    expect(measured.longPostFalseMatchRate).toBeLessThanOrEqual(FLOORS.falseMatchRate);
  }, 60_000);

  it('keeps English (CLEF 2022 2A dev-test) MAP@5', () => {
    const matcher = createMatcher([{ listId: 'clef', items: clefClaims().map(clefItem) }]);
    const map5 = meanAveragePrecisionAt5(matcher, clefPairs('dev_test'));
    console.info('match regression (CLEF dev-test MAP@5):', map5.toFixed(3));
    expect(map5).toBeGreaterThanOrEqual(FLOORS.clefMap5);
  }, 60_000);
});

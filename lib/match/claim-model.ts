/**
 * The two logistic models of the matcher. The claim model scores every
 * candidate from what the post shares with its claim, and ranks them; the
 * decision model scores only the best one, with what surrounds it and what the
 * post says about itself, and decides. The decision model's weights are in
 * fitted.ts, written by `npm run eval` from the fit halves only; eval.ts
 * reports the held-out halves.
 */

import type { PostCues } from './cues';
import { FITTED } from './fitted';

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
  /** Share of the claim's (up to) three rarest words the post has: its names and what it says of them. */
  keyWordsShared: number;
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

/**
 * For posts read as English, the same weights with a higher bias: matcher v1's weights were fitted
 * on Indonesian titles, and rated an English post covering half of a long English claim below a
 * loose glossary match of an Indonesian item's text. The shift is the bias fitted on the CLEF train
 * and dev tweets against the starter list and the CLEF claims together (right claim = 1; printed
 * by `npx tsx tests/eval/fit-models.ts --english-claim`); a shift leaves the order of English claims
 * among themselves as it was.
 */
const ENGLISH_BIAS_SHIFT = 1.263;
export const ENGLISH_CLAIM_WEIGHTS: readonly number[] = CLAIM_WEIGHTS.map((weight, at) =>
  at === 0 ? weight + ENGLISH_BIAS_SHIFT : weight,
);

/** The model's log-odds for this evidence. */
export function claimLogit(e: ClaimEvidence, weights: readonly number[] = CLAIM_WEIGHTS): number {
  let logit = weights[0]!;
  for (let at = 0; at < CLAIM_FEATURES.length; at++) logit += weights[at + 1]! * CLAIM_FEATURES[at]![1](e);
  return logit;
}

/** What the decision sees: the best-ranked candidate, how it stands among the others, and the post itself. */
export interface DecisionInput {
  best: ClaimEvidence;
  /** Cosine of the post with the best item's circulating text, counted as far as it shares enough of it (0 without text). */
  bestTextMatch: number;
  bestScore: number;
  secondScore: number;
  /** Claim-model scores of the 2nd to 5th candidates, summed: several checks of one hoax agreeing. */
  runnersUpScore: number;
  /**
   * Claim-model scores of the 2nd to 5th candidates, each times how much of its claim the best's
   * claim shares (IDF-weighted): many fact-checks of one recurring claim are evidence together,
   * unrelated runners-up are not.
   */
  agreement: number;
  /** Distinct known words in the post. */
  postWords: number;
  /** The best item carries its circulating text: its own model, fitted on items indexed that way. */
  bestHasText: boolean;
  cues: PostCues;
}

/**
 * The decision model's inputs. It is fitted apart (tests/eval/fit-models.ts), on the best
 * candidate of each text of the fit halves: 1 when the post repeats a known hoax and an item it
 * repeats is among the first candidates, 0 for ordinary posts (tweets, their openings, runs of
 * them joined), topical hard negatives and posts sharing a debunk. Ranking wants every candidate
 * ordered, the decision only whether the best one is a known hoax the post repeats.
 */
export const DECISION_FEATURES: ReadonlyArray<readonly [string, (d: DecisionInput) => number]> = [
  ...CLAIM_FEATURES.map(([name, feature]) => [name, (d: DecisionInput) => feature(d.best)] as const),
  ['wordCoverage', (d) => d.best.sharedClaimWords / Math.max(d.best.claimWords, 1)],
  ['leadShare', (d) => d.best.leadClaimMass / Math.max(d.best.sharedClaimMass, 1)],
  ['rarestSharedIdf', (d) => d.best.rarestSharedIdf / 10],
  ['logBestScore', (d) => Math.log(d.bestScore + 1e-4)],
  ['lead', (d) => d.bestScore - d.secondScore],
  ['runnersUp', (d) => d.runnersUpScore],
  ['agreement', (d) => d.agreement],
  ['keyWordsShared', (d) => d.best.keyWordsShared],
  ['textMatch', (d) => d.bestTextMatch],
  // Short posts: the share of the claim they carry counts differently when they carry little else.
  ['logPostWords', (d) => Math.log1p(d.postWords)],
  ['coverageWhenShort', (d) => d.best.coverage / Math.log(2 + d.postWords)],
  ['phraseWhenLong', (d) => (d.best.coverage * d.best.phrase * Math.log1p(d.postWords)) / 4],
  ['question', (d) => (d.cues.question ? 1 : 0)],
  ['chain', (d) => (d.cues.chain ? 1 : 0)],
  ['hearsay', (d) => (d.cues.hearsay ? 1 : 0)],
  ['report', (d) => (d.cues.report ? 1 : 0)],
  ['notice', (d) => (d.cues.notice ? 1 : 0)],
  ['dated', (d) => (d.cues.dated ? 1 : 0)],
  ['laughing', (d) => (d.cues.laughing ? 1 : 0)],
  ['alarmed', (d) => (d.cues.alarmed ? 1 : 0)],
  // English posts: the claims' words are spread and weighted otherwise (CLEF's claims are long sentences).
  ['english', (d) => (d.cues.english ? 1 : 0)],
  ['englishLogBestScore', (d) => (d.cues.english ? Math.log(d.bestScore + 1e-4) : 0)],
  ['englishCoverage', (d) => (d.cues.english ? d.best.coverage : 0)],
];

/**
 * The debunk model's inputs: what the post says about the claim it carries. A post sharing the
 * debunk ("HOAKS! Faktanya …") carries the claim's words as fully as one repeating it, so the
 * decision model cannot tell them apart; this model, fitted on posts that are about a known claim
 * (hoax posts against people sharing its debunk), says how likely the post is the debunk, and the
 * decision is the decision model's probability times the chance it is not.
 */
export const DEBUNK_FEATURES: ReadonlyArray<readonly [string, (cues: PostCues) => number]> = [
  ['debunkWords', (c) => Math.min(c.debunk, 3)],
  ['debunkStated', (c) => (c.debunk > 0 && !c.question ? 1 : 0)],
  ['debunkFirst', (c) => (c.debunkFirst ? 1 : 0)],
  ['verdictLabel', (c) => (c.verdictLabel ? 1 : 0)],
  ['question', (c) => (c.question ? 1 : 0)],
  ['chain', (c) => (c.chain ? 1 : 0)],
  ['logWords', (c) => Math.log1p(c.words)],
  ['debunkDensity', (c) => Math.min(1, (20 * c.debunk) / Math.max(c.words, 1))],
  ['notice', (c) => (c.notice ? 1 : 0)],
  ['english', (c) => (c.english ? 1 : 0)],
];

/** Whether the post has any debunk or verdict words, or reads as an official notice: without them it is not read as a debunk. */
export const mayBeDebunk = (cues: PostCues): boolean => cues.debunk > 0 || cues.verdictLabel || cues.notice;

/** The probability that a post about a known claim is sharing its debunk. */
export function debunkProbability(cues: PostCues, weights: readonly number[] = FITTED.debunkWeights): number {
  if (!mayBeDebunk(cues)) return 0;
  let logit = weights[0]!;
  for (let at = 0; at < DEBUNK_FEATURES.length; at++) logit += (weights[at + 1] ?? 0) * DEBUNK_FEATURES[at]![1](cues);
  return 1 / (1 + Math.exp(-logit));
}

/**
 * The decision model's weights: one set for items with a circulating text (the starter list,
 * most curated lists), one for items with only a claim (lists without texts, the English claims).
 */
export interface DecisionWeights {
  withText: readonly number[];
  claimOnly: readonly number[];
}

/** The decision model's log-odds that the best candidate is the hoax the post repeats. */
export function decisionLogit(d: DecisionInput, models: DecisionWeights = FITTED.decisionWeights): number {
  const weights = d.bestHasText ? models.withText : models.claimOnly;
  let logit = weights[0]!;
  for (let at = 0; at < DECISION_FEATURES.length; at++) logit += (weights[at + 1] ?? 0) * DECISION_FEATURES[at]![1](d);
  return logit;
}

/**
 * Running the realistic evaluation set (read and validated by realistic-set.ts, README in
 * tests/eval/realistic/): the posts with the split the rule gives, and what the extension would do
 * with each.
 */
import { z } from 'zod';
import type { MatchResult } from '../../lib/match/types';
import {
  hoaxPostSchema,
  hoaxSplitKey,
  negativePostSchema,
  negativeSplitKey,
  readRealisticFile,
  REALISTIC_FILES,
  splitOf,
  type HoaxPost,
  type NegativePost,
  type RealisticSet,
} from './realistic-set';

export function hoaxPosts(): HoaxPost[] {
  return [REALISTIC_FILES.hoaxId, REALISTIC_FILES.hoaxEn].flatMap(({ file }) =>
    // The rule decides, whatever a line says: nothing is fitted on the held-out half by mistake.
    (readRealisticFile(file, hoaxPostSchema) ?? []).map((post) => ({ ...post, split: splitOf(hoaxSplitKey(post)) })),
  );
}

export function hardNegatives(): NegativePost[] {
  return (readRealisticFile(REALISTIC_FILES.negatives.file, negativePostSchema) ?? []).map((post) => ({
    ...post,
    split: splitOf(negativeSplitKey(post)),
  }));
}

/**
 * One untouched set's files (held out whole, see REALISTIC_FILES): hoax posts and topical negatives.
 * `untouched` is the first set (Indonesian and English), `untouched2` the second (Indonesian).
 */
export function untouchedPosts(set: Exclude<RealisticSet, 'main'>): { hoax: HoaxPost[]; negatives: NegativePost[] } {
  const files = Object.values(REALISTIC_FILES).filter((spec) => spec.set === set);
  return {
    hoax: files.filter((spec) => spec.kind === 'hoax').flatMap(({ file }) => readRealisticFile(file, hoaxPostSchema) ?? []),
    negatives: files
      .filter((spec) => spec.kind === 'negative')
      .flatMap(({ file }) => readRealisticFile(file, negativePostSchema) ?? []),
  };
}

/**
 * A second writer's topical negatives (tests/eval/fit-negatives.jsonl, see the set's README): fitted on,
 * never evaluated, so they have no split.
 */
const fitNegativeSchema = negativePostSchema
  .omit({ split: true, about: true })
  .extend({ id: z.string().regex(/^fitneg-\d{4}$/, 'is fitneg-NNNN') });
export type FitNegative = z.infer<typeof fitNegativeSchema>;

export function fitOnlyNegatives(): FitNegative[] {
  return readRealisticFile('../fit-negatives.jsonl', fitNegativeSchema) ?? [];
}

/** Links written in a post: what the guard would pass as its urls. */
const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/g;
export const linksIn = (text: string): string[] => text.match(URL_IN_TEXT) ?? [];

export interface PostOutcome {
  /** The tier the matcher decided. */
  decision: MatchResult['decision'];
  /** An expected item is among the fact-checks the prompt shows. */
  rightShown: boolean;
  /** An expected item is among the top 5, asked or not: what ranking alone reaches. */
  rightInTop5: boolean;
}

/** What the extension would do with a post: the tier decided and the fact-checks its prompt shows. */
export function outcomeOf(
  result: MatchResult,
  expected: readonly string[],
  shown: (result: MatchResult) => ReadonlyArray<{ item: { id: string } }>,
): PostOutcome {
  const wanted = new Set(expected);
  return {
    decision: result.decision,
    rightShown: result.decision !== 'none' && shown(result).some((hit) => wanted.has(hit.item.id)),
    rightInTop5: result.matches.slice(0, 5).some((hit) => wanted.has(hit.item.id)),
  };
}

export interface HoaxSummary {
  n: number;
  /** Share asked about with an expected item shown, per tier and either. */
  rightShown: Record<string, number>;
  asked: number;
  rightInTop5: number;
}

const share = (count: number, n: number) => count / Math.max(n, 1);

export function summarizeHoax(outcomes: readonly PostOutcome[], tiers: readonly string[]): HoaxSummary {
  const n = outcomes.length;
  const rightShown: Record<string, number> = {};
  for (const tier of tiers) rightShown[tier] = share(outcomes.filter((o) => o.rightShown && o.decision === tier).length, n);
  rightShown.either = share(outcomes.filter((o) => o.rightShown).length, n);
  return {
    n,
    rightShown,
    asked: share(outcomes.filter((o) => o.decision !== 'none').length, n),
    rightInTop5: share(outcomes.filter((o) => o.rightInTop5).length, n),
  };
}

/** Share of negatives asked about, per tier and either. */
export function askedShares(decisions: ReadonlyArray<MatchResult['decision']>, tiers: readonly string[]): Record<string, number> {
  const shares: Record<string, number> = {};
  for (const tier of tiers) shares[tier] = share(decisions.filter((d) => d === tier).length, decisions.length);
  shares.either = share(decisions.filter((d) => d !== 'none').length, decisions.length);
  return shares;
}

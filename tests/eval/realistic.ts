/**
 * The realistic evaluation set (tests/eval/realistic/, see its README): hoax posts written the way
 * people post them, and topical hard negatives. Files are read from one configurable place, so the
 * eval can run while the set is still being written elsewhere:
 * SARING_REALISTIC_DIR (directories separated by ':', each file taken from the first that has it),
 * else tests/eval/realistic/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MatchResult } from '../../lib/match/types';

export type Split = 'fit' | 'held-out';

export interface HoaxPost {
  id: string;
  lang: 'id' | 'en';
  style: string;
  text: string;
  expected: string[];
  split: Split;
}

export interface HardNegative {
  id: string;
  lang: 'id' | 'en';
  category: string;
  topic: string;
  text: string;
  about?: string[];
  split: Split;
}

const HERE = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_REALISTIC_DIR = resolve(HERE, 'realistic');

export function realisticDirs(): string[] {
  const configured = process.env.SARING_REALISTIC_DIR?.split(':').filter(Boolean) ?? [];
  return configured.length > 0 ? configured.map((dir) => resolve(dir)) : [DEFAULT_REALISTIC_DIR];
}

/** The first of the directories holding `name`, or undefined. */
export function realisticFile(name: string): string | undefined {
  return realisticDirs().map((dir) => resolve(dir, name)).find((path) => existsSync(path));
}

function readJsonLines<T>(path: string | undefined): T[] {
  if (!path) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, at) => {
      try {
        return JSON.parse(line) as T;
      } catch {
        throw new Error(`${path}: line ${at + 1} is not JSON`);
      }
    });
}

/** FNV-1a 32-bit over the UTF-8 bytes: the split rule of EVAL-FORMAT.md. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193);
  return hash >>> 0;
}

/** The split the format's rule gives: hoax posts by their first expected id, negatives by their own id. */
export const ruleSplit = (key: string): Split => (fnv1a(key) & 1 ? 'held-out' : 'fit');

export function hoaxPosts(): HoaxPost[] {
  return [...readJsonLines<HoaxPost>(realisticFile('id-hoax.jsonl')), ...readJsonLines<HoaxPost>(realisticFile('en-hoax.jsonl'))].map(
    // The rule decides, whatever a line says: nothing is fitted on the held-out half by mistake.
    (post) => ({ ...post, split: ruleSplit(post.expected[0] ?? post.id) }),
  );
}

export function hardNegatives(): HardNegative[] {
  return readJsonLines<HardNegative>(realisticFile('negatives.jsonl')).map((post) => ({ ...post, split: ruleSplit(post.id) }));
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

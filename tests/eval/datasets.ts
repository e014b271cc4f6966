/**
 * The shared evaluation data (../shared/data, see its README) as list items and
 * queries, for eval.ts, the regression test and the benchmark.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  factCheckToItem,
  readJsonLinesGz,
  SHARED_DATA,
  type FactCheckRecord,
} from '../../lib/cli/build-starter-list';
import type { ListItem } from '../../lib/lists/schema';

export { SHARED_DATA };

export interface IndonesianPair {
  query: string;
  fact_check_id: string;
  difficulty: 'trivial' | 'easy' | 'hard';
}

export interface ClefClaim {
  vclaim_id: string;
  vclaim: string;
  title: string;
  /** When Snopes published it, as "26 May 2015" (empty for a few). */
  date?: string;
}

export interface ClefPair {
  query_id: string;
  split: 'train' | 'dev' | 'dev_test';
  query: string;
  vclaim_ids: string[];
}

export const hasSharedData = (): boolean => existsSync(resolve(SHARED_DATA, 'id/eval-pairs.jsonl.gz'));

export function indonesianRecords(): FactCheckRecord[] {
  return readJsonLinesGz<FactCheckRecord>(resolve(SHARED_DATA, 'id/factchecks.jsonl.gz'));
}

/** Hoax fact-checks as list items; textLength 0 leaves out the circulating text (each eval query is one). */
export function indonesianItems(records: FactCheckRecord[], textLength: number): ListItem[] {
  return records.flatMap((record) => factCheckToItem(record, { textLength }) ?? []);
}

export function indonesianPairs(): IndonesianPair[] {
  return readJsonLinesGz<IndonesianPair>(resolve(SHARED_DATA, 'id/eval-pairs.jsonl.gz'));
}

export function ordinaryTweets(): string[] {
  return readJsonLinesGz<{ text: string }>(resolve(SHARED_DATA, 'id/negatives-tweets.jsonl.gz')).map((t) => t.text);
}

export function clefClaims(): ClefClaim[] {
  return readJsonLinesGz<ClefClaim>(resolve(SHARED_DATA, 'en/clef2022-vclaims.jsonl.gz'));
}

export function clefPairs(split: ClefPair['split']): ClefPair[] {
  return readFileSync(resolve(SHARED_DATA, 'en/clef2022-pairs-train-dev.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as ClefPair)
    .filter((pair) => pair.split === split);
}

/** A date as a list writes it (YYYY-MM-DD), or undefined when it does not parse. */
function isoDay(date: string | undefined): string | undefined {
  const ms = date ? Date.parse(date.replace(/\s+/g, ' ')) : NaN;
  return Number.isFinite(ms) ? new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 10) : undefined;
}

/** A verified claim as a list item: the claim, with the article's title as a keyword phrase, and its date. */
export function clefItem(claim: ClefClaim): ListItem {
  const published = isoDay(claim.date);
  return {
    id: claim.vclaim_id,
    claim: claim.vclaim,
    rating: 'false',
    ...(claim.title ? { keywords: [claim.title] } : {}),
    ...(published ? { published } : {}),
    language: 'en',
  };
}

/** The embed line a CLEF tweet ends with: "— Name (@handle) June 10, 2020". */
const TWEET_DATE = /\(@\w+\)\s*([A-Z][a-z]+ \d{1,2}, \d{4})\s*$/;

/** When a CLEF tweet was posted (ms since 1970, UTC midnight), from its embed line; undefined without one. */
export function tweetPostedAt(query: string): number | undefined {
  const found = TWEET_DATE.exec(query);
  const ms = found ? Date.parse(`${found[1]} UTC`) : NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

/** Every n-th element from the start: a fixed, spread-out sample. */
export function everyNth<T>(values: readonly T[], n: number): T[] {
  return values.filter((_, at) => at % n === 0);
}

/**
 * The fixed half of the Indonesian pairs the claim model is not fitted on
 * (by a hash of the fact-check id, so every pair of an item falls on one side):
 * eval.ts reports it apart from the training half.
 */
export function isHeldOut(pair: IndonesianPair): boolean {
  let hash = 0x811c9dc5;
  for (let i = 0; i < pair.fact_check_id.length; i++) hash = Math.imul(hash ^ pair.fact_check_id.charCodeAt(i), 0x01000193);
  return ((hash >>> 0) & 1) === 1;
}

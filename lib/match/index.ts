import { LIKELY_THRESHOLD, MATCH_THRESHOLD, tierOf } from '../core/verdict';
import { normalizeUrl } from '../core/url';
import Fuse from 'fuse.js';
import type { DomainEntry, ListItem, Rating } from '../lists/schema';
import {
  buildIndex,
  buildIndexPausing,
  claimMassOf,
  dayOf,
  FIELD_CLAIM as CLAIM_FIELD_BIT,
  NO_PLACE,
  placeAt,
  placeOf,
  retrievalNormOf,
  rowOf,
  textMassOf,
  TEXT_FIELD_WEIGHT,
  type BuiltIndex,
} from './built-index';
import {
  claimLogit,
  CLAIM_WEIGHTS,
  debunkProbability,
  ENGLISH_CLAIM_WEIGHTS,
  decisionLogit,
  type ClaimEvidence,
  type DecisionInput,
  type DecisionWeights,
} from './claim-model';
import { onlyStockFormulas, postCues, type PostCues } from './cues';
import { FITTED } from './fitted';
import { weightedTokens } from './normalize';
import { patchIndex, type IndexPatch } from './patch-index';
import { decodeIndex, encodeIndex, encodeIndexPausing } from './persist';
import { correctWord, MIN_CORRECTED_LENGTH } from './spelling';
import type {
  IndexedList,
  IndexMatcher,
  Matcher,
  MatchHit,
  MatchQuery,
  MatchResult,
  RankedHit,
  RankedResult,
} from './types';
import { registrableDomain } from './domain';

/**
 * Matcher v1: a URL/domain layer, then a token inverted index over each item's
 * claim, keywords and circulating text, a weighted-overlap score for the best
 * candidates and a phrase check on the very best. See ARCHITECTURE.md
 * "Matching, designed for scale".
 */

/** A decision model's two thresholds: likely-match at or above `likely`, hoax-match at or above `confident`. */
export interface TierThresholds {
  likely: number;
  confident: number;
}
/** Per language (the post's cues), per regime (best item with a circulating text, or a claim only). */
export type DecisionThresholds = Record<'id' | 'en', Record<'withText' | 'claimOnly', TierThresholds>>;

/**
 * The thresholds a post's decided score is held to: its language's (English where its cues say
 * so: English hard negatives and posts score otherwise), for its best item's regime.
 */
export function thresholdsFor(
  input: Pick<DecisionInput, 'bestHasText' | 'cues'>,
  thresholds: DecisionThresholds = FITTED.thresholds,
): TierThresholds {
  return thresholds[input.cues.english ? 'en' : 'id'][input.bestHasText ? 'withText' : 'claimOnly'];
}

/** A decision model's score on the common scale: its fitted thresholds land on LIKELY_THRESHOLD and MATCH_THRESHOLD. */
export function onCommonScale(score: number, thresholds: TierThresholds): number {
  const { likely, confident } = thresholds;
  if (score < likely) return (score / likely) * LIKELY_THRESHOLD;
  if (score < confident)
    return LIKELY_THRESHOLD + ((score - likely) / (confident - likely)) * (MATCH_THRESHOLD - LIKELY_THRESHOLD);
  return MATCH_THRESHOLD + ((score - confident) / Math.max(1 - confident, 1e-9)) * (1 - MATCH_THRESHOLD);
}
/**
 * Text cosine at which ranking counts a post as repeating an item's circulating text (it ranks
 * as a claim-model score of TEXT_MATCH_SCORE, matcher v1's threshold): about 0.1% of ordinary
 * tweets reach it against the starter list. The decision weighs the text itself (textMatch).
 */
const TEXT_MATCH_COSINE = 0.6;
const TEXT_MATCH_SCORE = 0.56;
/**
 * Text-IDF mass and distinct words a post must share with an item's circulating
 * text for the full cosine to count: a greeting repeating a one-line text
 * ("Selamat pagi") has a high cosine and proves nothing. Both, because on a
 * small list every word looks rare.
 */
const FULL_TEXT_EVIDENCE_MASS = 20;
const FULL_TEXT_EVIDENCE_WORDS = 4;
/**
 * Claim-IDF mass a post must share with a claim for the model's score to count
 * in full (about two rare words): one word, even one covering a one-word claim,
 * is what ordinary chatter shares with some item by chance.
 */
const FULL_CLAIM_EVIDENCE_MASS = 13;

const CANDIDATES = 50;
/**
 * Postings retrieval walks per post, rarest words first: above what most posts
 * meet at ~15k items (same eval figures with or without it), it bounds the work
 * at 100k, where everyday words hold thousands of items.
 */
const MAX_RETRIEVAL_POSTINGS = 20_000;
/** Post tokens counted as its opening, where a forwarded message usually states its claim. */
const LEAD_TOKENS = 30;
const PHRASE_CHECKED = 10;
const MAX_QUERY_TOKENS = 2_000;
/**
 * New spelling corrections per post (lib/match/spelling.ts): on the eval, 4 find
 * as much as 40; corrections found are remembered per index.
 */
const MAX_CORRECTIONS = 4;
const MAX_QUERY_URLS = 50;
const TITLE_MAX_LENGTH = 300;
/** Score of a link to a site on a list's hoax-domain list. */
const DOMAIN_SCORE = 0.9;

interface Candidate {
  doc: number;
  retrieval: number;
  /** When retrieval first touched it (its place in the touched docs): ties go to the first touched. */
  touch: number;
}

const wordsOfIndex = new WeakMap<BuiltIndex, string[]>();

/** Each token id's word. */
function wordsOf(index: BuiltIndex): string[] {
  let words = wordsOfIndex.get(index);
  if (!words) wordsOfIndex.set(index, (words = [...index.vocabulary.keys()]));
  return words;
}

/** Corrections already worked out per index: slang and typos recur from post to post. */
const correctionsOfIndex = new WeakMap<BuiltIndex, Map<string, number | undefined>>();
const MAX_REMEMBERED_CORRECTIONS = 20_000;

/** A post's known tokens as ids, in order, each one's weight (1 but for glossary words) and reading group (see weightedTokens). */
interface QueryIds {
  ids: number[];
  weights: number[];
  groups: number[];
  /** The claim model's weights for the language the post reads as. */
  claimWeights: readonly number[];
}

/** Query tokens as ids (known words, or corrected ones); unknown words are dropped. */
function queryTokenIds(text: string, index: BuiltIndex): QueryIds {
  let remembered = correctionsOfIndex.get(index);
  if (!remembered) correctionsOfIndex.set(index, (remembered = new Map<string, number | undefined>()));
  const ids: number[] = [];
  const weights: number[] = [];
  const groups: number[] = [];
  let corrected = 0;
  const query = weightedTokens(text);
  const count = Math.min(query.tokens.length, MAX_QUERY_TOKENS);
  for (let at = 0; at < count; at++) {
    const token = query.tokens[at]!;
    const weight = query.weights[at]!;
    let id = index.vocabulary.get(token);
    // A word no item holds any more (a patched index keeps its id), or one a later patch of the
    // index brought (beyond its arrays), is as unknown as in a fresh build.
    if (id !== undefined && !(index.frequencies.anywhere[id]! > 0)) id = undefined;
    // A glossary word is a known word or nothing: it is not the post's spelling to correct.
    if (id === undefined && weight === 1 && token.length >= MIN_CORRECTED_LENGTH && /^[a-z]+$/.test(token)) {
      if (remembered.has(token)) {
        id = remembered.get(token);
      } else if (corrected < MAX_CORRECTIONS) {
        corrected++;
        id = correctWord(token, index);
        if (remembered.size >= MAX_REMEMBERED_CORRECTIONS) remembered.clear();
        remembered.set(token, id);
      }
    }
    if (id !== undefined) {
      ids.push(id);
      weights.push(weight);
      groups.push(query.groups[at]!);
    }
  }
  return { ids, weights, groups, claimWeights: query.language === 'en' ? ENGLISH_CLAIM_WEIGHTS : CLAIM_WEIGHTS };
}

/** Adjacent and next-but-one token pairs of the post: near each other counts as a phrase. */
function pairKeys(ids: number[]): Set<number> {
  const pairs = new Set<number>();
  for (let i = 0; i < ids.length; i++) {
    for (let gap = 1; gap <= 2 && i + gap < ids.length; gap++) {
      const a = ids[i]!;
      const b = ids[i + gap]!;
      pairs.add(a * 0x200000 + b);
      pairs.add(b * 0x200000 + a);
    }
  }
  return pairs;
}

function phraseShare(sequence: Uint32Array, postPairs: Set<number>): number {
  let pairs = 0;
  let present = 0;
  for (let i = 0; i + 1 < sequence.length; i++) {
    if (sequence[i] === sequence[i + 1]) continue;
    pairs++;
    if (postPairs.has(sequence[i]! * 0x200000 + sequence[i + 1]!)) present++;
  }
  return pairs === 0 ? 1 : present / pairs;
}

/**
 * Per-index scratch for retrieval: an overlap accumulator over all docs and the
 * docs touched, reused by every query (allocating them per post would cost more
 * than the search at 100k items). Queries run one at a time, so one set suffices.
 * The accumulator is 32-bit: half the memory a post's postings land in at random, and it only
 * picks candidates, whose evidence is computed apart in full precision.
 */
interface RetrievalScratch {
  overlap: Float32Array;
  touched: Uint32Array;
  /**
   * Per token, the number of the last query that had it anywhere / in its opening: marks that
   * a new query's number clears at once, where sets of the post's tokens would be hashed per look-up.
   */
  inPost: Uint32Array;
  inLead: Uint32Array;
  /** Per token of the current query, its weight (the highest it has in the post). */
  postWeight: Float32Array;
  query: number;
}
const scratchOfIndex = new WeakMap<BuiltIndex, RetrievalScratch>();

function scratchFor(index: BuiltIndex): RetrievalScratch {
  let scratch = scratchOfIndex.get(index);
  if (!scratch) {
    const tokenCount = index.idf.length;
    scratch = {
      overlap: new Float32Array(index.docCount),
      touched: new Uint32Array(index.docCount),
      inPost: new Uint32Array(tokenCount),
      inLead: new Uint32Array(tokenCount),
      postWeight: new Float32Array(tokenCount),
      query: 0,
    };
    scratchOfIndex.set(index, scratch);
  }
  return scratch;
}

/** Marks the post's tokens (and those of its opening) and their weights for this query; returns the query's number. */
function markPost(scratch: RetrievalScratch, { ids, weights }: QueryIds): number {
  if (scratch.query === 0xffffffff) {
    scratch.inPost.fill(0);
    scratch.inLead.fill(0);
    scratch.query = 0;
  }
  const query = ++scratch.query;
  for (let at = 0; at < ids.length; at++) {
    const id = ids[at]!;
    const seen = scratch.inPost[id] === query;
    if (!seen || weights[at]! > scratch.postWeight[id]!) scratch.postWeight[id] = weights[at]!;
    scratch.inPost[id] = query;
    if (at < LEAD_TOKENS) scratch.inLead[id] = query;
  }
  return query;
}

/**
 * Items sharing the most (weighted) rare words with the post, best first; `weightOf` gives a
 * token's weight in the post (1 when not given).
 */
function retrieve(
  postTokens: Iterable<number>,
  index: BuiltIndex,
  limit = CANDIDATES,
  weightOf?: (token: number) => number,
): Candidate[] {
  const { overlap, touched } = scratchFor(index);
  const { retrievalNorm, placeOfDoc } = index;
  // How many items hold each token: a patched index's rows also hold docs of removed items.
  const frequency = index.frequencies.anywhere;
  // A local: some module loaders turn an imported binding into a getter call per posting.
  const claimBit = CLAIM_FIELD_BIT;
  // Rarest words first; once the budget of postings is spent, more frequent words only rank, not retrieve.
  const tokens = [...postTokens].filter((token) => !index.common[token]);
  tokens.sort((a, b) => frequency[a]! - frequency[b]!);
  let visited = 0;
  let touchedCount = 0;
  // Where each token's newly touched docs end in `touched`.
  const touchedBy: number[] = [];
  for (const token of tokens) {
    if (visited > MAX_RETRIEVAL_POSTINGS) break;
    visited += frequency[token]!;
    const inPost = weightOf ? weightOf(token) : 1;
    const claimWeight = inPost * (index.idf[token] ?? 0);
    const textWeight = inPost * TEXT_FIELD_WEIGHT * (index.textIdf[token] ?? 0);
    // The token's docs in the postings, then in the late postings (a patch's docs, all after them).
    for (let late = 0; late < 2; late++) {
      const { offsets, values } = late ? index.latePostings : index.postings;
      const fields = late ? index.latePostingFields : index.postingFields;
      if (token + 1 >= offsets.length) continue;
      for (let at = offsets[token]!, end = offsets[token + 1]!; at < end; at++) {
        const doc = values[at]!;
        if (overlap[doc] === 0) touched[touchedCount++] = doc;
        overlap[doc]! += fields[at]! & claimBit ? claimWeight : textWeight;
      }
    }
    touchedBy.push(touchedCount);
  }
  // Of equal scores, the doc first touched by an earlier token, then the first in the lists: a full
  // build's order (its docs are in list order, as its postings), whatever slots a patch gave.
  const tokenOf = (touch: number) => {
    let nth = 0;
    while (touchedBy[nth]! <= touch) nth++;
    return nth;
  };
  const before = (doc: number, touch: number, other: Candidate) => {
    const [mine, theirs] = [tokenOf(touch), tokenOf(other.touch)];
    return mine < theirs || (mine === theirs && placeOfDoc[doc]! < placeOfDoc[other.doc]!);
  };
  // Keep the best `limit` in a small array sorted descending; most docs fail the first comparison.
  const best: Candidate[] = [];
  let floor = -Infinity;
  for (let i = 0; i < touchedCount; i++) {
    const doc = touched[i]!;
    const shared = overlap[doc]!;
    overlap[doc] = 0;
    // Share of the item covered, tempered so long items are not buried (a patched index computes
    // a doc's norm when first read; a doc without a place, a removed item's, has none).
    let norm = retrievalNorm[doc]!;
    if (norm !== norm) norm = retrievalNormOf(index, doc);
    if (norm === 0) continue;
    const retrieval = shared * norm;
    if (best.length === limit && (retrieval < floor || (retrieval === floor && !before(doc, i, best[limit - 1]!))))
      continue;
    let at = Math.min(best.length, limit - 1);
    while (
      at > 0 &&
      (best[at - 1]!.retrieval < retrieval || (best[at - 1]!.retrieval === retrieval && before(doc, i, best[at - 1]!)))
    ) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = { doc, retrieval, touch: i };
    floor = best.length === limit ? best[limit - 1]!.retrieval : -Infinity;
  }
  return best;
}

/** Evidence that the post repeats an item's claim (or its circulating text). */
export interface TextEvidence extends ClaimEvidence {
  /** Cosine of IDF-weighted word sets of post and the item's circulating text, 0..1. */
  textSimilarity: number;
  /** Text-IDF mass and count of the circulating-text words found in the post. */
  sharedTextMass: number;
  sharedTextWords: number;
}

/**
 * The calibrated score 0..1; the circulating text counts when it matches better.
 * Each is scaled down when the post shares too little to be evidence: a short
 * post reaches high coverage or cosine with one or two everyday words.
 */
export function scoreEvidence(e: TextEvidence, claimWeights: readonly number[] = CLAIM_WEIGHTS): number {
  return combinedScore(e, 1 / (1 + Math.exp(-claimLogit(e, claimWeights))));
}

/**
 * A claim probability scaled down when the post shares too little of the claim,
 * or the circulating-text score when that is higher.
 */
function combinedScore(e: TextEvidence, claimProbability: number): number {
  const claimEvidence = Math.min(1, e.sharedClaimMass / FULL_CLAIM_EVIDENCE_MASS);
  const textEvidence = Math.min(
    1,
    e.sharedTextMass / FULL_TEXT_EVIDENCE_MASS,
    e.sharedTextWords / FULL_TEXT_EVIDENCE_WORDS,
  );
  return Math.min(1, Math.max(claimEvidence * claimProbability, textScore(e.textSimilarity * textEvidence)));
}

/** Piecewise-linear map putting TEXT_MATCH_COSINE exactly at TEXT_MATCH_SCORE. */
function textScore(cosine: number): number {
  if (cosine < TEXT_MATCH_COSINE) return (cosine / TEXT_MATCH_COSINE) * TEXT_MATCH_SCORE;
  return TEXT_MATCH_SCORE + ((cosine - TEXT_MATCH_COSINE) / (1 - TEXT_MATCH_COSINE)) * (1 - TEXT_MATCH_SCORE);
}

/** How much of the evidence a post needs it carries: of the claim, or of the circulating text. */
function evidenceShare(e: TextEvidence): number {
  const claimEvidence = Math.min(1, e.sharedClaimMass / FULL_CLAIM_EVIDENCE_MASS);
  const textEvidence = Math.min(
    1,
    e.sharedTextMass / FULL_TEXT_EVIDENCE_MASS,
    e.sharedTextWords / FULL_TEXT_EVIDENCE_WORDS,
  );
  return Math.max(claimEvidence, textEvidence);
}

/** The post's cosine with the item's circulating text, counted only as far as it shares enough of it. */
function textMatch(e: TextEvidence): number {
  return (
    e.textSimilarity *
    Math.min(1, e.sharedTextMass / FULL_TEXT_EVIDENCE_MASS, e.sharedTextWords / FULL_TEXT_EVIDENCE_WORDS)
  );
}

interface Candidates {
  /** Distinct known words of the post. */
  postWords: number;
  /** The claim model's weights for the post's language. */
  claimWeights: readonly number[];
  /** Each with its evidence, in retrieval order. */
  candidates: Array<{ doc: number; evidence: TextEvidence }>;
}

/**
 * The post's IDF mass (claim and text IDF): each distinct token once, and of a reading group (the
 * readings of one word of an English post) only the heaviest.
 */
function postMasses(
  { ids, groups }: QueryIds,
  index: BuiltIndex,
  postWeight: Float32Array,
): { postMass: number; postTextMass: number } {
  const { idf, textIdf } = index;
  const counted = new Set<number>();
  let postMass = 0;
  let postTextMass = 0;
  for (let start = 0; start < ids.length;) {
    let end = start + 1;
    while (end < ids.length && groups[end] === groups[start]) end++;
    let mass = 0;
    let textMass = 0;
    for (let at = start; at < end; at++) {
      const token = ids[at]!;
      if (counted.has(token)) continue;
      mass = Math.max(mass, postWeight[token]! * idf[token]!);
      textMass = Math.max(textMass, postWeight[token]! * textIdf[token]!);
    }
    for (let at = start; at < end; at++) counted.add(ids[at]!);
    postMass += mass;
    postTextMass += textMass;
    start = end;
  }
  return { postMass, postTextMass };
}

/** The candidates a post retrieves, each with its evidence. */
function candidateEvidence(text: string, index: BuiltIndex): Candidates {
  const queryIds = queryTokenIds(text, index);
  const { ids } = queryIds;
  const { claimWeights } = queryIds;
  if (ids.length === 0) return { postWords: 0, claimWeights, candidates: [] };
  const postTokens = new Set(ids);
  const postPairs = pairKeys(ids);
  const scratch = scratchFor(index);
  const query = markPost(scratch, queryIds);
  const { inPost, inLead, postWeight } = scratch;
  const { idf, textIdf, claimTokens, textTokens } = index;
  // The post's own words: glossary words are another reading of them, not more of the post.
  let postWords = 0;
  for (const token of postTokens) if (postWeight[token] === 1) postWords++;
  const { postMass, postTextMass } = postMasses(queryIds, index, postWeight);
  const words = wordsOf(index);
  // Of equally rare words, the first by spelling: token ids depend on how the index was made (built or patched).
  const rarer = (weight: number, token: number, than: number, thanToken: number) =>
    weight > than || (weight === than && words[token]! < words[thanToken]!);
  const candidates = retrieve(postTokens, index, CANDIDATES, (token) => postWeight[token]!).map(({ doc }) => {
    const claimMass = claimMassOf(index, doc);
    let sharedClaim = 0;
    let sharedClaimWords = 0;
    let leadClaimMass = 0;
    let rarestSharedIdf = 0;
    // The claim's three rarest words (its names and its predicate), and whether the post has each.
    let w1 = -1;
    let w2 = -1;
    let w3 = -1;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let t1 = -1;
    let t2 = -1;
    let t3 = -1;
    for (let at = claimTokens.offsets[doc]!, end = claimTokens.offsets[doc + 1]!; at < end; at++) {
      const token = claimTokens.values[at]!;
      const weight = idf[token]!;
      // A glossary word counts as far as its weight.
      const shared = inPost[token] === query ? postWeight[token]! : 0;
      if (rarer(weight, token, w3, t3)) {
        if (rarer(weight, token, w2, t2)) {
          w3 = w2;
          s3 = s2;
          t3 = t2;
          if (rarer(weight, token, w1, t1)) {
            w2 = w1;
            s2 = s1;
            t2 = t1;
            w1 = weight;
            s1 = shared;
            t1 = token;
          } else {
            w2 = weight;
            s2 = shared;
            t2 = token;
          }
        } else {
          w3 = weight;
          s3 = shared;
          t3 = token;
        }
      }
      if (!shared) continue;
      sharedClaim += shared * weight;
      sharedClaimWords += shared;
      if (inLead[token] === query) leadClaimMass += shared * weight;
      if (shared * weight > rarestSharedIdf) rarestSharedIdf = shared * weight;
    }
    const textMass = textMassOf(index, doc);
    let sharedText = 0;
    let sharedTextWords = 0;
    for (let at = textTokens.offsets[doc]!, end = textTokens.offsets[doc + 1]!; at < end; at++) {
      const token = textTokens.values[at]!;
      if (inPost[token] !== query) continue;
      sharedText += postWeight[token]! * (textIdf[token] ?? 0);
      sharedTextWords += postWeight[token]!;
    }
    const evidence: TextEvidence = {
      coverage: claimMass > 0 ? sharedClaim / claimMass : 0,
      phrase: 0,
      sharedClaimMass: sharedClaim,
      claimMass,
      postMass,
      claimWords: claimTokens.offsets[doc + 1]! - claimTokens.offsets[doc]!,
      sharedClaimWords,
      leadClaimMass,
      rarestSharedIdf,
      keyWordsShared: (s1 + s2 + s3) / Math.max(1, (w1 >= 0 ? 1 : 0) + (w2 >= 0 ? 1 : 0) + (w3 >= 0 ? 1 : 0)),
      textSimilarity: textMass > 0 ? sharedText / Math.sqrt(textMass * Math.max(postTextMass, 1)) : 0,
      sharedTextMass: sharedText,
      sharedTextWords,
    };
    return { doc, evidence };
  });
  // Phrase check only where it can change the answer: the best few before it.
  const before = candidates.map(({ evidence }) => scoreEvidence(evidence, claimWeights));
  const order = candidates.map((_, at) => at).sort((a, b) => before[b]! - before[a]!);
  for (const at of order.slice(0, PHRASE_CHECKED)) {
    const { doc, evidence } = candidates[at]!;
    evidence.phrase = phraseShare(rowOf(index.claimSequences, doc), postPairs);
  }
  return { postWords, claimWeights, candidates };
}

/**
 * How much a day's distance between a post and a fact-check lowers the fact-check's rank, per
 * log-day: fitted on the CLEF train and dev tweets (their dates), see tests/eval.
 */
const DATE_GAP_WEIGHT: number = FITTED.dateGapWeight;
/** The gap counted for a fact-check without a date when the post has one: about a year. */
const UNKNOWN_DATE_GAP = 365;

/** The rank factor of a doc for a post written on `postedDay` (1 when the post's day is unknown). */
function dateFactor(index: BuiltIndex, doc: number, postedDay: number): number {
  if (!Number.isFinite(postedDay)) return 1;
  const published = index.publishedDays[doc]!;
  const gap = Number.isFinite(published) ? Math.abs(published - postedDay) : UNKNOWN_DATE_GAP;
  return Math.exp(-DATE_GAP_WEIGHT * Math.log1p(gap));
}

/** Share of `other`'s claim mass that `doc`'s claim shares (both rows ascending). */
function claimOverlap(index: BuiltIndex, doc: number, other: number): number {
  const { offsets, values } = index.claimTokens;
  let a = offsets[doc]!;
  let b = offsets[other]!;
  const aEnd = offsets[doc + 1]!;
  const bEnd = offsets[other + 1]!;
  let shared = 0;
  while (a < aEnd && b < bEnd) {
    const left = values[a]!;
    const right = values[b]!;
    if (left === right) {
      shared += index.idf[left]!;
      a++;
      b++;
    } else if (left < right) a++;
    else b++;
  }
  const mass = claimMassOf(index, other);
  return mass > 0 ? shared / mass : 0;
}

/**
 * Candidates the decision weighs, each as if it were the best: the prompt shows as many. The claim
 * model's first is not always the one a post repeats most plainly: "Beras plastik itu beneran ada
 * ya? … tenggorokan sakit" ranks a long claim sharing its "tenggorokan" above "Pabrik Beras Plastik".
 */
const DECIDED_CANDIDATES = 3;
/** Candidates around a decided one that count as its runners-up: several checks of one hoax agreeing. */
const RUNNERS_UP = 5;

/** Candidates in rank order with their claim-model scores, and what the decision model sees of the first few. */
interface Ranked {
  ranked: Array<{ doc: number; evidence: TextEvidence; score: number; rank: number }>;
  /** One decision input per candidate the decision weighs, in rank order; none when nothing scored. */
  inputs: Array<DecisionInput & { best: TextEvidence }>;
}

/** The decision model's input for the candidate at `at`, with the other first candidates as its runners-up. */
function decisionInput(
  index: BuiltIndex,
  ranked: Ranked['ranked'],
  at: number,
  postWords: number,
  cues: PostCues,
): DecisionInput & { best: TextEvidence } {
  const { doc, evidence, score } = ranked[at]!;
  let secondScore: number | undefined;
  let runnersUpScore = 0;
  let agreement = 0;
  for (let other = 0; other < Math.min(RUNNERS_UP, ranked.length); other++) {
    if (other === at) continue;
    secondScore ??= ranked[other]!.score;
    runnersUpScore += ranked[other]!.score;
    agreement += ranked[other]!.score * claimOverlap(index, doc, ranked[other]!.doc);
  }
  return {
    best: evidence,
    bestTextMatch: textMatch(evidence),
    bestScore: score,
    secondScore: secondScore ?? 0,
    runnersUpScore,
    agreement,
    postWords,
    bestHasText: textMassOf(index, doc) > 0,
    cues,
  };
}

/** Candidates ranked by the claim model (and the post's date, when known), and the decision's inputs. */
function rankCandidates(text: string, index: BuiltIndex, cues: PostCues, postedDay: number): Ranked {
  // Hoax headlines borrow condolences and greetings; a post made only of them carries no claim.
  if (onlyStockFormulas(text)) return { ranked: [], inputs: [] };
  const { postWords, claimWeights, candidates } = candidateEvidence(text, index);
  const ranked = candidates
    .map(({ doc, evidence }) => {
      const score = scoreEvidence(evidence, claimWeights);
      return { doc, evidence, score, rank: score * dateFactor(index, doc, postedDay) };
    })
    .sort((a, b) => b.rank - a.rank);
  if (!ranked[0] || ranked[0].score <= 0) return { ranked, inputs: [] };
  const inputs = [];
  for (let at = 0; at < Math.min(DECIDED_CANDIDATES, ranked.length) && ranked[at]!.score > 0; at++) {
    inputs.push(decisionInput(index, ranked, at, postWords, cues));
  }
  return { ranked, inputs };
}

/**
 * The decided score of the best candidate: the decision model's probability, scaled down when
 * the post shares too little to be evidence, or the circulating-text score when higher. A post
 * that links to or names a fact-check is sharing the debunk: it stays under the likely tier.
 */
export function decidedScore(
  input: DecisionInput & { best: TextEvidence },
  weights?: { decision?: DecisionWeights; debunk?: readonly number[] },
): number {
  const about = evidenceShare(input.best) / (1 + Math.exp(-decisionLogit(input, weights?.decision)));
  const score = about * (1 - debunkProbability(input.cues, weights?.debunk));
  return input.cues.factCheckLink ? 0 : score;
}

/**
 * The decision over the candidates it weighs: the one that stands highest on the common scale (each by
 * its own language's and regime's thresholds, as the prompt will be decided), and its decided score.
 */
export function decideAmong(
  inputs: ReadonlyArray<DecisionInput & { best: TextEvidence }>,
  weights?: Parameters<typeof decidedScore>[1],
  thresholds: DecisionThresholds = FITTED.thresholds,
): { input: DecisionInput & { best: TextEvidence }; score: number } {
  let chosen = { input: inputs[0]!, score: 0, common: -1 };
  for (const input of inputs) {
    const score = decidedScore(input, weights);
    const common = onCommonScale(score, thresholdsFor(input, thresholds));
    if (common > chosen.common) chosen = { input, score, common };
  }
  return { input: chosen.input, score: chosen.score };
}

/** The first candidate's score is the decision's, and the others keep their ratio to it, so the order stands. */
function textHits(
  text: string,
  index: BuiltIndex,
  cues: PostCues,
  postedDay: number,
): Array<{ doc: number; score: number }> {
  const { ranked, inputs } = rankCandidates(text, index, cues, postedDay);
  if (!inputs.length) return ranked.map(({ doc }) => ({ doc, score: 0 }));
  const { input, score } = decideAmong(inputs);
  const decided = onCommonScale(score, thresholdsFor(input));
  const top = ranked[0]!.rank;
  return ranked.map(({ doc, rank }) => ({ doc, score: (decided * rank) / top }));
}

/** A link title against claims, by fuse.js over the candidates the title's words retrieve. */
function titleHits(title: string, index: BuiltIndex): Array<{ doc: number; score: number }> {
  const short = title.slice(0, TITLE_MAX_LENGTH);
  const { ids } = queryTokenIds(short, index);
  if (ids.length === 0) return [];
  const candidates = retrieve(new Set(ids), index, 20);
  const fuse = new Fuse(
    candidates.map(({ doc }) => ({ doc, claim: index.claims.of(doc) })),
    { keys: ['claim'], includeScore: true, ignoreLocation: true, threshold: 0.4 },
  );
  return fuse.search(short).map(({ item, score }) => ({ doc: item.doc, score: 1 - (score ?? 1) }));
}

const DOMAIN_RATING_TO_ITEM: Record<DomainEntry['rating'], Rating> = {
  unreliable: 'false',
  satire: 'satire',
  impostor: 'altered',
  scam: 'scam',
};

/** Hoax-domain entries for a link's host and its parents, down to the registrable domain. */
function domainHits(host: string, index: BuiltIndex): MatchHit[] {
  const registrable = registrableDomain(host);
  if (!registrable) return [];
  const hits: MatchHit[] = [];
  for (let name = host; ; name = name.slice(name.indexOf('.') + 1)) {
    const found = index.domains.get(name);
    if (found) {
      const { entry } = found;
      hits.push({
        listId: found.listId,
        item: {
          id: `domain:${name}`,
          claim: entry.note ?? name,
          rating: DOMAIN_RATING_TO_ITEM[entry.rating],
          label: entry.rating,
        },
        score: DOMAIN_SCORE,
        via: 'domain',
      });
    }
    if (name === registrable || !name.includes('.')) break;
  }
  return hits;
}

function safeString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function answer(index: BuiltIndex, query: MatchQuery, top: number): RankedResult {
  const best = new Map<string, RankedHit>();
  const offer = (hit: RankedHit) => {
    // One hit per item: by its place in its list, or a domain's by the item made for it.
    const key = `${hit.listId}\u0000${hit.position ?? `\u0000${hit.item!.id}`}`;
    const previous = best.get(key);
    if (!previous || hit.score > previous.score) best.set(key, hit);
  };
  const hitFor = (doc: number, score: number, via: MatchHit['via']): RankedHit => {
    const { listId, position } = placeOf(index.lists, index.placeOfDoc[doc]!);
    return { listId, position, score: Math.round(score * 1000) / 1000, via };
  };

  const urls = Array.isArray(query.urls) ? query.urls.slice(0, MAX_QUERY_URLS) : [];
  for (const raw of urls) {
    const url = normalizeUrl(safeString(raw));
    if (!url) continue;
    for (const doc of index.urls.get(url) ?? []) {
      if (index.placeOfDoc[doc] !== NO_PLACE) offer(hitFor(doc, 1, 'url'));
    }
    const host = new URL(url).hostname;
    for (const hit of domainHits(host, index)) offer(hit);
  }

  const title = safeString(query.linkTitle);
  const text = safeString(query.text);
  const postedDay = typeof query.postedAt === 'number' ? dayOf(query.postedAt) : NaN;
  const cues = postCues(text, urls.map(safeString));
  for (const { doc, score } of textHits(`${text}\n${title}`, index, cues, postedDay).slice(0, top)) {
    offer(hitFor(doc, score, 'text'));
  }
  if (title.trim()) {
    for (const { doc, score } of titleHits(title, index).slice(0, top)) {
      offer(hitFor(doc, score, 'title'));
    }
  }

  return decided([...best.values()].sort((a, b) => b.score - a.score).slice(0, top));
}

function decided<Hit extends { score: number }>(matches: Hit[]): { decision: MatchResult['decision']; matches: Hit[] } {
  return { decision: tierOf(matches[0]?.score ?? 0), matches };
}

/**
 * The ranked hits with their items, from `itemOf` (the lists in memory, or the chunks the
 * caller read); a hit whose item it cannot give is left out, and the decision follows.
 */
export function withItems(
  ranked: RankedResult,
  itemOf: (listId: string, position: number) => ListItem | undefined,
): MatchResult {
  const matches: MatchHit[] = [];
  for (const { listId, position, item, score, via } of ranked.matches) {
    const found = item ?? (position === undefined ? undefined : itemOf(listId, position));
    if (found) matches.push({ listId, item: found, score, via });
  }
  return matches.length === ranked.matches.length ? { decision: ranked.decision, matches } : decided(matches);
}

/** Each matcher's index, for serializeMatcher. */
const indexOfMatcher = new WeakMap<IndexMatcher, BuiltIndex>();

function indexMatcherOver(index: BuiltIndex): IndexMatcher {
  const matcher: IndexMatcher = {
    size: index.itemCount,
    rank(query: MatchQuery, options?: { top?: number }): RankedResult {
      const top = Math.max(1, Math.min(50, Math.floor(options?.top ?? 5) || 5));
      try {
        return answer(index, query ?? { text: '', urls: [] }, top);
      } catch {
        // A matcher bug must never break sharing; answer "nothing known".
        return { decision: 'none', matches: [] };
      }
    },
    claimAt(listId: string, position: number): string | undefined {
      const place = placeAt(index.lists, listId, position);
      return place === undefined ? undefined : index.claims.of(index.docOfPlace[place]!);
    },
  };
  indexOfMatcher.set(matcher, index);
  return matcher;
}

/** A matcher over an index and the lists it was built from, which give the hits' items. */
function matcherOver(index: BuiltIndex, lists: IndexedList[]): Matcher {
  const itemsOf = new Map(lists.map((list) => [list.listId, list.items]));
  const itemOf = (listId: string, position: number) => itemsOf.get(listId)?.[position];
  const ranker = indexMatcherOver(index);
  const matcher: Matcher = {
    ...ranker,
    match: (query, options) => withItems(ranker.rank(query, options), itemOf),
  };
  indexOfMatcher.set(matcher, index);
  return matcher;
}

/** Builds the index over every list's items and domains; answers never throw. */
export function createMatcher(lists: IndexedList[]): Matcher {
  const given = Array.isArray(lists) ? lists : [];
  return matcherOver(buildIndex(given), given);
}

/** createMatcher's matcher, built pausing now and then (`pause` resolves when the caller may go on). */
export async function createMatcherPausing(lists: IndexedList[], pause: () => Promise<void>): Promise<Matcher> {
  const given = Array.isArray(lists) ? lists : [];
  return matcherOver(await buildIndexPausing(given, pause), given);
}

/**
 * The matcher's index as one byte array (store it per list version, e.g. in
 * IndexedDB), for loadMatcher. Only for matchers made here.
 */
export function serializeMatcher(matcher: IndexMatcher): Uint8Array {
  const index = indexOfMatcher.get(matcher);
  if (!index) throw new Error('serializeMatcher: not a matcher made by createMatcher or loadMatcher');
  return encodeIndex(index);
}

/** serializeMatcher's bytes, encoded pausing now and then (`pause` resolves when the caller may go on). */
export function serializeMatcherPausing(matcher: IndexMatcher, pause: () => Promise<void>): Promise<Uint8Array> {
  const index = indexOfMatcher.get(matcher);
  if (!index) throw new Error('serializeMatcher: not a matcher made by createMatcher or loadMatcher');
  return encodeIndexPausing(index, pause);
}

/**
 * A matcher from serializeMatcher's bytes and the same lists, in the same order,
 * it was built from; answers exactly as the built one did. Throws when the bytes
 * are of another format version or were built from other items: rebuild then.
 */
export function loadMatcher(serialized: Uint8Array, lists: IndexedList[]): Matcher {
  return matcherOver(decodeIndex(serialized, lists), lists);
}

/**
 * A matcher from serializeMatcher's bytes alone, without reading any item: what a waking
 * service worker needs to answer. It ranks as the built one does; the caller reads the hits'
 * items. Throws when the bytes are of another format version.
 */
export function loadIndexMatcher(serialized: Uint8Array): IndexMatcher {
  return indexMatcherOver(decodeIndex(serialized));
}

/**
 * How the matcher sees a post, for fitting its models (tests/eval/fit-models.ts): the candidates
 * in rank order, where their items are (list and position), their evidence and claim-model
 * scores, and the decision model's inputs (one per candidate it weighs). Only for matchers made here.
 */
export function explainPost(
  matcher: IndexMatcher,
  query: MatchQuery,
): {
  ranked: Array<{ listId: string; position: number; evidence: TextEvidence; score: number }>;
  inputs: Array<DecisionInput & { best: TextEvidence }>;
} {
  const index = indexOfMatcher.get(matcher);
  if (!index) throw new Error('explainPost: not a matcher made by createMatcher or loadMatcher');
  const urls = (query.urls ?? []).map(safeString);
  const postedDay = typeof query.postedAt === 'number' ? dayOf(query.postedAt) : NaN;
  const title = safeString(query.linkTitle);
  const { ranked, inputs } = rankCandidates(
    `${safeString(query.text)}\n${title}`,
    index,
    postCues(safeString(query.text), urls),
    postedDay,
  );
  return {
    ranked: ranked.map(({ doc, evidence, score }) => ({
      ...placeOf(index.lists, index.placeOfDoc[doc]!),
      evidence,
      score,
    })),
    inputs,
  };
}

/**
 * The matcher after a list patch, without a rebuild (lib/match/patch-index.ts): over the index
 * alone, or, given the lists after the patch, holding them as createMatcher's does. Only for
 * matchers made here.
 */
export function patchMatcher(matcher: IndexMatcher, patch: IndexPatch): IndexMatcher;
export function patchMatcher(matcher: IndexMatcher, patch: IndexPatch, lists: IndexedList[]): Matcher;
export function patchMatcher(matcher: IndexMatcher, patch: IndexPatch, lists?: IndexedList[]): IndexMatcher | Matcher {
  const index = indexOfMatcher.get(matcher);
  if (!index) throw new Error('patchMatcher: not a matcher made by createMatcher or loadMatcher');
  const patched = patchIndex(index, patch);
  return lists ? matcherOver(patched, lists) : indexMatcherOver(patched);
}

export { MATCHER_FORMAT_VERSION } from './persist';
export type { IndexPatch } from './patch-index';

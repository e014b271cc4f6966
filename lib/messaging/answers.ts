import { PROMPT_REASONS, RATINGS, UI_LANGUAGES } from '../core/vocabulary';
import { PAGE_MESSAGE_KEYS, type UiStrings } from '../i18n/text';
import type { CheckShareResponse, FactCheckView, MatchPostsResponse } from './protocol';

/**
 * The background's answers, checked by hand where a guarded page reads them: the protocol's zod
 * schemas stay out of the page's bundle, and these checks are smaller and say exactly what the
 * prompt and the label rely on. An answer of another shape (a content script outliving an update
 * of the extension, a bug) is dropped: the share goes through unasked, the post stays unlabelled.
 */

export type AskAnswer = Extract<CheckShareResponse, { ask: true }>;

/** Longest page string: the longest in the catalogs is under 300 characters. */
const MAX_UI_STRING = 2_000;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isOneOf = <T extends string>(allowed: readonly T[], value: unknown): value is T =>
  (allowed as readonly unknown[]).includes(value);

const isOptionalString = (value: unknown) => value === undefined || typeof value === 'string';

/** A fact-check as the prompt and the label render it: a known rating, text fields as text. */
export function isFactCheck(value: unknown): value is FactCheckView {
  if (!isRecord(value)) return false;
  const { id, listId, claim, rating, label, url, published, publisher, listHost, samePicture, pictureText, score } =
    value;
  return (
    typeof id === 'string' &&
    typeof listId === 'string' &&
    typeof claim === 'string' &&
    isOneOf(RATINGS, rating) &&
    [label, url, published, publisher, listHost].every(isOptionalString) &&
    (samePicture === undefined || samePicture === true) &&
    (pictureText === undefined || pictureText === true) &&
    typeof score === 'number'
  );
}

/** A `check-share` answer that asks, in the shape the prompt reads. */
export function isAskAnswer(answer: unknown): answer is AskAnswer {
  if (!isRecord(answer)) return false;
  const { ask, reason, matches, readUrl, language } = answer;
  return (
    ask === true &&
    isOneOf(PROMPT_REASONS, reason) &&
    Array.isArray(matches) &&
    matches.every(isFactCheck) &&
    (readUrl === null || typeof readUrl === 'string') &&
    isOneOf(UI_LANGUAGES, language)
  );
}

/**
 * A `match-posts` answer for a batch of `posts` posts: each label names a post of the batch by its
 * index, at most once, with a fact-check the label can render.
 */
export function isMatchPostsAnswer(answer: unknown, posts: number): answer is MatchPostsResponse {
  if (!isRecord(answer) || !isOneOf(UI_LANGUAGES, answer.language) || !Array.isArray(answer.labels)) return false;
  const labelled = new Set<number>();
  return answer.labels.every((entry: unknown) => {
    if (!isRecord(entry)) return false;
    const { index, factCheck } = entry;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= posts) return false;
    if (labelled.has(index)) return false;
    labelled.add(index);
    return isFactCheck(factCheck);
  });
}

/** A `get-ui-strings` answer: every page string and nothing else, each a string of bounded length. */
export function isUiStrings(answer: unknown): answer is UiStrings {
  if (!isRecord(answer)) return false;
  const keys = Object.keys(answer);
  return (
    keys.length === PAGE_MESSAGE_KEYS.length &&
    PAGE_MESSAGE_KEYS.every((key) => {
      const text: unknown = Object.hasOwn(answer, key) ? answer[key] : undefined;
      return typeof text === 'string' && text.length <= MAX_UI_STRING;
    })
  );
}

import { isAskAnswer, type AskAnswer } from '../messaging/answers';
import type { RequestOf } from '../messaging/protocol';
import type { GuardTransport } from './types';

export type AskVerdict = AskAnswer;

/** Why a share goes through unasked: the background said so, or it failed open. */
export type PassReason = 'no-ask' | 'timeout' | 'error' | 'nothing-to-check';

export type Verdict = AskVerdict | { ask: false; why: PassReason };

/** A check under way; `settled` is filled in as soon as the answer (or the deadline) arrives. */
export interface ShareCheck {
  settled: Verdict | null;
  done: Promise<Verdict>;
}

export function settledCheck(verdict: Verdict): ShareCheck {
  return { settled: verdict, done: Promise.resolve(verdict) };
}

/**
 * A post with pictures may be held this much longer than one without: the background fetches and
 * hashes them (its own fetch gives up sooner, so a silent image host still lets the answer come),
 * and with OCR warm reads their words until 1 s after the request (PICTURE_TEXT_WAIT_MS), no longer.
 */
export const IMAGE_CHECK_EXTRA_MS = 1_000;

/** How long a check of `request` may hold a share, for a guard that waits `timeoutMs` for text. */
export function shareCheckTimeout(timeoutMs: number, request: RequestOf<'check-share'>): number {
  return request.images?.length ? timeoutMs + IMAGE_CHECK_EXTRA_MS : timeoutMs;
}

/** Asks the background, failing open on an error or after the timeout (shareCheckTimeout of `baseTimeoutMs`). */
export function startShareCheck(
  transport: GuardTransport,
  request: RequestOf<'check-share'>,
  baseTimeoutMs: number,
): ShareCheck {
  const timeoutMs = shareCheckTimeout(baseTimeoutMs, request);
  const check: ShareCheck = { settled: null, done: Promise.resolve({ ask: false, why: 'error' }) };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<Verdict>((resolve) => {
    timer = setTimeout(() => resolve({ ask: false, why: 'timeout' }), timeoutMs);
  });
  const answer = transport.checkShare(request).then(
    (response: unknown): Verdict =>
      isAskAnswer(response)
        ? response
        : (response as { ask?: unknown } | null)?.ask === false
          ? { ask: false, why: 'no-ask' }
          : { ask: false, why: 'error' },
    (): Verdict => ({ ask: false, why: 'error' }),
  );
  check.done = Promise.race([answer, deadline]).then((verdict) => {
    clearTimeout(timer);
    check.settled = verdict;
    return verdict;
  });
  return check;
}

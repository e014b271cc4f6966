import type { GuardTransport } from './types';

/** Reports one check's result: an expectation's name, or one of the engine's GUARD_CHECKS. */
export type HealthReport = (check: string, ok: boolean) => void;

/** What the guard itself needs on every site, named as options shows them when they fail. */
export const GUARD_CHECKS = {
  post: 'the post of a share button',
  postText: "the post's text or links",
  openedPost: 'the post behind a share menu',
  selectedPosts: 'the messages selected to forward',
  composer: 'the composer of a new post',
  enterSend: 'the send button Enter stands for',
  shareControl: 'the share button after the prompt',
  answers: 'answers from Saring in time',
  /** Reported failing when a petition's sign button was found only by the generic fallback. */
  signFallback: 'the sign button (fallback used)',
} as const;

/**
 * Tells the background how each check went, only when its result changed on this page, so a
 * feed full of posts does not flood the background while a check that breaks later still shows.
 */
export function healthReporter(site: string, transport: GuardTransport): HealthReport {
  const latest = new Map<string, boolean>();
  return (check, ok) => {
    if (latest.get(check) === ok) return;
    latest.set(check, ok);
    transport.reportHealth({ site, check, ok });
  };
}

import type { PromptReason, ShareKind, Strictness } from '../core/vocabulary';
import type { MatchResult } from '../match/types';

export interface DecisionInput {
  strictness: Strictness;
  match: MatchResult;
  /** The post's external links the person has not opened (already filtered and normalised). */
  unreadLinks: readonly string[];
  /** Signing a petition is asked about in balanced and always modes, like an unread link. */
  kind?: ShareKind;
}

export type Decision = { ask: false } | { ask: true; reason: PromptReason };

/** Fact-checks a prompt shows at most: more would bury the best one. */
export const MAX_FACT_CHECKS = 3;

/**
 * A runner-up is shown beside the best fact-check while it scores at least this share of the
 * best's: several checks of one claim are often near each other, and the right one is not always
 * first (ranked second or third for about one Indonesian hoax post in ten).
 */
export const SHOWN_SHARE_OF_BEST = 0.5;

/** The fact-checks a prompt shows for a match: the best, if it scores at least `threshold`, and runners-up near it. */
export function factChecksShown<Hit extends { score: number }>(matches: readonly Hit[], threshold: number): Hit[] {
  const best = matches[0]?.score ?? 0;
  if (best < threshold) return [];
  return matches.filter((hit) => hit.score >= SHOWN_SHARE_OF_BEST * best).slice(0, MAX_FACT_CHECKS);
}

/**
 * Whether to hold a share and ask, by strictness:
 * off never; hoax-only on a known hoax (or a likely one); balanced also for a petition or a linked article not
 * opened; always asks every time, naming the strongest reason.
 *
 * A site's "forwarded many times" mark (WhatsApp) is deliberately no reason on its own, and never
 * reaches this decision: it says a message travelled far, not that it is false, and it marks
 * prayers, greetings and lost-child notices as often as hoaxes. Asking on every such forward in
 * balanced mode would give the person nothing to check or read, and a prompt that asks too often
 * is clicked through by habit, also on the day it names a known hoax. WhatsApp already slows these
 * forwards down (one chat at a time). So the mark only strengthens the wording of a prompt asked
 * for a reason above (lib/guard/requests.ts); people who want every forward questioned choose always.
 */
export function decide({ strictness, match, unreadLinks, kind }: DecisionInput): Decision {
  if (strictness === 'off') return { ask: false };
  if (match.decision === 'hoax-match') return { ask: true, reason: 'hoax-match' };
  // A likely match is about known hoaxes too: asked in hoax-only mode, with softer words.
  if (match.decision === 'likely-match') return { ask: true, reason: 'likely-match' };
  if (strictness === 'hoax-only') return { ask: false };
  if (kind === 'sign') return { ask: true, reason: 'petition' };
  if (unreadLinks.length > 0) return { ask: true, reason: 'unread-link' };
  if (strictness === 'always') return { ask: true, reason: 'always' };
  return { ask: false };
}

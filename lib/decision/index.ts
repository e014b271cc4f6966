import type { MatchResult } from '../match/types';
import type { PromptReason, ShareKind, Strictness } from '../messaging/protocol';

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

/** The fact-checks a prompt shows for a match: the best few scoring at least `threshold`. */
export function factChecksShown<Hit extends { score: number }>(matches: readonly Hit[], threshold: number): Hit[] {
  return matches.filter((hit) => hit.score >= threshold).slice(0, MAX_FACT_CHECKS);
}

/**
 * Whether to hold a share and ask, by strictness:
 * off never; hoax-only on a known hoax; balanced also for a petition or a linked article not
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
  if (strictness === 'hoax-only') return { ask: false };
  if (kind === 'sign') return { ask: true, reason: 'petition' };
  if (unreadLinks.length > 0) return { ask: true, reason: 'unread-link' };
  if (strictness === 'always') return { ask: true, reason: 'always' };
  return { ask: false };
}

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

/**
 * Whether to hold a share and ask, by strictness:
 * off never; hoax-only on a known hoax; balanced also for a petition or a linked article not
 * opened; always asks every time, naming the strongest reason.
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

import type { ShareKind } from '../core/vocabulary';
import type { ShareCheck } from './check';
import type { ShareContent } from './extract';
import { GUARD_CHECKS, type HealthReport } from './health';
import { promptRequest } from './requests';
import type { GuardTransport, ShowPrompt } from './types';

export interface HeldShare {
  site: string;
  kind: ShareKind;
  content: ShareContent | null;
  check: ShareCheck;
}

export interface SettleDeps {
  transport: GuardTransport;
  showPrompt: ShowPrompt;
  reportHealth: HealthReport;
  /** Called just before the prompt opens (the wait that follows is the person's, not the check's). */
  onAsk?: () => void;
}

/**
 * Settles a held share: waits for its check and, when it must ask, for the person's choice, which
 * is counted. True when the share goes ahead: not asked, failed open, or "Share anyway".
 */
export async function settleShare(held: HeldShare, deps: SettleDeps): Promise<boolean> {
  const { transport, showPrompt, reportHealth } = deps;
  const verdict = await held.check.done;
  // Failing open is counted: a site whose shares go through unchecked shows in options.
  if (verdict.ask || verdict.why === 'no-ask') reportHealth(GUARD_CHECKS.answers, true);
  else if (verdict.why === 'timeout' || verdict.why === 'error') reportHealth(GUARD_CHECKS.answers, false);
  if (!verdict.ask) return true;
  deps.onAsk?.();
  const outcome = await showPrompt(promptRequest(held.kind, held.content, verdict)).catch(() => null);
  // A prompt that cannot show must not block sharing.
  if (outcome === null) return true;
  transport.recordOutcome({ site: held.site, reason: verdict.reason, outcome });
  if (outcome === 'read' && verdict.readUrl) transport.openRead(verdict.readUrl);
  return outcome === 'share';
}

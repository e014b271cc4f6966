import { browser } from 'wxt/browser';
import { ALLOW_RULE_PRIORITY, shareIntentUrl } from '../share-intents';

/** A pass not used by then is withdrawn: it only has to outlive one navigation. */
export const PASS_LIFETIME_MS = 10_000;

/** One pass per tab: the session rule id is derived from the tab id (ids must be ≥ 1). */
const ruleIdForTab = (tabId: number) => tabId + 1;

const expiryTimers = new Map<number, ReturnType<typeof setTimeout>>();

/**
 * The declarativeNetRequest filter for exactly `href` (as the browser writes it, which is how it
 * requests it), anchored at both ends. A fragment is never requested, so it is left out. Filters
 * have no escape: a `*` or `^` in the URL still matches itself, and a little more.
 */
export function exactUrlFilter(href: string): string {
  return `|${href.split('#')[0]}|`;
}

/**
 * Lets `tabId` navigate to the share-intent `url` once without being redirected to the share-check
 * page again: a session allow rule outranking the redirect, for that tab and that exact URL,
 * removed when the navigation commits (see `endSharePassOnCommit`) or after PASS_LIFETIME_MS.
 * Anything but a share intent of a guarded service is refused: the pass is not a way out.
 */
export async function grantSharePass(tabId: number, url: string): Promise<void> {
  const intent = shareIntentUrl(url);
  if (!intent) throw new Error('Only a share link of a service Saring guards is let through');
  const ruleId = ruleIdForTab(tabId);
  // Registered before the rule exists, so a concurrent clearSharePasses() leaves it alone.
  clearTimeout(expiryTimers.get(tabId));
  expiryTimers.set(
    tabId,
    setTimeout(() => void revokeSharePass(tabId), PASS_LIFETIME_MS),
  );
  await browser.declarativeNetRequest.updateSessionRules({
    removeRuleIds: [ruleId],
    addRules: [
      {
        id: ruleId,
        priority: ALLOW_RULE_PRIORITY,
        action: { type: 'allow' },
        condition: {
          tabIds: [tabId],
          urlFilter: exactUrlFilter(intent),
          isUrlFilterCaseSensitive: true,
          resourceTypes: ['main_frame'],
        },
      },
    ],
  });
}

export async function revokeSharePass(tabId: number): Promise<void> {
  clearTimeout(expiryTimers.get(tabId));
  if (!expiryTimers.delete(tabId)) return;
  await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: [ruleIdForTab(tabId)] });
}

/** A main-frame commit in a tab holding a pass means the pass was used (or abandoned). */
export function endSharePassOnCommit(details: { tabId: number; frameId: number }): Promise<void> {
  return details.frameId === 0 ? revokeSharePass(details.tabId) : Promise.resolve();
}

/**
 * Session rules outlive a service worker but not its timers: at start, drop passes this worker
 * did not grant (a pass granted meanwhile has its timer registered already).
 */
export async function clearSharePasses(): Promise<void> {
  const rules = await browser.declarativeNetRequest.getSessionRules();
  const stale = rules.map((rule) => rule.id).filter((id) => !expiryTimers.has(id - 1));
  if (stale.length) await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: stale });
}

import { storage } from 'wxt/utils/storage';
import type { CheckShareResponse } from '../messaging/protocol';

/**
 * What "Read first" may open in a tab: the links and fact-checks of the prompts Saring showed
 * there, and nothing else, so `open-read` cannot be turned into "open any page and count it as
 * read". Kept in session storage, which content scripts cannot read and which outlives a stopped
 * service worker (a person may read a prompt for minutes), never the browser session.
 */

/** Prompts remembered per tab, newest last; a tab shows one prompt at a time. */
const GRANTS_PER_TAB = 4;
/** A prompt left open longer than this is answered by opening it again. */
const GRANT_LIFETIME_MS = 60 * 60_000;

interface Grant {
  urls: string[];
  at: number;
}

const grants = storage.defineItem<Record<string, Grant[]>>('session:read-grants', { fallback: {} });

/** Writes one at a time: two prompts answered at once must not lose one's grant. */
let writing: Promise<unknown> = Promise.resolve();

/** The URLs a prompt offers to read: the one "Read first" opens and its fact-checks. */
export function readableUrls(answer: Extract<CheckShareResponse, { ask: true }>): string[] {
  return [answer.readUrl, ...answer.matches.map((match) => match.url)].flatMap((url) => {
    const href = url ? webHref(url) : null;
    return href ? [href] : [];
  });
}

function webHref(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Remembers that the prompt shown in `tabId` offers `urls`. */
export function grantReads(tabId: number, urls: readonly string[], now: number): Promise<void> {
  const write = writing.then(async () => {
    const current = await grants.getValue();
    const next: Record<string, Grant[]> = {};
    for (const [tab, list] of Object.entries(current)) {
      const fresh = list.filter((grant) => now - grant.at < GRANT_LIFETIME_MS);
      if (fresh.length) next[tab] = fresh;
    }
    next[tabId] = [...(next[tabId] ?? []), { urls: [...urls], at: now }].slice(-GRANTS_PER_TAB);
    await grants.setValue(next);
  });
  writing = write.catch(() => undefined);
  return write;
}

/** Whether a prompt shown in `tabId` offered `href` (as `new URL().href` writes it) lately. */
export async function readGranted(tabId: number | undefined, href: string, now: number): Promise<boolean> {
  if (tabId === undefined) return false;
  const list = (await grants.getValue())[tabId] ?? [];
  return list.some((grant) => now - grant.at < GRANT_LIFETIME_MS && grant.urls.includes(href));
}

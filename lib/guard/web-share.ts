import { z } from 'zod';
import { DEFAULT_TIMEOUT_MS } from './arm';
import { settledCheck, startShareCheck } from './check';
import { extractShareData, hasContent } from './extract';
import { healthReporter } from './health';
import { shareCheckRequest } from './requests';
import { settleShare } from './settle';
import type { GuardOptions } from './types';
import { WEB_SHARE_ANSWER, WEB_SHARE_REQUEST, type WebShareState } from './web-share-page';

/**
 * The guard's half of guarding the Web Share API (the page's half: web-share-page.ts). Requests
 * come from the page's world, which anything on the page can write to: they are validated, and
 * the worst a forged one can do is open a prompt or let a page's own share through.
 */

const webShareRequest = z.object({
  id: z.string().min(1).max(64),
  title: z.string().max(1_000).optional(),
  // Bounds what is read; the check itself takes the first 10k characters.
  text: z.string().max(100_000).optional(),
  url: z.string().max(4_096).optional(),
});
type WebShareRequest = z.infer<typeof webShareRequest>;

function parseRequest(event: Event): WebShareRequest | null {
  const detail: unknown = (event as CustomEvent<unknown>).detail;
  if (typeof detail !== 'string' || detail.length > 200_000) return null;
  try {
    const parsed = webShareRequest.safeParse(JSON.parse(detail));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Answers the page's shares through `navigator.share` with the same check and prompt as a share
 * button: `held` at once, then `share` (unasked, failed open, Share anyway) or `cancel`.
 * Returns a function that stops listening.
 */
export function guardWebShares(options: GuardOptions): () => void {
  const { adapter, document: doc, transport, showPrompt } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const view = doc.defaultView;
  if (!view) return () => {};
  const win: Window & typeof globalThis = view;
  const reportHealth = healthReporter(adapter.id, transport);
  /** One share asked about at a time: another meanwhile is cancelled, never let past the prompt. */
  let holding = false;

  const answer = (id: string, state: WebShareState) =>
    win.dispatchEvent(new win.CustomEvent(WEB_SHARE_ANSWER, { detail: JSON.stringify({ id, state }) }));

  async function settle(request: WebShareRequest): Promise<void> {
    holding = true;
    let go = true;
    try {
      const content = extractShareData(adapter, request, doc.baseURI);
      const check = hasContent(content)
        ? startShareCheck(transport, shareCheckRequest(adapter.id, 'share', content), timeoutMs)
        : settledCheck({ ask: false, why: 'nothing-to-check' });
      const held = { site: adapter.id, kind: 'share' as const, content, check };
      go = await settleShare(held, { transport, showPrompt, reportHealth, onAsk: () => answer(request.id, 'asking') });
    } catch {
      go = true; // fail open
    } finally {
      holding = false;
      answer(request.id, go ? 'share' : 'cancel');
    }
  }

  function onRequest(event: Event): void {
    const request = parseRequest(event);
    if (!request) return;
    if (holding) return void answer(request.id, 'cancel');
    answer(request.id, 'held');
    void settle(request);
  }

  win.addEventListener(WEB_SHARE_REQUEST, onRequest);
  return () => win.removeEventListener(WEB_SHARE_REQUEST, onRequest);
}

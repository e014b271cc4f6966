import { DEFAULT_TIMEOUT_MS } from './arm';
import { settledCheck, startShareCheck } from './check';
import { extractShareData, hasContent } from './extract';
import { healthReporter } from './health';
import { holdShare } from './hold';
import { rateLimit } from './rate-limit';
import { shareCheckRequest } from './requests';
import { settleShare } from './settle';
import { onSaringPrompt, trustedByBrowser } from './trust';
import type { GuardOptions } from './types';
import { WEB_SHARE_ANSWER, WEB_SHARE_REQUEST, type WebShareState } from './web-share-page';

/**
 * The guard's half of guarding the Web Share API (the page's half: web-share-page.ts). Requests
 * come from the page's world, which anything on the page can write to. So a request is taken only
 * while the person is acting on the page (transient user activation, as the browser's own share
 * requires); anything else gets no answer at all, whatever the person has read or the lists
 * hold, and the browser's own share behaviour applies. Taken requests are validated; one is held
 * at a time per page, and one made on the strength of a click on Saring's own prompt is cancelled.
 */

/** Requests looked at, at most: a burst, then one a second. Others are not even parsed. */
const REQUEST_BURST = 3;
const REQUEST_EVERY_MS = 1_000;
/** The input events that give a page transient user activation (HTML: "activation triggering input event"). */
const ACTIVATING_EVENTS = ['keydown', 'mousedown', 'pointerdown', 'pointerup', 'touchend'] as const;

export interface WebShareGuardOptions extends GuardOptions {
  /** Whether the person is acting on the page now: `navigator.userActivation.isActive` unless given. */
  hasActivation?: () => boolean;
}

interface WebShareRequest {
  id: string;
  title?: string;
  text?: string;
  url?: string;
}

/** Longest field read; the text bounds what is read, the check itself takes the first 10k characters. */
const FIELD_MAX = { title: 1_000, text: 100_000, url: 4_096 } as const;

/** The page's request, checked by hand (no zod in the page's bundle): known fields only, each bounded. */
function parseRequest(event: Event): WebShareRequest | null {
  const detail: unknown = (event as CustomEvent<unknown>).detail;
  if (typeof detail !== 'string' || detail.length > 200_000) return null;
  let value: unknown;
  try {
    value = JSON.parse(detail);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const fields = value as Record<string, unknown>;
  const { id } = fields;
  if (typeof id !== 'string' || id.length < 1 || id.length > 64) return null;
  const request: WebShareRequest = { id };
  for (const name of ['title', 'text', 'url'] as const) {
    const field = fields[name];
    if (field === undefined) continue;
    if (typeof field !== 'string' || field.length > FIELD_MAX[name]) return null;
    request[name] = field;
  }
  return request;
}

/**
 * Answers the page's shares through `navigator.share` with the same check and prompt as a share
 * button: `held` at once, then `share` (unasked, failed open, Share anyway) or `cancel`.
 * Returns a function that stops listening.
 */
export function guardWebShares(options: WebShareGuardOptions): () => void {
  const { adapter, document: doc, transport, showPrompt } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const isTrusted = options.isTrusted ?? trustedByBrowser;
  const view = doc.defaultView;
  if (!view) return () => {};
  const win: Window & typeof globalThis = view;
  const hasActivation = options.hasActivation ?? (() => win.navigator.userActivation?.isActive === true);
  const reportHealth = healthReporter(adapter.id, transport);
  const withinRate = rateLimit(REQUEST_BURST, REQUEST_EVERY_MS);
  /**
   * Whether the person's latest activating input was on Saring's prompt: answering one activates
   * the page too, which must not buy it another share (a page re-asking on every answer).
   */
  let lastInputOnPrompt = false;
  /** The request this guard holds the page's one held share for, while it does. */
  let holding: { id: string; release: () => void } | null = null;

  const answer = (id: string, state: WebShareState) =>
    win.dispatchEvent(new win.CustomEvent(WEB_SHARE_ANSWER, { detail: JSON.stringify({ id, state }) }));

  async function settle(request: WebShareRequest, release: () => void): Promise<void> {
    const held = { id: request.id, release };
    holding = held;
    let go = true;
    try {
      const content = extractShareData(adapter, request, doc.baseURI);
      const check = hasContent(content)
        ? startShareCheck(transport, shareCheckRequest(adapter.id, 'share', content), timeoutMs)
        : settledCheck({ ask: false, why: 'nothing-to-check' });
      const share = { site: adapter.id, kind: 'share' as const, content, check };
      go = await settleShare(share, { transport, showPrompt, reportHealth, onAsk: () => answer(request.id, 'asking') });
    } catch {
      go = true; // fail open
    } finally {
      // A guard that stopped meanwhile has already cancelled this share and let go of the page.
      if (holding === held) {
        holding = null;
        release();
        answer(request.id, go ? 'share' : 'cancel');
      }
    }
  }

  function onRequest(event: Event): void {
    if (!hasActivation() || !withinRate()) return;
    const request = parseRequest(event);
    if (!request) return;
    // One share asked about at a time, each on an input of the page's own: the others are
    // cancelled, never let past the prompt.
    const release = lastInputOnPrompt ? null : holdShare(doc);
    if (!release) return void answer(request.id, 'cancel');
    answer(request.id, 'held');
    void settle(request, release);
  }

  function onInput(event: Event): void {
    if (isTrusted(event)) lastInputOnPrompt = onSaringPrompt(event);
  }

  win.addEventListener(WEB_SHARE_REQUEST, onRequest);
  for (const type of ACTIVATING_EVENTS) win.addEventListener(type, onInput, true);
  return () => {
    win.removeEventListener(WEB_SHARE_REQUEST, onRequest);
    for (const type of ACTIVATING_EVENTS) win.removeEventListener(type, onInput, true);
    // A share held when the guard goes (its prompt gone unanswered) is cancelled, not left pending.
    if (holding) {
      holding.release();
      answer(holding.id, 'cancel');
      holding = null;
    }
  };
}

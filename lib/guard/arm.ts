import type { ShareKind } from '../messaging/protocol';
import { type AskVerdict, type ShareCheck, settledCheck, startShareCheck } from './check';
import { isElement } from './dom';
import {
  extractComposer,
  extractPost,
  externalHref,
  findComposer,
  findPost,
  hasContent,
  type ShareContent,
} from './extract';
import { type FoundAction, findAction } from './find-action';
import { GUARD_CHECKS, healthReporter } from './health';
import type { GuardOptions, PromptRequest } from './types';

export const DEFAULT_TIMEOUT_MS = 300;
/** A check started on pointerdown serves the click that follows it, not one much later. */
const EARLY_CHECK_TTL_MS = 5_000;
const EXCERPT_CHARS = 280;
/** Controls the browser itself turns Enter/Space into a click: the click listener handles those. */
const CLICKS_ON_KEYS = 'button, a[href], input, select, textarea, summary';

interface Attempt {
  element: Element;
  content: ShareContent | null;
  check: ShareCheck;
  startedAt: number;
}

/**
 * Arms the share guard on a document: capture-phase listeners on its window see every click
 * and key press before the site's own (delegated) handlers, for posts rendered at any time.
 * Returns a function that disarms it.
 */
export function armGuard(options: GuardOptions): () => void {
  const { adapter, document: doc, transport, showPrompt } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const view = doc.defaultView;
  if (!view) return () => {};
  const win: Window & typeof globalThis = view;

  const reportHealth = healthReporter(adapter.id, transport);
  /** Events the guard dispatched itself to let a held share through: they pass once, unchecked. */
  const replays = new WeakSet<Event>();
  /** The post whose menu or share sheet is open (remembered by the `opens` step). */
  let openedPost: ShareContent | null = null;
  let early: Attempt | null = null;
  /** One held share at a time: further share clicks meanwhile are dropped, never doubled. */
  let holding = false;
  /** The key whose press was held, so its release is held too. */
  let heldKey: string | null = null;

  /** What the action would spread; null (reported) when the adapter cannot find it. */
  function contentFor(action: FoundAction): ShareContent | null {
    switch (action.rule.content) {
      case 'post': {
        const post = findPost(adapter, action.element);
        reportHealth(GUARD_CHECKS.post, post !== null);
        if (!post) return null;
        const content = extractPost(adapter, post);
        reportHealth(GUARD_CHECKS.postText, hasContent(content));
        return content;
      }
      case 'opened-post':
        reportHealth(GUARD_CHECKS.openedPost, openedPost !== null);
        return openedPost;
      case 'composer': {
        const composer = findComposer(adapter, action.element);
        reportHealth(GUARD_CHECKS.composer, composer !== null);
        // An empty composer is normal (a photo-only post), not a broken adapter: no text check.
        return composer ? extractComposer(adapter, composer) : null;
      }
    }
  }

  function startAttempt(action: FoundAction): Attempt {
    const content = contentFor(action);
    const worthChecking =
      content !== null && hasContent(content) && !(action.rule.onlyWithLink && content.urls.length === 0);
    const check = worthChecking
      ? startShareCheck(transport, { site: adapter.id, kind: action.rule.kind, ...content }, timeoutMs)
      : settledCheck({ ask: false, why: 'nothing-to-check' });
    return { element: action.element, content, check, startedAt: Date.now() };
  }

  function takeAttempt(action: FoundAction): Attempt {
    const fresh = early?.element === action.element && Date.now() - early.startedAt < EARLY_CHECK_TTL_MS;
    const attempt = fresh && early ? early : startAttempt(action);
    early = null;
    return attempt;
  }

  /**
   * Lets a held share happen, once. A held click is replayed as a copy of itself; a held key
   * press as a click, which every site's share control answers (mouse users click).
   */
  function replay(original: Event, target: EventTarget): void {
    const gone = isElement(target) && !target.isConnected;
    reportHealth(GUARD_CHECKS.shareControl, !gone);
    if (gone) return;
    const copy = original.type === 'click' ? cloneEvent(original) : keyboardClick(win);
    replays.add(copy);
    target.dispatchEvent(copy);
  }

  async function settleHeld(kind: ShareKind, attempt: Attempt, event: Event, target: EventTarget): Promise<void> {
    holding = true;
    try {
      const verdict = await attempt.check.done;
      // Failing open is counted: a site whose shares go through unchecked shows in options.
      if (verdict.ask || verdict.why === 'no-ask') reportHealth(GUARD_CHECKS.answers, true);
      else if (verdict.why === 'timeout' || verdict.why === 'error') reportHealth(GUARD_CHECKS.answers, false);
      if (!verdict.ask) return replay(event, target);
      const request = promptRequest(kind, attempt.content, verdict);
      const outcome = await showPrompt(request).catch(() => null);
      // A prompt that cannot show must not block sharing.
      if (outcome === null) return replay(event, target);
      transport.recordOutcome({ site: adapter.id, reason: verdict.reason, outcome });
      if (outcome === 'share') replay(event, target);
      else if (outcome === 'read' && verdict.readUrl) transport.openRead(verdict.readUrl);
    } finally {
      holding = false;
    }
  }

  function noteLinkOpened(path: readonly EventTarget[]): void {
    const link = path.filter(isElement).find((el) => el.matches('a[href]'));
    if (!link || !findPost(adapter, link)) return;
    const href = externalHref(adapter, link.getAttribute('href') ?? '', doc.baseURI);
    if (href) transport.markRead(href);
  }

  function onPointerDown(event: Event): void {
    if (holding || replays.has(event)) return;
    const action = findAction(adapter, event.composedPath());
    if (action?.rule.step === 'shares') early = startAttempt(action);
  }

  function onClick(event: Event): void {
    if (replays.has(event)) return;
    const path = event.composedPath();
    const action = findAction(adapter, path);
    if (action) activate(event, path, action);
    else noteLinkOpened(path);
  }

  function onKeyDown(event: Event): void {
    const key = (event as KeyboardEvent).key;
    if (key !== 'Enter' && key !== ' ') return;
    const path = event.composedPath();
    const action = findAction(adapter, path);
    // Native buttons and links turn these keys into a click, which onClick sees.
    if (!action || action.element.matches(CLICKS_ON_KEYS)) return;
    activate(event, path, action);
    if (event.defaultPrevented) heldKey = key;
  }

  /** A control that acts on key release must not act on the release of a held key press. */
  function onKeyUp(event: Event): void {
    if (heldKey === null || (event as KeyboardEvent).key !== heldKey) return;
    heldKey = null;
    drop(event);
  }

  function onAuxClick(event: Event): void {
    noteLinkOpened(event.composedPath());
  }

  function activate(event: Event, path: readonly EventTarget[], action: FoundAction): void {
    if (action.rule.step === 'opens') {
      openedPost = contentFor(action);
      return;
    }
    if (holding) return drop(event);
    const attempt = takeAttempt(action);
    // Already known to be fine: the original, trusted event goes on untouched.
    if (attempt.check.settled && !attempt.check.settled.ask) return;
    drop(event);
    void settleHeld(action.rule.kind, attempt, event, path[0] ?? action.element);
  }

  const listeners: [string, (event: Event) => void][] = [
    ['pointerdown', onPointerDown],
    ['click', onClick],
    ['keydown', onKeyDown],
    ['keyup', onKeyUp],
    ['auxclick', onAuxClick],
  ];
  for (const [type, listener] of listeners) win.addEventListener(type, listener, true);
  return () => {
    for (const [type, listener] of listeners) win.removeEventListener(type, listener, true);
  };
}

/** Stops an event before any page handler sees it. */
function drop(event: Event): void {
  event.preventDefault();
  event.stopImmediatePropagation();
}

/** A copy of the event of the same class and fields, for releasing a held share. */
function cloneEvent(event: Event): Event {
  const EventClass = event.constructor as new (type: string, init: EventInit) => Event;
  return new EventClass(event.type, event as unknown as EventInit);
}

/** The click a keyboard activation stands for (detail 0, as browsers make it). */
function keyboardClick(win: Window & typeof globalThis): Event {
  return new win.MouseEvent('click', { bubbles: true, cancelable: true, composed: true, view: win, detail: 0 });
}

function excerptOf(content: ShareContent | null): string {
  const text = content?.text || content?.linkTitle || content?.urls[0] || '';
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text;
}

function promptRequest(kind: ShareKind, content: ShareContent | null, verdict: AskVerdict): PromptRequest {
  return {
    reason: verdict.reason,
    kind,
    language: verdict.language,
    excerpt: excerptOf(content),
    matches: verdict.matches,
    readUrl: verdict.readUrl,
  };
}

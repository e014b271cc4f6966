import type { ShareKind } from '../core/vocabulary';
import { type ShareCheck, settledCheck, startShareCheck } from './check';
import { isElement } from './dom';
import {
  extractComposer,
  extractDetails,
  extractPost,
  externalHref,
  findComposer,
  findPost,
  hasContent,
  type ShareContent,
} from './extract';
import {
  type FoundAction,
  findAction,
  findEnterSend,
  findSignFallback,
  PETITION_TEXT_FALLBACK,
  SIGN_FALLBACK_RULE,
} from './find-action';
import { GUARD_CHECKS, healthReporter } from './health';
import { holdShare, isHolding } from './hold';
import { shareCheckRequest } from './requests';
import { mergeContents, selectedPosts } from './selection';
import { settleShare } from './settle';
import { trustedByBrowser } from './trust';
import { worthChecking } from './worth-checking';
import type { GuardOptions } from './types';

export const DEFAULT_TIMEOUT_MS = 300;
/** A check started on pointerdown serves the click that follows it, not one much later. */
const EARLY_CHECK_TTL_MS = 5_000;
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
 * Only the person's input counts (`isTrusted`): a page script's click on a share control or a
 * post's link goes its way unchecked and unremembered, the same whatever the person has read.
 * That includes the guard's own replay of a held click, which is how it gets through.
 * Returns a function that disarms it.
 */
export function armGuard(options: GuardOptions): () => void {
  const { adapter, document: doc, transport, showPrompt } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const isTrusted = options.isTrusted ?? trustedByBrowser;
  const view = doc.defaultView;
  if (!view) return () => {};
  const win: Window & typeof globalThis = view;

  const reportHealth = healthReporter(adapter.id, transport);
  /** The post whose menu or share sheet is open (remembered by the `opens` step). */
  let openedPost: ShareContent | null = null;
  let early: Attempt | null = null;
  /** The document's one held share while this guard holds it; further share clicks meanwhile are dropped, never doubled. */
  let releaseHold: (() => void) | null = null;
  /** The key whose press was held, so its release is held too. */
  let heldKey: string | null = null;

  /** What the action would spread; null (reported) when the adapter cannot find it. */
  function contentFor(action: FoundAction): ShareContent | null {
    switch (action.rule.content) {
      case 'post': {
        const post = findPost(adapter, action.element);
        reportHealth(GUARD_CHECKS.post, post !== null);
        if (!post) return null;
        // A sign button found by the fallback: the page moved, its words may have moved with it.
        const reader = action.rule === SIGN_FALLBACK_RULE ? { ...adapter, postText: PETITION_TEXT_FALLBACK } : adapter;
        const content = extractPost(reader, post);
        reportHealth(GUARD_CHECKS.postText, hasContent(content));
        return withDetails(content, post);
      }
      case 'opened-post':
        reportHealth(GUARD_CHECKS.openedPost, openedPost !== null);
        return openedPost;
      case 'selected-posts': {
        // A selection bar's forward is pressed with messages ticked: none found means a changed site.
        const posts = selectedPosts(adapter, doc);
        reportHealth(GUARD_CHECKS.selectedPosts, posts.length > 0);
        return posts.length > 0 ? mergeContents(posts.map((post) => extractPost(adapter, post))) : null;
      }
      case 'composer': {
        const composer = findComposer(adapter, action.element);
        reportHealth(GUARD_CHECKS.composer, composer !== null);
        // An empty composer is normal (a photo-only post), not a broken adapter: no text check.
        return composer ? extractComposer(adapter, composer) : null;
      }
    }
  }

  function withDetails(content: ShareContent, post: Element): ShareContent {
    const details = extractDetails(adapter, post);
    return details ? { ...content, details } : content;
  }

  function startAttempt(action: FoundAction): Attempt {
    const content = contentFor(action);
    const check = worthChecking(action.rule, content)
      ? startShareCheck(transport, shareCheckRequest(adapter.id, action.rule.kind, content), timeoutMs)
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
    // Untrusted, like any event a script makes: the guard's own listeners let it pass.
    target.dispatchEvent(original.type === 'click' ? cloneEvent(original) : keyboardClick(win));
  }

  async function settleHeld(
    kind: ShareKind,
    attempt: Attempt,
    event: Event,
    target: EventTarget,
    release: () => void,
  ): Promise<void> {
    releaseHold = release;
    try {
      const held = { site: adapter.id, kind, content: attempt.content, check: attempt.check };
      if (await settleShare(held, { transport, showPrompt, reportHealth })) replay(event, target);
    } finally {
      releaseHold = null;
      release();
    }
  }

  function noteLinkOpened(path: readonly EventTarget[]): void {
    const link = path.filter(isElement).find((el) => el.matches('a[href]'));
    if (!link || !findPost(adapter, link)) return;
    const href = externalHref(adapter, link.getAttribute('href') ?? '', doc.baseURI);
    if (href) transport.markRead(href);
  }

  /**
   * The share action a click or key press goes through: by the adapter's rules, else a petition's
   * sign button by the generic fallback, reported so options shows the adapter needs updating.
   */
  function findShare(path: readonly EventTarget[], report = true): FoundAction | null {
    const action = findAction(adapter, path);
    if (action) return action;
    const fallback = findSignFallback(adapter, path, win.location.pathname);
    if (fallback && report) reportHealth(GUARD_CHECKS.signFallback, false);
    return fallback;
  }

  function onPointerDown(event: Event): void {
    if (!isTrusted(event) || isHolding(doc)) return;
    const action = findShare(event.composedPath(), false);
    if (action?.rule.step === 'shares') early = startAttempt(action);
  }

  function onClick(event: Event): void {
    if (!isTrusted(event)) return;
    const path = event.composedPath();
    const action = findShare(path);
    if (action) activate(event, path, action);
    else noteLinkOpened(path);
  }

  function onKeyDown(event: Event): void {
    const key = (event as KeyboardEvent).key;
    if ((key !== 'Enter' && key !== ' ') || !isTrusted(event)) return;
    const path = event.composedPath();
    const action = findShare(path);
    // Native buttons and links turn these keys into a click, which onClick sees.
    if (!action || action.element.matches(CLICKS_ON_KEYS)) return;
    activate(event, path, action);
    if (event.defaultPrevented) heldKey = key;
  }

  /**
   * A send chord in a composer (Enter, or Ctrl/⌘+Enter, as its adapter's `sendKeys` say) is held
   * like a click on its send control, and released as a click on that control: a re-dispatched key
   * press is untrusted and an editor may ignore it, while sites answer a click on their send
   * control. No control found: the key press goes through.
   */
  function onComposerEnter(event: Event): void {
    if (!isTrusted(event)) return;
    const path = event.composedPath();
    const enter = findEnterSend(adapter, event as KeyboardEvent, path);
    if (!enter) return;
    reportHealth(GUARD_CHECKS.enterSend, enter.action !== null);
    if (!enter.action) return;
    activate(event, [enter.action.element], enter.action);
    if (event.defaultPrevented) heldKey = 'Enter';
  }

  /** A control that acts on key release must not act on the release of a held key press. */
  function onKeyUp(event: Event): void {
    if (heldKey === null || (event as KeyboardEvent).key !== heldKey || !isTrusted(event)) return;
    heldKey = null;
    drop(event);
  }

  function onAuxClick(event: Event): void {
    if (isTrusted(event)) noteLinkOpened(event.composedPath());
  }

  /** A right-click that opens the site's menu for a post remembers the post, as an opener click does. */
  function onContextMenu(event: Event): void {
    if (!isTrusted(event)) return;
    const action = findAction(adapter, event.composedPath(), 'contextmenu');
    if (action?.rule.step === 'opens') openedPost = contentFor(action);
  }

  function activate(event: Event, path: readonly EventTarget[], action: FoundAction): void {
    if (action.rule.step === 'opens') {
      openedPost = contentFor(action);
      return;
    }
    if (isHolding(doc)) return drop(event);
    const attempt = takeAttempt(action);
    // Already known to be fine: the original, trusted event goes on untouched.
    if (attempt.check.settled && !attempt.check.settled.ask) return;
    drop(event);
    const release = holdShare(doc);
    if (release) void settleHeld(action.rule.kind, attempt, event, path[0] ?? action.element, release);
  }

  const listeners: [string, (event: Event) => void][] = [
    ['pointerdown', onPointerDown],
    ['click', onClick],
    ['keydown', onComposerEnter],
    ['keydown', onKeyDown],
    ['keyup', onKeyUp],
    ['auxclick', onAuxClick],
    ['contextmenu', onContextMenu],
  ];
  for (const [type, listener] of listeners) win.addEventListener(type, listener, true);
  return () => {
    for (const [type, listener] of listeners) win.removeEventListener(type, listener, true);
    releaseHold?.();
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
  return new EventClass(event.type, event);
}

/** The click a keyboard activation stands for (detail 0, as browsers make it). */
function keyboardClick(win: Window & typeof globalThis): Event {
  return new win.MouseEvent('click', { bubbles: true, cancelable: true, composed: true, view: win, detail: 0 });
}

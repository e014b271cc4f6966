import type { Outcome } from '../../lib/core/vocabulary';
import { h, render } from 'preact';
import { PROMPT_TAG, trustedByBrowser, type IsTrusted } from '../../lib/guard/trust';
import type { PromptRequest } from '../../lib/guard/types';
import type { UiText } from '../../lib/i18n/text';
import themeCss from '../theme.css?inline';
import promptCss from './prompt.css?inline';
import { Prompt } from './Prompt';

export { PROMPT_TAG };

/**
 * Events in the prompt stay in the prompt: keys must not reach the page's shortcuts (X repost is
 * "t"), and clicks must not reach its "click outside" handlers, which would close the menu or
 * sheet the held share is waiting in.
 */
const CONTAINED_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'click',
  'touchstart',
  'touchend',
] as const;

export interface PromptOptions {
  /** Which input is the person's: the browser's `isTrusted` unless given (happy-dom tests name theirs). */
  isTrusted?: IsTrusted;
  /** Aborted: the prompt goes away unanswered and the promise never settles (the content script ended). */
  signal?: AbortSignal;
}

/**
 * Shows the prompt over the page, in the words of `text`, and resolves with the first choice.
 * The element is created, not defined: `customElements` is null in a content script's isolated
 * world, and an undefined custom element still takes an open shadow root.
 * Its shadow root stays open and marked for tests; only the person's input reaches its controls:
 * a page script's `click()` on a button, or a key it dispatches, is stopped before it gets there.
 */
export function showPrompt(
  doc: Document,
  request: PromptRequest,
  text: UiText,
  options: PromptOptions = {},
): Promise<Outcome> {
  const isTrusted = options.isTrusted ?? trustedByBrowser;
  return new Promise<Outcome>((resolve) => {
    if (options.signal?.aborted) return;
    const previousFocus = deepActiveElement(doc);
    const host = doc.createElement(PROMPT_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = `${themeCss}\n${promptCss}`;
    const mount = doc.createElement('div');
    shadow.append(style, mount);

    const contain = (event: Event) => event.stopPropagation();
    // Capturing on the shadow root runs before any listener inside it, on every path in.
    const onlyThePerson = (event: Event) => {
      if (isTrusted(event)) return;
      event.stopImmediatePropagation();
      event.preventDefault();
    };
    // Focus leaving for the page (a site script, a stray click) is brought back into the dialog.
    const keepFocus = (event: FocusEvent) => {
      if (!event.composedPath().includes(host)) focusDefault();
    };
    const focusDefault = () => shadow.querySelector<HTMLElement>('[data-action="read"]')?.focus();

    let settled = false;
    const close = () => {
      settled = true;
      doc.removeEventListener('focusin', keepFocus, true);
      options.signal?.removeEventListener('abort', close);
      for (const type of CONTAINED_EVENTS) host.removeEventListener(type, contain);
      render(null, mount);
      host.remove();
    };
    const finish = (outcome: Outcome) => {
      if (settled) return;
      close();
      if (previousFocus?.isConnected) previousFocus.focus({ preventScroll: true });
      resolve(outcome);
    };
    options.signal?.addEventListener('abort', close);

    for (const type of CONTAINED_EVENTS) {
      shadow.addEventListener(type, onlyThePerson, true);
      host.addEventListener(type, contain);
    }
    render(h(Prompt, { request, text, onChoose: finish }), mount);
    doc.documentElement.append(host);
    focusDefault();
    doc.addEventListener('focusin', keepFocus, true);
  });
}

/** The focused element, looking through open shadow roots (sites nest their buttons in them). */
function deepActiveElement(doc: Document): HTMLElement | null {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active && 'focus' in active ? (active as HTMLElement) : null;
}

import { cleanText } from '../core/post';
import type { ActionRule, ActionTrigger, LabelTable, SelectorList, SendKey, SiteAdapter } from '../sites/types';
import { closestOf, isElement, matchesAny, queryAllOf } from './dom';

export interface FoundAction {
  rule: ActionRule;
  /** The element the rule matched (the button or menu item, not necessarily the click target). */
  element: Element;
}

const NAMED_CONTROL = 'button, a[href], [role="button"], [role="menuitem"], [role="link"], [role="option"]';

/**
 * The share action an event went through, from its composed path (innermost first), among the
 * rules that the event's kind performs (`trigger`: a click, or a right-click's contextmenu).
 * Selectors win over labels anywhere in the path; labels are the fallback for a site that
 * renamed its test hooks, and only count inside the rule's containers.
 */
export function findAction(
  adapter: SiteAdapter,
  path: readonly EventTarget[],
  trigger: ActionTrigger = 'click',
): FoundAction | null {
  const rules = adapter.actions.filter((r) => (r.on ?? 'click') === trigger);
  const elements = path.filter(isElement);
  for (const element of elements) {
    const rule = rules.find((r) => matchesAny(element, r.selectors));
    if (rule) return { rule, element };
  }
  for (const element of elements) {
    const control = element.matches(NAMED_CONTROL);
    const labelled = rules.filter((r) => r.labels !== undefined && (control || matchesAny(element, r.labelled ?? [])));
    if (labelled.length === 0) continue;
    const names = accessibleNames(element);
    const rule = labelled.find(
      (r) =>
        names.some((name) => labelMatches(r.labels as LabelTable, name)) &&
        (r.within === undefined || closestOf(element, r.within) !== null),
    );
    if (rule) return { rule, element };
  }
  return null;
}

/** Icon fonts draw their glyphs from Unicode's private use area: they are no part of a name. */
const ICON_GLYPHS = /[\uE000-\uF8FF]/g;

/** The names a person sees or hears for a control: its aria-label and its visible text. */
function accessibleNames(element: Element): string[] {
  const label = element.getAttribute('aria-label');
  const text = cleanText((element.textContent ?? '').replace(ICON_GLYPHS, '')).replace(/\n/g, ' ');
  return [label, text].filter((n): n is string => Boolean(n)).map((n) => n.trim().toLowerCase());
}

/**
 * Exact label, or the label followed by a parenthesised audience, as in Facebook's
 * "Share now (Friends)" / "Bagikan sekarang (Teman)".
 */
function labelMatches(table: LabelTable, name: string): boolean {
  return [...table.id, ...table.en].some((label) => {
    const wanted = label.toLowerCase();
    return name === wanted || name.startsWith(`${wanted} (`);
  });
}

/** What submits a form when clicked. */
const SUBMIT_CONTROL = 'button[type="submit" i], button:not([type]), input[type="submit" i]';
/** A field asking for an email address, however the site names it. */
const EMAIL_FIELD = 'input[type="email" i], input[name*="email" i], input[autocomplete="email" i]';

/** A petition's sign button found by the generic fallback: a sign that shares the page. */
export const SIGN_FALLBACK_RULE: ActionRule = { kind: 'sign', step: 'shares', selectors: [], content: 'post' };
/** A petition's words when the adapter's text selectors went with its sign button: its headings and paragraphs. */
export const PETITION_TEXT_FALLBACK: SelectorList = [{ css: 'h1, p', seen: '2026-12' }];

/**
 * On a petition page (`adapter.petitionPaths`), a submit button of a form that asks for an email
 * address: the sign button wherever the site moved it, when no action rule finds it.
 */
export function findSignFallback(
  adapter: SiteAdapter,
  path: readonly EventTarget[],
  pathname: string,
): FoundAction | null {
  if (!adapter.petitionPaths?.some((pattern) => new RegExp(pattern).test(pathname))) return null;
  const control = path.filter(isElement).find((el) => el.matches(SUBMIT_CONTROL));
  const form = control?.closest('form');
  return control && form?.querySelector(EMAIL_FIELD) ? { rule: SIGN_FALLBACK_RULE, element: control } : null;
}

type SendKeyEvent = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey' | 'isComposing'>;

/** The send chord a key press is, if any: IME composition, Shift and Alt never send. */
function sendKeyOf(event: SendKeyEvent): SendKey | null {
  if (event.key !== 'Enter' || event.isComposing || event.shiftKey || event.altKey) return null;
  return event.ctrlKey || event.metaKey ? 'Mod+Enter' : 'Enter';
}

/**
 * For a send chord (`composer.sendKeys`: Enter, or Ctrl/⌘+Enter) pressed in the text of a composer:
 * the send action it stands for, found as its control in the composer (by selector, else by label),
 * which is what a held key press is released as. Whichever `shares` rule that control matches
 * decides what is checked: the typed text (`composer`), or what the composer carries besides it
 * (`opened-post`: Telegram Web A's attached forward, sent by Enter with an empty box).
 * Null when the key press sends nothing guarded; `action: null` when it sends text the adapter
 * guards but no control is found.
 */
export function findEnterSend(
  adapter: SiteAdapter,
  event: SendKeyEvent,
  path: readonly EventTarget[],
): { action: FoundAction | null } | null {
  const composer = adapter.composer;
  const chord = sendKeyOf(event);
  if (chord === null || !composer?.sendKeys?.includes(chord)) return null;
  const editor = path.filter(isElement).find((el) => matchesAny(el, composer.text));
  const container = editor && closestOf(editor, composer.container);
  if (!container) return null;
  // A send key in an empty box sends no text (WhatsApp shows no send control then, only the microphone).
  const typed = Boolean(editor.textContent?.trim());
  for (const rule of adapter.actions) {
    if (rule.step !== 'shares' || (rule.on ?? 'click') !== 'click') continue;
    if (rule.content === 'composer' && !typed) continue;
    const control =
      queryAllOf(container, rule.selectors)[0] ??
      [...container.querySelectorAll(NAMED_CONTROL)].find((el) => findAction(adapter, [el])?.rule === rule);
    if (control) return { action: { rule, element: control } };
  }
  // Typed text no rule guards (Web A's plain messages) is nothing missing: only a guarded one is.
  const guardsText = adapter.actions.some((rule) => rule.step === 'shares' && rule.content === 'composer');
  return typed && guardsText ? { action: null } : null;
}

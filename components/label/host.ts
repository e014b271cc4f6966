import { h, render } from 'preact';
import type { UiText } from '../../lib/i18n/text';
import { matchedBy, type MatchedBy } from '../../lib/labels/matched-by';
import type { FactCheckView } from '../../lib/messaging/protocol';
import themeCss from '../theme.css?inline';
import labelCss from './label.css?inline';
import { Label } from './Label';

export const LABEL_TAG = 'saring-label';

/**
 * Clicks and keys on the label stay in the label: a click anywhere on an X post opens the post,
 * and the site's shortcuts must not fire while "why am I seeing this?" has focus.
 */
const CONTAINED_EVENTS = [
  'click',
  'keydown',
  'keyup',
  'keypress',
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
] as const;

/**
 * Puts a label for `factCheck` at `place` unless the post already has one. Created, not defined:
 * `customElements` is null in a content script's isolated world (see the prompt's host).
 */
export function showLabel(
  place: { parent: Element; before: Node | null },
  factCheck: FactCheckView,
  text: UiText,
): void {
  if (place.parent.querySelector(`:scope > ${LABEL_TAG}`)) return;
  const doc = place.parent.ownerDocument;
  const host = doc.createElement(LABEL_TAG);
  host.dataset.matchId = factCheck.id;
  host.dataset.matchedBy = matchedBy(factCheck);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = `${themeCss}\n${labelCss}`;
  const mount = doc.createElement('div');
  shadow.append(style, mount);
  for (const type of CONTAINED_EVENTS) host.addEventListener(type, (event) => event.stopPropagation());
  render(h(Label, { factCheck, text }), mount);
  place.parent.insertBefore(host, place.before);
}

/** Takes the labels off the page: all (labels turned off for the site), or those matched one of these ways. */
export function removeLabels(doc: Document, ways?: readonly MatchedBy[]): void {
  for (const label of doc.querySelectorAll<HTMLElement>(LABEL_TAG))
    if (!ways || ways.includes(label.dataset.matchedBy as MatchedBy)) label.remove();
}

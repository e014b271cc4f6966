import type { ActionRule } from '../sites/types';
import { hasContent, type ShareContent } from './extract';

/**
 * Which sends are worth asking the background about. A composer's own message is mostly chat;
 * what spreads is a link, or a chain message pasted whole, which is long or says it was passed on.
 */

/** Typed chat rarely runs this long; a pasted chain message (a "broadcast", a warning) does. */
export const LONG_TEXT_CHARS = 200;

/** What chain messages say about being passed on, in Indonesian and English. */
const PASSED_ON =
  /\b(diteruskan|copas|copy paste|(dari )?gr(u|ou)p sebelah|sebarkan|viralkan|bagikan ke|forwarded as received|pass (it|this) on|please share|share this|forward this)\b/i;

/** Long, or carries the boilerplate of a message passed on. */
export function isLongOrPassedOn(text: string): boolean {
  return text.length >= LONG_TEXT_CHARS || PASSED_ON.test(text);
}

export function worthChecking(rule: ActionRule, content: ShareContent | null): content is ShareContent {
  if (content === null || !hasContent(content)) return false;
  if (content.urls.length > 0 || rule.onlyWhen === undefined) return true;
  return rule.onlyWhen === 'link-or-long-text' && isLongOrPassedOn(content.text);
}

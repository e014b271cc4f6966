/**
 * Whether an input event is the person's own. The guard acts on nothing else: a page's scripts
 * can call `click()` or dispatch any event they like, and those must not share, answer a prompt,
 * mark a link as read or start a check whose answer the page could watch for.
 */
export type IsTrusted = (event: Event) => boolean;

/** The browser's word: `isTrusted` is false for every event a script made. */
export const trustedByBrowser: IsTrusted = (event) => event.isTrusted;

/** The prompt's element name (components/prompt/host.ts makes it). */
export const PROMPT_TAG = 'saring-prompt';

/** Whether an event happened on Saring's own prompt (its host is on the path, open shadow root or not). */
export function onSaringPrompt(event: Event): boolean {
  return event.composedPath().some((target) => (target as Partial<Element>).localName === PROMPT_TAG);
}

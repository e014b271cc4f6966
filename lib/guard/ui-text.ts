import type { Outcome, UiLanguage } from '../core/vocabulary';
import { textFromStrings, type UiText, type UiTextSource } from '../i18n/text';
import { isUiStrings } from '../messaging/answers';
import type { PromptRequest, ShowPrompt } from './types';

/** Longest wait for a language's words before a prompt: past it the share goes through (fail open). */
export const UI_TEXT_TIMEOUT_MS = 1_000;

/**
 * The page's words, asked of the background (`get-ui-strings`) when a prompt or a label first
 * needs a language, and kept for the page's life: the content script carries no catalog. An
 * answer that is late or not strings (checked by hand) gives null, and is asked for again next time.
 */
export function uiTextSource(
  ask: (language: UiLanguage) => Promise<unknown>,
  timeoutMs = UI_TEXT_TIMEOUT_MS,
): UiTextSource {
  const asked = new Map<UiLanguage, Promise<UiText | null>>();
  return (language) => {
    let text = asked.get(language);
    if (!text) {
      text = inTime(ask(language), timeoutMs).then((answer) =>
        isUiStrings(answer) ? textFromStrings(language, answer) : null,
      );
      asked.set(language, text);
      void text.then((words) => {
        if (!words) asked.delete(language);
      });
    }
    return text;
  };
}

/** The answer, or null when it fails or comes after `ms`. */
function inTime(answer: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return Promise.race([answer.catch(() => null), late]).finally(() => clearTimeout(timer));
}

/**
 * The guard's prompt, shown once its words are there. Without them it never opens blank: it
 * rejects, and the share goes through as when a prompt cannot show (settleShare fails open).
 */
export function promptWithText(
  text: UiTextSource,
  show: (request: PromptRequest, text: UiText) => Promise<Outcome>,
): ShowPrompt {
  return async (request) => {
    const words = await text(request.language);
    if (!words) throw new Error(`No UI strings for "${request.language}" in time: the share goes through`);
    return show(request, words);
  };
}

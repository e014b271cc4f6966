import type { Outcome, PromptReason } from '../core/vocabulary';
import type { PromptRequest, ShowPrompt } from '../guard/types';

export interface PromptEvent {
  /** The demo post whose share the prompt held; null when it cannot be told. */
  postId: string | null;
  reason: PromptReason;
  outcome: Outcome;
}

/**
 * Wraps the demo's prompt so the classroom learns which post was asked about and what the
 * learner chose. The guard knows nothing of posts' ids; the last share control pressed does.
 * Call before the guard is armed: its window capture listeners must run after this one's.
 */
export function logPrompts(win: Window, showPrompt: ShowPrompt, onPrompt: (event: PromptEvent) => void): ShowPrompt {
  let lastPost: string | null = null;
  const notePost = (event: Event) => {
    const target = event.target instanceof Element ? event.target : null;
    const control = target?.closest('[data-demo-action="share"]');
    if (control) lastPost = control.closest('[data-demo-post]')?.getAttribute('data-demo-post') ?? null;
  };
  for (const type of ['pointerdown', 'click', 'keydown']) win.addEventListener(type, notePost, true);
  return async (request: PromptRequest) => {
    const postId = lastPost;
    const outcome = await showPrompt(request);
    onPrompt({ postId, reason: request.reason, outcome });
    return outcome;
  };
}

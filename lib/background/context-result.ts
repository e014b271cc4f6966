import type { UiLanguage } from '../core/vocabulary';
import type { FactCheckView } from '../messaging/protocol';

/** A context-menu check's result, as the background leaves it for the result page (check.html). */
export interface ContextCheckResult {
  what: 'image' | 'text';
  /** match / likely: fact-checked claims found; none: nothing in the lists (which says nothing about truth); failed: not checked. */
  status: 'match' | 'likely' | 'none' | 'failed';
  matches: (FactCheckView & { via: 'image' | 'text' })[];
  /** The selected text that was checked (cut); none for a picture. */
  excerpt?: string;
  /** Why the check failed, in words. */
  error?: string;
  language: UiLanguage;
}

/** Session storage key (memory only) of a result: this, then the id in the result page's fragment. */
export const CONTEXT_RESULT_KEY = 'context-check:';

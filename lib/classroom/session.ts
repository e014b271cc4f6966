import type { Outcome, PromptReason } from '../core/vocabulary';

/** What one learner did with one post during a classroom session. */
export interface PostAnswer {
  /** How accurate the learner judged the post before deciding (quiz mode), 1–4. */
  rating: number | null;
  /** Why Saring asked, the last time it did for this post. */
  prompt: PromptReason | null;
  /** The learner chose "Read first" in a prompt. */
  readFirst: boolean;
  /** The learner chose "Cancel" in a prompt. */
  cancelled: boolean;
  /** The share went through. */
  shared: boolean;
  /** The learner moved on without sharing (quiz mode's "Don't share"). */
  skipped: boolean;
}

export const ACCURACY_SCALE = [1, 2, 3, 4] as const;

export interface SessionState {
  /** The post the presenter (or the quiz) is on, by position in the feed. */
  step: number;
  revealed: readonly string[];
  answers: Readonly<Record<string, PostAnswer>>;
  /** Shares that went through: the page's `data-demo-shared` counter. */
  shared: number;
  quizFinished: boolean;
}

export type SessionAction =
  | { type: 'step'; by: 1 | -1; postCount: number }
  | { type: 'reveal'; postId: string }
  | { type: 'rate'; postId: string; rating: number }
  | { type: 'prompted'; postId: string; reason: PromptReason; outcome: Outcome }
  | { type: 'shared'; postId: string }
  | { type: 'skip'; postId: string }
  | { type: 'finish-quiz' }
  | { type: 'reset' };

export const INITIAL_SESSION: SessionState = { step: 0, revealed: [], answers: {}, shared: 0, quizFinished: false };

export const NO_ANSWER: PostAnswer = {
  rating: null,
  prompt: null,
  readFirst: false,
  cancelled: false,
  shared: false,
  skipped: false,
};

function answer(state: SessionState, postId: string, change: Partial<PostAnswer>): SessionState {
  const current = state.answers[postId] ?? NO_ANSWER;
  return { ...state, answers: { ...state.answers, [postId]: { ...current, ...change } } };
}

export function sessionReducer(state: SessionState, action: SessionAction): SessionState {
  switch (action.type) {
    case 'step':
      return { ...state, step: Math.min(Math.max(state.step + action.by, 0), Math.max(action.postCount - 1, 0)) };
    case 'reveal':
      return state.revealed.includes(action.postId)
        ? { ...state, revealed: state.revealed.filter((id) => id !== action.postId) }
        : { ...state, revealed: [...state.revealed, action.postId] };
    case 'rate':
      return answer(state, action.postId, { rating: action.rating });
    case 'prompted': {
      const before = state.answers[action.postId] ?? NO_ANSWER;
      return answer(state, action.postId, {
        prompt: action.reason,
        readFirst: before.readFirst || action.outcome === 'read',
        cancelled: before.cancelled || action.outcome === 'cancel',
      });
    }
    case 'shared':
      return { ...answer(state, action.postId, { shared: true, skipped: false }), shared: state.shared + 1 };
    case 'skip':
      return answer(state, action.postId, { skipped: true });
    case 'finish-quiz':
      return { ...state, quizFinished: true };
    case 'reset':
      return INITIAL_SESSION;
  }
}

/** Whether the learner has decided about a post: shared it, or chose not to. */
export function isDecided(answer: PostAnswer | undefined): boolean {
  return answer !== undefined && (answer.shared || answer.skipped || answer.cancelled);
}

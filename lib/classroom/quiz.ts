import { spreadsheetCsv } from '../lists/csv';
import type { PackPost, PostKind } from './pack';
import type { PostAnswer } from './session';

/**
 * Quiz scoring, after the accuracy-prompt studies: learners judge each post's accuracy before
 * deciding to share it. Discernment is how much more often they share true posts than false ones.
 */

/** Kinds whose content is false: sharing them spreads a falsehood (satire and petitions are neither). */
const FALSE_KINDS: readonly PostKind[] = ['hoax', 'scam'];

export interface QuizPart {
  /** Posts answered in this part. */
  posts: number;
  /** Share of true posts shared (0–1), null when there were none. */
  sharedTrue: number | null;
  /** Share of false (hoax, scam) posts shared (0–1), null when there were none. */
  sharedFalse: number | null;
  /** Of the prompts Saring showed, the share where the learner chose "Read first"; null without prompts. */
  readFirst: number | null;
}

export interface QuizScore extends QuizPart {
  /** sharedTrue − sharedFalse: −1 … 1, higher is better; null without both kinds. */
  discernment: number | null;
  /** Mean accuracy rating (1–4) of true and of false posts. */
  meanRatingTrue: number | null;
  meanRatingFalse: number | null;
  prompts: number;
  readFirstCount: number;
  /** The session's first and second half, to show what changed. */
  firstHalf: QuizPart;
  secondHalf: QuizPart;
}

export interface AnsweredPost {
  post: Pick<PackPost, 'id' | 'kind' | 'platform'>;
  answer: PostAnswer;
}

const ratio = (count: number, of: number) => (of === 0 ? null : count / of);
const mean = (values: number[]) => (values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length);

function part(answered: readonly AnsweredPost[]): QuizPart {
  const trues = answered.filter(({ post }) => post.kind === 'true');
  const falses = answered.filter(({ post }) => FALSE_KINDS.includes(post.kind));
  const prompted = answered.filter(({ answer }) => answer.prompt !== null);
  return {
    posts: answered.length,
    sharedTrue: ratio(trues.filter(({ answer }) => answer.shared).length, trues.length),
    sharedFalse: ratio(falses.filter(({ answer }) => answer.shared).length, falses.length),
    readFirst: ratio(prompted.filter(({ answer }) => answer.readFirst).length, prompted.length),
  };
}

/** Scores the posts answered, in the order they were shown. */
export function scoreQuiz(answered: readonly AnsweredPost[]): QuizScore {
  const whole = part(answered);
  const middle = Math.ceil(answered.length / 2);
  const ratingsOf = (test: (kind: PostKind) => boolean) =>
    answered.flatMap(({ post, answer }) => (test(post.kind) && answer.rating !== null ? [answer.rating] : []));
  const prompted = answered.filter(({ answer }) => answer.prompt !== null);
  return {
    ...whole,
    discernment: whole.sharedTrue === null || whole.sharedFalse === null ? null : whole.sharedTrue - whole.sharedFalse,
    meanRatingTrue: mean(ratingsOf((kind) => kind === 'true')),
    meanRatingFalse: mean(ratingsOf((kind) => FALSE_KINDS.includes(kind))),
    prompts: prompted.length,
    readFirstCount: prompted.filter(({ answer }) => answer.readFirst).length,
    firstHalf: part(answered.slice(0, middle)),
    secondHalf: part(answered.slice(middle)),
  };
}

export function choiceOf(answer: PostAnswer): 'shared' | 'cancelled' | 'not-shared' {
  if (answer.shared) return 'shared';
  return answer.cancelled ? 'cancelled' : 'not-shared';
}

/** One row per post: what a teacher pastes into a spreadsheet. No names, nothing sent anywhere. */
export function quizCsv(answered: readonly AnsweredPost[]): string {
  return spreadsheetCsv([
    ['position', 'post', 'kind', 'platform', 'accuracy_rating', 'prompt_reason', 'read_first', 'choice'],
    ...answered.map(({ post, answer }, index) => [
      index + 1,
      post.id,
      post.kind,
      post.platform,
      answer.rating ?? '',
      answer.prompt ?? '',
      answer.readFirst ? 'yes' : 'no',
      choiceOf(answer),
    ]),
  ]);
}

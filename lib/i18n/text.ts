import type { UiLanguage } from '../core/vocabulary';
import type idCatalog from '../../public/_locales/id/messages.json';

/**
 * What a guarded page needs of the UI strings, and nothing of the catalogs: the content script
 * asks the background for one language's page strings (`get-ui-strings`) when it first shows a
 * prompt or a label, so neither catalog is bundled into the page (lib/i18n/index.ts has them).
 */

export type MessageKey = keyof typeof idCatalog;

/** Every key the prompt, its matches and the inline label read: what `get-ui-strings` answers. */
export const PAGE_MESSAGE_KEYS = [
  'promptQuestion',
  'promptForwardedMany',
  'promptReasonHoaxMatch',
  'promptReasonLikelyMatch',
  'promptReasonUnreadLink',
  'promptReasonPetition',
  'promptReasonAlways',
  'promptDetailsLabel',
  'promptDetailTitle',
  'promptDetailStarter',
  'promptDetailCreated',
  'promptExcerptLabel',
  'promptExcerptLabelSign',
  'promptMatchesHeading',
  'promptMatchesHeadingLikely',
  'promptRatingLabel',
  'promptPublisherVerdict',
  'promptCheckedBy',
  'promptOpenFactCheck',
  'promptOpensInNewTab',
  'promptNudge',
  'promptActionsLabel',
  'promptActionRead',
  'promptActionCancel',
  'promptActionShare',
  'factCheckSamePicture',
  'factCheckPictureText',
  'factCheckListFrom',
  'ratingFalse',
  'ratingAltered',
  'ratingScam',
  'ratingMisleading',
  'ratingMissingContext',
  'ratingMixed',
  'ratingSatire',
  'ratingUnproven',
  'ratingTrue',
  'labelName',
  'labelFactCheck',
  'labelFactCheckBy',
  'labelWhy',
  'labelWhyText',
  'labelMatchedPicture',
  'labelMatchedPictureText',
] as const satisfies readonly MessageKey[];

export type PageMessageKey = (typeof PAGE_MESSAGE_KEYS)[number];

/** One language's page strings, placeholders already positional (`$1` …): plain strings only. */
export type UiStrings = Record<PageMessageKey, string>;

/** The words of one language, as the prompt and the label read them. */
export interface UiText {
  language: UiLanguage;
  t(key: PageMessageKey, ...substitutions: (string | number)[]): string;
}

/** The words of a language, or null when they cannot be had (late or malformed on a guarded page). */
export type UiTextSource = (language: UiLanguage) => Promise<UiText | null>;

/** A message with `$1` … `$9` filled from `substitutions` and `$$` written as `$`. */
export function fillMessage(message: string, substitutions: readonly (string | number)[]): string {
  return message.replace(/\$(\d)|\$\$/g, (_, digit: string | undefined) =>
    digit === undefined ? '$' : String(substitutions[Number(digit) - 1] ?? ''),
  );
}

/** The page's words from the strings the background sent (checked by `isUiStrings` first). */
export function textFromStrings(language: UiLanguage, strings: UiStrings): UiText {
  return { language, t: (key, ...substitutions) => fillMessage(strings[key], substitutions) };
}

/** A date as the person's locale writes it, e.g. "24 Jun 2026" / "Jun 24, 2026". */
export function formatDate(language: UiLanguage, value: string | number | Date): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return typeof value === 'string' ? value : '';
  // A bare YYYY-MM-DD parses as UTC midnight; format it in UTC so it never shifts a day.
  const dateOnly = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  return date.toLocaleDateString(language === 'id' ? 'id-ID' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(dateOnly ? { timeZone: 'UTC' } : {}),
  });
}

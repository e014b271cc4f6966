import type { Rating } from '../lib/core/vocabulary';
import type { PageMessageKey } from '../lib/i18n/text';

/** How each normalised rating is named and coloured; the name is always shown, never colour alone. */
export const RATING_DISPLAY: Record<Rating, { label: PageMessageKey; tone: 'danger' | 'warning' | 'info' | 'ok' }> = {
  false: { label: 'ratingFalse', tone: 'danger' },
  altered: { label: 'ratingAltered', tone: 'danger' },
  scam: { label: 'ratingScam', tone: 'danger' },
  misleading: { label: 'ratingMisleading', tone: 'warning' },
  'missing-context': { label: 'ratingMissingContext', tone: 'warning' },
  mixed: { label: 'ratingMixed', tone: 'warning' },
  satire: { label: 'ratingSatire', tone: 'info' },
  unproven: { label: 'ratingUnproven', tone: 'info' },
  true: { label: 'ratingTrue', tone: 'ok' },
};

/** Only web links are rendered as links: list data is untrusted and must never yield `javascript:`. */
export function safeWebUrl(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

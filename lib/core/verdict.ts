import type { Settings } from './vocabulary';

/**
 * Whether Saring acts on a site now, and which tier a match's score falls in: written once, read
 * by the share check, the labels, the popup and the matcher.
 */

/**
 * The confident tier (`hoax-match`) from this score on. Each decision model's own thresholds, per
 * language of the post, are chosen by tests/eval/fit-models.ts on the fit halves' out-of-fold
 * scores (the lowest score at which at most 0.2% of ordinary posts, and 1.5% of topical hard
 * negatives, get a prompt) and its scores mapped so that they fall here: one scale for every hit,
 * whichever model and language pair decided it.
 */
export const MATCH_THRESHOLD = 0.75;
/**
 * The likely tier (`likely-match`), asked with softer words, from this score on (its fitted
 * thresholds: the lowest score at which at most 0.25% of ordinary posts and 3% of topical hard
 * negatives get a prompt).
 */
export const LIKELY_THRESHOLD = 0.5;

export type MatchTier = 'hoax-match' | 'likely-match' | 'none';

/** The tier a best score falls in (the background may be given other thresholds in tests). */
export function tierOf(score: number, match = MATCH_THRESHOLD, likely = LIKELY_THRESHOLD): MatchTier {
  return score >= match ? 'hoax-match' : score >= likely ? 'likely-match' : 'none';
}

export function isSnoozed(settings: Settings, now: number): boolean {
  return settings.snoozedUntil !== null && settings.snoozedUntil > now;
}

/** Saring asks before shares on a site: strictness not off, not snoozed, the site not turned off. */
export function isGuarded(settings: Settings, siteId: string, now: number): boolean {
  return settings.strictness !== 'off' && !isSnoozed(settings, now) && !settings.disabledSites.includes(siteId);
}

/** Inline labels show on a site unless the person turned them, or Saring, off there. */
export function labelsOn(settings: Settings, siteId: string): boolean {
  return !settings.disabledSites.includes(siteId) && !settings.labelsOffSites.includes(siteId);
}

/** Pictures in posts on screen are hashed and labelled (`?? true`: settings stored before they existed). */
export function pictureChecksOn(settings: Settings): boolean {
  return settings.pictureChecks ?? true;
}

/** A phone's browser (Firefox for Android, the one phone browser Saring runs in), by its user agent. */
export function onPhoneAgent(userAgent: string): boolean {
  return /Android/i.test(userAgent);
}

/** The text of those pictures is read too: the person's choice, else on for a desktop and off on a phone. */
export function pictureTextOn(settings: Settings, onPhone: boolean): boolean {
  return pictureChecksOn(settings) && (settings.pictureText ?? !onPhone);
}

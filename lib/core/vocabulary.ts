/**
 * Saring's words, shared by every part: what a share is, why a prompt asks, how strict it is, which
 * language it speaks, what the person chose, the settings and why a list sync failed. Plain
 * constants and types that import nothing, so the wire protocol (lib/messaging/protocol.ts), the
 * storage shapes (lib/db) and the site adapters all build on them without depending on each other.
 */

export const SHARE_KINDS = ['repost', 'quote', 'share', 'send', 'post', 'forward', 'sign'] as const;
export type ShareKind = (typeof SHARE_KINDS)[number];

/** Why a prompt asks; `likely-match` is a post that may be about a checked claim, asked with softer words. */
export const PROMPT_REASONS = ['hoax-match', 'likely-match', 'unread-link', 'petition', 'always'] as const;
export type PromptReason = (typeof PROMPT_REASONS)[number];

export const STRICTNESS = ['off', 'hoax-only', 'balanced', 'always'] as const;
export type Strictness = (typeof STRICTNESS)[number];

export const UI_LANGUAGES = ['id', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** A fact-check's verdict, normalised (the list format's `rating`; the prompt and the label name it). */
export const RATINGS = [
  'false',
  'misleading',
  'missing-context',
  'altered',
  'satire',
  'scam',
  'unproven',
  'mixed',
  'true',
] as const;
export type Rating = (typeof RATINGS)[number];

export const OUTCOMES = ['cancel', 'read', 'share'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Pseudo-site for share-intent links (facebook.com/sharer, wa.me/?text= …) checked by share-check.html. */
export const SHARE_LINK_SITE_ID = 'share-link';

export interface Settings {
  strictness: Strictness;
  language: 'auto' | UiLanguage;
  disabledSites: string[];
  snoozedUntil: number | null;
  /** Sites where the person turned inline labels off. */
  labelsOffSites: string[];
  /** Pictures in posts on screen are hashed and labelled when they are a known hoax picture. */
  pictureChecks: boolean;
  /**
   * The text in those pictures is read (OCR) and matched too. null: the default for the device,
   * on for a desktop, off on a phone (OCR costs a phone's battery and memory).
   */
  pictureText: boolean | null;
}

/** Why the last sync of a list failed, as a code the options page puts in words. */
export const SYNC_ERROR_CODES = [
  'network',
  'timeout',
  'http',
  'too-big',
  'too-many-items',
  'truncated',
  'not-json',
  'not-a-list',
  'wrong-list',
  'older-version',
  'signature-missing',
  'signature-wrong',
  // Subscribing again may not loosen a subscription (lib/lists/pinning.ts).
  'key-missing',
  'key-changed',
  'managed-key',
  'quota',
  'failed',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export interface SyncProblem {
  code: SyncErrorCode;
  /** The HTTP status, the versions, the validation message … */
  detail?: string;
}

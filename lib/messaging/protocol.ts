import { z } from 'zod';
import { MATCH_PICTURES_BATCH, MATCH_POSTS_BATCH, MAX_POST_IMAGES } from '../core/post';
import type { SkippedItem, SourceRecord } from '../db';
import type { UiStrings } from '../i18n/text';
import {
  OUTCOMES,
  PROMPT_REASONS,
  type Rating,
  SHARE_KINDS,
  STRICTNESS,
  UI_LANGUAGES,
  type PromptReason,
  type Settings,
  type SyncProblem,
  type UiLanguage,
} from '../core/vocabulary';
import type { ListPreview, SyncOutcome, SyncProgress } from '../lists/sync';
import type { StoredClassroomList } from '../classroom/store-list';
import type { StatsReport } from '../stats/report';

/**
 * The one message protocol between content scripts, extension pages and the background.
 * Requests are validated with zod in the background (content scripts run beside untrusted pages);
 * responses travel in Result envelopes.
 */

const siteId = z.string().regex(/^[a-z0-9-]{1,32}$/);
/** A site-health check's name: an expectation's name or the guard's own. */
export const MAX_CHECK_NAME = 200;
const boundedUrl = z.string().max(4_096);
/** A page's own URL, which relative links are resolved against: it must parse. */
const pageUrl = boundedUrl.refine(
  (url) => {
    try {
      new URL(url);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not an absolute URL' },
);
const listId = z.string().min(1).max(128);
/** Base64 of a raw 32-byte Ed25519 key. */
const publicKey = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);

/**
 * A picture in a shared post: its address on the site's image host, fetched by the background; or,
 * for one the page shows from a blob: or its own origin, its pixels read by the content script
 * (a PNG data URL, downscaled).
 */
const imageRef = z.union([
  z.object({ url: boundedUrl }).strict(),
  z
    .object({
      dataUrl: z
        .string()
        .max(4 * 1024 * 1024)
        .regex(/^data:image\/png;base64,/),
    })
    .strict(),
]);
export type ImageRef = z.infer<typeof imageRef>;

export const requestSchemas = {
  /** A share action is about to happen: should the person be asked first? */
  'check-share': z.object({
    site: siteId,
    kind: z.enum(SHARE_KINDS),
    // Long posts are capped by the client; the cap here only bounds what crosses the boundary.
    text: z.string().max(20_000),
    urls: z.array(boundedUrl).max(50),
    linkTitle: z.string().max(1_000).optional(),
    images: z.array(imageRef).max(MAX_POST_IMAGES).optional(),
  }),
  /** What the person chose in the prompt (counted locally, never content). */
  'record-outcome': z.object({
    site: siteId,
    reason: z.enum(PROMPT_REASONS),
    outcome: z.enum(OUTCOMES),
  }),
  /** "Read first": open this article or fact-check in a new tab and remember it as read. */
  'open-read': z.object({ url: boundedUrl }),
  /** The person opened a link from a post. */
  'mark-read': z.object({ url: boundedUrl }),
  /**
   * How one check went on a site: an adapter expectation (by its name) or one of the guard's own
   * (the post of a share, answers in time …) found (ok) or failed to find (not ok) what it needs.
   */
  'report-health': z.object({
    site: siteId,
    check: z.string().min(1).max(MAX_CHECK_NAME),
    ok: z.boolean(),
  }),
  /**
   * The prompt's and the label's words in one language (lib/i18n/text.ts): the page's bundle
   * carries no catalog, and asks when it first needs them.
   */
  'get-ui-strings': z.object({ language: z.enum(UI_LANGUAGES) }),
  /** Popup: what Saring does on the page at this URL. */
  'get-page-status': z.object({ url: boundedUrl }),
  'set-site-enabled': z.object({ site: siteId, enabled: z.boolean() }),
  /** Options: inline labels on or off for one site. */
  'set-site-labels': z.object({ site: siteId, enabled: z.boolean() }),
  /**
   * Inline labels: which of these posts on screen repeat a known hoax? One message per batch; the
   * bounds keep a batch under ~1 MB (a post's text is capped at 10k characters by the client).
   */
  'match-posts': z.object({
    site: siteId,
    /** The page the posts are on: their links are as written there, and resolved here. */
    baseUrl: pageUrl,
    posts: z
      .array(
        z.object({
          // As the page has it: cleaning and resolving happen off the page's main thread.
          text: z.string().max(10_000),
          hrefs: z.array(boundedUrl).max(20),
          linkTitle: z.string().max(1_000).optional(),
        }),
      )
      .min(1)
      .max(MATCH_POSTS_BATCH),
  }),
  /**
   * Inline labels by picture: which of these posts, whose pictures have been on screen for a
   * second, show a known hoax picture? At most MATCH_PICTURES_BATCH pictures a message.
   */
  'match-pictures': z.object({
    site: siteId,
    posts: z
      .array(z.object({ images: z.array(imageRef).min(1).max(MAX_POST_IMAGES) }))
      .min(1)
      .max(MATCH_PICTURES_BATCH)
      .refine((posts) => posts.reduce((sum, post) => sum + post.images.length, 0) <= MATCH_PICTURES_BATCH, {
        message: `at most ${MATCH_PICTURES_BATCH} pictures a message`,
      }),
  }),
  /**
   * The labels by picture text of a `match-pictures` batch whose pictures were queued for reading
   * (its answer's `reading`): answered when they have been read, or dropped from the queue.
   */
  'read-pictures': z.object({ site: siteId, reading: z.string().min(1).max(64) }),
  /** Snooze all prompts for `minutes`; 0 ends a snooze. */
  snooze: z.object({
    minutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60),
  }),
  'get-options-state': z.object({}),
  'set-settings': z.object({
    strictness: z.enum(STRICTNESS).optional(),
    language: z.enum(['auto', ...UI_LANGUAGES]).optional(),
    pictureChecks: z.boolean().optional(),
    pictureText: z.boolean().nullable().optional(),
  }),
  /** share-check page: let this tab continue once to the share-intent URL it interrupted. */
  'allow-share-intent': z.object({ url: boundedUrl }),
  /** Options: fetch a list (a one-click link's, or typed) and describe it, storing nothing. */
  'preview-list': z.object({ url: boundedUrl, key: publicKey.optional() }),
  /** Options: subscribe to the list at `url` once the person confirmed. */
  'subscribe-list': z.object({ url: boundedUrl, key: publicKey.optional() }),
  /** Unsubscribe / delete a list and its items (the starter and managed lists are turned off instead). */
  'remove-list': z.object({ id: listId }),
  /** Turn a turned-off starter or managed list back on. */
  'restore-list': z.object({ id: listId }),
  /** "Sync now": one list, or every subscription without `id`. */
  'sync-lists': z.object({ id: listId.optional() }),
  /** Store a file (native list, ClaimReview, Fact Check API, CSV) as a local list. */
  'import-list': z.object({ fileName: z.string().max(260), text: z.string().max(60 * 1024 * 1024) }),
  /** A stored list as a native list file. */
  'export-list': z.object({ id: listId }),
  /** Options: local prompt and outcome counters for the last `days` days. */
  'get-stats': z.object({ days: z.number().int().min(1).max(366) }),
  /** Options: forget every counter. */
  'reset-stats': z.object({}),
  /** Options: "Forget what I read": every remembered link, and the key they were hashed with. */
  'forget-read-links': z.object({}),
  /** Demo: store a scenario pack's list (validated again in the background) as the classroom list. */
  'store-classroom-list': z.object({ list: z.record(z.string(), z.unknown()) }),
} as const;

export type MessageType = keyof typeof requestSchemas;
export type RequestOf<K extends MessageType> = z.infer<(typeof requestSchemas)[K]>;

export interface FactCheckView {
  id: string;
  listId: string;
  claim: string;
  rating: Rating;
  label?: string;
  url?: string;
  published?: string;
  /** Who the list says published it (the list's own claim). */
  publisher?: string;
  /** Where the list came from: its host, for subscribed and managed lists. */
  listHost?: string;
  /** Matched by the post's picture (its perceptual hash), not its words: the prompt says so. */
  samePicture?: true;
  /** Matched by the text read from the post's picture (OCR): the label says so. */
  pictureText?: true;
  score: number;
}

export type CheckShareResponse =
  | { ask: false }
  | {
      ask: true;
      reason: PromptReason;
      matches: FactCheckView[];
      /** The article to read, else the best fact-check; null when there is neither. */
      readUrl: string | null;
      language: UiLanguage;
    };

/** Inline labels for a batch: only posts that repeat a known hoax, by their index in the request. */
export interface MatchPostsResponse {
  labels: { index: number; factCheck: FactCheckView }[];
  language: UiLanguage;
}

/** Labels by picture; `reading` when pictures without one were queued to have their text read. */
export interface MatchPicturesResponse extends MatchPostsResponse {
  /** Ask `read-pictures` with it for the labels by their text. */
  reading?: string;
}

export interface DayCounts {
  prompts: number;
  cancel: number;
  read: number;
  share: number;
}

export interface SiteHealth {
  /** Degraded while any check's latest result is a recent failure. */
  state: 'working' | 'degraded' | 'unknown';
  /** The last time any check on the site succeeded ("last seen working"). */
  lastOk: number | null;
  /** The checks that make the site degraded, most recent failure first. */
  failing: { check: string; lastFailure: number; lastOk: number | null }[];
}

export interface PageStatus {
  site: { id: string; name: string } | null;
  siteEnabled: boolean;
  /** Guarded = supported, enabled, not snoozed, strictness not off. */
  guarded: boolean;
  snoozedUntil: number | null;
  today: DayCounts;
  language: UiLanguage;
  /** The administrator's policy fixes the strictness: no snooze, no per-site switch. */
  strictnessLocked?: boolean;
}

export interface ListStatus {
  id: string;
  name: string;
  publisher?: string;
  version: number;
  items: number;
  state: 'ok' | 'syncing' | 'error';
  updatedAt: number | null;
  /** Where it comes from and how its syncs go (absent on lists stored before sources were kept). */
  kind?: SourceRecord['kind'];
  url?: string;
  /** A publisher key is pinned: updates must be signed with it. */
  pinned?: boolean;
  /** False for a starter or managed list the person turned off: no items, can be restored. */
  enabled?: boolean;
  /** Whether the person may remove it (managed lists only when the policy allows). */
  removable?: boolean;
  lastSuccess?: number | null;
  nextSync?: number | null;
  problem?: SyncProblem;
  skipped?: number;
  /** The first 50 items left out, with why. */
  skippedItems?: SkippedItem[];
  /** Set while a sync runs. */
  progress?: SyncProgress;
}

/** What the options page shows before subscribing, or why the list cannot be subscribed. */
export type ListPreviewResponse = { ok: true; preview: ListPreview } | { ok: false; problem: SyncProblem };

export interface ImportListResponse {
  id: string;
  name: string;
  items: number;
  skippedItems: SkippedItem[];
}

export interface OptionsState {
  settings: Settings;
  language: UiLanguage;
  sites: { id: string; name: string; enabled: boolean; health: SiteHealth; labels?: boolean }[];
  lists: ListStatus[];
  /** The administrator's policy fixes the strictness (and with it snooze and the per-site switches). */
  strictnessLocked?: boolean;
  /** Links remembered as read (opened from a post or through "Read first") in the last 30 days. */
  readLinks: number;
}

export interface ResponseMap {
  'check-share': CheckShareResponse;
  'record-outcome': null;
  'open-read': null;
  'mark-read': null;
  'report-health': null;
  'get-ui-strings': UiStrings;
  'get-page-status': PageStatus;
  'set-site-enabled': null;
  'set-site-labels': null;
  'match-posts': MatchPostsResponse;
  'match-pictures': MatchPicturesResponse;
  'read-pictures': MatchPostsResponse;
  snooze: { snoozedUntil: number | null };
  'get-options-state': OptionsState;
  'set-settings': Settings;
  'allow-share-intent': null;
  'preview-list': ListPreviewResponse;
  'subscribe-list': ListPreviewResponse;
  'remove-list': null;
  'restore-list': null;
  'sync-lists': Record<string, SyncOutcome>;
  'import-list': ImportListResponse;
  'export-list': { fileName: string; text: string };
  'get-stats': StatsReport;
  'reset-stats': null;
  'forget-read-links': { forgotten: number };
  'store-classroom-list': StoredClassroomList;
}

export type ResponseOf<K extends MessageType> = ResponseMap[K];

export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  payload: RequestOf<K>;
}

export type Result<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: 'invalid-request' | 'unknown-type' | 'forbidden' | 'failed'; message: string } };

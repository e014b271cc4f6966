import type { Outcome, PromptReason, ShareKind, UiLanguage } from '../core/vocabulary';
import type { CheckShareResponse, FactCheckView, RequestOf } from '../messaging/protocol';
import type { SiteAdapter } from '../sites/types';
import type { PostDetails } from './extract';
import type { IsTrusted } from './trust';

/** How the guard talks to the background; the content script and the demo page pass messaging. */
export interface GuardTransport {
  checkShare(request: RequestOf<'check-share'>): Promise<CheckShareResponse>;
  recordOutcome(request: RequestOf<'record-outcome'>): void;
  openRead(url: string): void;
  markRead(url: string): void;
  reportHealth(request: RequestOf<'report-health'>): void;
}

/** What the prompt shows; the guard builds it from the background's answer and the post. */
export interface PromptRequest {
  reason: PromptReason;
  kind: ShareKind;
  language: UiLanguage;
  /** A short excerpt of what is being shared, as plain text. */
  excerpt: string;
  /** The post's title, starter and date when the adapter found them (petition pages). */
  details?: PostDetails;
  matches: FactCheckView[];
  readUrl: string | null;
  /** The site marks the content as passed on many times: the prompt says so, more strongly. */
  forwardedMany?: boolean;
}

/** Shows the prompt and resolves with the person's choice (Esc and closing mean cancel). */
export type ShowPrompt = (request: PromptRequest) => Promise<Outcome>;

export interface GuardOptions {
  adapter: SiteAdapter;
  document: Document;
  transport: GuardTransport;
  showPrompt: ShowPrompt;
  /** Past this the share goes through unprompted (fail open). Default 300 ms. */
  timeoutMs?: number;
  /**
   * Which input is the person's: the browser's `isTrusted` unless given (the content script adds
   * "while the extension is still there"; happy-dom tests, where every event is untrusted, name
   * the events they dispatch as the person).
   */
  isTrusted?: IsTrusted;
}

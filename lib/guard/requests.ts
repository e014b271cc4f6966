import type { ShareKind } from '../core/vocabulary';
import type { RequestOf } from '../messaging/protocol';
import type { AskVerdict } from './check';
import type { ShareContent } from './extract';
import type { PromptRequest } from './types';

/** What a held share asks the background, and what its prompt shows. */

const EXCERPT_CHARS = 280;

function excerptOf(content: ShareContent | null): string {
  const title = content?.details?.title;
  // The prompt shows the title beside the excerpt already: the excerpt starts with what it asks.
  const body = title && content.text.startsWith(`${title}\n`) ? content.text.slice(title.length + 1) : content?.text;
  const text = body || content?.linkTitle || content?.urls[0] || '';
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text;
}

/** What the background is asked about: the content, without what only the prompt shows. */
export function shareCheckRequest(site: string, kind: ShareKind, content: ShareContent): RequestOf<'check-share'> {
  const { forwardedMany: _mark, details: _details, ...shared } = content;
  return { site, kind, ...shared };
}

export function promptRequest(kind: ShareKind, content: ShareContent | null, verdict: AskVerdict): PromptRequest {
  return {
    reason: verdict.reason,
    kind,
    language: verdict.language,
    excerpt: excerptOf(content),
    ...(content?.details ? { details: content.details } : {}),
    matches: verdict.matches,
    readUrl: verdict.readUrl,
    ...(content?.forwardedMany ? { forwardedMany: true } : {}),
  };
}

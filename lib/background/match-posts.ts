import { resolveLanguage } from '../i18n';
import type { MatchPostsResponse, RequestOf } from '../messaging/protocol';
import { labelsOn } from '../settings';
import { factCheckView, scopeToSite } from './check-share';
import type { BackgroundContext } from './context';

/**
 * Inline labels for a batch of posts on screen: the best fact-check of each post that repeats a
 * known hoax. Only hoax matches label a post: unread links and strictness are about sharing, and
 * nothing is counted, since showing a label is not a prompt.
 */
export async function matchPosts(
  context: BackgroundContext,
  request: RequestOf<'match-posts'>,
): Promise<MatchPostsResponse> {
  const settings = await context.settings.getValue();
  const language = resolveLanguage(settings.language, context.browserUiLanguage());
  if (!labelsOn(settings, request.site)) return { labels: [], language };
  const { matcher, publishers } = await context.index.get();
  const labels: MatchPostsResponse['labels'] = [];
  for (const [index, post] of request.posts.entries()) {
    const match = scopeToSite(
      await matcher.match({
        text: post.text,
        urls: post.urls,
        ...(post.linkTitle === undefined ? {} : { linkTitle: post.linkTitle }),
      }),
      request.site,
      context.matchThreshold,
    );
    const best = match.matches[0];
    if (match.decision === 'hoax-match' && best && best.score >= context.matchThreshold) {
      labels.push({ index, factCheck: factCheckView(best, publishers) });
    }
  }
  return { labels, language };
}

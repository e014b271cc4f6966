import { finishPost, resolveHref } from '../core/post';
import { labelsOn } from '../core/verdict';
import { resolveLanguage } from '../i18n';
import type { MatchPostsResponse, RequestOf } from '../messaging/protocol';
import { DEMO_SITE, SITES } from '../sites';
import { factCheckView, scopeToSite } from './check-share';
import type { BackgroundContext } from './context';

/** Each site's adapter by its id: a batch's links are resolved by its site's rules. */
const ADAPTERS_BY_ID = new Map([...SITES, DEMO_SITE].map((site) => [site.id, site]));

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
  const adapter = ADAPTERS_BY_ID.get(request.site);
  if (!adapter || !labelsOn(settings, request.site)) return { labels: [], language };
  const { matcher, publishers, listHosts } = await context.index.get();
  const labels: MatchPostsResponse['labels'] = [];
  for (const [index, post] of request.posts.entries()) {
    // The page sent its posts as read; they are finished here, as the share guard's are there.
    const finished = finishPost(post, (href) => resolveHref(href, request.baseUrl, adapter.ownHosts));
    const match = scopeToSite(await matcher.match(finished), request.site, context.matchThreshold);
    const best = match.matches[0];
    if (match.decision === 'hoax-match' && best && best.score >= context.matchThreshold) {
      labels.push({ index, factCheck: factCheckView(best, publishers, listHosts) });
    }
  }
  return { labels, language };
}

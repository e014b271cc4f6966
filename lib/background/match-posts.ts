import { finishPost, resolveHref } from '../core/post';
import { labelsOn } from '../core/verdict';
import type { Settings, UiLanguage } from '../core/vocabulary';
import { resolveLanguage } from '../i18n';
import type { MatchResult } from '../match/types';
import type { FactCheckView, MatchPostsResponse, RequestOf } from '../messaging/protocol';
import { DEMO_SITE, SITES } from '../sites';
import type { SiteAdapter } from '../sites/types';
import { factCheckView, scopeToSite } from './check-share';
import type { BackgroundContext } from './context';
import type { LoadedIndex } from './list-index';

/** Each site's adapter by its id: a batch's links are resolved by its site's rules. */
const ADAPTERS_BY_ID = new Map([...SITES, DEMO_SITE].map((site) => [site.id, site]));

/** What every label batch starts from: the settings' language, and the site's adapter when labels are on there. */
export async function labelBatch(
  context: BackgroundContext,
  siteId: string,
): Promise<{ settings: Settings; language: UiLanguage; adapter: SiteAdapter | null }> {
  const settings = await context.settings.getValue();
  const language = resolveLanguage(settings.language, context.browserUiLanguage());
  const adapter = ADAPTERS_BY_ID.get(siteId);
  return { settings, language, adapter: adapter && labelsOn(settings, siteId) ? adapter : null };
}

/**
 * A post's label, if the match says it repeats a known hoax: its best fact-check. Only hoax
 * matches label a post: unread links and strictness are about sharing, and nothing is counted,
 * since showing a label is not a prompt. Classroom items label only the demo feed.
 */
export function labelFor(
  context: BackgroundContext,
  index: Pick<LoadedIndex, 'publishers' | 'listHosts'>,
  siteId: string,
  found: MatchResult,
): FactCheckView | null {
  const match = scopeToSite(found, siteId, context.matchThreshold);
  const best = match.matches[0];
  if (match.decision !== 'hoax-match' || !best || best.score < context.matchThreshold) return null;
  return factCheckView(best, index.publishers, index.listHosts);
}

/** Inline labels for a batch of posts on screen: the best fact-check of each post that repeats a known hoax. */
export async function matchPosts(
  context: BackgroundContext,
  request: RequestOf<'match-posts'>,
): Promise<MatchPostsResponse> {
  const { language, adapter } = await labelBatch(context, request.site);
  if (!adapter) return { labels: [], language };
  const loaded = await context.index.get();
  const labels: MatchPostsResponse['labels'] = [];
  for (const [index, post] of request.posts.entries()) {
    // The page sent its posts as read; they are finished here, as the share guard's are there.
    const finished = finishPost(post, (href) => resolveHref(href, request.baseUrl, adapter.ownHosts));
    const factCheck = labelFor(context, loaded, request.site, await loaded.matcher.match(finished));
    if (factCheck) labels.push({ index, factCheck });
  }
  return { labels, language };
}

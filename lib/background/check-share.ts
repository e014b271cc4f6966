import { isGuarded, pictureTextOn, tierOf } from '../core/verdict';
import { externalLinks, resolveAbsolute } from '../core/post';
import { CLASSROOM_LIST_ID } from '../classroom/pack';
import { decide, factChecksShown } from '../decision';
import { checkImages, imageHits } from '../images/check-image';
import { resolveLanguage } from '../i18n';
import type { MatchHit, MatchResult } from '../match/types';
import type { CheckShareResponse, FactCheckView, RequestOf } from '../messaging/protocol';
import { unreadLinks } from '../read-links';
import { countPrompt } from '../stats';
import type { BackgroundContext } from './context';
import type { CheckedPicture } from './post-pictures';

/**
 * A share waits for the text of its pictures (OCR) until this long after the request came, no
 * longer (the guard holds a post with pictures a little longer than that, lib/guard/check.ts).
 * A reading not done by then goes on, and its text is remembered for the picture's next check.
 */
export const PICTURE_TEXT_WAIT_MS = 1_000;

/** The pictures' texts read by `deadline` (performance.now()); a picture not read by then counts as none. */
export async function textsBy(pictures: readonly CheckedPicture[], deadline: number): Promise<string[]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(''), Math.max(0, deadline - performance.now()));
  });
  try {
    return await Promise.all(pictures.map((picture) => Promise.race([picture.text().catch(() => ''), late])));
  } finally {
    clearTimeout(timer);
  }
}

/** The demo page's pseudo-site (lib/sites/demo.ts). */
const DEMO_SITE_ID = 'demo';

export function factCheckView(
  hit: MatchHit,
  publishers: ReadonlyMap<string, string>,
  listHosts: ReadonlyMap<string, string> = new Map(),
): FactCheckView {
  const { item } = hit;
  const publisher = publishers.get(hit.listId);
  const listHost = listHosts.get(hit.listId);
  return {
    id: item.id,
    listId: hit.listId,
    claim: item.claim,
    rating: item.rating,
    ...(item.label === undefined ? {} : { label: item.label }),
    ...(item.url === undefined ? {} : { url: item.url }),
    ...(item.published === undefined ? {} : { published: item.published }),
    ...(publisher === undefined ? {} : { publisher }),
    ...(listHost === undefined ? {} : { listHost }),
    ...(hit.via === 'image' ? { samePicture: true as const } : {}),
    score: hit.score,
  };
}

/**
 * Classroom packs hold invented examples: they may match the demo feed, never a real site, where
 * a made-up fact-check would mislead.
 */
export function scopeToSite(
  match: MatchResult,
  site: string,
  threshold: number,
  likelyThreshold = threshold,
): MatchResult {
  if (site === DEMO_SITE_ID || !match.matches.some((hit) => hit.listId === CLASSROOM_LIST_ID)) return match;
  const matches = match.matches.filter((hit) => hit.listId !== CLASSROOM_LIST_ID);
  return { decision: tierOf(matches[0]?.score ?? 0, threshold, likelyThreshold), matches };
}

export async function checkShare(
  context: BackgroundContext,
  request: RequestOf<'check-share'>,
  { count = true, openPage = null }: { count?: boolean; openPage?: string | null } = {},
): Promise<CheckShareResponse> {
  const received = performance.now();
  const settings = await context.settings.getValue();
  const now = context.now();
  if (!isGuarded(settings, request.site, now)) return { ask: false };
  const site = context.sites.find((candidate) => candidate.id === request.site);
  // The pictures are fetched and hashed while the index loads.
  const checking =
    request.images?.length && context.pictures
      ? context.pictures.check(request.images, site?.images?.hosts ?? [])
      : Promise.resolve([]);
  const { matcher, publishers, listHosts, pictures } = await context.index.get();
  const query = {
    text: request.text,
    urls: request.urls,
    ...(request.linkTitle === undefined ? {} : { linkTitle: request.linkTitle }),
  };
  const checked = await checking;
  const hashed = checked.map((picture) => picture.hashes);
  const listed = hashed.length > 0 ? await pictures() : null;
  // The pictures' words are read with the post's, unless a picture is a listed one already, the
  // person turned reading off, or OCR is cold and the words were not read before (starting OCR
  // takes longer than a share waits: the quiet check of posts on screen reads them).
  const ocrTexts =
    listed &&
    imageHits(listed, hashed).length === 0 &&
    pictureTextOn(settings, context.onPhone ?? false) &&
    (checked.every((picture) => picture.textKnown) || (await context.pictures?.textWarm()))
      ? await textsBy(checked, received + PICTURE_TEXT_WAIT_MS)
      : [];
  const match = scopeToSite(
    listed
      ? await checkImages({ pictures: hashed, ocrTexts, query }, { pictures: listed, match: (q) => matcher.match(q) })
      : await matcher.match(query),
    request.site,
    context.matchThreshold,
    context.likelyThreshold,
  );
  const ownHosts = site?.ownHosts ?? [];
  // The post's links that lead off the site, unwrapped and normalised, in order, once each.
  const links = externalLinks(request.urls, (url) => resolveAbsolute(url, ownHosts)).map((link) => link.key);
  const decision = decide({
    strictness: settings.strictness,
    match,
    // The page a share link was opened from is open, so not unread (share links only).
    unreadLinks: (await unreadLinks(context.db, links, now)).filter((link) => link !== openPage),
    kind: request.kind,
  });
  if (!decision.ask) return { ask: false };

  // Not counted from a private window.
  if (count) await countPrompt(context.db, request.site, decision.reason, now);
  const shownThreshold = decision.reason === 'hoax-match' ? context.matchThreshold : context.likelyThreshold;
  // A post with no words of its own matched by text: the words were its pictures', and the prompt says so.
  const byPictureWords = ocrTexts.some((text) => text.trim() !== '') && request.text.trim() === '';
  const matches = factChecksShown(match.matches, shownThreshold).map((hit) => {
    const view = factCheckView(hit, publishers, listHosts);
    return byPictureWords && hit.via === 'text' ? { ...view, pictureText: true as const } : view;
  });
  return {
    ask: true,
    reason: decision.reason,
    matches,
    readUrl: links[0] ?? matches.find((view) => view.url !== undefined)?.url ?? null,
    language: resolveLanguage(settings.language, context.browserUiLanguage()),
  };
}

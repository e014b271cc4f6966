import { normalizeParsedUrl, normalizeUrl } from './url';

/**
 * A post from the page's raw reading to what the matcher is asked about: text cleaned and capped,
 * links resolved against the page, those leading back to the site itself dropped, one per
 * destination. The share check finishes posts with it on the page, the labels in the background.
 */

/** Long posts are cut here: the matcher needs the claim, not a whole thread. */
export const MAX_TEXT_CHARS = 10_000;
export const MAX_URLS = 50;
/** Pictures checked per shared post at most: more would not fit the share-time budget. */
export const MAX_POST_IMAGES = 4;
/** Posts matched per `match-posts` message (inline labels). */
export const MATCH_POSTS_BATCH = 50;
/** Pictures per `match-pictures` message: a batch is hashed within a second or so, and read pixels stay small. */
export const MATCH_PICTURES_BATCH = 8;

/** A post as the page shows it: text uncleaned, links as written. */
export interface RawPost {
  text: string;
  hrefs: string[];
  linkTitle?: string;
}

/** What the matcher is asked about: cleaned text, absolute external links. */
export interface FinishedPost {
  text: string;
  urls: string[];
  linkTitle?: string;
}

/** An external link's absolute href and its normalised destination. */
export interface ExternalLink {
  href: string;
  key: string;
}

/** Resolves one href as written to an external link, or null for the site's own and non-links. */
export type LinkResolver = (rawHref: string) => ExternalLink | null;

/** Whitespace collapsed per line, blank lines dropped. */
export function cleanText(raw: string): string {
  return raw
    .split(/\n+/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** Whether a host is one of the site's own (profiles, hashtags), not an article's. */
export function isOwnHost(host: string, ownHosts: readonly string[]): boolean {
  return ownHosts.some((own) => host === own || host.endsWith(`.${own}`));
}

/** The host of a normalizeUrl() result (`https://host[:port]/path?query`), without parsing it again. */
export function normalizedHost(key: string): string {
  return key.slice('https://'.length).split(/[:/?]/, 1)[0] ?? '';
}

/** A link as written on the page at `baseUrl`, resolved, unwrapped and normalised; null if it stays on the site. */
export function resolveHref(rawHref: string, baseUrl: string, ownHosts: readonly string[]): ExternalLink | null {
  let url: URL;
  try {
    url = new URL(rawHref, baseUrl);
  } catch {
    return null;
  }
  const key = normalizeParsedUrl(url);
  if (!key || isOwnHost(normalizedHost(key), ownHosts)) return null;
  return { href: url.href, key };
}

/** An absolute URL sent over the wire, normalised leniently; null if it stays on the site. */
export function resolveAbsolute(raw: string, ownHosts: readonly string[]): ExternalLink | null {
  const key = normalizeUrl(raw);
  return key && !isOwnHost(normalizedHost(key), ownHosts) ? { href: raw, key } : null;
}

/** External links, one per normalised destination, in order, at most MAX_URLS. */
export function externalLinks(hrefs: readonly string[], resolve: LinkResolver): ExternalLink[] {
  const seen = new Set<string>();
  const links: ExternalLink[] = [];
  for (const raw of hrefs) {
    const link = resolve(raw);
    if (!link || seen.has(link.key)) continue;
    seen.add(link.key);
    links.push(link);
    if (links.length === MAX_URLS) break;
  }
  return links;
}

/** The post the matcher is asked about: cleaned, capped text and the external links' hrefs. */
export function finishPost(raw: RawPost, resolve: LinkResolver): FinishedPost {
  const finished: FinishedPost = {
    text: cleanText(raw.text).slice(0, MAX_TEXT_CHARS),
    urls: externalLinks(raw.hrefs, resolve).map((link) => link.href),
  };
  if (raw.linkTitle) finished.linkTitle = raw.linkTitle;
  return finished;
}

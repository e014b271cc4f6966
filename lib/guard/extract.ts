import { normalizeUrl } from '../match/url';
import type { SelectorList, SiteAdapter } from '../sites/types';
import { cleanText, closestOf, queryAllAny, queryAllOf } from './dom';

/** What a share would spread, as sent to the background's check. */
export interface ShareContent {
  text: string;
  /** Absolute hrefs of external links, as found (possibly wrapped), one per destination. */
  urls: string[];
  linkTitle?: string;
}

/** Long posts are cut here: the matcher needs the claim, not a whole thread. */
export const MAX_TEXT_CHARS = 10_000;
const MAX_URLS = 50;
const MAX_TITLE_CHARS = 1_000;
/** Links typed into a composer (X turns them into cards only later). */
const TYPED_URL = /\bhttps?:\/\/[^\s<>"']+|\bwww\.[^\s<>"']+/gi;

export function findPost(adapter: SiteAdapter, from: Element): Element | null {
  return closestOf(from, adapter.post);
}

export function findComposer(adapter: SiteAdapter, from: Element): Element | null {
  return adapter.composer ? closestOf(from, adapter.composer.container) : null;
}

/**
 * The parts of a post that are not the post's own (its comments), looking only inside the post so
 * the post itself never counts as excluded. Most posts have none, and then nothing is filtered.
 */
function excludedParts(post: Element, exclude: SelectorList): Element[] {
  return exclude.length === 0 ? [] : queryAllAny(post, exclude);
}

/** Whether a node is inside one of the post's excluded parts. */
function isExcluded(node: Node, excluded: readonly Element[]): boolean {
  return excluded.some((part) => part.contains(node));
}

/** Text of the elements, skipping excluded parts inside them. */
function ownText(elements: readonly Element[], excluded: readonly Element[]): string {
  const parts: string[] = [];
  for (const element of elements) {
    // A <textarea> (X's mobile composer) holds what was typed in its value, not in text nodes.
    // getElementsByTagName: no selector to parse, which counts when a feed's posts are scanned.
    const fields = element.localName === 'textarea' ? [element] : element.getElementsByTagName('textarea');
    if (fields.length > 0) {
      parts.push(Array.from(fields, (field) => (field as HTMLTextAreaElement).value).join('\n'));
    } else if (!excluded.some((part) => element.contains(part))) {
      // All of its text nodes, as a walk over them would join them, in one native call.
      parts.push(element.textContent ?? '');
    } else {
      const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
      let chunk = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!isExcluded(node, excluded)) chunk += node.nodeValue ?? '';
      }
      parts.push(chunk);
    }
  }
  return cleanText(parts.join('\n'));
}

/** Whether a host is one of the site's own (profiles, hashtags), not an article's. */
function isOwnHost(adapter: SiteAdapter, host: string): boolean {
  return adapter.ownHosts.some((h) => host === h || host.endsWith(`.${h}`));
}

/** The last page checked by onOwnPage: a feed scan asks about the same page for every post. */
let lastOwnPage = { adapter: null as SiteAdapter | null, baseUrl: '', own: false };

/** Whether links on the page at `baseUrl` that are bare paths stay on the site. */
function onOwnPage(adapter: SiteAdapter, baseUrl: string): boolean {
  if (lastOwnPage.adapter === adapter && lastOwnPage.baseUrl === baseUrl) return lastOwnPage.own;
  let own = false;
  try {
    own = isOwnHost(adapter, new URL(baseUrl).hostname.replace(/^www\./, ''));
  } catch {
    // Not a URL: no link is known to stay on the site.
  }
  lastOwnPage = { adapter, baseUrl, own };
  return own;
}

/** The host of a normalizeUrl() result (`https://host[:port]/path?query`), without parsing it again. */
function normalizedHost(key: string): string {
  return key.slice('https://'.length).split(/[:/?]/, 1)[0] ?? '';
}

/** An external link's absolute href and its normalised destination, or null for the site's own. */
function externalLink(
  adapter: SiteAdapter,
  rawHref: string,
  baseUrl: string,
  ownPage = onOwnPage(adapter, baseUrl),
): { href: string; key: string } | null {
  // A bare path on one of the site's own pages stays on the site: most of a post's links (author,
  // post, hashtags) end here, before parsing and normalising, the costliest part of a feed scan.
  if (ownPage && rawHref.startsWith('/') && !rawHref.startsWith('//')) return null;
  let absolute: string;
  try {
    absolute = new URL(rawHref, baseUrl).href;
  } catch {
    return null;
  }
  const key = normalizeUrl(absolute);
  if (!key || isOwnHost(adapter, normalizedHost(key))) return null;
  return { href: absolute, key };
}

/** The absolute href when it leads off the site (after unwrapping redirectors), else null. */
export function externalHref(adapter: SiteAdapter, rawHref: string, baseUrl: string): string | null {
  return externalLink(adapter, rawHref, baseUrl)?.href ?? null;
}

/** External links, one per normalised destination, in document order. */
function uniqueExternal(adapter: SiteAdapter, hrefs: readonly string[], baseUrl: string): string[] {
  const ownPage = onOwnPage(adapter, baseUrl);
  const seen = new Set<string>();
  const urls: string[] = [];
  for (const raw of hrefs) {
    const link = externalLink(adapter, raw, baseUrl, ownPage);
    if (!link || seen.has(link.key)) continue;
    seen.add(link.key);
    urls.push(link.href);
    if (urls.length === MAX_URLS) break;
  }
  return urls;
}

function linkHrefs(root: Element, excluded: readonly Element[]): string[] {
  const hrefs: string[] = [];
  const links = root.getElementsByTagName('a');
  for (let i = 0; i < links.length; i++) {
    const href = links[i]!.getAttribute('href');
    if (href !== null && (excluded.length === 0 || !isExcluded(links[i]!, excluded))) hrefs.push(href);
  }
  return hrefs;
}

function titleOf(element: Element | undefined): string | undefined {
  if (!element) return undefined;
  // A link's accessible name is its headline when the card shows only an image.
  const title = element.getAttribute('aria-label')?.trim() || cleanText(element.textContent ?? '');
  return title ? title.slice(0, MAX_TITLE_CHARS) : undefined;
}

function withTitle(content: Omit<ShareContent, 'linkTitle'>, title: string | undefined): ShareContent {
  return title ? { ...content, linkTitle: title } : content;
}

/** The post's own text, external links and link-card title; comments left out. */
export function extractPost(adapter: SiteAdapter, post: Element): ShareContent {
  const excluded = excludedParts(post, adapter.exclude ?? []);
  const mine = (elements: Element[]) =>
    excluded.length === 0 ? elements : elements.filter((el) => !isExcluded(el, excluded));
  const text = ownText(mine(queryAllOf(post, adapter.postText)), excluded).slice(0, MAX_TEXT_CHARS);
  const urls = uniqueExternal(adapter, linkHrefs(post, excluded), post.ownerDocument.baseURI);
  const title = titleOf(mine(queryAllOf(post, adapter.linkTitle ?? []))[0]);
  return withTitle({ text, urls }, title);
}

/** What the person is about to post from a composer: its text, typed links and link cards. */
export function extractComposer(adapter: SiteAdapter, composer: Element): ShareContent {
  const editors = adapter.composer ? queryAllOf(composer, adapter.composer.text) : [];
  const text = ownText(editors, []).slice(0, MAX_TEXT_CHARS);
  const typed = text.match(TYPED_URL) ?? [];
  const urls = uniqueExternal(
    adapter,
    [...typed.map((u) => (/^https?:/i.test(u) ? u : `https://${u}`)), ...linkHrefs(composer, [])],
    composer.ownerDocument.baseURI,
  );
  const title = titleOf(queryAllOf(composer, adapter.linkTitle ?? [])[0]);
  return withTitle({ text, urls }, title);
}

export function hasContent(content: ShareContent): boolean {
  return content.text !== '' || content.urls.length > 0 || content.linkTitle !== undefined;
}

import {
  cleanText,
  externalLinks as finishedLinks,
  finishPost,
  isOwnHost,
  MAX_TEXT_CHARS,
  resolveHref,
  type ExternalLink,
  type LinkResolver,
  type RawPost as PagePost,
} from '../core/post';
import type { ImageRef } from '../messaging/protocol';
import type { DetailSelectors, LabelTable, SelectorList, SiteAdapter } from '../sites/types';
import { closestOf, queryAllAny, queryAllOf } from './dom';
import { postImages } from './post-images';

/** What a share would spread; `details` and `forwardedMany` stay on the page (see shareCheckRequest). */
export interface ShareContent {
  text: string;
  /** Absolute hrefs of external links, as found (possibly wrapped), one per destination. */
  urls: string[];
  linkTitle?: string;
  /** The post's pictures (see post-images.ts): a post may be a picture and nothing else. */
  images?: ImageRef[];
  /** Shown in the prompt only; it stays on the page. */
  details?: PostDetails;
  /** The site marks it as passed on many times (guard-side only: the prompt words it more strongly). */
  forwardedMany?: true;
}

/** A post's title, who started it and when, as the page shows them (see DetailSelectors). */
export type PostDetails = { [K in keyof DetailSelectors]?: string };

const MAX_TITLE_CHARS = 1_000;
/** A starter's name or a date is short; more is the wrong element. */
const MAX_DETAIL_CHARS = 300;
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

/**
 * Text of the elements as the page has it (not cleaned), skipping excluded parts inside them.
 * `typed`: a composer's, where a <textarea> (X's mobile composer) holds what was typed in its
 * value, not in text nodes; a post's text has none, and looking costs a feed scan.
 */
function rawText(elements: readonly Element[], excluded: readonly Element[], typed = false): string {
  const parts: string[] = [];
  for (const element of elements) {
    const fields = !typed
      ? []
      : element.localName === 'textarea'
        ? [element]
        : element.getElementsByTagName('textarea');
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
  return parts.join('\n');
}

/** Links kept per page: a feed repeats them (a shared article, the same post again), and parsing is the cost. */
const MAX_CACHED_LINKS = 2_000;

/**
 * The page links are read on: whether its bare paths stay on the site, and the links already
 * resolved there (a feed scan asks about the same page for every post).
 */
interface LinkPage {
  adapter: SiteAdapter | null;
  baseUrl: string;
  own: boolean;
  links: Map<string, ExternalLink | null>;
}

let lastPage: LinkPage = { adapter: null, baseUrl: '', own: false, links: new Map() };

function linkPage(adapter: SiteAdapter, baseUrl: string): LinkPage {
  if (lastPage.adapter === adapter && lastPage.baseUrl === baseUrl) return lastPage;
  let own = false;
  try {
    own = isOwnHost(new URL(baseUrl).hostname.replace(/^www\./, ''), adapter.ownHosts);
  } catch {
    // Not a URL: no link is known to stay on the site.
  }
  lastPage = { adapter, baseUrl, own, links: new Map() };
  return lastPage;
}

/** A bare path on one of the site's own pages: a link that stays on the site, known without parsing it. */
function isOwnPath(page: LinkPage, rawHref: string): boolean {
  return page.own && rawHref.startsWith('/') && !rawHref.startsWith('//');
}

/** The page's link resolver: bare paths on the site's own pages skipped, resolved links remembered. */
function cachedResolver(adapter: SiteAdapter, baseUrl: string): LinkResolver {
  const page = linkPage(adapter, baseUrl);
  return (rawHref) => {
    // Most of a post's links (author, post, hashtags) end here, before parsing and normalising, the
    // costliest part of a feed scan.
    if (isOwnPath(page, rawHref)) return null;
    const known = page.links.get(rawHref);
    if (known !== undefined) return known;
    const link = resolveHref(rawHref, baseUrl, adapter.ownHosts);
    if (page.links.size >= MAX_CACHED_LINKS) page.links.clear();
    page.links.set(rawHref, link);
    return link;
  };
}

/** The absolute href when it leads off the site (after unwrapping redirectors), else null. */
export function externalHref(adapter: SiteAdapter, rawHref: string, baseUrl: string): string | null {
  return cachedResolver(adapter, baseUrl)(rawHref)?.href ?? null;
}

/** External links (absolute), one per normalised destination, in document order, of hrefs as found on `baseUrl`. */
function externalLinks(adapter: SiteAdapter, hrefs: readonly string[], baseUrl: string): string[] {
  return finishedLinks(hrefs, cachedResolver(adapter, baseUrl)).map((link) => link.href);
}

/** Links whose href is not a bare path: on the site's own pages those stay on the site. */
const OFF_PATH_LINKS = 'a[href]:not([href^="/"]), a[href^="//"]';

/**
 * The hrefs of the links under root, as written, in document order; on the site's own pages
 * (`ownPaths`) without bare paths, which native code leaves out (a post on X has many: author,
 * post, hashtags, and one or two links out).
 */
function linkHrefs(root: Element, excluded: readonly Element[], ownPaths: boolean): string[] {
  const hrefs: string[] = [];
  const anchors = ownPaths ? root.querySelectorAll(OFF_PATH_LINKS) : root.getElementsByTagName('a');
  for (let i = 0; i < anchors.length; i++) {
    const link = anchors[i] as Element;
    const href = link.getAttribute('href');
    if (href !== null && (excluded.length === 0 || !isExcluded(link, excluded))) hrefs.push(href);
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

function detailText(element: Element | undefined, useDatetime: boolean): string | undefined {
  if (!element) return undefined;
  const datetime = useDatetime ? element.getAttribute('datetime')?.trim() : undefined;
  const value = datetime || cleanText(element.textContent ?? '').replace(/\n/g, ' ');
  return value ? value.slice(0, MAX_DETAIL_CHARS) : undefined;
}

/** The post's title, starter and date where the adapter says they are; only the parts found. */
export function extractDetails(adapter: SiteAdapter, post: Element): PostDetails | undefined {
  if (!adapter.details) return undefined;
  const details: PostDetails = {};
  for (const part of ['title', 'starter', 'created'] as const) {
    const value = detailText(queryAllOf(post, adapter.details[part] ?? [])[0], part === 'created');
    if (value) details[part] = value;
  }
  return Object.keys(details).length > 0 ? details : undefined;
}

/** A mark's label is short ("Forwarded many times"); longer text is a message, not the mark. */
const MAX_MARK_LABEL_CHARS = 60;

/** Whether the post's own part carries the mark: its icon, else an element reading exactly a label. */
function carriesMark(
  post: Element,
  mark: { selectors: SelectorList; labels: LabelTable },
  excluded: readonly Element[],
): boolean {
  if (queryAllOf(post, mark.selectors).some((el) => !isExcluded(el, excluded))) return true;
  const labels = new Set([...mark.labels.id, ...mark.labels.en].map((label) => label.toLowerCase()));
  for (const el of post.getElementsByTagName('*')) {
    if (el.childElementCount > 0) continue;
    const text = el.textContent ?? '';
    if (text.length > MAX_MARK_LABEL_CHARS || !labels.has(cleanText(text).toLowerCase())) continue;
    if (!isExcluded(el, excluded)) return true;
  }
  return false;
}

/**
 * A post as the page shows it: its own text uncleaned, its links as written (bare paths on the
 * site's own pages left out: author, post, hashtags), its link card's title; comments left out.
 * Only what needs the DOM: inline labels send this and the background finishes it (extractPost's
 * cleaning and link resolution), off the page's main thread.
 */
export interface RawPost extends PagePost {
  forwardedMany?: true;
}

export function readPost(adapter: SiteAdapter, post: Element): RawPost {
  const excluded = excludedParts(post, adapter.exclude ?? []);
  const mine = (elements: Element[]) =>
    excluded.length === 0 ? elements : elements.filter((el) => !isExcluded(el, excluded));
  const text = rawText(mine(queryAllOf(post, adapter.postText)), excluded);
  const page = linkPage(adapter, post.ownerDocument.baseURI);
  const hrefs = linkHrefs(post, excluded, page.own);
  // A link card is a link: a post linking only to bare paths on the site (most posts on X) has
  // none, and card selectors cost the most when they find nothing. A card leading to the site's
  // own absolute URL (a t.me preview) is still looked for.
  const title = hrefs.length > 0 ? titleOf(mine(queryAllOf(post, adapter.linkTitle ?? []))[0]) : undefined;
  const raw: RawPost = title ? { text, hrefs, linkTitle: title } : { text, hrefs };
  if (adapter.forwardedMany && carriesMark(post, adapter.forwardedMany, excluded)) raw.forwardedMany = true;
  return raw;
}

/** The post's own text, external links, link-card title and pictures; comments left out. */
export function extractPost(adapter: SiteAdapter, post: Element): ShareContent {
  const { forwardedMany, ...raw } = readPost(adapter, post);
  const content: ShareContent = finishPost(raw, cachedResolver(adapter, post.ownerDocument.baseURI));
  const images = postImages(adapter, post);
  if (images.length > 0) content.images = images;
  if (forwardedMany) content.forwardedMany = true;
  return content;
}

/** What the person is about to post from a composer: its text, typed links and link cards. */
export function extractComposer(adapter: SiteAdapter, composer: Element): ShareContent {
  const editors = adapter.composer ? queryAllOf(composer, adapter.composer.text) : [];
  const text = cleanText(rawText(editors, [], true)).slice(0, MAX_TEXT_CHARS);
  const urls = externalLinks(
    adapter,
    [...typedLinks(text), ...linkHrefs(composer, [], false)],
    composer.ownerDocument.baseURI,
  );
  const title = titleOf(queryAllOf(composer, adapter.linkTitle ?? [])[0]);
  return withTitle({ text, urls }, title);
}

/** Links typed into a text, as absolute URLs. */
function typedLinks(text: string): string[] {
  return (text.match(TYPED_URL) ?? []).map((u) => (/^https?:/i.test(u) ? u : `https://${u}`));
}

/** What a page hands to the Web Share API (navigator.share): its title and text, and its link. */
export function extractShareData(
  adapter: SiteAdapter,
  data: { title?: string; text?: string; url?: string },
  baseUrl: string,
): ShareContent {
  const text = cleanText([data.title, data.text].filter(Boolean).join('\n')).slice(0, MAX_TEXT_CHARS);
  const urls = externalLinks(adapter, [...(data.url ? [data.url] : []), ...typedLinks(text)], baseUrl);
  return { text, urls };
}

export function hasContent(content: ShareContent): boolean {
  return (
    content.text !== '' ||
    content.urls.length > 0 ||
    content.linkTitle !== undefined ||
    (content.images?.length ?? 0) > 0
  );
}

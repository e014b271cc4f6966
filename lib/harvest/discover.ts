import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Where articles are listed: RSS 2.0 / RSS 1.0 / Atom feeds, sitemaps and sitemap indexes (also
 * Google News sitemaps), and WordPress's REST API. Each gives article links and, where it has
 * one, the date the article last changed: the harvester fetches only new or re-dated articles.
 */

export interface ListedLink {
  /** As written in the document (resolved and checked by the harvester). */
  url: string;
  /** When the article (or sitemap) last changed, as the document says it; absent when it does not. */
  date?: string;
}

export type ListingDocument =
  | { kind: 'feed'; links: ListedLink[]; truncated: boolean }
  | { kind: 'urlset'; links: ListedLink[]; truncated: boolean }
  | { kind: 'sitemapindex'; links: ListedLink[]; truncated: boolean };

export class ListingError extends Error {
  override name = 'ListingError';
}

/** The sitemap protocol's own cap, and a sane one for feeds. */
export const MAX_LINKS_PER_DOCUMENT = 50_000;

const LISTS = new Set(['item', 'entry', 'url', 'sitemap', 'link']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: false,
  // The five XML entities and character references are decoded; DOCTYPE entities only within bounds
  // (a "billion laughs" sitemap is refused, not expanded).
  processEntities: { enabled: true, maxEntityCount: 100, maxTotalExpansions: 10_000, maxExpandedLength: 100_000 },
  isArray: (name) => LISTS.has(name),
});

type Node = Record<string, unknown>;

const asNode = (value: unknown): Node | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : undefined;
const asArray = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];

/** An element's text: a string, or the text of an element that also has attributes. */
function textOf(value: unknown): string {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return first.trim();
  const node = asNode(first);
  return node && typeof node['#text'] === 'string' ? node['#text'].trim() : '';
}

function firstDate(...values: unknown[]): string | undefined {
  for (const value of values) {
    const text = textOf(value);
    if (text) return text.slice(0, 64);
  }
  return undefined;
}

function collect(nodes: unknown[], link: (node: Node) => ListedLink | undefined) {
  const links: ListedLink[] = [];
  for (const value of nodes) {
    if (links.length === MAX_LINKS_PER_DOCUMENT) return { links, truncated: true };
    const node = asNode(value);
    const found = node && link(node);
    if (found?.url) links.push(found);
  }
  return { links, truncated: false };
}

/** RSS 2.0 `<item>`: `<link>`, else a permalink `<guid>`. */
function rssItem(item: Node): ListedLink | undefined {
  let url = textOf(item.link);
  if (!url) {
    const guid = item.guid;
    const isPermaLink = asNode(Array.isArray(guid) ? guid[0] : guid)?.['@_isPermaLink'];
    if (isPermaLink !== 'false') url = textOf(guid);
  }
  const date = firstDate(item.updated, item.modified, item.pubDate, item.date);
  return { url, ...(date ? { date } : {}) };
}

/** Atom `<entry>`: the `rel="alternate"` link (or the one without rel). */
function atomEntry(entry: Node): ListedLink | undefined {
  const links = asArray(entry.link)
    .map(asNode)
    .filter((node): node is Node => Boolean(node));
  const alternate = links.find(
    (node) => (node['@_rel'] ?? 'alternate') === 'alternate' && typeof node['@_href'] === 'string',
  );
  const url = typeof alternate?.['@_href'] === 'string' ? alternate['@_href'].trim() : '';
  const date = firstDate(entry.updated, entry.published);
  return { url, ...(date ? { date } : {}) };
}

function sitemapEntry(node: Node): ListedLink | undefined {
  const news = asNode(asArray(node.news)[0]);
  const date = firstDate(node.lastmod, news?.publication_date);
  return { url: textOf(node.loc), ...(date ? { date } : {}) };
}

/**
 * The article (or sitemap) links of a feed or sitemap; a ListingError says why a document is not
 * one (not well-formed XML, an HTML page, another kind of XML).
 */
export function parseListing(text: string): ListingDocument {
  const body = text.replace(/^\uFEFF/, '');
  if (!/^\s*</.test(body)) throw new ListingError('not XML (a feed or sitemap is XML)');
  const valid = XMLValidator.validate(body);
  if (valid !== true) throw new ListingError(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  let root: Node;
  try {
    root = parser.parse(body) as Node;
  } catch (error) {
    throw new ListingError(`XML refused: ${error instanceof Error ? error.message : String(error)}`);
  }
  const rss = asNode(root.rss);
  if (rss) return { kind: 'feed', ...collect(asArray(asNode(asArray(rss.channel)[0])?.item), rssItem) };
  const rdf = asNode(root.RDF);
  if (rdf) return { kind: 'feed', ...collect(asArray(rdf.item), rssItem) };
  const feed = asNode(root.feed);
  if (feed) return { kind: 'feed', ...collect(asArray(feed.entry), atomEntry) };
  const urlset = asNode(root.urlset);
  if (urlset) return { kind: 'urlset', ...collect(asArray(urlset.url), sitemapEntry) };
  const index = asNode(root.sitemapindex);
  if (index) return { kind: 'sitemapindex', ...collect(asArray(index.sitemap), sitemapEntry) };
  if (root.html || root.HTML) throw new ListingError('an HTML page, not a feed or sitemap');
  const name = Object.keys(root).find((key) => !key.startsWith('?'));
  throw new ListingError(`XML, but not a feed or sitemap (its root is <${name ?? '?'}>)`);
}

/** One page of `/wp-json/wp/v2/posts`: each post's `link` and `modified_gmt` (else `modified`). */
export function parseWordPressPosts(text: string): ListedLink[] {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ListingError(`not JSON: ${error instanceof Error ? error.message.slice(0, 120) : String(error)}`);
  }
  if (!Array.isArray(json)) {
    const code = asNode(json)?.code;
    throw new ListingError(
      `not a list of WordPress posts${typeof code === 'string' ? ` (the API says "${code.slice(0, 60)}")` : ''}`,
    );
  }
  return collect(json, (post) => {
    const url = typeof post.link === 'string' ? post.link.trim() : '';
    const date = firstDate(post.modified_gmt, post.modified, post.date_gmt);
    return { url, ...(date ? { date } : {}) };
  }).links;
}

/** The WordPress posts endpoint for a source URL: the site, or the endpoint itself (query kept). */
export function wordPressPostsUrl(sourceUrl: string, page: number, perPage = 100): string {
  const url = new URL(sourceUrl);
  if (!/\/wp-json\//.test(url.pathname)) url.pathname = `${url.pathname.replace(/\/+$/, '')}/wp-json/wp/v2/posts`;
  url.searchParams.set('per_page', String(perPage));
  url.searchParams.set('page', String(page));
  // Newest changes first: a run stops paging once a whole page holds nothing new.
  url.searchParams.set('orderby', 'modified');
  url.searchParams.set('order', 'desc');
  url.searchParams.set('_fields', 'link,modified_gmt,date_gmt');
  return url.href;
}

/** Milliseconds since 1970 for a listed date, or NaN (sorting puts undated links last). */
export function dateValue(date: string | undefined): number {
  if (!date) return Number.NaN;
  // WordPress's *_gmt fields carry no zone: they are UTC.
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(date) ? `${date}Z` : date;
  return Date.parse(iso);
}

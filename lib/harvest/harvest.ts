import { parseFactCheckDate } from '../lists/dates';
import type { ListItem } from '../lists/schema';
import { checkItems } from '../lists/validate';
import {
  dateValue,
  ListingError,
  parseListing,
  parseWordPressPosts,
  wordPressPostsUrl,
  type ListedLink,
} from './discover';
import type { Fetched, PoliteFetcher } from './fetcher';
import { pageItems, readPage } from './page';
import { linkRefusal, type Source, type SourcesFile } from './sources';
import { storedValidators, type ArticleState, type HarvestState } from './state';

/**
 * One harvest run: read every source's listing (conditionally), fetch the articles that are new,
 * re-dated or due a check, turn their pages into items, and assemble the whole item set — the
 * fresh items of the articles read now, the previous items of every other article. An article
 * that fails keeps its previous items; only a 404 or 410 removes them.
 */

export interface HarvestLimits {
  /** Bytes of one article page. */
  pageBytes: number;
  /** Bytes of one feed, sitemap or WordPress API page (decompressed). */
  listingBytes: number;
  /** Articles fetched per run; the rest wait in the state for the next run. */
  maxFetches: number;
  /** Sitemap documents read per source per run. */
  maxSitemaps: number;
  /** Sitemap indexes within sitemap indexes. */
  maxSitemapDepth: number;
  /** WordPress API pages read per source per run. */
  maxWordPressPages: number;
}

export const DEFAULT_LIMITS: HarvestLimits = {
  pageBytes: 5_000_000,
  listingBytes: 20_000_000,
  maxFetches: 1_000,
  maxSitemaps: 100,
  maxSitemapDepth: 3,
  maxWordPressPages: 50,
};

export interface HarvestInput {
  sources: SourcesFile;
  /** Changed in place: the caller writes it once the run's list is published. */
  state: HarvestState;
  /** The published list's items, by id: what articles not read this run still give. */
  previousItems: ReadonlyMap<string, ListItem>;
  fetcher: PoliteFetcher;
  limits?: Partial<HarvestLimits>;
}

/** A link, article or part of a page left out, and why. */
export interface Skipped {
  url: string;
  reason: string;
  /** Previous items kept because the article could not be read this time. */
  kept?: number;
}

export interface SourceReport {
  source: Source;
  /** `read`: listed articles; `unchanged`: 304; `failed`: not read (the reason says why). */
  status: 'read' | 'unchanged' | 'failed';
  documents: number;
  links: number;
  notes: string[];
}

export interface HarvestRun {
  items: ListItem[];
  sources: SourceReport[];
  /** Articles read (200), answered "not modified" (304), and not fact-checks. */
  fetched: number;
  notModified: number;
  notFactChecks: Skipped[];
  /** Articles and links left out, and why; failed re-reads say how many items were kept. */
  skipped: Skipped[];
  /** Parts of pages left out while the page still gave items (a broken block, an unknown verdict). */
  pageProblems: Skipped[];
  gone: string[];
  leftForNextRun: number;
  /** Items older than `since`, and beyond `maxItems`. */
  tooOld: number;
  trimmed: number;
  duplicates: string[];
}

interface Candidate {
  source: string;
  date?: string;
  sitemap?: string;
  /**
   * Listed in a feed (a window of recent articles whose dates are publication dates), or in the
   * API without a date: read again, conditionally, whenever its listing changed.
   */
  recent?: boolean;
  /** Was in a re-read sitemap before and is not now: check whether it is gone. */
  vanished?: boolean;
}

const HTML_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1';
const LISTING_ACCEPT = 'application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1';

function decode(bytes: Uint8Array, contentType: string): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType)?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder().decode(bytes);
  }
}

/** A listed link as an absolute URL without its fragment, or undefined when it is not a URL. */
function articleUrl(link: string, base: string): string | undefined {
  try {
    const url = new URL(link, base);
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

const newestFirst = (a: [string, Candidate], b: [string, Candidate]) => {
  const [da, db] = [dateValue(a[1].date), dateValue(b[1].date)];
  if (Number.isNaN(da) !== Number.isNaN(db)) return Number.isNaN(da) ? 1 : -1;
  if (da !== db && !Number.isNaN(da)) return db - da;
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
};

export async function harvest(input: HarvestInput): Promise<HarvestRun> {
  const { sources, state, previousItems, fetcher } = input;
  const limits = { ...DEFAULT_LIMITS, ...input.limits };
  const since = sources.since ? Date.parse(`${sources.since}T00:00:00Z`) : undefined;
  const languages = sources.list.languages ?? [];
  const run: HarvestRun = {
    items: [],
    sources: [],
    fetched: 0,
    notModified: 0,
    notFactChecks: [],
    skipped: [],
    pageProblems: [],
    gone: [],
    leftForNextRun: 0,
    tooOld: 0,
    trimmed: 0,
    duplicates: [],
  };
  const fresh = new Map<string, ListItem[]>();
  let budget = limits.maxFetches;

  // One report per source, in SOURCES.json's order whatever order the hosts finish in.
  const reports = new Map(
    sources.sources.map((source) => {
      const report: SourceReport = { source, status: 'read', documents: 0, links: 0, notes: [] };
      return [source, report] as const;
    }),
  );
  run.sources.push(...reports.values());
  const hosts = new Map<string, Source[]>();
  for (const source of sources.sources) {
    const host = new URL(source.url).host;
    hosts.set(host, [...(hosts.get(host) ?? []), source]);
  }
  // Articles of hosts no source names any more go, with their items.
  for (const url of Object.keys(state.articles)) if (!hosts.has(new URL(url).host)) delete state.articles[url];
  for (const url of Object.keys(state.pending)) if (!hosts.has(new URL(url).host)) delete state.pending[url];

  async function harvestHost(host: string, hostSources: Source[]): Promise<void> {
    const listed = new Map<string, Candidate>();

    /** Lists an article link for reading (when it may be read at all); its URL as the state keys it. */
    function list(
      link: ListedLink,
      base: string,
      report: SourceReport,
      candidate: Omit<Candidate, 'date'>,
    ): string | undefined {
      const url = articleUrl(link.url, base);
      if (!url) {
        run.skipped.push({ url: link.url.slice(0, 200), reason: `listed in ${base}: not a URL` });
        return undefined;
      }
      const refusal = linkRefusal(new URL(url), host);
      if (refusal) {
        run.skipped.push({ url: link.url.slice(0, 200), reason: `listed in ${base}: ${refusal}` });
        return undefined;
      }
      if (since !== undefined && dateValue(link.date) < since) {
        run.tooOld++;
        return undefined;
      }
      report.links++;
      if (!listed.has(url)) listed.set(url, { ...candidate, ...(link.date ? { date: link.date } : {}) });
      return url;
    }

    async function getListing(url: string, report: SourceReport, conditional = true): Promise<Fetched> {
      report.documents++;
      const stored = state.documents[url];
      return fetcher.get(url, {
        host,
        maxBytes: limits.listingBytes,
        accept: LISTING_ACCEPT,
        gunzip: true,
        ...(conditional && stored ? { validators: stored } : {}),
      });
    }

    function remember(url: string, fetched: Fetched & { status: 'ok' }, date?: string): void {
      state.documents[url] = { ...storedValidators(fetched.validators), ...(date ? { date } : {}) };
    }

    async function readXml(
      source: Source,
      report: SourceReport,
      url: string,
      depth: number,
      visited: Set<string>,
      date?: string,
    ): Promise<void> {
      if (visited.has(url)) {
        report.notes.push(`${url}: listed twice (a loop of sitemaps): read once`);
        return;
      }
      if (visited.size >= limits.maxSitemaps) {
        report.notes.push(`${url}: over ${limits.maxSitemaps} documents for this source: left for a later run`);
        return;
      }
      visited.add(url);
      const fetched = await getListing(url, report);
      if (fetched.status === 'not-modified') {
        if (date) state.documents[url] = { ...state.documents[url], date };
        if (depth === 0) report.status = 'unchanged';
        return;
      }
      if (fetched.status !== 'ok') {
        const reason = fetched.status === 'gone' ? `HTTP ${fetched.httpStatus}` : fetched.reason;
        report.notes.push(`${url}: ${reason}`);
        if (depth === 0) report.status = 'failed';
        return;
      }
      let document;
      try {
        document = parseListing(decode(fetched.bytes, fetched.contentType));
      } catch (error) {
        report.notes.push(`${url}: ${error instanceof ListingError ? error.message : String(error)}`);
        if (depth === 0) report.status = 'failed';
        return;
      }
      if (document.truncated) report.notes.push(`${url}: more than ${document.links.length} links: the rest left out`);
      if (document.kind === 'sitemapindex') {
        if (depth >= limits.maxSitemapDepth) {
          report.notes.push(`${url}: a sitemap index nested ${depth} deep: not read further`);
          return;
        }
        for (const child of [...document.links].sort((a, b) => (dateValue(b.date) || 0) - (dateValue(a.date) || 0))) {
          let childUrl: URL;
          try {
            childUrl = new URL(child.url, url);
          } catch {
            report.notes.push(`${url}: lists ${JSON.stringify(child.url.slice(0, 80))}: not a URL`);
            continue;
          }
          const refusal = linkRefusal(childUrl, host);
          if (refusal) {
            report.notes.push(`${url}: lists ${childUrl.href.slice(0, 120)}: ${refusal}`);
            continue;
          }
          if (since !== undefined && dateValue(child.date) < since) continue;
          // A sitemap the index dates as before was read then: its articles are known.
          if (child.date && state.documents[childUrl.href]?.date === child.date) continue;
          await readXml(source, report, childUrl.href, depth + 1, visited, child.date);
        }
      } else {
        const sitemap = document.kind === 'urlset' ? url : undefined;
        const before = listed.size;
        for (const link of document.links)
          list(link, url, report, { source: source.url, ...(sitemap ? { sitemap } : { recent: true }) });
        if (sitemap) {
          const present = new Set(document.links.map((link) => articleUrl(link.url, url)));
          for (const [articleUrl, article] of Object.entries(state.articles)) {
            if (article.sitemap === sitemap && !article.gone && !present.has(articleUrl) && !listed.has(articleUrl)) {
              listed.set(articleUrl, {
                source: source.url,
                sitemap,
                vanished: true,
                ...(article.date ? { date: article.date } : {}),
              });
            }
          }
        }
        if (listed.size === before && document.links.length === 0) report.notes.push(`${url}: lists no articles`);
      }
      remember(url, fetched, date);
    }

    async function readWordPress(source: Source, report: SourceReport): Promise<void> {
      for (let page = 1; page <= limits.maxWordPressPages; page++) {
        const url = wordPressPostsUrl(source.url, page);
        // Page 1 holds the newest changes: when it has not changed, nothing has.
        const fetched = await getListing(url, report, page === 1);
        if (fetched.status === 'not-modified') {
          report.status = 'unchanged';
          return;
        }
        if (fetched.status !== 'ok') {
          // Past the last page WordPress answers 400; anything else is a failure.
          if (page > 1 && fetched.status === 'refused' && fetched.reason === 'HTTP 400') return;
          report.notes.push(`${url}: ${fetched.status === 'gone' ? `HTTP ${fetched.httpStatus}` : fetched.reason}`);
          if (page === 1) report.status = 'failed';
          return;
        }
        let links: ListedLink[];
        try {
          links = parseWordPressPosts(decode(fetched.bytes, fetched.contentType));
        } catch (error) {
          report.notes.push(`${url}: ${error instanceof ListingError ? error.message : String(error)}`);
          if (page === 1) report.status = 'failed';
          return;
        }
        if (page === 1) remember(url, fetched);
        let unchanged = true;
        for (const link of links) {
          // WordPress's modification dates are exact: a post is read again when its date moves.
          const listedUrl = list(link, url, report, { source: source.url, recent: !link.date });
          const known = listedUrl ? state.articles[listedUrl] : undefined;
          if (!known || known.date !== link.date) unchanged = false;
        }
        const totalPages = Number(fetched.headers.get('x-wp-totalpages') ?? NaN);
        // Ordered by last change: once a whole page is known and unchanged, so are the older ones.
        if (links.length === 0 || unchanged || (Number.isFinite(totalPages) && page >= totalPages)) return;
        if (page === limits.maxWordPressPages)
          report.notes.push(`more than ${page} pages of posts: the rest in a later run`);
      }
    }

    for (const source of hostSources) {
      const report = reports.get(source)!;
      if (source.type === 'wordpress') await readWordPress(source, report);
      else await readXml(source, report, source.url, 0, new Set());
    }

    // What to read: new articles, re-dated ones, recent undated ones, vanished ones, and last run's leftovers.
    const due: Array<[string, Candidate]> = [];
    for (const [url, candidate] of listed) {
      const known = state.articles[url];
      const redated = candidate.date !== undefined && candidate.date !== known?.date;
      if (!known || candidate.vanished || redated || (candidate.recent && !known.gone)) due.push([url, candidate]);
    }
    for (const [url, pending] of Object.entries(state.pending)) {
      if (new URL(url).host === host && !listed.has(url)) due.push([url, { ...pending, recent: true }]);
    }
    due.sort(newestFirst);

    for (const [url, candidate] of due) {
      if (budget <= 0) {
        state.pending[url] = {
          source: candidate.source,
          ...(candidate.date ? { date: candidate.date } : {}),
          ...(candidate.sitemap ? { sitemap: candidate.sitemap } : {}),
        };
        run.leftForNextRun++;
        continue;
      }
      budget--;
      await readArticle(url, candidate, host);
    }
  }

  async function readArticle(url: string, candidate: Candidate, host: string): Promise<void> {
    const known: ArticleState | undefined = state.articles[url];
    const keep = (reason: string) => {
      run.skipped.push({ url, reason, ...(known?.items.length ? { kept: known.items.length } : {}) });
    };
    const settled = (article: ArticleState) => {
      state.articles[url] = article;
      delete state.pending[url];
    };
    const listing = {
      ...(candidate.date ? { date: candidate.date } : {}),
      ...((candidate.sitemap ?? known?.sitemap) ? { sitemap: candidate.sitemap ?? known?.sitemap } : {}),
    };
    const fetched = await fetcher.get(url, {
      host,
      maxBytes: limits.pageBytes,
      accept: HTML_ACCEPT,
      ...(known && !known.gone ? { validators: known } : {}),
    });
    switch (fetched.status) {
      case 'not-modified':
        run.notModified++;
        settled({ ...known!, ...listing });
        return;
      case 'gone':
        if (known?.items.length && !known.gone) run.gone.push(url);
        settled({ items: [], gone: true, ...listing });
        return;
      case 'refused':
        keep(fetched.reason);
        delete state.pending[url];
        return;
      case 'failed':
        keep(`${fetched.reason} (tried again next run)`);
        state.pending[url] = { source: candidate.source, ...listing };
        return;
      case 'ok':
        break;
    }
    run.fetched++;
    if (!/html|xml/i.test(fetched.contentType) && fetched.contentType) {
      keep(`not a web page (${fetched.contentType.slice(0, 60)})`);
      delete state.pending[url];
      return;
    }
    let found;
    try {
      found = pageItems(readPage(decode(fetched.bytes, fetched.contentType)), fetched.url, languages);
    } catch (error) {
      keep(`the page could not be read (${error instanceof Error ? error.message : String(error)})`);
      delete state.pending[url];
      return;
    }
    const { items, problems } = checkItems(found.items, (index) => `claim ${index + 1}`, ': ');
    const notes = [...found.problems, ...problems.map(({ where, what }) => `${where}: ${what}`)];
    if (items.length === 0) {
      if (known?.items.length && !known.gone) {
        // A page that gave items and now gives none is more likely broken than retracted.
        keep(`no fact-check found on the page any more (${notes.join('; ')}); read again next run`);
        state.pending[url] = { source: candidate.source, ...listing };
        return;
      }
      run.notFactChecks.push({ url, reason: notes.join('; ') });
      settled({ items: [], ...storedValidators(fetched.validators), ...listing });
      return;
    }
    for (const note of notes) run.pageProblems.push({ url, reason: note });
    fresh.set(url, items);
    settled({ items: items.map((item) => item.id), ...storedValidators(fetched.validators), ...listing });
  }

  await Promise.all([...hosts].map(([host, hostSources]) => harvestHost(host, hostSources)));

  // The whole item set: fresh items of articles read now, previous items of the others.
  const all = new Map<string, ListItem>();
  for (const url of Object.keys(state.articles).sort()) {
    const article = state.articles[url]!;
    if (article.gone) continue;
    const items = fresh.get(url) ?? article.items.flatMap((id) => previousItems.get(id) ?? []);
    for (const item of items) {
      if (all.has(item.id)) run.duplicates.push(`${item.id} (${url})`);
      else all.set(item.id, item);
    }
  }
  let items = [...all.values()];
  if (since !== undefined) {
    const kept = items.filter((item) => !item.published || Date.parse(item.published) >= since);
    run.tooOld += items.length - kept.length;
    items = kept;
  }
  // Newest first, then by id: the same items always in the same order.
  const dates = new Map(items.map((item) => [item, parseFactCheckDate(item.published) ?? '']));
  items.sort((a, b) => {
    const [pa, pb] = [dates.get(a)!, dates.get(b)!];
    if (pa !== pb) return pa < pb ? 1 : -1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  const maxItems = sources.maxItems;
  if (maxItems !== undefined && items.length > maxItems) {
    run.trimmed = items.length - maxItems;
    items = items.slice(0, maxItems);
  }
  run.items = items;
  return run;
}

import { Parser } from 'htmlparser2';
import { findClaimReviews, importClaimReview } from '../lists/import-claimreview';
import { withoutEmpty } from '../lists/imported';
import { parseFactCheckDate } from '../lists/dates';
import { deriveItemId } from '../lists/item-id';
import { parseJsonText } from '../lists/json-text';
import { LIMITS } from '../lists/schema';
import { cutOnWord, fitText } from '../lists/text';
import { ListFormatError } from '../lists/validate';
import { ratingFromVerdict } from '../lists/verdicts';
import { isLocalHost } from './sources';

/**
 * A fact-check article's page to list items: its schema.org ClaimReview JSON-LD when it has some
 * (one item per ClaimReview), else its title when it starts with a verdict ("[SALAH] …",
 * "Keliru, …") with its Open Graph description. Item ids come from the canonical URL and the
 * claim's position on the page, so they stay the same from run to run.
 */

/** A JSON-LD block longer than this is not metadata (hostile pages put megabytes there). */
export const MAX_JSON_LD_CHARS = 1_000_000;

/** What the harvester reads from a page's HTML. */
export interface PageFacts {
  title?: string;
  ogTitle?: string;
  ogDescription?: string;
  ogSiteName?: string;
  /** `id_ID`: themes get `<html lang>` wrong more often than this. */
  ogLocale?: string;
  canonicals: string[];
  published?: string;
  lang?: string;
  /** The text of each `<script type="application/ld+json">` within the limit, in page order. */
  jsonLd: string[];
  /** Blocks left out, and why. */
  problems: string[];
}

const META_PROPERTIES: Record<string, keyof PageFacts> = {
  'og:locale': 'ogLocale',
  'og:title': 'ogTitle',
  'og:description': 'ogDescription',
  'og:site_name': 'ogSiteName',
  'article:published_time': 'published',
};

/** Reads the facts above from HTML with htmlparser2's streaming callbacks (no DOM is built). */
export function readPage(html: string): PageFacts {
  const facts: PageFacts = { canonicals: [], jsonLd: [], problems: [] };
  let description: string | undefined;
  let svgDepth = 0;
  let inTitle = false;
  let title = '';
  let script: { text: string; size: number } | null = null;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'svg') svgDepth++;
        else if (name === 'html' && attributes.lang && !facts.lang) facts.lang = attributes.lang;
        else if (name === 'title' && svgDepth === 0 && facts.title === undefined) inTitle = true;
        else if (name === 'link' && attributes.href && /(^|\s)canonical(\s|$)/i.test(attributes.rel ?? ''))
          facts.canonicals.push(attributes.href);
        else if (name === 'meta' && attributes.content !== undefined) {
          const key = META_PROPERTIES[(attributes.property ?? attributes.name ?? '').toLowerCase()];
          if (key && facts[key] === undefined)
            (facts as unknown as Record<string, string>)[key] = attributes.content.trim();
          if ((attributes.name ?? '').toLowerCase() === 'description' && description === undefined)
            description = attributes.content.trim();
        } else if (name === 'script' && (attributes.type ?? '').trim().toLowerCase() === 'application/ld+json')
          script = { text: '', size: 0 };
      },
      ontext(text) {
        if (inTitle) title += text;
        if (script) {
          script.size += text.length;
          if (script.size <= MAX_JSON_LD_CHARS) script.text += text;
        }
      },
      onclosetag(name) {
        if (name === 'svg' && svgDepth > 0) svgDepth--;
        else if (name === 'title' && inTitle) {
          inTitle = false;
          facts.title = title.replace(/\s+/g, ' ').trim();
        } else if (name === 'script' && script) {
          if (script.size > MAX_JSON_LD_CHARS) {
            facts.problems.push(
              `a JSON-LD block of ${(script.size / 1e6).toFixed(1)} million characters (over ${MAX_JSON_LD_CHARS / 1e6} million): left out`,
            );
          } else facts.jsonLd.push(script.text);
          script = null;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  if (facts.ogDescription === undefined && description !== undefined) facts.ogDescription = description;
  return facts;
}

/** JSON-LD as pages write it: in HTML comments or CDATA, with raw line breaks inside strings. */
export function parseJsonLd(text: string): unknown {
  const unwrapped = text
    .trim()
    .replace(/^(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>$/g, '')
    .replace(/^<!--|-->$/g, '')
    .trim();
  // Control characters are whitespace between tokens and invalid inside strings: spaces either way.
  return parseJsonText(unwrapped.replace(/[\u0000-\u001f]/g, ' '));
}

/** `www.kompas.com` and `kompas.com` are one site. */
const siteOf = (host: string) => host.replace(/^www\./, '');

/**
 * The page's canonical URL: its `<link rel="canonical">` (an https one first) when it is on the
 * page's own site, else the page's URL. A local test server stands in for any site.
 */
export function canonicalUrl(facts: PageFacts, pageUrl: string): string {
  const page = new URL(pageUrl);
  const candidates = facts.canonicals
    .map((href) => {
      try {
        return new URL(href, page);
      } catch {
        return null;
      }
    })
    .filter((url): url is URL => url !== null && (url.protocol === 'https:' || url.protocol === 'http:'))
    .filter((url) => isLocalHost(page.hostname) || siteOf(url.hostname) === siteOf(page.hostname))
    .sort((a, b) => Number(b.protocol === 'https:') - Number(a.protocol === 'https:'));
  const chosen = candidates[0] ?? page;
  chosen.hash = '';
  return chosen.href;
}

/** The words fact-checkers put first in a title, as a whole ("Keliru, …", "HOAKS: …"). */
const LEADING_VERDICT =
  /^\s*((?:TIDAK|SEBAGIAN|BELUM|BUKAN)\s+(?:BENAR|TERBUKTI|FAKTA)|SALAH|HOAKS|HOAX|KELIRU|SESAT|MENYESATKAN|PENIPUAN|DISINFORMASI|MISINFORMASI|SATIRE|SATIRA|PARODI|BENAR|FAKTA|DIMANIPULASI|MANIPULASI|FALSE|MISLEADING|SCAM)\s*[,:–—-]\s+(.{3,})$/i;
/** A verdict in brackets: "[SALAH] …", "(HOAKS) …". */
const BRACKETED_VERDICT = /^\s*[[(]\s*([^\])]{2,40}?)\s*[\])]\s*[:–—-]?\s*(.{3,})$/;

export interface TitleVerdict {
  label: string;
  claim: string;
}

/** A title's verdict prefix and the claim after it, or undefined when the title has none Saring knows. */
export function titleVerdict(title: string): TitleVerdict | undefined {
  const match = BRACKETED_VERDICT.exec(title) ?? LEADING_VERDICT.exec(title);
  if (!match || !ratingFromVerdict(match[1])) return undefined;
  return { label: match[1]!.trim(), claim: match[2]!.trim() };
}

/** A title without its trailing " - Site Name" / " | Site Name" when that part names the site. */
export function withoutSiteName(title: string, pageUrl: string, siteName?: string): string {
  const match = /^(.*\S)\s+[|–—-]\s+([^|–—-]{2,60})$/.exec(title);
  if (!match) return title;
  const suffix = match[2]!.toLowerCase().replace(/\s+/g, '');
  const names = new URL(pageUrl).hostname.split('.').filter((label) => label.length >= 4 && label !== 'www');
  if (siteName) names.push(siteName.toLowerCase().replace(/\s+/g, ''));
  return names.some((name) => suffix.includes(name)) ? match[1]! : title;
}

export interface PageItems {
  /** Candidate items (checked against the list schema by the caller). */
  items: Record<string, unknown>[];
  /** `claimreview`: from JSON-LD; `title`: from the title's verdict; `none`: not a fact-check page. */
  source: 'claimreview' | 'title' | 'none';
  /** Why parts of the page were left out (broken JSON-LD, unknown verdicts …). */
  problems: string[];
  canonical: string;
}

const httpsOrNothing = (url: string) => (url.startsWith('https://') ? url : undefined);

const languageOf = (tag: string | undefined) => tag?.toLowerCase().split(/[-_]/)[0] || undefined;

/**
 * The page's language: its Open Graph locale, else its `<html lang>` when that is one the list
 * is in (a theme's `lang="en"` on an Indonesian site is common), else the list's first language.
 */
function pageLanguage(facts: PageFacts, languages: readonly string[]): string | undefined {
  const htmlLang = languageOf(facts.lang);
  return (
    languageOf(facts.ogLocale) ??
    (htmlLang && (languages.length === 0 || languages.includes(htmlLang)) ? htmlLang : languages[0])
  );
}

/**
 * Items from a page's facts. `pageUrl` is where the page was fetched (after redirects);
 * `languages` are the list's (SOURCES.json), for pages that do not say theirs well.
 */
export function pageItems(facts: PageFacts, pageUrl: string, languages: readonly string[] = []): PageItems {
  const canonical = canonicalUrl(facts, pageUrl);
  const problems = [...facts.problems];
  const summary = facts.ogDescription ? fitText(facts.ogDescription.replace(/\s+/g, ' '), LIMITS.summary) : undefined;
  const published = parseFactCheckDate(facts.published);
  const lang = pageLanguage(facts, languages);
  const title = withoutSiteName(facts.ogTitle || facts.title || '', canonical, facts.ogSiteName);
  const fromTitle = titleVerdict(title);

  const documents: unknown[] = [];
  facts.jsonLd.forEach((text, index) => {
    try {
      documents.push(parseJsonLd(text));
    } catch (error) {
      problems.push(
        `broken JSON-LD (block ${index + 1}): ${error instanceof ListFormatError ? error.message : String(error)}`,
      );
    }
  });
  const reviews = findClaimReviews(documents);
  const items: Record<string, unknown>[] = [];
  reviews.forEach((review, index) => {
    const imported = importClaimReview(review);
    for (const { where, what } of imported.problems)
      problems.push(`ClaimReview ${index + 1}${where.replace(/^ClaimReview\[0\]/, '')}: ${what}`);
    const item = imported.entries[0]?.item;
    if (!item) return;
    const claim = (typeof item.claim === 'string' && item.claim) || fromTitle?.claim || title;
    items.push({
      ...item,
      id: deriveItemId(canonical, claim, index + 1),
      claim: cutOnWord(claim, LIMITS.claim),
      url: httpsOrNothing(typeof item.url === 'string' ? item.url : '') ?? httpsOrNothing(canonical),
      published: item.published ?? published,
      summary: item.summary ?? summary,
      language: item.language ?? lang,
    });
  });
  if (items.length > 0) return { items: items.map(withoutEmpty), source: 'claimreview', problems, canonical };

  if (fromTitle) {
    const item = {
      id: deriveItemId(canonical, fromTitle.claim),
      claim: cutOnWord(fromTitle.claim, LIMITS.claim),
      rating: ratingFromVerdict(fromTitle.label),
      label: fromTitle.label,
      url: httpsOrNothing(canonical),
      published,
      summary,
      language: lang,
    };
    return { items: [withoutEmpty(item)], source: 'title', problems, canonical };
  }
  problems.push(
    reviews.length > 0
      ? 'its ClaimReviews give no verdict Saring knows, nor does its title'
      : `no ClaimReview, and no verdict at the start of its title (${JSON.stringify(cutOnWord(title, 80))})`,
  );
  return { items: [], source: 'none', problems, canonical };
}

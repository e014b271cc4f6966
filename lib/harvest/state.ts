import { z } from 'zod';
import type { Validators } from './fetcher';

/**
 * What a harvest remembers between runs (DIR/harvest-state.json): every article seen, with its
 * validators for a conditional GET and the ids of the items it gave (their content is in the
 * published list.json); the validators of feeds and sitemaps; and the articles still to fetch.
 * Written with sorted keys, one article per line: a run that changes nothing writes the same bytes.
 */

export const STATE_FILE = 'harvest-state.json';

const validators = {
  etag: z.string().max(1_000).optional(),
  lastModified: z.string().max(100).optional(),
};

const articleSchema = z.object({
  ...validators,
  /** Ids of the items the article gave last time it was read (empty: not a fact-check). */
  items: z.array(z.string().max(200)).max(100),
  /** The date its listing gave it when it was last read (a new date means: read it again). */
  date: z.string().max(64).optional(),
  /** The sitemap that lists it: when a re-read sitemap no longer does, the article is checked. */
  sitemap: z.string().max(2_048).optional(),
  /** It answered 404 or 410: its items were removed. */
  gone: z.literal(true).optional(),
});
export type ArticleState = z.infer<typeof articleSchema>;

const documentSchema = z.object({ ...validators, date: z.string().max(64).optional() });
export type DocumentState = z.infer<typeof documentSchema>;

const pendingSchema = z.object({
  /** The source (its URL) that listed it. */
  source: z.string().max(2_048),
  date: z.string().max(64).optional(),
  sitemap: z.string().max(2_048).optional(),
});
export type PendingArticle = z.infer<typeof pendingSchema>;

const stateSchema = z.object({
  saringHarvest: z.literal(1),
  list: z.string(),
  articles: z.record(z.string(), articleSchema),
  documents: z.record(z.string(), documentSchema),
  pending: z.record(z.string(), pendingSchema),
});
export type HarvestState = z.infer<typeof stateSchema>;

export function emptyState(listId: string): HarvestState {
  return { saringHarvest: 1, list: listId, articles: {}, documents: {}, pending: {} };
}

/** The state file's text as state, or null (with the reason) when it is not one. */
export function parseState(text: string): { state: HarvestState } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: 'not JSON' };
  }
  const parsed = stateSchema.safeParse(json);
  if (!parsed.success)
    return { problem: `${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}` };
  return { state: parsed.data };
}

function sortedRecord<T>(record: Record<string, T>): Array<[string, T]> {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function block(key: string, record: Record<string, object>): string {
  // Entries are flat: their keys sorted make the same entry the same text, however it was built.
  const lines = sortedRecord(record).map(
    ([url, value]) => `    ${JSON.stringify(url)}: ${JSON.stringify(value, Object.keys(value).sort())}`,
  );
  return `  ${JSON.stringify(key)}: {${lines.length ? `\n${lines.join(',\n')}\n  ` : ''}}`;
}

export function serializeState(state: HarvestState): string {
  return `{\n  "saringHarvest": 1,\n  "list": ${JSON.stringify(state.list)},\n${[
    block('articles', state.articles),
    block('documents', state.documents),
    block('pending', state.pending),
  ].join(',\n')}\n}\n`;
}

/** Validators as the state stores them (absent ones left out). */
export function storedValidators(from: Validators): Validators {
  return {
    ...(from.etag ? { etag: from.etag } : {}),
    ...(from.lastModified ? { lastModified: from.lastModified } : {}),
  };
}

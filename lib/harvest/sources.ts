import { z } from 'zod';
import { parseJsonText } from '../lists/json-text';
import { LIST_FILE_LIMITS, listHeaderSchema, publisherSchema } from '../lists/schema';
import { problemsOf } from '../lists/validate';

/**
 * SOURCES.json: the list to produce and where its fact-checks are published.
 * `{ "list": { "id", "name", "publisher": { "name", "url" }, "languages" }, "sources": [ { "type", "url" } … ], "maxItems"?, "since"? }`
 */

export const SOURCE_TYPES = ['feed', 'sitemap', 'wordpress'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** Hosts a harvest may reach over plain http: this machine, for publishers testing. */
export function isLocalHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/**
 * Why a link may not be fetched for a source on `sourceHost` (host and port), or null when it
 * may: http(s) only, plain http only on this machine, no credentials, and the source's own host.
 */
export function linkRefusal(url: URL, sourceHost: string): string | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return `not an http(s) link (${url.protocol}): not fetched`;
  if (url.protocol === 'http:' && !isLocalHost(url.hostname))
    return 'a plain http link: only https is fetched (http only on localhost)';
  if (url.username || url.password) return 'a link with a user name or password: not fetched';
  if (url.host !== sourceHost) return `on another host (${url.host}): only ${sourceHost} is harvested for this source`;
  return null;
}

const sourceSchema = z.object({
  type: z.enum(SOURCE_TYPES),
  url: z
    .string()
    .max(2_048)
    .superRefine((value, context) => {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        context.addIssue({ code: 'custom', message: 'not a URL' });
        return;
      }
      const refusal = linkRefusal(url, url.host);
      if (refusal) context.addIssue({ code: 'custom', message: refusal });
    }),
});
export type Source = z.infer<typeof sourceSchema>;

export const sourcesFileSchema = z.object({
  list: z.object({
    id: listHeaderSchema.shape.id,
    name: listHeaderSchema.shape.name,
    description: listHeaderSchema.shape.description,
    // The publisher's URL is the contact the harvester's User-Agent names: required here.
    publisher: publisherSchema.required(),
    languages: listHeaderSchema.shape.languages,
    refresh: listHeaderSchema.shape.refresh,
  }),
  sources: z.array(sourceSchema).min(1).max(100),
  maxItems: z.number().int().min(1).max(LIST_FILE_LIMITS.maxItems).optional(),
  since: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
    .optional(),
});
export type SourcesFile = z.infer<typeof sourcesFileSchema>;

export class SourcesError extends Error {
  override name = 'SourcesError';
}

/** SOURCES.json's text, checked; a SourcesError lists every problem as `where: what`. */
export function parseSources(text: string): SourcesFile {
  let json: unknown;
  try {
    json = parseJsonText(text);
  } catch (error) {
    throw new SourcesError(error instanceof Error ? error.message : String(error));
  }
  const parsed = sourcesFileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new SourcesError(
    problemsOf(parsed.error, json, '')
      .map(({ where, what }) => `${where || '(file)'}: ${what}`)
      .join('; '),
  );
}

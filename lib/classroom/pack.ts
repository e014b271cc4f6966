import type { UiLanguage } from '../core/vocabulary';
import { z } from 'zod';
import { domainEntrySchema, listHeaderSchema, listItemSchema, type ListItem } from '../lists/schema';

/**
 * A classroom scenario pack: a Saring list (format v1, so the background indexes its fact-checks
 * like any list) plus the simulated posts the demo shows, each with what learners should notice.
 */

export const POST_KINDS = ['hoax', 'true', 'satire', 'scam', 'petition'] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** Which simulated app a post appears in. */
export const PLATFORMS = ['x', 'facebook', 'whatsapp', 'petition'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** One text for every UI language, or the same words for both (a post quoted as it circulated). */
const localizedText = (max: number) =>
  z.union([z.string().min(1).max(max), z.object({ id: z.string().min(1).max(max), en: z.string().min(1).max(max) })]);
export type LocalizedText = string | { id: string; en: string };

const httpsUrl = z
  .string()
  .url()
  .max(2_048)
  .refine((value) => value.startsWith('https://'), 'must be https');

export const packPostSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be 1–64 of a-z, 0-9 and -'),
  kind: z.enum(POST_KINDS),
  platform: z.enum(PLATFORMS),
  author: z.string().min(1).max(100),
  handle: z.string().max(100).optional(),
  text: localizedText(4_000),
  /** The language of a text given as one string (default Indonesian). */
  textLanguage: z.enum(['id', 'en']).optional(),
  link: z.object({ url: httpsUrl, title: localizedText(300) }).optional(),
  /** A picture in the post, one of the demo's own (public/demo/): the guard checks it like a site's. */
  picture: z
    .object({
      src: z.string().regex(/^demo\/[a-z0-9-]{1,64}\.(png|jpg)$/, 'must be demo/<name>.png or .jpg'),
      alt: localizedText(300),
    })
    .optional(),
  /** Ids of the pack's items this post repeats: shown when the presenter reveals it. */
  factChecks: z.array(z.string().min(1).max(128)).max(10).optional(),
  /** What to notice about this post. */
  notice: localizedText(1_000),
});
export type PackPost = z.infer<typeof packPostSchema>;

export const packSchema = listHeaderSchema
  .extend({
    items: z.array(listItemSchema).max(500),
    domains: z.array(domainEntrySchema).max(500).optional(),
    posts: z.array(packPostSchema).min(1).max(100),
  })
  .superRefine((pack, context) => {
    const itemIds = new Set(pack.items.map((item) => item.id));
    const postIds = new Set<string>();
    pack.posts.forEach((post, index) => {
      if (postIds.has(post.id))
        context.addIssue({ code: 'custom', path: ['posts', index, 'id'], message: `duplicate post id "${post.id}"` });
      postIds.add(post.id);
      post.factChecks?.forEach((id, at) => {
        if (!itemIds.has(id)) {
          context.addIssue({
            code: 'custom',
            path: ['posts', index, 'factChecks', at],
            message: `no item with id "${id}"`,
          });
        }
      });
    });
  });
export type ScenarioPack = z.infer<typeof packSchema>;

/** The first problems found, one line each, so an educator can fix the file. */
const MAX_ERRORS_SHOWN = 5;

export type PackParse = { ok: true; pack: ScenarioPack } | { ok: false; errors: string[] };

/** Parses and validates a pack file's text; a pack is all or nothing (a classroom needs every post). */
export function parsePack(text: string): PackParse {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`Not JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const result = packSchema.safeParse(raw);
  if (result.success) return { ok: true, pack: result.data };
  const errors = result.error.issues.map((issue) => `${issuePath(issue.path) || '(file)'}: ${issue.message}`);
  const more = errors.length - MAX_ERRORS_SHOWN;
  return { ok: false, errors: more > 0 ? [...errors.slice(0, MAX_ERRORS_SHOWN), `… +${more}`] : errors };
}

/** `posts[2].link.url`, the way the file is written. */
function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)),
    '',
  );
}

/**
 * The list part of a pack, under the one id the classroom uses: loading another pack replaces
 * the previous one instead of piling lists up in the person's options.
 */
export const CLASSROOM_LIST_ID = 'classroom-pack';

export function packList(pack: ScenarioPack) {
  const { posts: _posts, ...list } = pack;
  return { ...list, id: CLASSROOM_LIST_ID };
}

export function localized(text: LocalizedText, language: UiLanguage): string {
  return typeof text === 'string' ? text : text[language];
}

/** The language a post's words are in, for `lang` (screen readers, hyphenation). */
export function textLanguage(post: PackPost, language: UiLanguage): UiLanguage {
  return typeof post.text === 'string' ? (post.textLanguage ?? 'id') : language;
}

/** The fact-checks a post repeats, the ones in the UI language first. */
export function factChecksOf(pack: ScenarioPack, post: PackPost, language: UiLanguage): ListItem[] {
  const ids = new Set(post.factChecks ?? []);
  const items = pack.items.filter((item) => ids.has(item.id));
  const inLanguage = items.filter((item) => item.language === language);
  return inLanguage.length > 0 ? inLanguage : items.slice(0, 1);
}

/** Posts grouped by app, apps in the order they first appear: the order the feed shows and steps through. */
export function feedOrder(posts: readonly PackPost[]): PackPost[] {
  const platforms = [...new Set(posts.map((post) => post.platform))];
  return platforms.flatMap((platform) => posts.filter((post) => post.platform === platform));
}

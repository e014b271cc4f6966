import { z } from 'zod';
import { RATINGS } from '../core/vocabulary';

/** Saring list format v1 (see README "List format"). Unknown fields are ignored. */

// The ratings are Saring's vocabulary (the prompt and the label name them); the format uses them.
export { RATINGS, type Rating } from '../core/vocabulary';

export const DOMAIN_RATINGS = ['unreliable', 'satire', 'impostor', 'scam'] as const;
export type DomainRating = (typeof DOMAIN_RATINGS)[number];

export const LIMITS = {
  id: 128,
  claim: 1_000,
  label: 100,
  url: 2_048,
  summary: 1_000,
  text: 4_000,
  keyword: 100,
  appearances: 100,
  keywords: 50,
  /** Image hashes per item: 12 per picture (see lib/images/picture-hashes.ts), a few pictures. */
  images: 100,
} as const;

/**
 * Whole-file limits, refused with a message saying so: a list this big is a mistake or an
 * attack, and would not fit a browser's memory comfortably while indexing.
 */
export const LIST_FILE_LIMITS = {
  /** Bytes of the list file (UTF-8). */
  maxBytes: 50 * 1024 * 1024,
  maxItems: 200_000,
} as const;

const httpsUrl = z
  .string()
  .max(LIMITS.url)
  .refine((value) => {
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be https');

const isoDateish = z.string().max(40);

/** A PDQ hash of a picture the item is about (see README "List format": what to hash). */
export const imageHashSchema = z.object({
  pdq: z.string().regex(/^[0-9a-f]{64}$/, 'must be a PDQ hash: 64 lowercase hex characters'),
  quality: z.number().int().min(0).max(100),
});
export type ImageHash = z.infer<typeof imageHashSchema>;

export const listItemSchema = z.object({
  id: z.string().min(1).max(LIMITS.id),
  claim: z.string().min(1).max(LIMITS.claim),
  rating: z.enum(RATINGS),
  label: z.string().max(LIMITS.label).optional(),
  url: httpsUrl.optional(),
  published: isoDateish.optional(),
  summary: z.string().max(LIMITS.summary).optional(),
  text: z.string().max(LIMITS.text).optional(),
  appearances: z.array(httpsUrl).max(LIMITS.appearances).optional(),
  keywords: z.array(z.string().max(LIMITS.keyword)).max(LIMITS.keywords).optional(),
  language: z.string().max(16).optional(),
  images: z.array(imageHashSchema).max(LIMITS.images).optional(),
});
export type ListItem = z.infer<typeof listItemSchema>;

export const domainEntrySchema = z.object({
  domain: z.string().min(3).max(253),
  rating: z.enum(DOMAIN_RATINGS),
  note: z.string().max(LIMITS.summary).optional(),
});
export type DomainEntry = z.infer<typeof domainEntrySchema>;

export const publisherSchema = z.object({
  name: z.string().min(1).max(200),
  url: httpsUrl.optional(),
});

/** Everything in a list but its items and domains, validated before the items are. */
export const listHeaderSchema = z.object({
  saringList: z.literal(1),
  id: z.string().regex(/^[a-z0-9-]{2,64}$/, 'must be 2–64 of a-z, 0-9 and -'),
  name: z.string().min(1).max(200),
  description: z.string().max(LIMITS.summary).optional(),
  publisher: publisherSchema.optional(),
  languages: z.array(z.string().max(16)).max(20).optional(),
  version: z.number().int().nonnegative(),
  published: isoDateish.optional(),
  refresh: z.string().max(40).optional(),
  /**
   * Where this list's patches live, relative to the list's URL (`patches/`): a client holding
   * version V may fetch `<patches>V.json` instead of the whole list (lib/lists/PATCHES.md).
   * Clients that predate patches ignore it, as they ignore every unknown field.
   */
  patches: z.string().min(1).max(LIMITS.url).optional(),
});
export type ListHeader = z.infer<typeof listHeaderSchema>;

export interface SaringList extends ListHeader {
  items: ListItem[];
  domains?: DomainEntry[];
}

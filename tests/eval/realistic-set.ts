/**
 * The realistic evaluation set of issue 12 (tests/eval/realistic/, README
 * there): the record formats the team agreed, a reader that names the line a
 * problem is on, and the mechanical fit / held-out rule. Shared by the checker
 * test and the eval, so the rule is written once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const REALISTIC_DIR = fileURLToPath(new URL('./realistic/', import.meta.url));

export const HOAX_STYLES = ['oneliner', 'question', 'chain', 'slang', 'retelling', 'quote-comment', 'caption', 'long'] as const;
export const NEGATIVE_CATEGORIES = ['true-news', 'official', 'debunk', 'opinion', 'joke', 'satire'] as const;
export const NEGATIVE_TOPICS = [
  'election', 'disaster', 'health', 'vaccine', 'aid', 'jobs', 'scam', 'religion', 'economy', 'crime', 'other',
] as const;

export type Split = 'fit' | 'held-out';

/** Starter-list ids (`tbh26-35352`, `mfdtau-228197`) and CLEF vclaim ids: ASCII, so their UTF-16 units are their UTF-8 bytes. */
const itemId = z.string().regex(/^[\x21-\x7e]+$/, 'an item id is printable ASCII');
const itemIds = z
  .array(itemId)
  .min(1)
  .refine((ids) => new Set(ids).size === ids.length, 'lists an id twice');
const postText = z.string().refine((text) => text.trim().length > 0, 'is empty');
const split = z.enum(['fit', 'held-out']);

export const hoaxPostSchema = z.strictObject({
  id: z.string().regex(/^(idh|enh)-\d{4}$/, 'is idh-NNNN or enh-NNNN'),
  lang: z.enum(['id', 'en']),
  style: z.enum(HOAX_STYLES),
  text: postText,
  expected: itemIds,
  split,
});
export type HoaxPost = z.infer<typeof hoaxPostSchema>;

export const negativePostSchema = z.strictObject({
  id: z.string().regex(/^neg-\d{4}$/, 'is neg-NNNN'),
  lang: z.enum(['id', 'en']),
  category: z.enum(NEGATIVE_CATEGORIES),
  topic: z.enum(NEGATIVE_TOPICS),
  text: postText,
  about: itemIds.optional(),
  split,
});
export type NegativePost = z.infer<typeof negativePostSchema>;

/**
 * The files of the set, who writes them, and what the format asks of each. The untouched files are a
 * later writer's posts that are all held out (hoax posts of held-out claims only): never fitted on,
 * and only their aggregate figures are printed, so nothing is ever tuned by reading their failures.
 * `set` names the measurement set a file belongs to: the main set, the untouched set (Indonesian and
 * English), or the second untouched set (Indonesian), which is reported on its own.
 */
export const REALISTIC_FILES = {
  hoaxId: { file: 'id-hoax.jsonl', kind: 'hoax', lang: 'id', idPrefix: 'idh-', minPosts: 400, set: 'main' },
  hoaxEn: { file: 'en-hoax.jsonl', kind: 'hoax', lang: 'en', idPrefix: 'enh-', minPosts: 100, set: 'main' },
  negatives: { file: 'negatives.jsonl', kind: 'negative', lang: undefined, idPrefix: 'neg-', minPosts: 400, set: 'main' },
  untouchedHoaxId: { file: 'untouched-id-hoax.jsonl', kind: 'hoax', lang: 'id', idPrefix: 'idh-5', minPosts: 60, set: 'untouched' },
  untouchedNegatives: { file: 'untouched-negatives.jsonl', kind: 'negative', lang: 'id', idPrefix: 'neg-5', minPosts: 60, set: 'untouched' },
  untouchedHoaxEn: { file: 'untouched-en-hoax.jsonl', kind: 'hoax', lang: 'en', idPrefix: 'enh-5', minPosts: 60, set: 'untouched' },
  untouchedNegativesEn: { file: 'untouched-en-negatives.jsonl', kind: 'negative', lang: 'en', idPrefix: 'neg-6', minPosts: 60, set: 'untouched' },
  untouched2HoaxId: { file: 'untouched2-id-hoax.jsonl', kind: 'hoax', lang: 'id', idPrefix: 'idh-7', minPosts: 60, set: 'untouched2' },
  untouched2Negatives: { file: 'untouched2-negatives.jsonl', kind: 'negative', lang: 'id', idPrefix: 'neg-7', minPosts: 60, set: 'untouched2' },
} as const;

export type RealisticSet = (typeof REALISTIC_FILES)[keyof typeof REALISTIC_FILES]['set'];

/** Whether a file belongs to an untouched set: held out whole, only its figures printed. */
export const isUntouched = (spec: { set: RealisticSet }): boolean => spec.set !== 'main';

/**
 * fit or held-out, decided by FNV-1a 32-bit over the key's UTF-8 bytes: held-out when odd.
 * The key is a hoax post's first expected id (so a claim's posts stay together) and a negative's
 * own id; the eval splits the shared pairs by their ids with the same rule.
 */
export function splitOf(key: string): Split {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(key)) hash = Math.imul(hash ^ byte, 0x01000193);
  return (hash >>> 0) % 2 === 1 ? 'held-out' : 'fit';
}

export const hoaxSplitKey = (post: Pick<HoaxPost, 'expected'>): string => post.expected[0] ?? '';
export const negativeSplitKey = (post: Pick<NegativePost, 'id'>): string => post.id;

export type JsonLine =
  /** line: 1-based line number in the file. */
  { line: number; value: unknown } | { line: number; error: string };

/** The file's non-blank lines, each parsed as JSON or with the reason it is not JSON. */
export function readJsonLines(path: string): JsonLine[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((text, index): JsonLine[] => {
      if (!text.trim()) return [];
      try {
        return [{ line: index + 1, value: JSON.parse(text) as unknown }];
      } catch (error) {
        return [{ line: index + 1, error: `not JSON (${(error as Error).message})` }];
      }
    });
}

/** A file of the set, parsed and validated, or undefined while it does not exist yet. */
export function readRealisticFile<T>(file: string, schema: z.ZodType<T>): T[] | undefined {
  const path = `${REALISTIC_DIR}${file}`;
  if (!existsSync(path)) return undefined;
  return readJsonLines(path).map((record) => {
    if ('error' in record) throw new Error(`${file}:${record.line}: ${record.error}`);
    const parsed = schema.safeParse(record.value);
    if (!parsed.success) throw new Error(`${file}:${record.line}: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  });
}

/**
 * Checks every file of the realistic evaluation set (tests/eval/realistic/,
 * format in its README): records as agreed, ids unique, every named item
 * exists, the mechanical split holds, and no post copies an item's wording.
 * Every file of the set must exist. The untouched files (two sets: the first in Indonesian and English,
 * the second in Indonesian) are held out whole and repeat no claim any other hoax file names.
 * CLEF vclaim ids are looked up in ../shared/data when it is there.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { readJsonLinesGz, readStarterList, SHARED_DATA } from '../../lib/cli/build-starter-list';
import type { ClefClaim } from '../eval/datasets';
import {
  hoaxPostSchema,
  hoaxSplitKey,
  isUntouched,
  negativePostSchema,
  negativeSplitKey,
  readJsonLines,
  REALISTIC_DIR,
  REALISTIC_FILES,
  splitOf,
  type HoaxPost,
  type NegativePost,
} from '../eval/realistic-set';

/** A run of this many words of an item's claim, text or summary may not appear in a post. */
const COPIED_RUN = 8;
const MIN_ENGLISH_NEGATIVES = 60;
const CLEF_FILE = resolve(SHARED_DATA, 'en/clef2022-vclaims.jsonl.gz');
const isClefId = (id: string) => id.startsWith('vclaim-');

type Spec = (typeof REALISTIC_FILES)[keyof typeof REALISTIC_FILES];
type Post = HoaxPost | NegativePost;

interface Loaded {
  spec: Spec;
  posts: Post[];
  /** Problems with single records, as "file:line: what". */
  problems: string[];
}

function load(spec: Spec): Loaded | undefined {
  const path = `${REALISTIC_DIR}${spec.file}`;
  if (!existsSync(path)) return undefined;
  const schema: z.ZodType<Post> = spec.kind === 'hoax' ? hoaxPostSchema : negativePostSchema;
  const posts: Post[] = [];
  const problems: string[] = [];
  for (const record of readJsonLines(path)) {
    const { line } = record;
    if ('error' in record) {
      problems.push(`${spec.file}:${line}: ${record.error}`);
      continue;
    }
    const parsed = schema.safeParse(record.value);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'record'} ${issue.message}`);
      problems.push(`${spec.file}:${line}: ${fields.join('; ')}`);
      continue;
    }
    const post = parsed.data;
    if (!post.id.startsWith(spec.idPrefix))
      problems.push(`${spec.file}:${line}: id ${post.id} does not start with ${spec.idPrefix}`);
    if (spec.lang && post.lang !== spec.lang)
      problems.push(`${spec.file}:${line}: lang is ${post.lang}, this file is ${spec.lang}`);
    const key = 'expected' in post ? hoaxSplitKey(post) : negativeSplitKey(post);
    // An untouched file is all held out; its hoax posts repeat held-out claims, so the rule agrees.
    const ruled = isUntouched(spec) && spec.kind === 'negative' ? 'held-out' : splitOf(key);
    if (post.split !== ruled)
      problems.push(`${spec.file}:${line}: split is ${post.split}, the rule gives ${ruled} for ${key}`);
    if (isUntouched(spec) && post.split !== 'held-out')
      problems.push(`${spec.file}:${line}: an untouched post is held out`);
    posts.push(post);
  }
  return { spec, posts, problems };
}

const namedIds = (post: Post): string[] => ('expected' in post ? post.expected : (post.about ?? []));

/** Lower case, words only (punctuation and spacing ignored): stricter than comparing whitespace-collapsed text. */
const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function runsOf(text: string, length: number): string[] {
  const list = words(text);
  const runs: string[] = [];
  for (let at = 0; at + length <= list.length; at++) runs.push(list.slice(at, at + length).join(' '));
  return runs;
}

const starter = readStarterList().items;
const starterIds = new Set(starter.map((item) => item.id));
const hasClef = existsSync(CLEF_FILE);
const clef = hasClef ? readJsonLinesGz<ClefClaim>(CLEF_FILE) : [];
const loaded = Object.values(REALISTIC_FILES).map((spec) => ({ spec, data: load(spec) }));
const present = loaded.flatMap(({ data }) => (data ? [data] : []));

describe('realistic evaluation set', () => {
  it.each(Object.values(REALISTIC_FILES))('has $file', (spec) => {
    expect(existsSync(`${REALISTIC_DIR}${spec.file}`), `${spec.file} is missing`).toBe(true);
  });

  for (const { spec, data } of loaded) {
    if (!data) continue;
    describe(spec.file, () => {
      it('holds records as the format agreed, with the mechanical split', () => {
        expect(data.problems).toEqual([]);
      });

      it(`has at least ${spec.minPosts} posts, none repeated`, () => {
        expect(data.posts.length).toBeGreaterThanOrEqual(spec.minPosts);
        const seen = new Set<string>();
        const repeated = data.posts.filter((post) => {
          const text = words(post.text).join(' ');
          return seen.has(text) || !seen.add(text);
        });
        expect(repeated.map((post) => post.id)).toEqual([]);
      });

      // Indonesian hoax posts repeat starter-list claims; English posts and negatives may also name CLEF vclaims.
      it('names only items of the starter list, or CLEF vclaims where the format allows them', () => {
        const clefAllowed = (post: Post) => spec.kind === 'negative' || post.lang === 'en';
        const unknown = data.posts.flatMap((post) =>
          namedIds(post)
            .filter((id) => !starterIds.has(id) && !(isClefId(id) && clefAllowed(post)))
            .map((id) => `${post.id}: ${id}`),
        );
        expect(unknown).toEqual([]);
      });

      if (spec.kind === 'negative' && !isUntouched(spec)) {
        it(`has at least ${MIN_ENGLISH_NEGATIVES} English posts`, () => {
          expect(data.posts.filter((post) => post.lang === 'en').length).toBeGreaterThanOrEqual(MIN_ENGLISH_NEGATIVES);
        });
      }
    });
  }

  it("repeats in each untouched file only claims neither the main set's posts nor the other untouched files name", () => {
    const hoaxFiles = present.filter(({ spec }) => spec.kind === 'hoax');
    const repeated = hoaxFiles
      .filter(({ spec }) => isUntouched(spec))
      .flatMap((untouched) => {
        const others = hoaxFiles.filter((other) => other !== untouched);
        const seen = new Set(others.flatMap(({ posts }) => posts.flatMap(namedIds)));
        return untouched.posts.flatMap((post) =>
          namedIds(post)
            .filter((id) => seen.has(id))
            .map((id) => `${post.id}: ${id}`),
        );
      });
    expect(repeated).toEqual([]);
  });

  it('gives every post its own id across the files', () => {
    const counts = new Map<string, number>();
    for (const { posts } of present) for (const post of posts) counts.set(post.id, (counts.get(post.id) ?? 0) + 1);
    expect([...counts].filter(([, count]) => count > 1).map(([id]) => id)).toEqual([]);
  });

  if (hasClef) {
    it('names only CLEF vclaims that exist', () => {
      const known = new Set(clef.map((claim) => claim.vclaim_id));
      const unknown = present.flatMap(({ posts }) =>
        posts.flatMap((post) =>
          namedIds(post)
            .filter((id) => isClefId(id) && !known.has(id))
            .map((id) => `${post.id}: ${id}`),
        ),
      );
      expect(unknown).toEqual([]);
    });
  } else {
    it.skip(`CLEF vclaim ids are not checked: ${CLEF_FILE} is absent`, () => {});
  }

  it(`copies no run of ${COPIED_RUN} words from an item's claim, text or summary`, () => {
    const postsByRun = new Map<string, string[]>();
    for (const { posts } of present) {
      for (const post of posts) {
        for (const run of runsOf(post.text, COPIED_RUN)) postsByRun.set(run, [...(postsByRun.get(run) ?? []), post.id]);
      }
    }
    const sources = [
      ...starter.map((item) => ({ id: item.id, texts: [item.claim, item.text ?? '', item.summary ?? ''] })),
      ...clef.map((claim) => ({ id: claim.vclaim_id, texts: [claim.vclaim, claim.title] })),
    ];
    const copies = new Set<string>();
    for (const source of sources) {
      for (const text of source.texts) {
        for (const run of runsOf(text, COPIED_RUN)) {
          for (const postId of postsByRun.get(run) ?? []) copies.add(`${postId} copies "${run}" from ${source.id}`);
        }
      }
    }
    expect([...copies]).toEqual([]);
  }, 60_000);
});

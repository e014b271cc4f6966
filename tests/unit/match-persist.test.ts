import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonLinesGz, readStarterList, SHARED_DATA } from '../../lib/cli/build-starter-list';
import {
  createMatcher,
  createMatcherPausing,
  loadMatcher,
  MATCHER_FORMAT_VERSION,
  serializeMatcher,
  serializeMatcherPausing,
} from '../../lib/match/index';
import type { IndexedList, Matcher, MatchQuery } from '../../lib/match/types';

const lists: IndexedList[] = [
  {
    listId: 'a',
    items: [
      {
        id: 'lawu',
        claim: 'Gunung lawu bakal erupsi besar',
        rating: 'false',
        text: 'Gunung no 7 yg akan erupsi besar adalah gn Lawu',
      },
      {
        id: 'banjir',
        claim: 'Foto banjir bandang di Bogor hari ini',
        rating: 'altered',
        appearances: ['https://beritaheboh.example.com/foto-banjir-bogor'],
      },
    ],
    domains: [{ domain: 'hoax.co.id', rating: 'unreliable', note: 'Situs penyebar hoaks' }],
  },
  { listId: 'empty', items: [] },
  {
    listId: 'b',
    items: [{ id: 'chip', claim: 'Vaksin Covid-19 mengandung microchip untuk melacak penduduk', rating: 'false' }],
  },
];
const queries: MatchQuery[] = [
  { text: 'gn lawu akan erupsi besar!! waspada', urls: [] },
  { text: 'lihat', urls: ['http://www.beritaheboh.example.com/foto-banjir-bogor?utm_source=x'] },
  { text: '', urls: ['https://sub.hoax.co.id/berita/1'] },
  { text: '', urls: [], linkTitle: 'Vaksin covid mengandung microchip pelacak' },
  { text: 'selamat pagi semuanya', urls: [] },
];

function expectSameAnswers(loaded: Matcher, built: Matcher, sample: MatchQuery[]): void {
  expect(loaded.size).toBe(built.size);
  for (const query of sample) expect(loaded.match(query, { top: 10 })).toEqual(built.match(query, { top: 10 }));
}

describe('serializeMatcher / loadMatcher', () => {
  const built = createMatcher(lists);
  const bytes = serializeMatcher(built);

  it('loads a matcher that answers exactly like the built one', () => {
    expectSameAnswers(loadMatcher(bytes, lists), built, queries);
  });

  it('survives a structured-clone round trip and an unaligned copy', () => {
    expectSameAnswers(loadMatcher(structuredClone(bytes), lists), built, queries);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expectSameAnswers(loadMatcher(shifted.subarray(1), lists), built, queries);
  });

  it('serializes a loaded matcher to the same bytes', () => {
    expect(serializeMatcher(loadMatcher(bytes, lists))).toEqual(bytes);
  });

  it('refuses another format version, other lists and damaged bytes', () => {
    const otherVersion = bytes.slice();
    new Uint32Array(otherVersion.buffer, 4, 1)[0] = MATCHER_FORMAT_VERSION + 1;
    expect(() => loadMatcher(otherVersion, lists)).toThrow(/format/);
    const renamed = lists.map((list) => ({
      ...list,
      items: list.items.map((item) => ({ ...item, id: `${item.id}-x` })),
    }));
    expect(() => loadMatcher(bytes, renamed)).toThrow(/other lists/);
    expect(() => loadMatcher(bytes, lists.slice(0, 2))).toThrow(/other lists/);
    expect(() => loadMatcher(bytes.slice(0, bytes.length / 2), lists)).toThrow();
    expect(() => loadMatcher(new Uint8Array(3), lists)).toThrow();
  });

  it('refuses a matcher it did not make', () => {
    expect(() =>
      serializeMatcher({ size: 0, rank: () => ({ decision: 'none', matches: [] }), claimAt: () => undefined }),
    ).toThrow();
  });

  const pairsPath = resolve(SHARED_DATA, 'id/eval-pairs.jsonl.gz');
  it.skipIf(!existsSync(pairsPath))(
    'answers real queries over the starter list exactly like a fresh build',
    () => {
      const starter = readStarterList();
      const starterLists: IndexedList[] = [{ listId: starter.id, items: starter.items, domains: starter.domains }];
      const fresh = createMatcher(starterLists);
      const loaded = loadMatcher(serializeMatcher(fresh), starterLists);
      // Every 50th pair: a few hundred real posts, typos and all.
      const sample = readJsonLinesGz<{ query: string }>(pairsPath)
        .filter((_pair, line) => line % 50 === 0)
        .map(({ query }): MatchQuery => ({ text: query, urls: [] }));
      expect(sample.length).toBeGreaterThan(200);
      expectSameAnswers(loaded, fresh, sample);
    },
    60_000,
  );
});

/** Many distinct short claims: enough items for the pausing paths to pause. */
const numberedClaims = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: `m${i}`,
    claim: `Klaim nomor ${i} tentang banjir${i % 97}`,
    rating: 'false' as const,
  }));

describe('createMatcherPausing', () => {
  it('pauses every few thousand items and builds the same index as createMatcher', async () => {
    const claims = numberedClaims(2_500);
    const many: IndexedList[] = [{ listId: 'many', items: claims }, ...lists];
    let pauses = 0;
    const paused = await createMatcherPausing(many, async () => {
      pauses++;
    });
    expect(pauses).toBeGreaterThanOrEqual(2);
    // Byte for byte (a deep toEqual over a megabyte is slow).
    expect(Buffer.compare(serializeMatcher(paused), serializeMatcher(createMatcher(many)))).toBe(0);
  });
});

describe('serializeMatcherPausing', () => {
  it('pauses while encoding and writes the bytes serializeMatcher does, for a built index and one read back', async () => {
    const claims = numberedClaims(50_000);
    const built = createMatcher([{ listId: 'many', items: claims }, ...lists]);
    let pauses = 0;
    const bytes = await serializeMatcherPausing(built, async () => {
      pauses++;
    });
    expect(pauses).toBeGreaterThanOrEqual(2);
    expect(Buffer.compare(bytes, serializeMatcher(built))).toBe(0);
    const loaded = loadMatcher(bytes, [{ listId: 'many', items: claims }, ...lists]);
    expect(Buffer.compare(await serializeMatcherPausing(loaded, async () => undefined), bytes)).toBe(0);
  });
});

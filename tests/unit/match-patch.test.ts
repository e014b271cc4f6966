import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonLinesGz, readStarterList, SHARED_DATA } from '../../lib/cli/build-starter-list';
import type { ListItem } from '../../lib/lists/schema';
import { idHashOf } from '../../lib/match/built-index';
import {
  createMatcher,
  loadIndexMatcher,
  loadMatcher,
  patchMatcher,
  serializeMatcher,
  type IndexPatch,
} from '../../lib/match/index';
import type { IndexedList, IndexMatcher, MatchQuery } from '../../lib/match/types';

/**
 * A patched index answers as a full build over the same items does (issue 14): the items a patch
 * adds are found, those it removes are not, those it changes are found by their new words only,
 * and every other answer, score and rank included, is the full build's.
 */

const pairsPath = resolve(SHARED_DATA, 'id/eval-pairs.jsonl.gz');
const tweetsPath = resolve(SHARED_DATA, 'id/negatives-tweets.jsonl.gz');

/** The lists after the patch, as the list store orders them: removed dropped, changed in place, added at the end. */
function applied(
  lists: IndexedList[],
  listId: string,
  removed: number[],
  changed: Map<number, ListItem>,
  added: ListItem[],
  domains?: IndexedList['domains'],
): IndexedList[] {
  const gone = new Set(removed);
  return lists.map((list) => {
    if (list.listId !== listId) return list;
    const items = list.items.flatMap((item, position) => (gone.has(position) ? [] : [changed.get(position) ?? item]));
    return {
      listId,
      items: [...items, ...added],
      ...(domains ? { domains } : list.domains ? { domains: list.domains } : {}),
    };
  });
}

function patchOf(
  after: IndexedList[],
  listId: string,
  removed: number[],
  changed: Map<number, ListItem>,
  added: ListItem[],
): IndexPatch {
  const list = after.find((candidate) => candidate.listId === listId)!;
  return {
    listId,
    removed,
    changed: [...changed].map(([position, item]) => ({ position, item })),
    added,
    idHashes: Uint32Array.from(list.items, (item) => idHashOf(item.id)),
    domains: after.map(({ listId: id, domains }) => ({ listId: id, ...(domains ? { domains } : {}) })),
  };
}

function expectSameRanks(patched: IndexMatcher, built: IndexMatcher, queries: MatchQuery[]): void {
  expect(patched.size).toBe(built.size);
  for (const query of queries)
    expect(patched.rank(query, { top: 10 }), query.text.slice(0, 60)).toEqual(built.rank(query, { top: 10 }));
}

describe('patchMatcher', () => {
  const small: IndexedList[] = [
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
        { id: 'kelapa', claim: 'Air kelapa dicampur garam menyembuhkan demam berdarah', rating: 'false' },
      ],
      domains: [{ domain: 'hoax.co.id', rating: 'unreliable', note: 'Situs penyebar hoaks' }],
    },
    {
      listId: 'b',
      items: [{ id: 'chip', claim: 'Vaksin Covid-19 mengandung microchip untuk melacak penduduk', rating: 'false' }],
    },
  ];
  const motor: ListItem = {
    id: 'motor',
    claim: 'Pemerintah membagikan sepeda motor listrik gratis lewat formulir daring',
    rating: 'scam',
    appearances: ['https://motor-gratis.example/daftar'],
  };
  const queries: MatchQuery[] = [
    { text: 'gn lawu akan erupsi besar!! waspada', urls: [] },
    { text: 'lihat', urls: ['http://www.beritaheboh.example.com/foto-banjir-bogor?utm_source=x'] },
    { text: 'Air kelapa dicampur garam menyembuhkan demam berdarah', urls: [] },
    {
      text: 'ayo daftar sepeda motor listrik gratis dari pemerintah lewat formulir',
      urls: ['https://motor-gratis.example/daftar'],
    },
    { text: '', urls: ['https://sub.hoax.co.id/berita/1'] },
    { text: '', urls: ['https://palsu.example/x'] },
    { text: 'Vaksin covid mengandung microchip pelacak', urls: [] },
  ];

  it('adds, changes and removes items of the first of two lists, with its domains, as a full build would', () => {
    const changed = new Map([
      [0, { ...small[0]!.items[0]!, claim: 'Gunung Merapi bakal erupsi besar minggu depan', text: undefined }],
    ]);
    const after = applied(small, 'a', [2], changed, [motor], [{ domain: 'palsu.example', rating: 'impostor' }]);
    const patched = patchMatcher(createMatcher(small), patchOf(after, 'a', [2], changed, [motor]), after);
    const built = createMatcher(after);
    expectSameRanks(patched, built, queries);
    for (const query of queries) expect(patched.match(query)).toEqual(built.match(query));
    expect(patched.match(queries[3]!).matches[0]?.item.id).toBe('motor');
    expect(patched.match(queries[2]!).matches.map((hit) => hit.item.id)).not.toContain('kelapa');
    // A word only the removed and changed items held is unknown again: it is corrected as a fresh build would.
    expect(patched.match({ text: 'kelapa lawu erupsi', urls: [] })).toEqual(
      built.match({ text: 'kelapa lawu erupsi', urls: [] }),
    );
  });

  it('persists: the patched index loads as the lists after the patch, and patches again', () => {
    const after = applied(small, 'b', [], new Map(), [motor]);
    const patched = patchMatcher(createMatcher(small), patchOf(after, 'b', [], new Map(), [motor]), after);
    const loaded = loadMatcher(serializeMatcher(patched), after);
    expectSameRanks(loaded, createMatcher(after), queries);
    const again = applied(after, 'b', [0], new Map(), []);
    expectSameRanks(
      patchMatcher(loadIndexMatcher(serializeMatcher(patched)), patchOf(again, 'b', [0], new Map(), [])),
      createMatcher(again),
      queries,
    );
  });

  it('answers posts over the starter list exactly as a full build after a 200-item patch', () => {
    const starter = readStarterList();
    const base: IndexedList[] = [{ listId: starter.id, items: starter.items.slice(0, -150), domains: starter.domains }];
    const newcomers = starter.items.slice(-150);
    const count = base[0]!.items.length;
    const removed = Array.from({ length: 20 }, (_, i) => Math.floor((i * count) / 20) + 3);
    // Changed items get another fact-check's claim: found by it, no more by their old one.
    const changed = new Map(
      Array.from({ length: 30 }, (_, i) => {
        const position = Math.floor((i * count) / 30) + 7;
        return [
          position,
          { ...base[0]!.items[position]!, claim: starter.items[(position * 13) % count]!.claim },
        ] as const;
      }),
    );
    const after = applied(base, starter.id, removed, changed, newcomers);
    const patched = patchMatcher(createMatcher(base), patchOf(after, starter.id, removed, changed, newcomers));
    const built = createMatcher(after);
    // Posts in other words: claims and circulating texts with words left out, real posts when the shared data is here.
    const reworded = (text: string) =>
      text
        .split(' ')
        .filter((_word, at) => at % 4 !== 1)
        .join(' ');
    const posts = existsSync(pairsPath)
      ? readJsonLinesGz<{ query: string }>(pairsPath)
          .filter((_pair, line) => line % 40 === 0)
          .map(({ query }) => query)
      : [];
    const tweets = existsSync(tweetsPath)
      ? readJsonLinesGz<{ text: string }>(tweetsPath)
          .slice(0, 100)
          .map(({ text }) => text)
      : [];
    const sample: MatchQuery[] = [
      ...starter.items
        .filter((_item, at) => at % 17 === 0)
        .map((item) => ({ text: reworded(`${item.claim} ${item.text ?? ''}`), urls: [] })),
      ...[...posts, ...tweets].map((text) => ({ text, urls: [] })),
      ...newcomers.slice(0, 50).map((item) => ({ text: reworded(item.claim), urls: [] })),
      ...removed.map((position) => ({ text: base[0]!.items[position]!.claim, urls: [] })),
      ...[...changed.values()].map((item) => ({ text: item.claim, urls: [], linkTitle: item.claim })),
      { text: 'selamat pagi semuanya, jangan lupa sarapan ya', urls: [] },
    ];
    expect(sample.length).toBeGreaterThan(300);
    expectSameRanks(patched, built, sample);
  }, 120_000);

  it('patches one index twice (a patch retried) and two indexes read from the same bytes, each as its full build', () => {
    // Patches grow the index's arrays in place (lib/match/growable.ts): a second patch of the same
    // index, or of another read of the same bytes, must not write over what the first appended.
    const starter = readStarterList();
    const base: IndexedList[] = [{ listId: 'first', items: starter.items.slice(0, 1_000) }];
    const fresh = starter.items.slice(1_000, 1_200);
    const one = { removed: [3, 400], changed: new Map<number, ListItem>(), added: fresh.slice(0, 100) };
    const other = {
      removed: [],
      changed: new Map([[5, { ...base[0]!.items[5]!, claim: fresh[150]!.claim }]]),
      added: fresh.slice(100),
    };
    const sample = (lists: IndexedList[]): MatchQuery[] =>
      [...lists[0]!.items.filter((_item, at) => at % 13 === 0), ...fresh, ...base[0]!.items.slice(0, 10)].map(
        (item) => ({ text: item.claim, urls: [] }),
      );
    const patched = (matcher: IndexMatcher, { removed, changed, added }: typeof one) => {
      const after = applied(base, 'first', removed, changed, added);
      return { after, matcher: patchMatcher(matcher, patchOf(after, 'first', removed, changed, added)) };
    };
    const expectAsBuilt = ({ after, matcher }: { after: IndexedList[]; matcher: IndexMatcher }) =>
      expectSameRanks(matcher, createMatcher(after), sample(after));
    const built = createMatcher(base);
    const bytes = serializeMatcher(built);
    for (const matcher of [built, loadIndexMatcher(bytes)]) {
      const [first, second] = [patched(matcher, one), patched(matcher, other)];
      expectAsBuilt(first);
      expectAsBuilt(second);
      expectSameRanks(matcher, built, sample(base));
    }
    const [first, second] = [patched(loadIndexMatcher(bytes), one), patched(loadIndexMatcher(bytes), other)];
    expectAsBuilt(first);
    expectAsBuilt(second);
  }, 120_000);

  it('answers as a full build after several patches in a row, removals then additions, read back from its bytes between', () => {
    const starter = readStarterList();
    const [first, second] = [starter.items.slice(0, 3_000), starter.items.slice(3_000, 4_000)];
    let lists: IndexedList[] = [
      { listId: 'first', items: first.slice(0, 2_800) },
      { listId: 'second', items: second, domains: starter.domains },
    ];
    let matcher: IndexMatcher = createMatcher(lists);
    const queriesOf = (items: readonly ListItem[]): MatchQuery[] =>
      items.map((item, at) => ({
        text: at % 2 ? item.claim : `${item.claim.split(' ').slice(1).join(' ')} ${item.text ?? ''}`,
        urls: item.appearances?.slice(0, 1) ?? [],
        ...(at % 3 === 0 ? { linkTitle: item.claim } : {}),
      }));
    const steps: Array<{ listId: string; removed: number[]; changed: Map<number, ListItem>; added: ListItem[] }> = [
      // Removals alone, spread over the first list (the second list's places all shift).
      { listId: 'first', removed: [0, 5, 700, 1_401, 2_799], changed: new Map(), added: [] },
      // Then additions alone: items the first removals took out come back at the end, new ones, and a
      // copy of a later list's item (the same score: the full build ranks the copy, placed first, first).
      {
        listId: 'first',
        removed: [],
        changed: new Map(),
        added: [
          first[0]!,
          first[700]!,
          ...first.slice(2_800, 2_900),
          { ...second[20]!, id: 'copy' },
          { ...second[21]!, id: 'copy-2' },
        ],
      },
      // Then all at once, on items the last patch added: one removed, one changed, more added.
      {
        listId: 'first',
        removed: [2_796, 2_800],
        changed: new Map([[2_797, { ...first[700]!, claim: second[10]!.claim }]]),
        added: first.slice(2_900),
      },
      // The other list, with its domains' list unchanged.
      {
        listId: 'second',
        removed: [3, 4],
        changed: new Map([[0, { ...second[0]!, text: first[5]!.claim }]]),
        added: [],
      },
    ];
    steps.forEach(({ listId, removed, changed, added }, step) => {
      const after = applied(lists, listId, removed, changed, added);
      const before = lists.find((list) => list.listId === listId)!.items;
      // The removed and replaced items' own words: a full build finds them no more, nor may the patched index.
      const touched = [
        ...added,
        ...changed.values(),
        ...[...removed, ...changed.keys()].map((position) => before[position]!),
      ];
      matcher = patchMatcher(matcher, patchOf(after, listId, removed, changed, added));
      // Every other step, the patched index is persisted and read back before the next.
      if (step % 2 === 1) matcher = loadIndexMatcher(serializeMatcher(matcher));
      lists = after;
      const built = createMatcher(lists);
      const sample = [
        ...queriesOf(touched),
        ...queriesOf(lists.flatMap((list) => list.items.filter((_item, at) => at % 97 === 0))),
        ...queriesOf(first.filter((_item, at) => at % 211 === 0)),
      ];
      expectSameRanks(matcher, built, sample);
      for (const list of lists)
        for (const position of [0, 1, list.items.length - 1])
          expect(matcher.claimAt(list.listId, position)).toBe(built.claimAt(list.listId, position));
    });
    // Loaded with the lists, it checks they are those it was patched to.
    expect(() => loadMatcher(serializeMatcher(matcher), lists)).not.toThrow();
    expect(() =>
      loadMatcher(serializeMatcher(matcher), [{ ...lists[0]!, items: lists[0]!.items.slice(1) }, lists[1]!]),
    ).toThrow();
  }, 120_000);
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { ListIndex, MATCHER_CODEC } from '../../lib/background/list-index';
import { openDb, type SaringDb } from '../../lib/db';
import { ListStore, localSource } from '../../lib/lists/list-store';
import * as store from '../../lib/lists/store';
import { CHUNK_SIZE, readStoredLists, withChange } from '../../lib/lists/store';
import { ListFormatError, VALIDATION_BATCH, validateList, validateListPausing } from '../../lib/lists/validate';
import { createMatcher } from '../../lib/match';
import { applyPatch, itemDigests, makePatch } from '../../lib/lists/patch';
import type { SaringList } from '../../lib/lists/schema';

const header = { saringList: 1, id: 'cek', name: 'Cek', version: 1 };
const items = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `i${i}`, claim: `Klaim ${i}`, rating: 'false' }));

/** A list store over `db` writing through `index` (a throwaway one when the test reads through new ones). */
const storeOver = (db: SaringDb, index = new ListIndex(db), now = () => 1) => new ListStore(db, index, now);
/** Stores a raw list as an imported file. */
const put = (lists: ListStore, raw: unknown) => {
  const list = validateList(raw);
  return lists.put(list, localSource(list, 'file'));
};
/** Stores a raw list as an imported file with its items' digests, as a list that takes patches is stored. */
const putPatchable = async (lists: ListStore, raw: unknown) => {
  const list = validateList(raw);
  await lists.put(list, localSource(list, 'file'), await itemDigests(list.items));
  return list;
};

describe('validateList', () => {
  it('rejects a file whose header or shape is wrong', () => {
    expect(() => validateList(null)).toThrow(ListFormatError);
    expect(() => validateList({ ...header, saringList: 2, items: [] })).toThrow(/saringList/);
    expect(() => validateList({ ...header, id: 'Bad Id', items: [] })).toThrow(/id/);
    expect(() => validateList(header)).toThrow(/items/);
  });

  it('skips and counts bad items, bad domains and repeated ids', () => {
    const list = validateList({
      ...header,
      items: [...items(2), { id: 'i0', claim: 'again', rating: 'false' }, { id: 'x', claim: 'c', rating: 'wrong' }],
      domains: [
        { domain: 'hoaks.example', rating: 'unreliable' },
        { domain: 'h', rating: 'unreliable' },
      ],
    });
    expect(list.items.map((item) => item.id)).toEqual(['i0', 'i1']);
    expect(list.domains).toEqual([{ domain: 'hoaks.example', rating: 'unreliable' }]);
    expect(list.skipped).toBe(3);
  });

  it('validates in batches with pauses between them, to the same result', async () => {
    const raw = {
      ...header,
      items: [
        ...items(VALIDATION_BATCH * 2),
        // A bad item and a repeated id in the last batch, repeating one from the first.
        { id: 'x', claim: 'c', rating: 'wrong' },
        { id: 'i1', claim: 'again', rating: 'false' },
      ],
      domains: [{ domain: 'h', rating: 'unreliable' }],
    };
    const pause = vi.fn(() => Promise.resolve());
    const batched = await validateListPausing(raw, pause);
    expect(batched).toEqual(validateList(raw));
    expect(batched.problems.map((problem) => problem.where)).toEqual([
      `items[${VALIDATION_BATCH * 2}].rating`,
      `items[${VALIDATION_BATCH * 2 + 1}].id`,
      'domains[0].domain',
    ]);
    expect(pause).toHaveBeenCalledTimes(2);
    await expect(validateListPausing({ ...header, items: {} }, pause)).rejects.toThrow(ListFormatError);
  });
});

describe('list store', () => {
  it('stores items in chunks and replaces them whole on rewrite', async () => {
    const db = openDb(`store-${Math.random()}`);
    let clock = 1;
    const lists = storeOver(db, undefined, () => clock);
    await put(lists, { ...header, items: items(CHUNK_SIZE * 2 + 1) });
    expect(await db.chunks.count()).toBe(3);
    clock = 2;
    const record = await put(lists, { ...header, version: 2, items: items(5) });
    expect(record).toMatchObject({ version: 2, itemCount: 5, chunkCount: 1, updatedAt: 2 });
    expect(await db.chunks.count()).toBe(1);
    expect((await readStoredLists(db)).lists).toEqual([
      { listId: 'cek', items: validateList({ ...header, items: items(5) }).items, domains: [] },
    ]);
    db.close();
  });

  it('applies a write or removal in memory exactly as reading the lists back would give them', async () => {
    const db = openDb(`store-${Math.random()}`);
    const lists = storeOver(db);
    const write = (id: string, n: number) => {
      const list = validateList({ ...header, id, items: items(n) });
      return lists.put(list, localSource(list, 'file')).then((written) => ({ written, items: list.items }));
    };
    await write('bb', 2);
    await write('dd', 1);
    let inMemory = await readStoredLists(db);
    const remove = (id: string) => lists.remove(id).then(() => ({ removed: id }));
    for (const change of [() => write('cc', 3), () => write('aa', 1), () => write('cc', 4), () => remove('bb')]) {
      inMemory = withChange(inMemory, await change());
      expect(inMemory).toEqual(await readStoredLists(db));
    }
    db.close();
  });
});

describe('ListStore, the one writer of lists', () => {
  const version = (n: number, size: number) => ({
    ...header,
    version: n,
    items: Array.from({ length: size }, (_, i) => ({
      id: `v${n}-${i}`,
      claim: `Kabar versi${n} nomor ${i} tentang vaksin${i}`,
      rating: 'false',
    })),
  });
  /** Each read's view of list "cek": which version its record and every item are from, and whether they agree. */
  const versionOf = (id: string) => Number(/^v(\d+)-/.exec(id)![1]);
  const SIZE = CHUNK_SIZE * 101 + 7; // 102 chunks: three requests of a write

  async function seeded() {
    const db = openDb(`one-store-${Math.random()}`);
    const index = new ListIndex(db);
    const lists = storeOver(db, index);
    const first = validateList(version(1, SIZE));
    await lists.put(first, localSource(first, 'file'));
    await index.get();
    return { db, index, lists };
  }

  /** Reads the store and the index three ways, as concurrent messages would (outside any write's transaction). */
  function readEverything(db: SaringDb, index: ListIndex, lists: ListStore) {
    return Dexie.ignoreTransaction(async () => {
      const [records, stored, answer] = await Promise.all([
        lists.records(),
        lists.read(),
        index.get().then(({ matcher }) => matcher.match({ text: 'kabar nomor 5 tentang vaksin5', urls: [] })),
      ]);
      const storedVersions = new Set(stored.lists.flatMap((list) => list.items.map((item) => versionOf(item.id))));
      return {
        recordVersion: records.find((record) => record.id === 'cek')!.version,
        storedRecordVersion: stored.records.find((record) => record.id === 'cek')!.version,
        storedVersions: [...storedVersions],
        storedCount: stored.lists[0]!.items.length,
        storedRecordCount: stored.records[0]!.itemCount,
        answerVersions: [...new Set(answer.matches.map((hit) => versionOf(hit.item.id)))],
      };
    });
  }

  it('answers reads during a write with the old list or the new one, never a mix', async () => {
    const { db, index, lists } = await seeded();
    const reads: Promise<Awaited<ReturnType<typeof readEverything>>>[] = [readEverything(db, index, lists)];
    // A read issued at every request the write makes, as messages arriving meanwhile would be.
    const bulkPut = db.chunks.bulkPut.bind(db.chunks);
    vi.spyOn(db.chunks, 'bulkPut').mockImplementation((...args: Parameters<typeof db.chunks.bulkPut>) => {
      reads.push(readEverything(db, index, lists));
      return bulkPut(...args);
    });
    const second = validateList(version(2, SIZE - 500));
    const written = lists.put(second, localSource(second, 'file'));
    reads.push(readEverything(db, index, lists));
    await written;
    reads.push(readEverything(db, index, lists));
    const seen = await Promise.all(reads);
    expect(seen.length).toBeGreaterThanOrEqual(5);
    for (const view of seen) {
      // The records as one version; every item of the stored copy from the version its record says, all of them.
      expect([1, 2]).toContain(view.recordVersion);
      expect(view.storedVersions).toEqual([view.storedRecordVersion]);
      expect(view.storedCount).toBe(view.storedRecordCount);
      expect(view.storedCount).toBe(view.storedRecordVersion === 1 ? SIZE : SIZE - 500);
      expect(view.answerVersions).toHaveLength(1);
    }
    // Before the write, all of version 1; the status read during it is the old one, while checks
    // issued once it started wait for the new index.
    expect(seen[0]).toMatchObject({ recordVersion: 1, storedVersions: [1], answerVersions: [1] });
    expect(seen[1]!.recordVersion).toBe(1);
    expect(seen.slice(1).map((view) => view.answerVersions[0])).toEqual(seen.slice(1).map(() => 2));
    expect(seen.at(-1)).toMatchObject({ recordVersion: 2, storedRecordVersion: 2 });
    db.close();
  });

  it('leaves the old list, its source and its index when a write fails halfway', async () => {
    const { db, index, lists } = await seeded();
    const sourceBefore = await db.sources.get('cek');
    const bulkPut = db.chunks.bulkPut.bind(db.chunks);
    let calls = 0;
    vi.spyOn(db.chunks, 'bulkPut').mockImplementation((...args: Parameters<typeof db.chunks.bulkPut>) => {
      if (++calls === 2) return Dexie.Promise.reject(new Error('QuotaExceededError'));
      return bulkPut(...args);
    });
    const second = validateList(version(2, SIZE));
    await expect(lists.put(second, { ...localSource(second, 'file'), lastSuccess: 99 })).rejects.toThrow(
      'QuotaExceededError',
    );
    vi.restoreAllMocks();
    const after = await readEverything(db, index, lists);
    expect(after).toMatchObject({ recordVersion: 1, storedVersions: [1], storedCount: SIZE, answerVersions: [1] });
    expect(await db.sources.get('cek')).toEqual(sourceBefore);
    expect(await db.chunks.where('listId').equals('cek').count()).toBe(102);
    db.close();
  });

  it('is the only module that writes lists, their items or their digests', () => {
    const root = resolve(import.meta.dirname, '../..');
    const files = ['lib', 'entrypoints', 'components'].flatMap((dir) =>
      readdirSync(resolve(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.tsx?$/.test(file))
        .map((file) => join(dir, file)),
    );
    const writes =
      /\.(lists|chunks|digests)\s*\.\s*(put|bulkPut|add|bulkAdd|update|bulkUpdate|delete|bulkDelete|clear)\(|\.(lists|chunks|digests)\s*\.\s*where\([^)]*\)[^;]*\.(delete|modify)\(/;
    const writers = files.filter((file) => writes.test(readFileSync(resolve(root, file), 'utf8')));
    expect(writers).toEqual([join('lib', 'lists', 'list-store.ts')]);
  });
});

describe('ListIndex', () => {
  it('retries a failed load on the next query instead of keeping the failure', async () => {
    const db = openDb(`index-${Math.random()}`);
    const build = vi.fn(createMatcher).mockImplementationOnce(() => {
      throw new Error('boom');
    });
    const index = new ListIndex(db, { ...MATCHER_CODEC, build });
    await expect(index.get()).rejects.toThrow('boom');
    await expect(index.get()).resolves.toMatchObject({ matcher: { size: 0 } });
    expect(build).toHaveBeenCalledTimes(2);
    db.close();
  });

  it('answers queries arriving during a list write from the rebuilt index', async () => {
    const db = openDb(`index-${Math.random()}`);
    const index = new ListIndex(db);
    await index.get();
    const written = put(storeOver(db, index), { ...header, items: items(3) });
    const during = index.get();
    expect((await during).matcher.size).toBe(3);
    await written;
    expect((await index.get()).matcher.size).toBe(3);
    db.close();
  });

  it('rebuilds from the lists in memory when the write says what it changed', async () => {
    const db = openDb(`index-${Math.random()}`);
    const index = new ListIndex(db);
    const lists = storeOver(db, index);
    await put(lists, { ...header, id: 'other', items: items(2) });
    await index.get();
    const read = vi.spyOn(store, 'readStoredLists');
    await put(lists, { ...header, items: items(3) });
    expect(read).not.toHaveBeenCalled();
    expect((await index.get()).matcher.size).toBe(5);
    // The index persisted for the next wake is the one a fresh read would load.
    const woken = await new ListIndex(db).get();
    expect(woken).toMatchObject({ fromPersisted: true, matcher: { size: 5 } });
    expect(read).not.toHaveBeenCalled();
    read.mockRestore();
    db.close();
  });

  it('wakes on the persisted index alone and reads only the chunks holding the hits', async () => {
    const db = openDb(`index-${Math.random()}`);
    const hoaxes = Array.from({ length: CHUNK_SIZE + 2 }, (_, i) => ({
      id: `h${i}`,
      claim: `Kabar bohong nomor ${i} tentang vaksin${i}`,
      rating: 'false' as const,
    }));
    await put(storeOver(db), { ...header, items: hoaxes });
    await new ListIndex(db).get();
    const read = vi.spyOn(store, 'readStoredLists');
    const bulkGet = vi.spyOn(db.chunks, 'bulkGet');
    const woken = await new ListIndex(db).get();
    const query = { text: `awas kabar bohong vaksin${CHUNK_SIZE + 1}`, urls: [] };
    const answer = await woken.matcher.match(query);
    expect(woken.fromPersisted).toBe(true);
    expect(read).not.toHaveBeenCalled();
    expect(answer).toEqual(createMatcher([{ listId: 'cek', items: hoaxes }]).match(query));
    expect(answer.matches[0]?.item.id).toBe(`h${CHUNK_SIZE + 1}`);
    expect(bulkGet.mock.calls.flatMap(([keys]) => keys)).toEqual([['cek', 1]]);
    read.mockRestore();
    db.close();
  });

  it('leaves out a hit whose stored item is no longer the one indexed', async () => {
    const db = openDb(`index-${Math.random()}`);
    const list = [{ id: 'a', claim: 'Vaksin mengandung microchip pelacak', rating: 'false' }];
    await put(storeOver(db), { ...header, items: list });
    await new ListIndex(db).get();
    const woken = await new ListIndex(db).get();
    // Written behind the index's back, as a write racing a query would.
    await db.chunks.put({ listId: 'cek', index: 0, items: [{ id: 'b', claim: 'Something else', rating: 'false' }] });
    expect(await woken.matcher.match({ text: 'vaksin mengandung microchip pelacak', urls: [] })).toEqual({
      decision: 'none',
      matches: [],
    });
    db.close();
  });

  it('keeps serving the old index when a write fails', async () => {
    const db = openDb(`index-${Math.random()}`);
    const index = new ListIndex(db);
    await put(storeOver(db, index), { ...header, items: items(2) });
    await index.get();
    await expect(index.update(() => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect((await index.get()).matcher.size).toBe(2);
    db.close();
  });
});

describe('patches through the list store', () => {
  it('serves a patched index before persisting it; a worker stopped before it is persisted rebuilds on waking', async () => {
    const db = openDb(`store-${Math.random()}`);
    const index = new ListIndex(db);
    const lists = storeOver(db, index);
    const hoaxes = Array.from({ length: 300 }, (_, i) => ({
      id: `h${i}`,
      claim: `Kabar bohong nomor ${i} tentang vaksin${i}`,
      rating: 'false',
    }));
    const before = { ...header, patches: 'patches/', items: hoaxes };
    const validated = await putPatchable(lists, before);
    await index.get();
    const v1Index = await db.matcherIndex.get('current');
    const added = { id: 'baru', claim: 'Gerhana matahari total membuat ponsel meledak', rating: 'false' as const };
    const after = { ...before, version: 2, items: [...before.items.slice(1), added] } as SaringList;
    const put = vi.spyOn(db.matcherIndex, 'put');
    await lists.applyPatch(
      await lists.checkPatch(await makePatch(before as SaringList, after)),
      localSource(validated, 'file'),
    );
    const patched = await index.get();
    expect((await patched.matcher.match({ text: added.claim, urls: [] })).matches[0]?.item.id).toBe('baru');
    // Searchable, and the index on disk is still version 1's: persisting comes after the answer.
    expect(put).not.toHaveBeenCalled();
    expect(await db.matcherIndex.get('current')).toEqual(v1Index);
    put.mockRestore();

    // The worker stops here. The next wake finds a persisted index older than the stored list, so
    // it does not load it (it would answer without the new item, and read items at wrong places):
    // it rebuilds from the stored items, and persists that.
    const build = vi.fn(MATCHER_CODEC.build);
    const load = vi.fn(MATCHER_CODEC.load);
    const woken = await new ListIndex(db, { ...MATCHER_CODEC, build, load }).get();
    expect(load).not.toHaveBeenCalled();
    expect(build).toHaveBeenCalledTimes(1);
    expect(woken.fromPersisted).toBe(false);
    for (const item of [added, after.items[0]!, after.items[150]!])
      expect((await woken.matcher.match({ text: item.claim, urls: [] })).matches[0]?.item.id).toBe(item.id);
    expect((await woken.matcher.match({ text: before.items[0]!.claim, urls: [] })).matches[0]?.item.id).not.toBe('h0');
    // The wake after that loads it.
    expect(await new ListIndex(db).get()).toMatchObject({ fromPersisted: true, matcher: { size: 300 } });
    await index.persistPending();
    db.close();
  });

  it('patches the index while the write commits, and serves the old one when the write fails', async () => {
    const db = openDb(`store-${Math.random()}`);
    const index = new ListIndex(db);
    const lists = storeOver(db, index);
    const hoaxes = Array.from({ length: 300 }, (_, i) => ({
      id: `h${i}`,
      claim: `Kabar bohong nomor ${i} tentang vaksin${i}`,
      rating: 'false',
    }));
    const before = { ...header, patches: 'patches/', items: hoaxes };
    const validated = await putPatchable(lists, before);
    await index.get();
    const added = { id: 'baru', claim: 'Gerhana matahari total membuat ponsel meledak', rating: 'false' as const };
    const after = { ...before, version: 2, items: [...before.items.slice(1), added] } as SaringList;
    const patch = await makePatch(before as SaringList, after);
    const failing = vi.spyOn(db.chunks, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    await expect(lists.applyPatch(await lists.checkPatch(patch), localSource(validated, 'file'))).rejects.toThrow(
      'disk full',
    );
    failing.mockRestore();
    // Nothing of the patch was written, and nothing of it is answered.
    const stored = await readStoredLists(db);
    expect(stored.records[0]).toMatchObject({ version: 1, itemCount: 300 });
    expect(stored.lists[0]!.items).toEqual(hoaxes);
    const served = await index.get();
    expect((await served.matcher.match({ text: added.claim, urls: [] })).matches).toEqual([]);
    expect((await served.matcher.match({ text: hoaxes[0]!.claim, urls: [] })).matches[0]?.item.id).toBe('h0');
    // The same patch applies once the disk has room.
    await lists.applyPatch(await lists.checkPatch(patch), localSource(validated, 'file'));
    expect((await (await index.get()).matcher.match({ text: added.claim, urls: [] })).matches[0]?.item.id).toBe('baru');
    await index.persistPending();
    db.close();
  });

  it('writes a patch into new chunks alone, reads no stored item, and reads back as applyPatch', async () => {
    const db = openDb(`store-${Math.random()}`);
    const index = new ListIndex(db);
    const lists = storeOver(db, index);
    const before = { ...header, patches: 'patches/', items: items(2_500) };
    const validated = await putPatchable(lists, before);
    // Removes an item of the first and third chunks, changes one in the 13th, adds 150: the changed
    // item and the new ones fill two new chunks; the stored ones stay as they are.
    const after = {
      ...before,
      version: 2,
      items: [
        ...before.items
          .filter((item) => item.id !== 'i5' && item.id !== 'i250')
          .map((item) =>
            item.id === 'i1200' ? { ...item, claim: 'Klaim diubah tentang gerhana matahari total' } : item,
          ),
        ...Array.from({ length: 150 }, (_, i) => ({ id: `n${i}`, claim: `Klaim ${10_000 + i}`, rating: 'false' })),
      ],
    } as SaringList;
    const patch = await makePatch(before as SaringList, after);
    const bulkPut = vi.spyOn(db.chunks, 'bulkPut');
    const chunksRead = vi.spyOn(db.chunks, 'bulkGet');
    const digestsRead = vi.spyOn(db.digests, 'bulkGet');
    await lists.applyPatch(await lists.checkPatch(patch), localSource(validated, 'file'));
    expect(
      bulkPut.mock.calls.flatMap(([chunks]) => chunks.map((chunk) => `${chunk.index}:${chunk.items.length}`)),
    ).toEqual(['25:100', '26:51']);
    expect(chunksRead).not.toHaveBeenCalled();
    expect(digestsRead.mock.calls.flatMap(([keys]) => keys).sort(([, a], [, b]) => Number(a) - Number(b))).toEqual([
      ['cek', 0],
      ['cek', 2],
      ['cek', 12],
    ]);
    const stored = await readStoredLists(db);
    expect(stored.lists[0]!.items).toEqual((await applyPatch(before as SaringList, patch)).list.items);
    expect(stored.records[0]).toMatchObject({
      version: 2,
      itemCount: 2_648,
      chunkCount: 27,
      garbage: 3,
      checksum: patch.checksum,
    });
    // A patch from another base is refused before anything is written.
    await expect(lists.checkPatch(patch)).rejects.toThrow(/version 1; the stored copy is version 2/);
    // The patched index is persisted a moment after it serves; then, read per hit through the
    // persisted index, every position lands on its item.
    await index.persistPending();
    const woken = new ListIndex(db);
    const loaded = await woken.get();
    expect(loaded.fromPersisted).toBe(true);
    for (const id of ['i16', 'i251', 'i1200', 'i1999', 'i2499', 'n0', 'n99', 'n100', 'n149']) {
      const item = after.items.find((candidate) => candidate.id === id)!;
      expect(
        (await loaded.matcher.match({ text: item.claim, urls: [] })).matches.map((hit) => hit.item.id),
        id,
      ).toContain(id);
    }
    db.close();
  });

  it('writes nothing of a patch when the stored copy changed after it was checked', async () => {
    const db = openDb(`store-${Math.random()}`);
    const index = new ListIndex(db);
    const lists = storeOver(db, index);
    const before = { ...header, patches: 'patches/', items: items(300) };
    const validated = await putPatchable(lists, before);
    const after = {
      ...before,
      version: 2,
      items: [...before.items.slice(1), { id: 'n', claim: 'Baru', rating: 'false' }],
    };
    const checked = await lists.checkPatch(await makePatch(before as SaringList, after as SaringList));
    // Another write of the list lands between the check and the patch.
    const other = await putPatchable(lists, { ...before, version: 5, items: items(3) });
    await expect(lists.applyPatch(checked, localSource(validated, 'file'))).rejects.toThrow(/changed while/);
    const stored = await readStoredLists(db);
    expect(stored.records[0]).toMatchObject({ version: 5, itemCount: 3, chunkCount: 1 });
    expect(stored.lists[0]!.items).toEqual(other.items);
    expect(await db.chunks.count()).toBe(1);
    expect(await db.digests.count()).toBe(1);
    expect((await index.get()).matcher.size).toBe(3);
    db.close();
  });

  it('reads the items whose id hash is shared, to tell them apart', async () => {
    const db = openDb(`store-${Math.random()}`);
    const lists = storeOver(db);
    // FNV-1a pairs: 1039599 and 1222382 share a hash, as do 1039598 and 1222383.
    const ids = ['hoaks-1039599', 'hoaks-1222382', 'hoaks-1039598'];
    const before = {
      ...header,
      patches: 'patches/',
      items: [...items(250), ...ids.map((id, i) => ({ id, claim: `Klaim kembar ${i}`, rating: 'false' }))],
    };
    const validated = await putPatchable(lists, before);
    const after = {
      ...before,
      version: 2,
      items: [
        ...before.items.map((item) => (item.id === 'hoaks-1222382' ? { ...item, label: 'HOAKS' } : item)),
        { id: 'hoaks-1222383', claim: 'Klaim baru yang hashnya kembar', rating: 'false' },
      ],
    } as SaringList;
    const patch = await makePatch(before as SaringList, after);
    const chunksRead = vi.spyOn(db.chunks, 'bulkGet');
    await lists.applyPatch(await lists.checkPatch(patch), localSource(validated, 'file'));
    expect(chunksRead.mock.calls.flatMap(([keys]) => keys)).toEqual([['cek', 2]]);
    expect((await readStoredLists(db)).lists[0]!.items).toEqual(
      (await applyPatch(before as SaringList, patch)).list.items,
    );
    // Adding an id the list has is refused, its hash shared or not.
    const again = { ...(await makePatch(after, { ...after, version: 3 })), target: 3 };
    again.header = { ...again.header, version: 3 };
    for (const id of ['hoaks-1039598', 'i7']) {
      const twice = {
        ...again,
        added: [{ id, claim: 'Lagi', rating: 'false' as const }],
        count: after.items.length + 1,
      };
      await expect(lists.checkPatch(twice)).rejects.toThrow(/already has/);
    }
    db.close();
  });
});

import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { ListIndex, MATCHER_CODEC } from '../../lib/background/list-index';
import { openDb } from '../../lib/db';
import * as store from '../../lib/lists/store';
import { CHUNK_SIZE, readStoredLists, withChange, writeList } from '../../lib/lists/store';
import { ListFormatError, VALIDATION_BATCH, validateList, validateListPausing } from '../../lib/lists/validate';
import { createMatcher } from '../../lib/match';

const header = { saringList: 1, id: 'cek', name: 'Cek', version: 1 };
const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `i${i}`, claim: `Klaim ${i}`, rating: 'false' }));

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
      domains: [{ domain: 'hoaks.example', rating: 'unreliable' }, { domain: 'h', rating: 'unreliable' }],
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
    await writeList(db, validateList({ ...header, items: items(CHUNK_SIZE * 2 + 1) }), { source: 'file' }, 1);
    expect(await db.chunks.count()).toBe(3);
    const record = await writeList(db, validateList({ ...header, version: 2, items: items(5) }), { source: 'file' }, 2);
    expect(record).toMatchObject({ version: 2, itemCount: 5, chunkCount: 1, updatedAt: 2 });
    expect(await db.chunks.count()).toBe(1);
    const { lists } = await readStoredLists(db);
    expect(lists).toEqual([{ listId: 'cek', items: validateList({ ...header, items: items(5) }).items, domains: [] }]);
    db.close();
  });

  it('applies a write or removal in memory exactly as reading the lists back would give them', async () => {
    const db = openDb(`store-${Math.random()}`);
    const write = (id: string, n: number) => {
      const list = validateList({ ...header, id, items: items(n) });
      return writeList(db, list, { source: 'file' }, 1).then((written) => ({ written, items: list.items }));
    };
    await write('bb', 2);
    await write('dd', 1);
    let inMemory = await readStoredLists(db);
    const remove = (id: string) => store.deleteList(db, id).then(() => ({ removed: id }));
    for (const change of [() => write('cc', 3), () => write('aa', 1), () => write('cc', 4), () => remove('bb')]) {
      inMemory = withChange(inMemory, await change());
      expect(inMemory).toEqual(await readStoredLists(db));
    }
    db.close();
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
    const updated = index.update(() => writeList(db, validateList({ ...header, items: items(3) }), { source: 'file' }, 1).then(() => undefined));
    const during = index.get();
    expect((await during).matcher.size).toBe(3);
    expect((await updated).matcher.size).toBe(3);
    db.close();
  });

  it('rebuilds from the lists in memory when the write says what it changed', async () => {
    const db = openDb(`index-${Math.random()}`);
    await writeList(db, validateList({ ...header, id: 'other', items: items(2) }), { source: 'file' }, 1);
    const index = new ListIndex(db);
    await index.get();
    const read = vi.spyOn(store, 'readStoredLists');
    const list = validateList({ ...header, items: items(3) });
    const updated = await index.update(async () => ({ written: await writeList(db, list, { source: 'file' }, 1), items: list.items }));
    expect(read).not.toHaveBeenCalled();
    expect(updated.matcher.size).toBe(5);
    // The index persisted for the next wake is the one a fresh read would load.
    const woken = await new ListIndex(db).get();
    expect(woken).toMatchObject({ fromPersisted: true, matcher: { size: 5 } });
    expect(read).not.toHaveBeenCalled();
    read.mockRestore();
    db.close();
  });

  it('wakes on the persisted index alone and reads only the chunks holding the hits', async () => {
    const db = openDb(`index-${Math.random()}`);
    const hoaxes = Array.from({ length: CHUNK_SIZE + 2 }, (_, i) => ({ id: `h${i}`, claim: `Kabar bohong nomor ${i} tentang vaksin${i}`, rating: 'false' as const }));
    await writeList(db, validateList({ ...header, items: hoaxes }), { source: 'file' }, 1);
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
    await writeList(db, validateList({ ...header, items: list }), { source: 'file' }, 1);
    await new ListIndex(db).get();
    const woken = await new ListIndex(db).get();
    // Written behind the index's back, as a write racing a query would.
    await db.chunks.put({ listId: 'cek', index: 0, items: [{ id: 'b', claim: 'Something else', rating: 'false' }] });
    expect(await woken.matcher.match({ text: 'vaksin mengandung microchip pelacak', urls: [] })).toEqual({ decision: 'none', matches: [] });
    db.close();
  });

  it('keeps serving the old index when a write fails', async () => {
    const db = openDb(`index-${Math.random()}`);
    await writeList(db, validateList({ ...header, items: items(2) }), { source: 'file' }, 1);
    const index = new ListIndex(db);
    await index.get();
    await expect(index.update(() => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect((await index.get()).matcher.size).toBe(2);
    db.close();
  });
});

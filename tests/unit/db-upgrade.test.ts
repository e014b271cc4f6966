import { createHash } from 'node:crypto';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { EARLIER_CHECKS, openDb, SCHEMA_HISTORY, type SaringDb } from '../../lib/db';
import { LEGACY_CHUNK_SIZE, readStoredLists } from '../../lib/lists/store';
import { validateList, type ValidatedList } from '../../lib/lists/validate';

const latest = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!.version;

const list = validateList({
  saringList: 1,
  id: 'old-list',
  name: 'Old list',
  publisher: { name: 'Cek Fakta' },
  version: 3,
  items: Array.from({ length: 2_500 }, (_, i) => ({ id: `item-${i}`, claim: `Klaim nomor ${i}`, rating: 'false' })),
});

/** Writes a list as versions 1–6 stored it: its record (with where it came from) and its chunks. */
async function writeOldList(
  db: SaringDb,
  { header, items, domains }: ValidatedList,
  origin: { source: string; url?: string; etag?: string },
  updatedAt: number,
) {
  const chunks = [];
  for (let start = 0; start < items.length; start += LEGACY_CHUNK_SIZE)
    chunks.push({ listId: header.id, index: chunks.length, items: items.slice(start, start + LEGACY_CHUNK_SIZE) });
  await db.table('chunks').bulkPut(chunks);
  await db.table('lists').put({
    id: header.id,
    name: header.name,
    ...(header.publisher ? { publisher: header.publisher.name } : {}),
    version: header.version,
    ...origin,
    itemCount: items.length,
    skipped: 0,
    chunkCount: chunks.length,
    domains,
    updatedAt,
  });
}

describe('database upgrade', () => {
  it('keeps every table of each version in the next (history is append-only)', () => {
    for (let i = 1; i < SCHEMA_HISTORY.length; i++) {
      const before = Object.keys(SCHEMA_HISTORY[i - 1]!.stores);
      expect(Object.keys(SCHEMA_HISTORY[i]!.stores)).toEqual(expect.arrayContaining(before));
      expect(SCHEMA_HISTORY[i]!.version).toBeGreaterThan(SCHEMA_HISTORY[i - 1]!.version);
    }
  });

  it(`opens a database written at v4 at v${latest} with its lists intact`, async () => {
    const name = `upgrade-${Math.random()}`;
    const old = openDb(name, 4);
    await writeOldList(old, list, { source: 'url', url: 'https://lists.example/old.json', etag: '"abc"' }, 1_000);
    expect(old.verno).toBe(4);
    // v4 kept one failure streak per site.
    await old.table('siteHealth').bulkPut([
      { site: 'x', lastOk: 5, lastFailure: 9, failures: 2, detail: 'post not found' },
      { site: 'tiktok', lastOk: 7, lastFailure: 3, failures: 0 },
    ]);
    old.close();

    const current = openDb(name);
    await current.open();
    expect(current.verno).toBe(latest);
    const { records, lists } = await readStoredLists(current);
    expect(records).toEqual([
      expect.objectContaining({
        id: 'old-list',
        etag: '"abc"',
        itemCount: 2_500,
        chunkCount: 3,
        publisher: 'Cek Fakta',
      }),
    ]);
    expect(lists[0]!.items.map((item) => item.id)).toEqual(list.items.map((item) => item.id));

    // Site health is kept per check since v5: a streak becomes one check, failing or not.
    expect(await current.siteHealth.get('x')).toEqual({
      site: 'x',
      lastOk: 5,
      checks: { [EARLIER_CHECKS]: { lastOk: 5, lastFailure: 9, failing: true } },
    });
    expect(await current.siteHealth.get('tiktok')).toEqual({
      site: 'tiktok',
      lastOk: 7,
      checks: { [EARLIER_CHECKS]: { lastOk: 7, lastFailure: 3, failing: false } },
    });

    // The tables added since are usable.
    await current.readLinks.put({ hash: 'h', day: 1 });
    expect(await current.readLinks.count()).toBe(1);
    await current.sources.put({
      listId: 'old-list',
      kind: 'url',
      url: 'https://lists.example/old.json',
      enabled: true,
      refreshMs: 1,
      lastSuccess: null,
      lastAttempt: null,
      nextSync: null,
      failures: 0,
      skippedItems: [],
    });
    expect(await current.sources.count()).toBe(1);
    current.close();
  });

  it("drops the list records' own state and error at v5: the sources table holds how syncs go", async () => {
    const name = `upgrade-${Math.random()}`;
    const old = openDb(name, 4);
    await writeOldList(old, list, { source: 'file' }, 1_000);
    await old.lists.update('old-list', { state: 'error', lastError: 'HTTP 500' } as object);
    expect(await old.lists.get('old-list')).toMatchObject({ state: 'error', lastError: 'HTTP 500' });
    old.close();

    const current = openDb(name);
    const record = await current.lists.get('old-list');
    expect(record).toMatchObject({ id: 'old-list', itemCount: 2_500, updatedAt: 1_000 });
    expect(record).not.toHaveProperty('state');
    expect(record).not.toHaveProperty('lastError');
    current.close();
  });

  it(`drops the unkeyed read-link hashes at v6, and keeps everything else (v5 → v${latest})`, async () => {
    const name = `upgrade-${Math.random()}`;
    const old = openDb(name, 5);
    await writeOldList(old, list, { source: 'file' }, 1_000);
    // v2–v5: plain SHA-256 of the normalised URL, with the time in ms.
    await old.table('readLinks').bulkPut([
      { hash: createHash('sha256').update('https://berita.example.id/a').digest('hex'), at: 1_750_000_000_123 },
      { hash: createHash('sha256').update('https://berita.example.id/b').digest('hex'), at: 1_750_000_100_456 },
    ]);
    await old
      .table('dailyStats')
      .put({ day: '2026-06-24', site: 'x', prompts: { 'hoax-match': 1 }, outcomes: { cancel: 1 } });
    old.close();

    const current = openDb(name);
    await current.open();
    expect(current.verno).toBe(latest);
    expect(await current.readLinks.count()).toBe(0);
    expect(await current.secrets.count()).toBe(0);
    expect(await current.lists.get('old-list')).toMatchObject({ itemCount: 2_500 });
    expect(await current.dailyStats.count()).toBe(1);
    // Read links are looked up by day now.
    await current.readLinks.bulkPut([
      { hash: 'a', day: 20_000 },
      { hash: 'b', day: 20_031 },
    ]);
    expect(await current.readLinks.where('day').below(20_001).primaryKeys()).toEqual(['a']);
    current.close();
  });

  it('gives every list a source record at v7, from what its record says, and keeps the sources there were', async () => {
    const name = `upgrade-${Math.random()}`;
    const old = openDb(name, 6);
    const named = (id: string) => ({ ...list, header: { ...list.header, id } });
    // A subscription from before v4 (it had no source, so it never synced), the starter list, an imported file, and a subscription with its source.
    await writeOldList(
      old,
      named('early-sub'),
      { source: 'url', url: 'https://lists.example/early.json', etag: '"e1"' },
      1_000,
    );
    await writeOldList(old, named('saring-starter'), { source: 'starter' }, 2_000);
    await writeOldList(old, named('cek-kelas'), { source: 'file' }, 3_000);
    await writeOldList(old, named('later-sub'), { source: 'url', url: 'https://lists.example/later.json' }, 4_000);
    const laterSource = {
      listId: 'later-sub',
      kind: 'managed',
      url: 'https://lists.example/later.json',
      publicKey: 'k',
      enabled: true,
      refreshMs: 7_200_000,
      lastSuccess: 4_000,
      lastAttempt: 4_000,
      nextSync: 11_200,
      failures: 0,
      skippedItems: [],
    };
    await old.table('sources').put(laterSource);
    old.close();

    const current = openDb(name);
    await current.open();
    expect(current.verno).toBe(latest);
    const sources = Object.fromEntries((await current.sources.toArray()).map((source) => [source.listId, source]));
    expect(sources['early-sub']).toMatchObject({
      kind: 'url',
      url: 'https://lists.example/early.json',
      etag: '"e1"',
      enabled: true,
      lastSuccess: 1_000,
      nextSync: null,
      failures: 0,
    });
    expect(sources['saring-starter']).toMatchObject({ kind: 'starter', enabled: true, lastSuccess: 2_000 });
    expect(sources['saring-starter']).not.toHaveProperty('url');
    expect(sources['cek-kelas']).toMatchObject({ kind: 'file', enabled: true });
    expect(sources['later-sub']).toEqual(laterSource);
    expect(await current.lists.count()).toBe(4);
    current.close();
  });
});

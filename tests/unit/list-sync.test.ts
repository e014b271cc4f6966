import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackgroundContext } from '../../lib/background/context';
import { ListIndex } from '../../lib/background/list-index';
import { listStoreOf } from '../../lib/background/lists';
import { openDb, type SaringDb } from '../../lib/db';
import { ListStore } from '../../lib/lists/list-store';
import { LIST_FILE_LIMITS } from '../../lib/lists/schema';
import { generateSigningKeys, signListBytes } from '../../lib/lists/signature';
import {
  checkListUrl,
  DEFAULT_REFRESH_MS,
  HOUR_MS,
  MAX_REFRESH_MS,
  parseSubscribeLink,
  refreshIntervalMs,
  retryDelayMs,
  subscribeLink,
} from '../../lib/lists/subscriptions';
import { FULL_DOWNLOAD_EVERY_MS, ListSync } from '../../lib/lists/sync';
import { listChecksum, makePatch, serializePatch, type ListPatch } from '../../lib/lists/patch';
import type { SaringList } from '../../lib/lists/schema';
import * as storeModule from '../../lib/lists/store';
import { CHUNK_SIZE, readStoredLists } from '../../lib/lists/store';

const URL_ = 'https://lists.example/cek.json';
const HOAX = 'Air rebusan daun sirsak menyembuhkan kanker stadium empat dalam tiga hari';

const listFile = (version: number, claim = HOAX, extra: object = {}) =>
  JSON.stringify({
    saringList: 1,
    id: 'cek',
    name: 'Cek Fakta Contoh',
    publisher: { name: 'Contoh' },
    languages: ['id'],
    version,
    refresh: 'PT2H',
    items: [
      { id: 'a', claim, rating: 'false' },
      { id: 'b', claim: 'Vaksin berisi microchip pelacak', rating: 'false', url: 'http://not-https.example' },
    ],
    ...extra,
  });

type Reply = { status?: number; body?: string; headers?: Record<string, string>; hang?: boolean; truncate?: boolean };

/** A list server as an injected fetch: each path answers with the reply set for it; requests are kept. */
function fakeServer() {
  const replies = new Map<string, Reply>();
  const requests: { url: string; headers: Record<string, string> }[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : input.toString();
    requests.push({ url, headers: { ...(init?.headers as Record<string, string>) } });
    const reply = replies.get(url) ?? { status: 404, body: '' };
    if (reply.hang) {
      return new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    }
    const bytes = new TextEncoder().encode(reply.body ?? '');
    if (reply.truncate) {
      // Content-Length promises the whole file; the connection drops halfway.
      const half = bytes.slice(0, bytes.length >> 1);
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(half);
          controller.error(new TypeError('network error'));
        },
      });
      return new Response(body, { status: 200, headers: { 'content-length': String(bytes.length) } });
    }
    return new Response(reply.status === 304 ? null : bytes, {
      status: reply.status ?? 200,
      headers: reply.headers ?? {},
    });
  }) as typeof fetch;
  return { replies, requests, fetch: fetchImpl };
}

let db: SaringDb;
afterEach(() => db?.close());

function setup(idleTimeoutMs = 5_000) {
  db = openDb(`sync-${Math.random()}`);
  const index = new ListIndex(db);
  const server = fakeServer();
  const schedule = vi.fn(async (_listId: string, _when: number | null) => undefined);
  let clock = 1_000_000;
  const store = new ListStore(db, index, () => clock);
  const sync = new ListSync({ db, store, fetch: server.fetch, now: () => clock, schedule, idleTimeoutMs });
  const tick = (ms: number) => (clock += ms);
  const matches = async (text: string) =>
    (await (await index.get()).matcher.match({ text, urls: [] })).matches.map((hit) => `${hit.listId}/${hit.item.id}`);
  return { sync, server, schedule, index, tick, matches, now: () => clock };
}

async function subscribed(version = 1, headers: Record<string, string> = { etag: '"v1"' }) {
  const context = setup(300);
  context.server.replies.set(URL_, { body: listFile(version), headers });
  await context.sync.subscribe({ url: URL_ }, 'person');
  return context;
}

describe('subscribing', () => {
  it('stores a list, makes it matchable, keeps skipped items with reasons and arms its sync', async () => {
    const { sync, server, schedule, matches, now } = setup();
    server.replies.set(URL_, { body: listFile(1), headers: { etag: '"v1"' } });
    const preview = await sync.subscribe({ url: URL_ }, 'person');
    expect(preview).toMatchObject({
      id: 'cek',
      name: 'Cek Fakta Contoh',
      publisher: 'Contoh',
      items: 1,
      languages: ['id'],
    });
    expect(await matches(HOAX)).toContain('cek/a');
    const source = await db.sources.get('cek');
    expect(source).toMatchObject({ kind: 'url', url: URL_, etag: '"v1"', refreshMs: 2 * HOUR_MS, failures: 0 });
    expect(source!.skippedItems).toEqual([{ where: 'items[1].url', what: expect.stringContaining('https') }]);
    expect(schedule).toHaveBeenLastCalledWith('cek', now() + 2 * HOUR_MS);
  });

  it('previews without storing anything', async () => {
    const { sync, server } = setup();
    server.replies.set(URL_, { body: listFile(1) });
    await expect(sync.preview({ url: URL_ })).resolves.toMatchObject({ id: 'cek', items: 1, verified: false });
    expect(await db.lists.count()).toBe(0);
  });

  it('refuses plain http except on this machine', () => {
    expect(() => checkListUrl('http://lists.example/a.json')).toThrow(/https/);
    expect(() => checkListUrl('ftp://lists.example/a.json')).toThrow();
    expect(checkListUrl('http://127.0.0.1:8080/a.json').href).toBe('http://127.0.0.1:8080/a.json');
    expect(checkListUrl('http://localhost/a.json').host).toBe('localhost');
  });
});

describe('syncing', () => {
  it('asks with If-None-Match / If-Modified-Since and rewrites nothing on 304', async () => {
    const { sync, server, tick } = await subscribed(1, {
      etag: '"v1"',
      'last-modified': 'Tue, 24 Nov 2026 08:00:00 GMT',
    });
    const stored = await db.lists.get('cek');
    server.replies.set(URL_, { status: 304 });
    const bulkPut = vi.spyOn(db.chunks, 'bulkPut');
    tick(HOUR_MS);
    expect(await sync.sync('cek')).toBe('unchanged');
    expect(server.requests.at(-1)!.headers).toMatchObject({
      'If-None-Match': '"v1"',
      'If-Modified-Since': 'Tue, 24 Nov 2026 08:00:00 GMT',
    });
    expect(bulkPut).not.toHaveBeenCalled();
    expect(await db.lists.get('cek')).toEqual(stored);
    expect((await db.sources.get('cek'))!.lastSuccess).toBe(stored!.updatedAt! + HOUR_MS);
  });

  it('replaces the list with a newer version', async () => {
    const { sync, server, matches } = await subscribed(1);
    server.replies.set(URL_, {
      body: listFile(2, 'Gempa besar akan terjadi besok pagi di Jakarta menurut ramalan BMKG palsu'),
    });
    expect(await sync.sync('cek')).toBe('updated');
    expect((await db.lists.get('cek'))!.version).toBe(2);
    expect(await matches('Gempa besar akan terjadi besok pagi di Jakarta menurut ramalan BMKG palsu')).toContain(
      'cek/a',
    );
  });

  const failures: [string, Reply, string][] = [
    ['garbage', { body: '<html>Bad gateway</html>' }, 'not-json'],
    ['a 500', { status: 500, body: 'oops' }, 'http'],
    ['a truncated body', { body: listFile(2), truncate: true }, 'truncated'],
    ['a hang', { hang: true }, 'timeout'],
    ['an older version', { body: listFile(0) }, 'older-version'],
    ['not a list', { body: '{"hello": 1}' }, 'not-a-list'],
    ['another list', { body: listFile(2).replace('"id":"cek"', '"id":"other"') }, 'wrong-list'],
  ];
  it.each(failures)('keeps serving the stored list after %s and records why', async (_, reply, code) => {
    const { sync, server, matches } = await subscribed(1);
    server.replies.set(URL_, reply);
    expect(await sync.sync('cek')).toBe('failed');
    expect(await matches(HOAX)).toContain('cek/a');
    expect((await db.lists.get('cek'))!.version).toBe(1);
    expect((await db.sources.get('cek'))!.lastError).toMatchObject({ code });
  });

  it('refuses a list over the size limit before reading it all', async () => {
    const { sync, server, matches } = await subscribed(1);
    server.replies.set(URL_, {
      body: listFile(2),
      headers: { 'content-length': String(LIST_FILE_LIMITS.maxBytes + 1) },
    });
    expect(await sync.sync('cek')).toBe('failed');
    expect((await db.sources.get('cek'))!.lastError).toEqual({
      code: 'too-big',
      detail: String(LIST_FILE_LIMITS.maxBytes + 1),
    });
    expect(await matches(HOAX)).toContain('cek/a');
  });

  it('refuses more than 200,000 items', async () => {
    const { sync, server } = await subscribed(1);
    const items = Array.from({ length: LIST_FILE_LIMITS.maxItems + 1 }, () => 0);
    server.replies.set(URL_, { body: JSON.stringify({ ...JSON.parse(listFile(2)), items }) });
    expect(await sync.sync('cek')).toBe('failed');
    expect((await db.sources.get('cek'))!.lastError).toMatchObject({ code: 'too-many-items' });
  });

  it('records a full disk as an error, not a crash', async () => {
    const { sync, server, matches } = await subscribed(1);
    server.replies.set(URL_, { body: listFile(2) });
    vi.spyOn(db.chunks, 'bulkPut').mockRejectedValueOnce(
      Object.assign(new Error('disk full'), { name: 'QuotaExceededError' }),
    );
    expect(await sync.sync('cek')).toBe('failed');
    expect((await db.sources.get('cek'))!.lastError).toEqual({ code: 'quota' });
    expect(await matches(HOAX)).toContain('cek/a');
  });

  it('backs off exponentially after failures and resets after a success', async () => {
    const { sync, server, schedule, now } = await subscribed(1);
    server.replies.set(URL_, { status: 503 });
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      await sync.sync('cek');
      delays.push(schedule.mock.lastCall![1]! - now());
    }
    expect(delays).toEqual([5, 10, 20, 40].map((minutes) => minutes * 60_000));
    expect((await db.sources.get('cek'))!.failures).toBe(4);
    server.replies.set(URL_, { status: 304 });
    await sync.sync('cek');
    expect(await db.sources.get('cek')).toMatchObject({ failures: 0, nextSync: now() + 2 * HOUR_MS });
    expect((await db.sources.get('cek'))!.lastError).toBeUndefined();
  });

  it('runs "Sync now", pressed while a sync hangs, as soon as that one ends — once for everyone who asked meanwhile', async () => {
    const { sync, server, matches } = await subscribed(1);
    server.replies.set(URL_, { hang: true });
    const before = server.requests.length;
    const hanging = sync.sync('cek');
    await vi.waitFor(() => expect(server.requests.length).toBe(before + 1));
    // Pressed twice, and "Sync all now", while the download hangs: nothing is fetched yet.
    const pressed = [sync.sync('cek'), sync.sync('cek'), sync.syncAll()];
    expect(server.requests.length).toBe(before + 1);
    // Meanwhile the publisher fixed the host.
    server.replies.set(URL_, {
      body: listFile(2, 'Gempa besar akan terjadi besok pagi di Jakarta menurut ramalan BMKG palsu'),
    });
    expect(await hanging).toBe('failed');
    expect(await Promise.all(pressed)).toEqual(['updated', 'updated', { cek: 'updated' }]);
    expect(server.requests.length).toBe(before + 2);
    expect(await matches('Gempa besar akan terjadi besok pagi di Jakarta menurut ramalan BMKG palsu')).toContain(
      'cek/a',
    );
    // With nothing in flight, a press runs at once.
    server.replies.set(URL_, { status: 304 });
    expect(await sync.sync('cek')).toBe('unchanged');
    expect(server.requests.length).toBe(before + 3);
  });

  it('re-arms only subscriptions whose alarm is missing', async () => {
    const { sync, schedule } = await subscribed(1);
    schedule.mockClear();
    await sync.rearm(async () => true);
    expect(schedule).not.toHaveBeenCalled();
    await sync.rearm(async () => false);
    expect(schedule).toHaveBeenCalledWith('cek', expect.any(Number));
  });

  it('removes a list, its items and its alarm', async () => {
    const { sync, schedule, matches } = await subscribed(1);
    await sync.remove('cek');
    expect(await db.lists.count()).toBe(0);
    expect(await db.chunks.count()).toBe(0);
    expect(await db.sources.count()).toBe(0);
    expect(schedule).toHaveBeenLastCalledWith('cek', null);
    expect(await matches(HOAX)).toEqual([]);
  });
});

describe('signed lists', () => {
  it('accepts a list signed with the pinned key and refuses a missing or wrong signature', async () => {
    const { sync, server, matches } = setup();
    const keys = await generateSigningKeys();
    const other = await generateSigningKeys();
    const sign = async (body: string, privateKey = keys.privateKey) =>
      server.replies.set(`${URL_}.sig`, { body: await signListBytes(new TextEncoder().encode(body), privateKey) });

    server.replies.set(URL_, { body: listFile(1) });
    await sign(listFile(1));
    expect(await sync.subscribe({ url: URL_, key: keys.publicKey }, 'person')).toMatchObject({ verified: true });

    server.replies.set(URL_, { body: listFile(2) });
    await sign(listFile(2), other.privateKey);
    expect(await sync.sync('cek')).toBe('failed');
    expect((await db.sources.get('cek'))!.lastError).toEqual({ code: 'signature-wrong' });

    server.replies.delete(`${URL_}.sig`);
    expect(await sync.sync('cek')).toBe('failed');
    expect((await db.sources.get('cek'))!.lastError).toEqual({ code: 'signature-missing' });
    expect((await db.lists.get('cek'))!.version).toBe(1);
    expect(await matches(HOAX)).toContain('cek/a');

    await sign(listFile(2));
    expect(await sync.sync('cek')).toBe('updated');
  });
});

describe('refresh cadence', () => {
  it('reads ISO 8601 durations and clamps them to 1 hour … 7 days', () => {
    expect(refreshIntervalMs('PT6H')).toBe(6 * HOUR_MS);
    expect(refreshIntervalMs('P1D')).toBe(24 * HOUR_MS);
    expect(refreshIntervalMs('PT1H30M')).toBe(1.5 * HOUR_MS);
    expect(refreshIntervalMs('PT5M')).toBe(HOUR_MS);
    expect(refreshIntervalMs('P30D')).toBe(MAX_REFRESH_MS);
    expect(refreshIntervalMs('P2W')).toBe(MAX_REFRESH_MS);
    for (const bad of [undefined, '', 'P', 'PT', '6 hours', 'PT0S'])
      expect(refreshIntervalMs(bad)).toBe(DEFAULT_REFRESH_MS);
  });

  it('retries after 5 minutes, doubling, never later than the cadence', () => {
    expect([1, 2, 3].map((n) => retryDelayMs(n, 6 * HOUR_MS))).toEqual([5 * 60_000, 10 * 60_000, 20 * 60_000]);
    expect(retryDelayMs(20, 6 * HOUR_MS)).toBe(6 * HOUR_MS);
  });
});

describe('one-click subscribe links', () => {
  const rawKey = btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => i * 7)));

  it('reads the list URL and an optional key', () => {
    expect(parseSubscribeLink(`#subscribe=${encodeURIComponent(URL_)}`)).toEqual({ url: URL_ });
    expect(parseSubscribeLink(`#subscribe=${encodeURIComponent(URL_)}&key=${encodeURIComponent(rawKey)}`)).toEqual({
      url: URL_,
      key: rawKey,
    });
    // A key pasted unencoded: its `+` arrive as spaces.
    const plus = rawKey.includes('+') ? rawKey : `${rawKey.slice(0, 10)}+${rawKey.slice(11)}`;
    expect(parseSubscribeLink(`#subscribe=${encodeURIComponent(URL_)}&key=${plus}`)?.key).toBe(plus);
  });

  it('ignores other fragments and refuses bad addresses or keys', () => {
    expect(parseSubscribeLink('')).toBeNull();
    expect(parseSubscribeLink('#lists')).toBeNull();
    expect(() => parseSubscribeLink('#subscribe=javascript%3Aalert(1)')).toThrow();
    expect(() => parseSubscribeLink(`#subscribe=${encodeURIComponent('http://lists.example/a.json')}`)).toThrow(
      /https/,
    );
    expect(() => parseSubscribeLink(`#subscribe=${encodeURIComponent(URL_)}&key=c2hvcnQ=`)).toThrow(/key/);
  });

  it('round-trips through the link a publisher shares', () => {
    const link = subscribeLink('chrome-extension://abc/options.html', { url: URL_, key: rawKey });
    expect(parseSubscribeLink(new URL(link).hash)).toEqual({ url: URL_, key: rawKey });
  });
});

describe('differential updates (patches)', () => {
  const PATCHES = 'https://lists.example/patches/';
  const NEW_HOAX = 'Pemerintah membagikan sepeda motor listrik gratis lewat formulir daring sebelum akhir bulan';
  const items = (count: number) =>
    Array.from({ length: count }, (_, i) => ({
      id: `i${i}`,
      claim: `Kabar bohong nomor ${i} tentang banjir${i} di kota${i}`,
      rating: 'false' as const,
    }));
  const v1: SaringList = {
    saringList: 1,
    id: 'cek',
    name: 'Cek',
    version: 1,
    patches: 'patches/',
    items: items(2_500),
  };
  // v2: one item removed, one changed, one added (a new hoax).
  const v2: SaringList = {
    ...v1,
    version: 2,
    items: [
      ...v1.items
        .filter((item) => item.id !== 'i10')
        .map((item) => (item.id === 'i1500' ? { ...item, claim: `${item.claim} dan sekitarnya` } : item)),
      { id: 'baru', claim: NEW_HOAX, rating: 'scam' },
    ],
  };
  const file = (list: SaringList) => JSON.stringify(list);
  const patchFile = async (from: SaringList, to: SaringList, edit: (patch: ListPatch) => void = () => undefined) => {
    const patch = await makePatch(from, to);
    edit(patch);
    return serializePatch(patch);
  };

  async function patchable(key?: { publicKey: string; privateKey: string }) {
    const context = setup();
    context.server.replies.set(URL_, { body: file(v1), headers: { etag: '"v1"' } });
    if (key)
      context.server.replies.set(`${URL_}.sig`, {
        body: await signListBytes(new TextEncoder().encode(file(v1)), key.privateKey),
      });
    await context.sync.subscribe({ url: URL_, ...(key ? { key: key.publicKey } : {}) }, 'person');
    // v2 is published: the list, and the patch from v1.
    context.server.replies.set(URL_, { body: file(v2), headers: { etag: '"v2"' } });
    context.server.replies.set(`${PATCHES}1.json`, { body: await patchFile(v1, v2), headers: { etag: '"p1"' } });
    context.server.requests.length = 0;
    return context;
  }

  /** The stored copy is v2 whole: every item there, none lost, none left over. */
  async function expectV2(matches: (text: string) => Promise<string[]>) {
    const { lists } = await readStoredLists(db);
    expect(lists[0]!.items).toEqual(v2.items);
    expect(await db.lists.get('cek')).toMatchObject({
      version: 2,
      itemCount: v2.items.length,
      checksum: await listChecksum(v2.items),
    });
    expect(await matches(NEW_HOAX)).toContain('cek/baru');
    expect(await matches(v1.items.find((item) => item.id === 'i10')!.claim)).not.toContain('cek/i10');
  }

  it('fetches the patch instead of the list, writes only a chunk of what it brings and patches the index', async () => {
    const { sync, server, matches } = await patchable();
    await matches('siap'); // the index serves before the sync
    const bulkPut = vi.spyOn(db.chunks, 'bulkPut');
    const chunksRead = vi.spyOn(db.chunks, 'bulkGet');
    expect(await sync.sync('cek')).toBe('updated');
    expect(server.requests.map((request) => request.url)).toEqual([`${PATCHES}1.json`]);
    // Of 25 chunks, none is read or rewritten: the changed i1500 and the new item go into a new one.
    expect(bulkPut.mock.calls.flatMap(([chunks]) => chunks.map((chunk) => chunk.index))).toEqual([25]);
    expect(chunksRead).not.toHaveBeenCalled();
    await expectV2(matches);
    // The next check asks for the patch from v2: the publisher's "up to date" one, then a 304.
    server.replies.set(`${PATCHES}2.json`, { body: await patchFile(v2, v2), headers: { etag: '"p2"' } });
    expect(await sync.sync('cek')).toBe('unchanged');
    server.replies.set(`${PATCHES}2.json`, { status: 304 });
    server.requests.length = 0;
    expect(await sync.sync('cek')).toBe('unchanged');
    expect(server.requests).toEqual([{ url: `${PATCHES}2.json`, headers: { 'If-None-Match': '"p2"' } }]);
    await expectV2(matches);
  });

  // A woken worker starts loading its index as it wakes; the sync writes its patch meanwhile.
  const wakes: Array<[string, (index: ListIndex) => Promise<unknown>]> = [
    ['loaded from its persisted copy', async (index) => expect((await index.get()).fromPersisted).toBe(true)],
    ['still loading from its persisted copy', async (index) => index.warm()],
    [
      'rebuilding from the lists, which it reads once patched (its persisted copy was older than the list)',
      async (index) => {
        await db.matcherIndex.update('current', { key: 'an older list' });
        const read = storeModule.readStoredLists;
        vi.spyOn(storeModule, 'readStoredLists').mockImplementationOnce(async (from) => {
          while ((await Dexie.ignoreTransaction(() => from.lists.get('cek')))?.version !== 2)
            await new Promise((resolve) => setTimeout(resolve, 5));
          return read(from);
        });
        index.warm();
      },
    ],
  ];
  it.each(wakes)('patches the index of a woken worker, %s, as a rebuild would', async (_what, wake) => {
    const { server, matches } = await patchable();
    await matches('siap');
    // A new worker: the index comes from IndexedDB, the items are read per hit. Its list store is
    // the background's own, which hands the patch to the index (not a whole rebuild).
    const index = new ListIndex(db);
    const patching = vi.spyOn(index, 'patch');
    const rebuilding = vi.spyOn(index, 'update');
    const store = listStoreOf({ db, index, now: () => 2_000_000 } as Partial<BackgroundContext> as BackgroundContext);
    const woken = new ListSync({
      db,
      store,
      fetch: server.fetch,
      now: () => 2_000_000,
      schedule: async () => undefined,
    });
    await wake(index);
    expect(await woken.sync('cek')).toBe('updated');
    expect(patching).toHaveBeenCalledOnce();
    expect(rebuilding).not.toHaveBeenCalled();
    const loaded = await index.get();
    for (const item of [v2.items.at(-1)!, v2.items[1_499]!, v2.items[0]!])
      expect((await loaded.matcher.match({ text: item.claim, urls: [] })).matches[0]?.item).toEqual(item);
    const removed = v1.items.find((item) => item.id === 'i10')!;
    expect(
      (await loaded.matcher.match({ text: removed.claim, urls: [] })).matches.map((hit) => hit.item.id),
    ).not.toContain('i10');
    expect(loaded.matcher.size).toBe(v2.items.length);
    expect((await readStoredLists(db)).lists[0]!.items).toEqual(v2.items);
  });

  const fallbacks: Array<[string, (context: Awaited<ReturnType<typeof patchable>>) => Promise<void> | void]> = [
    ['no patch for the stored version (404)', ({ server }) => void server.replies.delete(`${PATCHES}1.json`)],
    [
      'broken bytes',
      ({ server }) => void server.replies.set(`${PATCHES}1.json`, { body: '{"saringPatch":1,"base":1,' }),
    ],
    [
      'a patch from another version',
      async ({ server }) =>
        void server.replies.set(`${PATCHES}1.json`, { body: await patchFile(v1, v2, (patch) => (patch.base = 7)) }),
    ],
    [
      'a checksum that does not add up',
      async ({ server }) =>
        void server.replies.set(`${PATCHES}1.json`, {
          body: await patchFile(v1, v2, (patch) => patch.added.push({ id: 'x', claim: 'tambahan', rating: 'false' })),
        }),
    ],
    [
      'an item count that does not add up',
      async ({ server }) =>
        void server.replies.set(`${PATCHES}1.json`, { body: await patchFile(v1, v2, (patch) => (patch.count += 1)) }),
    ],
  ];
  it.each(fallbacks)('downloads the whole list on %s, losing nothing', async (_what, spoil) => {
    const context = await patchable();
    await spoil(context);
    expect(await context.sync.sync('cek')).toBe('updated');
    expect(context.server.requests.map((request) => request.url)).toEqual([`${PATCHES}1.json`, URL_]);
    await expectV2(context.matches);
  });

  it("verifies a pinned list's patch over its bytes: a wrong signature means the whole (signed) list", async () => {
    const keys = await generateSigningKeys();
    const other = await generateSigningKeys();
    const context = await patchable(keys);
    const patch = await patchFile(v1, v2);
    const sign = (text: string, privateKey: string) => signListBytes(new TextEncoder().encode(text), privateKey);
    context.server.replies.set(`${PATCHES}1.json.sig`, { body: await sign(patch, other.privateKey) });
    context.server.replies.set(`${URL_}.sig`, { body: await sign(file(v2), keys.privateKey) });
    expect(await context.sync.sync('cek')).toBe('updated');
    expect(context.server.requests.map((request) => request.url)).toEqual([
      `${PATCHES}1.json`,
      `${PATCHES}1.json.sig`,
      URL_,
      `${URL_}.sig`,
    ]);
    await expectV2(context.matches);

    // Signed right, a patch serves alone (v2 → v3).
    const v3 = {
      ...v2,
      version: 3,
      items: [
        ...v2.items,
        { id: 'lagi', claim: 'Satu lagi kabar bohong tentang gempa besar', rating: 'false' as const },
      ],
    };
    const next = await patchFile(v2, v3);
    context.server.replies.set(`${PATCHES}2.json`, { body: next });
    context.server.replies.set(`${PATCHES}2.json.sig`, { body: await sign(next, keys.privateKey) });
    context.server.requests.length = 0;
    expect(await context.sync.sync('cek')).toBe('updated');
    expect(context.server.requests.map((request) => request.url)).toEqual([`${PATCHES}2.json`, `${PATCHES}2.json.sig`]);
    expect((await db.lists.get('cek'))!.version).toBe(3);
  });

  it('downloads whole, once, a list stored before item digests (v7), which reads as it was until then', async () => {
    const { sync, server, matches } = await patchable();
    // As v7 stored it: its chunks' sizes instead of slots, a checksum, and no item digests.
    const { slots: _slots, garbage: _garbage, ...record } = (await db.lists.get('cek'))!;
    const chunkSizes = Array.from({ length: record.chunkCount }, (_, chunk) =>
      Math.min(CHUNK_SIZE, record.itemCount - chunk * CHUNK_SIZE),
    );
    await db.lists.put({ ...record, chunkSizes });
    await db.digests.clear();
    expect((await readStoredLists(db)).lists[0]!.items).toEqual(v1.items);
    expect(await sync.sync('cek')).toBe('updated');
    expect(server.requests.map((request) => request.url)).toEqual([`${URL_}`]);
    await expectV2(matches);
    expect(await db.digests.where('listId').equals('cek').count()).toBe(record.chunkCount);
    // Laid out anew, it takes the next version's patch.
    const v3 = { ...v2, version: 3, items: v2.items.slice(1) };
    server.replies.set(`${PATCHES}2.json`, { body: await patchFile(v2, v3) });
    server.requests.length = 0;
    expect(await sync.sync('cek')).toBe('updated');
    expect(server.requests.map((request) => request.url)).toEqual([`${PATCHES}2.json`]);
  });

  it('downloads the whole list once the items patches left behind are half as many as its own', async () => {
    const { sync, server, matches } = await patchable();
    await db.lists.update('cek', { garbage: v1.items.length / 2 + 1 });
    expect(await sync.sync('cek')).toBe('updated');
    expect(server.requests.map((request) => request.url)).toEqual([URL_]);
    await expectV2(matches);
    expect(await db.lists.get('cek')).toMatchObject({ garbage: 0 });
  });

  it('downloads the whole list once a week, patches or not', async () => {
    const { sync, server, tick, matches } = await patchable();
    tick(FULL_DOWNLOAD_EVERY_MS + 1);
    expect(await sync.sync('cek')).toBe('updated');
    expect(server.requests.map((request) => request.url)).toEqual([URL_]);
    await expectV2(matches);
  });
});

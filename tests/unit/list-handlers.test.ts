import { LIKELY_THRESHOLD, MATCH_THRESHOLD } from '../../lib/core/verdict';
import { gzipSync } from 'node:zlib';
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SHARE_LINK_SITE, type BackgroundContext } from '../../lib/background/context';
import { createHandlers } from '../../lib/background/handlers';
import { ListIndex } from '../../lib/background/list-index';
import { applyManagedPolicy, listStoreOf } from '../../lib/background/lists';
import { NO_POLICY } from '../../lib/background/managed';
import { refreshIntervalMs, retryDelayMs, syncAlarmName } from '../../lib/lists/subscriptions';
import { pendingListId } from '../../lib/lists/sync';
import { installStarterList, starterListTurnedOff } from '../../lib/background/starter-list';
import { CLASSROOM_LIST_ID } from '../../lib/classroom/pack';
import { openDb } from '../../lib/db';
import { importList } from '../../lib/lists/import';
import type { Handlers } from '../../lib/messaging/dispatcher';
import { defineSettingsItem } from '../../lib/settings';

const NOW = Date.UTC(2026, 10, 26, 5);
const sender = { id: 'test' };
const starter = {
  saringList: 1,
  id: 'saring-starter',
  name: 'Starter',
  version: 1,
  items: [{ id: 's1', claim: 'Klaim awal', rating: 'false' }],
};
const managedList = (id: string) => ({
  saringList: 1,
  id,
  name: `Managed ${id}`,
  version: 1,
  items: [{ id: 'm1', claim: 'Klaim sekolah', rating: 'false' }],
});

let context: BackgroundContext;
let handlers: Handlers;
const served = new Map<string, string>();

beforeEach(async () => {
  fakeBrowser.reset();
  served.clear();
  const db = openDb(`list-handlers-${Math.random()}`);
  context = {
    db,
    settings: defineSettingsItem(),
    index: new ListIndex(db),
    sites: [SHARE_LINK_SITE],
    siteForUrl: () => null,
    matchThreshold: MATCH_THRESHOLD,
    likelyThreshold: LIKELY_THRESHOLD,
    now: () => NOW,
    browserUiLanguage: () => 'id',
    fetch: async (input: RequestInfo | URL) => {
      const body = served.get(input instanceof Request ? input.url : input.toString());
      return body === undefined ? new Response('', { status: 404 }) : new Response(body);
    },
  };
  await installStarterList(
    listStoreOf(context),
    'chrome-extension://test/starter-list.json.gz',
    async () => new Response(gzipSync(JSON.stringify(starter))),
  );
  handlers = createHandlers(context);
});

const lists = async () => (await handlers['get-options-state']({}, sender)).lists;

describe('list handlers', () => {
  it('imports a CSV file as a local list, with its skipped rows, and exports it as a native list', async () => {
    const csv =
      'id,claim,rating,url\nc1,Minyak kayu putih menangkal virus,false,https://cek.example/1\nc2,Tautan tidak aman,false,http://cek.example/2\n';
    const imported = await handlers['import-list']({ fileName: 'Cek Sekolah.csv', text: csv }, sender);
    expect(imported).toMatchObject({
      id: 'cek-sekolah',
      items: 1,
      skippedItems: [expect.objectContaining({ what: expect.stringContaining('https') })],
    });
    const row = (await lists()).find((list) => list.id === 'cek-sekolah');
    expect(row).toMatchObject({ kind: 'file', items: 1, state: 'ok', skippedItems: imported.skippedItems });

    const { fileName, text } = await handlers['export-list']({ id: 'cek-sekolah' }, sender);
    expect(fileName).toBe('cek-sekolah.json');
    const reread = importList(text, { fileName });
    expect(reread.format).toBe('saring');
    expect(reread.list.items.map((item) => item.id)).toEqual(['c1']);
  });

  it('never lets an import or a subscription overwrite a list from elsewhere', async () => {
    const text = JSON.stringify({ ...starter, name: 'Impostor', version: 99 });
    await expect(handlers['import-list']({ fileName: 'starter.json', text }, sender)).rejects.toThrow(/elsewhere/);
    served.set('https://lists.example/starter.json', text);
    expect(await handlers['subscribe-list']({ url: 'https://lists.example/starter.json' }, sender)).toMatchObject({
      ok: false,
      problem: { code: 'wrong-list' },
    });
    expect((await context.db.lists.get('saring-starter'))?.name).toBe('Starter');
  });

  it('refuses to import a file that is no list', async () => {
    await expect(handlers['import-list']({ fileName: 'x.json', text: '[1, 2' }, sender)).rejects.toThrow();
  });

  it('turns the starter list off (removing its items) and remembers it', async () => {
    await handlers['remove-list']({ id: 'saring-starter' }, sender);
    expect(await context.db.lists.count()).toBe(0);
    expect(await starterListTurnedOff(context.db)).toBe(true);
    expect((await lists()).find((list) => list.id === 'saring-starter')).toMatchObject({ enabled: false, items: 0 });
    expect((await context.index.get()).matcher.size).toBe(0);
  });

  it('keeps a source record of its own for every list: starter, file, classroom, subscription and managed', async () => {
    await handlers['import-list'](
      { fileName: 'Cek Sekolah.csv', text: 'id,claim,rating\nc1,Minyak kayu putih menangkal virus,false\n' },
      sender,
    );
    await handlers['store-classroom-list']({ list: { ...managedList(CLASSROOM_LIST_ID), name: 'Kelas' } }, sender);
    served.set('https://lists.example/cek.json', JSON.stringify(managedList('cek')));
    await handlers['subscribe-list']({ url: 'https://lists.example/cek.json' }, sender);
    served.set('https://sekolah.example/a.json', JSON.stringify(managedList('sekolah-a')));
    await applyManagedPolicy(context, { ...NO_POLICY, lists: [{ url: 'https://sekolah.example/a.json' }] });

    const kinds = Object.fromEntries(
      (await context.db.sources.toArray()).map((source) => [source.listId, source.kind]),
    );
    expect(kinds).toEqual({
      'saring-starter': 'starter',
      'cek-sekolah': 'file',
      [CLASSROOM_LIST_ID]: 'classroom',
      cek: 'url',
      'sekolah-a': 'managed',
    });
    expect((await context.db.lists.toArray()).map((record) => record.id).sort()).toEqual(Object.keys(kinds).sort());
    expect(Object.fromEntries((await lists()).map((list) => [list.id, list.kind]))).toEqual(kinds);
    // Removing a list removes its source; turning the starter list off keeps its source, disabled.
    await handlers['remove-list']({ id: CLASSROOM_LIST_ID }, sender);
    await handlers['remove-list']({ id: 'saring-starter' }, sender);
    expect(await context.db.sources.get(CLASSROOM_LIST_ID)).toBeUndefined();
    expect(await context.db.sources.get('saring-starter')).toMatchObject({ kind: 'starter', enabled: false });
  });

  it('answers a preview of an unreachable list with the problem, not a crash', async () => {
    const reply = await handlers['preview-list']({ url: 'https://lists.example/none.json' }, sender);
    expect(reply).toEqual({ ok: false, problem: { code: 'http', detail: '404' } });
    const http = await handlers['preview-list']({ url: 'http://lists.example/a.json' }, sender);
    expect(http.ok).toBe(false);
  });
});

describe('managed policy', () => {
  it('subscribes the listed lists, locks strictness, and drops lists the policy no longer names', async () => {
    served.set('https://sekolah.example/a.json', JSON.stringify(managedList('sekolah-a')));
    served.set('https://sekolah.example/b.json', JSON.stringify(managedList('sekolah-b')));
    await applyManagedPolicy(context, {
      lists: [{ url: 'https://sekolah.example/a.json' }, { url: 'https://sekolah.example/b.json' }],
      strictness: 'always',
      allowRemovingLists: false,
    });
    expect((await context.settings.getValue()).strictness).toBe('always');
    const managed = (await lists()).filter((list) => list.kind === 'managed');
    expect(managed.map((list) => [list.id, list.removable])).toEqual([
      ['sekolah-a', false],
      ['sekolah-b', false],
    ]);
    await expect(handlers['remove-list']({ id: 'sekolah-a' }, sender)).rejects.toThrow(/managed/);

    await applyManagedPolicy(context, { ...NO_POLICY, lists: [{ url: 'https://sekolah.example/b.json' }] });
    expect((await context.db.lists.toArray()).map((list) => list.id).sort()).toEqual(['saring-starter', 'sekolah-b']);
  });

  it('retries a managed list whose first download failed by its alarm, backing off, until it arrives', async () => {
    const url = 'https://sekolah.example/a.json';
    const pendingId = pendingListId(url);
    await applyManagedPolicy(context, { ...NO_POLICY, lists: [{ url }] });
    expect((await lists()).find((list) => list.url === url)).toMatchObject({
      kind: 'managed',
      state: 'error',
      problem: { code: 'http', detail: '404' },
    });
    const firstRetry = NOW + retryDelayMs(1, refreshIntervalMs(undefined));
    expect((await fakeBrowser.alarms.get(syncAlarmName(pendingId)))?.scheduledTime).toBe(firstRetry);

    expect(await handlers['sync-lists']({ id: pendingId }, sender)).toEqual({ [pendingId]: 'failed' });
    expect(await context.db.sources.get(pendingId)).toMatchObject({
      failures: 2,
      nextSync: NOW + retryDelayMs(2, refreshIntervalMs(undefined)),
    });

    served.set(url, JSON.stringify(managedList('sekolah-a')));
    expect(await handlers['sync-lists']({ id: pendingId }, sender)).toEqual({ [pendingId]: 'updated' });
    expect(
      (await lists()).filter((list) => list.kind === 'managed').map((list) => [list.id, list.state, list.items]),
    ).toEqual([['sekolah-a', 'ok', 1]]);
    expect(await fakeBrowser.alarms.get(syncAlarmName(pendingId))).toBeUndefined();
    expect(await fakeBrowser.alarms.get(syncAlarmName('sekolah-a'))).toBeDefined();
  });

  it('lets people turn managed lists off when the policy allows, and keeps them off', async () => {
    served.set('https://sekolah.example/a.json', JSON.stringify(managedList('sekolah-a')));
    const policy = { lists: [{ url: 'https://sekolah.example/a.json' }], allowRemovingLists: true };
    await fakeBrowser.storage.managed.set(policy);
    await applyManagedPolicy(context, policy);
    await handlers['remove-list']({ id: 'sekolah-a' }, sender);
    expect((await lists()).find((list) => list.id === 'sekolah-a')).toMatchObject({
      enabled: false,
      name: 'Managed sekolah-a',
      items: 0,
    });
    // Neither a sync nor the policy applied again brings it back.
    expect(await handlers['sync-lists']({}, sender)).toEqual({});
    await applyManagedPolicy(context, policy);
    expect(await context.db.lists.get('sekolah-a')).toBeUndefined();
    await handlers['restore-list']({ id: 'sekolah-a' }, sender);
    expect((await context.db.lists.get('sekolah-a'))?.itemCount).toBe(1);
  });
});

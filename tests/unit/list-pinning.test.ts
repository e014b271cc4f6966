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
import { installStarterList } from '../../lib/background/starter-list';
import { openDb } from '../../lib/db';
import { SyncError } from '../../lib/lists/download';
import { subscriptionTerms } from '../../lib/lists/pinning';
import { generateSigningKeys, signListBytes, type KeyPairText } from '../../lib/lists/signature';
import { sameListUrl } from '../../lib/lists/subscriptions';
import type { Handlers } from '../../lib/messaging/dispatcher';
import { defineSettingsItem } from '../../lib/settings';

const NOW = Date.UTC(2026, 10, 26, 5);
const sender = { id: 'test' };
const URL_ = 'https://lists.example/cek.json';
const listFile = (version: number, id = 'cek') =>
  JSON.stringify({
    saringList: 1,
    id,
    name: 'Cek Fakta Contoh',
    version,
    items: [{ id: 'a', claim: `Klaim versi ${version}`, rating: 'false' }],
  });

let context: BackgroundContext;
let handlers: Handlers;
let publisher: KeyPairText;
let impostor: KeyPairText;
const served = new Map<string, string>();

/** Serves `body` at `url`, signed with `keys` when given (`url.sig`, as publishers host it). */
async function serve(url: string, body: string, keys?: KeyPairText): Promise<void> {
  served.set(url, body);
  if (keys) served.set(`${url}.sig`, await signListBytes(new TextEncoder().encode(body), keys.privateKey));
  else served.delete(`${url}.sig`);
}

beforeEach(async () => {
  fakeBrowser.reset();
  served.clear();
  const db = openDb(`list-pinning-${Math.random()}`);
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
  const starter = {
    saringList: 1,
    id: 'saring-starter',
    name: 'Starter',
    version: 1,
    items: [{ id: 's1', claim: 'Klaim awal', rating: 'false' }],
  };
  await installStarterList(
    listStoreOf(context),
    'chrome-extension://test/starter-list.json.gz',
    async () => new Response(gzipSync(JSON.stringify(starter))),
  );
  handlers = createHandlers(context);
  [publisher, impostor] = await Promise.all([generateSigningKeys(), generateSigningKeys()]);
});

const subscribe = (url: string, key?: string) => handlers['subscribe-list']({ url, ...(key ? { key } : {}) }, sender);
const preview = (url: string, key?: string) => handlers['preview-list']({ url, ...(key ? { key } : {}) }, sender);
const source = (id = 'cek') => context.db.sources.get(id);
const row = async (id = 'cek') =>
  (await handlers['get-options-state']({}, sender)).lists.find((list) => list.id === id);

describe('subscription terms', () => {
  const refusal = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return error instanceof SyncError ? error.problem.code : String(error);
    }
    return null;
  };

  it.each([
    // existing, request key, who → terms or refusal
    ['nothing', undefined, undefined, 'person', { kind: 'url' }],
    ['nothing', undefined, 'K', 'person', { kind: 'url', key: 'K' }],
    ['a pinned subscription', { kind: 'url', publicKey: 'K' }, undefined, 'person', 'key-missing'],
    ['a pinned subscription', { kind: 'url', publicKey: 'K' }, 'J', 'person', 'key-changed'],
    ['a pinned subscription', { kind: 'url', publicKey: 'K' }, 'K', 'person', { kind: 'url', key: 'K' }],
    ['an unpinned subscription', { kind: 'url' }, 'K', 'person', { kind: 'url', key: 'K' }],
    ['an unpinned subscription', { kind: 'url' }, undefined, 'person', { kind: 'url' }],
    ['a managed list', { kind: 'managed' }, undefined, 'person', { kind: 'managed' }],
    ['a managed list', { kind: 'managed' }, 'K', 'person', 'managed-key'],
    ['a pinned managed list', { kind: 'managed', publicKey: 'K' }, 'K', 'person', { kind: 'managed', key: 'K' }],
    ['a pinned managed list', { kind: 'managed', publicKey: 'K' }, undefined, 'person', 'key-missing'],
    ['a pinned managed list', { kind: 'managed', publicKey: 'K' }, 'J', 'policy', { kind: 'managed', key: 'J' }],
    ['a pinned managed list', { kind: 'managed', publicKey: 'K' }, undefined, 'policy', { kind: 'managed' }],
    ['a pinned subscription', { kind: 'url', publicKey: 'K' }, undefined, 'policy', { kind: 'managed', key: 'K' }],
    ['a pinned subscription', { kind: 'url', publicKey: 'K' }, 'J', 'policy', { kind: 'managed', key: 'J' }],
  ] as const)('over %s, key %s, by the %s', (_, existing, key, who, expected) => {
    const request = key === undefined ? {} : { key };
    const outcome = () => subscriptionTerms(existing === undefined ? undefined : { ...existing }, request, who);
    if (typeof expected === 'string') expect(refusal(outcome)).toBe(expected);
    else expect(outcome()).toEqual(expected);
  });

  it('compares list addresses in normal form', () => {
    expect(sameListUrl('HTTPS://Lists.Example:443/cek.json#latest', URL_)).toBe(true);
    expect(sameListUrl('https://lists.example/cek.json?v=2', URL_)).toBe(false);
    expect(sameListUrl('http://lists.example/cek.json', URL_)).toBe(false);
  });
});

describe('re-subscribing keeps a list’s trust', () => {
  beforeEach(async () => {
    await serve(URL_, listFile(3), publisher);
    expect(await subscribe(URL_, publisher.publicKey)).toMatchObject({ ok: true, preview: { verified: true } });
  });

  it('refuses a link without the pinned key, in words, before and after the preview', async () => {
    expect(await preview(URL_)).toEqual({ ok: false, problem: { code: 'key-missing' } });
    expect(await subscribe(URL_)).toEqual({ ok: false, problem: { code: 'key-missing' } });
    expect(await subscribe('https://LISTS.example/cek.json#again')).toEqual({
      ok: false,
      problem: { code: 'key-missing' },
    });
    expect(await source()).toMatchObject({ kind: 'url', publicKey: publisher.publicKey });
  });

  it('refuses a link with another key, even when the list at the address is signed with it', async () => {
    await serve(URL_, listFile(4), impostor);
    expect(await subscribe(URL_, impostor.publicKey)).toEqual({ ok: false, problem: { code: 'key-changed' } });
    expect(await source()).toMatchObject({ publicKey: publisher.publicKey });
    expect((await context.db.lists.get('cek'))?.version).toBe(3);
    // Its next sync checks the pinned key, and keeps the stored copy.
    expect(await handlers['sync-lists']({ id: 'cek' }, sender)).toEqual({ cek: 'failed' });
    expect(await row()).toMatchObject({ state: 'error', problem: { code: 'signature-wrong' }, version: 3 });
  });

  it('refuses an older version than the one stored (a replayed or stale file), with the same key', async () => {
    await serve(URL_, listFile(2), publisher);
    expect(await subscribe(URL_, publisher.publicKey)).toEqual({
      ok: false,
      problem: { code: 'older-version', detail: '2 < 3' },
    });
    expect((await context.db.lists.get('cek'))?.version).toBe(3);
  });

  it('takes the same key again, and a newer version with it', async () => {
    await serve(URL_, listFile(4), publisher);
    expect(await subscribe(URL_, publisher.publicKey)).toMatchObject({
      ok: true,
      preview: { version: 4, verified: true },
    });
    expect(await source()).toMatchObject({ kind: 'url', url: URL_, publicKey: publisher.publicKey });
    // No second subscription (beside the starter list's source).
    expect((await context.db.sources.toArray()).map((s) => s.listId)).toEqual(['cek', 'saring-starter']);
  });

  it('refuses another list at a subscribed address', async () => {
    await serve(URL_, listFile(5, 'lain'), publisher);
    expect(await subscribe(URL_, publisher.publicKey)).toEqual({
      ok: false,
      problem: { code: 'wrong-list', detail: '"lain"' },
    });
    expect(await context.db.lists.get('lain')).toBeUndefined();
  });
});

it('names the host a subscribed list came from, for the prompt and labels; the bundled list has none', async () => {
  await serve(URL_, listFile(1));
  await subscribe('https://LISTS.example:443/cek.json');
  const { listHosts } = await context.index.get();
  expect([...listHosts]).toEqual([['cek', 'lists.example']]);
});

it('pins an unpinned subscription when a link gives the key', async () => {
  await serve(URL_, listFile(1));
  expect(await subscribe(URL_)).toMatchObject({ ok: true, preview: { verified: false } });
  await serve(URL_, listFile(2), publisher);
  expect(await subscribe(URL_, publisher.publicKey)).toMatchObject({ ok: true, preview: { verified: true } });
  expect(await source()).toMatchObject({ publicKey: publisher.publicKey });
  expect(await subscribe(URL_)).toEqual({ ok: false, problem: { code: 'key-missing' } });
});

describe('managed lists keep their trust', () => {
  const SCHOOL = 'https://sekolah.example/cek.json';

  it('stays managed when the person subscribes to its address again, under any spelling of it', async () => {
    await serve(SCHOOL, listFile(1));
    await applyManagedPolicy(context, { ...NO_POLICY, lists: [{ url: SCHOOL }] });
    expect(await subscribe('HTTPS://SEKOLAH.example:443/cek.json#x')).toMatchObject({ ok: true });
    expect(await row()).toMatchObject({ kind: 'managed', removable: false, url: SCHOOL });
    await expect(handlers['remove-list']({ id: 'cek' }, sender)).rejects.toThrow(/managed/);
    // The person cannot pin a key on it: the policy sets it.
    expect(await subscribe(SCHOOL, publisher.publicKey)).toEqual({ ok: false, problem: { code: 'managed-key' } });
  });

  it('compares the policy’s addresses normalised: the same list is neither added twice nor dropped', async () => {
    await serve(SCHOOL, listFile(1));
    await applyManagedPolicy(context, { ...NO_POLICY, lists: [{ url: SCHOOL }] });
    await applyManagedPolicy(context, { ...NO_POLICY, lists: [{ url: 'https://Sekolah.Example/cek.json#v2' }] });
    expect(
      (await context.db.sources.toArray()).filter((s) => s.kind === 'managed').map((s) => [s.listId, s.url]),
    ).toEqual([['cek', SCHOOL]]);
    expect((await context.db.lists.get('cek'))?.version).toBe(1);
  });

  it('pins the key the policy adds, checks the list against it at once, and follows the policy when it changes', async () => {
    await serve(SCHOOL, listFile(1));
    await applyManagedPolicy(context, { ...NO_POLICY, lists: [{ url: SCHOOL }] });
    expect(await source()).not.toHaveProperty('publicKey');

    // The key arrives in the policy, but the host's copy is not signed with it: pinned anyway,
    // and the stored copy keeps serving while the row says why the update failed.
    await serve(SCHOOL, listFile(2), impostor);
    await applyManagedPolicy(context, { ...NO_POLICY, lists: [{ url: SCHOOL, key: publisher.publicKey }] });
    expect(await source()).toMatchObject({ kind: 'managed', publicKey: publisher.publicKey });
    expect(await row()).toMatchObject({
      pinned: true,
      state: 'error',
      problem: { code: 'signature-wrong' },
      version: 1,
    });

    await serve(SCHOOL, listFile(3), publisher);
    expect(await handlers['sync-lists']({ id: 'cek' }, sender)).toEqual({ cek: 'updated' });

    // A new key in the policy replaces the old one; taking the key out unpins.
    await serve(SCHOOL, listFile(4), impostor);
    await applyManagedPolicy(context, { ...NO_POLICY, lists: [{ url: SCHOOL, key: impostor.publicKey }] });
    expect(await row()).toMatchObject({ pinned: true, state: 'ok', version: 4 });
    await serve(SCHOOL, listFile(5));
    await applyManagedPolicy(context, { ...NO_POLICY, lists: [{ url: SCHOOL }] });
    expect(await source()).not.toHaveProperty('publicKey');
    expect(await row()).toMatchObject({ pinned: false, state: 'ok', version: 5 });
  });

  it('adopts a list the person subscribed to, keeping the person’s key unless the policy names one', async () => {
    await serve(SCHOOL, listFile(1), publisher);
    await subscribe(SCHOOL, publisher.publicKey);
    await applyManagedPolicy(context, { ...NO_POLICY, lists: [{ url: SCHOOL }] });
    expect(await source()).toMatchObject({ kind: 'managed', publicKey: publisher.publicKey });
    expect(await row()).toMatchObject({ kind: 'managed', removable: false });
  });

  it('turned off and on again, never takes a version older than it had', async () => {
    await serve(SCHOOL, listFile(2));
    const policy = { lists: [{ url: SCHOOL }], allowRemovingLists: true };
    await fakeBrowser.storage.managed.set(policy);
    await applyManagedPolicy(context, policy);
    await handlers['remove-list']({ id: 'cek' }, sender);
    await serve(SCHOOL, listFile(1));
    await expect(handlers['restore-list']({ id: 'cek' }, sender)).rejects.toThrow(/older-version/);
    expect(await row()).toMatchObject({ enabled: false, kind: 'managed' });
    await serve(SCHOOL, listFile(3));
    await handlers['restore-list']({ id: 'cek' }, sender);
    expect(await row()).toMatchObject({ enabled: true, kind: 'managed', version: 3 });
  });
});

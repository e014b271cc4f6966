import { browser } from 'wxt/browser';
import type { ListRecord, SaringDb, SourceRecord } from '../db';
import { SyncError } from '../lists/download';
import { importList } from '../lists/import';
import { serializeList } from '../lists/export';
import { ListStore, MAX_SKIPPED_SHOWN } from '../lists/list-store';
import { subscriptionTerms } from '../lists/pinning';
import { checkListUrl, listIdOfAlarm, refreshIntervalMs, sameListUrl, syncAlarmName } from '../lists/subscriptions';
import { ListSync } from '../lists/sync';
import { validateList } from '../lists/validate';
import type { Handlers } from '../messaging/dispatcher';
import type { ListPreviewResponse, ListStatus } from '../messaging/protocol';
import { updateSettings } from '../settings';
import type { BackgroundContext } from './context';
import { readManagedPolicy, type ManagedPolicy } from './managed';
import { installStarterList, STARTER_LIST_PATH } from './starter-list';

type ListHandlers = Pick<
  Handlers,
  'preview-list' | 'subscribe-list' | 'remove-list' | 'restore-list' | 'sync-lists' | 'import-list' | 'export-list'
>;

const log = (what: string) => (error: unknown) => console.error(`[saring] ${what}:`, error);

async function scheduleAlarm(listId: string, when: number | null): Promise<void> {
  if (when === null) await browser.alarms.clear(syncAlarmName(listId));
  // Chrome runs alarms at most every 30 s; an earlier `when` fires at its next tick.
  else await browser.alarms.create(syncAlarmName(listId), { when });
}

/**
 * One ListStore per background: the one writer of lists. Its writes go through the index the
 * context holds when they run.
 */
const stores = new WeakMap<BackgroundContext, ListStore>();
export function listStoreOf(context: BackgroundContext): ListStore {
  let store = stores.get(context);
  if (!store) {
    store = new ListStore(
      context.db,
      {
        update: (write) => context.index.update(write),
        patch: (change, commit) => context.index.patch(change, commit),
        warm: () => context.index.warm(),
      },
      context.now,
    );
    stores.set(context, store);
  }
  return store;
}

/** One ListSync per background: it keeps the syncs in flight. */
const syncs = new WeakMap<BackgroundContext, ListSync>();
export function listSyncOf(context: BackgroundContext): ListSync {
  let sync = syncs.get(context);
  if (!sync) {
    sync = new ListSync({
      db: context.db,
      store: listStoreOf(context),
      fetch: context.fetch ?? ((input, init) => fetch(input, init)),
      now: context.now,
      schedule: scheduleAlarm,
    });
    syncs.set(context, sync);
  }
  return sync;
}

/** The rows of the options page: stored lists and their sources, with any sync in flight. */
export async function listViews(
  db: SaringDb,
  store: ListStore,
  sync: ListSync,
  policy: ManagedPolicy,
): Promise<ListStatus[]> {
  const [records, sources] = await Promise.all([store.records(), db.sources.toArray()]);
  const sourceById = new Map(sources.map((source) => [source.listId, source]));
  const views = records.map((record) => viewOf(record, sourceById.get(record.id), sync, policy));
  for (const source of sources) {
    if (!records.some((record) => record.id === source.listId)) views.push(viewOf(null, source, sync, policy));
  }
  return views;
}

function viewOf(
  record: ListRecord | null,
  source: SourceRecord | undefined,
  sync: ListSync,
  policy: ManagedPolicy,
): ListStatus {
  const base: ListStatus = record
    ? listStatusOf(record)
    : {
        id: source!.listId,
        name: source!.name ?? source!.url ?? source!.listId,
        version: 0,
        items: 0,
        state: 'ok',
        updatedAt: null,
      };
  const kind = source?.kind ?? record?.source ?? 'file';
  const progress = sync.progressOf(base.id);
  const state: ListStatus['state'] = progress ? 'syncing' : source?.lastError ? 'error' : 'ok';
  return {
    ...base,
    state,
    kind,
    ...(source?.url && kind !== 'starter' ? { url: source.url } : {}),
    pinned: source?.publicKey !== undefined,
    enabled: source?.enabled ?? true,
    removable: kind !== 'managed' || policy.allowRemovingLists,
    lastSuccess: source?.lastSuccess ?? record?.updatedAt ?? null,
    nextSync: source?.nextSync ?? null,
    ...(source?.lastError ? { problem: source.lastError } : {}),
    skipped: record?.skipped ?? 0,
    skippedItems: source?.skippedItems ?? [],
    ...(progress ? { progress } : {}),
  };
}

function listStatusOf(record: ListRecord): ListStatus {
  return {
    id: record.id,
    name: record.name,
    ...(record.publisher === undefined ? {} : { publisher: record.publisher }),
    version: record.version,
    items: record.itemCount,
    // How its syncs go is the source's (lists.ts adds it).
    state: 'ok',
    updatedAt: record.updatedAt,
  };
}

function previewFailure(error: unknown): ListPreviewResponse {
  if (error instanceof SyncError) return { ok: false, problem: error.problem };
  return { ok: false, problem: { code: 'not-a-list', detail: error instanceof Error ? error.message : String(error) } };
}

/**
 * A turned-off starter or managed list keeps its source, disabled, so it does not come back by
 * itself; with its key and the version it had, so turned back on it is as trusted as it was.
 */
function turnedOffSource(
  id: string,
  kind: 'starter' | 'managed',
  record: ListRecord | undefined,
  source: SourceRecord | undefined,
): SourceRecord {
  return {
    listId: id,
    kind,
    ...(record?.name === undefined ? {} : { name: record.name }),
    ...(source?.url === undefined ? {} : { url: source.url }),
    ...(source?.publicKey === undefined ? {} : { publicKey: source.publicKey }),
    ...(record?.version === undefined ? {} : { version: record.version }),
    enabled: false,
    refreshMs: source?.refreshMs ?? refreshIntervalMs(undefined),
    lastSuccess: null,
    lastAttempt: null,
    nextSync: null,
    failures: 0,
    skippedItems: [],
  };
}

export function createListHandlers(context: BackgroundContext): ListHandlers {
  const { db } = context;
  const store = listStoreOf(context);
  const sync = listSyncOf(context);
  return {
    'preview-list': (request) => sync.preview(request).then((preview) => ({ ok: true, preview }), previewFailure),

    'subscribe-list': async (request) => {
      try {
        return { ok: true, preview: await sync.subscribe(request, 'person') };
      } catch (error) {
        return previewFailure(error);
      }
    },

    'remove-list': async ({ id }) => {
      const [record, source, policy] = await Promise.all([store.record(id), db.sources.get(id), readManagedPolicy()]);
      const kind = source?.kind ?? record?.source;
      if (kind === 'managed' && !policy.allowRemovingLists)
        throw new Error('This list is managed by your organisation');
      await sync.remove(
        id,
        kind === 'starter' || kind === 'managed' ? turnedOffSource(id, kind, record, source) : undefined,
      );
      return null;
    },

    'restore-list': async ({ id }) => {
      const source = await db.sources.get(id);
      if (!source || source.enabled) return null;
      if (source.kind === 'starter') {
        // Its turned-off source is replaced by the installed list's.
        await installStarterList(store, browser.runtime.getURL(STARTER_LIST_PATH));
      } else if (source.url) {
        // Subscribing again over its turned-off source: same kind, key and version floor.
        await sync.subscribe({ url: source.url, ...(source.publicKey ? { key: source.publicKey } : {}) }, 'person');
      }
      return null;
    },

    'sync-lists': async ({ id }) => (id === undefined ? sync.syncAll() : { [id]: await sync.sync(id) }),

    'import-list': async ({ fileName, text }) => {
      // A native list keeps its own id; other formats take theirs from the file name.
      const { list, skipped } = importList(text, { fileName });
      const validated = validateList(list);
      const problems = [...skipped, ...validated.problems];
      await sync.storeFile({ ...validated, skipped: problems.length, problems });
      return {
        id: validated.header.id,
        name: validated.header.name,
        items: validated.items.length,
        skippedItems: problems.slice(0, MAX_SKIPPED_SHOWN),
      };
    },

    'export-list': async ({ id }) => {
      const { records, lists } = await store.read();
      const record = records.find((candidate) => candidate.id === id);
      const stored = lists.find((candidate) => candidate.listId === id);
      if (!record || !stored) throw new Error(`No list "${id}"`);
      const text = serializeList({
        saringList: 1,
        id: record.id,
        name: record.name,
        ...(record.description === undefined ? {} : { description: record.description }),
        ...(record.publisher === undefined ? {} : { publisher: { name: record.publisher } }),
        version: record.version,
        items: stored.items,
        ...(stored.domains?.length ? { domains: stored.domains } : {}),
      });
      return { fileName: `${record.id}.json`, text };
    },
  };
}

/** The policy's lists at their normal addresses; an address no list can have is logged and left out. */
function policyLists(policy: ManagedPolicy): { url: string; key?: string }[] {
  return policy.lists.flatMap((list) => {
    try {
      return [{ url: checkListUrl(list.url).href, ...(list.key ? { key: list.key } : {}) }];
    } catch (error) {
      log(`managed list ${list.url}`)(error);
      return [];
    }
  });
}

/**
 * Applies the administrator's policy: subscribes its lists, drops managed lists it no longer
 * names, pins (or unpins) a managed list's key when the policy's changes, adopts a list the person
 * had subscribed to, and locks strictness — with snooze and the per-site switches, which would
 * undo it.
 */
export async function applyManagedPolicy(context: BackgroundContext, policy: ManagedPolicy): Promise<void> {
  const sync = listSyncOf(context);
  const wanted = policyLists(policy);
  const sources = await context.db.sources.toArray();
  for (const source of sources) {
    if (source.kind === 'managed' && !wanted.some((list) => sameListUrl(list.url, source.url)))
      await sync.remove(source.listId);
  }
  for (const list of wanted) {
    const existing = sources.find(
      (source) => (source.kind === 'url' || source.kind === 'managed') && sameListUrl(source.url, list.url),
    );
    if (!existing) {
      await sync.subscribeOrRetry(list, 'policy').catch(log(`managed list ${list.url}`));
      continue;
    }
    const terms = subscriptionTerms(existing, list, 'policy');
    if (existing.kind === terms.kind && existing.publicKey === terms.key) continue;
    // Pinned before the sync, so the list is checked against the policy's key from now on; a
    // failed check leaves the stored copy serving, with the problem on its row.
    await context.db.sources.update(existing.listId, { kind: terms.kind, publicKey: terms.key });
    if (existing.enabled) await sync.sync(existing.listId).catch(log(`managed list ${list.url}`));
  }
  if (policy.strictness) {
    const strictness = policy.strictness;
    await updateSettings(context.settings, () => ({ strictness, snoozedUntil: null, disabledSites: [] }));
  }
}

/** Alarms per list, re-created when missing at every worker start; the managed policy, now and on change. */
export function startListSync(context: BackgroundContext): void {
  const sync = listSyncOf(context);
  browser.alarms.onAlarm.addListener((alarm) => {
    const listId = listIdOfAlarm(alarm.name);
    if (listId !== null) void sync.sync(listId).catch(log(`sync ${listId}`));
  });
  void sync
    .rearm(async (listId) => (await browser.alarms.get(syncAlarmName(listId))) !== undefined)
    .catch(log('sync alarms'));
  const apply = () =>
    void readManagedPolicy()
      .then((policy) => applyManagedPolicy(context, policy))
      .catch(log('managed policy'));
  apply();
  browser.storage.onChanged.addListener((_, area) => {
    if (area === 'managed') apply();
  });
}

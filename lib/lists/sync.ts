import type { SyncProblem } from '../core/vocabulary';
import type { SaringDb, SourceRecord } from '../db';
import { download, SyncError, type Validators } from './download';
import { verifyListSignature } from './signature';
import { skippedItemsOf, takesPatches, type ListStore } from './list-store';
import { subscriptionTerms, type Subscriber, type SubscriptionTerms } from './pinning';
import { checkListUrl, refreshIntervalMs, retryDelayMs, sameListUrl, type SubscribeRequest } from './subscriptions';
import { ListFormatError, validateListPausing, type ValidatedList } from './validate';
import { checkJsonText, parseCheckedJsonText } from './json-text';
import { LIST_FILE_LIMITS } from './schema';
import { checkVersion } from './version';
import { itemDigests, parsePatch, patchUrl } from './patch';
import { nextTask } from '../next-task';

/** A list server silent this long (before answering, or mid-body) has failed the sync. */
export const SYNC_IDLE_TIMEOUT_MS = 20_000;
/**
 * Patches serve a list only this long after its last whole download: a publisher whose patch
 * folder went stale (or wrong, in a way the checksum cannot see) cannot hold a list back longer.
 */
export const FULL_DOWNLOAD_EVERY_MS = 7 * 24 * 3_600_000;

export interface SyncContext {
  /** Sources are read and their sync status written here; lists only through `store`. */
  db: SaringDb;
  store: ListStore;
  fetch: typeof fetch;
  now: () => number;
  /** (Re)arms the list's next sync; null cancels it. */
  schedule(listId: string, when: number | null): Promise<void>;
  idleTimeoutMs?: number;
}

/** What a one-click link shows before the person confirms. */
export interface ListPreview {
  url: string;
  id: string;
  name: string;
  publisher?: string;
  items: number;
  languages: string[];
  version: number;
  /**
   * The list's signature matched the key given with its address (in the link, or typed), which
   * is as trustworthy as whoever wrote the link: it proves the list is the one that key signed.
   */
  verified: boolean;
}

/** Where a sync is: downloading (with the share received when the size is known), then storing. */
export interface SyncProgress {
  phase: 'download' | 'store';
  fraction: number | null;
}

export type SyncOutcome = 'updated' | 'unchanged' | 'failed';

interface Fetched {
  list: ValidatedList;
  validators: Validators;
}

function problemOf(error: unknown): SyncProblem {
  if (error instanceof SyncError) return error.problem;
  if (error instanceof ListFormatError) return { code: 'not-a-list', detail: error.message };
  const name = error instanceof Error ? error.name : '';
  // Dexie reports a full disk as QuotaExceededError (possibly wrapped in an AbortError).
  if (name === 'QuotaExceededError' || /quota/i.test(String(error))) return { code: 'quota' };
  return { code: 'failed', detail: error instanceof Error ? error.message : String(error) };
}

/**
 * A subscription whose first download failed has no list id yet: its source waits under its
 * address, retried by its alarm like any failed sync, until the list arrives under its own id.
 */
export function pendingListId(url: string): string {
  return `pending:${url}`;
}

/**
 * Subscriptions and their syncs. One sync per list at a time; progress is kept in memory for
 * the options page (a woken worker has no sync in flight).
 */
export class ListSync {
  private readonly inFlight = new Map<string, Promise<SyncOutcome>>();
  /** The sync asked for while one was in flight, per list: it runs when that one ends. */
  private readonly queued = new Map<string, Promise<SyncOutcome>>();
  private readonly progress = new Map<string, SyncProgress>();

  constructor(private readonly context: SyncContext) {}

  progressOf(listId: string): SyncProgress | null {
    return this.progress.get(listId) ?? null;
  }

  /**
   * Downloads, verifies, parses and validates a list without storing it, under the terms a
   * subscription would have: what would be refused is refused here already.
   */
  async preview(request: SubscribeRequest): Promise<ListPreview> {
    const { url, terms, fetched } = await this.fetchToSubscribe(request, 'person');
    return previewOf(url, terms, fetched);
  }

  /**
   * Stores the list at `request.url` and arms its syncs. Subscribing again to a subscribed address
   * keeps its kind, pinned key and version floor (lib/lists/pinning.ts); a list id another source
   * holds is refused.
   */
  async subscribe(request: SubscribeRequest, who: Subscriber): Promise<ListPreview> {
    const { url, existing, terms, fetched } = await this.fetchToSubscribe(request, who);
    const { header } = fetched.list;
    const source: SourceRecord = {
      listId: header.id,
      kind: terms.kind,
      url,
      ...(terms.key === undefined ? {} : { publicKey: terms.key }),
      enabled: true,
      refreshMs: refreshIntervalMs(header.refresh),
      lastSuccess: null,
      lastAttempt: null,
      nextSync: null,
      failures: 0,
      skippedItems: [],
    };
    await this.store(source, fetched);
    if (existing && existing.listId !== header.id) {
      // A pending subscription's list arrived under its own id.
      await this.context.db.sources.delete(existing.listId);
      await this.context.schedule(existing.listId, null);
    }
    return previewOf(url, terms, fetched);
  }

  /** The subscription (pending, turned off or syncing) at this address, if any. */
  private async subscriptionAt(url: string): Promise<SourceRecord | undefined> {
    const sources = await this.context.db.sources.toArray();
    return sources.find(
      (source) => (source.kind === 'url' || source.kind === 'managed') && sameListUrl(source.url, url),
    );
  }

  /** Fetches the list at `request.url` under the terms its address allows, and checks it may be stored there. */
  private async fetchToSubscribe(
    request: SubscribeRequest,
    who: Subscriber,
  ): Promise<{ url: string; existing: SourceRecord | undefined; terms: SubscriptionTerms; fetched: Fetched }> {
    const url = checkListUrl(request.url).href;
    const existing = await this.subscriptionAt(url);
    const terms = subscriptionTerms(existing, request, who);
    const fetched = await this.fetchFresh(url, terms.key);
    const { header } = fetched.list;
    if (existing && existing.listId !== pendingListId(existing.url!) && existing.listId !== header.id) {
      throw new SyncError({ code: 'wrong-list', detail: `"${header.id}"` });
    }
    await this.refuseIfHeldElsewhere(header.id, (source) => sameListUrl(source.url, url));
    // Never older than the copy stored, or than the one stored when the list was turned off.
    const stored = await this.context.store.record(header.id);
    const floors = [stored?.version, existing?.version].filter((version) => version !== undefined);
    const floor = floors.length > 0 ? Math.max(...floors) : undefined;
    if (checkVersion(floor, header.version)?.reason === 'older') {
      throw new SyncError({ code: 'older-version', detail: `${header.version} < ${floor}` });
    }
    return { url, existing, terms, fetched };
  }

  /**
   * Subscribes, and when the first download fails keeps the subscription pending so its alarm
   * retries it with back-off (a managed list must not wait for the next worker start).
   */
  async subscribeOrRetry(request: SubscribeRequest, who: Subscriber): Promise<SyncOutcome> {
    const url = checkListUrl(request.url).href;
    try {
      await this.subscribe(request, who);
      return 'updated';
    } catch (error) {
      const listId = pendingListId(url);
      const terms = subscriptionTerms(undefined, request, who);
      const pending: SourceRecord = (await this.context.db.sources.get(listId)) ?? {
        listId,
        kind: terms.kind,
        url,
        ...(terms.key === undefined ? {} : { publicKey: terms.key }),
        enabled: true,
        refreshMs: refreshIntervalMs(undefined),
        lastSuccess: null,
        lastAttempt: null,
        nextSync: null,
        failures: 0,
        skippedItems: [],
      };
      await this.context.db.sources.put(pending);
      await this.failed(pending, error, this.context.now());
      return 'failed';
    }
  }

  /**
   * A list id names one list: refuses to overwrite a list stored from another source (another
   * address, the starter list, a classroom list) — `same` says which stored source may be replaced.
   */
  private async refuseIfHeldElsewhere(listId: string, same: (source: SourceRecord) => boolean): Promise<void> {
    const [source, record] = await Promise.all([
      this.context.db.sources.get(listId),
      this.context.store.record(listId),
    ]);
    if (source ? same(source) : !record) return;
    throw new SyncError({ code: 'wrong-list', detail: `"${listId}" is already stored from elsewhere` });
  }

  /** Removes a list, its items and its syncs; `keep` replaces its source (a list turned off). */
  async remove(listId: string, keep?: SourceRecord): Promise<void> {
    await this.context.store.remove(listId, keep);
    await this.context.schedule(listId, null);
  }

  /** Stores an imported file as a local list (no sync). */
  async storeFile(list: ValidatedList): Promise<SourceRecord> {
    await this.refuseIfHeldElsewhere(list.header.id, (source) => source.kind === 'file');
    const source: SourceRecord = {
      listId: list.header.id,
      kind: 'file',
      enabled: true,
      refreshMs: refreshIntervalMs(undefined),
      lastSuccess: null,
      lastAttempt: null,
      nextSync: null,
      failures: 0,
      skippedItems: [],
    };
    return this.store(source, { list, validators: {} });
  }

  /**
   * Syncs one subscribed list now. Asked while a sync of it runs (a download may hang until its
   * timeout, and the list may have changed since it started), it runs once more as soon as that one
   * ends; everyone asking meanwhile shares that next run.
   */
  sync(listId: string): Promise<SyncOutcome> {
    const running = this.inFlight.get(listId);
    if (!running) return this.start(listId);
    let next = this.queued.get(listId);
    if (!next) {
      next = running.then(() => {
        this.queued.delete(listId);
        return this.start(listId);
      });
      this.queued.set(listId, next);
    }
    return next;
  }

  private start(listId: string): Promise<SyncOutcome> {
    const started = this.runSync(listId).finally(() => {
      this.inFlight.delete(listId);
      this.progress.delete(listId);
    });
    this.inFlight.set(listId, started);
    return started;
  }

  /** "Sync all now": every subscription, one after the other (each may be a big write). */
  async syncAll(): Promise<Record<string, SyncOutcome>> {
    const sources = await this.context.db.sources.toArray();
    const outcomes: Record<string, SyncOutcome> = {};
    for (const source of sources) {
      if (isSubscription(source)) outcomes[source.listId] = await this.sync(source.listId);
    }
    return outcomes;
  }

  /** Arms every subscription whose alarm went missing (worker start); overdue ones run soon. */
  async rearm(hasAlarm: (listId: string) => Promise<boolean>): Promise<void> {
    const { db, now, schedule } = this.context;
    for (const source of await db.sources.toArray()) {
      if (!isSubscription(source) || (await hasAlarm(source.listId))) continue;
      await schedule(source.listId, Math.max(source.nextSync ?? now(), now()));
    }
  }

  private async runSync(listId: string): Promise<SyncOutcome> {
    const { db, now } = this.context;
    const source = await db.sources.get(listId);
    if (!source || !isSubscription(source)) return 'failed';
    this.progress.set(listId, { phase: 'download', fraction: null });
    const attempt = now();
    if (listId === pendingListId(source.url)) return this.retryPending(source, attempt);
    try {
      const patched = await this.syncByPatch(source, attempt);
      if (patched) return patched;
      const validators: Validators = {
        ...(source.etag ? { etag: source.etag } : {}),
        ...(source.lastModified ? { lastModified: source.lastModified } : {}),
      };
      const fetched = await this.fetchList(source.url, source.publicKey, validators, (fraction) =>
        this.progress.set(listId, { phase: 'download', fraction }),
      );
      if (fetched && fetched.list.header.id !== listId) {
        throw new SyncError({ code: 'wrong-list', detail: `"${fetched.list.header.id}"` });
      }
      const stored = await this.context.store.record(listId);
      const refusal = fetched && stored ? checkVersion(stored.version, fetched.list.header.version) : null;
      if (refusal?.reason === 'older') {
        throw new SyncError({ code: 'older-version', detail: `${fetched!.list.header.version} < ${stored!.version}` });
      }
      if (!fetched || refusal?.reason === 'same') {
        // Unchanged: nothing is rewritten, only the check is recorded.
        await this.succeeded({ ...source, ...(fetched?.validators ?? {}) }, attempt);
        return 'unchanged';
      }
      this.progress.set(listId, { phase: 'store', fraction: null });
      await this.store({ ...source, lastAttempt: attempt }, fetched);
      return 'updated';
    } catch (error) {
      await this.failed(source, error, attempt);
      return 'failed';
    }
  }

  /**
   * The differential sync (lib/lists/PATCHES.md): when the stored copy can take patches and was
   * downloaded whole within the week, one conditional GET of the patch from its version (304:
   * unchanged), its signature when the subscription pins a key, then the checks and a write of the
   * changed rows alone. Null when a patch cannot serve, for any reason (none published for this
   * version, a bad signature, a wrong base, a checksum that does not add up, broken bytes …): the
   * whole list is downloaded then, as without patches, and the stored copy stays as it was until it
   * arrives.
   */
  private async syncByPatch(source: SourceRecord & { url: string }, attempt: number): Promise<SyncOutcome | null> {
    const { store, now } = this.context;
    const stored = await store.record(source.listId);
    if (
      !stored ||
      !takesPatches(stored) ||
      source.fullDownloadAt === undefined ||
      now() - source.fullDownloadAt > FULL_DOWNLOAD_EVERY_MS
    )
      return null;
    const url = patchUrl(source.url, stored.patches, stored.version);
    if (!url) return null;
    const phases = new PhaseTimes();
    try {
      const options = { fetch: this.context.fetch, idleTimeoutMs: this.context.idleTimeoutMs ?? SYNC_IDLE_TIMEOUT_MS };
      const known = source.patch?.url === url ? source.patch : undefined;
      const validators: Validators = {
        ...(known?.etag ? { etag: known.etag } : {}),
        ...(known?.lastModified ? { lastModified: known.lastModified } : {}),
      };
      const got = await download(url, { ...options, maxBytes: LIST_FILE_LIMITS.maxBytes, validators });
      if (got.status === 'not-modified') {
        await this.succeeded(source, attempt);
        return 'unchanged';
      }
      // A woken worker reads its index while the patch is checked (not for a 304: nothing to patch).
      store.warmIndex();
      phases.end('download');
      if (source.publicKey !== undefined) await this.checkSignature(url, got.bytes, source.publicKey, options);
      phases.end('signature');
      const patch = parsePatch(new TextDecoder('utf-8', { fatal: true }).decode(got.bytes));
      phases.end('parse');
      const checked = await store.checkPatch(patch);
      phases.end('check', `reading ${checked.readMs.toFixed(0)} ms`);
      const next: SourceRecord = { ...source, patch: { url, ...got.validators }, lastAttempt: attempt };
      if (checked.delta.current) {
        // The publisher's "up to date" patch: nothing to write, and its ETag makes the next check a 304.
        await this.succeeded(next, attempt);
        return 'unchanged';
      }
      this.progress.set(source.listId, { phase: 'store', fraction: null });
      const record = this.succeededSource(
        { ...next, refreshMs: refreshIntervalMs(checked.delta.header.refresh) },
        attempt,
      );
      await store.applyPatch(checked, record);
      phases.end('apply');
      await this.armNext(record);
      phases.end('arm');
      // The bench (tests/bench/patch-sync.ts) reads this line: where a patch sync's time goes.
      console.info(`[saring] list ${source.listId} patch sync: ${phases.summary()}`);
      return 'updated';
    } catch (error) {
      console.info(
        `[saring] list ${source.listId}: no patch from version ${stored.version} (${error instanceof Error ? error.message : String(error)}); downloading the whole list`,
      );
      return null;
    }
  }

  /** A pending subscription's retry: once its list arrives, the list's own source replaces it (see subscribe). */
  private async retryPending(source: SourceRecord & { url: string }, attempt: number): Promise<SyncOutcome> {
    try {
      const request = { url: source.url, ...(source.publicKey ? { key: source.publicKey } : {}) };
      await this.subscribe(request, source.kind === 'managed' ? 'policy' : 'person');
    } catch (error) {
      await this.failed(source, error, attempt);
      return 'failed';
    }
    return 'updated';
  }

  /** Records a failed sync and arms its retry, backing off with each failure in a row. */
  private async failed(source: SourceRecord, error: unknown, attempt: number): Promise<void> {
    const failures = source.failures + 1;
    const nextSync = this.context.now() + retryDelayMs(failures, source.refreshMs);
    await this.context.db.sources.update(source.listId, {
      failures,
      lastError: problemOf(error),
      lastAttempt: attempt,
      nextSync,
    });
    await this.context.schedule(source.listId, nextSync);
  }

  /** The source after a successful sync (or store): no failures, the next sync a cadence away. */
  private succeededSource(source: SourceRecord, attempt: number): SourceRecord {
    const { now } = this.context;
    const record: SourceRecord = {
      ...source,
      lastAttempt: attempt,
      lastSuccess: now(),
      failures: 0,
      nextSync: isSubscription(source) ? now() + source.refreshMs : null,
    };
    delete record.lastError;
    return record;
  }

  /** Arms a subscription's next sync as its source says. */
  private async armNext(source: SourceRecord): Promise<void> {
    if (isSubscription(source)) await this.context.schedule(source.listId, source.nextSync);
  }

  /** Records a check that changed nothing. */
  private async succeeded(source: SourceRecord, attempt: number): Promise<SourceRecord> {
    const record = this.succeededSource(source, attempt);
    await this.context.db.sources.put(record);
    await this.armNext(record);
    return record;
  }

  /** Stores the list with its source through the list store (the old copy serves until the new index does). */
  private async store(source: SourceRecord, { list, validators }: Fetched): Promise<SourceRecord> {
    const record = this.succeededSource(
      {
        ...source,
        ...validators,
        refreshMs: refreshIntervalMs(list.header.refresh),
        skippedItems: skippedItemsOf(list),
        fullDownloadAt: this.context.now(),
      },
      source.lastAttempt ?? this.context.now(),
    );
    delete record.patch;
    try {
      await this.context.store.put(list, record, await patchableDigests(list));
    } catch (error) {
      throw new SyncError(problemOf(error));
    }
    await this.armNext(record);
    return record;
  }

  private async fetchFresh(url: string, publicKey: string | undefined): Promise<Fetched> {
    const fetched = await this.fetchList(url, publicKey, undefined, () => undefined);
    if (!fetched) throw new SyncError({ code: 'http', detail: '304 without a conditional request' });
    return fetched;
  }

  /** Download → size → signature (pinned key) → JSON → validation. Null when the server says 304. */
  private async fetchList(
    url: string,
    publicKey: string | undefined,
    validators: Validators | undefined,
    onFraction: (fraction: number | null) => void,
  ): Promise<Fetched | null> {
    const options = { fetch: this.context.fetch, idleTimeoutMs: this.context.idleTimeoutMs ?? SYNC_IDLE_TIMEOUT_MS };
    const got = await download(url, {
      ...options,
      maxBytes: LIST_FILE_LIMITS.maxBytes,
      ...(validators ? { validators } : {}),
      onProgress: (received, total) => onFraction(total ? received / total : null),
    });
    if (got.status === 'not-modified') return null;
    if (publicKey !== undefined) await this.checkSignature(url, got.bytes, publicKey, options);
    let raw: unknown;
    try {
      // Decoding, checking and parsing 30 MB are a block each (~0.1–0.3 s): answer what waits between them.
      const text = await decodePausing(got.bytes);
      checkJsonText(text, got.bytes.length);
      await nextTask();
      raw = parseCheckedJsonText(text);
      await nextTask();
    } catch (error) {
      throw new SyncError({ code: 'not-json', detail: error instanceof Error ? error.message : String(error) });
    }
    const rawItems = (raw as { items?: unknown } | null)?.items;
    if (Array.isArray(rawItems) && rawItems.length > LIST_FILE_LIMITS.maxItems) {
      throw new SyncError({ code: 'too-many-items', detail: `${rawItems.length}` });
    }
    return { list: await validateListPausing(raw, nextTask), validators: got.validators };
  }

  private async checkSignature(
    url: string,
    bytes: Uint8Array,
    publicKey: string,
    options: { fetch: typeof fetch; idleTimeoutMs: number },
  ): Promise<void> {
    let signature: string;
    try {
      const got = await download(`${url}.sig`, { ...options, maxBytes: 1_024 });
      if (got.status !== 'ok') throw new SyncError({ code: 'signature-missing' });
      signature = new TextDecoder().decode(got.bytes).trim();
    } catch (error) {
      if (error instanceof SyncError && error.problem.code === 'timeout') throw error;
      throw new SyncError({ code: 'signature-missing' });
    }
    if (!(await verifyListSignature(bytes, signature, publicKey).catch(() => false))) {
      throw new SyncError({ code: 'signature-wrong' });
    }
  }
}

/** Milliseconds per named phase of a sync, for its log line. */
class PhaseTimes {
  private last = performance.now();
  private readonly phases: string[] = [];

  end(phase: string, detail?: string): void {
    const now = performance.now();
    this.phases.push(`${phase} ${(now - this.last).toFixed(0)} ms${detail ? ` (${detail})` : ''}`);
    this.last = now;
  }

  summary(): string {
    return this.phases.join(', ');
  }
}

/** Bytes decoded between pauses: ~20 ms of work. */
const DECODED_BETWEEN_PAUSES = 4 * 1024 * 1024;

/** UTF-8 as text, decoded a few MB at a time with a pause after each. */
async function decodePausing(bytes: Uint8Array): Promise<string> {
  const decoder = new TextDecoder();
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += DECODED_BETWEEN_PAUSES) {
    parts.push(decoder.decode(bytes.subarray(at, at + DECODED_BETWEEN_PAUSES), { stream: true }));
    await nextTask();
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/**
 * The item digests (and so the checksum) patches start from, for a list that publishes them and
 * was stored whole: with an item left out (invalid here), the stored items are not the
 * publisher's, and no patch would add up.
 */
async function patchableDigests(list: ValidatedList): Promise<Uint8Array | undefined> {
  if (list.header.patches === undefined || list.skipped > 0) return undefined;
  return itemDigests(list.items);
}

function previewOf(url: string, terms: SubscriptionTerms, { list }: Fetched): ListPreview {
  const { header, items } = list;
  return {
    url,
    id: header.id,
    name: header.name,
    ...(header.publisher ? { publisher: header.publisher.name } : {}),
    items: items.length,
    languages: header.languages ?? [],
    version: header.version,
    verified: terms.key !== undefined,
  };
}

/** A list this class syncs: subscribed by the person or the policy, and not turned off. */
export function isSubscription(source: SourceRecord): source is SourceRecord & { url: string } {
  return source.enabled && (source.kind === 'url' || source.kind === 'managed') && source.url !== undefined;
}

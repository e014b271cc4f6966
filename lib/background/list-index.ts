import type { ListRecord, SaringDb } from '../db';
import { listPictures, type ListPictures } from '../images/check-image';
import type { ListItem } from '../lists/schema';
import {
  chunkPlaces,
  readStoredLists,
  withChange,
  type ListChange,
  type PatchedList,
  type StoredLists,
} from '../lists/store';
import {
  createMatcherPausing,
  loadIndexMatcher,
  MATCHER_FORMAT_VERSION,
  patchMatcher,
  serializeMatcherPausing,
  withItems,
} from '../match';
import type { IndexedList, IndexMatcher, Matcher, MatchQuery, MatchResult } from '../match/types';
import { nextTask } from '../next-task';

/** The matcher as the background uses it: answers come with the hits' items, read where they are. */
export interface ServingMatcher {
  readonly size: number;
  match(query: MatchQuery, options?: { top?: number }): Promise<MatchResult>;
}

export interface LoadedIndex {
  matcher: ServingMatcher;
  /**
   * The hashes of the pictures list items carry, for checking a post's pictures: built on the
   * first picture checked, from the lists in memory, or (after loading the persisted index, which
   * holds no items) from the stored lists.
   */
  pictures(): Promise<ListPictures>;
  /** List id → publisher name, for the prompt's fact-check cards. */
  publishers: ReadonlyMap<string, string>;
  /** List id → the host a subscribed list comes from, shown beside the publisher the list names. */
  listHosts: ReadonlyMap<string, string>;
  /** How long reading what the matcher needs, and building (or loading) it, took (ms): wake-up latency. */
  readMs: number;
  buildMs: number;
  /** Whether the matcher came from the persisted index rather than a fresh build. */
  fromPersisted: boolean;
}

/** How the matcher is built, and persisted so a waking worker loads it instead of rebuilding. */
export interface MatcherCodec {
  build(lists: IndexedList[]): Matcher | Promise<Matcher>;
  /** The index's bytes; `pause` resolves when the caller may go on (an encoding that pauses awaits it now and then). */
  serialize(matcher: IndexMatcher, pause: () => Promise<void>): Uint8Array | Promise<Uint8Array>;
  /** The index alone, without the items; throws when the bytes are not of this format: the caller rebuilds. */
  load(bytes: Uint8Array): IndexMatcher;
  /** The matcher after a list patch, without a rebuild; given the lists after it, one holding them. */
  patch: typeof patchMatcher;
  /**
   * What the persisted bytes depend on besides the lists: the matcher's format version, and the
   * extension's version, since an update may change tokenising without changing the layout.
   */
  formatVersion: string;
}

export const MATCHER_CODEC: MatcherCodec = {
  // Pausing: building a big list's index takes seconds, and the worker must answer meanwhile.
  build: (lists) => createMatcherPausing(lists, nextTask),
  // Pausing: encoding 30 MB is ~0.5 s of work, and checks arriving meanwhile must not wait for it.
  serialize: serializeMatcherPausing,
  load: loadIndexMatcher,
  patch: patchMatcher,
  formatVersion: String(MATCHER_FORMAT_VERSION),
};

/** Identifies what a persisted index was built from: the lists, their versions and writes, the format. */
export function indexKey(records: readonly ListRecord[], formatVersion: string): string {
  return JSON.stringify([
    formatVersion,
    records.map((record) => [record.id, record.version, record.itemCount, record.updatedAt]),
  ]);
}

/** Whether two records are of the same write of a list (what indexKey tells them apart by). */
function sameWrite(a: ListRecord, b: ListRecord): boolean {
  return a.version === b.version && a.itemCount === b.itemCount && a.updatedAt === b.updatedAt;
}

/** How long after a patch its index is persisted: after the sync's answer, before the worker may stop (30 s idle). */
const PERSIST_PATCHED_AFTER_MS = 1_000;

/** Chunks kept in memory after answering from them: posts on one screen often hit the same items. */
const CACHED_CHUNKS = 16;

/**
 * Reads the hits' items from their stored chunks, for a matcher loaded without them. An item
 * whose claim is not the one indexed (a list written since) is left out rather than shown.
 */
class ChunkItems implements ServingMatcher {
  readonly size: number;
  private readonly cache = new Map<string, ListItem[]>();
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();

  /** Per list, where an item's position is stored (patched lists have chunks of several sizes). */
  private readonly places: Map<string, ReturnType<typeof chunkPlaces>>;

  constructor(
    private readonly db: SaringDb,
    private readonly matcher: IndexMatcher,
    records: readonly ListRecord[],
  ) {
    this.size = matcher.size;
    this.places = new Map(records.map((record) => [record.id, chunkPlaces(record)]));
  }

  async match(query: MatchQuery, options?: { top?: number }): Promise<MatchResult> {
    const ranked = this.matcher.rank(query, options);
    const wanted = new Map<string, [string, number]>();
    for (const { listId, position } of ranked.matches) {
      const place = position === undefined ? undefined : this.places.get(listId)?.(position);
      if (!place) continue;
      const key = `${listId}\u0000${place.chunk}`;
      if (!this.cache.has(key)) wanted.set(key, [listId, place.chunk]);
    }
    if (wanted.size > 0) {
      const chunks = await this.db.chunks.bulkGet([...wanted.values()]);
      [...wanted.keys()].forEach((key, at) => this.remember(key, chunks[at]?.items ?? []));
    }
    return withItems(ranked, (listId, position) => {
      const place = this.places.get(listId)?.(position);
      const item = place && this.cache.get(`${listId}\u0000${place.chunk}`)?.[place.offset];
      return item && this.isIndexed(item, listId, position) ? item : undefined;
    });
  }

  private isIndexed(item: ListItem, listId: string, position: number): boolean {
    // The index keeps claims as UTF-8: compare what the claim reads as after that round trip.
    return this.matcher.claimAt(listId, position) === this.decoder.decode(this.encoder.encode(item.claim));
  }

  private remember(key: string, items: ListItem[]): void {
    this.cache.delete(key);
    this.cache.set(key, items);
    if (this.cache.size > CACHED_CHUNKS) this.cache.delete(this.cache.keys().next().value!);
  }
}

/** A matcher holding its lists: the hits' items are at hand. */
function inMemory(matcher: Matcher): ServingMatcher {
  return { size: matcher.size, match: async (query, options) => matcher.match(query, options) };
}

/** What an index serves over: its matcher, the list records, and the lists when it was built from them. */
interface Serving {
  matcher: IndexMatcher;
  records: ListRecord[];
  stored: StoredLists | null;
}

/**
 * The in-memory matcher over every stored list, loaded lazily on the first query after the
 * service worker wakes: the persisted index alone when it is current (items are read per hit),
 * else a build from the stored lists. All callers share one load; list writes go through
 * `update` so queries arriving meanwhile wait for the rebuilt index instead of matching against
 * a half-written one.
 */
export class ListIndex {
  private loading: Promise<LoadedIndex> | null = null;
  /**
   * What the serving index is over: its matcher (a patch patches it), the list records, and the
   * lists themselves when it was built from them (null when only the index was loaded). Null while
   * a (re)build is under way or after one failed.
   */
  private serving: Serving | null = null;
  /** A patched index's persisting, due shortly (persistSoon). */
  private pendingPersist: { run: () => Promise<void>; timer: ReturnType<typeof setTimeout> } | null = null;
  /** Persistings started: one finishing its encoding after a later one started stores nothing. */
  private persistings = 0;

  constructor(
    private readonly db: SaringDb,
    private readonly codec: MatcherCodec = MATCHER_CODEC,
  ) {}

  get(): Promise<LoadedIndex> {
    return this.loading ?? this.track(this.load());
  }

  /**
   * Runs `write` after any load in flight, then rebuilds. Resolves once the new index is ready.
   * A write that says what it changed is applied to the lists in memory, saving reading every
   * list back; it resolves only once committed, so no half-written list is ever matched. Patches
   * go through `patch` instead.
   */
  async update(write: () => Promise<ListChange | void>): Promise<LoadedIndex> {
    const written = (this.loading ?? Promise.resolve()).catch(() => undefined).then(write);
    // A failed write leaves the stored copy as it was: rebuild from it either way.
    const rebuilt = this.track(
      written.then(
        (change) => this.rebuild(change),
        () => this.load(),
      ),
    );
    await written;
    return rebuilt;
  }

  /**
   * A list patch (`change`, which `commit` writes): the write starts at once, also while the index
   * is still loading (a woken worker's), and the serving index is patched while the write commits
   * (the CPU work of one beside the IndexedDB work of the other); it serves once the write has
   * committed. `commit` calls `issued` once its writes are on their way. A failed write leaves the
   * stored copy as it was: the index is reloaded from it.
   */
  async patch(change: PatchedList, commit: (issued: () => void) => Promise<void>): Promise<LoadedIndex> {
    // The load's reads were asked for first, so IndexedDB runs them before the write: the index
    // loads over the base. (A load that reads the lists again later, to rebuild, may read them
    // patched: `withPatch` tells.)
    const before = this.get();
    let issued!: () => void;
    const writing = new Promise<void>((resolve) => (issued = resolve));
    const committed = commit(issued);
    const written = before
      .catch(() => undefined)
      .then(async (loaded) => {
        await Promise.race([writing, committed.catch(() => undefined)]);
        const next = this.withPatch(change, loaded);
        await committed;
        return next;
      });
    const patched = this.track(
      written.then(
        (next) => (next === null ? this.load() : 'serving' in next ? this.serve(next) : next),
        () => this.load(),
      ),
    );
    await written;
    return patched;
  }

  /**
   * The index with `change` in it: the serving one patched when it serves the patch's base; the
   * loaded one as it is when it was built over the patched list already; null (reload) otherwise.
   */
  private withPatch(
    change: PatchedList,
    loaded: LoadedIndex | undefined,
  ): { serving: Serving; loaded: LoadedIndex } | LoadedIndex | null {
    const held = this.serving?.records.find((record) => record.id === change.base.id);
    if (!this.serving || !held || !loaded) return null;
    if (sameWrite(held, change.base)) return this.patched(this.serving, change);
    return sameWrite(held, change.patched) ? loaded : null;
  }

  /** Loads the index now if it is not loaded (a patch on its way will need it). */
  warm(): void {
    void this.get().catch(() => undefined);
  }

  private track(loading: Promise<LoadedIndex>): Promise<LoadedIndex> {
    this.loading = loading;
    // A failed load is retried by the next query rather than cached.
    loading.catch(() => {
      if (this.loading === loading) this.loading = null;
    });
    return loading;
  }

  private async rebuild(change: ListChange | void): Promise<LoadedIndex> {
    const serving = this.serving;
    this.serving = null;
    return change && serving?.stored ? this.built(withChange(serving.stored, change), 0) : this.load();
  }

  /** The serving index with a list patch applied (no rebuild), not serving yet. */
  private patched(serving: Serving, change: PatchedList): { serving: Serving; loaded: LoadedIndex } {
    const started = performance.now();
    const records = withChange({ records: serving.records, lists: [] }, { written: change.patched, items: [] }).records;
    const patch = {
      listId: change.patched.id,
      removed: change.removed,
      changed: change.changed,
      added: change.added,
      idHashes: change.patched.idHashes!,
      domains: records.map((record) => ({ listId: record.id, domains: record.domains })),
    };
    if (serving.stored) {
      const stored = withChange(serving.stored, change);
      const matcher = this.codec.patch(serving.matcher, patch, stored.lists);
      const next = { matcher, records, stored };
      return { serving: next, loaded: this.loaded(inMemory(matcher), next, 0, started, false) };
    }
    const matcher = this.codec.patch(serving.matcher, patch);
    const next = { matcher, records, stored: null };
    return {
      serving: next,
      loaded: this.loaded(new ChunkItems(this.db, matcher, records), next, 0, started, true),
    };
  }

  /** Serves a patched index, and persists it for the next wake once the sync has answered. */
  private serve({ serving, loaded }: { serving: Serving; loaded: LoadedIndex }): LoadedIndex {
    this.serving = serving;
    this.persistSoon(serving.matcher, serving.records);
    return loaded;
  }

  /** The persisted index when it was built from the stored lists as they are; else a build from them. */
  private async load(): Promise<LoadedIndex> {
    this.serving = null;
    const started = performance.now();
    // Two transactions, not one: a sync's read of a list record asked before the 30 MB index is
    // read (~0.4 s in a woken worker) does not wait for it. The key check below still loads the
    // index only over the records it was built from; after a write in between, the lists are rebuilt.
    const { db } = this;
    const [records, persisted] = await Promise.all([
      db.transaction('r', db.lists, () => db.lists.toArray()),
      db.transaction('r', db.matcherIndex, () => db.matcherIndex.get('current')),
    ]);
    if (persisted?.key === indexKey(records, this.codec.formatVersion)) {
      const loadStarted = performance.now();
      const matcher = this.tryLoad(persisted.bytes);
      if (matcher) {
        this.serving = { matcher, records, stored: null };
        return this.loaded(
          new ChunkItems(this.db, matcher, records),
          this.serving,
          loadStarted - started,
          loadStarted,
          true,
        );
      }
    }
    const stored = await readStoredLists(this.db);
    return this.built(stored, performance.now() - started);
  }

  /** A fresh build over `stored`, persisted for the next wake. */
  private async built(stored: StoredLists, readMs: number): Promise<LoadedIndex> {
    const started = performance.now();
    const { records, lists } = stored;
    const matcher = await this.codec.build(lists);
    // Persisted before it serves, so a read of the persisted index after this one finds it.
    await this.persist(matcher, records);
    this.serving = { matcher, records, stored };
    return this.loaded(inMemory(matcher), this.serving, readMs, started, false);
  }

  private loaded(
    matcher: ServingMatcher,
    { records, stored }: Serving,
    readMs: number,
    started: number,
    fromPersisted: boolean,
  ): LoadedIndex {
    return {
      matcher,
      pictures: this.picturesReader(stored),
      publishers: publishersOf(records),
      listHosts: listHostsOf(records),
      readMs,
      buildMs: performance.now() - started,
      fromPersisted,
    };
  }

  /** The serving lists' pictures: from the stored lists when they are at hand, else read once on the first picture checked. */
  private picturesReader(stored: StoredLists | null): () => Promise<ListPictures> {
    let pictures: Promise<ListPictures> | null = null;
    // Built on the first picture checked, not with the index: a patch is searchable sooner.
    if (stored) return () => (pictures ??= Promise.resolve(listPictures(stored.lists)));
    return () =>
      (pictures ??= readStoredLists(this.db)
        .then(({ lists }) => listPictures(lists))
        .catch((error: unknown) => {
          pictures = null;
          throw error;
        }));
  }

  /**
   * Persisting is an optimisation for the next wake: the new index serves without waiting for it,
   * and a failure (quota) costs only speed. It is encoded in slices between which the worker
   * answers (the log line says the work and its longest slice), then its write is queued: resolves
   * then, so a later read of the persisted index (a waking worker's) sees it. A load meanwhile
   * finds the older one, whose key says it is stale.
   */
  private async persist(matcher: IndexMatcher, records: readonly ListRecord[]): Promise<void> {
    const persisting = ++this.persistings;
    const key = indexKey(records, this.codec.formatVersion);
    let sliceStarted = performance.now();
    let work = 0;
    let longest = 0;
    const endSlice = () => {
      const slice = performance.now() - sliceStarted;
      work += slice;
      longest = Math.max(longest, slice);
    };
    const pause = async () => {
      endSlice();
      await nextTask();
      sliceStarted = performance.now();
    };
    try {
      const bytes = await this.codec.serialize(matcher, pause);
      endSlice();
      if (persisting !== this.persistings) return;
      const encoded = performance.now();
      void this.db.matcherIndex
        .put({ id: 'current', key, bytes })
        .then(() =>
          console.info(
            `[saring] index persisted: ${(bytes.length / 1e6).toFixed(1)} MB encoded in ${work.toFixed(0)} ms (longest slice ${longest.toFixed(0)} ms), stored in ${(performance.now() - encoded).toFixed(0)} ms`,
          ),
        )
        .catch(() => undefined);
    } catch {
      // Only speed is lost: the next wake rebuilds.
    }
  }

  /**
   * A patched index serves at once and is persisted a moment later, once the sync that patched it
   * has answered: encoding and storing 30 MB take the worker ~0.5–1.5 s (in slices), which would
   * otherwise come before "searchable". Skipped when a newer index serves by then (it persists
   * itself). Should the worker stop first, the persisted index is older than the stored lists: its
   * key says so, and the next wake rebuilds from the lists instead of loading it.
   */
  private persistSoon(matcher: IndexMatcher, records: readonly ListRecord[]): void {
    clearTimeout(this.pendingPersist?.timer);
    const run = () => {
      this.pendingPersist = null;
      return this.serving?.matcher === matcher ? this.persist(matcher, records) : Promise.resolve();
    };
    this.pendingPersist = { run, timer: setTimeout(() => void run(), PERSIST_PATCHED_AFTER_MS) };
  }

  /** Persists now an index waiting to be (tests; a worker about to stop); resolves once its write is queued. */
  persistPending(): Promise<void> {
    if (!this.pendingPersist) return Promise.resolve();
    clearTimeout(this.pendingPersist.timer);
    return this.pendingPersist.run();
  }

  private tryLoad(bytes: Uint8Array): IndexMatcher | null {
    try {
      return this.codec.load(bytes);
    } catch {
      return null;
    }
  }
}

function publishersOf(records: readonly ListRecord[]): ReadonlyMap<string, string> {
  return new Map(
    records.flatMap((record) => (record.publisher === undefined ? [] : [[record.id, record.publisher] as const])),
  );
}

/** Subscribed lists' hosts: a list names its own publisher, its address says where it came from. */
function listHostsOf(records: readonly ListRecord[]): ReadonlyMap<string, string> {
  return new Map(
    records.flatMap((record) =>
      record.source === 'url' && record.url ? [[record.id, new URL(record.url).host] as const] : [],
    ),
  );
}

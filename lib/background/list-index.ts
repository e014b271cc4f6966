import type { ListRecord, MatcherIndexRecord, SaringDb } from '../db';
import { readStoredLists, withChange, type ListChange, type StoredLists } from '../lists/store';
import { createMatcher, loadMatcher, MATCHER_FORMAT_VERSION, serializeMatcher } from '../match';
import type { IndexedList, Matcher } from '../match/types';

export interface LoadedIndex {
  matcher: Matcher;
  /** List id → publisher name, for the prompt's fact-check cards. */
  publishers: ReadonlyMap<string, string>;
  /** How long reading the stored chunks and building (or loading) the matcher took (ms): wake-up latency. */
  readMs: number;
  buildMs: number;
  /** Whether the matcher came from the persisted index rather than a fresh build. */
  fromPersisted: boolean;
}

/** How the matcher is built, and persisted so a waking worker loads it instead of rebuilding. */
export interface MatcherCodec {
  build(lists: IndexedList[]): Matcher;
  serialize(matcher: Matcher): Uint8Array;
  /** Throws when the bytes do not fit the lists or the format: the caller rebuilds. */
  load(bytes: Uint8Array, lists: IndexedList[]): Matcher;
  /**
   * What the persisted bytes depend on besides the lists: the matcher's format version, and the
   * extension's version, since an update may change tokenising without changing the layout.
   */
  formatVersion: string;
}

export const MATCHER_CODEC: MatcherCodec = {
  build: createMatcher,
  serialize: serializeMatcher,
  load: loadMatcher,
  formatVersion: String(MATCHER_FORMAT_VERSION),
};

/** Identifies what a persisted index was built from: the lists, their versions, the format. */
export function indexKey(records: readonly ListRecord[], formatVersion: string): string {
  return JSON.stringify([formatVersion, records.map((record) => [record.id, record.version, record.itemCount])]);
}

/**
 * The in-memory matcher over every stored list, built lazily on the first query after the
 * service worker wakes. All callers share one load; list writes go through `update` so queries
 * arriving meanwhile wait for the rebuilt index instead of matching against a half-written one.
 */
export class ListIndex {
  private loading: Promise<LoadedIndex> | null = null;
  /** The lists the serving index was built from; null while a (re)build is under way or after one failed. */
  private stored: StoredLists | null = null;

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
   * list back; it resolves only once committed, so no half-written list is ever matched.
   */
  async update(write: () => Promise<ListChange | void>): Promise<LoadedIndex> {
    const written = (this.loading ?? Promise.resolve()).catch(() => undefined).then(write);
    // A failed write leaves the stored copy as it was: rebuild from it either way.
    const rebuilt = this.track(written.then((change) => this.rebuild(change), () => this.load()));
    await written;
    return rebuilt;
  }

  private track(loading: Promise<LoadedIndex>): Promise<LoadedIndex> {
    this.loading = loading;
    // A failed load is retried by the next query rather than cached.
    loading.catch(() => {
      if (this.loading === loading) this.loading = null;
    });
    return loading;
  }

  private rebuild(change: ListChange | void): Promise<LoadedIndex> {
    const serving = this.stored;
    this.stored = null;
    return change && serving ? this.ready(withChange(serving, change), undefined, 0) : this.load();
  }

  private async load(): Promise<LoadedIndex> {
    this.stored = null;
    const started = performance.now();
    const [stored, persisted] = await Promise.all([readStoredLists(this.db), this.db.matcherIndex.get('current')]);
    return this.ready(stored, persisted, performance.now() - started);
  }

  /** The matcher over `stored`: the persisted one when it was built from the same lists, else a fresh build. */
  private async ready(stored: StoredLists, persisted: MatcherIndexRecord | undefined, readMs: number): Promise<LoadedIndex> {
    const started = performance.now();
    const { records, lists } = stored;
    const key = indexKey(records, this.codec.formatVersion);
    let matcher = persisted?.key === key ? this.tryLoad(persisted.bytes, lists) : null;
    const fromPersisted = matcher !== null;
    if (!matcher) {
      matcher = this.codec.build(lists);
      // Persisting is an optimisation for the next wake: a failure (quota) costs only speed.
      await this.db.matcherIndex.put({ id: 'current', key, bytes: this.codec.serialize(matcher) }).catch(() => undefined);
    }
    const publishers = new Map(
      records.flatMap((record) => (record.publisher === undefined ? [] : [[record.id, record.publisher] as const])),
    );
    this.stored = stored;
    return { matcher, publishers, readMs, buildMs: performance.now() - started, fromPersisted };
  }

  private tryLoad(bytes: Uint8Array, lists: IndexedList[]): Matcher | null {
    try {
      return this.codec.load(bytes, lists);
    } catch {
      return null;
    }
  }
}

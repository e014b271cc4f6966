import type { ItemChunkRecord, ListRecord, ListSource, SaringDb, SkippedItem, SourceRecord } from '../db';
import { CHUNK_SIZE, readStoredLists, type ListChange, type StoredLists } from './store';
import { DEFAULT_REFRESH_MS } from './subscriptions';
import type { ValidatedList } from './validate';

/**
 * The one writer of stored lists. Every list — the bundled starter list, a classroom pack's list,
 * an imported file, a subscription, a managed list — is written here, with its source record, in
 * one transaction and through the index's write gate:
 *
 * - checks arriving during a write wait for the index over the new copy (ListIndex.update), so
 *   none is answered from a half-written list;
 * - while a write holds the lists table (a second for a big list), the records are read as they
 *   were before it: the old copy is what still serves;
 * - a write that fails leaves the old copy, its source and the index as they were.
 *
 * Reads that need a consistent view (the records, every list with its items) go through here too.
 */

/** The index's write gate (ListIndex.update): runs a write, then serves the index over its result. */
export interface IndexGate {
  update(write: () => Promise<ListChange | void>): Promise<{ readMs: number; buildMs: number }>;
}

/** Chunks written per IndexedDB request: 5 (~1.5 MB) take ~10–20 ms to copy. */
const CHUNKS_PER_PUT = 5;

/** What a list record says of where its copy came from, from its source. */
function originOf(source: SourceRecord): Pick<ListRecord, 'source' | 'url' | 'etag'> {
  const kinds: Record<SourceRecord['kind'], ListSource> = { starter: 'starter', url: 'url', managed: 'url', file: 'file', classroom: 'file' };
  const origin = kinds[source.kind];
  if (origin !== 'url' || source.url === undefined) return { source: origin };
  return { source: origin, url: source.url, ...(source.etag ? { etag: source.etag } : {}) };
}

export class ListStore {
  /** The list records as they were before the writes under way, and how many are under way. */
  private recordsBeforeWrites: ListRecord[] = [];
  private writes = 0;

  constructor(
    private readonly db: SaringDb,
    private readonly index: IndexGate,
    private readonly now: () => number,
  ) {}

  /** The stored list records; during a write, as they were before it. */
  records(): Promise<ListRecord[]> {
    return this.writes > 0 ? Promise.resolve(this.recordsBeforeWrites) : this.db.lists.toArray();
  }

  /** One stored list record; during a write, as it was before it. */
  async record(listId: string): Promise<ListRecord | undefined> {
    if (this.writes > 0) return this.recordsBeforeWrites.find((record) => record.id === listId);
    return this.db.lists.get(listId);
  }

  /** Every stored list with its items, read in one transaction (never half of a write). */
  read(): Promise<StoredLists> {
    return readStoredLists(this.db);
  }

  /**
   * Stores `list` whole under its id with its source, replacing any stored copy, and serves the
   * index over it. Resolves with the record once both are done.
   */
  async put(list: ValidatedList, source: SourceRecord): Promise<ListRecord> {
    if (source.listId !== list.header.id) throw new Error(`A source for "${source.listId}" cannot store list "${list.header.id}"`);
    let record: ListRecord | undefined;
    const started = performance.now();
    let writeMs = 0;
    const { readMs, buildMs } = await this.write(async () => {
      record = await this.writeWhole(list, source);
      writeMs = performance.now() - started;
      return { written: record, items: list.items };
    });
    console.info(
      `[saring] list ${list.header.id} v${list.header.version}: ${list.items.length} items written in ${writeMs.toFixed(0)} ms, ` +
        `index read ${readMs.toFixed(0)} ms + built ${buildMs.toFixed(0)} ms`,
    );
    return record!;
  }

  /**
   * Removes a list's copy and its source, or replaces the source with `keep` (a starter or managed
   * list turned off keeps its source, disabled, so it does not come back by itself).
   */
  async remove(listId: string, keep?: SourceRecord): Promise<void> {
    const { db } = this;
    await this.write(async () => {
      await db.transaction('rw', db.lists, db.chunks, db.sources, async () => {
        await db.chunks.where('listId').equals(listId).delete();
        await db.lists.delete(listId);
        if (keep) await db.sources.put(keep);
        else await db.sources.delete(listId);
      });
      return { removed: listId };
    });
  }

  /** Runs a list write through the index's gate, answering record reads from before it meanwhile. */
  private write(change: () => Promise<ListChange>): Promise<{ readMs: number; buildMs: number }> {
    return this.index.update(async () => {
      this.recordsBeforeWrites = await this.db.lists.toArray();
      this.writes++;
      try {
        return await change();
      } finally {
        this.writes--;
      }
    });
  }

  /** Replaces a list's copy (record, item chunks) and its source in one transaction. */
  private async writeWhole(list: ValidatedList, source: SourceRecord): Promise<ListRecord> {
    const { db } = this;
    const { header, items, domains, skipped } = list;
    const chunks: ItemChunkRecord[] = [];
    for (let start = 0; start < items.length; start += CHUNK_SIZE) {
      chunks.push({ listId: header.id, index: chunks.length, items: items.slice(start, start + CHUNK_SIZE) });
    }
    const record: ListRecord = {
      id: header.id,
      name: header.name,
      ...(header.publisher ? { publisher: header.publisher.name } : {}),
      ...(header.description === undefined ? {} : { description: header.description }),
      version: header.version,
      ...originOf(source),
      itemCount: items.length,
      skipped,
      chunkCount: chunks.length,
      domains,
      updatedAt: this.now(),
    };
    await db.transaction('rw', db.lists, db.chunks, db.sources, async () => {
      await db.chunks.where('listId').equals(header.id).delete();
      // A few chunks per request: copying them into IndexedDB blocks the worker while it runs,
      // and between requests it answers its messages.
      for (let start = 0; start < chunks.length; start += CHUNKS_PER_PUT) {
        await db.chunks.bulkPut(chunks.slice(start, start + CHUNKS_PER_PUT));
      }
      await db.lists.put(record);
      await db.sources.put(source);
    });
    return record;
  }
}

/** Items left out of a list that a source keeps with their reasons (the options page shows them). */
export const MAX_SKIPPED_SHOWN = 50;

export function skippedItemsOf(list: ValidatedList): SkippedItem[] {
  return list.problems.slice(0, MAX_SKIPPED_SHOWN);
}

/** The source of a list stored from this device, never synced: the starter list, a file, a classroom pack. */
export function localSource(list: ValidatedList, kind: 'starter' | 'file' | 'classroom'): SourceRecord {
  return {
    listId: list.header.id,
    kind,
    enabled: true,
    refreshMs: DEFAULT_REFRESH_MS,
    lastSuccess: null,
    lastAttempt: null,
    nextSync: null,
    failures: 0,
    skippedItems: skippedItemsOf(list),
  };
}

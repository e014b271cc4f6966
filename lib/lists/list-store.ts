import type {
  ItemChunkRecord,
  ItemDigestsRecord,
  ListRecord,
  ListSource,
  SaringDb,
  SkippedItem,
  SourceRecord,
} from '../db';
import type { Table } from 'dexie';
import { idHashOf } from '../match/built-index';
import {
  checkPatch,
  checksumOfDigests,
  DIGEST_BYTES,
  PatchError,
  type ListPatch,
  type PatchDelta,
  type StoredItem,
} from './patch';
import {
  CHUNK_SIZE,
  placeOfSlot,
  readStoredLists,
  SLOTS_PER_CHUNK,
  type ListChange,
  type PatchedList,
  type StoredLists,
} from './store';
import { DEFAULT_REFRESH_MS } from './subscriptions';
import type { ListItem } from './schema';
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
 *
 * A list with a checksum (one that takes patches) is stored with each item's digest, and a patch
 * only adds: its changed and added items go into new chunks, and the list record's `slots` say
 * where each item now is. The chunks of the items it replaces or removes are neither read nor
 * rewritten; their dead items are counted (`garbage`) and dropped at the next whole write, which
 * the sync makes once they are half as many as the list's items (takesPatches).
 */

/** The index's write gate (ListIndex): runs a write, then serves the index over its result. */
export interface IndexGate {
  update(write: () => Promise<ListChange | void>): Promise<{ readMs: number; buildMs: number }>;
  /**
   * A list patch: `commit` writes `change` (calling `issued` once its writes are on their way); the
   * index serving is patched meanwhile, and serves once the write has committed.
   */
  patch(change: PatchedList, commit: (issued: () => void) => Promise<void>): Promise<{ buildMs: number }>;
  /** Starts loading the index, which a patch will need. */
  warm(): void;
}

/** A patch checked against the stored copy (checkPatch), with where the items it replaces are. */
export interface CheckedPatch {
  delta: PatchDelta;
  /** The stored record it was checked against: applying it refuses if that changed since. */
  base: ListRecord & { slots: Uint32Array; idHashes: Uint32Array };
  /** Position of each removed or changed item. */
  positions: Map<string, number>;
  /** How long finding the stored items it names (their digests) took (ms), of the whole check. */
  readMs: number;
}

/** Dead items (see ListStore) past this share of a list's items: its next sync downloads it whole, and so compacts it. */
const MAX_GARBAGE_SHARE = 0.5;

/** Whether a stored list can take a patch: stored with its items' digests and slots (v8), and not due for compacting. */
export function takesPatches(record: ListRecord): boolean {
  return (
    record.checksum !== undefined &&
    record.slots !== undefined &&
    record.idHashes !== undefined &&
    (record.garbage ?? 0) <= record.itemCount * MAX_GARBAGE_SHARE
  );
}

/** Chunks written per IndexedDB request: 50 (~1.5 MB) take ~10–20 ms to copy. */
const CHUNKS_PER_PUT = 50;

/** What a list record says of where its copy came from, from its source. */
function originOf(source: SourceRecord): Pick<ListRecord, 'source' | 'url' | 'etag'> {
  const kinds: Record<SourceRecord['kind'], ListSource> = {
    starter: 'starter',
    url: 'url',
    managed: 'url',
    file: 'file',
    classroom: 'file',
  };
  const origin = kinds[source.kind];
  if (origin !== 'url' || source.url === undefined) return { source: origin };
  return { source: origin, url: source.url, ...(source.etag ? { etag: source.etag } : {}) };
}

/** What a list record takes from the list's header and its source. */
function recordOfHeader(
  header: ValidatedList['header'],
  source: SourceRecord,
): Pick<ListRecord, 'id' | 'name' | 'publisher' | 'description' | 'version' | 'source' | 'url' | 'etag' | 'patches'> {
  return {
    id: header.id,
    name: header.name,
    ...(header.publisher ? { publisher: header.publisher.name } : {}),
    ...(header.description === undefined ? {} : { description: header.description }),
    version: header.version,
    ...originOf(source),
    ...(header.patches === undefined ? {} : { patches: header.patches }),
  };
}

export class ListStore {
  /** The list records as they were before the writes under way, and how many are under way. */
  private recordsBeforeWrites: Promise<ListRecord[]> = Promise.resolve([]);
  private writes = 0;

  constructor(
    private readonly db: SaringDb,
    private readonly index: IndexGate,
    private readonly now: () => number,
  ) {}

  /** The stored list records; during a write, as they were before it. */
  records(): Promise<ListRecord[]> {
    return this.writes > 0 ? this.recordsBeforeWrites : this.db.lists.toArray();
  }

  /** One stored list record; during a write, as it was before it. */
  async record(listId: string): Promise<ListRecord | undefined> {
    if (this.writes > 0) return (await this.recordsBeforeWrites).find((record) => record.id === listId);
    return this.db.lists.get(listId);
  }

  /** Every stored list with its items, read in one transaction (never half of a write). */
  read(): Promise<StoredLists> {
    return readStoredLists(this.db);
  }

  /**
   * Stores `list` whole under its id with its source, replacing any stored copy, and serves the
   * index over it. Resolves with the record once both are done. With its items' digests
   * (itemDigests), it keeps them and their checksum: patches can start from it.
   */
  async put(list: ValidatedList, source: SourceRecord, digests?: Uint8Array): Promise<ListRecord> {
    if (source.listId !== list.header.id)
      throw new Error(`A source for "${source.listId}" cannot store list "${list.header.id}"`);
    let record: ListRecord | undefined;
    const started = performance.now();
    let writeMs = 0;
    const { readMs, buildMs } = await this.write(async () => {
      record = await this.writeWhole(list, source, digests);
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
      await db.transaction('rw', db.lists, db.chunks, db.digests, db.sources, async () => {
        await db.chunks.where('listId').equals(listId).delete();
        await db.digests.where('listId').equals(listId).delete();
        await db.lists.delete(listId);
        if (keep) await db.sources.put(keep);
        else await db.sources.delete(listId);
      });
      return { removed: listId };
    });
  }

  /** Starts loading the index now, as a patch is coming: a woken worker reads it while the patch downloads. */
  warmIndex(): void {
    this.index.warm();
  }

  /**
   * Checks a patch against the stored copy of its list (lib/lists/patch.ts checkPatch), reading
   * only the stored digests of the items it replaces (found by their id hashes), and items only
   * where an id hash is ambiguous. Throws a PatchError when it does not apply: the caller downloads
   * the whole list instead.
   */
  async checkPatch(patch: ListPatch): Promise<CheckedPatch> {
    const record = await this.record(patch.header.id);
    if (!record || !takesPatches(record))
      throw new PatchError('base-mismatch', 'The stored copy has no item digests and checksum to patch from');
    const base = record as CheckedPatch['base'];
    const positions = new Map<string, number>();
    const added = new Set(patch.added.map((item) => item.id));
    let readMs = 0;
    const delta = await checkPatch(
      {
        listId: base.id,
        version: base.version,
        count: base.itemCount,
        checksum: base.checksum!,
        lookup: async (ids) => {
          const started = performance.now();
          const found = await this.locate(base, ids, added);
          readMs = performance.now() - started;
          for (const [id, { position }] of found) positions.set(id, position);
          return new Map([...found].map(([id, { stored }]) => [id, stored]));
        },
      },
      patch,
    );
    return { delta, base, positions, readMs };
  }

  /**
   * Applies a checked patch: its changed and added items in new chunks with their digests, and
   * the list record (with the new slots) and the source, in one transaction; the index serving is
   * patched, not rebuilt. No stored chunk is read or rewritten.
   */
  async applyPatch(checked: CheckedPatch, source: SourceRecord): Promise<ListRecord> {
    const started = performance.now();
    const { change, chunks, digests } = this.preparePatch(checked, source);
    let writeMs = 0;
    const { buildMs } = await this.index.patch(change, (issued) =>
      this.writing(async () => {
        await this.writePatch(checked.base, change.patched, chunks, digests, source, issued);
        writeMs = performance.now() - started;
      }),
    );
    const { delta } = checked;
    const record = change.patched;
    console.info(
      `[saring] list ${record.id} v${checked.base.version}→v${record.version} patched (+${delta.added.length} ~${delta.changed.length} -${delta.removed.length}): ` +
        `written in ${writeMs.toFixed(0)} ms, index patched in ${buildMs.toFixed(0)} ms, both done in ${(performance.now() - started).toFixed(0)} ms`,
    );
    return record;
  }

  /**
   * The stored items with these ids, and their positions, found by id hash. An id whose hash one
   * stored item has is that item, given as its stored digest: were it another item, the checksum
   * the patch states would not add up. Where several items share the hash, or the patch adds the
   * id, the items are read to tell.
   */
  private async locate(
    record: CheckedPatch['base'],
    ids: readonly string[],
    added: ReadonlySet<string>,
  ): Promise<Map<string, { stored: StoredItem; position: number }>> {
    const candidates = new Map(ids.map((id) => [idHashOf(id), [] as number[]]));
    const hashes = record.idHashes;
    for (let position = 0; position < hashes.length; position++) candidates.get(hashes[position]!)?.push(position);
    const byDigest = new Map<string, number>();
    const toRead: Array<{ id: string; positions: number[] }> = [];
    for (const id of ids) {
      const positions = candidates.get(idHashOf(id))!;
      if (positions.length === 1 && !added.has(id)) byDigest.set(id, positions[0]!);
      else if (positions.length > 0) toRead.push({ id, positions });
    }
    const slotOf = (position: number) => placeOfSlot(record.slots[position]!);
    const [digestRecords, chunks] = await Promise.all([
      this.readByChunk(
        this.db.digests,
        record.id,
        [...byDigest.values()].map((position) => slotOf(position).chunk),
      ),
      this.readByChunk(
        this.db.chunks,
        record.id,
        toRead.flatMap(({ positions }) => positions.map((position) => slotOf(position).chunk)),
      ),
    ]);
    const found = new Map<string, { stored: StoredItem; position: number }>();
    for (const [id, position] of byDigest) {
      const { chunk, offset } = slotOf(position);
      const digests = digestRecords.get(chunk)?.digests;
      if (!digests || digests.length < (offset + 1) * DIGEST_BYTES)
        throw new PatchError('base-mismatch', 'The stored copy lacks the digests of its items');
      found.set(id, { stored: digests.slice(offset * DIGEST_BYTES, (offset + 1) * DIGEST_BYTES), position });
    }
    for (const { id, positions } of toRead) {
      for (const position of positions) {
        const { chunk, offset } = slotOf(position);
        const item = chunks.get(chunk)?.items[offset];
        if (item?.id === id) found.set(id, { stored: item, position });
      }
    }
    return found;
  }

  /** The records of these chunks (of `table`: items or digests), by chunk. */
  private async readByChunk<T>(
    table: Table<T, [string, number]>,
    listId: string,
    wanted: number[],
  ): Promise<Map<number, T>> {
    const chunks = [...new Set(wanted)];
    if (chunks.length === 0) return new Map();
    const read = await table.bulkGet(chunks.map((chunk) => [listId, chunk] as [string, number]));
    return new Map(chunks.flatMap((chunk, at) => (read[at] ? [[chunk, read[at]] as const] : [])));
  }

  /**
   * What a checked patch writes: new chunks holding its changed, then its added items, their
   * digests, and the list record whose slots point there; with the change as the index takes it.
   */
  private preparePatch(
    { delta, base, positions }: CheckedPatch,
    source: SourceRecord,
  ): { change: PatchedList; chunks: ItemChunkRecord[]; digests: ItemDigestsRecord[] } {
    const stored = inChunks(base.id, base.chunkCount, [...delta.changed, ...delta.added], delta.brought);
    const changed = delta.changed.map((item) => ({ position: positions.get(item.id)!, item }));
    const removed = delta.removed.map((id) => positions.get(id)!).sort((a, b) => a - b);
    const gone = new Uint8Array(base.itemCount);
    for (const position of removed) gone[position] = 1;
    const before = base.slots.slice();
    changed.forEach(({ position }, at) => (before[position] = stored.slots[at]!));
    const slots = new Uint32Array(delta.count);
    const idHashes = new Uint32Array(delta.count);
    let at = 0;
    for (let position = 0; position < base.itemCount; position++) {
      if (gone[position]) continue;
      slots[at] = before[position]!;
      idHashes[at++] = base.idHashes[position]!;
    }
    delta.added.forEach((item, k) => {
      slots[at] = stored.slots[changed.length + k]!;
      idHashes[at++] = idHashOf(item.id);
    });
    const record: ListRecord = {
      ...recordOfHeader(delta.header, source),
      itemCount: delta.count,
      skipped: base.skipped,
      chunkCount: base.chunkCount + stored.chunks.length,
      slots,
      garbage: (base.garbage ?? 0) + changed.length + removed.length,
      domains: delta.domains,
      updatedAt: this.now(),
      checksum: delta.checksum,
      idHashes,
    };
    const change = { base, patched: record, removed, changed, added: delta.added };
    return { change, chunks: stored.chunks, digests: stored.digests };
  }

  /**
   * Writes a prepared patch (the new chunks and their digests, the record, the source) in one
   * transaction, unless the stored copy changed since it was checked. `issued` is called once the
   * writes are requested.
   */
  private async writePatch(
    base: ListRecord,
    record: ListRecord,
    chunks: ItemChunkRecord[],
    digests: ItemDigestsRecord[],
    source: SourceRecord,
    issued: () => void,
  ): Promise<void> {
    const { db } = this;
    await db.transaction('rw', db.lists, db.chunks, db.digests, db.sources, async () => {
      // All at once, not one after the other, and not after reading the stored record: the index
      // is patched while they are written. Should that record not be the base, throwing aborts the
      // transaction, and nothing of it is written.
      const current = db.lists.get(base.id);
      const writes = Promise.all([
        db.chunks.bulkPut(chunks),
        db.digests.bulkPut(digests),
        db.lists.put(record),
        db.sources.put(source),
      ]);
      writes.catch(() => undefined);
      issued();
      const stored = await current;
      if (
        !stored ||
        stored.version !== base.version ||
        stored.updatedAt !== base.updatedAt ||
        stored.checksum !== base.checksum
      ) {
        throw new PatchError('base-mismatch', 'The stored copy changed while the patch was checked');
      }
      await writes;
    });
  }

  /** Runs a list write through the index's gate. */
  private write(change: () => Promise<ListChange>): Promise<{ readMs: number; buildMs: number }> {
    return this.index.update(() => this.writing(change));
  }

  /** Runs a list write, answering record reads from before it meanwhile. */
  private async writing<T>(write: () => Promise<T>): Promise<T> {
    // Not awaited: its read transaction is asked for before the write's, so it reads what was.
    this.recordsBeforeWrites = this.db.lists.toArray();
    this.recordsBeforeWrites.catch(() => undefined);
    this.writes++;
    try {
      return await write();
    } finally {
      this.writes--;
    }
  }

  /** Replaces a list's copy (record, item chunks and their digests) and its source in one transaction. */
  private async writeWhole(list: ValidatedList, source: SourceRecord, digests?: Uint8Array): Promise<ListRecord> {
    const { db } = this;
    const { header, items, domains, skipped } = list;
    const { chunks, digests: digestRecords, slots } = inChunks(header.id, 0, items, digests);
    const record: ListRecord = {
      ...recordOfHeader(header, source),
      itemCount: items.length,
      skipped,
      chunkCount: chunks.length,
      slots,
      garbage: 0,
      domains,
      updatedAt: this.now(),
      ...(digests ? { checksum: checksumOfDigests(digests) } : {}),
      idHashes: Uint32Array.from(items, (item) => idHashOf(item.id)),
    };
    await db.transaction('rw', db.lists, db.chunks, db.digests, db.sources, async () => {
      await db.chunks.where('listId').equals(header.id).delete();
      await db.digests.where('listId').equals(header.id).delete();
      // A few chunks per request: copying them into IndexedDB blocks the worker while it runs,
      // and between requests it answers its messages.
      for (let start = 0; start < chunks.length; start += CHUNKS_PER_PUT) {
        await db.chunks.bulkPut(chunks.slice(start, start + CHUNKS_PER_PUT));
      }
      if (digestRecords.length > 0) await db.digests.bulkPut(digestRecords);
      await db.lists.put(record);
      await db.sources.put(source);
    });
    return record;
  }
}

/**
 * Items stored CHUNK_SIZE a chunk, in chunks numbered from `first`, with their digests when given
 * (DIGEST_BYTES each, in the items' order), and where each item is (its slot).
 */
function inChunks(
  listId: string,
  first: number,
  items: readonly ListItem[],
  digests?: Uint8Array,
): { chunks: ItemChunkRecord[]; digests: ItemDigestsRecord[]; slots: Uint32Array } {
  const chunks: ItemChunkRecord[] = [];
  const digestRecords: ItemDigestsRecord[] = [];
  for (let start = 0; start < items.length; start += CHUNK_SIZE) {
    const index = first + chunks.length;
    chunks.push({ listId, index, items: items.slice(start, start + CHUNK_SIZE) });
    // Copies, not views: a view would be stored with the whole buffer under it.
    if (digests)
      digestRecords.push({
        listId,
        index,
        digests: digests.slice(start * DIGEST_BYTES, (start + CHUNK_SIZE) * DIGEST_BYTES),
      });
  }
  const slots = Uint32Array.from(
    items,
    (_, at) => (first + Math.floor(at / CHUNK_SIZE)) * SLOTS_PER_CHUNK + (at % CHUNK_SIZE),
  );
  return { chunks, digests: digestRecords, slots };
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

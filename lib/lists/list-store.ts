import type { ItemChunkRecord, ListRecord, ListSource, SaringDb, SkippedItem, SourceRecord } from '../db';
import { idHashOf } from '../match/built-index';
import { checkPatch, PatchError, type ListPatch, type PatchDelta } from './patch';
import type { ListItem } from './schema';
import {
  CHUNK_SIZE,
  chunkPlaces,
  chunkSizesOf,
  readStoredLists,
  type ListChange,
  type PatchedList,
  type StoredLists,
} from './store';
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

/** A patch checked against the stored copy (checkPatch), and the chunks holding the items it replaces. */
export interface CheckedPatch {
  delta: PatchDelta;
  /** The stored record it was checked against: applying it refuses if that changed since. */
  base: ListRecord;
  /** Position of each removed or changed item. */
  positions: Map<string, number>;
  /** The chunks read (by index), with their items: those holding them, and the last one when items are added. */
  chunks: Map<number, ListItem[]>;
  /** How long reading the stored items it names took (ms), of the whole check. */
  readMs: number;
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
   * index over it. Resolves with the record once both are done.
   */
  async put(list: ValidatedList, source: SourceRecord, checksum?: string): Promise<ListRecord> {
    if (source.listId !== list.header.id)
      throw new Error(`A source for "${source.listId}" cannot store list "${list.header.id}"`);
    let record: ListRecord | undefined;
    const started = performance.now();
    let writeMs = 0;
    const { readMs, buildMs } = await this.write(async () => {
      record = await this.writeWhole(list, source, checksum);
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

  /** Starts loading the index now, as a patch is coming: a woken worker reads it while the patch downloads. */
  warmIndex(): void {
    this.index.warm();
  }

  /**
   * Checks a patch against the stored copy of its list (lib/lists/patch.ts checkPatch), reading
   * only the chunks that hold the items it names (found by their id hashes). Throws a PatchError
   * when it does not apply: the caller downloads the whole list instead.
   */
  async checkPatch(patch: ListPatch): Promise<CheckedPatch> {
    const base = await this.record(patch.header.id);
    if (!base?.checksum || !base.idHashes)
      throw new PatchError('base-mismatch', 'The stored copy has no checksum to patch from');
    const positions = new Map<string, number>();
    const chunks = new Map<number, ListItem[]>();
    let readMs = 0;
    // Added items go to the last chunk: it is read with the others, in the same request.
    const last = patch.added.length > 0 && base.chunkCount > 0 ? [base.chunkCount - 1] : [];
    const delta = await checkPatch(
      {
        listId: base.id,
        version: base.version,
        count: base.itemCount,
        checksum: base.checksum,
        lookup: async (ids) => {
          const started = performance.now();
          const found = await this.locate(base, ids, chunks, last);
          readMs = performance.now() - started;
          for (const [id, { position }] of found) positions.set(id, position);
          return new Map([...found].map(([id, { item }]) => [id, item]));
        },
      },
      patch,
    );
    return { delta, base, positions, chunks, readMs };
  }

  /**
   * Applies a checked patch: rewrites only the chunks whose items it removes or changes and the
   * last one (where added items go), the list record and the source, in one transaction; the index
   * serving is patched, not rebuilt.
   */
  async applyPatch(checked: CheckedPatch, source: SourceRecord): Promise<ListRecord> {
    const started = performance.now();
    const { change, chunks } = this.preparePatch(checked, source);
    let writeMs = 0;
    const { buildMs } = await this.index.patch(change, (issued) =>
      this.writing(async () => {
        await this.writePatch(checked.base, change.patched, chunks, source, issued);
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

  /** The stored items with these ids, and their positions: by id hash, then the chunks holding them. */
  private async locate(
    record: ListRecord,
    ids: readonly string[],
    chunks: Map<number, ListItem[]>,
    alsoRead: readonly number[],
  ): Promise<Map<string, { item: ListItem; position: number }>> {
    const wanted = new Set(ids.map(idHashOf));
    const candidates: number[] = [];
    const hashes = record.idHashes!;
    for (let position = 0; position < hashes.length; position++)
      if (wanted.has(hashes[position]!)) candidates.push(position);
    const place = chunkPlaces(record);
    await this.readChunks(record.id, [...candidates.map((position) => place(position).chunk), ...alsoRead], chunks);
    const asked = new Set(ids);
    const found = new Map<string, { item: ListItem; position: number }>();
    for (const position of candidates) {
      const { chunk, offset } = place(position);
      const item = chunks.get(chunk)?.[offset];
      if (item && asked.has(item.id)) found.set(item.id, { item, position });
    }
    return found;
  }

  /** Reads the chunks not read yet into `chunks`. */
  private async readChunks(listId: string, wanted: Iterable<number>, chunks: Map<number, ListItem[]>): Promise<void> {
    const missing = [...new Set(wanted)].filter((chunk) => !chunks.has(chunk));
    if (missing.length === 0) return;
    const read = await this.db.chunks.bulkGet(missing.map((chunk) => [listId, chunk] as [string, number]));
    missing.forEach((chunk, at) => chunks.set(chunk, read[at]?.items ?? []));
  }

  /**
   * What a checked patch writes: the chunks whose items it removes or changes and the last one
   * (filled with added items, then new ones), and the list record; with the change as the index
   * takes it. Nothing is read: checkPatch read those chunks.
   */
  private preparePatch(
    { delta, base, positions, chunks }: CheckedPatch,
    source: SourceRecord,
  ): {
    change: PatchedList;
    chunks: Map<number, ListItem[]>;
  } {
    const place = chunkPlaces(base);
    const sizes = [...chunkSizesOf(base)];
    const touched = new Map<number, ListItem[]>();
    const itemsOf = (chunk: number) => {
      let items = touched.get(chunk);
      if (!items) touched.set(chunk, (items = [...chunks.get(chunk)!]));
      return items;
    };
    const removed = delta.removed.map((id) => positions.get(id)!).sort((a, b) => a - b);
    const changed = delta.changed.map((item) => ({ position: positions.get(item.id)!, item }));
    for (const { position, item } of changed) {
      const { chunk, offset } = place(position);
      itemsOf(chunk)[offset] = item;
    }
    // Removed last to first, so the offsets of those still to remove stand.
    for (const position of [...removed].reverse()) {
      const { chunk, offset } = place(position);
      itemsOf(chunk).splice(offset, 1);
      sizes[chunk]!--;
    }
    // Added items fill the last chunk, then new ones.
    let last = sizes.length - 1;
    for (const item of delta.added) {
      if (last < 0 || sizes[last]! >= CHUNK_SIZE) {
        last = sizes.length;
        sizes.push(0);
        touched.set(last, []);
      }
      itemsOf(last).push(item);
      sizes[last]!++;
    }
    const gone = new Uint8Array(base.itemCount);
    for (const position of removed) gone[position] = 1;
    const idHashes = new Uint32Array(delta.count);
    let at = 0;
    const hashes = base.idHashes!;
    for (let position = 0; position < hashes.length; position++)
      if (!gone[position]) idHashes[at++] = hashes[position]!;
    for (const item of delta.added) idHashes[at++] = idHashOf(item.id);
    const record: ListRecord = {
      ...recordOfHeader(delta.header, source),
      itemCount: delta.count,
      skipped: base.skipped,
      chunkCount: sizes.length,
      chunkSizes: sizes,
      domains: delta.domains,
      updatedAt: this.now(),
      checksum: delta.checksum,
      idHashes,
    };
    return { change: { patched: record, removed, changed, added: delta.added }, chunks: touched };
  }

  /**
   * Writes a prepared patch (the touched chunks, the record, the source) in one transaction, unless
   * the stored copy changed since it was checked. `issued` is called once the writes are requested.
   */
  private async writePatch(
    base: ListRecord,
    record: ListRecord,
    chunks: Map<number, ListItem[]>,
    source: SourceRecord,
    issued: () => void,
  ): Promise<void> {
    const { db } = this;
    await db.transaction('rw', db.lists, db.chunks, db.sources, async () => {
      const current = await db.lists.get(base.id);
      if (
        !current ||
        current.version !== base.version ||
        current.updatedAt !== base.updatedAt ||
        current.checksum !== base.checksum
      ) {
        throw new PatchError('base-mismatch', 'The stored copy changed while the patch was checked');
      }
      // All at once, not one after the other: the index is patched while they are written.
      const writes = Promise.all([
        db.chunks.bulkPut([...chunks].map(([index, items]) => ({ listId: base.id, index, items }))),
        db.lists.put(record),
        db.sources.put(source),
      ]);
      issued();
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

  /** Replaces a list's copy (record, item chunks) and its source in one transaction. */
  private async writeWhole(list: ValidatedList, source: SourceRecord, checksum?: string): Promise<ListRecord> {
    const { db } = this;
    const { header, items, domains, skipped } = list;
    const chunks: ItemChunkRecord[] = [];
    for (let start = 0; start < items.length; start += CHUNK_SIZE) {
      chunks.push({ listId: header.id, index: chunks.length, items: items.slice(start, start + CHUNK_SIZE) });
    }
    const record: ListRecord = {
      ...recordOfHeader(header, source),
      itemCount: items.length,
      skipped,
      chunkCount: chunks.length,
      chunkSizes: chunks.map((chunk) => chunk.items.length),
      domains,
      updatedAt: this.now(),
      ...(checksum ? { checksum } : {}),
      idHashes: Uint32Array.from(items, (item) => idHashOf(item.id)),
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

import type { ListRecord, SaringDb } from '../db';
import type { ListItem } from './schema';
import type { IndexedList } from '../match/types';

/** How stored lists are laid out and read back; ListStore (list-store.ts) is their one writer. */

/**
 * Items per stored record: enough that Chromium's per-record cost (~0.2 ms) stays small next to a
 * whole list's write (1,000 records at 100,000 items), few enough that a patch changing items all
 * over a list rewrites little (a chunk per changed item: ~30 KB, not ~300 KB).
 */
export const CHUNK_SIZE = 100;
/** Items per chunk of a list record without `chunkSizes` (written before patches): all but the last held this many. */
export const LEGACY_CHUNK_SIZE = 1_000;

export interface StoredLists {
  records: ListRecord[];
  lists: IndexedList[];
}

/** Every stored list with its items, in chunk order: what the matcher is built from. */
export async function readStoredLists(db: SaringDb): Promise<StoredLists> {
  // Two bulk reads: a getAll over the chunks beats a cursor or one query per list.
  const [records, chunks] = await db.transaction('r', db.lists, db.chunks, () =>
    Promise.all([db.lists.toArray(), db.chunks.toArray()]),
  );
  const itemsByList = new Map(records.map((record) => [record.id, [] as IndexedList['items']]));
  // Primary-key order is [listId+index], so each list's chunks arrive in order.
  for (const chunk of chunks) itemsByList.get(chunk.listId)?.push(...chunk.items);
  const lists = records.map((record) => ({
    listId: record.id,
    items: itemsByList.get(record.id) ?? [],
    domains: record.domains,
  }));
  return { records, lists };
}

/** Items per chunk of a stored list, in order. */
export function chunkSizesOf(record: Pick<ListRecord, 'itemCount' | 'chunkCount' | 'chunkSizes'>): number[] {
  if (record.chunkSizes) return record.chunkSizes;
  return Array.from({ length: record.chunkCount }, (_, chunk) =>
    Math.min(LEGACY_CHUNK_SIZE, record.itemCount - chunk * LEGACY_CHUNK_SIZE),
  );
}

/** Where the item at `position` is stored: its chunk and its place in it (patched lists have chunks of several sizes). */
export function chunkPlaces(
  record: Pick<ListRecord, 'itemCount' | 'chunkCount' | 'chunkSizes'>,
): (position: number) => { chunk: number; offset: number } {
  if (!record.chunkSizes)
    return (position) => ({ chunk: Math.floor(position / LEGACY_CHUNK_SIZE), offset: position % LEGACY_CHUNK_SIZE });
  const starts: number[] = [];
  let start = 0;
  for (const size of record.chunkSizes) {
    starts.push(start);
    start += size;
  }
  return (position) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= position) low = middle;
      else high = middle - 1;
    }
    return { chunk: low, offset: position - starts[low]! };
  };
}

/** A patch as the list store wrote it: positions are those before the patch. */
export interface PatchedList {
  patched: ListRecord;
  removed: number[];
  changed: Array<{ position: number; item: ListItem }>;
  added: ListItem[];
}

/** A list write, as the writer holds it: enough to update the lists already in memory. */
export type ListChange = { written: ListRecord; items: IndexedList['items'] } | { removed: string } | PatchedList;

/** A list's items after a patch: removed ones dropped, changed ones in place, added ones at the end. */
export function patchedItems(
  items: readonly ListItem[],
  { removed, changed, added }: Omit<PatchedList, 'patched'>,
): ListItem[] {
  // One pass over 100,000 items, no array per item: this runs before a patch is searchable.
  const next = items.slice();
  for (const { position, item } of changed) next[position] = item;
  if (removed.length > 0) {
    const gone = new Uint8Array(items.length);
    for (const position of removed) gone[position] = 1;
    let at = 0;
    for (let position = 0; position < next.length; position++) if (!gone[position]) next[at++] = next[position]!;
    next.length = at;
  }
  for (const item of added) next.push(item);
  return next;
}

/**
 * The stored lists after `change`, without reading them back: the same lists in the same
 * (primary-key) order that readStoredLists would return once the change is committed.
 */
export function withChange(stored: StoredLists, change: ListChange): StoredLists {
  if ('patched' in change) {
    const old = stored.lists.find((list) => list.listId === change.patched.id);
    return withChange(stored, { written: change.patched, items: patchedItems(old?.items ?? [], change) });
  }
  const id = 'written' in change ? change.written.id : change.removed;
  const at = stored.records.findIndex((record) => record.id === id);
  const records = stored.records.filter((record) => record.id !== id);
  const lists = stored.lists.filter((list) => list.listId !== id);
  if (!('written' in change)) return { records, lists };
  const { written, items } = change;
  // Keys compare by code unit in IndexedDB, as `<` does on strings.
  const slot = at >= 0 ? at : records.filter((record) => record.id < written.id).length;
  records.splice(slot, 0, written);
  lists.splice(slot, 0, { listId: written.id, items, domains: written.domains });
  return { records, lists };
}

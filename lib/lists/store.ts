import type { ListRecord, SaringDb } from '../db';
import type { ListItem } from './schema';
import type { IndexedList } from '../match/types';

/** How stored lists are laid out and read back; ListStore (list-store.ts) is their one writer. */

/**
 * Items per stored record: enough that Chromium's per-record cost (~0.2 ms) stays small next to a
 * whole list's write (1,000 records at 100,000 items), few enough that reading the hits' items
 * back reads little (~30 KB a chunk, not ~300 KB).
 */
export const CHUNK_SIZE = 100;
/** Items per chunk of a list record without `chunkSizes` or `slots` (written before patches): all but the last held this many. */
export const LEGACY_CHUNK_SIZE = 1_000;
/** How a slot is packed: its chunk × SLOTS_PER_CHUNK + its place in that chunk (chunks hold at most LEGACY_CHUNK_SIZE). */
export const SLOTS_PER_CHUNK = 1_024;

export interface StoredLists {
  records: ListRecord[];
  lists: IndexedList[];
}

/**
 * Where each item of a stored list is, in list order (`slots`). Lists stored before v8 have no
 * slots: their items fill their chunks in order (of `chunkSizes`, or LEGACY_CHUNK_SIZE each).
 */
export function slotsOf(record: Pick<ListRecord, 'itemCount' | 'chunkCount' | 'chunkSizes' | 'slots'>): Uint32Array {
  if (record.slots) return record.slots;
  const slots = new Uint32Array(record.itemCount);
  let position = 0;
  for (let chunk = 0; chunk < record.chunkCount; chunk++) {
    const size =
      record.chunkSizes?.[chunk] ?? Math.min(LEGACY_CHUNK_SIZE, record.itemCount - chunk * LEGACY_CHUNK_SIZE);
    for (let offset = 0; offset < size; offset++) slots[position++] = chunk * SLOTS_PER_CHUNK + offset;
  }
  return slots;
}

/** The chunk and the place in it of a slot. */
export function placeOfSlot(slot: number): { chunk: number; offset: number } {
  return { chunk: Math.floor(slot / SLOTS_PER_CHUNK), offset: slot % SLOTS_PER_CHUNK };
}

/** Where the item at `position` is stored: its chunk and its place in it; undefined past the list's end. */
export function chunkPlaces(
  record: Pick<ListRecord, 'itemCount' | 'chunkCount' | 'chunkSizes' | 'slots'>,
): (position: number) => { chunk: number; offset: number } | undefined {
  const slots = slotsOf(record);
  return (position) => (position < slots.length ? placeOfSlot(slots[position]!) : undefined);
}

/** Every stored list with its items, in list order: what the matcher is built from. */
export async function readStoredLists(db: SaringDb): Promise<StoredLists> {
  // Two bulk reads: a getAll over the chunks beats a cursor or one query per list.
  const [records, chunks] = await db.transaction('r', db.lists, db.chunks, () =>
    Promise.all([db.lists.toArray(), db.chunks.toArray()]),
  );
  const chunksByList = new Map(records.map((record) => [record.id, new Map<number, ListItem[]>()]));
  for (const chunk of chunks) chunksByList.get(chunk.listId)?.set(chunk.index, chunk.items);
  const lists = records.map((record) => {
    const held = chunksByList.get(record.id)!;
    const items: ListItem[] = [];
    // Chunks may also hold items a patch replaced or removed since (slots skip them).
    for (const slot of slotsOf(record)) {
      const item = held.get(Math.floor(slot / SLOTS_PER_CHUNK))?.[slot % SLOTS_PER_CHUNK];
      if (item) items.push(item);
    }
    return { listId: record.id, items, domains: record.domains };
  });
  return { records, lists };
}

/** A patch as the list store wrote it: positions are those before the patch. */
export interface PatchedList {
  /** The record before the patch, and after it. */
  base: ListRecord;
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
  { removed, changed, added }: Pick<PatchedList, 'removed' | 'changed' | 'added'>,
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

import type { ListRecord, SaringDb } from '../db';
import type { IndexedList } from '../match/types';

/** How stored lists are laid out and read back; ListStore (list-store.ts) is their one writer. */

/** Items per stored record: large enough that Chromium's per-record cost vanishes. */
export const CHUNK_SIZE = 1_000;

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

/** A list write, as the writer holds it: enough to update the lists already in memory. */
export type ListChange = { written: ListRecord; items: IndexedList['items'] } | { removed: string };

/**
 * The stored lists after `change`, without reading them back: the same lists in the same
 * (primary-key) order that readStoredLists would return once the change is committed.
 */
export function withChange(stored: StoredLists, change: ListChange): StoredLists {
  const id = 'removed' in change ? change.removed : change.written.id;
  const at = stored.records.findIndex((record) => record.id === id);
  const records = stored.records.filter((record) => record.id !== id);
  const lists = stored.lists.filter((list) => list.listId !== id);
  if ('removed' in change) return { records, lists };
  const { written, items } = change;
  // Keys compare by code unit in IndexedDB, as `<` does on strings.
  const slot = at >= 0 ? at : records.filter((record) => record.id < written.id).length;
  records.splice(slot, 0, written);
  lists.splice(slot, 0, { listId: written.id, items, domains: written.domains });
  return { records, lists };
}

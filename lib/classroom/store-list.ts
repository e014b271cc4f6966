import { localSource, type ListStore } from '../lists/list-store';
import { validateList, type ValidatedList } from '../lists/validate';
import { CLASSROOM_LIST_ID } from './pack';

export interface StoredClassroomList {
  items: number;
  /** False when the same list was already stored (the matcher is not rebuilt for nothing). */
  changed: boolean;
}

/**
 * Stores a scenario pack's list (items and hoax domains) as the one classroom list, so the
 * background matches the demo's posts with the same index and decisions as real sites.
 */
export async function storeClassroomList(store: ListStore, raw: unknown): Promise<StoredClassroomList> {
  const list = validateList(raw);
  if (list.header.id !== CLASSROOM_LIST_ID) throw new Error(`A classroom list has the id "${CLASSROOM_LIST_ID}"`);
  if (await isStored(store, list)) return { items: list.items.length, changed: false };
  await store.put(list, localSource(list, 'classroom'));
  return { items: list.items.length, changed: true };
}

async function isStored(store: ListStore, list: ValidatedList): Promise<boolean> {
  const record = await store.record(CLASSROOM_LIST_ID);
  if (!record || record.name !== list.header.name || record.version !== list.header.version) return false;
  const stored = (await store.read()).lists.find((candidate) => candidate.listId === CLASSROOM_LIST_ID);
  return JSON.stringify([stored?.items, record.domains]) === JSON.stringify([list.items, list.domains]);
}

import type { SaringDb } from '../db';
import type { ListIndex } from '../background/list-index';
import { writeList } from '../lists/store';
import { validateList } from '../lists/validate';
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
export async function storeClassroomList(
  db: SaringDb,
  index: ListIndex,
  raw: unknown,
  now: number,
): Promise<StoredClassroomList> {
  const list = validateList(raw);
  if (list.header.id !== CLASSROOM_LIST_ID) throw new Error(`A classroom list has the id "${CLASSROOM_LIST_ID}"`);
  if (await isStored(db, list)) return { items: list.items.length, changed: false };
  await index.update(async () => {
    await writeList(db, list, { source: 'file' }, now);
  });
  return { items: list.items.length, changed: true };
}

async function isStored(db: SaringDb, list: ReturnType<typeof validateList>): Promise<boolean> {
  const record = await db.lists.get(CLASSROOM_LIST_ID);
  if (!record || record.name !== list.header.name || record.version !== list.header.version) return false;
  const chunks = await db.chunks.where('listId').equals(CLASSROOM_LIST_ID).sortBy('index');
  const storedItems = chunks.flatMap((chunk) => chunk.items);
  return JSON.stringify([storedItems, record.domains]) === JSON.stringify([list.items, list.domains]);
}

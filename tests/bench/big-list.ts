import { resolve } from 'node:path';
import { factCheckToItem, readJsonLinesGz, SHARED_DATA, type FactCheckRecord } from '../../lib/cli/build-starter-list';
import type { ListItem, SaringList } from '../../lib/lists/schema';

/**
 * A list of `count` items made deterministically from the shared Indonesian fact-checks: the
 * hoaxes repeated, each round with its own ids, so its size and text are those of a real big list.
 */
export function bigList(count: number, version = 1, textLength = 200): SaringList {
  const records = readJsonLinesGz<FactCheckRecord>(resolve(SHARED_DATA, 'id/factchecks.jsonl.gz'));
  const hoaxes = records.flatMap((record) => factCheckToItem(record, { textLength }) ?? []);
  const items: ListItem[] = [];
  for (let round = 0; items.length < count; round++) {
    for (const item of hoaxes.slice(0, count - items.length)) items.push({ ...item, id: `${item.id}-r${round}` });
  }
  return { saringList: 1, id: 'bench-100k', name: 'Bench list', languages: ['id'], version, items };
}

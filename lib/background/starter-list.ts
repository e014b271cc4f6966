import type { ListRecord, SaringDb } from '../db';
import { localSource, type ListStore } from '../lists/list-store';
import { validateList } from '../lists/validate';

export const STARTER_LIST_PATH = '/starter-list.json.gz';

export interface StarterInstall {
  record: ListRecord;
  /** Fetch + parse + validate + write, in ms. */
  ms: number;
}

/** Fetches the bundled (gzipped) starter list, validates it and stores it (replacing an older copy). */
export async function installStarterList(
  store: ListStore,
  starterListUrl: string,
  fetchImpl: typeof fetch = fetch,
): Promise<StarterInstall> {
  const started = performance.now();
  const response = await fetchImpl(starterListUrl);
  if (!response.ok) throw new Error(`Starter list: HTTP ${response.status}`);
  if (!response.body) throw new Error('Starter list: empty response');
  const json: unknown = await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).json();
  const list = validateList(json);
  const record = await store.put(list, localSource(list, 'starter'));
  return { record, ms: performance.now() - started };
}

export async function hasStoredLists(db: SaringDb): Promise<boolean> {
  return (await db.lists.count()) > 0;
}

/** The person turned the starter list off (its source is kept, disabled): do not reinstall it. */
export async function starterListTurnedOff(db: SaringDb): Promise<boolean> {
  return (await db.sources.toArray()).some((source) => source.kind === 'starter' && !source.enabled);
}

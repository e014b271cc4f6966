import { Dexie, type EntityTable, type Table } from 'dexie';
import type { DomainEntry, ListItem } from '../lists/schema';
import type { OUTCOMES, PROMPT_REASONS } from '../messaging/protocol';

/** Where a stored list came from; subscriptions add `url` and their HTTP validators. */
export type ListSource = 'starter' | 'url' | 'file';

export interface ListRecord {
  id: string;
  name: string;
  publisher?: string;
  description?: string;
  version: number;
  source: ListSource;
  /** Subscription URL and ETag, for conditional re-fetches. */
  url?: string;
  etag?: string;
  itemCount: number;
  /** Items rejected by validation at the last successful write. */
  skipped: number;
  chunkCount: number;
  domains: DomainEntry[];
  state: 'ok' | 'syncing' | 'error';
  lastError?: string;
  /** Last successful write. */
  updatedAt: number | null;
}

/** Items are stored many to a record: one IndexedDB record per item costs ~0.2 ms in Chromium. */
export interface ItemChunkRecord {
  listId: string;
  index: number;
  items: ListItem[];
}

/** SHA-256 (hex) of a normalised URL the person opened; never the URL itself. */
export interface ReadLinkRecord {
  hash: string;
  at: number;
}

type CountsOf<T extends readonly string[]> = Record<T[number], number>;

/** Counters for one local day (YYYY-MM-DD) and site. Never content. */
export interface DailyStatsRecord {
  day: string;
  site: string;
  prompts: CountsOf<typeof PROMPT_REASONS>;
  outcomes: CountsOf<typeof OUTCOMES>;
}

export interface SiteHealthRecord {
  site: string;
  lastOk: number | null;
  lastFailure: number | null;
  /** Failures since the last success. */
  failures: number;
  detail?: string;
}

/** The built matcher index, persisted so a waking service worker loads it instead of rebuilding. */
export interface MatcherIndexRecord {
  id: 'current';
  /** The lists (id and version) and the matcher format it was built from; any change means rebuild. */
  key: string;
  bytes: Uint8Array;
}

export const DB_NAME = 'saring';

/**
 * The schema's version history, oldest first. Never edit a shipped entry: append one.
 * Each entry lists every table as of that version (Dexie diffs consecutive entries).
 * v1: lists and their item chunks. v2: the local state (read links, stats, site health).
 * v3: the persisted matcher index.
 */
export const SCHEMA_HISTORY: readonly { version: number; stores: Record<string, string> }[] = [
  {
    version: 1,
    stores: {
      lists: 'id',
      chunks: '[listId+index], listId',
    },
  },
  {
    version: 2,
    stores: {
      lists: 'id',
      chunks: '[listId+index], listId',
      readLinks: 'hash, at',
      dailyStats: '[day+site], day',
      siteHealth: 'site',
    },
  },
  {
    version: 3,
    stores: {
      lists: 'id',
      chunks: '[listId+index], listId',
      readLinks: 'hash, at',
      dailyStats: '[day+site], day',
      siteHealth: 'site',
      matcherIndex: 'id',
    },
  },
];

export type SaringDb = Dexie & {
  lists: EntityTable<ListRecord, 'id'>;
  chunks: Table<ItemChunkRecord, [string, number]>;
  readLinks: EntityTable<ReadLinkRecord, 'hash'>;
  dailyStats: Table<DailyStatsRecord, [string, string]>;
  siteHealth: EntityTable<SiteHealthRecord, 'site'>;
  matcherIndex: EntityTable<MatcherIndexRecord, 'id'>;
};

/** Declares the schema up to `upToVersion` (the latest by default; tests open older ones). */
export function openDb(name = DB_NAME, upToVersion = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!.version): SaringDb {
  const db = new Dexie(name) as SaringDb;
  for (const { version, stores } of SCHEMA_HISTORY) {
    if (version <= upToVersion) db.version(version).stores(stores);
  }
  return db;
}

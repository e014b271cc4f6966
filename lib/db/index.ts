import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import type { DomainEntry, ListItem } from '../lists/schema';
import { DEFAULT_REFRESH_MS } from '../lists/subscriptions';
import type { ListProblem } from '../lists/validate';
import type { OUTCOMES, PROMPT_REASONS, SyncProblem } from '../core/vocabulary';

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
  /** Chunks stored, numbered from 0: a whole write fills them in order, each patch adds its own after them. */
  chunkCount: number;
  domains: DomainEntry[];
  /** Last successful write. */
  updatedAt: number | null;
  /** The header's `patches` (where the list's patches live) and listChecksum of the stored items: a patch can start here. */
  patches?: string;
  checksum?: string;
  /**
   * Where each item is stored, in list order: its chunk × SLOTS_PER_CHUNK + its place in it (v8).
   * A patch appends chunks and rewrites this map; it never rewrites a stored chunk. Lists stored
   * before have none (lib/lists/store.ts slotsOf).
   */
  slots?: Uint32Array;
  /** Items in the chunks that the list no longer holds (replaced or removed by patches since the last whole write). */
  garbage?: number;
  /** Items per chunk, in order: lists written by v7's patches (before `slots`; none before patches: chunks of LEGACY_CHUNK_SIZE). */
  chunkSizes?: number[];
  /** idHashOf each stored item's id, in order: a patch's items are found without reading every chunk. */
  idHashes?: Uint32Array;
}

/** Items are stored many to a record: one IndexedDB record per item costs ~0.2 ms in Chromium. */
export interface ItemChunkRecord {
  listId: string;
  index: number;
  items: ListItem[];
}

/**
 * The digest of each item of a chunk (lib/lists/patch.ts itemDigests: DIGEST_BYTES each, in the
 * chunk's order), for lists with a checksum: a patch subtracts the digests of the items it
 * replaces without reading them (v8).
 */
export interface ItemDigestsRecord {
  listId: string;
  index: number;
  digests: Uint8Array;
}

/**
 * A link the person opened from a post or through "Read first": the HMAC-SHA-256 (hex) of its
 * normalised URL under this install's key, and the day (UTC, days since 1970) it was last opened.
 * Never the URL, never a time of day. (v2–v5 held an unkeyed SHA-256 and the time in ms.)
 */
export interface ReadLinkRecord {
  hash: string;
  day: number;
}

/** A key that never leaves this install: a non-extractable CryptoKey, stored by structured clone. */
export interface SecretRecord {
  id: string;
  key: CryptoKey;
}

type CountsOf<T extends readonly string[]> = Record<T[number], number>;

/** Counters for one local day (YYYY-MM-DD) and site. Never content. */
export interface DailyStatsRecord {
  day: string;
  site: string;
  prompts: CountsOf<typeof PROMPT_REASONS>;
  outcomes: CountsOf<typeof OUTCOMES>;
}

/** The latest results of one site-health check. */
export interface SiteCheckRecord {
  lastOk: number | null;
  lastFailure: number | null;
  /** Whether the latest result was a failure. */
  failing: boolean;
}

/** A site's health, check by check (v5; before, one streak per site that any success cleared). */
export interface SiteHealthRecord {
  site: string;
  /** The last success of any check. */
  lastOk: number | null;
  checks: Record<string, SiteCheckRecord>;
}

/** How v2–v4 kept a site's health. */
interface SiteStreakRecord {
  site: string;
  lastOk: number | null;
  lastFailure: number | null;
  failures: number;
  detail?: string;
}

/**
 * The check a v4 failure streak becomes: it did not say which check failed, so the next success
 * of any check on the site clears it, as it did then.
 */
export const EARLIER_CHECKS = 'checks before this version';

/** The built matcher index, persisted so a waking service worker loads it instead of rebuilding. */
export interface MatcherIndexRecord {
  id: 'current';
  /** The lists (id and version) and the matcher format it was built from; any change means rebuild. */
  key: string;
  bytes: Uint8Array;
}

/** An item left out of a list, with where and why (`items[41].url`, `must be https`). */
export type SkippedItem = ListProblem;

/**
 * Where a list comes from and how its updates went: the bundled starter list, a subscription
 * (by the person or the administrator's policy), an imported file or a classroom pack's list (no
 * sync). Every stored list has one (v7), written with it by the list store.
 */
export interface SourceRecord {
  listId: string;
  kind: 'starter' | 'url' | 'managed' | 'file' | 'classroom';
  /** The list's name, kept while a starter or managed list is turned off (its record is gone). */
  name?: string;
  /** The list's address (subscriptions); the bundled file's path (starter). */
  url?: string;
  /** Pinned publisher key: base64 of the raw 32-byte Ed25519 key. */
  publicKey?: string;
  /** The version stored when a starter or managed list was turned off: turned back on, it never goes older. */
  version?: number;
  /** False only for a starter list the person turned off (remembered so it is not reinstalled). */
  enabled: boolean;
  etag?: string;
  lastModified?: string;
  /** The patch last fetched for the stored version, with its validators: checking it again costs one 304. */
  patch?: { url: string; etag?: string; lastModified?: string };
  /** When the whole list was last downloaded: patches alone never serve longer than a week. */
  fullDownloadAt?: number;
  refreshMs: number;
  lastSuccess: number | null;
  lastAttempt: number | null;
  nextSync: number | null;
  /** Failed syncs in a row: the back-off exponent. */
  failures: number;
  lastError?: SyncProblem;
  skippedItems: SkippedItem[];
}

export const DB_NAME = 'saring';

/**
 * The schema's version history, oldest first. Never edit a shipped entry: append one.
 * Each entry lists every table as of that version (Dexie diffs consecutive entries).
 * v1: lists and their item chunks. v2: the local state (read links, stats, site health).
 * v3: the persisted matcher index. v4: where each list comes from and how its syncs went.
 * v5: site health kept per check, and lists lose `state` and `lastError`, which the sources
 * table (v4) holds (same tables; the records are rewritten).
 * v6: read links become keyed hashes with day-level times (the unkeyed ones are dropped: there is
 * no URL to re-hash them from), and the per-install key gets its table.
 * v7: every list has a source record (lists stored before v4, the starter list and classroom lists
 * had none): one is made from the list record where missing.
 * v8: item digests per chunk, and lists' `slots` (where each item is stored): a patch writes new
 * chunks only. Lists stored before keep their layout and read as before; one stored with a
 * checksum but no slots is downloaded whole at its next sync instead of patched, and the whole
 * write lays it out anew.
 */
export const SCHEMA_HISTORY: readonly {
  version: number;
  stores: Record<string, string>;
  /** Rewrites records whose shape changed (Dexie runs it once, when opening an older database). */
  upgrade?: (tx: Transaction) => Promise<unknown>;
}[] = [
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
  {
    version: 4,
    stores: {
      lists: 'id',
      chunks: '[listId+index], listId',
      readLinks: 'hash, at',
      dailyStats: '[day+site], day',
      siteHealth: 'site',
      matcherIndex: 'id',
      sources: 'listId',
    },
  },
  {
    version: 5,
    stores: {
      lists: 'id',
      chunks: '[listId+index], listId',
      readLinks: 'hash, at',
      dailyStats: '[day+site], day',
      siteHealth: 'site',
      matcherIndex: 'id',
      sources: 'listId',
    },
    upgrade: (tx) =>
      Promise.all([
        tx
          .table('siteHealth')
          .toCollection()
          .modify((record: SiteStreakRecord | SiteHealthRecord, ref: { value: SiteHealthRecord }) => {
            if ('checks' in record) return;
            const { site, lastOk, lastFailure, failures } = record;
            ref.value = { site, lastOk, checks: { [EARLIER_CHECKS]: { lastOk, lastFailure, failing: failures > 0 } } };
          }),
        tx
          .table('lists')
          .toCollection()
          .modify((record: Record<string, unknown>) => {
            delete record.state;
            delete record.lastError;
          }),
      ]),
  },
  {
    version: 6,
    stores: {
      lists: 'id',
      chunks: '[listId+index], listId',
      readLinks: 'hash, day',
      dailyStats: '[day+site], day',
      siteHealth: 'site',
      matcherIndex: 'id',
      sources: 'listId',
      secrets: 'id',
    },
    upgrade: (tx) => tx.table('readLinks').clear(),
  },
  {
    version: 7,
    stores: {
      lists: 'id',
      chunks: '[listId+index], listId',
      readLinks: 'hash, day',
      dailyStats: '[day+site], day',
      siteHealth: 'site',
      matcherIndex: 'id',
      sources: 'listId',
      secrets: 'id',
    },
    upgrade: async (tx) => {
      const sources = tx.table<SourceRecord, string>('sources');
      const held = new Set(await sources.toCollection().primaryKeys());
      const records = await tx.table<ListRecord, string>('lists').toArray();
      await sources.bulkPut(records.filter((record) => !held.has(record.id)).map(sourceOfStoredList));
    },
  },
  {
    version: 8,
    stores: {
      lists: 'id',
      chunks: '[listId+index], listId',
      digests: '[listId+index], listId',
      readLinks: 'hash, day',
      dailyStats: '[day+site], day',
      siteHealth: 'site',
      matcherIndex: 'id',
      sources: 'listId',
      secrets: 'id',
    },
  },
];

/**
 * The source a list stored without one (before v7) has: what its record says of where it came from.
 * A subscription stored before v4 gets its address back, and syncs again; a classroom list stored
 * as a file stays one until the demo stores its pack again.
 */
export function sourceOfStoredList(record: ListRecord): SourceRecord {
  const kind: SourceRecord['kind'] =
    record.source === 'url' && record.url ? 'url' : record.source === 'starter' ? 'starter' : 'file';
  return {
    listId: record.id,
    kind,
    ...(kind === 'url' ? { url: record.url! } : {}),
    ...(kind === 'url' && record.etag ? { etag: record.etag } : {}),
    enabled: true,
    refreshMs: DEFAULT_REFRESH_MS,
    lastSuccess: record.updatedAt,
    lastAttempt: null,
    nextSync: null,
    failures: 0,
    skippedItems: [],
  };
}

export type SaringDb = Dexie & {
  lists: EntityTable<ListRecord, 'id'>;
  chunks: Table<ItemChunkRecord, [string, number]>;
  digests: Table<ItemDigestsRecord, [string, number]>;
  readLinks: EntityTable<ReadLinkRecord, 'hash'>;
  dailyStats: Table<DailyStatsRecord, [string, string]>;
  siteHealth: EntityTable<SiteHealthRecord, 'site'>;
  matcherIndex: EntityTable<MatcherIndexRecord, 'id'>;
  sources: EntityTable<SourceRecord, 'listId'>;
  secrets: EntityTable<SecretRecord, 'id'>;
};

/** Declares the schema up to `upToVersion` (the latest by default; tests open older ones). */
export function openDb(name = DB_NAME, upToVersion = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!.version): SaringDb {
  const db = new Dexie(name) as SaringDb;
  for (const { version, stores, upgrade } of SCHEMA_HISTORY) {
    if (version > upToVersion) continue;
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
  return db;
}

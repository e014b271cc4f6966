import { normalizeUrl } from '../core/url';
import type { SaringDb } from '../db';

/**
 * What the person opened from a post or through "Read first", so a share of an article they read
 * is not asked about. Kept as keyed hashes (HMAC-SHA-256 under a key made for this install, which
 * no script can read out), with the day only: the store alone cannot be tested against a list of
 * URLs, and says nothing about when in a day something was read.
 */

/** Long enough to cover "read it last week, sharing it today"; short enough to forget. */
export const READ_LINK_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const READ_KEY_ID = 'read-links';

/** The UTC day of `time` (days since 1970): the only time a read link keeps. */
export function dayOf(time: number): number {
  return Math.floor(time / DAY_MS);
}

const keys = new WeakMap<SaringDb, Promise<CryptoKey>>();

/** This install's read-links key, made on first use. Two first uses at once agree on one key. */
function readLinkKey(db: SaringDb): Promise<CryptoKey> {
  let key = keys.get(db);
  if (!key) {
    key = loadOrMakeKey(db);
    keys.set(db, key);
    key.catch(() => keys.delete(db));
  }
  return key;
}

async function loadOrMakeKey(db: SaringDb): Promise<CryptoKey> {
  const stored = await db.secrets.get(READ_KEY_ID);
  if (stored) return stored.key;
  // Non-extractable: IndexedDB keeps the CryptoKey itself (structured clone, in Chromium and Firefox).
  const key = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  try {
    await db.secrets.add({ id: READ_KEY_ID, key });
    return key;
  } catch (error) {
    // Another context made it first: use theirs.
    const made = await db.secrets.get(READ_KEY_ID);
    if (made) return made.key;
    throw error;
  }
}

/** HMAC-SHA-256 (hex) of a link's normalised form under `key`. */
export async function linkDigest(key: CryptoKey, normalizedUrl: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(normalizedUrl));
  return Array.from(new Uint8Array(mac), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Remembers that the person opened `rawUrl` (any form: wrapped, tracked, AMP) on the day of `now`. */
export async function rememberRead(db: SaringDb, rawUrl: string, now: number): Promise<void> {
  const normalized = normalizeUrl(rawUrl);
  if (!normalized) return;
  const key = await readLinkKey(db);
  await db.readLinks.put({ hash: await linkDigest(key, normalized), day: dayOf(now) });
}

/** Whether a link opened on `day` still counts as read on the day of `now`. */
const stillRead = (day: number, now: number) => dayOf(now) - day <= READ_LINK_DAYS;

/** The normalised links among `normalizedUrls` not opened in the last 30 days. */
export async function unreadLinks(db: SaringDb, normalizedUrls: readonly string[], now: number): Promise<string[]> {
  if (normalizedUrls.length === 0) return [];
  const key = await readLinkKey(db);
  const hashes = await Promise.all(normalizedUrls.map((url) => linkDigest(key, url)));
  const records = await db.readLinks.bulkGet(hashes);
  return normalizedUrls.filter((_, i) => {
    const record = records[i];
    return !record || !stillRead(record.day, now);
  });
}

/** How many links are remembered as read now (what "Forget what I read" would forget). */
export function countReadLinks(db: SaringDb, now: number): Promise<number> {
  return db.readLinks
    .where('day')
    .aboveOrEqual(dayOf(now) - READ_LINK_DAYS)
    .count();
}

/** Forgets links opened more than 30 days ago; returns how many. */
export function pruneReadLinks(db: SaringDb, now: number): Promise<number> {
  return db.readLinks
    .where('day')
    .below(dayOf(now) - READ_LINK_DAYS)
    .delete();
}

/**
 * "Forget what I read": every read link, and the key they were made with, so a copy of the old
 * hashes taken before cannot be matched by anything this install computes later. Returns how many
 * links were remembered.
 */
export async function forgetReadLinks(db: SaringDb): Promise<number> {
  const forgotten = await db.transaction('rw', db.readLinks, db.secrets, async () => {
    const count = await db.readLinks.count();
    await db.readLinks.clear();
    await db.secrets.delete(READ_KEY_ID);
    return count;
  });
  keys.delete(db);
  return forgotten;
}

import type { SaringDb } from '../db';
import { normalizeUrl } from '../match/url';

/** Long enough to cover "read it last week, sharing it today"; short enough to forget. */
export const READ_LINK_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** SHA-256 (hex) of a link's normalised form, so the store never holds a URL in clear. */
export async function hashLink(normalizedUrl: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(normalizedUrl));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Remembers that the person opened `rawUrl` (any form: wrapped, tracked, AMP). */
export async function rememberRead(db: SaringDb, rawUrl: string, now: number): Promise<void> {
  const normalized = normalizeUrl(rawUrl);
  if (!normalized) return;
  await db.readLinks.put({ hash: await hashLink(normalized), at: now });
}

/** The normalised links among `normalizedUrls` not opened in the last 30 days. */
export async function unreadLinks(db: SaringDb, normalizedUrls: readonly string[], now: number): Promise<string[]> {
  if (normalizedUrls.length === 0) return [];
  const hashes = await Promise.all(normalizedUrls.map(hashLink));
  const records = await db.readLinks.bulkGet(hashes);
  return normalizedUrls.filter((_, i) => {
    const record = records[i];
    return !record || now - record.at > READ_LINK_TTL_MS;
  });
}

/** Forgets links opened more than 30 days ago; returns how many. */
export function pruneReadLinks(db: SaringDb, now: number): Promise<number> {
  return db.readLinks.where('at').below(now - READ_LINK_TTL_MS).delete();
}

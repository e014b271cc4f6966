import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../lib/db';
import {
  countReadLinks,
  dayOf,
  forgetReadLinks,
  linkDigest,
  pruneReadLinks,
  READ_LINK_DAYS,
  rememberRead,
  unreadLinks,
} from '../../lib/read-links';

const DAY = 24 * 60 * 60 * 1000;
/** 14:37 UTC on a day: times of day must not be kept. */
const NOON = Date.UTC(2026, 5, 24, 14, 37, 12, 345);
const article = 'https://berita.example.id/2026/06/banjir-jakarta';
let db = openDb(`read-links-${Math.random()}`);
afterEach(async () => {
  db.close();
  db = openDb(`read-links-${Math.random()}`);
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('read links', () => {
  it('recognises the same article however the link was wrapped or tracked', async () => {
    const wrapped = `https://l.facebook.com/l.php?u=${encodeURIComponent(`http://www.berita.example.id/2026/06/banjir-jakarta/?utm_source=fb&fbclid=1`)}`;
    await rememberRead(db, wrapped, NOON);
    expect(await unreadLinks(db, [article, 'https://other.example/x'], NOON + DAY)).toEqual([
      'https://other.example/x',
    ]);
  });

  it('stores keyed hashes and the day only: never the URL, its plain SHA-256 or the time of day', async () => {
    await rememberRead(db, article, NOON);
    const records = await db.readLinks.toArray();
    expect(records).toEqual([{ hash: expect.stringMatching(/^[0-9a-f]{64}$/), day: dayOf(NOON) }]);
    expect(records[0]!.day * DAY).toBe(Date.UTC(2026, 5, 24));
    expect(records[0]!.hash).not.toBe(sha256(article));
    expect(JSON.stringify(records)).not.toMatch(/berita|example/);
  });

  it('keys with a non-extractable HMAC-SHA-256 key of this install, kept across restarts', async () => {
    await rememberRead(db, article, NOON);
    const [secret] = await db.secrets.toArray();
    expect(secret!.key).toBeInstanceOf(CryptoKey);
    expect(secret!.key).toMatchObject({ extractable: false, algorithm: { name: 'HMAC', hash: { name: 'SHA-256' } } });
    await expect(crypto.subtle.exportKey('raw', secret!.key)).rejects.toThrow();
    const [record] = await db.readLinks.toArray();
    expect(record!.hash).toBe(await linkDigest(secret!.key, article));

    // Another start of the background (a woken service worker) uses the same key.
    const name = db.name;
    db.close();
    db = openDb(name);
    expect(await unreadLinks(db, [article], NOON)).toEqual([]);
  });

  it('makes a different key for each install, so the same link hashes differently', async () => {
    const other = openDb(`read-links-${Math.random()}`);
    await rememberRead(db, article, NOON);
    await rememberRead(other, article, NOON);
    expect((await db.readLinks.toArray())[0]!.hash).not.toBe((await other.readLinks.toArray())[0]!.hash);
    other.close();
  });

  it('agrees on one key when two first uses come at once', async () => {
    const name = db.name;
    const twin = openDb(name);
    await Promise.all([rememberRead(db, article, NOON), rememberRead(twin, 'https://other.example/x', NOON)]);
    expect(await db.secrets.count()).toBe(1);
    expect(await unreadLinks(db, [article, 'https://other.example/x'], NOON)).toEqual([]);
    twin.close();
  });

  it('forgets a link after 30 days, by day, in lookups and in storage', async () => {
    await rememberRead(db, article, NOON);
    await rememberRead(db, 'https://fresh.example/a', NOON + 20 * DAY);
    expect(await unreadLinks(db, [article], NOON + READ_LINK_DAYS * DAY)).toEqual([]);
    expect(await unreadLinks(db, [article], NOON + (READ_LINK_DAYS + 1) * DAY)).toEqual([article]);
    expect(await countReadLinks(db, NOON + (READ_LINK_DAYS + 1) * DAY)).toBe(1);
    expect(await pruneReadLinks(db, NOON + (READ_LINK_DAYS + 1) * DAY)).toBe(1);
    expect(await db.readLinks.count()).toBe(1);
  });

  it('forgets everything on request, key included: links read before no longer count', async () => {
    await rememberRead(db, article, NOON);
    await rememberRead(db, 'https://other.example/x', NOON);
    const [before] = await db.secrets.toArray();
    expect(await countReadLinks(db, NOON)).toBe(2);
    expect(await forgetReadLinks(db)).toBe(2);
    expect(await db.readLinks.count()).toBe(0);
    expect(await countReadLinks(db, NOON)).toBe(0);
    expect(await unreadLinks(db, [article], NOON)).toEqual([article]);

    // Read again after forgetting: remembered under a new key.
    await rememberRead(db, article, NOON);
    expect((await db.readLinks.toArray())[0]!.hash).not.toBe(await linkDigest(before!.key, article));
    expect(await unreadLinks(db, [article], NOON)).toEqual([]);
  });

  it('ignores what is not a web link', async () => {
    await rememberRead(db, 'javascript:alert(1)', NOON);
    expect(await db.readLinks.count()).toBe(0);
  });
});

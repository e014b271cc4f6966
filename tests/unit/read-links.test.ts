import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../lib/db';
import { hashLink, pruneReadLinks, READ_LINK_TTL_MS, rememberRead, unreadLinks } from '../../lib/read-links';

const day = 24 * 60 * 60 * 1000;
const article = 'https://berita.example.id/2026/06/banjir-jakarta';
let db = openDb(`read-links-${Math.random()}`);
afterEach(async () => {
  db.close();
  db = openDb(`read-links-${Math.random()}`);
});

describe('read links', () => {
  it('hashes with SHA-256 of the normalised URL', async () => {
    expect(await hashLink(article)).toBe(createHash('sha256').update(article).digest('hex'));
  });

  it('recognises the same article however the link was wrapped or tracked', async () => {
    const wrapped = `https://l.facebook.com/l.php?u=${encodeURIComponent(`http://www.berita.example.id/2026/06/banjir-jakarta/?utm_source=fb&fbclid=1`)}`;
    await rememberRead(db, wrapped, 0);
    expect(await unreadLinks(db, [article, 'https://other.example/x'], day)).toEqual(['https://other.example/x']);
  });

  it('stores hashes and times only, never the URL', async () => {
    await rememberRead(db, article, 5);
    const records = await db.readLinks.toArray();
    expect(records).toEqual([{ hash: await hashLink(article), at: 5 }]);
    expect(JSON.stringify(records)).not.toMatch(/berita|example/);
  });

  it('forgets a link after 30 days, in lookups and in storage', async () => {
    await rememberRead(db, article, 0);
    await rememberRead(db, 'https://fresh.example/a', 20 * day);
    expect(await unreadLinks(db, [article], READ_LINK_TTL_MS)).toEqual([]);
    expect(await unreadLinks(db, [article], READ_LINK_TTL_MS + 1)).toEqual([article]);
    expect(await pruneReadLinks(db, 31 * day)).toBe(1);
    expect(await db.readLinks.count()).toBe(1);
  });

  it('ignores what is not a web link', async () => {
    await rememberRead(db, 'javascript:alert(1)', 0);
    expect(await db.readLinks.count()).toBe(0);
  });
});

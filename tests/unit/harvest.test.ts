import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../lib/cli/main';
import { applyPatch, listChecksum, parsePatch } from '../../lib/lists/patch';
import type { SaringList } from '../../lib/lists/schema';
import { verifyListSignature } from '../../lib/lists/signature';
import { validateList } from '../../lib/lists/validate';
import { startFixtureSites, type FixtureSite, type FixtureSites } from '../harvest-sites';

/**
 * `saring-list harvest` against local copies of Indonesian fact-check sites (tests/fixtures/harvest,
 * one port each), run after run as a cron job would: first run, nothing new, a new article, a
 * changed and a removed one, a failing one; with robots.txt, politeness and hostile pages.
 */

const root = new URL('../fixtures/harvest', import.meta.url).pathname;
const SITES = ['turnbackhoax', 'cekfakta', 'kompas', 'afp', 'tempo', 'liputan6', 'hostile'] as const;
const RATE = 20;
const work = mkdtempSync(join(tmpdir(), 'saring-harvest-'));
const out = join(work, 'site');
const keyFile = join(work, 'publisher.key');
let sites: FixtureSites;
let publicKey = '';

async function cli(...argv: string[]) {
  const lines: string[] = [];
  const errors: string[] = [];
  const code = await run(argv, { out: (line) => lines.push(line), err: (line) => errors.push(line) });
  return { code, out: lines.join('\n'), err: errors.join('\n') };
}

function sourcesFile(name: string, sources: Array<{ type: string; url: string }>): string {
  const file = join(work, name);
  writeFileSync(
    file,
    JSON.stringify({
      list: {
        id: 'cek-fakta-indonesia',
        name: 'Cek Fakta Indonesia (uji)',
        publisher: { name: 'Relawan Uji', url: 'https://relawan.example.org/kontak' },
        languages: ['id'],
      },
      sources,
    }),
  );
  return file;
}

const site = (name: (typeof SITES)[number]) => sites.site(name);
const harvest = (...extra: string[]) =>
  cli(
    'harvest',
    join(work, 'SOURCES.json'),
    '--out',
    out,
    '--sign',
    keyFile,
    '--rate',
    String(RATE),
    '--timeout',
    '1',
    ...extra,
  );
const readList = (): SaringList => {
  const { header, items } = validateList(JSON.parse(readFileSync(join(out, 'list.json'), 'utf8')));
  return { ...header, items };
};
const report = () => readFileSync(join(out, 'harvest-report.md'), 'utf8');

/** Every published file (the report aside, it describes the run) with its bytes and mtime. */
function published(): Map<string, { bytes: string; mtime: number }> {
  const files = new Map<string, { bytes: string; mtime: number }>();
  for (const name of readdirSync(out, { recursive: true }).map(String)) {
    const path = join(out, name);
    if (name === 'harvest-report.md' || statSync(path).isDirectory()) continue;
    files.set(name, { bytes: readFileSync(path).toString('base64'), mtime: statSync(path).mtimeMs });
  }
  return files;
}

function gapsBetweenRequests(target: FixtureSite, from = 0): number[] {
  const times = target.requests.slice(from).map((request) => request.at);
  return times.slice(1).map((time, index) => time - times[index]!);
}

beforeAll(async () => {
  sites = await startFixtureSites(root, SITES);
  const hostile = site('hostile');
  hostile.override('/huge.html', {
    kind: 'body',
    body: `<html><head><title>[SALAH] Halaman raksasa</title><script type="application/ld+json">"${'x'.repeat(10_000_000)}"</script></head></html>`,
  });
  hostile.override('/big-jsonld.html', {
    kind: 'body',
    body: `<html><head><title>Kabar</title><script type="application/ld+json">{"x":"${'y'.repeat(2_000_000)}"}</script><script type="application/ld+json">{"@type":"ClaimReview","claimReviewed":"Klaim di halaman dengan blok JSON-LD raksasa","reviewRating":{"alternateName":"Salah"},"url":"https://kabar-viral.example/besar"}</script></head></html>`,
  });
  hostile.override('/moved.html', {
    kind: 'redirect',
    location: '{{origin:tempo}}/fakta/1752/keliru-video-kode-rahasia-untuk-menghemat-listrik-prabayar',
  });
  hostile.override('/slow.html', { kind: 'hang' });
  hostile.override('/error.html', { kind: 'status', status: 500 });
  hostile.override('/endless.xml', {
    kind: 'endless',
    head: '<?xml version="1.0"?><urlset>',
    chunk: `<url><loc>${hostile.origin}/x.html</loc></url>`.repeat(200),
    contentType: 'application/xml',
  });
  sourcesFile('SOURCES.json', [
    { type: 'wordpress', url: site('turnbackhoax').origin },
    { type: 'feed', url: `${site('cekfakta').origin}/feed.xml` },
    { type: 'sitemap', url: `${site('kompas').origin}/sitemap.xml` },
    { type: 'feed', url: `${site('afp').origin}/feed.atom` },
    { type: 'feed', url: `${site('tempo').origin}/rss.xml` },
    { type: 'sitemap', url: `${site('liputan6').origin}/sitemap-news.xml` },
    { type: 'feed', url: `${hostile.origin}/feed.xml` },
    { type: 'sitemap', url: `${hostile.origin}/sitemap.xml` },
  ]);
  expect((await cli('keygen', '-o', keyFile)).code).toBe(0);
  publicKey = readFileSync(`${keyFile}.pub`, 'utf8').trim();
});

afterAll(() => sites.close());

describe('saring-list harvest, run after run', { timeout: 60_000 }, () => {
  const versions: SaringList[] = [];

  it('first run: every site’s fact-checks, signed, with the report; hostile pages skipped with reasons', async () => {
    const result = await harvest();
    expect(result.code, result.err).toBe(0);
    const list = readList();
    versions.push(list);
    expect(list).toMatchObject({
      id: 'cek-fakta-indonesia',
      patches: 'patches/',
      publisher: { url: 'https://relawan.example.org/kontak' },
    });
    const ids = list.items.map((item) => item.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'turnbackhoax.id/articles/34689-salah-jokowi-dinobatkan-jadi-salah-satu-alumni-terbaik-ugm',
        'turnbackhoax.id/articles/33615-penipuan-prabowo-bagikan-bansos-2026-lewat-facebook',
        'cekfakta.com/focus/12001',
        'cekfakta.com/focus/12002',
        'cekfakta.com/focus/12002#2',
        'kompas.com/cekfakta/read/2026/06/24/101500182/-hoaks-video-israel-dihantam-rudal-khorramshahr',
        'kompas.com/cekfakta/read/2026/06/20/084200282/-hoaks-ratusan-ribu-tentara-chechnya-tiba-di-teheran',
        'kompas.com/cekfakta/read/2026/05/30/153000682/-hoaks-berkat-mbg-ekonomi-indonesia-naik-8-persen',
        'factcheck.afp.com/doc.afp.com.36LD9QX',
        'factcheck.afp.com/doc.afp.com.36KX2PL',
        'cekfakta.tempo.co/fakta/1752/keliru-video-kode-rahasia-untuk-menghemat-listrik-prabayar',
        'cekfakta.tempo.co/fakta/1760/sebagian-benar-klaim-bahlil-dipecat-karena-soal-listrik-di-aceh',
        'liputan6.com/cek-fakta/read/6001234/cek-fakta-tidak-benar-lowongan-kerja-tim-dapur-mbg-seluruh-indonesia',
      ]),
    );
    // Robots-disallowed, not fact-checks, too big, redirected away: none of them gave an item.
    expect(ids.some((id) => /infografik|klarifikasi|huge|secret|moved|broken/.test(id))).toBe(false);
    expect(list.items).toHaveLength(15);
    expect(list.items.find((item) => item.id === 'cekfakta.com/focus/12002#2')).toMatchObject({
      rating: 'misleading',
      label: 'Menyesatkan',
    });

    const listBytes = readFileSync(join(out, 'list.json'));
    expect(gunzipSync(readFileSync(join(out, 'list.json.gz'))).equals(listBytes)).toBe(true);
    expect(await verifyListSignature(listBytes, readFileSync(join(out, 'list.json.sig'), 'utf8'), publicKey)).toBe(
      true,
    );
    expect(readdirSync(join(out, 'patches')).sort()).toEqual([`${list.version}.json`, `${list.version}.json.sig`]);

    const text = report();
    // A first version's items are all new (the report once said 0 / 0 / 0).
    expect(text).toContain(`| items new / changed / removed | ${list.items.length} / 0 / 0 |`);
    expect(text).toContain(`## New items (${list.items.length})`);
    for (const expected of [
      'version ' + list.version + ': the first',
      'infografik-cara-cek-video-buatan-ai — robots.txt disallows it for SaringBot',
      '/private/secret.html — robots.txt disallows it for SaringBot',
      'javascript:alert(document.cookie) — listed in',
      'not an http(s) link (javascript:)',
      'a plain http link: only https is fetched',
      '/huge.html — larger than the 5 MB limit',
      '/moved.html — redirected to a page on another host',
      '/slow.html — no complete answer within 1 s (tried again next run)',
      '/error.html — HTTP 500 (tried again next run)',
      'a sitemap index nested 3 deep: not read further',
      'listed twice (a loop of sitemaps): read once',
      '/broken-jsonld.html — broken JSON-LD (block 1): Not JSON',
      'a JSON-LD block of 2.0 million characters',
      'nested more than 64 levels deep',
      '35100-klarifikasi-jadwal-pencairan-bsu-juni-2026 — no ClaimReview, and no verdict',
    ])
      expect(text).toContain(expected);
    // An endless sitemap ends at the size limit or the time limit, whichever comes first.
    expect(text).toMatch(/\/endless\.xml: (larger than the 20 MB limit|no complete answer within 1 s)/);
    expect(result.out).toContain('15 items (first version)');
  });

  it('first run: polite — robots.txt first, SaringBot with the contact URL, at most --rate requests a second per host, Crawl-delay honoured', () => {
    for (const name of SITES) {
      const requests = site(name).requests;
      expect(requests[0]!.path).toBe('/robots.txt');
      for (const request of requests)
        expect(request.userAgent).toBe(
          'SaringBot/1.0 (Saring hoax-list harvester; +https://relawan.example.org/kontak)',
        );
      // Timer granularity aside, no two requests to one host closer than the rate allows.
      for (const gap of gapsBetweenRequests(site(name))) expect(gap).toBeGreaterThanOrEqual(1000 / RATE - 5);
    }
    // AFP's robots.txt asks for 0.3 s between requests.
    expect(site('afp').requests.length).toBeGreaterThanOrEqual(4);
    for (const gap of gapsBetweenRequests(site('afp'))) expect(gap).toBeGreaterThanOrEqual(295);
    // Nothing on a host other than the sources': no request for the redirect target on tempo's host from hostile links.
    expect(site('tempo').requests.filter((request) => request.path.includes('keliru')).length).toBe(1);
  });

  it('second run, nothing new: same version, same bytes, nothing rewritten; 304s counted', async () => {
    const before = published();
    const marks = new Map(SITES.map((name) => [name, site(name).requests.length]));
    const result = await harvest();
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain(`nothing new: version ${versions[0]!.version} stays (15 items)`);
    expect(published()).toEqual(before);
    const notModified = SITES.flatMap((name) => site(name).requests.slice(marks.get(name))).filter(
      (request) => request.status === 304,
    );
    expect(notModified.length).toBeGreaterThanOrEqual(8);
    expect(report()).toMatch(
      new RegExp(`requests \\(answered 304 Not Modified\\) \\| \\d+ \\(${notModified.length}\\)`),
    );
    expect(report()).toContain('| sources read / unchanged (304) / failed | 0 / 8 / 0 |');
  });

  it('a new article: a new version, and a patch from the first one that adds it', async () => {
    const cekfakta = site('cekfakta');
    const feed = readFileSync(join(root, 'cekfakta/feed.xml'), 'utf8').replace(
      '<item>',
      '<item><title>Video Cuaca Buruk Timbulkan Hujan Pasir?</title><link>{{origin}}/focus/12003</link><pubDate>Thu, 25 Jun 2026 08:00:00 +0700</pubDate></item>\n  <item>',
    );
    cekfakta.setFile('/feed.xml', feed);
    const mark = cekfakta.requests.length;
    // The two transient failures end for good: gone, so no longer retried.
    site('hostile').override('/slow.html', { kind: 'status', status: 410 });
    site('hostile').override('/error.html', { kind: 'status', status: 410 });
    const result = await harvest();
    expect(result.code, result.err).toBe(0);
    const list = readList();
    versions.push(list);
    expect(list.version).toBeGreaterThan(versions[0]!.version);
    expect(list.items).toHaveLength(16);
    const patch = parsePatch(readFileSync(join(out, `patches/${versions[0]!.version}.json`), 'utf8'));
    expect(patch).toMatchObject({
      base: versions[0]!.version,
      target: list.version,
      removed: [],
      changed: [],
      count: 16,
    });
    expect(patch.added.map((item) => item.id)).toEqual(['cekfakta.com/focus/12003']);
    const applied = await applyPatch(versions[0]!, patch);
    expect(applied.checksum).toBe(await listChecksum(list.items));
    expect(
      await verifyListSignature(
        readFileSync(join(out, `patches/${versions[0]!.version}.json`)),
        readFileSync(join(out, `patches/${versions[0]!.version}.json.sig`), 'utf8'),
        publicKey,
      ),
    ).toBe(true);
    expect(report()).toContain('## New items (1)');
    expect(report()).toContain(
      '[Salah] Cuaca buruk menimbulkan hujan pasir di Balaraja, Tangerang — https://cekfakta.com/focus/12003',
    );
    expect(report()).not.toContain('slow.html');
    // The feed changed, so the articles it lists were asked again, conditionally: unchanged ones answer 304.
    const asked = cekfakta.requests.slice(mark).filter((request) => request.path.startsWith('/focus/'));
    expect(asked.map((request) => [request.path, request.conditional, request.status]).sort()).toEqual([
      ['/focus/12001', true, 304],
      ['/focus/12002', true, 304],
      ['/focus/12003', false, 200],
    ]);
  });

  it('a changed article and a removed one: both in the patches, from every earlier version', async () => {
    const kompas = site('kompas');
    const israel = '/cekfakta/read/2026/06/24/101500182/-hoaks-video-israel-dihantam-rudal-khorramshahr';
    const chechnya = '/cekfakta/read/2026/06/20/084200282/-hoaks-ratusan-ribu-tentara-chechnya-tiba-di-teheran';
    kompas.setFile(
      israel,
      readFileSync(join(root, `kompas${israel}.html`), 'utf8').replace(
        '"alternateName":"Hoaks"',
        '"alternateName":"Menyesatkan"',
      ),
    );
    const sitemap = readFileSync(join(root, 'kompas/cekfakta/sitemap-2026-06.xml'), 'utf8')
      .replace('2026-06-24T10:15:00+07:00', '2026-06-26T07:00:00+07:00')
      .replace(/<url>\s*<loc>[^<]*chechnya[^<]*<\/loc>\s*<lastmod>[^<]*<\/lastmod>\s*<\/url>/, '');
    kompas.setFile('/cekfakta/sitemap-2026-06.xml', sitemap);
    kompas.setFile(
      '/sitemap.xml',
      readFileSync(join(root, 'kompas/sitemap.xml'), 'utf8').replace(
        '2026-06-24T10:15:00+07:00',
        '2026-06-26T07:00:00+07:00',
      ),
    );
    kompas.override(chechnya, { kind: 'status', status: 404 });
    const result = await harvest();
    expect(result.code, result.err).toBe(0);
    const list = readList();
    versions.push(list);
    expect(list.items).toHaveLength(15);
    expect(list.items.find((item) => item.id === `kompas.com${israel}`)).toMatchObject({
      rating: 'misleading',
      label: 'Menyesatkan',
    });
    const fromSecond = parsePatch(readFileSync(join(out, `patches/${versions[1]!.version}.json`), 'utf8'));
    expect(fromSecond.changed.map((item) => item.id)).toEqual([`kompas.com${israel}`]);
    expect(fromSecond.removed).toEqual([`kompas.com${chechnya}`]);
    // From the first version: the addition of run 3 and the changes of run 4, in one patch.
    const fromFirst = parsePatch(readFileSync(join(out, `patches/${versions[0]!.version}.json`), 'utf8'));
    expect(fromFirst.added.map((item) => item.id)).toEqual(['cekfakta.com/focus/12003']);
    for (const base of versions.slice(0, 2)) {
      const applied = await applyPatch(
        base,
        parsePatch(readFileSync(join(out, `patches/${base.version}.json`), 'utf8')),
      );
      expect(applied.list.version).toBe(list.version);
      expect(applied.checksum).toBe(await listChecksum(list.items));
    }
    expect(
      readdirSync(join(out, 'patches'))
        .filter((name) => name.endsWith('.json'))
        .sort(),
    ).toEqual(versions.map((version) => `${version.version}.json`).sort());
    expect(report()).toContain('## Changed items (1)');
    expect(report()).toContain('## Removed items (1)');
    expect(report()).toContain(`## Articles gone (404 or 410): their items removed (1)`);
  });

  it('an article that fails keeps its items, and the list stays as it was', async () => {
    const liputan = site('liputan6');
    const article = '/cek-fakta/read/6001234/cek-fakta-tidak-benar-lowongan-kerja-tim-dapur-mbg-seluruh-indonesia';
    liputan.setFile(
      '/sitemap-news.xml',
      readFileSync(join(root, 'liputan6/sitemap-news.xml'), 'utf8').replace(
        '2026-06-19T18:05:00+07:00',
        '2026-06-27T09:00:00+07:00',
      ),
    );
    liputan.override(article, { kind: 'status', status: 503 });
    const before = published();
    const result = await harvest();
    expect(result.code, result.err).toBe(0);
    expect(readList().items.some((item) => item.id === `liputan6.com${article}`)).toBe(true);
    expect(report()).toContain(`${article} — HTTP 503 (tried again next run) (its 1 previous item kept)`);
    // Same items, so the same list; only the state differs (the article waits for the next run).
    const after = published();
    after.delete('harvest-state.json');
    before.delete('harvest-state.json');
    expect(after).toEqual(before);
    expect(readFileSync(join(out, 'harvest-state.json'), 'utf8')).toContain(
      `"pending": {\n    "${liputan.origin}${article}"`,
    );
  });
});

describe('saring-list harvest on its own', { timeout: 30_000 }, () => {
  it('keeps to 2 requests a second per host by default', async () => {
    const tempo = site('tempo');
    const from = tempo.requests.length;
    const result = await cli(
      'harvest',
      sourcesFile('tempo-only.json', [{ type: 'feed', url: `${tempo.origin}/rss.xml` }]),
      '--out',
      join(work, 'tempo-only'),
    );
    expect(result.code, result.err).toBe(0);
    const gaps = gapsBetweenRequests(tempo, from);
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(495);
  });

  it('exits 1 with a report when no list can be made', async () => {
    const dir = join(work, 'nothing');
    const result = await cli(
      'harvest',
      sourcesFile('broken.json', [{ type: 'sitemap', url: `${site('tempo').origin}/no-such-sitemap.xml` }]),
      '--out',
      dir,
      '--rate',
      String(RATE),
    );
    expect(result).toMatchObject({ code: 1, err: expect.stringContaining('no list could be made') });
    expect(readFileSync(join(dir, 'harvest-report.md'), 'utf8')).toContain('no-such-sitemap.xml: HTTP 404');
    expect(readdirSync(dir)).toEqual(['harvest-report.md']);
  });

  it('refuses a bad SOURCES.json, and a rate that is not polite', async () => {
    const bad = join(work, 'bad.json');
    writeFileSync(bad, JSON.stringify({ list: { id: 'x' }, sources: [] }));
    expect(await cli('harvest', bad, '--out', join(work, 'bad'))).toMatchObject({
      code: 1,
      err: expect.stringContaining('list.id'),
    });
    const remote = sourcesFile('remote.json', [{ type: 'feed', url: 'https://cekfakta.example.org/feed' }]);
    expect(await cli('harvest', remote, '--out', join(work, 'remote'), '--rate', '50')).toMatchObject({
      code: 1,
      err: expect.stringContaining('--rate must be a number from 0.01 to 10'),
    });
  });
});

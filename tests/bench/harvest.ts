import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { run } from '../../lib/cli/main';
import { readJsonLinesGz, SHARED_DATA } from '../../lib/cli/build-starter-list';
import { serializeList } from '../../lib/lists/export';
import { serializeState, emptyState } from '../../lib/harvest/state';
import { checkPatch, listChecksum, makePatch, serializePatch } from '../../lib/lists/patch';
import { bigList } from './big-list';

/**
 * Harvest and patch figures (issue 14), Node only:
 * - articles per second from a local fact-check site, politeness delay off (`--rate 0`);
 * - a run on a folder that already holds 100,000 items: peak memory (in a child process of its own);
 * - a patch of 200 changed items on a 100,000-item list against the full list, gzipped.
 */

interface Record {
  title: string;
  verdict?: string;
  date?: string;
  conclusion?: string;
}

/** A fact-check page about as heavy as a news site's (navigation, scripts, related links). */
function articlePage(index: number, record: Record): string {
  const claim = record.title.replace(/^\[[^\]]*\]\s*/, '');
  const review = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `https://cekfakta.example.org/artikel/${index}`,
    claimReviewed: claim,
    datePublished: '2026-06-24',
    author: { '@type': 'Organization', name: 'Cek Fakta Contoh' },
    reviewRating: {
      '@type': 'Rating',
      ratingValue: 1,
      bestRating: 5,
      worstRating: 1,
      alternateName: record.verdict || 'Salah',
    },
  };
  const related = Array.from(
    { length: 60 },
    (_, i) =>
      `<li class="related__item"><a href="/artikel/${(index + i) % 1000}"><img src="/img/${i}.jpg" alt=""><span>Berita terkait nomor ${i}</span></a></li>`,
  ).join('\n');
  const inlineScript = `window.__DATA__ = ${JSON.stringify({
    ads: Array.from({ length: 300 }, (_, i) => ({
      slot: `div-gpt-${i}`,
      sizes: [
        [300, 250],
        [728, 90],
      ],
    })),
  })};`;
  return `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>${record.title} - Cek Fakta Contoh</title>
<link rel="canonical" href="https://cekfakta.example.org/artikel/${index}">
<meta property="og:title" content="${record.title.replace(/"/g, '&quot;')}">
<meta property="og:description" content="${(record.conclusion ?? '').slice(0, 300).replace(/"/g, '&quot;')}">
<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: record.title })}</script>
<script type="application/ld+json">${JSON.stringify(review)}</script>
<script>${inlineScript}</script></head>
<body><nav>${'<a href="/kanal">Kanal</a> '.repeat(80)}</nav><article><h1>${record.title}</h1><p>${(record.conclusion ?? '').repeat(6)}</p></article>
<aside><ul>${related}</ul></aside><footer>${'<p>© Cek Fakta Contoh</p>'.repeat(40)}</footer></body></html>`;
}

interface BenchSite {
  origin: string;
  server: Server;
}

/** A site with `count` fact-check pages and a sitemap listing them. */
export async function startBenchSite(count: number): Promise<BenchSite> {
  const records = readJsonLinesGz<Record>(resolve(SHARED_DATA, 'id/factchecks.jsonl.gz')).filter((record) =>
    /^\[(SALAH|HOAKS|PENIPUAN)\]/.test(record.title),
  );
  const pages = Array.from({ length: count }, (_, index) => articlePage(index, records[index % records.length]!));
  let origin = '';
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/robots.txt')
      return void response.writeHead(200, { 'Content-Type': 'text/plain' }).end('User-agent: *\nDisallow: /cari\n');
    if (path === '/sitemap.xml') {
      const urls = pages
        .map((_, index) => `<url><loc>${origin}/artikel/${index}</loc><lastmod>2026-06-24</lastmod></url>`)
        .join('');
      return void response
        .writeHead(200, { 'Content-Type': 'application/xml' })
        .end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`);
    }
    const index = Number(/^\/artikel\/(\d+)$/.exec(path)?.[1] ?? NaN);
    if (!(index >= 0 && index < pages.length)) return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ETag: `"a${index}"` }).end(pages[index]);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, server };
}

export function writeSources(dir: string, origin: string): string {
  const file = join(dir, 'SOURCES.json');
  writeFileSync(
    file,
    JSON.stringify({
      list: {
        id: 'bench-harvest',
        name: 'Bench harvest',
        publisher: { name: 'Bench', url: 'https://cekfakta.example.org' },
        languages: ['id'],
      },
      sources: [{ type: 'sitemap', url: `${origin}/sitemap.xml` }],
    }),
  );
  return file;
}

const silent = { out: () => {}, err: () => {} };

export async function runHarvestBench(): Promise<void> {
  const rows: [string, string][] = [];
  const work = mkdtempSync(join(tmpdir(), 'saring-bench-harvest-'));
  try {
    // 1. Articles per second, the politeness delay off (it alone would cap a run at 2/s).
    const ARTICLES = 400;
    const site = await startBenchSite(ARTICLES);
    const sources = writeSources(work, site.origin);
    const started = performance.now();
    const code = await run(
      ['harvest', sources, '--out', join(work, 'site'), '--rate', '0', '--max-fetches', String(ARTICLES)],
      silent,
    );
    const seconds = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error('bench harvest failed');
    rows.push([
      `harvest: ${ARTICLES} articles (≈${Math.round(articlePage(0, { title: '[SALAH] x', conclusion: 'y'.repeat(300) }).length / 1024)} KB pages) from a local site, delay off, whole run incl. publish`,
      `${(ARTICLES / seconds).toFixed(0)} articles/s (${seconds.toFixed(2)} s)`,
    ]);
    site.server.close();

    // 2. A run on a folder already holding 100,000 items (list and state), adding 100 new articles:
    // in a process of its own, so its peak memory is the harvest's alone.
    const NEW = 100;
    const big = await startBenchSite(NEW);
    const bigDir = join(work, 'big');
    mkdirSync(bigDir);
    const previous = { ...bigList(100_000, 1), id: 'bench-harvest', name: 'Bench harvest', patches: 'patches/' };
    writeFileSync(join(bigDir, 'list.json'), serializeList(previous));
    const state = emptyState('bench-harvest');
    previous.items.forEach(
      (item, index) =>
        (state.articles[`${big.origin}/lama/${index}`] = { items: [item.id], etag: `"l${index}"`, date: '2026-01-01' }),
    );
    writeFileSync(join(bigDir, 'harvest-state.json'), serializeState(state));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', resolve(import.meta.dirname, 'harvest-memory.ts'), writeSources(bigDir, big.origin), bigDir],
      { cwd: resolve(import.meta.dirname, '../..') },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const status = await new Promise<number | null>((done) => child.on('close', done));
    big.server.close();
    if (status !== 0) throw new Error(`harvest-memory failed: ${stderr}`);
    const memory = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      fetched: number;
      seconds: number;
      peakMb: number;
      heapMb: number;
    };
    rows.push([
      `harvest: run adding ${memory.fetched} articles to a folder holding 100,000 items (read, merge, publish, patch)`,
      `${memory.seconds.toFixed(1)} s, peak RSS ${memory.peakMb.toFixed(0)} MB (heap at the end ${memory.heapMb.toFixed(0)} MB)`,
    ]);

    // 3. The patch for 200 changed items on 100,000, against the whole list gzipped.
    const v1 = bigList(100_000, 1);
    const v2 = {
      ...v1,
      version: 2,
      items: v1.items.map((item, index) =>
        index % 500 === 7 ? { ...item, label: 'HOAKS', summary: `Diperbarui: ${item.claim.slice(0, 80)}` } : item,
      ),
    };
    const fullGzip = gzipSync(serializeList(v2)).length;
    let t0 = performance.now();
    const checksum = await listChecksum(v2.items);
    const checksumMs = performance.now() - t0;
    const patch = await makePatch(v1, v2, checksum);
    const patchText = serializePatch(patch);
    const patchGzip = gzipSync(patchText).length;
    const stored = new Map(v1.items.map((item) => [item.id, item]));
    const base = {
      listId: v1.id,
      version: v1.version,
      count: v1.items.length,
      checksum: await listChecksum(v1.items),
      lookup: (ids: readonly string[]) => new Map(ids.map((id) => [id, stored.get(id)!])),
    };
    t0 = performance.now();
    await checkPatch(base, patch);
    const checkMs = performance.now() - t0;
    rows.push([
      `patch: ${patch.changed.length} changed items on a 100,000-item list`,
      `${(Buffer.byteLength(patchText) / 1024).toFixed(0)} KB, ${(patchGzip / 1024).toFixed(1)} KB gzipped = ${((patchGzip / fullGzip) * 100).toFixed(2)}% of the gzipped list (${(fullGzip / 1e6).toFixed(1)} MB); raw ${((Buffer.byteLength(patchText) / fullGzip) * 100).toFixed(2)}%`,
    ]);
    rows.push([
      'patch: checksum of 100,000 items from scratch / checking the 200-item patch from the stored checksum, Node',
      `${checksumMs.toFixed(0)} ms / ${checkMs.toFixed(1)} ms`,
    ]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const width = Math.max(...rows.map(([what]) => what.length));
  console.log(`\n${'what'.padEnd(width)}  figure`);
  for (const [what, figure] of rows) console.log(`${what.padEnd(width)}  ${figure}`);
}

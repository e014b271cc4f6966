import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  dateValue,
  ListingError,
  parseListing,
  parseWordPressPosts,
  wordPressPostsUrl,
} from '../../lib/harvest/discover';
import {
  canonicalUrl,
  MAX_JSON_LD_CHARS,
  pageItems,
  parseJsonLd,
  readPage,
  titleVerdict,
  withoutSiteName,
} from '../../lib/harvest/page';
import { linkRefusal, parseSources, SourcesError } from '../../lib/harvest/sources';
import { emptyState, parseState, serializeState } from '../../lib/harvest/state';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/harvest/${path}`, import.meta.url), 'utf8');
const local = (text: string) => text.replaceAll('{{origin}}', 'https://site.example');
const itemsOf = (html: string, url: string, languages = ['id']) => pageItems(readPage(html), url, languages);

describe('feeds and sitemaps', () => {
  it('RSS 2.0: item links (or permalink guids) with their dates; other guids are not links', () => {
    const feed = parseListing(local(fixture('cekfakta/feed.xml')));
    expect(feed).toEqual({
      kind: 'feed',
      truncated: false,
      links: [
        { url: 'https://site.example/focus/12002', date: 'Thu, 22 Jan 2026 09:15:00 +0700' },
        { url: 'https://site.example/focus/12001', date: 'Tue, 13 Jan 2026 16:40:00 +0700' },
      ],
    });
    const guids = parseListing(
      '<rss><channel><item><guid>https://a.example/1</guid><dc:date xmlns:dc="x">2026-06-01</dc:date></item><item><guid isPermaLink="false">42</guid></item><item><link>https://a.example/x?a=1&amp;b=2</link></item></channel></rss>',
    );
    expect(guids.links).toEqual([
      { url: 'https://a.example/1', date: '2026-06-01' },
      { url: 'https://a.example/x?a=1&b=2' },
    ]);
  });

  it('RSS 1.0 and Atom (the alternate link; enclosures are not articles)', () => {
    const rdf = parseListing(
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item><link>https://a.example/r</link></item></rdf:RDF>',
    );
    expect(rdf).toMatchObject({ kind: 'feed', links: [{ url: 'https://a.example/r' }] });
    const atom = parseListing(local(fixture('afp/feed.atom')));
    expect(atom.links).toEqual([
      { url: 'https://site.example/doc.afp.com.36LD9QX', date: '2026-06-22T03:10:00Z' },
      { url: 'https://site.example/doc.afp.com.36KX2PL', date: '2026-06-12T08:00:00Z' },
    ]);
  });

  it('sitemaps, sitemap indexes and Google News sitemaps', () => {
    expect(parseListing(local(fixture('kompas/sitemap.xml')))).toMatchObject({
      kind: 'sitemapindex',
      links: [{ url: 'https://site.example/cekfakta/sitemap-2026-06.xml', date: '2026-06-24T10:15:00+07:00' }, {}],
    });
    expect(parseListing(local(fixture('kompas/cekfakta/sitemap-2026-06.xml'))).links).toHaveLength(3);
    expect(parseListing(local(fixture('liputan6/sitemap-news.xml'))).links).toEqual([
      {
        url: 'https://site.example/cek-fakta/read/6001234/cek-fakta-tidak-benar-lowongan-kerja-tim-dapur-mbg-seluruh-indonesia',
        date: '2026-06-19T18:05:00+07:00',
      },
    ]);
  });

  it('says why a document is not a listing, and never expands entity bombs', () => {
    const reason = (text: string) => {
      try {
        parseListing(text);
        return 'parsed';
      } catch (error) {
        expect(error).toBeInstanceOf(ListingError);
        return (error as Error).message;
      }
    };
    expect(reason('<!DOCTYPE html><html><body>Maaf</body></html>')).toMatch(/not well-formed|HTML page/);
    expect(reason('<html><body>Maaf</body></html>')).toBe('an HTML page, not a feed or sitemap');
    expect(reason('<urlset><url><loc>x</loc></urlset>')).toMatch(/^not well-formed XML/);
    expect(reason('{"items": []}')).toBe('not XML (a feed or sitemap is XML)');
    expect(reason('<opml version="2.0"/>')).toBe('XML, but not a feed or sitemap (its root is <opml>)');
    const entities = Array.from(
      { length: 8 },
      (_, level) => `<!ENTITY l${level + 1} "${`&l${level};`.repeat(10)}">`,
    ).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY l0 "lol">${entities}]><urlset><url><loc>&l8;</loc></url></urlset>`;
    const parsed = parseListing(bomb);
    expect(JSON.stringify(parsed).length).toBeLessThan(1_000);
  });

  it('WordPress posts: links with their modification dates, and the API endpoint for a site', () => {
    expect(
      parseWordPressPosts('[{"link":"https://tbh.example/a/","modified_gmt":"2026-06-24T03:00:00"},{"id":3}]'),
    ).toEqual([{ url: 'https://tbh.example/a/', date: '2026-06-24T03:00:00' }]);
    expect(() => parseWordPressPosts('{"code":"rest_no_route","message":"No route"}')).toThrow(
      'not a list of WordPress posts (the API says "rest_no_route")',
    );
    expect(() => parseWordPressPosts('<html>')).toThrow(/^not JSON/);
    expect(wordPressPostsUrl('https://turnbackhoax.id/', 3)).toBe(
      'https://turnbackhoax.id/wp-json/wp/v2/posts?per_page=100&page=3&orderby=modified&order=desc&_fields=link%2Cmodified_gmt%2Cdate_gmt',
    );
    expect(wordPressPostsUrl('https://x.example/wp-json/wp/v2/posts?categories=7', 1)).toContain(
      '/wp-json/wp/v2/posts?categories=7&per_page=100&page=1',
    );
    expect(dateValue('2026-06-24T03:00:00')).toBe(Date.UTC(2026, 5, 24, 3));
    expect(dateValue(undefined)).toBeNaN();
  });
});

describe('fact-check pages', () => {
  it('one ClaimReview: the issue mapping (claim, label and rating, url, date, appearances, language)', () => {
    const found = itemsOf(fixture('cekfakta/focus/12001.html'), 'http://127.0.0.1:8080/focus/12001');
    expect(found.source).toBe('claimreview');
    expect(found.items).toEqual([
      {
        id: 'cekfakta.com/focus/12001',
        claim: 'Hakim PN Surakarta menerangkan ijazah Jokowi palsu setelah melakukan pencocokan ijazah',
        rating: 'false',
        label: 'Salah',
        url: 'https://cekfakta.com/focus/12001',
        published: '2026-01-13',
        summary:
          'Tidak ada informasi valid atau pemberitaan kredibel yang membenarkan klaim hakim PN Surakarta menyatakan ijazah Jokowi palsu.',
        appearances: ['https://bit.ly/4qMXwoC', 'https://www.facebook.com/share/p/1Hakim'],
        language: 'id',
      },
    ]);
  });

  it('an array of ClaimReviews gives one item each, ids by position on the page', () => {
    const found = itemsOf(fixture('cekfakta/focus/12002.html'), 'https://cekfakta.com/focus/12002');
    expect(found.items.map((item) => [item.id, item.label, item.rating])).toEqual([
      ['cekfakta.com/focus/12002', 'Hoaks', 'false'],
      ['cekfakta.com/focus/12002#2', 'Menyesatkan', 'misleading'],
    ]);
    expect(found.problems).toEqual(['ClaimReview 1.appearances[1]: not an https link: left out']);
  });

  it('ClaimReview inside @graph (AFP), and among other JSON-LD blocks (Kompas, Liputan6)', () => {
    const afp = itemsOf(fixture('afp/doc.afp.com.36LD9QX.html'), 'https://factcheck.afp.com/doc.afp.com.36LD9QX');
    expect(afp.items).toMatchObject([
      { id: 'factcheck.afp.com/doc.afp.com.36LD9QX', label: 'Salah', rating: 'false', published: '2026-06-22' },
    ]);
    const kompasPath = 'cekfakta/read/2026/06/24/101500182/-hoaks-video-israel-dihantam-rudal-khorramshahr';
    const kompas = itemsOf(fixture(`kompas/${kompasPath}.html`), `https://www.kompas.com/${kompasPath}`);
    expect(kompas.items).toMatchObject([
      { id: `kompas.com/${kompasPath}`, label: 'Hoaks', appearances: ['https://archive.ph/rctEE'] },
    ]);
    const liputan = itemsOf(
      fixture(
        'liputan6/cek-fakta/read/6001234/cek-fakta-tidak-benar-lowongan-kerja-tim-dapur-mbg-seluruh-indonesia.html',
      ),
      'https://www.liputan6.com/cek-fakta/read/6001234/x',
    );
    expect(liputan.items).toMatchObject([
      { rating: 'scam', label: 'Penipuan', appearances: ['https://vt.tiktok.com/ZSPaPg9sk/'] },
    ]);
  });

  it('without ClaimReview: the verdict at the start of the title, with the Open Graph description', () => {
    const tbh = itemsOf(
      fixture('turnbackhoax/articles/34689-salah-jokowi-dinobatkan-jadi-salah-satu-alumni-terbaik-ugm.html'),
      'https://turnbackhoax.id/articles/34689-salah-jokowi-dinobatkan-jadi-salah-satu-alumni-terbaik-ugm',
    );
    expect(tbh).toMatchObject({
      source: 'title',
      items: [
        {
          claim: 'Jokowi Dinobatkan Jadi Salah Satu Alumni Terbaik UGM',
          label: 'SALAH',
          rating: 'false',
          published: '2026-05-26',
          summary: expect.stringMatching(/^Faktanya/),
        },
      ],
    });
    // Tempo's older pages: "Keliru, …" in a title ending with the site's name, two canonicals (http first), lang="en".
    const tempo = itemsOf(
      fixture('tempo/fakta/1752/keliru-video-kode-rahasia-untuk-menghemat-listrik-prabayar.html'),
      'https://cekfakta.tempo.co/fakta/1752/keliru-video-kode-rahasia-untuk-menghemat-listrik-prabayar',
    );
    expect(tempo.items).toEqual([
      {
        id: 'cekfakta.tempo.co/fakta/1752/keliru-video-kode-rahasia-untuk-menghemat-listrik-prabayar',
        claim: 'Video Kode Rahasia untuk Menghemat Listrik Prabayar',
        rating: 'false',
        label: 'Keliru',
        url: 'https://cekfakta.tempo.co/fakta/1752/keliru-video-kode-rahasia-untuk-menghemat-listrik-prabayar',
        summary: expect.stringMatching(/^Video yang mengklaim/),
        language: 'id',
      },
    ]);
    const clarification = itemsOf(
      fixture('turnbackhoax/articles/35100-klarifikasi-jadwal-pencairan-bsu-juni-2026.html'),
      'https://turnbackhoax.id/articles/35100',
    );
    expect(clarification).toMatchObject({
      source: 'none',
      items: [],
      problems: [
        expect.stringContaining(
          'no ClaimReview, and no verdict at the start of its title ("[KLARIFIKASI] Jadwal Pencairan BSU Juni 2026")',
        ),
      ],
    });
  });

  it.each([
    ['[SALAH] Gunung Lawu bakal erupsi besar', 'SALAH', 'Gunung Lawu bakal erupsi besar'],
    ['(HOAKS) Foto banjir di Jakarta', 'HOAKS', 'Foto banjir di Jakarta'],
    ['[PENIPUAN] Tautan Pendaftaran Bansos', 'PENIPUAN', 'Tautan Pendaftaran Bansos'],
    ['Keliru, Video Kode Rahasia', 'Keliru', 'Video Kode Rahasia'],
    ['Sebagian Benar, Klaim Bahlil Dipecat', 'Sebagian Benar', 'Klaim Bahlil Dipecat'],
    ['TIDAK BENAR: Vaksin mengandung chip', 'TIDAK BENAR', 'Vaksin mengandung chip'],
  ])('title verdict: %s', (title, label, claim) => expect(titleVerdict(title)).toEqual({ label, claim }));

  it.each([
    'Cek Fakta: Tidak Benar Video Banjir',
    '[KLARIFIKASI] Jadwal BSU',
    'Fakta atau Mitos: Minum Air Dingin',
    '[VIDEO] Banjir Bandang',
    'Benarkah Vaksin Mengandung Chip?',
  ])('no title verdict: %s', (title) => expect(titleVerdict(title)).toBeUndefined());

  it('drops a trailing site name only when it names the site', () => {
    expect(withoutSiteName('[HOAKS] Video X - Kompas.com', 'https://www.kompas.com/a')).toBe('[HOAKS] Video X');
    expect(withoutSiteName('[HOAKS] Video X | Cek Fakta AFP', 'https://factcheck.afp.com/a', 'Cek Fakta AFP')).toBe(
      '[HOAKS] Video X',
    );
    expect(withoutSiteName('[HOAKS] Bukan A - Melainkan B', 'https://www.kompas.com/a')).toBe(
      '[HOAKS] Bukan A - Melainkan B',
    );
  });

  it('takes the canonical URL only from the page’s own site (an https one first)', () => {
    const facts = (...canonicals: string[]) => ({ ...readPage('<html></html>'), canonicals });
    expect(
      canonicalUrl(
        facts('http://cekfakta.tempo.co/a', 'https://cekfakta.tempo.co/a#top'),
        'https://cekfakta.tempo.co/a?utm_source=x',
      ),
    ).toBe('https://cekfakta.tempo.co/a');
    expect(canonicalUrl(facts('https://www.kompas.com/read/1'), 'https://kompas.com/read/1?page=2')).toBe(
      'https://www.kompas.com/read/1',
    );
    // Another site's URL as canonical would let a page take over that site's item ids.
    expect(canonicalUrl(facts('https://turnbackhoax.id/articles/1'), 'https://hoaks.example/a')).toBe(
      'https://hoaks.example/a',
    );
    expect(canonicalUrl(facts('javascript:alert(1)', '/relative/path'), 'https://hoaks.example/a')).toBe(
      'https://hoaks.example/relative/path',
    );
    // A server on this machine stands in for a real site in tests.
    expect(canonicalUrl(facts('https://turnbackhoax.id/articles/1'), 'http://127.0.0.1:8080/a')).toBe(
      'https://turnbackhoax.id/articles/1',
    );
  });

  it('hostile and broken pages are read without crashing, each problem said', () => {
    const broken = itemsOf(fixture('hostile/broken-jsonld.html'), 'https://hoaks.example/broken');
    expect(broken).toMatchObject({
      source: 'none',
      problems: [
        expect.stringMatching(/^broken JSON-LD \(block 1\): Not JSON/),
        expect.stringContaining('no ClaimReview'),
      ],
    });
    const deep = itemsOf(fixture('hostile/deep-nesting.html'), 'https://hoaks.example/deep');
    expect(deep).toMatchObject({
      source: 'title',
      items: [{ label: 'SALAH' }],
      problems: [expect.stringContaining('nested more than 64 levels deep')],
    });
    const big =
      `<html><head><title>x</title><script type="application/ld+json">{"a":"${'b'.repeat(MAX_JSON_LD_CHARS)}"}</script>` +
      '<script type="application/ld+json">{"@type":"ClaimReview","claimReviewed":"Klaim","reviewRating":{"alternateName":"Hoaks"}}</script></head></html>';
    const found = itemsOf(big, 'https://hoaks.example/big');
    expect(found.items).toMatchObject([{ claim: 'Klaim', rating: 'false', url: 'https://hoaks.example/big' }]);
    expect(found.problems[0]).toMatch(/^a JSON-LD block of 1\.0 million characters/);
    const unknown = itemsOf(
      '<title>Berita</title><script type="application/ld+json">{"@type":"ClaimReview","claimReviewed":"K","reviewRating":{"alternateName":"Perlu dicek"}}</script>',
      'https://hoaks.example/u',
    );
    expect(unknown).toMatchObject({
      source: 'none',
      problems: [
        expect.stringContaining('"Perlu dicek" is not one Saring knows'),
        'its ClaimReviews give no verdict Saring knows, nor does its title',
      ],
    });
    // An SVG's <title> is not the page's; script text is not decoded as HTML.
    const facts = readPage(
      '<svg><title>ikon</title></svg><title>[SALAH] A &amp; B</title><script type="application/ld+json">{"x":"&amp;"}</script>',
    );
    expect(facts).toMatchObject({ title: '[SALAH] A & B', jsonLd: ['{"x":"&amp;"}'] });
  });

  it('JSON-LD as pages write it: comment or CDATA wrappers, raw line breaks in strings', () => {
    expect(parseJsonLd('<!--\n{"a": "b"}\n-->')).toEqual({ a: 'b' });
    expect(parseJsonLd('//<![CDATA[\n{"a": 1}\n//]]>')).toEqual({ a: 1 });
    expect(parseJsonLd('{"claimReviewed": "baris satu\nbaris dua"}')).toEqual({
      claimReviewed: 'baris satu baris dua',
    });
  });

  it('a ClaimReview without claimReviewed takes the claim from the title', () => {
    const html =
      '<title>[HOAKS] Foto Banjir Bandang di Bogor</title><script type="application/ld+json">{"@type":"ClaimReview","reviewRating":{"alternateName":"Hoaks"}}</script>';
    expect(itemsOf(html, 'https://hoaks.example/x').items).toMatchObject([
      { claim: 'Foto Banjir Bandang di Bogor', label: 'Hoaks' },
    ]);
  });
});

describe('SOURCES.json and links', () => {
  it('checks every field and says where', () => {
    const good = {
      list: { id: 'cek-fakta', name: 'Cek Fakta', publisher: { name: 'X', url: 'https://x.example' } },
      sources: [{ type: 'feed', url: 'https://x.example/feed' }],
    };
    expect(parseSources(JSON.stringify(good)).sources).toHaveLength(1);
    const bad = {
      list: { id: 'Cek Fakta', name: 'Cek', publisher: { name: 'X' } },
      sources: [{ type: 'rss', url: 'http://x.example/feed' }],
      since: 'kemarin',
    };
    expect(() => parseSources(JSON.stringify(bad))).toThrow(SourcesError);
    let message = '';
    try {
      parseSources(JSON.stringify(bad));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('list.id: must be 2–64 of a-z, 0-9 and -');
    expect(message).toContain('list.publisher.url');
    expect(message).toContain('sources[0].type');
    expect(message).toContain('sources[0].url: a plain http link');
    expect(message).toContain('since: must be a date as YYYY-MM-DD');
    expect(() => parseSources('not json')).toThrow(/Not JSON/);
  });

  it.each([
    ['https://x.example/a', 'x.example', null],
    ['http://127.0.0.1:8080/a', '127.0.0.1:8080', null],
    ['http://localhost:3000/a', 'localhost:3000', null],
    ['javascript:alert(1)', 'x.example', 'not an http(s) link (javascript:): not fetched'],
    ['http://x.example/a', 'x.example', 'a plain http link: only https is fetched (http only on localhost)'],
    ['https://user:pw@x.example/a', 'x.example', 'a link with a user name or password: not fetched'],
    [
      'https://www.x.example/a',
      'x.example',
      'on another host (www.x.example): only x.example is harvested for this source',
    ],
    [
      'http://127.0.0.1:9999/a',
      '127.0.0.1:8080',
      'on another host (127.0.0.1:9999): only 127.0.0.1:8080 is harvested for this source',
    ],
  ])('link %s for %s', (url, host, refusal) => expect(linkRefusal(new URL(url), host)).toBe(refusal));
});

describe('harvest state', () => {
  it('writes the same bytes for the same state, whatever the order it was built in', () => {
    const a = emptyState('cek-fakta');
    a.articles['https://x.example/b'] = { items: ['b'], etag: '"1"', date: '2026-06-01' };
    a.articles['https://x.example/a'] = { items: [] };
    const b = emptyState('cek-fakta');
    b.articles['https://x.example/a'] = { items: [] };
    b.articles['https://x.example/b'] = { date: '2026-06-01', etag: '"1"', items: ['b'] };
    expect(serializeState(a)).toBe(serializeState(b));
    const parsed = parseState(serializeState(a));
    expect('state' in parsed && parsed.state).toEqual(a);
    expect(parseState('{"saringHarvest": 2}')).toMatchObject({ problem: expect.stringContaining('saringHarvest') });
    expect(parseState('[')).toEqual({ problem: 'not JSON' });
  });
});

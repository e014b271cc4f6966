import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { factCheckToItem, readJsonLinesGz, SHARED_DATA, type FactCheckRecord } from '../../lib/cli/build-starter-list';
import { parseCsv } from '../../lib/lists/csv';
import { parseFactCheckDate } from '../../lib/lists/dates';
import { listToCsv, serializeList } from '../../lib/lists/export';
import { importList } from '../../lib/lists/import';
import type { ListItem } from '../../lib/lists/schema';
import { ListFormatError } from '../../lib/lists/validate';
import { ratingFromScale, ratingFromVerdict } from '../../lib/lists/verdicts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/lists/${name}`, import.meta.url), 'utf8');
const importFixture = (name: string) => importList(fixture(name), { fileName: name, id: 'imported' });

describe('verdict lexicon', () => {
  it.each([
    ['SALAH', 'false'],
    ['HOAKS', 'false'],
    ['Hoax', 'false'],
    ['KELIRU', 'false'],
    ['DISINFORMASI', 'false'],
    ['MENYESATKAN', 'misleading'],
    ['PENIPUAN', 'scam'],
    ['SATIRE', 'satire'],
    ['PARODI', 'satire'],
    ['BENAR', 'true'],
    ['FAKTA', 'true'],
    ['Pants on Fire', 'false'],
    ['False', 'false'],
    ['Mixture', 'mixed'],
    ['TIDAK BENAR', 'false'],
    ['SEBAGIAN BENAR', 'mixed'],
    ['Half True', 'mixed'],
    ['Missing context', 'missing-context'],
  ])('%s → %s', (verdict, rating) => expect(ratingFromVerdict(verdict)).toBe(rating));

  it('knows nothing of unknown words, and reads a numeric scale', () => {
    expect(ratingFromVerdict('Tidak jelas')).toBeUndefined();
    expect(ratingFromScale(1, 1, 5)).toBe('false');
    expect(ratingFromScale('3', '1', '5')).toBe('mixed');
    expect(ratingFromScale(5)).toBe('true');
    expect(ratingFromScale(9, 1, 5)).toBeUndefined();
    expect(ratingFromScale(undefined)).toBeUndefined();
  });
});

describe('dates as spreadsheets write them', () => {
  it.each([
    ['24/06/2026', '2026-06-24'],
    ['2026-06-24', '2026-06-24'],
    ['2026-06-24T08:00:00+07:00', '2026-06-24'],
    ['24.06.2026', '2026-06-24'],
    ['7-Apr-18', '2018-04-07'],
    ['06 Agu 2018', '2018-08-06'],
    ['46197', '2026-06-24'],
    [' 24/6/2026 ', '2026-06-24'],
    ['31/02/2026', undefined],
    ['soon', undefined],
    ['12345', undefined],
  ])('%s → %s', (raw, iso) => expect(parseFactCheckDate(raw)).toBe(iso));
});

describe('schema.org ClaimReview', () => {
  it('reads a DataFeed of DataFeedItems with Indonesian verdicts, appearances and the author as publisher', () => {
    const { list, format, skipped } = importFixture('claimreview-datafeed.jsonld');
    expect(format).toBe('claimreview');
    expect(list.publisher).toEqual({ name: 'Cek Fakta Contoh', url: 'https://cekfakta.example.id' });
    expect(list.items.map((item) => [item.rating, item.label])).toEqual([
      ['false', 'SALAH'],
      ['false', 'HOAKS'],
      ['misleading', 'MENYESATKAN'],
      ['scam', 'PENIPUAN'],
      ['satire', 'SATIRE'],
    ]);
    expect(list.items[0]).toEqual({
      id: 'cekfakta.example.id/artikel/1-salah-klaim',
      claim: 'Gunung Lawu bakal erupsi besar pekan ini',
      rating: 'false',
      label: 'SALAH',
      url: 'https://cekfakta.example.id/artikel/1-salah-klaim',
      published: '2026-06-21',
      appearances: ['https://www.facebook.com/posts/1', 'https://x.com/anon/status/1'],
      language: 'id',
    });
    expect(skipped).toContainEqual({ where: 'ClaimReview[0].appearances[1]', what: 'not an https link: left out' });
    expect(skipped).toContainEqual({
      where: 'ClaimReview[5].reviewRating',
      what: 'verdict "Tidak jelas" is not one Saring knows, and there is no ratingValue on a scale',
    });
  });

  it('reads an @graph: typed arrays, prefixed types, a numeric scale, @id as the url, the language object', () => {
    const { list, skipped } = importFixture('claimreview-graph.jsonld');
    expect(skipped).toEqual([]);
    expect(list.publisher).toEqual({ name: 'Example Fact Check' });
    expect(list.items.map(({ id, rating, language }) => ({ id, rating, language }))).toEqual([
      { id: 'factcheck.example.org/p/1', rating: 'false', language: 'en' },
      { id: 'factcheck.example.org/p/2', rating: 'mixed', language: undefined },
      { id: 'factcheck.example.org/p/3', rating: 'mixed', language: undefined },
    ]);
  });

  it('reads a single object and an array', () => {
    expect(importFixture('claimreview-single.json').list).toMatchObject({
      publisher: { name: 'TurnBackHoax' },
      items: [{ rating: 'false', label: 'KELIRU' }],
    });
    expect(importFixture('claimreview-array.json').list.items.map((item) => item.rating)).toEqual(['false', 'true']);
  });
});

describe('Google Fact Check Tools API', () => {
  it("reads claims:search: the claim text, the first review's rating, url, date and language", () => {
    const { list, format, skipped } = importFixture('factcheck-api.json');
    expect(format).toBe('factcheck-api');
    expect(list.publisher).toEqual({ name: 'Example Checker' });
    expect(list.items).toEqual([
      {
        id: 'example.org/fact-check/5g',
        claim: '5G towers spread the virus',
        rating: 'false',
        label: 'False',
        url: 'https://example.org/fact-check/5g',
        published: '2026-04-03',
        language: 'en',
      },
      {
        id: 'kompas.com/cekfakta/read/2026/04/05/bawang',
        claim: 'Bawang putih di ketiak menyembuhkan demam',
        rating: 'false',
        label: 'Hoaks',
        url: 'https://www.kompas.com/cekfakta/read/2026/04/05/bawang',
        published: '2026-04-05',
        language: 'id',
      },
    ]);
    expect(list.languages).toEqual(['en', 'id']);
    expect(skipped).toEqual([
      {
        where: 'claims[2].claimReview[0].textualRating',
        what: 'verdict "Four Pinocchios? Maybe" is not one Saring knows',
      },
      { where: 'claims[3].claimReview', what: 'is required' },
    ]);
  });
});

describe('CSV', () => {
  it('parses quotes, doubled quotes, newlines in quotes, CRLF, BOM and the delimiter', () => {
    expect(parseCsv('\uFEFFa;b\r\n"x;1" ; "say ""hi""\nthere"\r\n\r\nlast;\n')).toEqual({
      rows: [
        ['a', 'b'],
        ['x;1', 'say "hi"\nthere'],
        ['last', ''],
      ],
      lines: [1, 2, 5],
      delimiter: ';',
    });
    expect(parseCsv('a,b\n1,2').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(() => parseCsv('a,b\n"never closed,2\n')).toThrow(/line 2: a quoted field is never closed/);
  });

  it('reads a semicolon spreadsheet with BOM, Indonesian headers, spaces, verdict words and Excel dates', () => {
    const { list, skipped } = importFixture('csv-semicolon-bom.csv');
    expect(list.items).toEqual([
      {
        id: 'tbh-1',
        claim: 'Gunung Lawu bakal erupsi; kata "ahli"',
        rating: 'false',
        label: 'SALAH',
        url: 'https://turnbackhoax.id/articles/1',
        published: '2026-06-24',
        keywords: ['lawu', 'erupsi'],
      },
      {
        id: 'tbh-2',
        claim: 'Vaksin mengandung chip',
        rating: 'false',
        label: 'HOAKS',
        url: 'https://turnbackhoax.id/articles/2',
        published: '2026-06-24',
      },
      {
        id: 'turnbackhoax.id/articles/3',
        claim: 'Tanpa id, dari tautan',
        rating: 'scam',
        label: 'PENIPUAN',
        url: 'https://turnbackhoax.id/articles/3',
        published: '2026-06-24',
      },
    ]);
    expect(skipped).toEqual([
      { where: 'line 5, published', what: 'not a date: "31/02/2026"' },
      {
        where: 'line 6, rating',
        what: '"sangat buruk" is not a rating (false, misleading, missing-context, altered, satire, scam, unproven, mixed, true) or a verdict Saring knows',
      },
    ]);
  });

  it('keeps newlines inside quoted text, reads "Misleading" as a rating, refuses a javascript: link', () => {
    const { list, skipped } = importFixture('csv-quoted.csv');
    expect(list.items[0]).toMatchObject({
      claim: 'Pesan berantai:\n"Minum air garam\nmenyembuhkan"',
      text: 'Teks beredar\nbaris dua',
      summary: 'Ringkasan, dengan koma',
      keywords: ['air', 'garam'],
    });
    expect(list.items[1]).toMatchObject({
      id: 'csv-2',
      claim: 'Klaim dengan spasi',
      rating: 'misleading',
      published: '2018-04-07',
      language: 'id',
    });
    expect(skipped).toEqual([{ where: 'line 7, url', what: 'must be https' }]);
  });

  it('refuses a CSV without a claim column', () => {
    expect(() => importList('nama,umur\nBudi,7\n', { id: 'x' })).toThrow(
      /needs a "claim" column \(found: "nama", "umur"\)/,
    );
  });
});

describe('importList', () => {
  it('needs an id for sources other than a Saring list, from the options or the file name', () => {
    expect(() => importList(fixture('factcheck-api.json'))).toThrow(ListFormatError);
    expect(importList(fixture('factcheck-api.json'), { fileName: 'Cek Fakta 2026.json' }).list).toMatchObject({
      id: 'cek-fakta-2026',
      version: 1,
    });
  });

  it("overrides a native list's id and name when asked (importing as a local list)", () => {
    const { list, format } = importList(fixture('bom.json'), { id: 'local-copy', name: 'Copy' });
    expect(format).toBe('saring');
    expect(list).toMatchObject({ id: 'local-copy', name: 'Copy', version: 5 });
  });
});

describe('export', () => {
  it('writes a native file in a stable order that imports back the same', () => {
    const { list } = importFixture('claimreview-datafeed.jsonld');
    const shuffled = {
      ...list,
      items: list.items.map((item) => Object.fromEntries(Object.entries(item).reverse()) as ListItem),
    };
    const text = serializeList(shuffled);
    expect(text).toBe(serializeList(list));
    expect(text.startsWith('{\n  "saringList": 1,\n  "id": "imported",')).toBe(true);
    expect(importList(text).list).toEqual(list);
  });
});

const FACTCHECKS = resolve(SHARED_DATA, 'id/factchecks.jsonl.gz');

describe.skipIf(!existsSync(FACTCHECKS))('round trip of the shared fact-checks', () => {
  it('builds a list from every fact-check, converts it to CSV and reads back the same items', () => {
    const items = readJsonLinesGz<FactCheckRecord>(FACTCHECKS).flatMap((record) => {
      const item = factCheckToItem(record, { textLength: 4_000 });
      return item ? [item] : [];
    });
    const { list } = importList(serializeList({ saringList: 1, id: 'tbh', name: 'TurnBackHoax', version: 1, items }));
    expect(list.items.length).toBeGreaterThan(14_000);
    const back = importList(listToCsv(list), { id: 'tbh', name: 'TurnBackHoax' });
    expect(back.skipped).toEqual([]);
    expect(back.list.items).toEqual(list.items);
  }, 60_000);
});

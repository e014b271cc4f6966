import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importList } from '../../lib/lists/import';
import { checkJsonText, parseCheckedJsonText, parseJsonText } from '../../lib/lists/json-text';
import { LIST_FILE_LIMITS } from '../../lib/lists/schema';
import { verifyListSignature } from '../../lib/lists/signature';
import { ListFormatError } from '../../lib/lists/validate';
import { checkVersion } from '../../lib/lists/version';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/lists/${name}`, import.meta.url), 'utf8');
const importFixture = (name: string) => importList(fixture(name), { fileName: name });

/** The error importList throws, asserting it is a ListFormatError (never a RangeError, SyntaxError …). */
function refusal(run: () => unknown): ListFormatError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ListFormatError);
    return error as ListFormatError;
  }
  throw new Error('expected the list to be refused');
}

const header = { saringList: 1, id: 'big', name: 'Big', version: 1 };

describe('hostile list files', () => {
  it('refuses text that is not JSON, or is cut short, saying so', () => {
    expect(refusal(() => importFixture('not-json.json')).message).toMatch(/^Not JSON: /);
    expect(refusal(() => importFixture('truncated.json')).message).toMatch(/^Not JSON: /);
  });

  it('refuses an array, {} and a header with wrong or missing fields', () => {
    expect(refusal(() => importFixture('array.json')).message).toMatch(/^Not a list: an array/);
    expect(refusal(() => importFixture('empty-object.json')).message).toMatch(
      /^Not a list: a JSON object without "saringList"/,
    );
    expect(refusal(() => importFixture('wrong-header-types.json')).problems).toEqual([
      { where: 'version', what: 'must be a number' },
    ]);
    expect(refusal(() => importFixture('missing-header.json')).problems).toEqual([
      { where: 'id', what: 'is required' },
      { where: 'name', what: 'is required' },
      { where: 'version', what: 'is required' },
    ]);
  });

  it('skips items of the wrong types, each reported with its index and field', () => {
    const { list, skipped } = importFixture('wrong-types.json');
    expect(list.items.map((item) => item.id)).toEqual(['ok-1']);
    expect(skipped).toEqual([
      { where: 'items[1].id', what: 'must be a string' },
      { where: 'items[2].claim', what: 'must be a string' },
      { where: 'items[3].keywords', what: 'must be an array' },
      { where: 'items[4]', what: 'must be an object' },
      { where: 'items[5]', what: 'must be an object' },
    ]);
  });

  it('skips items missing required fields', () => {
    const { list, skipped } = importFixture('missing-fields.json');
    expect(list.items).toHaveLength(1);
    expect(skipped).toEqual([
      { where: 'items[1].claim', what: 'is required' },
      { where: 'items[2].rating', what: 'is required' },
      { where: 'items[3].id', what: 'is required' },
    ]);
  });

  it('keeps the first of duplicate ids and reports the others', () => {
    const { list, skipped } = importFixture('duplicate-ids.json');
    expect(list.items.map((item) => item.claim)).toEqual(['Gunung Lawu bakal erupsi besar', 'Another']);
    expect(skipped).toEqual([{ where: 'items[1].id', what: 'duplicate id "ok-1" (first at items[0])' }]);
  });

  it('skips javascript:, data: and http: links, in items and appearances, and bad domains', () => {
    const { list, skipped } = importFixture('bad-links.json');
    expect(list.items.map((item) => item.id)).toEqual(['ok-1']);
    expect(list.domains).toEqual([{ domain: 'hoaks.example', rating: 'unreliable' }]);
    expect(skipped).toEqual([
      { where: 'items[1].url', what: 'must be https' },
      { where: 'items[2].url', what: 'must be https' },
      { where: 'items[3].url', what: 'must be https' },
      { where: 'items[4].appearances[1]', what: 'must be https' },
      { where: 'domains[1].domain', what: 'must be at least 3 characters' },
    ]);
  });

  it('refuses nothing for a BOM, and accepts unknown fields without keeping them', () => {
    expect(importFixture('bom.json').list.items).toHaveLength(1);
    const { list, skipped } = importFixture('unknown-fields.json');
    expect(skipped).toEqual([]);
    expect(list.items).toEqual([
      {
        id: 'ok-1',
        claim: 'Gunung Lawu bakal erupsi besar',
        rating: 'false',
        url: 'https://turnbackhoax.id/articles/1',
      },
    ]);
    expect(list).not.toHaveProperty('futureField');
  });

  it('accepts markup as plain text, unchanged (it is rendered as text)', () => {
    const { list, skipped } = importFixture('xss.json');
    expect(skipped).toEqual([]);
    expect(list.name).toBe("<script>alert('list')</script>");
    expect(list.items[0]).toMatchObject({ claim: '<img src=x onerror=alert(1)>', label: '"><svg onload=alert(1)>' });
  });

  it('skips an item with 10 MB in one string, without quoting it back', () => {
    const huge = 'A'.repeat(10 * 1024 * 1024);
    const { list, skipped } = importList(
      JSON.stringify({
        ...header,
        items: [
          { id: 'huge', claim: huge, rating: 'false' },
          { id: 'ok', claim: 'fine', rating: 'false' },
        ],
      }),
    );
    expect(list.items.map((item) => item.id)).toEqual(['ok']);
    expect(skipped).toEqual([{ where: 'items[0].claim', what: 'must be at most 1,000 characters' }]);
  });

  it('refuses 100,000-deep nesting with a clear error, in an item or as the whole file', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const inItem = `{"saringList":1,"id":"deep","name":"Deep","version":1,"items":[{"id":"d","claim":${deep},"rating":"false"}]}`;
    expect(refusal(() => importList(inItem)).message).toBe('Not a list: JSON nested more than 64 levels deep');
    expect(refusal(() => importList(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`)).message).toMatch(
      /nested more than 64/,
    );
    // Brackets inside strings are text, not nesting.
    expect(() => parseJsonText(JSON.stringify({ text: '['.repeat(1000) }))).not.toThrow();
  });

  it('checks and parses in two steps as the sync does, the byte count given by the download', () => {
    expect(refusal(() => checkJsonText('{}', LIST_FILE_LIMITS.maxBytes + 1)).message).toMatch(
      /lists are limited to 50 MB/,
    );
    expect(refusal(() => checkJsonText(`${'['.repeat(100)}${']'.repeat(100)}`, 200)).message).toMatch(
      /nested more than 64/,
    );
    expect(refusal(() => parseCheckedJsonText('{"items": [')).message).toMatch(/^Not JSON/);
    expect(parseCheckedJsonText('\ufeff{"a":1}')).toEqual({ a: 1 });
  });

  it(`refuses more than ${LIST_FILE_LIMITS.maxItems.toLocaleString('en-US')} items, saying so`, () => {
    const items = Array.from({ length: LIST_FILE_LIMITS.maxItems + 1 }, (_, i) => ({
      id: `${i}`,
      claim: 'c',
      rating: 'false',
    }));
    expect(refusal(() => importList(JSON.stringify({ ...header, items }))).message).toBe(
      'The list has 200,001 items: lists are limited to 200,000 items',
    );
  });

  it('refuses a file over 50 MB, saying so', () => {
    const padded = `{"saringList":1,"id":"big","name":"${'x'.repeat(LIST_FILE_LIMITS.maxBytes)}","version":1,"items":[]}`;
    expect(refusal(() => importList(padded)).message).toMatch(/^The list is 50\.0 MB: lists are limited to 50 MB$/);
  });

  it('refuses an older or equal version than the stored one', () => {
    const older = importFixture('older-version.json').list.version;
    expect(checkVersion(5, older)).toEqual({
      reason: 'older',
      message: 'Version 4 is older than the stored version 5: refused (versions must increase with each publish)',
    });
    expect(checkVersion(5, 5)).toMatchObject({ reason: 'same' });
    expect(checkVersion(5, 6)).toBeNull();
    expect(checkVersion(undefined, 0)).toBeNull();
  });

  it("fails a signature that is not the publisher's", async () => {
    const publicKey = fixture('../publish-example/saring-example.key.pub').trim();
    const bytes = new Uint8Array(readFileSync(new URL('../fixtures/lists/bad-signature.json', import.meta.url)));
    expect(await verifyListSignature(bytes, fixture('bad-signature.json.sig'), publicKey)).toBe(false);
  });
});

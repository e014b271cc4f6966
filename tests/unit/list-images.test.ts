import { describe, expect, it } from 'vitest';
import { validateList } from '../../lib/lists/validate';

const HASH = 'd8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22';
const list = (items: unknown[]) => ({ saringList: 1, id: 'pictures', name: 'Pictures', version: 1, items });
const item = (id: string, images?: unknown) => ({
  id,
  claim: 'Poster palsu',
  rating: 'false',
  ...(images === undefined ? {} : { images }),
});

describe('image hashes in list items', () => {
  it('keeps items with well-formed PDQ hashes, and items without any', () => {
    const { items, problems } = validateList(
      list([
        item('a', [
          { pdq: HASH, quality: 100 },
          { pdq: '0'.repeat(64), quality: 0 },
        ]),
        item('b'),
      ]),
    );
    expect(problems).toEqual([]);
    expect(items[0]!.images).toEqual([
      { pdq: HASH, quality: 100 },
      { pdq: '0'.repeat(64), quality: 0 },
    ]);
    expect(items[1]!.images).toBeUndefined();
  });

  it('skips an item with a malformed hash, naming the item by index and id with the reason', () => {
    const cases: [unknown, string, string][] = [
      [
        [{ pdq: HASH.toUpperCase(), quality: 90 }],
        'items[0].images[0].pdq',
        'must be a PDQ hash: 64 lowercase hex characters (item "x")',
      ],
      [
        [{ pdq: HASH.slice(1), quality: 90 }],
        'items[0].images[0].pdq',
        'must be a PDQ hash: 64 lowercase hex characters (item "x")',
      ],
      [
        [{ pdq: `${HASH.slice(1)}g`, quality: 90 }],
        'items[0].images[0].pdq',
        'must be a PDQ hash: 64 lowercase hex characters (item "x")',
      ],
      [[{ pdq: HASH, quality: 101 }], 'items[0].images[0].quality', 'must be at most 100 (item "x")'],
      [[{ pdq: HASH, quality: 50.5 }], 'items[0].images[0].quality', 'must be a whole number (item "x")'],
      [[{ pdq: HASH }], 'items[0].images[0].quality', 'is required (item "x")'],
      [[HASH], 'items[0].images[0]', 'must be an object (item "x")'],
      [{ pdq: HASH, quality: 1 }, 'items[0].images', 'must be an array (item "x")'],
      [
        Array.from({ length: 101 }, () => ({ pdq: HASH, quality: 1 })),
        'items[0].images',
        'must have at most 100 entries (item "x")',
      ],
    ];
    for (const [images, where, what] of cases) {
      const { items, problems } = validateList(list([item('x', images), item('y')]));
      expect(items.map((kept) => kept.id)).toEqual(['y']);
      expect(problems).toEqual([{ where, what }]);
    }
  });

  it('leaves the messages of other fields as they were', () => {
    const { problems } = validateList(list([{ ...item('x'), url: 'http://example.com' }]));
    expect(problems).toEqual([{ where: 'items[0].url', what: 'must be https' }]);
  });
});

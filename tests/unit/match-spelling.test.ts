import { describe, expect, it } from 'vitest';
import type { ListItem } from '../../lib/lists/schema';
import { buildIndex } from '../../lib/match/built-index';
import { correctWord } from '../../lib/match/spelling';

/** Items whose words are the corrections: "pemadaman" (as its stem "padam") twice, "padat" once. */
const claims = [
  'Pemadaman listrik total di Jawa',
  'Pemadaman bergilir sepekan',
  'Jalan padat menjelang lebaran',
  'Vaksin mengandung microchip pelacak',
  'Banjir bandang melanda kota',
];
const items: ListItem[] = claims.map((claim, at) => ({ id: `item-${at}`, claim, rating: 'false' }));
const index = buildIndex([{ listId: 'test', items }]);
const wordOf = (id: number | undefined) =>
  id === undefined ? undefined : [...index.vocabulary].find(([, known]) => known === id)?.[0];

describe('correctWord', () => {
  it('finds the known word one delete, insert, replace or swap away', () => {
    expect(wordOf(correctWord('microchipp', index))).toBe('microchip'); // a letter too many
    expect(wordOf(correctWord('micrchip', index))).toBe('microchip'); // a letter missing
    expect(wordOf(correctWord('microcxip', index))).toBe('microchip'); // a letter other
    expect(wordOf(correctWord('micorchip', index))).toBe('microchip'); // two letters swapped
    expect(wordOf(correctWord('bandangx', index))).toBe('bandang');
  });

  it('prefers the most frequent of the known words one edit away', () => {
    // "padan" is one edit from "padam" (in two items) and from "padat" (in one).
    expect(wordOf(correctWord('padan', index))).toBe('padam');
  });

  it('finds nothing two edits away, nor for a word unlike any known one', () => {
    expect(correctWord('mikrocip', index)).toBeUndefined();
    expect(correctWord('selamat', index)).toBeUndefined();
  });
});

/**
 * Reworded copies for the benchmark corpus: pure code (no Node APIs), so the
 * same expansion runs in Node and in the extension's service worker.
 */
import type { ListItem } from '../../lib/lists/schema';

/** A small seeded PRNG (mulberry32): the corpus must not change between runs. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function interleave<T>(a: readonly T[], b: readonly T[]): T[] {
  const mixed: T[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) mixed.push(a[i]!);
    if (i < b.length) mixed.push(b[i]!);
  }
  return mixed;
}

function reworded(item: ListItem, donor: ListItem, copy: number, random: () => number): ListItem {
  const words = item.claim.split(/\s+/);
  words.splice(Math.floor(random() * words.length), 1);
  const donorWords = donor.claim.split(/\s+/);
  const start = Math.floor(random() * Math.max(1, donorWords.length - 2));
  const claim = [...words, ...donorWords.slice(start, start + 2)].join(' ') || item.claim;
  return { ...item, id: `${item.id}~${copy}`, claim };
}

/** `size` items: the base items first, then reworded copies of them. */
export function benchCorpus(base: readonly ListItem[], size: number): ListItem[] {
  const items = base.slice(0, size);
  const random = seeded(size);
  for (let copy = 1; items.length < size; copy++) {
    for (let at = 0; at < base.length && items.length < size; at++) {
      const donor = base[Math.floor(random() * base.length)]!;
      items.push(reworded(base[at]!, donor, copy, random));
    }
  }
  return items;
}

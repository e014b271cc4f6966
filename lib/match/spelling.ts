import type { BuiltIndex } from './built-index';

/**
 * One-edit spelling correction over an index's vocabulary: a post's unknown word becomes the most
 * frequent known word one delete, swap of neighbours, replace or insert away. Of the ~50 × length
 * variants of a word almost none is a known word; a hash of each variant, computed from the
 * word's prefix and suffix hashes without building the variant, is checked against a bit table
 * of the vocabulary's hashes first, and only the few variants that pass are built and looked up.
 */

/** Shorter words are not corrected (a one-letter change to a short word makes another word). */
export const MIN_CORRECTED_LENGTH = 5;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';
const FIRST_LETTER = 97;
/** Bits in the vocabulary's hash table: ~50k words at 100k items fill under 3% of 2^21. */
const TABLE_BITS = 21;
const HASH_BASE = 0x01000193;

/** Polynomial hash of a string's char codes, modulo 2^32. */
function hashOf(text: string): number {
  let hash = 0;
  for (let at = 0; at < text.length; at++) hash = (Math.imul(hash, HASH_BASE) + text.charCodeAt(at)) | 0;
  return hash;
}

const hashTableOfIndex = new WeakMap<BuiltIndex, Uint32Array>();

/** A bit per hash bucket that holds a vocabulary word. */
function hashTable(index: BuiltIndex): Uint32Array {
  let table = hashTableOfIndex.get(index);
  if (table) return table;
  table = new Uint32Array(1 << (TABLE_BITS - 5));
  for (const word of index.vocabulary.keys()) {
    const bucket = hashOf(word) >>> (32 - TABLE_BITS);
    table[bucket >>> 5]! |= 1 << (bucket & 31);
  }
  hashTableOfIndex.set(index, table);
  return table;
}

/** The most frequent known word one edit (delete, swap, replace, insert) away, if any. */
export function correctWord(word: string, index: BuiltIndex): number | undefined {
  const table = hashTable(index);
  const length = word.length;
  // prefix[i]: hash of word[0, i); suffix[i]: hash of word[i, length); power[k]: HASH_BASE^k.
  const prefix = new Int32Array(length + 1);
  const suffix = new Int32Array(length + 2);
  const power = new Int32Array(length + 2);
  power[0] = 1;
  for (let k = 1; k <= length + 1; k++) power[k] = Math.imul(power[k - 1]!, HASH_BASE);
  for (let i = 0; i < length; i++) prefix[i + 1] = (Math.imul(prefix[i]!, HASH_BASE) + word.charCodeAt(i)) | 0;
  for (let i = length - 1; i >= 0; i--)
    suffix[i] = (Math.imul(word.charCodeAt(i), power[length - 1 - i]!) + suffix[i + 1]!) | 0;
  /** Hash of head + middle + word[from, length), where middle has `middleLength` letters. */
  const joined = (head: number, middle: number, middleLength: number, from: number) =>
    (Math.imul(Math.imul(head, power[middleLength]!) + middle, power[length - from]!) + suffix[from]!) | 0;
  const mayBeKnown = (hash: number) => {
    const bucket = hash >>> (32 - TABLE_BITS);
    return (table[bucket >>> 5]! & (1 << (bucket & 31))) !== 0;
  };

  let best: number | undefined;
  let bestDf = 0;
  const consider = (candidate: string) => {
    const id = index.vocabulary.get(candidate);
    if (id === undefined || index.common[id]) return;
    // Ids a later patch of the index brought are beyond its arrays: unknown here.
    const df = index.frequencies.anywhere[id] ?? 0;
    if (df > bestDf) {
      best = id;
      bestDf = df;
    }
  };
  // The variants in a fixed order (the first of equally frequent words wins).
  for (let i = 0; i <= length; i++) {
    const head = prefix[i]!;
    if (i < length) {
      if (mayBeKnown(joined(head, 0, 0, i + 1))) consider(word.slice(0, i) + word.slice(i + 1));
      if (i + 1 < length) {
        const swapped = (Math.imul(word.charCodeAt(i + 1), HASH_BASE) + word.charCodeAt(i)) | 0;
        if (mayBeKnown(joined(head, swapped, 2, i + 2))) {
          consider(word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2));
        }
      }
    }
    for (let letter = 0; letter < 26; letter++) {
      const code = FIRST_LETTER + letter;
      if (mayBeKnown(joined(head, code, 1, i))) consider(word.slice(0, i) + ALPHABET[letter] + word.slice(i));
      if (i < length && code !== word.charCodeAt(i) && mayBeKnown(joined(head, code, 1, i + 1))) {
        consider(word.slice(0, i) + ALPHABET[letter] + word.slice(i + 1));
      }
    }
  }
  return best;
}

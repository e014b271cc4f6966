import { hostOf, normalizeUrl } from '../core/url';
import type { DomainEntry, ListItem } from '../lists/schema';
import { languageOf, type Language } from './english';
import { withRoomCopy } from './growable';
import { cleanWords, wordTokens } from './normalize';
import type { IndexedList } from './types';

/**
 * The matcher's index as flat typed arrays. The core (vocabulary, postings,
 * claim sequences) is built from the items; the rest (weights, per-doc token
 * sets) is derived from the core. persist.ts stores both, so a waking worker
 * only reads arrays.
 *
 * Docs are slots that keep their number until the next full build: a patch (patch-index.ts)
 * leaves a removed or replaced item's slot in place, emptied of meaning (no place, no weight;
 * its postings stay and are skipped), and gives new items new slots at the end. So a patch
 * touches only the postings and rows of the items it brings; where each doc stands in the
 * lists (its place) is a table beside them. The per-doc rows a patch appends to keep room to grow
 * in place (growable.ts), and new docs' postings are kept apart from the others (latePostings).
 */

/** Variable-length rows of ids in one array: row r is values[offsets[r] .. offsets[r + 1]). */
export interface Rows {
  offsets: Uint32Array;
  values: Uint32Array;
}

export function rowOf(rows: Rows, r: number): Uint32Array {
  return rows.values.subarray(rows.offsets[r], rows.offsets[r + 1]);
}

/** Rows copied with room for patches after their offsets and values (growable.ts). */
function rowsWithRoom(rows: Rows): Rows {
  return { offsets: withRoomCopy(rows.offsets), values: withRoomCopy(rows.values) };
}

/** Which fields of an item a token occurs in (bits of a posting). */
export const FIELD_CLAIM = 1;
export const FIELD_TEXT = 2;
/** Token ids stay below this (a vocabulary of 2^29 words is far beyond any list), so field bits fit above. */
export const FIELD_SHIFT = 2 ** 29;

export interface DomainSource {
  listId: string;
  entry: DomainEntry;
}

/** One indexed list: its items are the next `items` places, in the list's order. */
export interface ListSpan {
  listId: string;
  items: number;
  /** FNV-1a over the item ids: a cheap check that lists given at load are the ones indexed. */
  idsHash: number;
}

/** The place of a doc whose item a patch removed or replaced. */
export const NO_PLACE = 0xffffffff;

export interface IndexCore {
  /** What the index holds: place n is the n-th item of the lists, taken in order. */
  lists: ListSpan[];
  /** Doc slots, those of removed items included. */
  docCount: number;
  /** Items indexed (places): the lists' items together. */
  itemCount: number;
  /** Per doc, its place, or NO_PLACE (a removed or replaced item); per place, its doc. A full build's are the identity. */
  placeOfDoc: Uint32Array;
  docOfPlace: Uint32Array;
  /** The docs' claims, for the link-title check; the items themselves stay outside the index. */
  claims: Claims;
  vocabulary: Map<string, number>;
  /** Per token, the docs holding it (ascending); postingFields says in which fields. */
  postings: Rows;
  postingFields: Uint8Array;
  /**
   * The same for the docs patches brought since the index was built or loaded, whose slots are
   * all above those in `postings` (so a token's docs are its row there, then its row here). Kept
   * apart because appending to `postings` would move every row after a token gaining a doc;
   * persisting merges the two. Tokens beyond either's rows have none there.
   */
  latePostings: Rows;
  latePostingFields: Uint8Array;
  /** Per doc, claim + keyword token ids in order, for the phrase check. */
  claimSequences: Rows;
  /** Per doc, the day its fact-check was published (days since 1970), NaN when unknown. */
  publishedDays: Float32Array;
  /** Normalised appearance URL → docs, in place order (docs of removed items may stay: skipped when read). */
  urls: UrlDocs;
  /** Hoax-domain host → its entry. */
  domains: Map<string, DomainSource>;
}

/** URL → docs, as the index reads it: a Map, or a patch's few URLs over one. */
export interface UrlDocs {
  get(url: string): readonly number[] | undefined;
  entries(): Iterable<[string, readonly number[]]>;
}

/** Per token, how many of the items hold it: anywhere (its retrieval cost), in claims, in circulating texts. */
export interface Frequencies {
  anywhere: Uint32Array;
  inClaims: Uint32Array;
  inTexts: Uint32Array;
  /** Items with a circulating text. */
  withText: number;
}

export interface BuiltIndex extends IndexCore {
  /** What the weights are computed from; a patch updates them by the items it removes and adds. */
  frequencies: Frequencies;
  /** IDF over claims (and keywords): the claim model was fitted on these. */
  idf: Float32Array;
  /** IDF over circulating texts, for the text similarity. */
  textIdf: Float32Array;
  /** 1 for tokens too common to retrieve by. */
  common: Uint8Array;
  /** Per doc, distinct claim + keyword token ids (ascending) and their IDF mass. */
  claimTokens: Rows;
  claimMass: Float64Array;
  /** Per doc, distinct circulating-text token ids (ascending) and their text-IDF mass. */
  textTokens: Rows;
  textMass: Float64Array;
  /** Per doc, 1 / √(claim mass + weighted text mass): retrieval's length normalisation (0: no place). */
  retrievalNorm: Float32Array;
}

/** Claims encoded between pauses of a persisting: ~10–20 ms of work. */
const CLAIMS_BETWEEN_PAUSES = 20_000;

/**
 * The docs' claims: those of the first docs as UTF-8 in one block (as persisted), the later ones
 * as strings (a build's, a patch's). Persisting copies the block and encodes the strings alone.
 * The strings are the first `count` of an array that later patches append to (as growable.ts
 * grows typed arrays): only the Claims holding all of it may append in place.
 */
export class Claims {
  private static readonly decoder = new TextDecoder();

  constructor(
    private readonly bytes: Uint8Array,
    private readonly offsets: Uint32Array,
    private readonly strings: string[],
    private readonly count = strings.length,
  ) {}

  of(doc: number): string {
    const encoded = this.offsets.length - 1;
    if (doc >= encoded) return this.strings[doc - encoded]!;
    return Claims.decoder.decode(this.bytes.subarray(this.offsets[doc], this.offsets[doc + 1]));
  }

  /** These claims, then `more` for the next docs. */
  with(more: readonly string[]): Claims {
    const strings = this.count === this.strings.length ? this.strings : this.strings.slice(0, this.count);
    for (const claim of more) strings.push(claim);
    return new Claims(this.bytes, this.offsets, strings);
  }

  /** Every claim as UTF-8 in one block, and where each starts (yielding now and then). */
  *encode(): Generator<void, { bytes: Uint8Array; offsets: Uint32Array }> {
    if (this.count === 0) return { bytes: this.bytes, offsets: this.offsets };
    const encoded = this.offsets.length - 1;
    let capacity = this.bytes.length;
    for (let next = 0; next < this.count; next++) capacity += this.strings[next]!.length * 3;
    const buffer = new Uint8Array(capacity);
    buffer.set(this.bytes);
    const offsets = new Uint32Array(encoded + this.count + 1);
    offsets.set(this.offsets);
    const encoder = new TextEncoder();
    let at = this.bytes.length;
    for (let next = 0; next < this.count; next++) {
      if (next > 0 && next % CLAIMS_BETWEEN_PAUSES === 0) yield;
      at += encoder.encodeInto(this.strings[next]!, buffer.subarray(at)).written;
      offsets[encoded + next + 1] = at;
    }
    return { bytes: buffer.subarray(0, at), offsets };
  }
}

/** No postings: a built or loaded index's late postings. */
export function noPostings(): { latePostings: Rows; latePostingFields: Uint8Array } {
  return {
    latePostings: { offsets: new Uint32Array(1), values: new Uint32Array(0) },
    latePostingFields: new Uint8Array(0),
  };
}

/** FNV-1a of an item id: the list store finds stored items by it, spans check their ids with it. */
export function idHashOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** FNV-1a over the ids' hashes, in order: computable from stored hashes, without the ids. */
export function idsHashOf(idHashes: Iterable<number>): number {
  let hash = 0x811c9dc5;
  for (const id of idHashes) {
    // A byte at a time, unrolled: 100,000 ids are hashed before a patched list is searchable.
    hash = Math.imul(hash ^ (id & 0xff), 0x01000193);
    hash = Math.imul(hash ^ ((id >>> 8) & 0xff), 0x01000193);
    hash = Math.imul(hash ^ ((id >>> 16) & 0xff), 0x01000193);
    hash = Math.imul(hash ^ (id >>> 24), 0x01000193);
  }
  return hash >>> 0;
}

export function spanOf(list: IndexedList): ListSpan {
  return {
    listId: list.listId,
    items: list.items.length,
    idsHash: idsHashOf(list.items.map((item) => idHashOf(item.id))),
  };
}

/** The list holding the item at place `place`, and its position in it. */
export function placeOf(lists: readonly ListSpan[], place: number): { listId: string; position: number } {
  let start = 0;
  for (const { listId, items } of lists) {
    if (place < start + items) return { listId, position: place - start };
    start += items;
  }
  throw new RangeError(`no place ${place}`);
}

/** The place of `position` in list `listId`, if the index holds it. */
export function placeAt(lists: readonly ListSpan[], listId: string, position: number): number | undefined {
  let start = 0;
  for (const span of lists) {
    if (span.listId === listId) return position >= 0 && position < span.items ? start + position : undefined;
    start += span.items;
  }
  return undefined;
}

/** The identity, as a full build's docs and places are. */
export function identity(count: number): Uint32Array {
  const places = new Uint32Array(count);
  for (let at = 0; at < count; at++) places[at] = at;
  return places;
}

/** Retrieval weight of the circulating-text field against the claim's: the claim is what was checked. */
export const TEXT_FIELD_WEIGHT = 0.5;
/** Words in more than this share of items are too common to retrieve by. */
const COMMON_WORD_SHARE = 0.1;
/** Item count the score model was fitted at. */
const CALIBRATION_SIZE = 15_000;

export function massOf(tokens: Uint32Array, idf: Float32Array): number {
  let mass = 0;
  for (const token of tokens) mass += idf[token] ?? 0;
  return mass;
}

/** Appends to a growing row set; `seal` trims it to its length. */
export class RowsBuilder {
  private readonly offsets: number[] = [0];
  private values = new Uint32Array(1 << 16);
  private length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  endRow(): void {
    this.offsets.push(this.length);
  }

  /** Rows ended so far. */
  get rowCount(): number {
    return this.offsets.length - 1;
  }

  /** Appends the values of an ended row again. */
  repeatRow(row: number): void {
    for (let at = this.offsets[row]!, end = this.offsets[row + 1]!; at < end; at++) this.push(this.values[at]!);
  }

  seal(): Rows {
    return { offsets: Uint32Array.from(this.offsets), values: this.values.slice(0, this.length) };
  }
}

/**
 * Token ids of texts, assigning new ids in order of first occurrence. The
 * tokens of a word depend on the word and the text's language alone, so each
 * distinct word is tokenised once per language: list texts repeat the same few
 * ten thousand words.
 */
export class Tokenizer {
  /** `vocabulary`: known tokens to keep their ids (a patch extends an index's vocabulary). */
  constructor(readonly vocabulary = new Map<string, number>()) {}
  private readonly idsOfWord: Record<Language, Map<string, number[]>> = { id: new Map(), en: new Map() };

  /** Appends the text's token ids; returns the language it was read as (`language`, else detected). */
  append(raw: string, into: RowsBuilder, language?: Language): Language {
    const words = cleanWords(raw);
    const rules = language ?? languageOf(words);
    const cache = this.idsOfWord[rules];
    for (const word of words) {
      let ids = cache.get(word);
      if (ids === undefined) {
        ids = wordTokens(word, rules).map((token) => this.idOf(token));
        cache.set(word, ids);
      }
      for (const id of ids) into.push(id);
    }
    return rules;
  }

  private idOf(token: string): number {
    let id = this.vocabulary.get(token);
    if (id === undefined) {
      id = this.vocabulary.size;
      this.vocabulary.set(token, id);
    }
    return id;
  }
}

/**
 * One row of token ids per text, each distinct text tokenised once: big lists repeat claims and
 * circulating texts word for word (one hoax checked by several publishers, one chain message
 * behind many claims), and a repeat costs a lookup instead of a tokenisation.
 */
export class TextRows {
  readonly rows = new RowsBuilder();
  /**
   * Per language asked for ('auto': detected), text → its first row and the language it was read
   * as, packed in one number (row × 2, + 1 for English): no object per text.
   */
  private readonly firstRows: Record<Language | 'auto', Map<string, number>> = {
    id: new Map(),
    en: new Map(),
    auto: new Map(),
  };

  constructor(private readonly tokenizer: Tokenizer) {}

  /** Appends the text's row; returns the language it was read as (`language`, else detected). */
  add(raw: string, language?: Language): Language {
    const firstRows = this.firstRows[language ?? 'auto'];
    const first = firstRows.get(raw);
    if (first !== undefined) {
      this.rows.repeatRow(first >>> 1);
      this.rows.endRow();
      return first & 1 ? 'en' : 'id';
    }
    const row = this.rows.rowCount;
    const read = this.tokenizer.append(raw, this.rows, language);
    this.rows.endRow();
    firstRows.set(raw, row * 2 + (read === 'en' ? 1 : 0));
    return read;
  }

  addEmpty(): void {
    this.rows.endRow();
  }
}

/** The item's declared language when it is one the stemmers know; else it is read from the claim. */
export function declaredLanguage(item: ListItem): Language | undefined {
  const code = item.language?.toLowerCase().slice(0, 2);
  return code === 'en' || code === 'id' ? code : undefined;
}

/** Items tokenised between pauses of an interruptible build: ~10–25 ms of work on a slow machine. */
const ITEMS_BETWEEN_PAUSES = 500;
/** Docs gone through between pauses in the build's later passes, which cost far less per doc. */
const DOCS_BETWEEN_PAUSES = 25_000;

export function buildIndex(lists: IndexedList[]): BuiltIndex {
  const steps = buildSteps(lists);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same build, pausing every few thousand items: a service worker building a big list's
 * index keeps answering messages (the options page's status polls) meanwhile.
 */
export async function buildIndexPausing(lists: IndexedList[], pause: () => Promise<void>): Promise<BuiltIndex> {
  const steps = buildSteps(lists);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** The build as a generator: it yields where a caller may pause. */
function* buildSteps(lists: IndexedList[]): Generator<void, BuiltIndex> {
  const tokenizer = new Tokenizer();
  const claims: string[] = [];
  const sequences = new TextRows(tokenizer);
  const texts = new TextRows(tokenizer);
  const urls = new Map<string, number[]>();
  const domains = new Map<string, DomainSource>();
  const publishedDays: number[] = [];
  for (const list of lists) {
    for (const item of list.items) {
      const doc = claims.length;
      if (doc > 0 && doc % ITEMS_BETWEEN_PAUSES === 0) yield;
      claims.push(item.claim);
      publishedDays.push(dayOf(item.published));
      const language = sequences.add(`${item.claim} ${(item.keywords ?? []).join(' ')}`, declaredLanguage(item));
      if (item.text) texts.add(item.text, language);
      else texts.addEmpty();
      // Where the hoax circulated; never item.url, the fact-check itself.
      for (const raw of item.appearances ?? []) {
        const url = normalizeUrl(raw);
        if (!url) continue;
        const found = urls.get(url);
        if (found) found.push(doc);
        else urls.set(url, [doc]);
      }
    }
    for (const entry of list.domains ?? []) {
      const host = hostOf(entry.domain);
      if (host && !domains.has(host)) domains.set(host, { listId: list.listId, entry });
    }
  }
  const { vocabulary } = tokenizer;
  const claimSequences = sequences.rows.seal();
  const textSequences = texts.rows.seal();
  const tokenCount = vocabulary.size;

  // Each doc's distinct tokens, each with its field bits above FIELD_SHIFT, and how many docs hold each token.
  const fieldsOf = new Uint8Array(tokenCount);
  const seen: number[] = [];
  const docTokens = new RowsBuilder();
  const documentFrequency = new Uint32Array(tokenCount);
  const mark = (tokens: Uint32Array, field: number) => {
    for (const token of tokens) {
      if (fieldsOf[token] === 0) seen.push(token);
      fieldsOf[token]! |= field;
    }
  };
  for (let doc = 0; doc < claims.length; doc++) {
    if (doc > 0 && doc % DOCS_BETWEEN_PAUSES === 0) yield;
    mark(rowOf(claimSequences, doc), FIELD_CLAIM);
    mark(rowOf(textSequences, doc), FIELD_TEXT);
    for (const token of seen) {
      documentFrequency[token]!++;
      docTokens.push(token + fieldsOf[token]! * FIELD_SHIFT);
      fieldsOf[token] = 0;
    }
    docTokens.endRow();
    seen.length = 0;
  }
  const distinct = docTokens.seal();
  yield;

  // Postings: offsets from the frequencies, then filled doc by doc (so ascending).
  const postingOffsets = new Uint32Array(tokenCount + 1);
  for (let token = 0; token < tokenCount; token++) {
    postingOffsets[token + 1] = postingOffsets[token]! + documentFrequency[token]!;
  }
  const postingDocs = new Uint32Array(distinct.values.length);
  const postingFields = new Uint8Array(distinct.values.length);
  const filled = postingOffsets.slice(0, tokenCount);
  for (let doc = 0; doc < claims.length; doc++) {
    if (doc > 0 && doc % DOCS_BETWEEN_PAUSES === 0) yield;
    for (let at = distinct.offsets[doc]!; at < distinct.offsets[doc + 1]!; at++) {
      const entry = distinct.values[at]!;
      const token = entry % FIELD_SHIFT;
      const slot = filled[token]!++;
      postingDocs[slot] = doc;
      postingFields[slot] = (entry - token) / FIELD_SHIFT;
    }
  }
  yield;
  return yield* completeIndex({
    lists: lists.map(spanOf),
    docCount: claims.length,
    itemCount: claims.length,
    placeOfDoc: identity(claims.length),
    docOfPlace: identity(claims.length),
    claims: new Claims(new Uint8Array(0), new Uint32Array(1), claims),
    vocabulary,
    postings: { offsets: postingOffsets, values: postingDocs },
    postingFields,
    ...noPostings(),
    // The per-doc arrays patches append to, with room to do it in place.
    claimSequences: rowsWithRoom(claimSequences),
    publishedDays: withRoomCopy(Float32Array.from(publishedDays)),
    urls,
    domains,
  });
}

const DAY_MS = 86_400_000;

/** Whole days since 1970 of a date as lists write it ("2026-06-24", "2026-06-24T10:00Z"), NaN when it does not parse. */
export function dayOf(date: string | number | undefined): number {
  const ms = typeof date === 'number' ? date : typeof date === 'string' ? Date.parse(date) : NaN;
  return Number.isFinite(ms) ? Math.floor(ms / DAY_MS) : NaN;
}

/** Per doc, the tokens of its postings carrying `field`; walking token by token leaves each row ascending. */
function docRows(core: IndexCore, field: number): Rows {
  const { offsets, values } = core.postings;
  const rowOffsets = new Uint32Array(core.docCount + 1);
  for (let at = 0; at < values.length; at++) {
    if (core.postingFields[at]! & field) rowOffsets[values[at]! + 1]!++;
  }
  for (let doc = 0; doc < core.docCount; doc++) rowOffsets[doc + 1]! += rowOffsets[doc]!;
  const tokens = new Uint32Array(rowOffsets[core.docCount]!);
  const filled = rowOffsets.slice(0, core.docCount);
  for (let token = 0; token + 1 < offsets.length; token++) {
    for (let at = offsets[token]!; at < offsets[token + 1]!; at++) {
      if (core.postingFields[at]! & field) tokens[filled[values[at]!]!++] = token;
    }
  }
  return { offsets: rowOffsets, values: tokens };
}

/** How many docs hold each token in their rows. */
function frequencies({ values }: Rows, tokenCount: number): Uint32Array {
  const counts = new Uint32Array(tokenCount);
  for (let at = 0; at < values.length; at++) counts[values[at]!]!++;
  return counts;
}

/** The derived parts: per-doc token sets, frequencies, IDF weights, common words, masses (yielding between them). */
function* completeIndex(core: IndexCore): Generator<void, BuiltIndex> {
  const claimTokens = rowsWithRoom(docRows(core, FIELD_CLAIM));
  yield;
  const textTokens = rowsWithRoom(docRows(core, FIELD_TEXT));
  yield;
  const tokenCount = core.vocabulary.size;
  const { offsets } = core.postings;
  const anywhere = new Uint32Array(tokenCount);
  for (let token = 0; token < tokenCount; token++) anywhere[token] = offsets[token + 1]! - offsets[token]!;
  let withText = 0;
  for (let doc = 0; doc < core.docCount; doc++) {
    if (textTokens.offsets[doc + 1]! > textTokens.offsets[doc]!) withText++;
  }
  const counts = {
    anywhere,
    inClaims: frequencies(claimTokens, tokenCount),
    inTexts: frequencies(textTokens, tokenCount),
    withText,
  };
  yield;
  return yield* weighIndex(core, counts, claimTokens, textTokens);
}

/**
 * The weights from the items' token frequencies: per token (IDF, common words), then per doc
 * (masses, retrieval norms; yielding between them). With `later`, as a patch asks, the per-doc
 * ones are left to be computed when first read (claimMassOf …) or before persisting
 * (completeWeights): they all move with the item count, and a patch should not touch every doc.
 */
export function* weighIndex(
  core: IndexCore,
  counts: Frequencies,
  claimTokens: Rows,
  textTokens: Rows,
  later = false,
): Generator<void, BuiltIndex> {
  const tokenCount = core.vocabulary.size;
  const { withText } = counts;
  const total = Math.max(core.itemCount, 1);
  // The claim model was fitted at ~15k items; small lists keep its calibration
  // by counting as that large (their words are as rare as they look).
  const inverse = (df: number, n: number) => Math.log(1 + (Math.max(n, CALIBRATION_SIZE) - df + 0.5) / (df + 0.5));
  const idf = new Float32Array(tokenCount);
  const textIdf = new Float32Array(tokenCount);
  const common = new Uint8Array(tokenCount);
  for (let token = 0; token < tokenCount; token++) {
    const inClaims = counts.inClaims[token]!;
    const inTexts = counts.inTexts[token]!;
    idf[token] = inverse(inClaims, total);
    textIdf[token] = inverse(inTexts, Math.max(withText, 1));
    common[token] =
      total >= 20 && (inClaims > COMMON_WORD_SHARE * total || inTexts > COMMON_WORD_SHARE * withText) ? 1 : 0;
  }
  const index: BuiltIndex = {
    ...core,
    frequencies: counts,
    idf,
    textIdf,
    common,
    claimTokens,
    claimMass: new Float64Array(core.docCount).fill(NaN),
    textTokens,
    textMass: new Float64Array(core.docCount).fill(NaN),
    retrievalNorm: new Float32Array(core.docCount).fill(NaN),
  };
  if (!later) yield* completeWeights(index);
  return index;
}

/** Per-doc weights not computed yet are NaN. */
const notYet = (weight: number) => weight !== weight;

/** A doc's claim IDF mass (computed on first read after a patch, as a build computes it). */
export function claimMassOf(index: BuiltIndex, doc: number): number {
  const mass = index.claimMass[doc]!;
  return notYet(mass) ? (index.claimMass[doc] = massOf(rowOf(index.claimTokens, doc), index.idf)) : mass;
}

/** A doc's circulating-text IDF mass (computed on first read after a patch). */
export function textMassOf(index: BuiltIndex, doc: number): number {
  const mass = index.textMass[doc]!;
  return notYet(mass) ? (index.textMass[doc] = massOf(rowOf(index.textTokens, doc), index.textIdf)) : mass;
}

/** A doc's retrieval norm (computed on first read after a patch; 0 for a doc without a place). */
export function retrievalNormOf(index: BuiltIndex, doc: number): number {
  const norm = index.retrievalNorm[doc]!;
  if (!notYet(norm)) return norm;
  index.retrievalNorm[doc] =
    index.placeOfDoc[doc] === NO_PLACE
      ? 0
      : 1 / Math.sqrt(Math.max(claimMassOf(index, doc) + TEXT_FIELD_WEIGHT * textMassOf(index, doc), 1));
  // Read back: the norm is what the Float32Array holds.
  return index.retrievalNorm[doc];
}

/** Computes the per-doc weights left for later (yielding now and then): before persisting. */
export function* completeWeights(index: BuiltIndex): Generator<void, void> {
  for (let doc = 0; doc < index.docCount; doc++) {
    if (doc > 0 && doc % DOCS_BETWEEN_PAUSES === 0) yield;
    if (index.placeOfDoc[doc] === NO_PLACE) {
      index.claimMass[doc] = 0;
      index.textMass[doc] = 0;
      index.retrievalNorm[doc] = 0;
    } else retrievalNormOf(index, doc);
  }
}

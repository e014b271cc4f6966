import { hostOf, normalizeUrl } from '../core/url';
import type { DomainEntry, ListItem } from '../lists/schema';
import { languageOf, type Language } from './english';
import { cleanWords, wordTokens } from './normalize';
import type { IndexedList } from './types';

/**
 * The matcher's index as flat typed arrays. The core (vocabulary, postings,
 * claim sequences) is built from the items; the rest (weights, per-doc token
 * sets) is derived from the core. persist.ts stores both, so a waking worker
 * only reads arrays.
 */

/** Variable-length rows of ids in one array: row r is values[offsets[r] .. offsets[r + 1]). */
export interface Rows {
  offsets: Uint32Array;
  values: Uint32Array;
}

export function rowOf(rows: Rows, r: number): Uint32Array {
  return rows.values.subarray(rows.offsets[r], rows.offsets[r + 1]);
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

/** One indexed list: its docs are the next `items` docs, in the list's order. */
export interface ListSpan {
  listId: string;
  items: number;
  /** FNV-1a over the item ids: a cheap check that lists given at load are the ones indexed. */
  idsHash: number;
}

export interface IndexCore {
  /** What the index was built from: doc n is the n-th item of the lists, taken in order. */
  lists: ListSpan[];
  docCount: number;
  /** Doc n's claim, for the link-title check; the items themselves stay outside the index. */
  claimOf(doc: number): string;
  vocabulary: Map<string, number>;
  /** Per token, the docs holding it (ascending); postingFields says in which fields. */
  postings: Rows;
  postingFields: Uint8Array;
  /** Per doc, claim + keyword token ids in order, for the phrase check. */
  claimSequences: Rows;
  /** Per doc, the day its fact-check was published (days since 1970), NaN when unknown. */
  publishedDays: Float32Array;
  /** Normalised appearance URL → docs. */
  urls: Map<string, number[]>;
  /** Hoax-domain host → its entry. */
  domains: Map<string, DomainSource>;
}

export interface BuiltIndex extends IndexCore {
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
  /** Per doc, 1 / √(claim mass + weighted text mass): retrieval's length normalisation. */
  retrievalNorm: Float32Array;
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
    for (let shift = 0; shift < 32; shift += 8) hash = Math.imul(hash ^ ((id >>> shift) & 0xff), 0x01000193);
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

/** The list holding doc `doc`, and the doc's place in it. */
export function placeOf(lists: readonly ListSpan[], doc: number): { listId: string; position: number } {
  let start = 0;
  for (const { listId, items } of lists) {
    if (doc < start + items) return { listId, position: doc - start };
    start += items;
  }
  throw new RangeError(`no doc ${doc}`);
}

/** The doc at `position` in list `listId`, if the index holds it. */
export function docAt(lists: readonly ListSpan[], listId: string, position: number): number | undefined {
  let start = 0;
  for (const span of lists) {
    if (span.listId === listId) return position >= 0 && position < span.items ? start + position : undefined;
    start += span.items;
  }
  return undefined;
}

/** Retrieval weight of the circulating-text field against the claim's: the claim is what was checked. */
export const TEXT_FIELD_WEIGHT = 0.5;
/** Words in more than this share of items are too common to retrieve by. */
const COMMON_WORD_SHARE = 0.1;
/** Item count the score model was fitted at. */
const CALIBRATION_SIZE = 15_000;

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
    claimOf: (doc) => claims[doc]!,
    vocabulary,
    postings: { offsets: postingOffsets, values: postingDocs },
    postingFields,
    claimSequences,
    publishedDays: Float32Array.from(publishedDays),
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

function massesOf({ offsets, values }: Rows, weights: Float32Array): Float64Array {
  // Offsets rather than a row view per doc: 100,000 views cost more than the sums.
  const masses = new Float64Array(offsets.length - 1);
  for (let doc = 0; doc < masses.length; doc++) {
    let mass = 0;
    for (let at = offsets[doc]!, end = offsets[doc + 1]!; at < end; at++) mass += weights[values[at]!] ?? 0;
    masses[doc] = mass;
  }
  return masses;
}

/** The derived parts: per-doc token sets, IDF weights, common words, masses (yielding between them). */
function* completeIndex(core: IndexCore): Generator<void, BuiltIndex> {
  const claimTokens = docRows(core, FIELD_CLAIM);
  yield;
  const textTokens = docRows(core, FIELD_TEXT);
  yield;
  return yield* weighIndex(core, claimTokens, textTokens);
}

/** The weights over the docs' claim and text token sets: IDF, common words, masses (yielding between them). */
export function* weighIndex(core: IndexCore, claimTokens: Rows, textTokens: Rows): Generator<void, BuiltIndex> {
  const tokenCount = core.vocabulary.size;
  const claimFrequency = frequencies(claimTokens, tokenCount);
  const textFrequency = frequencies(textTokens, tokenCount);
  let withText = 0;
  const textOffsets = textTokens.offsets;
  for (let doc = 0; doc < core.docCount; doc++) {
    if (textOffsets[doc + 1]! > textOffsets[doc]!) withText++;
  }

  const total = Math.max(core.docCount, 1);
  // The claim model was fitted at ~15k items; small lists keep its calibration
  // by counting as that large (their words are as rare as they look).
  const inverse = (df: number, n: number) => Math.log(1 + (Math.max(n, CALIBRATION_SIZE) - df + 0.5) / (df + 0.5));
  const idf = new Float32Array(tokenCount);
  const textIdf = new Float32Array(tokenCount);
  const common = new Uint8Array(tokenCount);
  for (let token = 0; token < tokenCount; token++) {
    const inClaims = claimFrequency[token]!;
    const inTexts = textFrequency[token]!;
    idf[token] = inverse(inClaims, total);
    textIdf[token] = inverse(inTexts, Math.max(withText, 1));
    common[token] =
      total >= 20 && (inClaims > COMMON_WORD_SHARE * total || inTexts > COMMON_WORD_SHARE * withText) ? 1 : 0;
  }
  yield;
  const claimMass = massesOf(claimTokens, idf);
  const textMass = massesOf(textTokens, textIdf);
  yield;
  const retrievalNorm = new Float32Array(core.docCount);
  for (let doc = 0; doc < core.docCount; doc++) {
    retrievalNorm[doc] = 1 / Math.sqrt(Math.max(claimMass[doc]! + TEXT_FIELD_WEIGHT * textMass[doc]!, 1));
  }
  return { ...core, idf, textIdf, common, claimTokens, claimMass, textTokens, textMass, retrievalNorm };
}

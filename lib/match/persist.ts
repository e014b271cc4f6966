import {
  Claims,
  completeWeights,
  NO_PLACE,
  noPostings,
  spanOf,
  type BuiltIndex,
  type DomainSource,
  type ListSpan,
  type Rows,
} from './built-index';
import { roomFor, withRoom } from './growable';
import type { IndexedList } from './types';

/**
 * The index core as one byte array: a magic, the format version, then
 * sections, each an element count, a capacity and the elements, 8-byte aligned so loading
 * views them in place instead of copying. The per-doc arrays that patches append to keep room
 * after their elements (capacity > count, zeros), so a patch after a load grows them in place
 * (growable.ts) instead of copying them. Typed arrays are in the platform's
 * byte order (little-endian wherever the extension runs; a big-endian reader
 * reads another version number and refuses).
 */

/**
 * Bump on any change to the layout, to what the index holds or to how text is
 * tokenised: older stored indexes are refused and rebuilt.
 */
export const MATCHER_FORMAT_VERSION = 10;

const MAGIC = [0x53, 0x52, 0x4d, 0x49]; // "SRMI", Saring matcher index
const HEADER_BYTES = 8;
const SECTION_HEADER_BYTES = 8;

type Section = Uint8Array | Uint32Array | Float32Array | Float64Array;
/** A section stored with room for `capacity` elements. */
interface Roomy {
  section: Uint32Array | Float32Array;
  capacity: number;
}
const roomy = (section: Uint32Array | Float32Array): Roomy => ({
  section,
  capacity: section.length + roomFor(section.length),
});
const roomyRows = (rows: Rows): Roomy[] => [roomy(rows.offsets), roomy(rows.values)];

/** The small parts, as JSON; items are not stored (only their claims), they stay in the lists. */
interface Meta {
  lists: ListSpan[];
  /** Doc slots, those of removed items included (a patched index's). */
  docCount: number;
  withText: number;
  urls: Array<[string, readonly number[]]>;
  domains: Array<[string, DomainSource]>;
}

const align8 = (offset: number) => Math.ceil(offset / 8) * 8;

export function encodeIndex(index: BuiltIndex): Uint8Array {
  const steps = encodeSteps(index);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same bytes, pausing between sections (`pause` resolves when the caller may go on): a worker
 * persisting a 30 MB index after a patch keeps answering checks meanwhile.
 */
export async function encodeIndexPausing(index: BuiltIndex, pause: () => Promise<void>): Promise<Uint8Array> {
  const steps = encodeSteps(index);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** Section bytes copied between pauses: a few ms of copying. */
const BYTES_BETWEEN_PAUSES = 8 * 1024 * 1024;

/** The encoding as a generator: it yields where a caller may pause. */
function* encodeSteps(index: BuiltIndex): Generator<void, Uint8Array> {
  const meta: Meta = {
    lists: index.lists,
    docCount: index.docCount,
    withText: index.frequencies.withText,
    urls: [...index.urls.entries()],
    domains: [...index.domains],
  };
  // A patched index's per-doc weights are computed when read: all of them now.
  yield* completeWeights(index);
  const encoder = new TextEncoder();
  const claims = yield* index.claims.encode();
  const postings = yield* mergedPostings(index);
  const sections: Array<Section | Roomy> = [
    encoder.encode(JSON.stringify(meta)),
    encoder.encode([...index.vocabulary.keys()].slice(0, index.idf.length).join('\n')),
    postings.offsets,
    postings.values,
    postings.fields,
    ...roomyRows(index.claimSequences),
    claims.bytes,
    claims.offsets,
    roomy(index.publishedDays),
    index.docOfPlace,
    index.frequencies.anywhere,
    index.frequencies.inClaims,
    index.frequencies.inTexts,
    // The derived parts too: recomputing them costs a waking worker more than reading them.
    index.idf,
    index.textIdf,
    index.common,
    ...roomyRows(index.claimTokens),
    index.claimMass,
    ...roomyRows(index.textTokens),
    index.textMass,
    index.retrievalNorm,
  ];
  yield;
  const sized = sections.map((entry) => ('capacity' in entry ? entry : { section: entry, capacity: entry.length }));
  let size = HEADER_BYTES;
  for (const { section, capacity } of sized)
    size = align8(size + SECTION_HEADER_BYTES + capacity * section.BYTES_PER_ELEMENT);
  const bytes = new Uint8Array(size);
  bytes.set(MAGIC);
  new Uint32Array(bytes.buffer, 4, 1)[0] = MATCHER_FORMAT_VERSION;
  let at = HEADER_BYTES;
  let sincePause = 0;
  for (const { section, capacity } of sized) {
    if (sincePause > BYTES_BETWEEN_PAUSES) {
      yield;
      sincePause = 0;
    }
    new Uint32Array(bytes.buffer, at, 2).set([section.length, capacity]);
    bytes.set(new Uint8Array(section.buffer, section.byteOffset, section.byteLength), at + SECTION_HEADER_BYTES);
    at = align8(at + SECTION_HEADER_BYTES + capacity * section.BYTES_PER_ELEMENT);
    sincePause += section.byteLength;
  }
  return bytes;
}

/** Tokens whose rows are merged between pauses: a few ms of copying. */
const TOKENS_BETWEEN_PAUSES = 50_000;

/** The postings and late postings as one: per token, its row in the postings, then in the late ones. */
function* mergedPostings(index: BuiltIndex): Generator<void, Rows & { fields: Uint8Array }> {
  const { postings, postingFields, latePostings, latePostingFields } = index;
  if (latePostings.values.length === 0) return { ...postings, fields: postingFields };
  const tokenCount = index.idf.length;
  const offsets = new Uint32Array(tokenCount + 1);
  const values = new Uint32Array(postings.values.length + latePostings.values.length);
  const fields = new Uint8Array(values.length);
  let at = 0;
  const copyRow = (rows: Rows, rowFields: Uint8Array, token: number) => {
    if (token + 1 >= rows.offsets.length) return;
    const start = rows.offsets[token]!;
    const end = rows.offsets[token + 1]!;
    values.set(rows.values.subarray(start, end), at);
    fields.set(rowFields.subarray(start, end), at);
    at += end - start;
  };
  for (let token = 0; token < tokenCount; token++) {
    if (token > 0 && token % TOKENS_BETWEEN_PAUSES === 0) yield;
    offsets[token] = at;
    copyRow(postings, postingFields, token);
    copyRow(latePostings, latePostingFields, token);
  }
  offsets[tokenCount] = at;
  return { offsets, values, fields };
}

/**
 * Reads the sections in the order encodeIndex wrote them, as views into the bytes; a section's
 * room (zeros after its elements) is room its view may grow into (growable.ts).
 */
class SectionReader {
  private at = HEADER_BYTES;

  constructor(private readonly bytes: Uint8Array) {}

  u8(): Uint8Array {
    return this.next(1, (buffer, offset, length) => new Uint8Array(buffer, offset, length));
  }

  u32(): Uint32Array {
    return this.next(4, (buffer, offset, length, capacity) =>
      withRoom(new Uint32Array(buffer, offset, length), capacity),
    );
  }

  f32(): Float32Array {
    return this.next(4, (buffer, offset, length, capacity) =>
      withRoom(new Float32Array(buffer, offset, length), capacity),
    );
  }

  f64(): Float64Array {
    return this.next(8, (buffer, offset, length) => new Float64Array(buffer, offset, length));
  }

  rows(): Rows {
    return { offsets: this.u32(), values: this.u32() };
  }

  private next<T>(
    elementBytes: number,
    view: (buffer: ArrayBufferLike, offset: number, length: number, capacity: number) => T,
  ): T {
    const { buffer, byteOffset } = this.bytes;
    if (this.at + SECTION_HEADER_BYTES > this.bytes.length) throw new Error('matcher index is truncated');
    const header = new Uint32Array(buffer, byteOffset + this.at, 2);
    const length = header[0]!;
    const capacity = header[1]!;
    const start = this.at + SECTION_HEADER_BYTES;
    if (capacity < length || start + capacity * elementBytes > this.bytes.length)
      throw new Error('matcher index is truncated');
    this.at = align8(start + capacity * elementBytes);
    return view(buffer, byteOffset + start, length, capacity);
  }
}

function checkRows(rows: { offsets: Uint32Array; values: ArrayLike<number> }, count: number, what: string): void {
  if (rows.offsets.length !== count + 1 || rows.offsets[count] !== rows.values.length) {
    throw new Error(`matcher index is inconsistent (${what})`);
  }
}

/**
 * The index encodeIndex stored; throws when it is of another version, or, given the lists it is
 * meant to be over, when it cannot be theirs. Its arrays are views into `serialized` (when
 * aligned): patches of it write into the sections' room, never into what any read of it sees.
 */
export function decodeIndex(serialized: Uint8Array, lists?: IndexedList[]): BuiltIndex {
  // Views need aligned offsets; a byte array cut out of a larger buffer may not be.
  const bytes = serialized.byteOffset % 8 === 0 ? serialized : serialized.slice();
  if (bytes.length < HEADER_BYTES || MAGIC.some((byte, i) => bytes[i] !== byte)) {
    throw new Error('not a matcher index');
  }
  const version = new Uint32Array(bytes.buffer, bytes.byteOffset + 4, 1)[0];
  if (version !== MATCHER_FORMAT_VERSION) {
    throw new Error(`matcher index format ${version}, expected ${MATCHER_FORMAT_VERSION}`);
  }
  const reader = new SectionReader(bytes);
  const decoder = new TextDecoder();
  const meta = JSON.parse(decoder.decode(reader.u8())) as Meta;
  if (lists && JSON.stringify(meta.lists) !== JSON.stringify(lists.map(spanOf))) {
    throw new Error('matcher index was built from other lists');
  }
  const words = decoder.decode(reader.u8());
  const vocabulary = new Map<string, number>(words ? words.split('\n').map((word, id) => [word, id]) : []);
  const postings = reader.rows();
  const postingFields = reader.u8();
  const claimSequences = reader.rows();
  const claimBytes = reader.u8();
  const claimOffsets = reader.u32();
  const publishedDays = reader.f32();
  const docOfPlace = reader.u32();
  const anywhere = reader.u32();
  const inClaims = reader.u32();
  const inTexts = reader.u32();

  const idf = reader.f32();
  const textIdf = reader.f32();
  const common = reader.u8();
  const claimTokens = reader.rows();
  const claimMass = reader.f64();
  const textTokens = reader.rows();
  const textMass = reader.f64();
  const retrievalNorm = reader.f32();

  const itemCount = meta.lists.reduce((count, list) => count + list.items, 0);
  const { docCount } = meta;
  if (docOfPlace.length !== itemCount) throw new Error('matcher index is inconsistent (places)');
  const placeOfDoc = new Uint32Array(docCount).fill(NO_PLACE);
  for (let place = 0; place < itemCount; place++) {
    const doc = docOfPlace[place]!;
    if (doc >= docCount || placeOfDoc[doc] !== NO_PLACE) throw new Error('matcher index is inconsistent (places)');
    placeOfDoc[doc] = place;
  }
  checkRows(postings, vocabulary.size, 'postings');
  checkRows(claimSequences, docCount, 'claim sequences');
  checkRows({ offsets: claimOffsets, values: claimBytes }, docCount, 'claims');
  checkRows(claimTokens, docCount, 'claim tokens');
  checkRows(textTokens, docCount, 'text tokens');
  if (postingFields.length !== postings.values.length) throw new Error('matcher index is inconsistent (fields)');
  const perToken = [idf, textIdf, common, anywhere, inClaims, inTexts];
  const perDoc = [claimMass, textMass, retrievalNorm, publishedDays];
  if (perToken.some((array) => array.length !== vocabulary.size) || perDoc.some((array) => array.length !== docCount)) {
    throw new Error('matcher index is inconsistent (weights)');
  }
  return {
    lists: meta.lists,
    docCount,
    itemCount,
    placeOfDoc,
    docOfPlace,
    claims: new Claims(claimBytes, claimOffsets, []),
    vocabulary,
    postings,
    postingFields,
    ...noPostings(),
    claimSequences,
    publishedDays,
    urls: new Map(meta.urls),
    domains: new Map(meta.domains),
    frequencies: { anywhere, inClaims, inTexts, withText: meta.withText },
    idf,
    textIdf,
    common,
    claimTokens,
    claimMass,
    textTokens,
    textMass,
    retrievalNorm,
  };
}

import type { DomainEntry, ListItem } from '../lists/schema';
import {
  dayOf,
  declaredLanguage,
  FIELD_CLAIM,
  FIELD_TEXT,
  idsHashOf,
  rowOf,
  TextRows,
  Tokenizer,
  weighIndex,
  type BuiltIndex,
  type DomainSource,
  type IndexCore,
  type Rows,
} from './built-index';
import { hostOf, normalizeUrl } from '../core/url';

/**
 * A list patch applied to a built index without rebuilding it: only the added and changed items
 * are tokenised; the postings, the per-doc token rows and arrays are spliced in one pass each
 * (typed-array copies, unchanged docs in runs), and the weights that depend on every doc (IDF,
 * common words, masses) are recomputed from the spliced rows, so the result answers as a full build over the same items
 * in the same order does (tests/unit/match-patch.test.ts). Token ids differ from a full build's
 * (new words get the next ids; words no item holds any more keep theirs, with no postings, and
 * are treated as unknown), which changes nothing in the answers.
 */

export interface IndexPatch {
  listId: string;
  /** Positions, in the list before the patch, of the items it removes (any order). */
  removed: readonly number[];
  /** Items replaced in place: their position before the patch, and the new item. */
  changed: ReadonlyArray<{ position: number; item: ListItem }>;
  /** Items appended at the list's end. */
  added: readonly ListItem[];
  /** The list's item id hashes after the patch, in order (idHashOf): the list's span checks them. */
  idHashes: Uint32Array;
  /** Every indexed list's hoax domains after the patch, in the index's list order. */
  domains: ReadonlyArray<{ listId: string; domains?: readonly DomainEntry[] }>;
}

/** The index over the lists after `patch`; `index` is left as it was (it may still be answering). */
export function patchIndex(index: BuiltIndex, patch: IndexPatch): BuiltIndex {
  const { core, claimTokens, textTokens } = patchedCore(index, patch);
  const steps = weighIndex(core, claimTokens, textTokens);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function patchedCore(index: BuiltIndex, patch: IndexPatch): { core: IndexCore; claimTokens: Rows; textTokens: Rows } {
  let start = 0;
  const spanAt = index.lists.findIndex((span) => {
    if (span.listId === patch.listId) return true;
    start += span.items;
    return false;
  });
  if (spanAt < 0) throw new Error(`the index does not hold list "${patch.listId}"`);
  const oldLength = index.lists[spanAt]!.items;
  const newLength = oldLength - patch.removed.length + patch.added.length;
  if (patch.idHashes.length !== newLength) throw new Error('the patch does not say every id of the list');
  const oldCount = index.docCount;
  const newCount = oldCount - oldLength + newLength;

  // Old doc → new doc (removed docs: none), and which old docs lose their content.
  const dropped = new Uint8Array(oldCount);
  for (const position of patch.removed) {
    if (position < 0 || position >= oldLength || dropped[start + position])
      throw new Error(`bad removed position ${position}`);
    dropped[start + position] = 1;
  }
  const newDoc = new Uint32Array(oldCount);
  const oldDoc = new Int32Array(newCount).fill(-1);
  for (let doc = 0, next = 0; doc < oldCount; doc++) {
    if (doc === start + oldLength) next += patch.added.length;
    if (dropped[doc]) continue;
    newDoc[doc] = next;
    oldDoc[next++] = doc;
  }
  // The docs tokenised now, ascending: changed ones where they were, added ones at the list's end.
  const fresh: Array<{ doc: number; item: ListItem }> = [];
  for (const { position, item } of patch.changed) {
    const doc = start + position;
    if (position < 0 || position >= oldLength || dropped[doc]) throw new Error(`bad changed position ${position}`);
    dropped[doc] = 1;
    oldDoc[newDoc[doc]!] = -1;
    fresh.push({ doc: newDoc[doc]!, item });
  }
  const addedStart = start + oldLength - patch.removed.length;
  patch.added.forEach((item, at) => fresh.push({ doc: addedStart + at, item }));
  fresh.sort((a, b) => a.doc - b.doc);

  // Tokenise the fresh docs as a build does, extending the vocabulary.
  const tokenizer = new Tokenizer(new Map(index.vocabulary));
  const sequences = new TextRows(tokenizer);
  const texts = new TextRows(tokenizer);
  for (const { item } of fresh) {
    const language = sequences.add(`${item.claim} ${(item.keywords ?? []).join(' ')}`, declaredLanguage(item));
    if (item.text) texts.add(item.text, language);
    else texts.addEmpty();
  }
  const freshSequences = sequences.rows.seal();
  const freshTexts = texts.rows.seal();
  const tokenCount = tokenizer.vocabulary.size;

  // The fresh docs' postings, per token in doc order (so ascending): token → [doc, fields, doc, fields …];
  // and each fresh doc's distinct claim and text tokens, ascending, as docRows gives them.
  const freshPostings = new Map<number, number[]>();
  let freshPostingCount = 0;
  const freshClaimTokens = new Map<number, Uint32Array>();
  const freshTextTokens = new Map<number, Uint32Array>();
  fresh.forEach(({ doc }, row) => {
    const fields = new Map<number, number>();
    for (const token of rowOf(freshSequences, row)) fields.set(token, (fields.get(token) ?? 0) | FIELD_CLAIM);
    for (const token of rowOf(freshTexts, row)) fields.set(token, (fields.get(token) ?? 0) | FIELD_TEXT);
    const claim: number[] = [];
    const text: number[] = [];
    for (const [token, field] of fields) {
      const entries = freshPostings.get(token);
      if (entries) entries.push(doc, field);
      else freshPostings.set(token, [doc, field]);
      freshPostingCount++;
      if (field & FIELD_CLAIM) claim.push(token);
      if (field & FIELD_TEXT) text.push(token);
    }
    freshClaimTokens.set(doc, Uint32Array.from(claim).sort());
    freshTextTokens.set(doc, Uint32Array.from(text).sort());
  });

  // Postings: each token's row without the dropped docs, renumbered, merged with the fresh docs'.
  // Exactly as many as kept plus fresh: a dropped doc held one posting per token in its claim or text.
  // Hot loops read locals: the index objects come in several shapes (built, decoded, patched).
  const { offsets, values } = index.postings;
  const oldFields = index.postingFields;
  let droppedPostings = 0;
  for (let doc = 0; doc < oldCount; doc++) {
    if (dropped[doc]) droppedPostings += unionSize(rowOf(index.claimTokens, doc), rowOf(index.textTokens, doc));
  }
  const capacity = values.length - droppedPostings + freshPostingCount;
  const postingDocs = new Uint32Array(capacity);
  const postingFields = new Uint8Array(capacity);
  const postingOffsets = new Uint32Array(tokenCount + 1);
  const kept: KeptPostings = {
    values,
    fields: oldFields,
    dropped,
    newDoc,
    docs: postingDocs,
    outFields: postingFields,
  };
  let length = 0;
  const oldTokens = offsets.length - 1;
  for (let token = 0; token < tokenCount; token++) {
    const from = token < oldTokens ? offsets[token]! : 0;
    const to = token < oldTokens ? offsets[token + 1]! : 0;
    const entries = freshPostings.get(token);
    length = entries ? mergeRow(kept, from, to, entries, length) : copyRow(kept, from, to, length);
    postingOffsets[token + 1] = length;
  }

  if (length !== capacity) throw new Error('the patched postings do not add up');

  // Per-doc parts: an old doc's row or value copied (in runs), a fresh doc's from what was tokenised.
  const claimSequences = spliceRows(
    index.claimSequences,
    oldDoc,
    new Map(fresh.map(({ doc }, row) => [doc, rowOf(freshSequences, row)])),
  );
  const claimTokens = spliceRows(index.claimTokens, oldDoc, freshClaimTokens);
  const textTokens = spliceRows(index.textTokens, oldDoc, freshTextTokens);
  const freshItem = new Map(fresh.map(({ doc, item }) => [doc, item]));
  const oldDays = index.publishedDays;
  const publishedDays = new Float32Array(newCount);
  for (let doc = 0; doc < newCount; doc++) {
    const old = oldDoc[doc]!;
    publishedDays[doc] = old >= 0 ? oldDays[old]! : NaN;
  }
  for (const { doc, item } of fresh) publishedDays[doc] = dayOf(item.published);
  const claimOf = index.claimOf;
  const urls = new Map<string, number[]>();
  for (const [url, docs] of index.urls) {
    const kept = docs.filter((doc) => !dropped[doc]).map((doc) => newDoc[doc]!);
    if (kept.length > 0) urls.set(url, kept);
  }
  for (const { doc, item } of fresh) {
    for (const raw of item.appearances ?? []) {
      const url = normalizeUrl(raw);
      if (!url) continue;
      const docs = urls.get(url) ?? [];
      if (docs.at(-1) === doc) continue;
      let at = docs.length;
      while (at > 0 && docs[at - 1]! > doc) at--;
      docs.splice(at, 0, doc);
      urls.set(url, docs);
    }
  }
  const domains = new Map<string, DomainSource>();
  for (const list of patch.domains) {
    for (const entry of list.domains ?? []) {
      const host = hostOf(entry.domain);
      if (host && !domains.has(host)) domains.set(host, { listId: list.listId, entry });
    }
  }
  const lists = index.lists.map((span, at) =>
    at === spanAt ? { listId: span.listId, items: newLength, idsHash: idsHashOf(patch.idHashes) } : span,
  );
  const core: IndexCore = {
    lists,
    docCount: newCount,
    claimOf: (doc) => freshItem.get(doc)?.claim ?? claimOf(oldDoc[doc]!),
    vocabulary: tokenizer.vocabulary,
    postings: { offsets: postingOffsets, values: postingDocs },
    postingFields,
    claimSequences,
    publishedDays,
    urls,
    domains,
  };
  return { core, claimTokens, textTokens };
}

/** A token's old postings and where they go: the hot loops, kept small so they are compiled early. */
interface KeptPostings {
  values: Uint32Array;
  fields: Uint8Array;
  dropped: Uint8Array;
  newDoc: Uint32Array;
  docs: Uint32Array;
  outFields: Uint8Array;
}

/** Copies the kept postings of old row [from, to), renumbered, to `length`; returns the new length. */
function copyRow(
  { values, fields, dropped, newDoc, docs, outFields }: KeptPostings,
  from: number,
  to: number,
  length: number,
): number {
  for (let at = from; at < to; at++) {
    const doc = values[at]!;
    if (dropped[doc]) continue;
    docs[length] = newDoc[doc]!;
    outFields[length++] = fields[at]!;
  }
  return length;
}

/** copyRow merged with a fresh docs' row ([doc, fields, doc, fields …], ascending), in doc order. */
function mergeRow(
  { values, fields, dropped, newDoc, docs, outFields }: KeptPostings,
  from: number,
  to: number,
  entries: readonly number[],
  length: number,
): number {
  let next = 0;
  for (let at = from; at < to; at++) {
    const doc = values[at]!;
    if (dropped[doc]) continue;
    const renumbered = newDoc[doc]!;
    while (next < entries.length && entries[next]! < renumbered) {
      docs[length] = entries[next]!;
      outFields[length++] = entries[next + 1]!;
      next += 2;
    }
    docs[length] = renumbered;
    outFields[length++] = fields[at]!;
  }
  for (; next < entries.length; next += 2) {
    docs[length] = entries[next]!;
    outFields[length++] = entries[next + 1]!;
  }
  return length;
}

/** How many distinct values two ascending rows hold together. */
function unionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let count = 0;
  while (i < a.length && j < b.length) {
    count++;
    if (a[i]! === b[j]!) {
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return count + (a.length - i) + (b.length - j);
}

/**
 * Rows for the docs after a patch: a kept doc's row copied from `rows` (`oldDoc` says which;
 * consecutive kept docs in one copy), a fresh doc's (oldDoc -1) from `freshRows`.
 */
function spliceRows(rows: Rows, oldDoc: Int32Array, freshRows: ReadonlyMap<number, Uint32Array>): Rows {
  const count = oldDoc.length;
  const { offsets: oldOffsets, values: oldValues } = rows;
  const offsets = new Uint32Array(count + 1);
  for (let doc = 0; doc < count; doc++) {
    const old = oldDoc[doc]!;
    offsets[doc + 1] =
      offsets[doc]! + (old >= 0 ? oldOffsets[old + 1]! - oldOffsets[old]! : freshRows.get(doc)!.length);
  }
  const values = new Uint32Array(offsets[count]!);
  for (let doc = 0; doc < count;) {
    const old = oldDoc[doc]!;
    if (old < 0) {
      values.set(freshRows.get(doc)!, offsets[doc]);
      doc++;
      continue;
    }
    let end = doc + 1;
    while (end < count && oldDoc[end] === old + (end - doc)) end++;
    values.set(oldValues.subarray(oldOffsets[old], oldOffsets[old + (end - doc)]), offsets[doc]);
    doc = end;
  }
  return { offsets, values };
}

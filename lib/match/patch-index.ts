import type { DomainEntry, ListItem } from '../lists/schema';
import {
  dayOf,
  declaredLanguage,
  FIELD_CLAIM,
  FIELD_TEXT,
  idsHashOf,
  NO_PLACE,
  rowOf,
  TextRows,
  Tokenizer,
  weighIndex,
  type BuiltIndex,
  type DomainSource,
  type Frequencies,
  type IndexCore,
  type ListSpan,
  type Rows,
  type UrlDocs,
} from './built-index';
import { hostOf, normalizeUrl } from '../core/url';
import { appended } from './growable';

/**
 * A list patch applied to a built index without rebuilding it, in time proportional to the items
 * it brings, not to the index: docs keep their slots (built-index.ts), so no posting is renumbered.
 * A removed or changed item's doc loses its place and weight (its postings stay, skipped when
 * read, until the next full build); the changed and added items are tokenised into new docs at the
 * end: their postings go to the late postings (built-index.ts), rebuilt per patch but holding only
 * the docs patches brought since the index was built or loaded, and their rows and dates are
 * appended in place, into the room the arrays keep (growable.ts): a patch copies nothing of the
 * size of the index but its places (a few hundred KB). The token frequencies are updated by
 * the docs taken out and brought in, and the weights recomputed from them (per token, and per doc a
 * sum over its row). The result answers as a full build over the same items in the same order does
 * (tests/unit/match-patch.test.ts): ties are broken by place, never by slot. Token ids differ from a
 * full build's (new words get the next ids; words no item holds any more keep theirs, with a
 * frequency of 0, and are treated as unknown), which changes nothing in the answers.
 *
 * The vocabulary is shared with the index patched, and grows: an index reads the ids it does not
 * know (beyond its arrays) as unknown words, which they were when it was made.
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
  const { core, counts, claimTokens, textTokens } = patchedCore(index, patch);
  const steps = weighIndex(core, counts, claimTokens, textTokens, true);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The docs a patch brings: changed items (their old doc taken out) and added ones, each with its new place. */
interface Fresh {
  item: ListItem;
  place: number;
}

function patchedCore(
  index: BuiltIndex,
  patch: IndexPatch,
): { core: IndexCore; counts: Frequencies; claimTokens: Rows; textTokens: Rows } {
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
  const oldDocs = index.docCount;
  const newItems = index.itemCount - oldLength + newLength;

  // The list's docs taken out (removed, changed), and the fresh docs in slot order: changed, then added.
  const takenOut = new Map<number, ListItem | null>();
  for (const position of patch.removed) {
    if (!Number.isInteger(position) || position < 0 || position >= oldLength || takenOut.has(position))
      throw new Error(`bad removed position ${position}`);
    takenOut.set(position, null);
  }
  for (const { position, item } of patch.changed) {
    if (!Number.isInteger(position) || position < 0 || position >= oldLength || takenOut.has(position))
      throw new Error(`bad changed position ${position}`);
    takenOut.set(position, item);
  }
  const fresh: Fresh[] = [];
  const freshDocOf = new Map<number, number>();
  for (const { position, item } of patch.changed) {
    freshDocOf.set(position, oldDocs + fresh.length);
    fresh.push({ item, place: -1 });
  }

  // Places: the lists before the patched one keep theirs, the patched list's are renumbered
  // (changed items in place, added ones at its end), the later lists' shift.
  // The kept docs in runs between the positions taken out: a patch's work is its items, plus copies.
  const docOfPlace = new Uint32Array(newItems);
  let place = start;
  let kept = 0;
  docOfPlace.set(index.docOfPlace.subarray(0, start));
  for (const position of [...takenOut.keys()].sort((a, b) => a - b)) {
    docOfPlace.set(index.docOfPlace.subarray(start + kept, start + position), place);
    place += position - kept;
    kept = position + 1;
    const doc = freshDocOf.get(position);
    if (doc === undefined) continue;
    fresh[doc - oldDocs]!.place = place;
    docOfPlace[place++] = doc;
  }
  docOfPlace.set(index.docOfPlace.subarray(start + kept, start + oldLength), place);
  place += oldLength - kept;
  for (const item of patch.added) {
    docOfPlace[place] = oldDocs + fresh.length;
    fresh.push({ item, place: place++ });
  }
  docOfPlace.set(index.docOfPlace.subarray(start + oldLength), place);
  const newDocs = oldDocs + fresh.length;
  const placeOfDoc = new Uint32Array(newDocs).fill(NO_PLACE);
  for (let at = 0; at < newItems; at++) placeOfDoc[docOfPlace[at]!] = at;

  // Tokenise the fresh docs as a build does, extending the (shared) vocabulary.
  const tokenizer = new Tokenizer(index.vocabulary);
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

  // Frequencies: less the docs taken out, plus the fresh ones.
  const grown = (counts: Uint32Array) => {
    const copy = new Uint32Array(tokenCount);
    copy.set(counts);
    return copy;
  };
  const counts: Frequencies = {
    anywhere: grown(index.frequencies.anywhere),
    inClaims: grown(index.frequencies.inClaims),
    inTexts: grown(index.frequencies.inTexts),
    withText: index.frequencies.withText,
  };
  for (const position of takenOut.keys()) {
    const doc = index.docOfPlace[start + position]!;
    const claim = rowOf(index.claimTokens, doc);
    const text = rowOf(index.textTokens, doc);
    for (const token of claim) counts.inClaims[token]!--;
    for (const token of text) counts.inTexts[token]!--;
    for (const token of claim) counts.anywhere[token]!--;
    // A token in both the claim and the text is one posting: counted once.
    for (let at = 0, inClaim = 0; at < text.length; at++) {
      while (inClaim < claim.length && claim[inClaim]! < text[at]!) inClaim++;
      if (claim[inClaim] !== text[at]) counts.anywhere[text[at]!]!--;
    }
    if (text.length > 0) counts.withText--;
  }

  // The fresh docs' postings, per token in slot order: token → [doc, fields, doc, fields …];
  // and each fresh doc's distinct claim and text tokens, ascending, as a build's rows are.
  const freshPostings = new Map<number, number[]>();
  const freshClaimTokens: Uint32Array[] = [];
  const freshTextTokens: Uint32Array[] = [];
  fresh.forEach((_, row) => {
    const doc = oldDocs + row;
    const fields = new Map<number, number>();
    for (const token of rowOf(freshSequences, row)) fields.set(token, (fields.get(token) ?? 0) | FIELD_CLAIM);
    for (const token of rowOf(freshTexts, row)) fields.set(token, (fields.get(token) ?? 0) | FIELD_TEXT);
    const claim: number[] = [];
    const text: number[] = [];
    for (const [token, field] of fields) {
      const entries = freshPostings.get(token);
      if (entries) entries.push(doc, field);
      else freshPostings.set(token, [doc, field]);
      counts.anywhere[token]!++;
      if (field & FIELD_CLAIM) claim.push(token);
      if (field & FIELD_TEXT) text.push(token);
    }
    for (const token of claim) counts.inClaims[token]!++;
    for (const token of text) counts.inTexts[token]!++;
    if (text.length > 0) counts.withText++;
    freshClaimTokens.push(Uint32Array.from(claim).sort());
    freshTextTokens.push(Uint32Array.from(text).sort());
  });

  const late = appendPostings(index.latePostings, index.latePostingFields, freshPostings, tokenCount);
  const domains = new Map<string, DomainSource>();
  for (const list of patch.domains) {
    for (const entry of list.domains ?? []) {
      const host = hostOf(entry.domain);
      if (host && !domains.has(host)) domains.set(host, { listId: list.listId, entry });
    }
  }
  const lists = index.lists.map((span, at) => (at === spanAt ? spanOver(span.listId, patch.idHashes) : span));
  const core: IndexCore = {
    lists,
    docCount: newDocs,
    itemCount: newItems,
    placeOfDoc,
    docOfPlace,
    claims: index.claims.with(fresh.map(({ item }) => item.claim)),
    vocabulary: tokenizer.vocabulary,
    postings: index.postings,
    postingFields: index.postingFields,
    latePostings: late.postings,
    latePostingFields: late.postingFields,
    claimSequences: appendRows(index.claimSequences, freshSequences),
    publishedDays: appended(
      index.publishedDays,
      fresh.map(({ item }) => dayOf(item.published)),
    ),
    urls: patchedUrls(index.urls, fresh, oldDocs, placeOfDoc),
    domains,
  };
  return {
    core,
    counts,
    claimTokens: appendRows(index.claimTokens, rowsOf(freshClaimTokens)),
    textTokens: appendRows(index.textTokens, rowsOf(freshTextTokens)),
  };
}

/**
 * The span of a list with these ids, its ids' hash computed when first read (persisting, a load's
 * check): hashing 100,000 ids need not come before a patch serves.
 */
function spanOver(listId: string, idHashes: Uint32Array): ListSpan {
  let idsHash: number | undefined;
  return {
    listId,
    items: idHashes.length,
    get idsHash() {
      return (idsHash ??= idsHashOf(idHashes));
    },
  };
}

/**
 * The late postings with the fresh docs' appended to their tokens' rows (their slots are the
 * highest, so rows stay ascending): a copy of the docs patches brought since the index was built
 * or loaded, not of the whole index's postings.
 */
function appendPostings(
  { offsets, values }: Rows,
  postingFields: Uint8Array,
  freshPostings: ReadonlyMap<number, readonly number[]>,
  tokenCount: number,
): { postings: Rows; postingFields: Uint8Array } {
  const oldTokens = offsets.length - 1;
  const oldLength = values.length;
  let freshLength = 0;
  for (const entries of freshPostings.values()) freshLength += entries.length / 2;
  const postingOffsets = new Uint32Array(tokenCount + 1);
  let shift = 0;
  for (let token = 0; token < tokenCount; token++) {
    postingOffsets[token] = (token < oldTokens ? offsets[token]! : oldLength) + shift;
    shift += (freshPostings.get(token)?.length ?? 0) / 2;
  }
  postingOffsets[tokenCount] = oldLength + freshLength;
  const docs = new Uint32Array(oldLength + freshLength);
  const fields = new Uint8Array(oldLength + freshLength);
  // The old rows in runs between the tokens that gain postings.
  let copied = 0;
  for (const token of [...freshPostings.keys()].sort((a, b) => a - b)) {
    const end = token < oldTokens ? offsets[token + 1]! : oldLength;
    const at = postingOffsets[token]! + (end - (token < oldTokens ? offsets[token]! : oldLength));
    docs.set(values.subarray(copied, end), at - (end - copied));
    fields.set(postingFields.subarray(copied, end), at - (end - copied));
    const entries = freshPostings.get(token)!;
    for (let next = 0; next < entries.length; next += 2) {
      docs[at + next / 2] = entries[next]!;
      fields[at + next / 2] = entries[next + 1]!;
    }
    copied = end;
  }
  docs.set(values.subarray(copied), postingOffsets[tokenCount] - (oldLength - copied));
  fields.set(postingFields.subarray(copied), postingOffsets[tokenCount] - (oldLength - copied));
  return { postings: { offsets: postingOffsets, values: docs }, postingFields: fields };
}

/** Rows in one Rows. */
function rowsOf(rows: readonly Uint32Array[]): Rows {
  const offsets = new Uint32Array(rows.length + 1);
  rows.forEach((row, at) => (offsets[at + 1] = offsets[at]! + row.length));
  const values = new Uint32Array(offsets[rows.length]!);
  rows.forEach((row, at) => values.set(row, offsets[at]));
  return { offsets, values };
}

/** `rows` followed by `more`, grown in place where they have room (growable.ts). */
function appendRows(rows: Rows, more: Rows): Rows {
  const base = rows.values.length;
  return {
    offsets: appended(
      rows.offsets,
      more.offsets.subarray(1).map((offset) => base + offset),
    ),
    values: appended(rows.values, more.values),
  };
}

/**
 * The URL → docs map with the fresh docs' appearances: only their URLs get new doc lists (the
 * docs with a place, in place order), over the map as it was; docs without a place are skipped when read.
 */
function patchedUrls(urls: UrlDocs, fresh: readonly Fresh[], oldDocs: number, placeOfDoc: Uint32Array): UrlDocs {
  const changed = new Map<string, number[]>();
  fresh.forEach(({ item }, row) => {
    for (const raw of item.appearances ?? []) {
      const url = normalizeUrl(raw);
      if (!url) continue;
      let docs = changed.get(url);
      if (!docs) changed.set(url, (docs = (urls.get(url) ?? []).filter((doc) => placeOfDoc[doc] !== NO_PLACE)));
      if (!docs.includes(oldDocs + row)) docs.push(oldDocs + row);
    }
  });
  for (const docs of changed.values()) docs.sort((a, b) => placeOfDoc[a]! - placeOfDoc[b]!);
  return changed.size === 0 ? urls : UrlOverlay.over(urls, changed);
}

/** A few URLs' doc lists over a map: what patches change, without copying the map. */
class UrlOverlay implements UrlDocs {
  private constructor(
    private readonly base: UrlDocs,
    private readonly changed: ReadonlyMap<string, readonly number[]>,
  ) {}

  /** `changed` over `urls`; over an overlay, over its base, so reads stay one look-up deep. */
  static over(urls: UrlDocs, changed: ReadonlyMap<string, readonly number[]>): UrlOverlay {
    if (urls instanceof UrlOverlay) return new UrlOverlay(urls.base, new Map([...urls.changed, ...changed]));
    return new UrlOverlay(urls, changed);
  }

  get(url: string): readonly number[] | undefined {
    return this.changed.get(url) ?? this.base.get(url);
  }

  *entries(): Iterable<[string, readonly number[]]> {
    for (const entry of this.base.entries()) if (!this.changed.has(entry[0])) yield entry;
    yield* this.changed.entries();
  }
}

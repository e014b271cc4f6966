import { z } from 'zod';
import { domainLine, itemLine, linesBlock, orderedHeader } from './export';
import { parseJsonText } from './json-text';
import {
  domainEntrySchema,
  LIST_FILE_LIMITS,
  listHeaderSchema,
  listItemSchema,
  type DomainEntry,
  type ListHeader,
  type ListItem,
  type SaringList,
} from './schema';
import { ListFormatError } from './validate';

/**
 * Differential updates (format in ./PATCHES.md): a patch takes a list from one version (`base`)
 * to another (`target`) with the items added, changed and removed, and states what the result
 * must be (its item count and checksum), so a client can prove it arrived where the publisher is.
 * Pure and WebCrypto-only: the list tool makes patches with it, the extension applies them.
 */

export const PATCH_FORMAT = 1;
/** The header's `patches` value publishers write: a folder next to the list. */
export const DEFAULT_PATCHES_PATH = 'patches/';

const CHECKSUM_PREFIX = 'sum-sha256:';
const CHECKSUM_PATTERN = /^sum-sha256:[0-9a-f]{64}$/;

export const listPatchSchema = z.object({
  saringPatch: z.literal(PATCH_FORMAT),
  base: z.number().int().nonnegative(),
  target: z.number().int().nonnegative(),
  count: z.number().int().nonnegative().max(LIST_FILE_LIMITS.maxItems),
  checksum: z.string().regex(CHECKSUM_PATTERN, `must be "${CHECKSUM_PREFIX}" and 64 hex digits`),
  header: listHeaderSchema,
  domains: z.array(domainEntrySchema),
  removed: z.array(z.string().min(1).max(128)),
  changed: z.array(listItemSchema),
  added: z.array(listItemSchema),
});
export type ListPatch = z.infer<typeof listPatchSchema>;

/** Why a patch cannot be applied; any of them means: download the whole list instead. */
export type PatchProblem =
  | 'not-a-patch'
  | 'other-list'
  | 'base-mismatch'
  | 'conflict'
  | 'count-mismatch'
  | 'checksum-mismatch'
  | 'too-many-items';

export class PatchError extends Error {
  override name = 'PatchError';
  constructor(
    readonly problem: PatchProblem,
    message: string,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// The checksum: the sum, modulo 2^256, of the SHA-256 of each item's line (itemLine). A sum does
// not depend on order and can be updated item by item, so applying a patch of 200 items to a list
// of 100,000 costs 200 hashes (plus those of the items it replaces), not a pass over the list.
// It catches mistakes (wrong base, a lost or doubled item, a bad merge); forgery is the
// signature's job, as anyone who can change a patch can change its stated checksum too.

type Sum = Uint32Array; // eight 32-bit words, most significant first

/** SHA-256 of some bytes. WebCrypto's by default; Node tools may pass node:crypto's (faster per call). */
export type Sha256 = (bytes: Uint8Array) => Uint8Array | Promise<Uint8Array>;

const encoder = new TextEncoder();
const webCryptoSha256: Sha256 = async (bytes) =>
  new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));

/** sum += digest (or -= when `negate`), modulo 2^256. */
function addDigest(sum: Sum, digest: Uint8Array, negate = false): void {
  let carry = 0;
  for (let word = 7; word >= 0; word--) {
    const offset = word * 4;
    let value =
      ((digest[offset]! << 24) | (digest[offset + 1]! << 16) | (digest[offset + 2]! << 8) | digest[offset + 3]!) >>> 0;
    // Subtracting is adding the two's complement: ~d + 1, the +1 entering as the first carry.
    if (negate) value = ~value >>> 0;
    const total = sum[word]! + value + (negate && word === 7 ? 1 : 0) + carry;
    sum[word] = total >>> 0;
    carry = total > 0xffffffff ? 1 : 0;
  }
}

function sumFromChecksum(checksum: string): Sum {
  const sum = new Uint32Array(8);
  const hex = checksum.slice(CHECKSUM_PREFIX.length);
  for (let word = 0; word < 8; word++) sum[word] = parseInt(hex.slice(word * 8, word * 8 + 8), 16) >>> 0;
  return sum;
}

function checksumFromSum(sum: Sum): string {
  return CHECKSUM_PREFIX + Array.from(sum, (word) => word.toString(16).padStart(8, '0')).join('');
}

/** Hashes this many items at once: WebCrypto's calls overlap, and memory stays bounded. */
const DIGEST_BATCH = 512;

/** Bytes of one item's digest (SHA-256 of its line) in the arrays itemDigests returns. */
export const DIGEST_BYTES = 32;

/** The SHA-256 of each item's line, in order, one after the other (DIGEST_BYTES each). */
export async function itemDigests(items: readonly ListItem[], sha256 = webCryptoSha256): Promise<Uint8Array> {
  const digests = new Uint8Array(items.length * DIGEST_BYTES);
  for (let start = 0; start < items.length; start += DIGEST_BATCH) {
    const batch = items.slice(start, start + DIGEST_BATCH);
    const hashed = await Promise.all(batch.map(async (item) => sha256(encoder.encode(itemLine(item)))));
    hashed.forEach((digest, at) => digests.set(digest, (start + at) * DIGEST_BYTES));
  }
  return digests;
}

/** sum += each digest of `digests` (or -= when `negate`). */
function addDigests(sum: Sum, digests: Uint8Array, negate = false): void {
  for (let at = 0; at < digests.length; at += DIGEST_BYTES)
    addDigest(sum, digests.subarray(at, at + DIGEST_BYTES), negate);
}

/** The checksum of the items these are the digests of (itemDigests). */
export function checksumOfDigests(digests: Uint8Array): string {
  const sum = new Uint32Array(8);
  addDigests(sum, digests);
  return checksumFromSum(sum);
}

/** The checksum of a set of items (order does not matter): `sum-sha256:` and 64 hex digits. */
export async function listChecksum(items: readonly ListItem[], sha256?: Sha256): Promise<string> {
  return checksumOfDigests(await itemDigests(items, sha256));
}

/** Whether text is a checksum as listChecksum writes it. */
export function isChecksum(text: string): boolean {
  return CHECKSUM_PATTERN.test(text);
}

// ---------------------------------------------------------------------------------------------
// Making patches (publishers).

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const sortedIds = (ids: Iterable<string>) => [...ids].sort();

/** The header a patch carries: the target's, without the parts that are not header. */
function headerOf(list: SaringList): ListHeader {
  return listHeaderSchema.parse(orderedHeader(list));
}

/** A patch from `base` to `target` (two versions of one list), its arrays sorted by id. */
export async function makePatch(base: SaringList, target: SaringList, targetChecksum?: string): Promise<ListPatch> {
  if (base.id !== target.id)
    throw new PatchError('other-list', `A patch joins two versions of one list, not "${base.id}" and "${target.id}"`);
  if (target.version < base.version)
    throw new PatchError('base-mismatch', `Version ${target.version} is older than ${base.version}`);
  const before = new Map(base.items.map((item) => [item.id, item]));
  const after = new Set<string>();
  const changed: ListItem[] = [];
  const added: ListItem[] = [];
  for (const item of target.items) {
    after.add(item.id);
    const old = before.get(item.id);
    if (!old) added.push(item);
    else if (old !== item && itemLine(old) !== itemLine(item)) changed.push(item);
  }
  const removed = base.items.filter((item) => !after.has(item.id)).map((item) => item.id);
  return {
    saringPatch: PATCH_FORMAT,
    base: base.version,
    target: target.version,
    count: target.items.length,
    checksum: targetChecksum ?? (await listChecksum(target.items)),
    header: headerOf(target),
    domains: target.domains ?? [],
    removed: sortedIds(removed),
    changed: changed.sort(byId),
    added: added.sort(byId),
  };
}

/**
 * `earlier` (V→P) followed by `later` (P→N) as one patch V→N. `middleIds` are the ids of version
 * P, `target` is version N: with them, whether an id existed at V is known exactly (the earlier
 * patch says so for every id it touched; any other id was at V as it was at P). An id touched by
 * either patch and present at both ends is sent as changed (its V content is not known here; an
 * item sent unchanged costs bytes, never correctness).
 */
export function composePatches(
  earlier: ListPatch,
  later: ListPatch,
  middleIds: ReadonlySet<string>,
  target: SaringList,
): ListPatch {
  if (earlier.target !== later.base) {
    throw new PatchError(
      'base-mismatch',
      `Patches do not chain: ${earlier.base}→${earlier.target} then ${later.base}→${later.target}`,
    );
  }
  if (later.target !== target.version || earlier.header.id !== target.id) {
    throw new PatchError('other-list', `The later patch does not lead to "${target.id}" version ${target.version}`);
  }
  const addedEarlier = new Set(earlier.added.map((item) => item.id));
  const touchedEarlier = new Set([...addedEarlier, ...earlier.changed.map((item) => item.id), ...earlier.removed]);
  const touched = new Set([
    ...touchedEarlier,
    ...later.added.map((item) => item.id),
    ...later.changed.map((item) => item.id),
    ...later.removed,
  ]);
  const final = new Map(target.items.map((item) => [item.id, item]));
  const removed: string[] = [];
  const changed: ListItem[] = [];
  const added: ListItem[] = [];
  for (const id of touched) {
    const atBase = addedEarlier.has(id) ? false : touchedEarlier.has(id) ? true : middleIds.has(id);
    const item = final.get(id);
    if (atBase && !item) removed.push(id);
    else if (!atBase && item) added.push(item);
    else if (atBase && item) changed.push(item);
  }
  return {
    ...later,
    base: earlier.base,
    removed: sortedIds(removed),
    changed: changed.sort(byId),
    added: added.sort(byId),
  };
}

/** A patch as a file: the fields pretty-printed, one item per line (as lists are written). */
export function serializePatch(patch: ListPatch): string {
  const fields = [
    `  "saringPatch": ${patch.saringPatch}`,
    `  "base": ${patch.base}`,
    `  "target": ${patch.target}`,
    `  "count": ${patch.count}`,
    `  "checksum": ${JSON.stringify(patch.checksum)}`,
    `  "header": ${JSON.stringify(orderedHeader(patch.header))}`,
    `  "removed": ${JSON.stringify(patch.removed)}`,
    linesBlock('changed', patch.changed.map(itemLine)),
    linesBlock('added', patch.added.map(itemLine)),
    linesBlock('domains', patch.domains.map(domainLine)),
  ];
  return `{\n${fields.join(',\n')}\n}\n`;
}

// ---------------------------------------------------------------------------------------------
// Applying patches (the extension).

/** A patch file's text as a checked patch, or a PatchError saying what is wrong with it. */
export function parsePatch(text: string): ListPatch {
  let json: unknown;
  try {
    json = parseJsonText(text);
  } catch (error) {
    throw new PatchError('not-a-patch', error instanceof ListFormatError ? error.message : String(error));
  }
  const parsed = listPatchSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PatchError('not-a-patch', `Not a Saring patch: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** What the client holds: enough to check a patch without reading every stored item. */
export interface PatchBase {
  listId: string;
  version: number;
  /** How many items the stored copy has. */
  count: number;
  /** listChecksum of the stored items (kept from the last full download or patch). */
  checksum: string;
  /**
   * The stored items with these ids (ids it does not hold are left out of the map), each as the
   * item or as its digest (DIGEST_BYTES of itemDigests): a store that keeps its items' digests
   * need not read the items a patch replaces.
   */
  lookup(ids: readonly string[]): Promise<ReadonlyMap<string, StoredItem>> | ReadonlyMap<string, StoredItem>;
}

/** A stored item as PatchBase.lookup finds it: the item, or its digest. */
export type StoredItem = ListItem | Uint8Array;

/** A checked patch: what changes, and the state it leads to. */
export interface PatchDelta {
  /** The base was already the target (a publisher's "you are up to date" patch). */
  current: boolean;
  header: ListHeader;
  domains: DomainEntry[];
  added: ListItem[];
  changed: ListItem[];
  removed: string[];
  count: number;
  checksum: string;
  /** The digests of the changed items, then of the added ones (itemDigests): a store keeps them for later patches. */
  brought: Uint8Array;
}

/**
 * Checks a patch against the stored copy, reading only the items it touches: the list id, the
 * base version, that removed and changed ids exist and added ones do not (each id once), and that
 * the result's item count and checksum are the ones the patch states. Throws a PatchError saying
 * which check failed; the caller then downloads the whole list. The signature over the patch's
 * bytes, when the subscription pins a key, is checked before (verifyListSignature, as for lists).
 */
export async function checkPatch(base: PatchBase, patch: ListPatch): Promise<PatchDelta> {
  if (patch.header.id !== base.listId)
    throw new PatchError('other-list', `The patch is for list "${patch.header.id}", not "${base.listId}"`);
  if (patch.header.version !== patch.target) {
    throw new PatchError(
      'not-a-patch',
      `The patch leads to version ${patch.target} but its header says ${patch.header.version}`,
    );
  }
  if (patch.base !== base.version) {
    throw new PatchError(
      'base-mismatch',
      `The patch starts from version ${patch.base}; the stored copy is version ${base.version}`,
    );
  }
  if (patch.target < patch.base)
    throw new PatchError('base-mismatch', `The patch goes back from version ${patch.base} to ${patch.target}`);
  const current = patch.target === patch.base;
  if (current && (patch.added.length || patch.changed.length || patch.removed.length)) {
    throw new PatchError('conflict', `The patch changes items but keeps version ${patch.base}`);
  }
  const seen = new Set<string>();
  for (const id of [...patch.removed, ...patch.changed.map((item) => item.id), ...patch.added.map((item) => item.id)]) {
    if (seen.has(id)) throw new PatchError('conflict', `Item "${id}" appears twice in the patch`);
    seen.add(id);
  }
  // The digests of the items the patch brings need no stored item: they are hashed while the stored
  // copy is read (WebCrypto hashes off the worker's thread).
  const hashing = itemDigests([...patch.changed, ...patch.added]);
  // Awaited below unless a check fails first.
  hashing.catch(() => undefined);
  const stored = await base.lookup([
    ...patch.removed,
    ...patch.changed.map((item) => item.id),
    ...patch.added.map((item) => item.id),
  ]);
  for (const id of [...patch.removed, ...patch.changed.map((item) => item.id)]) {
    if (!stored.has(id))
      throw new PatchError(
        'conflict',
        `The patch removes or changes item "${id}", which the stored copy does not have`,
      );
  }
  for (const item of patch.added) {
    if (stored.has(item.id))
      throw new PatchError('conflict', `The patch adds item "${item.id}", which the stored copy already has`);
  }
  const count = base.count - patch.removed.length + patch.added.length;
  if (count > LIST_FILE_LIMITS.maxItems)
    throw new PatchError('too-many-items', `The patched list would have ${count} items`);
  if (count !== patch.count) {
    throw new PatchError('count-mismatch', `The patched list would have ${count} items; the patch says ${patch.count}`);
  }
  if (!isChecksum(base.checksum))
    throw new PatchError('checksum-mismatch', 'The stored copy has no checksum to start from');
  const sum = sumFromChecksum(base.checksum);
  const replaced = [...patch.removed, ...patch.changed.map((item) => item.id)].map((id) => stored.get(id)!);
  const replacedItems = replaced.filter((held): held is ListItem => !(held instanceof Uint8Array));
  addDigests(sum, await itemDigests(replacedItems), true);
  for (const held of replaced) if (held instanceof Uint8Array) addDigest(sum, held, true);
  const brought = await hashing;
  addDigests(sum, brought);
  const checksum = checksumFromSum(sum);
  if (checksum !== patch.checksum) {
    throw new PatchError(
      'checksum-mismatch',
      'The patched items are not the ones the publisher listed (checksum differs): the stored copy and the patch disagree',
    );
  }
  return {
    current,
    header: patch.header,
    domains: patch.domains,
    added: patch.added,
    changed: patch.changed,
    removed: patch.removed,
    count,
    checksum,
    brought,
  };
}

export interface AppliedPatch {
  list: SaringList;
  checksum: string;
  delta: PatchDelta;
}

/**
 * Applies a patch to a whole list in memory (checkPatch, then the new item array: the base's
 * order, changed items in place, removed ones dropped, added ones at the end). `baseChecksum`
 * saves hashing every item when the caller kept it.
 */
export async function applyPatch(base: SaringList, patch: ListPatch, baseChecksum?: string): Promise<AppliedPatch> {
  const items = new Map(base.items.map((item) => [item.id, item]));
  const delta = await checkPatch(
    {
      listId: base.id,
      version: base.version,
      count: base.items.length,
      checksum: baseChecksum ?? (await listChecksum(base.items)),
      lookup: (ids) => new Map(ids.flatMap((id) => (items.has(id) ? [[id, items.get(id)!] as const] : []))),
    },
    patch,
  );
  const removed = new Set(delta.removed);
  const changed = new Map(delta.changed.map((item) => [item.id, item]));
  const next = base.items.filter((item) => !removed.has(item.id)).map((item) => changed.get(item.id) ?? item);
  next.push(...delta.added);
  const list: SaringList = {
    ...delta.header,
    items: next,
    ...(delta.domains.length ? { domains: delta.domains } : {}),
  };
  return { list, checksum: delta.checksum, delta };
}

/**
 * The URL of the patch from `version` for a list at `listUrl` whose header says `patches`, or null
 * when the header's value does not make a usable URL: it must resolve to the list's own origin
 * (the host the subscription trusts and holds a permission for).
 */
export function patchUrl(listUrl: string, patches: string | undefined, version: number): string | null {
  if (!patches || !Number.isSafeInteger(version) || version < 0) return null;
  try {
    const list = new URL(listUrl);
    const folder = new URL(patches.endsWith('/') ? patches : `${patches}/`, list);
    if (folder.origin !== list.origin || folder.search || folder.hash) return null;
    return new URL(`${version}.json`, folder).href;
  } catch {
    return null;
  }
}

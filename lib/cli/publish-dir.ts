import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { itemLine, serializeList } from '../lists/export';
import { checkJsonText, parseCheckedJsonText } from '../lists/json-text';
import {
  composePatches,
  DEFAULT_PATCHES_PATH,
  listChecksum,
  makePatch,
  parsePatch,
  PatchError,
  serializePatch,
  type ListPatch,
} from '../lists/patch';
import type { SaringList } from '../lists/schema';
import { signListBytes } from '../lists/signature';
import { checkListSize, ListFormatError, validateList } from '../lists/validate';
import { nextVersionAfter } from './commands/build';
import { CliError } from './io';

/**
 * Publishing a list into a folder that a static host serves: `list.json`, `list.json.gz` (for
 * hosts that do not compress), `list.json.sig` when signed, and `patches/` (lib/lists/PATCHES.md):
 * a patch from each recent version to this one and the "up to date" patch of this one. The folder
 * is the publisher's whole memory: the previous list and its patches are read from it.
 */

export const LIST_FILE = 'list.json';
export const PATCHES_FOLDER = DEFAULT_PATCHES_PATH.replace(/\/$/, '');
/** Patches kept: from this many previous versions (older clients download the list). */
export const DEFAULT_KEEP_VERSIONS = 60;
/** A patch this small is always worth keeping, whatever the list's size. */
const SMALL_PATCH_BYTES = 64 * 1024;

export interface PublishOptions {
  dir: string;
  /** The new content. With `version: 'next'` its version is replaced by the next one. */
  list: SaringList;
  /** `given`: publish the list's own version (must be newer); `next`: the time as YYYYMMDDHHMM, or the minute after the previous version when that is not later (nextVersionAfter). */
  version: 'given' | 'next';
  /** base64 PKCS#8 (as keygen writes it): sign the list and every patch. */
  signingKey?: string;
  keepVersions?: number;
  now?: Date;
}

export interface PublishResult {
  status: 'published' | 'unchanged';
  version: number;
  items: number;
  previousVersion?: number;
  added: string[];
  changed: string[];
  removed: string[];
  /** Base versions that have a patch to this version (this version's own "up to date" one aside). */
  patchBases: number[];
  /** Files written (relative to dir); none when nothing changed. */
  written: string[];
  /** What people should know: an unreadable previous list, dropped patches … */
  notes: string[];
  listBytes: number;
  gzipBytes: number;
}

/** Writes `bytes` to `path` only if they differ from what is there, atomically (temp + rename). */
async function writeIfChanged(path: string, bytes: Uint8Array, written: string[], name: string): Promise<void> {
  const existing = await readFile(path).catch(() => null);
  if (existing && Buffer.compare(existing, bytes) === 0) return;
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, path);
  written.push(name);
}

const encode = (text: string) => new TextEncoder().encode(text);

/** The list in `dir`, or undefined (with a note) when there is none or it cannot be read. */
export async function readPublishedList(dir: string, notes: string[] = []): Promise<SaringList | undefined> {
  const bytes = await readFile(join(dir, LIST_FILE)).catch(() => null);
  if (bytes === null) return undefined;
  try {
    const text = bytes.toString('utf8');
    checkJsonText(text, bytes.length);
    const { header, items, domains, problems } = validateList(parseCheckedJsonText(text));
    if (problems.length)
      notes.push(`${LIST_FILE}: ${problems.length} items of the published list do not validate; they are left out`);
    return { ...header, items, ...(domains.length ? { domains } : {}) };
  } catch (error) {
    notes.push(
      `${LIST_FILE}: the published list cannot be read (${error instanceof ListFormatError ? error.message : String(error)}); starting afresh, without patches`,
    );
    return undefined;
  }
}

/** node:crypto's SHA-256: the same digest as WebCrypto's, a fraction of the cost per item. */
export const nodeSha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

/** Same items (in any order), domains and header, version and publication time aside. */
function sameContent(a: SaringList, b: SaringList): boolean {
  const header = (list: SaringList) =>
    serializeList({ ...list, version: 0, published: undefined, items: [], domains: list.domains ?? [] });
  if (a.items.length !== b.items.length || header(a) !== header(b)) return false;
  const byId = new Map(a.items.map((item) => [item.id, item]));
  return b.items.every((item) => {
    const other = byId.get(item.id);
    return other !== undefined && (other === item || itemLine(other) === itemLine(item));
  });
}

/** Patches in `dir/patches` that lead to `version` of list `id`, by base; unusable ones noted. */
async function readPatchesTo(folder: string, id: string, version: number, notes: string[]): Promise<ListPatch[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const patches: ListPatch[] = [];
  for (const name of names) {
    const base = /^(\d+)\.json$/.exec(name)?.[1];
    if (!base || Number(base) >= version) continue;
    try {
      const patch = parsePatch(await readFile(join(folder, name), 'utf8'));
      if (patch.header.id === id && patch.target === version && patch.base === Number(base)) patches.push(patch);
      else notes.push(`${PATCHES_FOLDER}/${name}: does not lead to the published version ${version}; dropped`);
    } catch (error) {
      notes.push(`${PATCHES_FOLDER}/${name}: ${error instanceof PatchError ? error.message : String(error)}; dropped`);
    }
  }
  return patches;
}

async function sign(bytes: Uint8Array, key: string): Promise<Uint8Array> {
  try {
    return encode(`${await signListBytes(bytes, key)}\n`);
  } catch (error) {
    throw new CliError(`signing key: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Publishes `options.list` into `options.dir`. Nothing is written when the content equals the
 * published list's (same version, same bytes), except files that are missing or stale (a
 * signature never made, a lost .gz). Patches are written before the list, so a client never sees
 * a list whose patches are not there yet.
 */
export async function publishList(options: PublishOptions): Promise<PublishResult> {
  const { dir, signingKey } = options;
  const now = options.now ?? new Date();
  const keep = options.keepVersions ?? DEFAULT_KEEP_VERSIONS;
  const notes: string[] = [];
  const written: string[] = [];
  const folder = join(dir, PATCHES_FOLDER);
  await mkdir(folder, { recursive: true });
  // Publishing unsigned over a signed list would break every subscription pinned to its key.
  if (!signingKey && (await readFile(join(dir, `${LIST_FILE}.sig`)).catch(() => null))) {
    throw new CliError(
      `${join(dir, `${LIST_FILE}.sig`)} exists: this list is signed, so give the signing key (--sign KEYFILE), or delete the .sig files to stop signing`,
    );
  }

  let previous = await readPublishedList(dir, notes);
  if (previous && previous.id !== options.list.id) {
    notes.push(`${LIST_FILE}: holds list "${previous.id}", not "${options.list.id}": replaced, without patches`);
    previous = undefined;
  }
  const candidate: SaringList = { ...options.list, patches: DEFAULT_PATCHES_PATH };
  // A published list without the patches field differs in its header: it gets a new version.
  const unchanged = previous !== undefined && sameContent(previous, candidate);

  let next: SaringList;
  if (unchanged) {
    next = previous!;
  } else {
    let version = candidate.version;
    if (options.version === 'next') version = nextVersionAfter(previous?.version, now);
    else if (previous && version <= previous.version) {
      throw new CliError(
        `version ${version} is not newer than the published version ${previous.version} (versions must increase with each publish)`,
      );
    }
    next = {
      ...candidate,
      version,
      ...(options.version === 'next' ? { published: now.toISOString().replace(/\.\d+Z$/, 'Z') } : {}),
    };
  }
  const listFileBytes = encode(serializeList(next));
  checkListSize(listFileBytes.length);
  const gzip = new Uint8Array(gzipSync(listFileBytes, { level: 9 }));
  const checksum = await listChecksum(next.items, nodeSha256);

  // Patches: from every kept version to this one, then this version's own "up to date" one.
  const patchFiles = new Map<string, Uint8Array>();
  const addPatch = (patch: ListPatch) => patchFiles.set(`${patch.base}.json`, encode(serializePatch(patch)));
  // A first version adds every item (the report counts them as new).
  let added: string[] = previous || unchanged ? [] : next.items.map((item) => item.id);
  let changed: string[] = [];
  let removed: string[] = [];
  if (unchanged) {
    for (const patch of await readPatchesTo(folder, next.id, next.version, notes)) addPatch(patch);
  } else if (previous) {
    const latest = await makePatch(previous, next, checksum);
    ({ removed } = latest);
    added = latest.added.map((item) => item.id);
    changed = latest.changed.map((item) => item.id);
    const middle = new Set(previous.items.map((item) => item.id));
    const older = (await readPatchesTo(folder, previous.id, previous.version, notes)).map((patch) =>
      composePatches(patch, latest, middle, next),
    );
    const kept = [latest, ...older].sort((a, b) => b.base - a.base).slice(0, keep);
    for (const patch of kept) {
      const bytes = encode(serializePatch(patch));
      // A big patch over half the gzipped list is no saving: those clients download the list.
      if (bytes.length > SMALL_PATCH_BYTES && bytes.length > gzip.length / 2)
        notes.push(
          `${PATCHES_FOLDER}/${patch.base}.json: ${bytes.length} bytes, over half the gzipped list; not published`,
        );
      else patchFiles.set(`${patch.base}.json`, bytes);
    }
  }
  addPatch(await makePatch(next, next, checksum));

  for (const [name, bytes] of patchFiles) {
    await writeIfChanged(join(folder, name), bytes, written, `${PATCHES_FOLDER}/${name}`);
    if (signingKey)
      await writeIfChanged(
        join(folder, `${name}.sig`),
        await sign(bytes, signingKey),
        written,
        `${PATCHES_FOLDER}/${name}.sig`,
      );
  }
  for (const name of await readdir(folder)) {
    const patchName = name.replace(/\.sig$/, '');
    if (/^\d+\.json(\.sig)?$/.test(name) && (!patchFiles.has(patchName) || (name.endsWith('.sig') && !signingKey))) {
      await rm(join(folder, name));
      written.push(`${PATCHES_FOLDER}/${name} (removed)`);
    }
  }
  await writeIfChanged(join(dir, `${LIST_FILE}.gz`), gzip, written, `${LIST_FILE}.gz`);
  if (signingKey)
    await writeIfChanged(
      join(dir, `${LIST_FILE}.sig`),
      await sign(listFileBytes, signingKey),
      written,
      `${LIST_FILE}.sig`,
    );
  await writeIfChanged(join(dir, LIST_FILE), listFileBytes, written, LIST_FILE);

  return {
    status: unchanged ? 'unchanged' : 'published',
    version: next.version,
    items: next.items.length,
    ...(previous ? { previousVersion: previous.version } : {}),
    added,
    changed,
    removed,
    patchBases: [...patchFiles.keys()]
      .map((name) => Number(name.replace('.json', '')))
      .filter((base) => base !== next.version)
      .sort((a, b) => b - a),
    written,
    notes,
    listBytes: listFileBytes.length,
    gzipBytes: gzip.length,
  };
}

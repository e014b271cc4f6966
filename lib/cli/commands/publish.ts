import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { applyPatch, listChecksum, makePatch, serializePatch } from '../../lists/patch';
import type { SaringList } from '../../lists/schema';
import { signListBytes } from '../../lists/signature';
import { CliError, readText, type CliIo, type Command } from '../io';
import { DEFAULT_KEEP_VERSIONS, nodeSha256, publishList, type PublishResult } from '../publish-dir';
import { loadList } from './validate';

/** A list file or URL as a whole list; items that do not validate are reported and left out. */
async function readWholeList(source: string, io: CliIo): Promise<SaringList> {
  const { header, items, domains, problems } = await loadList(source);
  for (const { where, what } of problems) io.err(`${source}: ${where}: ${what} (left out)`);
  return { ...header, items, ...(domains.length ? { domains } : {}) };
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The lines a publish prints: what changed and what was written. */
export function describePublish(dir: string, result: PublishResult): string[] {
  if (result.status === 'unchanged') {
    return [
      `${dir}: nothing new: version ${result.version} stays (${result.items} items)${result.written.length ? `; repaired ${result.written.join(', ')}` : ''}`,
    ];
  }
  const change =
    result.previousVersion === undefined
      ? 'first version'
      : `from ${result.previousVersion}: +${result.added.length} added, ~${result.changed.length} changed, -${result.removed.length} removed`;
  return [
    `${dir}: version ${result.version}, ${result.items} items (${change})`,
    `  list.json ${kilobytes(result.listBytes)}, list.json.gz ${kilobytes(result.gzipBytes)}; patches from ${result.patchBases.length} earlier version${result.patchBases.length === 1 ? '' : 's'}`,
  ];
}

export const publishCommand: Command = {
  summary: 'publish a list into a folder for a static host, with patches from recent versions',
  usage: `saring-list publish LIST --out DIR [--sign KEYFILE] [--keep N]

Writes DIR/list.json (LIST, with "patches": "patches/" in its header), DIR/list.json.gz, and
DIR/patches/: a patch from each of the last N published versions (default ${DEFAULT_KEEP_VERSIONS}) to this one,
so browsers holding a recent version download only what changed (lib/lists/PATCHES.md). DIR is
the publisher's memory: keep it between publishes (it is what the static host serves). LIST's
version must be newer than the one in DIR; a LIST with the same items as DIR's writes nothing.
With --sign, list.json.sig and a .sig for each patch.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { out: { type: 'string', short: 'o' }, sign: { type: 'string' }, keep: { type: 'string' } },
    });
    if (positionals.length !== 1 || !values.out) throw new CliError('publish needs LIST and --out DIR');
    const keep = values.keep === undefined ? DEFAULT_KEEP_VERSIONS : Number(values.keep);
    if (!Number.isInteger(keep) || keep < 1 || keep > 1000)
      throw new CliError('--keep must be a whole number from 1 to 1000');
    const list = await readWholeList(positionals[0]!, io);
    const signingKey = values.sign === undefined ? undefined : (await readText(values.sign)).trim();
    const result = await publishList({
      dir: values.out,
      list,
      version: 'given',
      keepVersions: keep,
      ...(signingKey ? { signingKey } : {}),
    });
    for (const note of result.notes) io.err(note);
    for (const line of describePublish(values.out, result)) io.out(line);
    return 0;
  },
};

export const diffCommand: Command = {
  summary: 'make the patch that takes one version of a list to the next',
  usage: `saring-list diff OLD NEW -o PATCH [--sign KEYFILE]

Writes the patch from list OLD to list NEW (files or URLs, .json or .json.gz; same list id, NEW's
version newer): the items added, changed and removed, NEW's header, and NEW's item count and
checksum (lib/lists/PATCHES.md). The patch is checked by applying it to OLD before it is written.
For a folder published with patches from every recent version, use publish (or harvest).`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { output: { type: 'string', short: 'o' }, sign: { type: 'string' } },
    });
    if (positionals.length !== 2 || !values.output) throw new CliError('diff needs OLD, NEW and -o PATCH');
    const [oldSource, newSource] = positionals as [string, string];
    const [base, target] = [await readWholeList(oldSource, io), await readWholeList(newSource, io)];
    if (base.id !== target.id)
      throw new CliError(
        `${oldSource} is list "${base.id}" and ${newSource} is "${target.id}": a patch joins two versions of one list`,
      );
    if (target.version <= base.version)
      throw new CliError(
        `${newSource} (version ${target.version}) is not newer than ${oldSource} (version ${base.version})`,
      );
    const patch = await makePatch(base, target, await listChecksum(target.items, nodeSha256));
    const applied = await applyPatch(base, patch, await listChecksum(base.items, nodeSha256));
    if (applied.checksum !== patch.checksum) throw new CliError('internal: the patch does not reproduce NEW');
    const text = serializePatch(patch);
    await writeFile(values.output, text);
    if (values.sign)
      await writeFile(
        `${values.output}.sig`,
        `${await signListBytes(new TextEncoder().encode(text), (await readText(values.sign)).trim())}\n`,
      );
    const gzipped = gzipSync(text).length;
    io.out(
      `${values.output}: ${base.version} → ${target.version}: +${patch.added.length} added, ~${patch.changed.length} changed, -${patch.removed.length} removed; ${kilobytes(Buffer.byteLength(text))} (${kilobytes(gzipped)} gzipped)${values.sign ? `, signed (${values.output}.sig)` : ''}`,
    );
    return 0;
  },
};

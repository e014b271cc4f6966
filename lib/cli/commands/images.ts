import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { decodeImage, ImageDecodeError } from '../../images/decode-node';
import { pdqHash, type PdqHash } from '../../images/pdq';
import { pictureHashes } from '../../images/picture-hashes';
import { serializeList } from '../../lists/export';
import { LIMITS, type SaringList } from '../../lists/schema';
import { utf8ByteLength } from '../../lists/text';
import { checkListSize, validateList } from '../../lists/validate';
import { CliError, readSource, type CliIo, type Command } from '../io';
import { versionFromTime } from './build';
import { loadList } from './validate';

/** Decodes each file in turn; a file that cannot be read or decoded is reported on stderr and skipped. */
async function* decodedFiles(files: readonly string[], io: CliIo, failures: string[]) {
  for (const file of files) {
    try {
      yield { file, pixels: await decodeImage(await readSource(file)) };
    } catch (error) {
      if (!(error instanceof ImageDecodeError || error instanceof CliError)) throw error;
      io.err(`${error instanceof CliError ? '' : `${file}: `}${error.message}`);
      failures.push(file);
    }
  }
}

export const hashImageCommand: Command = {
  summary: 'print the PDQ hash and quality of pictures (JPEG, PNG, WebP)',
  usage: `saring-list hash-image FILE... [--json]

One line per picture, as the PDQ reference tool prints it: <64 hex>,<quality 0-100>,<file>.
--json prints [{"file": "...", "pdq": "...", "quality": N}, …] instead. A file that cannot be
hashed (not a JPEG, PNG or WebP, truncated, over 50 megapixels …) is reported on stderr and the
exit code is 1; the others are still printed. Quality under 50 means a near-flat picture whose
hash Saring does not trust.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false } },
    });
    if (positionals.length === 0) throw new CliError('hash-image needs at least one FILE');
    const failures: string[] = [];
    const results: Array<{ file: string } & PdqHash> = [];
    for await (const { file, pixels } of decodedFiles(positionals, io, failures)) {
      const hash = pdqHash(pixels);
      results.push({ file, ...hash });
      if (!values.json) io.out(`${hash.pdq},${hash.quality},${file}`);
    }
    if (values.json) io.out(JSON.stringify(results, null, 1));
    return failures.length ? 1 : 0;
  },
};

export const addImageCommand: Command = {
  summary: "hash pictures into a list item's images (with crop hashes)",
  usage: `saring-list add-image LIST ITEM_ID FILE... --out LIST [--version N]

Hashes each picture as the extension compares pictures — the PDQ reference hash plus area hashes
of the whole picture and of light crops (12 hashes, about 1 KB per picture), so recompressed,
resized and lightly cropped copies match — and adds them to the item's "images". Hash the
debunked picture itself as it circulated, not the fact-check's annotated or watermarked copy.
The list is written to --out (it may be LIST itself) with a new version: --version N, or the
current time as YYYYMMDDHHMM (always above the old version). Sign it again afterwards.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { out: { type: 'string', short: 'o' }, version: { type: 'string' } },
    });
    if (positionals.length < 3) throw new CliError('add-image needs LIST, ITEM_ID and at least one FILE');
    if (!values.out) throw new CliError('add-image needs --out LIST');
    const [source, itemId, ...files] = positionals as [string, string, ...string[]];
    const list = await loadList(source);
    if (list.problems.length) {
      for (const { where, what } of list.problems) io.err(`${source}: ${where}: ${what}`);
      throw new CliError(
        `${source} has ${list.problems.length} invalid entries: fix them first (saring-list validate), so nothing is dropped on rewrite`,
      );
    }
    const item = list.items.find((candidate) => candidate.id === itemId);
    if (!item) throw new CliError(`${source} has no item with id ${JSON.stringify(itemId)}`);
    const version =
      values.version === undefined
        ? Math.max(versionFromTime(new Date()), list.header.version + 1)
        : Number(values.version);
    if (!Number.isSafeInteger(version) || version <= list.header.version) {
      throw new CliError(
        `--version must be a whole number above the list's version ${list.header.version}, not ${values.version}`,
      );
    }

    const failures: string[] = [];
    const images = [...(item.images ?? [])];
    for await (const { file, pixels } of decodedFiles(files, io, failures)) {
      const hashes = pictureHashes(pixels);
      const added = hashes.filter((hash) => !images.some((known) => known.pdq === hash.pdq));
      images.push(...added);
      io.out(
        `${file}: ${hashes[0]!.pdq},${hashes[0]!.quality}${hashes[0]!.quality < 50 ? ' (quality under 50: a near-flat picture, matches poorly)' : ''}; ${added.length} of ${hashes.length} hashes new`,
      );
    }
    if (failures.length)
      throw new CliError(
        `${failures.length} of ${files.length} pictures could not be hashed: the list was not written`,
      );
    if (images.length > LIMITS.images)
      throw new CliError(
        `item ${JSON.stringify(itemId)} would have ${images.length} image hashes: the limit is ${LIMITS.images}`,
      );

    const updated: SaringList = {
      ...list.header,
      version,
      published: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      items: list.items.map((candidate) => (candidate === item ? { ...item, images } : candidate)),
      ...(list.domains.length ? { domains: list.domains } : {}),
    };
    const text = serializeList(updated);
    checkListSize(utf8ByteLength(text));
    const check = validateList(JSON.parse(text));
    if (check.problems.length)
      throw new CliError(
        `internal: the updated list does not validate (${check.problems[0]!.where}: ${check.problems[0]!.what})`,
      );
    await writeFile(values.out, text);
    io.out(
      `${values.out}: "${updated.id}" version ${version}, item ${JSON.stringify(itemId)} has ${images.length} image hashes`,
    );
    return 0;
  },
};

/**
 * Writes reference-pdq.csv: the PDQ reference tool's hash of every generated picture, with each
 * file's sha256 so the eval compares only the bytes the tool saw. The reference tool is not part
 * of the repository (nor of CI): build ThreatExchange's pdq/cpp `pdq-photo-hasher` elsewhere
 * (it reads pictures through ImageMagick's `convert`), then
 *   npx tsx tests/eval/images/record-reference.ts --hasher /path/to/pdq-photo-hasher
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GENERATED_DIR, here, type Manifest, MANIFEST_FILE, REFERENCE_FILE } from './common';
import { sha256 } from './eval-images';
import { ensureImageSet } from './ensure';

const at = process.argv.indexOf('--hasher');
if (at < 0) throw new Error('usage: record-reference.ts --hasher /path/to/pdq-photo-hasher');
const hasher = process.argv[at + 1]!;
const folder = await ensureImageSet();
const manifest = JSON.parse(readFileSync(resolve(folder, MANIFEST_FILE), 'utf8')) as Manifest;
const files = manifest.images.map((image) => image.file);
// Filenames on stdin (-i), relative to the set folder; output lines are "hash,quality,file".
const output = execFileSync(hasher, ['-i'], { cwd: folder, input: `${files.join('\n')}\n`, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const rows = output
  .trim()
  .split('\n')
  .map((line) => {
    const [pdq, quality, file] = line.split(',');
    return `${pdq},${quality},${file},${sha256(readFileSync(resolve(folder, file!)))}`;
  });
const header = `# PDQ reference hashes of tests/eval/images/${GENERATED_DIR} (ThreatExchange pdq-photo-hasher via ImageMagick): hash,quality,file,sha256 of the file`;
writeFileSync(resolve(here, REFERENCE_FILE), `${header}\n${rows.join('\n')}\n`);
console.log(`wrote ${rows.length} of ${files.length} reference hashes to ${REFERENCE_FILE}`);

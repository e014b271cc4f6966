/**
 * Remade posters and unrelated pictures checked by their text, as `saring-list match-image` checks
 * a picture (lib/cli/commands/match-image.ts): OCR in Node with one warm engine, then the picture's
 * hashes and text through checkImages against the starter list as shipped (remade posters of the
 * set's CLEF claims are left out: their item is not in it). Prints the share of
 * remade posters whose claim is in the top 5, the share asked about with it among the fact-checks
 * shown, and the share of unrelated pictures asked about, overall and on the held-out half.
 *
 * OCR takes about 2 s a picture, so by default every 5th remade poster and every 5th unrelated
 * picture is read (SARING_EVAL_OCR_EVERY=1 reads all: 176 remade posters of starter-list claims and
 * 320 unrelated pictures, about 20 minutes). The texts are cached in
 * generated/ocr-texts-<hash>.json, the hash being of the OCR code and tesseract.js version, so a
 * later run reads only pictures it has not read yet.
 * Run alone: npx tsx tests/eval/images/eval-picture-text.ts
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { readStarterList } from '../../../lib/cli/build-starter-list';
import { pictureChecker, shownForPicture } from '../../../lib/cli/commands/match-image';
import { decodeImage } from '../../../lib/images/decode-node';
import { hashPicture } from '../../../lib/images/check-image';
import { OcrEngine } from '../../../lib/ocr/ocr-node';
import { type GeneratedImage, here, type Manifest, MANIFEST_FILE } from './common';
import { ensureImageSet } from './ensure';

const TOP = 5;
const OCR_SOURCES = ['ocr-node.ts', 'ocr-common.ts', 'prepare-node.ts', 'tesseract.ts'];

/** Every how many pictures of each set are read: SARING_EVAL_OCR_EVERY, 5 unless set. */
function readEvery(): number {
  const every = Number(process.env.SARING_EVAL_OCR_EVERY ?? 5);
  if (!Number.isInteger(every) || every < 1) throw new Error('SARING_EVAL_OCR_EVERY must be a whole number ≥ 1');
  return every;
}

/** What the OCR text depends on besides the picture: the OCR code and the tesseract.js version. */
function ocrStamp(): string {
  const hash = createHash('sha256');
  for (const file of OCR_SOURCES) hash.update(readFileSync(resolve(here, '../../../lib/ocr', file)));
  const tesseract = createRequire(import.meta.url)('tesseract.js/package.json') as { version: string };
  return hash.update(tesseract.version).digest('hex').slice(0, 16);
}

/** OCR texts by file (with the file's sha256, so a remade set is read again), read once and kept. */
async function ocrTexts(folder: string, images: GeneratedImage[]): Promise<Map<string, string>> {
  const cacheFile = resolve(folder, `ocr-texts-${ocrStamp()}.json`);
  const cache = (existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, 'utf8')) : {}) as Record<
    string,
    { sha256: string; text: string }
  >;
  const texts = new Map<string, string>();
  let engine: OcrEngine | null = null;
  try {
    for (const image of images) {
      const bytes = new Uint8Array(readFileSync(resolve(folder, image.file)));
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      let entry = cache[image.file];
      if (entry?.sha256 !== sha256) {
        engine ??= await OcrEngine.start();
        entry = { sha256, text: (await engine.recognize(bytes)).text };
        cache[image.file] = entry;
        // Kept after each picture: an interrupted run loses nothing it has read.
        writeFileSync(cacheFile, JSON.stringify(cache));
      }
      texts.set(image.file, entry.text);
    }
  } finally {
    await engine?.close();
  }
  return texts;
}

const pct = (hits: number, of: number) => (of ? `${((100 * hits) / of).toFixed(1)}%` : '—');

export async function pictureTextEval(): Promise<void> {
  const folder = await ensureImageSet();
  const manifest = JSON.parse(readFileSync(resolve(folder, MANIFEST_FILE), 'utf8')) as Manifest;
  const every = readEvery();
  const sampled = (set: GeneratedImage['set']) =>
    manifest.images.filter((image) => image.set === set).filter((_, at) => at % every === 0);
  const starter = readStarterList();
  // Posters of the set's CLEF claims have no item in the starter list to find: left out.
  const starterIds = new Set(starter.items.map((item) => item.id));
  const remade = sampled('remade').filter((image) => starterIds.has(image.claimId!));
  const unrelated = sampled('unrelated');
  const texts = await ocrTexts(folder, [...remade, ...unrelated]);
  const check = pictureChecker([{ listId: starter.id, items: starter.items }], TOP);

  const outcomes: { image: GeneratedImage; inTop5: boolean; askedWithIt: boolean; asked: boolean }[] = [];
  for (const image of [...remade, ...unrelated]) {
    const hashes = hashPicture(await decodeImage(new Uint8Array(readFileSync(resolve(folder, image.file)))));
    const result = await check(hashes, texts.get(image.file)!);
    const shown = shownForPicture(result, TOP);
    outcomes.push({
      image,
      inTop5: result.matches.slice(0, TOP).some((hit) => hit.item.id === image.claimId),
      askedWithIt: shown.some((hit) => hit.item.id === image.claimId),
      asked: shown.length > 0,
    });
  }

  // Odd-numbered posters are the held-out half (as in eval-images.ts); unrelated pictures by their index.
  const heldOut = (image: GeneratedImage) =>
    (image.poster ?? Number(image.file.match(/(\d+)-/)?.[1] ?? 0)) % 2 === 1;
  type Outcome = (typeof outcomes)[number];
  const line = (set: 'remade' | 'unrelated', label: string, keep: (o: Outcome) => boolean, goal: string) => {
    const cells = [() => true, (o: Outcome) => heldOut(o.image)].map((part) => {
      const picked = outcomes.filter((o) => o.image.set === set && part(o));
      return `${pct(picked.filter(keep).length, picked.length).padStart(6)} of ${String(picked.length).padStart(3)}`;
    });
    console.log(`  ${label.padEnd(48)} ${cells[0]}   ${cells[1]}   ${goal}`);
  };
  console.log(
    `remade posters and unrelated pictures checked by their OCR text as match-image checks them (starter list as shipped, posters of its claims only; every ${every === 1 ? 'picture' : `${every}th picture of each set`}, SARING_EVAL_OCR_EVERY=1 for all; texts cached in generated/)`,
  );
  console.log(`  ${''.padEnd(48)} ${'all'.padStart(13)}   ${'held out'.padStart(13)}`);
  line('remade', 'remade posters, expected item in the top 5', (o) => o.inTop5, 'goal ≥ 85%');
  line('remade', 'remade posters, asked with it among those shown', (o) => o.askedWithIt, 'goal ≥ 70%');
  line('unrelated', 'unrelated pictures asked about by their text', (o) => o.asked, 'goal ≤ 1%');
  for (const variant of new Set(remade.map((image) => image.variant))) {
    const picked = outcomes.filter((o) => o.image.variant === variant);
    console.log(
      `    ${variant!.padEnd(14)} top 5 ${pct(picked.filter((o) => o.inTop5).length, picked.length)}, asked with it ${pct(picked.filter((o) => o.askedWithIt).length, picked.length)} of ${picked.length}`,
    );
  }
  const askedUnrelated = outcomes.filter((o) => o.image.set === 'unrelated' && o.asked);
  if (askedUnrelated.length) console.log(`  unrelated asked: ${askedUnrelated.map((o) => o.image.file).join(', ')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(here, 'eval-picture-text.ts')) await pictureTextEval();

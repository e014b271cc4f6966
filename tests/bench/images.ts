/**
 * Picture hashing speed in Node (issue 17): the reference PDQ hash, a checked picture's 11 hashes
 * and a publisher's 12, on a 1080×1350 poster-like picture and a 4000×3000 photo-like one, and
 * the comparison of one checked picture with 10,000 stored pictures.
 * Run alone: npx tsx tests/bench/images.ts
 */
import { resolve } from 'node:path';
import sharp from 'sharp';
import { checkImages, hashPicture, type PictureItem } from '../../lib/images/check-image';
import { decodeImage } from '../../lib/images/decode-node';
import { pdqHash, type Pixels } from '../../lib/images/pdq';
import { checkedHashes, PictureIndex, pictureHashes } from '../../lib/images/picture-hashes';
import { patternPicture, posterLikePicture } from '../unit/pdq-patterns';

function median(run: () => unknown, times: number): number {
  const spent: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    run();
    spent.push(performance.now() - started);
  }
  return spent.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

/** Median of an async run, one at a time. */
async function medianAsync(run: () => Promise<unknown>, times: number): Promise<number> {
  const spent: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run();
    spent.push(performance.now() - started);
  }
  return spent.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

/** The list tool's picture check per file without OCR (match-image --no-ocr): sharp's decode, 11 hashes, the picture index. */
export async function runImageCheckBench(): Promise<void> {
  const poster = posterLikePicture(1080, 1350, 3);
  const jpeg = await sharp(Buffer.from(poster.data), { raw: { width: 1080, height: 1350, channels: 3 } })
    .jpeg({ quality: 80 })
    .toBuffer();
  const pictures = new PictureIndex<PictureItem>();
  const item = { id: 'x', claim: 'x', rating: 'false' as const };
  for (let i = 0; i < 1_000; i++)
    pictures.add({ listId: 'l', item }, pictureHashes(posterLikePicture(96, 96, 1000 + (i % 50))));
  const figure = await medianAsync(
    () =>
      decodeImage(jpeg).then((pixels) =>
        checkImages(
          { pictures: [hashPicture(pixels)], query: { text: '', urls: [] } },
          { pictures, match: () => ({ decision: 'none', matches: [] }) },
        ),
      ),
    15,
  );
  console.log(
    `node      1080×1350 JPEG file → decoded (sharp), 11 hashes, against 1,000 stored pictures (match-image --no-ocr), median of 15  ${figure.toFixed(1)} ms`,
  );
}

export function runImagesBench(): void {
  const pictures: [string, Pixels][] = [
    ['poster 1080×1350', posterLikePicture(1080, 1350, 3)],
    ['photo 4000×3000', patternPicture(4000, 3000, 3, 2)],
  ];
  const rows: [string, string][] = [];
  for (const [name, pixels] of pictures) {
    rows.push([
      `${name}: PDQ hash (reference way), median of 15`,
      `${median(() => pdqHash(pixels), 15).toFixed(1)} ms`,
    ]);
    rows.push([
      `${name}: checked picture's 11 hashes, median of 15`,
      `${median(() => checkedHashes(pixels), 15).toFixed(1)} ms`,
    ]);
    rows.push([
      `${name}: publisher's 12 hashes (add-image), median of 5`,
      `${median(() => pictureHashes(pixels), 5).toFixed(1)} ms`,
    ]);
  }
  const checked = checkedHashes(pictures[0]![1]);
  const index = new PictureIndex<number>();
  const samples = Array.from({ length: 50 }, (_, i) => pictureHashes(posterLikePicture(128, 128, 100 + i)));
  for (let i = 0; i < 10_000; i++) index.add(i, samples[i % 50]!);
  rows.push([
    `one checked picture against 10,000 stored pictures (${index.size} hashes), median of 15`,
    `${median(() => index.match(checked), 15).toFixed(1)} ms`,
  ]);
  const width = Math.max(...rows.map(([what]) => what.length));
  console.log(
    `\npictures (Node; shared machine, noisy)\n${rows.map(([what, figure]) => `node      ${what.padEnd(width)}  ${figure}`).join('\n')}`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname, 'images.ts')) {
  runImagesBench();
  await runImageCheckBench();
}

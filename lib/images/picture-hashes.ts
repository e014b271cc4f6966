/**
 * What a list stores for a picture, and how a checked picture is compared with it.
 *
 * One PDQ hash finds the same picture again after recompression, resizing and filters, but not
 * after cropping (trimming 2.5% from each side of a text poster moves its hash by 44–78 bits),
 * and the reference's nearest-neighbour squeeze of big pictures makes a 25% copy of a text
 * poster differ from the full-size one. So besides the reference hash (the one other PDQ tools
 * compute and exchange) both sides use area hashes: PDQ of a region of the picture averaged down
 * to 64×64 cells (exact box means, the same at any source size), which small copies agree on.
 *  - The publisher stores: the reference hash, the area hash of the whole picture, of 95% crops
 *    at 3×3 positions (centre, edges, corners) and of the centred 90% crop (12 hashes).
 *  - The checker computes: the reference hash, the area hash of the whole picture and of 97.5%
 *    crops at 3×3 positions (11 hashes), which meet the publisher's crops half way.
 * A match is any pair within PDQ_MATCH_DISTANCE bits whose checked hash has quality ≥ PDQ_MIN_QUALITY.
 * The crop sizes and positions were chosen on half of tests/eval/images' posters; `npm run eval`
 * reports the other half apart.
 */
import { hammingWords, isPdqMatch, lumaOf, pdqFromLuma, pdqHash, pdqWords, type PdqHash, type Pixels } from './pdq';

/** A region of the picture: the share of each side kept, and where the rest of each side goes (0 all after, 1 all before). */
export interface Crop {
  scale: number;
  x: number;
  y: number;
}

const grid = (scale: number): Crop[] => [0, 0.5, 1].flatMap((y) => [0, 0.5, 1].map((x) => ({ scale, x, y })));
const WHOLE: Crop = { scale: 1, x: 0.5, y: 0.5 };
export const STORED_CROPS: readonly Crop[] = [WHOLE, ...grid(0.95), { scale: 0.9, x: 0.5, y: 0.5 }];
export const CHECKED_CROPS: readonly Crop[] = [WHOLE, ...grid(0.975)];

/**
 * Box means of any region of a luma plane, from its summed-area table: the integral of a picture
 * of constant-valued pixels is bilinear inside each pixel, so fractional edges cost nothing extra.
 */
export class AreaSampler {
  private readonly table: Float64Array;
  private readonly stride: number;

  constructor(
    luma: Float32Array,
    readonly width: number,
    readonly height: number,
  ) {
    this.stride = width + 1;
    this.table = new Float64Array(this.stride * (height + 1));
    for (let y = 0; y < height; y++) {
      let row = 0;
      for (let x = 0; x < width; x++) {
        row += luma[y * width + x]!;
        this.table[(y + 1) * this.stride + x + 1] = this.table[y * this.stride + x + 1]! + row;
      }
    }
  }

  /** ∫∫ of the picture over [0, x] × [0, y], for real x, y inside the picture. */
  private integral(x: number, y: number): number {
    const x0 = Math.min(Math.floor(x), this.width - 1);
    const y0 = Math.min(Math.floor(y), this.height - 1);
    const fx = x - x0;
    const fy = y - y0;
    const at = y0 * this.stride + x0;
    const t = this.table;
    return (
      t[at]! * (1 - fx) * (1 - fy) +
      t[at + 1]! * fx * (1 - fy) +
      t[at + this.stride]! * (1 - fx) * fy +
      t[at + this.stride + 1]! * fx * fy
    );
  }

  /** The region's means over a 64×64 grid of equal cells. */
  grid64({ scale, x, y }: Crop): Float32Array {
    const regionWidth = this.width * scale;
    const regionHeight = this.height * scale;
    const left = (this.width - regionWidth) * x;
    const top = (this.height - regionHeight) * y;
    const corners = new Float64Array(65 * 65);
    for (let i = 0; i <= 64; i++) {
      for (let j = 0; j <= 64; j++)
        corners[i * 65 + j] = this.integral(left + (regionWidth * j) / 64, top + (regionHeight * i) / 64);
    }
    const cellArea = (regionWidth / 64) * (regionHeight / 64);
    const out = new Float32Array(64 * 64);
    for (let i = 0; i < 64; i++) {
      for (let j = 0; j < 64; j++) {
        const at = i * 65 + j;
        out[i * 64 + j] = (corners[at + 66]! - corners[at + 65]! - corners[at + 1]! + corners[at]!) / cellArea;
      }
    }
    return out;
  }
}

/** Area hashes average 64×64 cells; a grid this fine first (whole-block means) changes them by at most a bit or two. */
const AREA_GRID = 1024;

/**
 * Luma averaged over whole blocks so the longer side is at most AREA_GRID (a 12-megapixel photo
 * would otherwise need a 100 MB summed-area table); pictures that small keep every pixel.
 */
export function blockLuma(pixels: Pixels): { luma: Float32Array; width: number; height: number } {
  const block = Math.ceil(Math.max(pixels.width, pixels.height) / AREA_GRID);
  if (block <= 1) return lumaOf(pixels, false);
  const { data, channels, width: fullWidth } = pixels;
  const width = Math.floor(pixels.width / block);
  const height = Math.floor(pixels.height / block);
  const sums = new Float64Array(width * height);
  // Grey and colour apart, so the inner loop has no branch (it runs for every pixel).
  const grey = channels === 1;
  for (let y = 0; y < height * block; y++) {
    const row = Math.floor(y / block) * width;
    let at = y * fullWidth * channels;
    for (let x = 0; x < width; x++) {
      let sum = 0;
      if (grey) for (let dx = 0; dx < block; dx++, at++) sum += data[at]!;
      else
        for (let dx = 0; dx < block; dx++, at += channels)
          sum += 0.299 * data[at]! + 0.587 * data[at + 1]! + 0.114 * data[at + 2]!;
      sums[row + x]! += sum;
    }
  }
  const luma = new Float32Array(width * height);
  const area = block * block;
  for (let i = 0; i < luma.length; i++) luma[i] = sums[i]! / area;
  return { luma, width, height };
}

/** Area hashes of the picture's regions (pictures under 64 px a side have none: their reference hash is all there is). */
export function areaHashes(pixels: Pixels, crops: readonly Crop[]): PdqHash[] {
  if (pixels.width < 64 || pixels.height < 64) return [];
  const { luma, width, height } = blockLuma(pixels);
  const sampler = new AreaSampler(luma, width, height);
  return crops.map((crop) => pdqFromLuma(sampler.grid64(crop), 64, 64));
}

const distinct = (hashes: PdqHash[]) =>
  hashes.filter((hash, at) => hashes.findIndex((other) => other.pdq === hash.pdq) === at);

/** What a list stores for a picture (publisher side): the reference hash first, then its area hashes. */
export function pictureHashes(pixels: Pixels): PdqHash[] {
  return distinct([pdqHash(pixels), ...areaHashes(pixels, STORED_CROPS)]);
}

/** The hashes a checked picture is compared with: the reference hash first, then its area hashes. */
export function checkedHashes(pixels: Pixels): PdqHash[] {
  return distinct([pdqHash(pixels), ...areaHashes(pixels, CHECKED_CROPS)]);
}

export interface PictureMatch<Key> {
  key: Key;
  /** The smallest distance between a trusted checked hash and one of the key's stored hashes. */
  distance: number;
}

/**
 * Stored pictures' hashes, parsed once into one word array, for comparing a checked picture with
 * all of them: 10,000 pictures of 12 hashes take a few milliseconds per checked picture.
 */
export class PictureIndex<Key> {
  private words = new Uint32Array(8 * 64);
  private keys: Key[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds a picture's (or an item's) hashes under `key`; malformed hashes throw RangeError. */
  add(key: Key, hashes: readonly { pdq: string }[]): void {
    for (const { pdq } of hashes) {
      if (this.count * 8 === this.words.length) {
        const grown = new Uint32Array(this.words.length * 2);
        grown.set(this.words);
        this.words = grown;
      }
      this.words.set(pdqWords(pdq), this.count * 8);
      this.keys[this.count++] = key;
    }
  }

  /** Every key with a hash within the match rule of a trusted checked hash, closest first. */
  match(checked: readonly PdqHash[]): PictureMatch<Key>[] {
    const best = new Map<Key, number>();
    for (const hash of checked) {
      const words = pdqWords(hash.pdq);
      for (let i = 0; i < this.count; i++) {
        const distance = hammingWords(words, 0, this.words, i * 8);
        if (!isPdqMatch(distance, hash.quality)) continue;
        const key = this.keys[i]!;
        if (distance < (best.get(key) ?? Infinity)) best.set(key, distance);
      }
    }
    return [...best].map(([key, distance]) => ({ key, distance })).sort((a, b) => a.distance - b.distance);
  }
}

/** The closest match between a checked picture's hashes and one item's stored hashes, if any. */
export function matchPicture(
  checked: readonly PdqHash[],
  stored: readonly { pdq: string }[],
): { distance: number } | undefined {
  const index = new PictureIndex<true>();
  index.add(true, stored);
  const [match] = index.match(checked);
  return match && { distance: match.distance };
}

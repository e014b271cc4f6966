/**
 * PDQ, the 256-bit perceptual image hash shared between platforms and fact-checkers
 * (ThreatExchange's `pdq`), written from its description: luma, a tent blur made of two
 * box-filter passes each way, decimation to 64×64, the 16×16 low-frequency corner of a DCT,
 * and one bit per coefficient for "above the median". Pure: pixels in, hash out; the extension
 * and the CLI share it.
 *
 * Agreement with the reference tool matters more than elegance here, because hashes travel
 * between tools. So this follows the reference's pipeline step by step, including the
 * nearest-neighbour squeeze of any picture larger than 512 px to 512×512 that its image loader
 * does before hashing (text posters are very sensitive to how they are downsampled), and does its
 * arithmetic in 32-bit floats as the reference does (Math.fround after every operation).
 */

/** Pixels as decoders give them: row-major, `channels` bytes per pixel (grey, RGB or RGBA; alpha is ignored). */
export interface Pixels {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
  channels: 1 | 3 | 4;
}

export interface PdqHash {
  /** 64 lowercase hex characters, in the reference tool's word order. */
  pdq: string;
  /** 0–100: how much structure the picture has; below PDQ_MIN_QUALITY the hash is not trusted. */
  quality: number;
}

/** The reference's recommended match threshold (Hamming distance, inclusive). */
export const PDQ_MATCH_DISTANCE = 31;
/** Blank and near-flat pictures hash unreliably: a checked picture below this never matches. */
export const PDQ_MIN_QUALITY = 50;
export const PDQ_HEX = /^[0-9a-f]{64}$/;

/** The reference's loader squeezes anything bigger than this to SQUEEZE×SQUEEZE before hashing. */
const SQUEEZE = 512;
const MIN_SIDE = 5;
const f32 = Math.fround;
const LUMA_R = f32(0.299);
const LUMA_G = f32(0.587);
const LUMA_B = f32(0.114);

/** Rows 1..16 of the 64-point DCT-II basis, as the reference rounds them to float. */
const DCT = (() => {
  const matrix = new Float32Array(16 * 64);
  const scale = f32(Math.sqrt(2 / 64));
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 64; j++) {
      matrix[i * 64 + j] = scale * Math.cos((Math.PI / 2 / 64) * (i + 1) * (2 * j + 1));
    }
  }
  return matrix;
})();

/**
 * Luma (ITU-R 601 weights) of the picture, after the reference loader's squeeze: a picture wider
 * or taller than 512 px is sampled nearest-neighbour to exactly 512×512 (both sides, aspect not
 * kept). `withSqueeze` false gives the luma at full size.
 */
export function lumaOf(pixels: Pixels, withSqueeze = true): { luma: Float32Array; width: number; height: number } {
  const { data, width, height, channels } = pixels;
  if (data.length < width * height * channels)
    throw new RangeError('pixel buffer is shorter than width × height × channels');
  const squeeze = withSqueeze && (width > SQUEEZE || height > SQUEEZE);
  const outWidth = squeeze ? SQUEEZE : width;
  const outHeight = squeeze ? SQUEEZE : height;
  const columns = new Int32Array(outWidth);
  for (let x = 0; x < outWidth; x++) columns[x] = squeeze ? Math.floor((x * width) / SQUEEZE) : x;
  const luma = new Float32Array(outWidth * outHeight);
  for (let y = 0; y < outHeight; y++) {
    const row = (squeeze ? Math.floor((y * height) / SQUEEZE) : y) * width;
    for (let x = 0; x < outWidth; x++) {
      const at = (row + columns[x]!) * channels;
      luma[y * outWidth + x] =
        channels === 1
          ? data[at]!
          : f32(f32(f32(LUMA_R * data[at]!) + f32(LUMA_G * data[at + 1]!)) + f32(LUMA_B * data[at + 2]!));
    }
  }
  return { luma, width: outWidth, height: outHeight };
}

/**
 * One box-filter pass along a line of `length` values `stride` apart: each output is the mean of
 * a window centred on it (shrunk at the ends), kept as a running float sum like the reference.
 */
function boxLine(
  input: Float32Array,
  output: Float32Array,
  start: number,
  length: number,
  stride: number,
  window: number,
): void {
  const half = Math.floor((window + 2) / 2);
  let sum = 0;
  let count = 0;
  let read = start;
  let drop = start;
  let write = start;
  for (let i = 0; i < half - 1; i++, read += stride) {
    sum = f32(sum + input[read]!);
    count++;
  }
  for (let i = 0; i < window - half + 1; i++, read += stride, write += stride) {
    sum = f32(sum + input[read]!);
    count++;
    output[write] = sum / count;
  }
  for (let i = 0; i < length - window; i++, read += stride, drop += stride, write += stride) {
    sum = f32(f32(sum + input[read]!) - input[drop]!);
    output[write] = sum / count;
  }
  for (let i = 0; i < half - 1; i++, drop += stride, write += stride) {
    sum = f32(sum - input[drop]!);
    count--;
    output[write] = sum / count;
  }
}

/** The window that makes two box passes a tent about twice as wide as one output pixel. */
const windowFor = (from: number, to: number) => Math.floor((from + 2 * to - 1) / (2 * to));

/** Blurs and decimates a luma plane to 64×64 (in place in `luma`; `scratch` is the same size). */
function downsampleTo64(luma: Float32Array, width: number, height: number): Float32Array {
  const out = new Float32Array(64 * 64);
  if (width === 64 && height === 64) {
    out.set(luma);
    return out;
  }
  const scratch = new Float32Array(luma.length);
  const alongRows = windowFor(width, 64);
  const alongColumns = windowFor(height, 64);
  for (let pass = 0; pass < 2; pass++) {
    for (let y = 0; y < height; y++) boxLine(luma, scratch, y * width, width, 1, alongRows);
    for (let x = 0; x < width; x++) boxLine(scratch, luma, x, height, width, alongColumns);
  }
  for (let i = 0; i < 64; i++) {
    const row = Math.floor(((i + 0.5) * height) / 64) * width;
    for (let j = 0; j < 64; j++) out[i * 64 + j] = luma[row + Math.floor(((j + 0.5) * width) / 64)]!;
  }
  return out;
}

/** The reference's quality heuristic: how many significant gradients the 64×64 picture has. */
function qualityOf(image: Float32Array): number {
  let sum = 0;
  const step = (u: number, v: number) => Math.abs(Math.trunc(f32(f32(f32(u - v) * 100) / 255)));
  for (let i = 0; i < 63; i++) for (let j = 0; j < 64; j++) sum += step(image[i * 64 + j]!, image[(i + 1) * 64 + j]!);
  for (let i = 0; i < 64; i++) for (let j = 0; j < 63; j++) sum += step(image[i * 64 + j]!, image[i * 64 + j + 1]!);
  return Math.min(100, Math.floor(sum / 90));
}

/** D·A·Dᵀ restricted to the 16×16 lowest non-constant frequencies. */
function dct16(image: Float32Array): Float32Array {
  const partial = new Float32Array(16 * 64);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 64; j++) {
      let sum = 0;
      for (let k = 0; k < 64; k++) sum = f32(sum + f32(DCT[i * 64 + k]! * image[k * 64 + j]!));
      partial[i * 64 + j] = sum;
    }
  }
  const out = new Float32Array(256);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      let sum = 0;
      for (let k = 0; k < 64; k++) sum = f32(sum + f32(partial[i * 64 + k]! * DCT[j * 64 + k]!));
      out[i * 16 + j] = sum;
    }
  }
  return out;
}

/** One bit per coefficient above the (lower) median; hex as the reference prints it, word 15 first. */
function bitsToHex(coefficients: Float32Array): string {
  const median = Float32Array.from(coefficients).sort()[127]!;
  let hex = '';
  for (let word = 15; word >= 0; word--) {
    let value = 0;
    for (let bit = 0; bit < 16; bit++) if (coefficients[word * 16 + bit]! > median) value |= 1 << bit;
    hex += value.toString(16).padStart(4, '0');
  }
  return hex;
}

const ZERO_HASH = '0'.repeat(64);

/** The PDQ hash of a luma plane as the reference computes it after loading (no squeeze here). */
export function pdqFromLuma(luma: Float32Array, width: number, height: number): PdqHash {
  if (width < MIN_SIDE || height < MIN_SIDE) return { pdq: ZERO_HASH, quality: 0 };
  const image = downsampleTo64(Float32Array.from(luma), width, height);
  return { pdq: bitsToHex(dct16(image)), quality: qualityOf(image) };
}

/** The PDQ hash of a picture, as the reference tool computes it for the same decoded pixels. */
export function pdqHash(pixels: Pixels): PdqHash {
  const { luma, width, height } = lumaOf(pixels);
  return pdqFromLuma(luma, width, height);
}

/** Set bits of a 32-bit word. */
function popcount32(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** A hash as eight 32-bit words, for comparing many hashes fast. */
export function pdqWords(hex: string): Uint32Array {
  if (!PDQ_HEX.test(hex)) throw new RangeError('PDQ hashes are 64 lowercase hex characters');
  const words = new Uint32Array(8);
  for (let i = 0; i < 8; i++) words[i] = parseInt(hex.slice(i * 8, i * 8 + 8), 16);
  return words;
}

/** Bits that differ between the hashes at word offsets `a` and `b` (multiples of 8) of two word arrays. */
export function hammingWords(left: Uint32Array, a: number, right: Uint32Array, b: number): number {
  let distance = 0;
  for (let i = 0; i < 8; i++) distance += popcount32((left[a + i]! ^ right[b + i]!) >>> 0);
  return distance;
}

/** Bits that differ between two hashes (both 64 lowercase hex characters). */
export function hammingDistance(a: string, b: string): number {
  return hammingWords(pdqWords(a), 0, pdqWords(b), 0);
}

/** The match rule: close enough, and the checked picture has enough structure to trust its hash. */
export function isPdqMatch(distance: number, checkedQuality: number): boolean {
  return distance <= PDQ_MATCH_DISTANCE && checkedQuality >= PDQ_MIN_QUALITY;
}

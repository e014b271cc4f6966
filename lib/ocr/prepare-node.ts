/**
 * Pictures prepared for OCR (Node, sharp). Tesseract reads dark text on a light page best, with
 * letters some 20–40 px tall; social-media posters are often small, coloured, light-on-dark or
 * on busy photos. What helps here was measured on the generated posters (tests/eval/images).
 */
import sharp from 'sharp';
import { decodeImage } from '../images/decode-node';

export interface PrepareOptions {
  /** Upscale so the shorter side is at least this (0: never). */
  minSide: number;
  /** Local contrast (CLAHE) before reading: text on gradients and photos. */
  localContrast: boolean;
  /** Also hand over the inverted picture (light text on dark panels). */
  inverted: boolean;
}

export const PREPARE_DEFAULTS: PrepareOptions = { minSide: 1400, localContrast: true, inverted: true };

export interface PreparedPage {
  /** PNG pictures to read, the plain one first. */
  images: Buffer[];
}

export async function preparePage(bytes: Uint8Array, options: PrepareOptions = PREPARE_DEFAULTS): Promise<PreparedPage> {
  const pixels = await decodeImage(bytes);
  const scale = options.minSide ? Math.max(1, options.minSide / Math.min(pixels.width, pixels.height)) : 1;
  let image = sharp(Buffer.from(pixels.data.buffer, pixels.data.byteOffset, pixels.data.length), {
    raw: { width: pixels.width, height: pixels.height, channels: pixels.channels },
  }).greyscale();
  if (scale > 1) image = image.resize(Math.round(pixels.width * scale), Math.round(pixels.height * scale), { kernel: 'lanczos3' });
  if (options.localContrast) image = image.clahe({ width: 64, height: 64, maxSlope: 3 });
  const plain = await image.png({ compressionLevel: 1 }).toBuffer();
  const images = [plain];
  if (options.inverted) images.push(await sharp(plain).negate().png({ compressionLevel: 1 }).toBuffer());
  return { images };
}

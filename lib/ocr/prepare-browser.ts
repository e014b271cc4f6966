/**
 * Pictures prepared for OCR in the extension, as prepare-node.ts does it for the CLI (it says what
 * was measured): decoded by the browser, upscaled so small text is some 20–40 px tall, read as grey
 * and, for a colour picture, from its blue channel too (yellow or white words on a light photo are
 * nearly flat in grey, not in blue). Each reading goes to Tesseract as a PGM, which Leptonica reads
 * as it is: no PNG to encode and decode again.
 */
import { decodeScaledInBrowser } from '../images/decode-browser';
import { OCR_MIN_SIDE } from './ocr-common';

/** Longer sides are kept under this (a tall screenshot would otherwise grow to tens of megapixels). */
export const OCR_MAX_SIDE = 4096;

/** How much to scale a picture for reading: up to OCR_MIN_SIDE on its shorter side, within OCR_MAX_SIDE. */
export function ocrScale(width: number, height: number): number {
  return Math.min(Math.max(1, OCR_MIN_SIDE / Math.min(width, height)), OCR_MAX_SIDE / Math.max(width, height));
}

/** A channel this far from the others in a pixel makes it a colour pixel. */
const COLOUR_SPREAD = 16;

/**
 * The grey reading (Rec. 601 luma) of RGBA pixels and, when at least 1% of them are coloured, the
 * blue channel as a second reading.
 */
export function readingPlanes(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Uint8Array[] {
  const count = width * height;
  const grey = new Uint8Array(count);
  const blue = new Uint8Array(count);
  let coloured = 0;
  for (let i = 0, at = 0; i < count; i++, at += 4) {
    const r = rgba[at]!;
    const g = rgba[at + 1]!;
    const b = rgba[at + 2]!;
    grey[i] = (299 * r + 587 * g + 114 * b + 500) / 1000;
    blue[i] = b;
    if (Math.max(r, g, b) - Math.min(r, g, b) > COLOUR_SPREAD) coloured++;
  }
  return coloured * 100 >= count ? [grey, blue] : [grey];
}

/** A grey plane as a binary PGM (P5) file. */
export function pgm(plane: Uint8Array, width: number, height: number): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const file = new Uint8Array(header.length + plane.length);
  file.set(header);
  file.set(plane, header.length);
  return file;
}

/** The readings of a picture (JPEG, PNG or WebP bytes), ready for TesseractEngine.read. */
export async function prepareInBrowser(bytes: Uint8Array): Promise<Uint8Array[]> {
  const { data, width, height } = await decodeScaledInBrowser(bytes, ocrScale);
  return readingPlanes(data, width, height).map((plane) => pgm(plane, width, height));
}

/**
 * Pictures prepared for OCR (Node, sharp). Tesseract reads best with letters some 20–40 px tall,
 * and reads grey: social-media posters are often small, and often put yellow or white text on a
 * light photo, which is nearly flat in grey but not in the blue channel. Measured on the
 * even-numbered generated posters (tests/eval/images), plain and photo-like backgrounds, word
 * recall: as is 0.99 / 0.43; upscaled 0.99 / 0.73; upscaled plus a blue-channel reading
 * 0.99 / 0.82. Local contrast (CLAHE) and an inverted reading did not help (Tesseract already
 * inverts light-on-dark lines) and cost time.
 */
import sharp, { type Sharp } from 'sharp';
import { decodeImage } from '../images/decode-node';
import { OCR_MIN_SIDE } from './ocr-common';

export interface PreparedPage {
  /** PNG pictures to read: the grey picture, then (for colour pictures) its blue channel. */
  images: Buffer[];
}

export async function preparePage(bytes: Uint8Array): Promise<PreparedPage> {
  const { data, width, height, channels } = await decodeImage(bytes);
  const scale = Math.max(1, OCR_MIN_SIDE / Math.min(width, height));
  const readable = async (image: Sharp) =>
    (scale > 1 ? image.resize(Math.round(width * scale), Math.round(height * scale), { kernel: 'lanczos3' }) : image)
      .png({ compressionLevel: 1 })
      .toBuffer();
  const raw = Buffer.from(data.buffer, data.byteOffset, data.length);
  const images = [await readable(sharp(raw, { raw: { width, height, channels } }).greyscale())];
  if (channels >= 3)
    images.push(await readable(sharp(raw, { raw: { width, height, channels } }).extractChannel('blue')));
  return { images };
}

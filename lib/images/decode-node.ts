/**
 * Image files to pixels for the CLI (Node only; the extension lets the browser decode).
 *
 * sharp (libvips) decodes JPEG with libjpeg-turbo's decoder, as the PDQ reference's ImageMagick
 * does, so the CLI sees the same pixels the reference sees. Everything that is not a JPEG, PNG
 * or WebP is refused by its first bytes before any decoder runs, and a picture too large to hash
 * sensibly is refused by the size in its header, before its pixels are decoded.
 */
import sharp, { type Metadata } from 'sharp';
import type { Pixels } from './pdq';

export const IMAGE_LIMITS = {
  /** Bytes of the file. */
  maxBytes: 64 * 1024 * 1024,
  /** Decoded pixels: 50 megapixels is a 48 MP phone photo; a 20000×20000 PNG is 400. */
  maxPixels: 50_000_000,
  /** A decode that takes longer than this is abandoned (seconds). */
  timeoutSeconds: 20,
} as const;

export type ImageFormat = 'jpeg' | 'png' | 'webp';

/** Why a file cannot be hashed, in words for the person who gave it. */
export class ImageDecodeError extends Error {
  override name = 'ImageDecodeError';
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[], offset = 0) =>
  bytes.length >= offset + prefix.length && prefix.every((byte, i) => bytes[offset + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The format by its first bytes, or an ImageDecodeError saying what the file is instead. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat {
  if (bytes.length === 0) throw new ImageDecodeError('the file is empty (0 bytes)');
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, ascii('GIF8'))) throw new ImageDecodeError('GIF is not supported: save the picture (or one frame) as PNG or JPEG');
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('<') && /<svg[\s>]/.test(head)) {
    throw new ImageDecodeError('SVG is a drawing, not a picture: export it as PNG to hash it');
  }
  throw new ImageDecodeError('not a JPEG, PNG or WebP picture');
}

const megapixels = (pixels: number) => `${(pixels / 1e6).toFixed(1)} megapixels`;

/** Decodes a JPEG, PNG or WebP file to 8-bit RGB or RGBA pixels (as stored: no EXIF rotation, like the PDQ reference). */
export async function decodeImage(bytes: Uint8Array): Promise<Pixels & { format: ImageFormat }> {
  if (bytes.length > IMAGE_LIMITS.maxBytes) {
    throw new ImageDecodeError(`the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB: pictures are limited to ${IMAGE_LIMITS.maxBytes / 1024 / 1024} MB`);
  }
  const format = sniffImageFormat(bytes);
  // failOn 'truncated': a cut-off file is refused rather than hashed with a grey bottom half.
  const image = () => sharp(bytes, { failOn: 'truncated', limitInputPixels: IMAGE_LIMITS.maxPixels, pages: 1 });
  let header: Metadata;
  try {
    header = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new ImageDecodeError(`cannot read the ${format.toUpperCase()} header: ${reason(error)}`);
  }
  const { width = 0, height = 0 } = header;
  if (width * height > IMAGE_LIMITS.maxPixels) {
    throw new ImageDecodeError(`the picture is ${width}×${height} (${megapixels(width * height)}): pictures are limited to ${megapixels(IMAGE_LIMITS.maxPixels)}`);
  }
  try {
    const { data, info } = await image()
      .timeout({ seconds: IMAGE_LIMITS.timeoutSeconds })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    const channels = info.channels;
    if (channels !== 1 && channels !== 3 && channels !== 4) throw new Error(`unexpected ${channels} channels`);
    return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height, channels, format };
  } catch (error) {
    throw new ImageDecodeError(`cannot decode the ${format.toUpperCase()}: ${reason(error)}`);
  }
}

/** libvips' messages, first line only, without its internal prefixes. */
function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n').find((text) => text.trim()) ?? message;
  return line.replace(/^(VipsJpeg|VipsForeignLoad\w*|vips\w*|jpegload\w*|pngload\w*|webpload\w*):\s*/i, '').trim() || 'unknown error';
}

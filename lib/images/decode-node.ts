/**
 * Image files to pixels for the CLI (Node only; the extension lets the browser decode).
 *
 * sharp (libvips) decodes JPEG with libjpeg-turbo's decoder, as the PDQ reference's ImageMagick
 * does, so the CLI sees the same pixels the reference sees. Everything that is not a JPEG, PNG
 * or WebP is refused by its first bytes before any decoder runs, and a picture too large to hash
 * sensibly is refused by the size in its header, before its pixels are decoded.
 */
import sharp, { type Metadata } from 'sharp';
import { assertPixelCount, IMAGE_LIMITS, ImageDecodeError, readImageHeader, type ImageFormat } from './image-header';
import type { Pixels } from './pdq';

export { IMAGE_LIMITS, ImageDecodeError, sniffImageFormat, type ImageFormat } from './image-header';

/** Decodes a JPEG, PNG or WebP file to 8-bit RGB or RGBA pixels (as stored: no EXIF rotation, like the PDQ reference). */
export async function decodeImage(bytes: Uint8Array): Promise<Pixels & { format: ImageFormat }> {
  const { format } = readImageHeader(bytes);
  // failOn 'truncated': a cut-off file is refused rather than hashed with a grey bottom half.
  const image = () => sharp(bytes, { failOn: 'truncated', limitInputPixels: IMAGE_LIMITS.maxPixels, pages: 1 });
  let header: Metadata;
  try {
    header = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new ImageDecodeError(`cannot read the ${format.toUpperCase()} header: ${reason(error)}`);
  }
  assertPixelCount(header.width ?? 0, header.height ?? 0);
  try {
    const { data, info } = await image()
      .timeout({ seconds: IMAGE_LIMITS.timeoutSeconds })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    const channels = info.channels;
    if (channels !== 1 && channels !== 3 && channels !== 4) throw new Error(`unexpected ${channels} channels`);
    return {
      data: new Uint8Array(data.buffer, data.byteOffset, data.length),
      width: info.width,
      height: info.height,
      channels,
      format,
    };
  } catch (error) {
    throw new ImageDecodeError(`cannot decode the ${format.toUpperCase()}: ${reason(error)}`);
  }
}

/** libvips' messages, first line only, without its internal prefixes. */
function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n').find((text) => text.trim()) ?? message;
  return (
    line.replace(/^(VipsJpeg|VipsForeignLoad\w*|vips\w*|jpegload\w*|pngload\w*|webpload\w*):\s*/i, '').trim() ||
    'unknown error'
  );
}

/**
 * Image bytes to pixels in the extension (service worker or page): the browser's own decoder
 * through createImageBitmap, drawn on an OffscreenCanvas. The header is read first, so what is
 * not a JPEG, PNG or WebP, or too big to decode safely, is refused before any decoder runs.
 */
import { assertPixelCount, ImageDecodeError, readImageHeader } from './image-header';
import type { Pixels } from './pdq';

export const BROWSER_IMAGE_LIMITS = {
  /** A post's picture is fetched and decoded at most this big. */
  maxBytes: 8 * 1024 * 1024,
  maxPixels: 50_000_000,
  /**
   * Pictures are decoded to at most this many pixels a side: the area hashes average 64×64 cells
   * (1024 is what blockLuma reduces to anyway), and a 12-megapixel photo would cost 48 MB of RGBA.
   */
  maxSide: 1024,
} as const;

/** JPEG's end-of-image marker near the end: a cut-off download would otherwise decode with a grey bottom. */
function endsLikeJpeg(bytes: Uint8Array): boolean {
  for (let at = bytes.length - 2; at >= Math.max(0, bytes.length - 64); at--) {
    if (bytes[at] === 0xff && bytes[at + 1] === 0xd9) return true;
  }
  return false;
}

export async function decodeInBrowser(bytes: Uint8Array): Promise<Pixels> {
  return decodeScaledInBrowser(bytes, (width, height) =>
    Math.min(1, BROWSER_IMAGE_LIMITS.maxSide / Math.max(width, height)),
  );
}

/**
 * Decodes at `scaleOf(width, height)` times the picture's size (the hashes shrink it, OCR may
 * enlarge small text), the browser resizing as it decodes.
 */
export async function decodeScaledInBrowser(
  bytes: Uint8Array,
  scaleOf: (width: number, height: number) => number,
): Promise<Pixels> {
  const { format, width, height } = readImageHeader(bytes, BROWSER_IMAGE_LIMITS);
  if (format === 'jpeg' && !endsLikeJpeg(bytes))
    throw new ImageDecodeError('cannot decode the JPEG: the file is cut off');
  const scale = width && height ? scaleOf(width, height) : 1;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(
      new Blob([bytes as Uint8Array<ArrayBuffer>], { type: `image/${format}` }),
      scale !== 1
        ? {
            resizeWidth: Math.max(1, Math.round(width! * scale)),
            resizeHeight: Math.max(1, Math.round(height! * scale)),
            resizeQuality: 'high',
          }
        : {},
    );
  } catch {
    throw new ImageDecodeError(`cannot decode the ${format.toUpperCase()}`);
  }
  return bitmapPixels(bitmap);
}

/** A decoded picture's RGBA pixels, read through an OffscreenCanvas; the bitmap is closed. */
export function bitmapPixels(bitmap: ImageBitmap): Pixels {
  try {
    // A header without a size (rare WebP layouts) is checked once decoded.
    assertPixelCount(bitmap.width, bitmap.height, BROWSER_IMAGE_LIMITS.maxPixels);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new ImageDecodeError('no canvas to decode the picture on');
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    return { data, width: bitmap.width, height: bitmap.height, channels: 4 };
  } finally {
    bitmap.close();
  }
}

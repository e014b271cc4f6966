/**
 * What an image file is and how big, from its first bytes, before any decoder runs: the CLI (sharp)
 * and the extension (createImageBitmap) both refuse what they cannot hash, and a picture too big to
 * decode safely (a 20000×20000 PNG is 1.6 GB of pixels), with a reason in words. Pure.
 */

export type ImageFormat = 'jpeg' | 'png' | 'webp';

/** Why a file cannot be hashed, in words for the person who gave it. */
export class ImageDecodeError extends Error {
  override name = 'ImageDecodeError';
}

export const IMAGE_LIMITS = {
  /** Bytes of the file. */
  maxBytes: 64 * 1024 * 1024,
  /** Decoded pixels: 50 megapixels is a 48 MP phone photo; a 20000×20000 PNG is 400. */
  maxPixels: 50_000_000,
  /** A decode that takes longer than this is abandoned (seconds). */
  timeoutSeconds: 20,
} as const;

const startsWith = (bytes: Uint8Array, prefix: readonly number[], offset = 0) =>
  bytes.length >= offset + prefix.length && prefix.every((byte, i) => bytes[offset + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The format by its first bytes, or an ImageDecodeError saying what the file is instead. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat {
  if (bytes.length === 0) throw new ImageDecodeError('the file is empty (0 bytes)');
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, ascii('GIF8')))
    throw new ImageDecodeError('GIF is not supported: save the picture (or one frame) as PNG or JPEG');
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<') && /<svg[\s>]/.test(head)) {
    throw new ImageDecodeError('SVG is a drawing, not a picture: export it as PNG to hash it');
  }
  throw new ImageDecodeError('not a JPEG, PNG or WebP picture');
}

const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32be = (b: Uint8Array, at: number) =>
  ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);

/** JPEG's size is in its first start-of-frame segment (SOF0–SOF15 but DHT, JPG, DAC). */
function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: u16be(b, at + 5), width: u16be(b, at + 7) };
    }
    at += 2 + u16be(b, at + 2);
  }
  return null;
}

function webpSize(b: Uint8Array): { width: number; height: number } | null {
  const chunk = String.fromCharCode(...b.subarray(12, 16));
  if (chunk === 'VP8 ' && b.length >= 30) return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X' && b.length >= 30) return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  return null;
}

const megapixels = (pixels: number) => `${(pixels / 1e6).toFixed(1)} megapixels`;

/** Refuses a picture of more than `maxPixels`, saying its size. */
export function assertPixelCount(width: number, height: number, maxPixels: number = IMAGE_LIMITS.maxPixels): void {
  if (width * height > maxPixels) {
    throw new ImageDecodeError(
      `the picture is ${width}×${height} (${megapixels(width * height)}): pictures are limited to ${megapixels(maxPixels)}`,
    );
  }
}

/**
 * The format and size a file says it has, refusing what is not a JPEG, PNG or WebP, too many bytes,
 * or too many pixels. A header that gives no size is left for the decoder to refuse.
 */
export function readImageHeader(
  bytes: Uint8Array,
  limits: { maxBytes: number; maxPixels: number } = IMAGE_LIMITS,
): {
  format: ImageFormat;
  width?: number;
  height?: number;
} {
  if (bytes.length > limits.maxBytes) {
    throw new ImageDecodeError(
      `the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB: pictures are limited to ${limits.maxBytes / 1024 / 1024} MB`,
    );
  }
  const format = sniffImageFormat(bytes);
  const size =
    format === 'png'
      ? bytes.length >= 24
        ? { width: u32be(bytes, 16), height: u32be(bytes, 20) }
        : null
      : format === 'jpeg'
        ? jpegSize(bytes)
        : webpSize(bytes);
  if (!size) return { format };
  assertPixelCount(size.width, size.height, limits.maxPixels);
  return { format, ...size };
}

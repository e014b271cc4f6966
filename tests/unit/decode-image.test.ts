import sharp from 'sharp';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeImage, ImageDecodeError, sniffImageFormat } from '../../lib/images/decode-node';
import { readImageHeader } from '../../lib/images/image-header';
import { hammingDistance, pdqHash } from '../../lib/images/pdq';
import { PATTERNS } from './pdq-patterns';

const picture = PATTERNS['small-grey']();
const encode = (format: 'jpeg' | 'png' | 'webp') => {
  const image = sharp(Buffer.from(picture.data), {
    raw: { width: picture.width, height: picture.height, channels: picture.channels },
  });
  return (
    format === 'png' ? image.png() : format === 'webp' ? image.webp({ quality: 90 }) : image.jpeg({ quality: 90 })
  ).toBuffer();
};

function pngChunk(type: string, body: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type), body]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A well-formed PNG whose header says width×height, with only its first rows of pixel data (a few hundred bytes). */
function hugePng(width: number, height: number): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const firstRows = deflateSync(Buffer.alloc((width * 3 + 1) * 10));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', firstRows),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

async function refusal(bytes: Uint8Array): Promise<string> {
  const error = await decodeImage(bytes).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ImageDecodeError);
  return (error as Error).message;
}

describe('decodeImage', () => {
  for (const format of ['jpeg', 'png', 'webp'] as const) {
    it(`decodes ${format} to pixels that hash like the original`, async () => {
      const decoded = await decodeImage(await encode(format));
      expect(decoded).toMatchObject({ format, width: 300, height: 200 });
      expect(hammingDistance(pdqHash(decoded).pdq, pdqHash(picture).pdq)).toBeLessThanOrEqual(8);
    });
  }

  it('refuses a 0-byte file', async () => {
    expect(await refusal(new Uint8Array())).toMatch(/empty/);
  });

  it('refuses a truncated JPEG instead of hashing half a picture', async () => {
    const jpeg = await encode('jpeg');
    expect(await refusal(jpeg.subarray(0, Math.floor(jpeg.length / 2)))).toMatch(/cannot decode the JPEG/);
  });

  it('refuses a 20000×20000 PNG by its header, before decoding it', async () => {
    const started = performance.now();
    expect(await refusal(hugePng(20_000, 20_000))).toMatch(
      /20000×20000 \(400\.0 megapixels\).*limited to 50\.0 megapixels/,
    );
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses SVG, GIF and files that are not pictures, by their first bytes', async () => {
    expect(
      await refusal(Buffer.from('\uFEFF <?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>')),
    ).toMatch(/SVG/);
    expect(await refusal(Buffer.from('GIF89a\x01\x00\x01\x00'))).toMatch(/GIF is not supported/);
    expect(await refusal(Buffer.from('%PDF-1.7 not a picture'))).toMatch(/not a JPEG, PNG or WebP/);
    expect(await refusal(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toMatch(/JPEG/);
  });

  it('names formats by magic bytes, not by file name', () => {
    expect(sniffImageFormat(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(() => sniffImageFormat(Buffer.from('RIFF\0\0\0\0WAVEfmt '))).toThrow(/not a JPEG/);
  });
});

describe('readImageHeader: the size a file says it has, before any decoder (the extension decodes with the browser)', () => {
  it.each(['jpeg', 'png', 'webp'] as const)("reads a %s picture's size", async (format) => {
    expect(readImageHeader(await encode(format))).toEqual({ format, width: picture.width, height: picture.height });
  });

  it('reads lossless and extended WebP sizes too', async () => {
    const image = () =>
      sharp(Buffer.from(picture.data), {
        raw: { width: picture.width, height: picture.height, channels: picture.channels },
      });
    expect(readImageHeader(await image().webp({ lossless: true }).toBuffer())).toMatchObject({
      width: picture.width,
      height: picture.height,
    });
    const withAlpha = await sharp({
      create: { width: 123, height: 45, channels: 4, background: { r: 1, g: 2, b: 3, alpha: 0.5 } },
    })
      .webp()
      .toBuffer();
    expect(readImageHeader(withAlpha)).toMatchObject({ width: 123, height: 45 });
  });

  it('refuses a 20000×20000 PNG, a too-big file and what is no picture, with a reason', () => {
    expect(() => readImageHeader(hugePng(20_000, 20_000))).toThrow(/20000×20000 \(400\.0 megapixels\)/);
    expect(() => readImageHeader(new Uint8Array(9 * 1024 * 1024), { maxBytes: 8 * 1024 * 1024, maxPixels: 1 })).toThrow(
      /9\.0 MB: pictures are limited to 8 MB/,
    );
    expect(() => readImageHeader(new Uint8Array(0))).toThrow(/empty/);
  });
});

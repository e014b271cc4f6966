import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { run } from '../../lib/cli/main';
import { OCR_BLOCK_PAGE_MODE, OCR_UNSURE_CONFIDENCE } from '../../lib/ocr/ocr-common';
import { mergeTexts, OcrEngine, OcrError, parseLanguages } from '../../lib/ocr/ocr-node';
import { readPicture, type Recognize } from '../../lib/ocr/tesseract';

const dir = mkdtempSync(join(tmpdir(), 'saring-ocr-'));

/** A small poster: dark words on a light page, and light words on a dark band. */
async function poster(file: string): Promise<string> {
  const text = async (words: string, colour: string) =>
    await sharp({
      text: { text: `<span foreground="${colour}">${words}</span>`, font: 'DejaVu Sans Bold 28', rgba: true, dpi: 72 },
    })
      .png()
      .toBuffer();
  const image = await sharp({ create: { width: 640, height: 220, channels: 3, background: '#f4f0e8' } })
    .composite([
      { input: await text('VAKSIN MENGANDUNG MICROCHIP', '#202020'), left: 30, top: 30 },
      {
        input: Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="80"><rect width="640" height="80" fill="#1a237e"/></svg>',
        ),
        left: 0,
        top: 120,
      },
      { input: await text('Sebarkan sebelum dihapus', '#ffffff'), left: 30, top: 140 },
    ])
    .png()
    .toBuffer();
  const path = join(dir, file);
  writeFileSync(path, image);
  return path;
}

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('saring-list ocr (tesseract.js, offline)', () => {
  it('reads dark-on-light and light-on-dark text with the bundled models, and reports bad files', async () => {
    const file = await poster('poster.png');
    writeFileSync(join(dir, 'empty.jpg'), '');
    const result = await cli('ocr', '--json', file, join(dir, 'empty.jpg'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/empty\.jpg: the file is empty/);
    const [read] = JSON.parse(result.out) as { file: string; text: string; ms: number }[];
    expect(read!.file).toBe(file);
    expect(read!.ms).toBeGreaterThan(0);
    const words = read!.text.toLowerCase();
    for (const word of ['vaksin', 'mengandung', 'microchip', 'sebarkan', 'sebelum', 'dihapus'])
      expect(words).toContain(word);
  }, 60_000);

  it('refuses unknown languages', async () => {
    expect(() => parseLanguages('ind+fra')).toThrow(OcrError);
    expect(parseLanguages('eng')).toEqual(['eng']);
    expect(await cli('ocr', '--lang', 'xx', 'a.png')).toMatchObject({
      code: 1,
      err: expect.stringContaining('unknown OCR language "xx"'),
    });
  });

  it('gives up with a clear message instead of hanging when the engine does not start in time', async () => {
    await expect(OcrEngine.start(['ind'], 1)).rejects.toThrow(/OCR did not start within 0\.001 s/);
  }, 30_000);
});

describe('mergeTexts', () => {
  it('keeps each line once, in the order first read, without empty lines', () => {
    expect(mergeTexts(['VAKSIN  BERBAHAYA\n\nsebarkan', 'vaksin berbahaya\nSEBARKAN!!\n|'])).toBe(
      'VAKSIN BERBAHAYA\nsebarkan\nSEBARKAN!!',
    );
  });
});

describe('readPicture: the readings of one picture', () => {
  const grey = new Uint8Array([1]);
  const blue = new Uint8Array([2]);
  /** Tesseract as sure as `confidence` says of each image in sparse-text mode; one block reads 'WHOLE LINE'. */
  const recognizer = (confidence: Record<number, number>) =>
    vi.fn<Recognize>(async (image, pageMode) =>
      pageMode === OCR_BLOCK_PAGE_MODE
        ? { text: 'WHOLE LINE', confidence: 90 }
        : { text: `reading ${(image as Uint8Array)[0]}`, confidence: confidence[(image as Uint8Array)[0]!]! },
    );

  it('reads each image once when Tesseract is sure of one of them', async () => {
    const recognize = recognizer({ 1: OCR_UNSURE_CONFIDENCE - 30, 2: OCR_UNSURE_CONFIDENCE });
    expect(await readPicture([grey, blue], recognize)).toBe('reading 1\nreading 2');
    expect(recognize.mock.calls.map(([, pageMode]) => pageMode)).toEqual(['11', '11']);
  });

  it('reads the grey image again as one block when unsure of every reading (text on a busy background)', async () => {
    const recognize = recognizer({ 1: OCR_UNSURE_CONFIDENCE - 1, 2: 40 });
    expect(await readPicture([grey, blue], recognize)).toBe('reading 1\nreading 2\nWHOLE LINE');
    expect(recognize).toHaveBeenLastCalledWith(grey, OCR_BLOCK_PAGE_MODE);
  });
});

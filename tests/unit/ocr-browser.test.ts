import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { offscreenRequestSchema, OFFSCREEN_TARGET } from '../../lib/messaging/offscreen-protocol';
import { bundledOcrPaths, OCR_ASSET_FILES } from '../../lib/ocr/ocr-assets';
import type { OcrBackend } from '../../lib/ocr/ocr-browser';
import { OCR_MIN_SIDE, OcrError } from '../../lib/ocr/ocr-common';
import { base64ToBytes, bytesToBase64, fromServiceWorker } from '../../lib/ocr/offscreen-ocr';
import { OCR_MAX_SIDE, ocrScale, pgm, readingPlanes } from '../../lib/ocr/prepare-browser';
import { CLOSE_OCR_ALARM, OCR_WARM_MINUTES, PictureText } from '../../lib/ocr/read-picture-text';
import { TesseractEngine } from '../../lib/ocr/tesseract';

describe('pictures prepared for OCR in the browser', () => {
  it('upscales small pictures to the shorter side OCR reads best, and keeps long ones within bounds', () => {
    expect(ocrScale(700, 350)).toBe(OCR_MIN_SIDE / 350);
    expect(ocrScale(2000, 1600)).toBe(1);
    expect(Math.round(400 * 4000 * ocrScale(400, 4000)) / 400).toBeLessThanOrEqual(OCR_MAX_SIDE);
    expect(ocrScale(400, 4000)).toBe(OCR_MAX_SIDE / 4000);
  });

  it('reads grey, and the blue channel too only for a colour picture', () => {
    // White words on yellow: close in grey (214 against 255), far apart in blue (0 against 255).
    const yellowWithWhite = new Uint8Array([255, 255, 255, 255, 255, 235, 0, 255, 255, 235, 0, 255, 255, 235, 0, 255]);
    const planes = readingPlanes(yellowWithWhite, 2, 2);
    expect(planes).toHaveLength(2);
    expect([...planes[0]!]).toEqual([255, 214, 214, 214]);
    expect([...planes[1]!]).toEqual([255, 0, 0, 0]);
    const greyOnly = new Uint8Array([10, 10, 10, 255, 200, 200, 200, 255]);
    expect(readingPlanes(greyOnly, 2, 1)).toEqual([new Uint8Array([10, 200])]);
  });

  it('hands Tesseract a binary PGM', () => {
    const file = pgm(new Uint8Array([1, 2, 3, 4, 5, 6]), 3, 2);
    expect(new TextDecoder().decode(file.subarray(0, 11))).toBe('P5\n3 2\n255\n');
    expect([...file.subarray(11)]).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('OCR assets and the offscreen document', () => {
  it('loads everything from the extension, nothing from a CDN', () => {
    const paths = bundledOcrPaths('chrome-extension://abc/');
    expect(paths).toMatchObject({
      workerPath: 'chrome-extension://abc/ocr/worker.min.js',
      corePath: 'chrome-extension://abc/ocr/tesseract-core-simd-lstm.js',
      langPath: 'chrome-extension://abc/ocr',
      workerBlobURL: false,
      cacheMethod: 'none',
    });
    expect(OCR_ASSET_FILES.map((file) => file.name).sort()).toEqual([
      'eng.traineddata.gz',
      'ind.traineddata.gz',
      'tesseract-core-simd-lstm.js',
      'tesseract-core-simd-lstm.wasm',
      'worker.min.js',
    ]);
  });

  it('answers the extension service worker only: not a page, an extension page, a content script or another extension', () => {
    const worker = 'chrome-extension://abc/background.js';
    expect(fromServiceWorker({ id: 'abc', url: worker }, 'abc', worker)).toBe(true);
    expect(fromServiceWorker({ id: 'abc', url: 'chrome-extension://abc/options.html' }, 'abc', worker)).toBe(false);
    expect(fromServiceWorker({ id: 'abc', url: worker, tab: { id: 1 } as never }, 'abc', worker)).toBe(false);
    expect(fromServiceWorker({ id: 'abc', url: 'https://x.com/home', tab: { id: 1 } as never }, 'abc', worker)).toBe(
      false,
    );
    expect(fromServiceWorker({ id: 'other', url: worker }, 'abc', worker)).toBe(false);
  });

  it('takes only OCR requests of the known shapes, pictures up to 8 MB', () => {
    const bytes = bytesToBase64(new Uint8Array([0, 1, 254, 255]));
    expect(base64ToBytes(bytes)).toEqual(new Uint8Array([0, 1, 254, 255]));
    const read = { target: OFFSCREEN_TARGET, type: 'ocr-read', bytes, timeoutMs: 1000 };
    expect(offscreenRequestSchema.safeParse(read).success).toBe(true);
    expect(offscreenRequestSchema.safeParse({ ...read, extra: 1 }).success).toBe(false);
    expect(offscreenRequestSchema.safeParse({ ...read, timeoutMs: 3_600_000 }).success).toBe(false);
    expect(offscreenRequestSchema.safeParse({ ...read, bytes: 'A'.repeat(12 * 1024 * 1024) }).success).toBe(false);
    expect(offscreenRequestSchema.safeParse({ ...read, type: 'check-share' }).success).toBe(false);
  });

  it('round-trips large pictures through base64 (Chrome messages are JSON)', () => {
    const big = new Uint8Array(200_000).map((_, i) => (i * 7) % 256);
    const encoded = bytesToBase64(big);
    expect(encoded).toBe(Buffer.from(big).toString('base64'));
    expect(Buffer.from(base64ToBytes(encoded)).equals(Buffer.from(big))).toBe(true);
  });
});

describe('PictureText: warm for a few minutes after use, then closed', () => {
  function setUp(ready = false) {
    const backend: OcrBackend & { reads: number } = {
      reads: 0,
      read: vi.fn(async () => {
        backend.reads++;
        return 'GUNUNG LAWU';
      }),
      ready: vi.fn(async () => ready),
      close: vi.fn(async () => undefined),
    };
    const alarms = new Map<string, number>();
    const api = {
      create: vi.fn((name: string, { delayInMinutes }: { delayInMinutes: number }) => {
        alarms.set(name, delayInMinutes);
      }),
      get: vi.fn(async (name: string) => (alarms.has(name) ? { name } : undefined)),
    };
    return { backend, alarms, api, text: new PictureText(backend, api) };
  }

  it('reads, and (re)sets the closing alarm after every picture, failed ones too', async () => {
    const { backend, alarms, text } = setUp();
    expect(await text.readPictureText(new Uint8Array([1]))).toBe('GUNUNG LAWU');
    expect(alarms.get(CLOSE_OCR_ALARM)).toBe(OCR_WARM_MINUTES);
    vi.mocked(backend.read).mockRejectedValueOnce(new OcrError('OCR did not finish within 1 s'));
    alarms.clear();
    await expect(text.readPictureText(new Uint8Array([1]), { timeoutMs: 1000 })).rejects.toThrow(/within 1 s/);
    expect(vi.mocked(backend.read).mock.calls.at(-1)).toEqual([new Uint8Array([1]), 1000]);
    expect(alarms.has(CLOSE_OCR_ALARM)).toBe(true);
    await text.close();
    expect(backend.close).toHaveBeenCalledOnce();
  });

  it('on a worker start, gives a warm engine left without its alarm one again', async () => {
    const warm = setUp(true);
    await warm.text.restoreAlarm();
    expect(warm.alarms.get(CLOSE_OCR_ALARM)).toBe(OCR_WARM_MINUTES);
    const cold = setUp(false);
    await cold.text.restoreAlarm();
    expect(cold.alarms.size).toBe(0);
  });
});

describe('TesseractEngine: fails with a clear message instead of hanging', () => {
  it('a model that is not where it is said to be', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'saring-no-models-'));
    const started = Date.now();
    await expect(
      TesseractEngine.start({
        languages: ['ind'],
        paths: { langPath: empty, cacheMethod: 'none', gzip: true },
        timeoutMs: 20_000,
      }),
    ).rejects.toThrow(/OCR did not start: .*ind\.traineddata/);
    // Reported by the worker, not waited out.
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);
});

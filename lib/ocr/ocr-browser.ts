/**
 * OCR inside an extension document that may start workers: Chrome's offscreen document, Firefox's
 * background page. One tesseract.js worker, started on the first picture and kept until `close()`
 * (read-picture-text.ts closes it a few minutes after the last use); pictures are read one at a
 * time, each prepared in the browser (prepare-browser.ts).
 */
import type { WorkerOptions } from 'tesseract.js';
import { OCR_LANGUAGES, OCR_TIMEOUTS } from './ocr-common';
import { prepareInBrowser } from './prepare-browser';
import { TesseractEngine } from './tesseract';

/** An OCR engine the background can use: in this document (Firefox) or in another (Chrome's offscreen). */
export interface OcrBackend {
  read(bytes: Uint8Array, timeoutMs: number): Promise<string>;
  /** Whether the OCR worker is up, so a reading starts at once. */
  ready(): Promise<boolean>;
  /** Stops the worker; a later reading starts a new one. */
  close(): Promise<void>;
}

export class DocumentOcr implements OcrBackend {
  private engine: Promise<TesseractEngine> | null = null;
  private started: TesseractEngine | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly paths: Partial<WorkerOptions>,
    private readonly startMs: number = OCR_TIMEOUTS.startMs,
  ) {}

  ready(): Promise<boolean> {
    return Promise.resolve(this.started?.alive === true);
  }

  /** The text of a picture (JPEG, PNG or WebP bytes). */
  read(bytes: Uint8Array, timeoutMs: number = OCR_TIMEOUTS.recognizeMs): Promise<string> {
    const reading = this.queue.then(async () => {
      const images = await prepareInBrowser(bytes);
      const engine = await this.engineStarted();
      return engine.read(images, timeoutMs);
    });
    this.queue = reading.catch(() => undefined);
    return reading;
  }

  async close(): Promise<void> {
    const engine = this.engine;
    this.engine = null;
    this.started = null;
    await (await engine?.catch(() => null))?.close();
  }

  private engineStarted(): Promise<TesseractEngine> {
    // A worker stopped after a reading ran out of time is replaced.
    if (this.engine && this.started && !this.started.alive) this.engine = null;
    if (!this.engine) {
      const starting = TesseractEngine.start({ languages: OCR_LANGUAGES, paths: this.paths, timeoutMs: this.startMs });
      this.engine = starting;
      starting.then(
        (engine) => {
          if (this.engine === starting) this.started = engine;
        },
        // A failed start is tried again on the next picture.
        () => {
          if (this.engine === starting) this.engine = null;
        },
      );
    }
    return this.engine;
  }
}

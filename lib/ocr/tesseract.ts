/**
 * One tesseract.js worker with our own time limits, shared by the CLI (Node) and the extension
 * (an offscreen document in Chrome, the background page in Firefox). Where the worker, core and
 * models come from is the caller's: tesseract.js would otherwise fetch them from a CDN.
 */
import { createWorker, OEM, type Worker, type WorkerOptions, type WorkerParams } from 'tesseract.js';
import { mergeTexts, OCR_PARAMETERS, OcrError, within, type OcrLanguage } from './ocr-common';

/** A picture as tesseract.js takes it: encoded bytes (PNG, JPEG …) or a Blob of them. */
export type TesseractImage = Uint8Array | Blob;

export interface TesseractStart {
  languages: readonly OcrLanguage[];
  /** Where the worker script, the core and the models are (and how they are cached). */
  paths: Partial<WorkerOptions>;
  timeoutMs: number;
  /** Settings beyond OCR_PARAMETERS (Node sends Tesseract's debug output to /dev/null). */
  parameters?: Record<string, string>;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class TesseractEngine {
  private dead = false;

  private constructor(private readonly worker: Worker) {}

  /**
   * A started worker with the languages loaded. A worker that reports a failure (a model not
   * found) rejects at once; one that never answers (its script or core missing) after `timeoutMs`.
   */
  static async start({ languages, paths, timeoutMs, parameters = {} }: TesseractStart): Promise<TesseractEngine> {
    let gaveUp = false;
    let failed: (reason: unknown) => void = () => undefined;
    const failure = new Promise<never>((_, reject) => {
      failed = reject;
    });
    const starting = createWorker([...languages], OEM.LSTM_ONLY, {
      ...paths,
      errorHandler: (reason: unknown) => failed(new OcrError(`OCR did not start: ${messageOf(reason)}`)),
    }).then(async (started) => {
      // Started after all, but too late: stop it rather than leave a thread running.
      if (gaveUp) await started.terminate();
      return started;
    });
    try {
      const worker = await within(
        Promise.race([starting, failure]),
        timeoutMs,
        `OCR did not start within ${timeoutMs / 1000} s (tesseract.js worker, core or models missing?)`,
        () => {
          gaveUp = true;
        },
      );
      // Plain strings, as Tesseract takes them (its PSM type is an enum of the same strings).
      await worker.setParameters({ ...OCR_PARAMETERS, ...parameters } as Partial<WorkerParams>);
      return new TesseractEngine(worker);
    } catch (error) {
      gaveUp = true;
      throw error instanceof OcrError ? error : new OcrError(`OCR did not start: ${messageOf(error)}`);
    }
  }

  /** False once closed, or after a reading that did not finish in time (its worker was stopped). */
  get alive(): boolean {
    return !this.dead;
  }

  /** The text of several readings of one picture (each line once). */
  async read(images: readonly TesseractImage[], timeoutMs: number): Promise<string> {
    if (this.dead) throw new OcrError('OCR was closed');
    const run = async () => {
      const texts: string[] = [];
      // Both builds of tesseract.js read plain encoded bytes, though its types name only Buffer.
      for (const image of images) texts.push((await this.worker.recognize(image as Blob)).data.text);
      return mergeTexts(texts);
    };
    try {
      return await within(run(), timeoutMs, `OCR did not finish within ${timeoutMs / 1000} s`, () => this.close());
    } catch (error) {
      throw error instanceof OcrError ? error : new OcrError(`OCR failed: ${messageOf(error)}`);
    }
  }

  async close(): Promise<void> {
    if (this.dead) return;
    this.dead = true;
    await this.worker.terminate();
  }
}

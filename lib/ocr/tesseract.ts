/**
 * One tesseract.js worker with our own time limits, shared by the CLI (Node) and the extension
 * (an offscreen document in Chrome, the background page in Firefox). Where the worker, core and
 * models come from is the caller's: tesseract.js would otherwise fetch them from a CDN.
 */
import { createWorker, OEM, type Worker, type WorkerOptions, type WorkerParams } from 'tesseract.js';
import {
  mergeTexts,
  OCR_BLOCK_PAGE_MODE,
  OCR_PARAMETERS,
  OCR_UNSURE_CONFIDENCE,
  OcrError,
  within,
  type OcrLanguage,
} from './ocr-common';

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

/** One reading of an image in a page mode: its text and Tesseract's mean word confidence (0–100). */
export type Recognize = (image: TesseractImage, pageMode: string) => Promise<{ text: string; confidence: number }>;

/**
 * The text of several readings of one picture (each line once): each image in the usual page
 * mode and, when Tesseract is unsure of all of them, the first again as one block
 * (OCR_UNSURE_CONFIDENCE says why).
 */
export async function readPicture(images: readonly TesseractImage[], recognize: Recognize): Promise<string> {
  const texts: string[] = [];
  let surest = 0;
  for (const image of images) {
    const { text, confidence } = await recognize(image, OCR_PARAMETERS.tessedit_pageseg_mode);
    texts.push(text);
    surest = Math.max(surest, confidence);
  }
  if (images.length > 0 && surest < OCR_UNSURE_CONFIDENCE)
    texts.push((await recognize(images[0]!, OCR_BLOCK_PAGE_MODE)).text);
  return mergeTexts(texts);
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

  /** The text of several readings of one picture (readPicture). */
  async read(images: readonly TesseractImage[], timeoutMs: number): Promise<string> {
    if (this.dead) throw new OcrError('OCR was closed');
    // Both builds of tesseract.js read plain encoded bytes, though its types name only Buffer.
    const run = () =>
      readPicture(images, async (image, pageMode) => {
        if (pageMode === OCR_PARAMETERS.tessedit_pageseg_mode) return (await this.worker.recognize(image as Blob)).data;
        await this.setPageMode(pageMode);
        try {
          return (await this.worker.recognize(image as Blob)).data;
        } finally {
          await this.setPageMode(OCR_PARAMETERS.tessedit_pageseg_mode);
        }
      });
    try {
      return await within(run(), timeoutMs, `OCR did not finish within ${timeoutMs / 1000} s`, () => this.close());
    } catch (error) {
      throw error instanceof OcrError ? error : new OcrError(`OCR failed: ${messageOf(error)}`);
    }
  }

  private async setPageMode(mode: string): Promise<void> {
    await this.worker.setParameters({ tessedit_pageseg_mode: mode } as Partial<WorkerParams>);
  }

  async close(): Promise<void> {
    if (this.dead) return;
    this.dead = true;
    await this.worker.terminate();
  }
}

/**
 * OCR in Node for the CLI: tesseract.js with the Indonesian and English `4.0.0_best_int` models
 * from the @tesseract.js-data packages, entirely offline. tesseract.js downloads its models from a
 * CDN unless handed the data, and hangs rather than fails when an asset is missing, so the model
 * bytes are read here and passed in, its cache is off (it would write next to the working folder),
 * and starting and recognising each run under a timeout of our own.
 */
import { access, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { preparePage, type PreparedPage } from './prepare-node';

export const OCR_LANGUAGES = ['ind', 'eng'] as const;
export type OcrLanguage = (typeof OCR_LANGUAGES)[number];

export const OCR_TIMEOUTS = {
  /** Loading the wasm core and the models: about 1–2 s here; 30 s means something is missing. */
  startMs: 30_000,
  /** One picture (all passes). */
  recognizeMs: 60_000,
} as const;

/** Tesseract's page segmentation: sparse text finds the scattered blocks of posters (measured on tests/eval/images). */
export const OCR_PAGE_MODE = PSM.SPARSE_TEXT;

/** OCR could not start or finish, in words for the person running it. */
export class OcrError extends Error {
  override name = 'OcrError';
}

const require = createRequire(import.meta.url);

/**
 * A folder holding the gzipped models of the languages, linked from their npm packages: tesseract.js
 * reads `<langPath>/<lang>.traineddata.gz` from one folder (its in-memory alternative is broken in
 * 7.0.0), and without a local langPath it would download from a CDN.
 */
async function modelFolder(languages: readonly OcrLanguage[]): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'saring-ocr-'));
  for (const language of languages) {
    let model: string;
    try {
      model = join(
        dirname(require.resolve(`@tesseract.js-data/${language}/package.json`)),
        '4.0.0_best_int',
        `${language}.traineddata.gz`,
      );
    } catch {
      throw new OcrError(`the ${language} OCR model is not installed (npm package @tesseract.js-data/${language})`);
    }
    try {
      await symlink(model, join(folder, `${language}.traineddata.gz`));
      await access(join(folder, `${language}.traineddata.gz`));
    } catch (error) {
      throw new OcrError(`cannot read the ${language} OCR model ${model}: ${(error as Error).message}`);
    }
  }
  return folder;
}

/** Resolves like `promise`, or rejects with OcrError(message) after `ms` and runs `onTimeout`. */
async function within<T>(promise: Promise<T>, ms: number, message: string, onTimeout: () => unknown): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void Promise.resolve(onTimeout()).catch(() => undefined);
      reject(new OcrError(message));
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Parses "ind+eng" (the CLI's --lang). */
export function parseLanguages(value: string): OcrLanguage[] {
  const languages = value.split('+').map((part) => part.trim());
  const unknown = languages.filter((language) => !(OCR_LANGUAGES as readonly string[]).includes(language));
  if (!languages.length || unknown.length)
    throw new OcrError(`unknown OCR language ${JSON.stringify(unknown[0] ?? value)}: use ind, eng or ind+eng`);
  return [...new Set(languages)] as OcrLanguage[];
}

export interface OcrResult {
  text: string;
  /** Milliseconds spent recognising (not preparing) this picture. */
  ms: number;
}

/** One warm tesseract.js worker; several pictures share it. `close()` when done. */
export class OcrEngine {
  private constructor(private readonly worker: Worker) {}

  static async start(
    languages: readonly OcrLanguage[] = OCR_LANGUAGES,
    timeoutMs: number = OCR_TIMEOUTS.startMs,
  ): Promise<OcrEngine> {
    const langPath = await modelFolder(languages);
    let gaveUp = false;
    const starting = createWorker([...languages], OEM.LSTM_ONLY, {
      langPath,
      cacheMethod: 'none',
      gzip: true,
      errorHandler: () => undefined,
    }).then(async (started) => {
      // Started after all, but too late: stop it rather than leave a thread running.
      if (gaveUp) await started.terminate();
      return started;
    });
    try {
      const ready = await within(
        starting,
        timeoutMs,
        `OCR did not start within ${timeoutMs / 1000} s (tesseract.js core or models missing?)`,
        () => {
          gaveUp = true;
        },
      );
      // A fixed resolution and a null debug file keep Tesseract from printing its guesses to stderr.
      await ready.setParameters({
        tessedit_pageseg_mode: OCR_PAGE_MODE,
        user_defined_dpi: '300',
        debug_file: '/dev/null',
      });
      return new OcrEngine(ready);
    } catch (error) {
      throw error instanceof OcrError
        ? error
        : new OcrError(`OCR did not start: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      // The models are in the worker's memory once it has started (or failed): the links can go.
      await rm(langPath, { recursive: true, force: true });
    }
  }

  /**
   * The text of a picture (JPEG, PNG or WebP bytes): read as grey and, for colour pictures, from
   * its blue channel too (see prepare-node.ts); the lines of both readings are kept.
   */
  async recognize(bytes: Uint8Array, timeoutMs: number = OCR_TIMEOUTS.recognizeMs): Promise<OcrResult> {
    const page: PreparedPage = await preparePage(bytes);
    const started = performance.now();
    const run = async () => {
      const texts: string[] = [];
      for (const image of page.images) texts.push((await this.worker.recognize(image)).data.text);
      return mergeTexts(texts);
    };
    const text = await within(run(), timeoutMs, `OCR did not finish within ${timeoutMs / 1000} s`, () =>
      this.worker.terminate(),
    );
    return { text, ms: performance.now() - started };
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

/** The lines of several readings of one picture, each line once, in the order first seen. */
export function mergeTexts(texts: readonly string[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const text of texts) {
    for (const raw of text.split('\n')) {
      const line = raw.replace(/\s+/g, ' ').trim();
      const key = line.toLowerCase();
      if (line.length < 2 || seen.has(key)) continue;
      seen.add(key);
      lines.push(line);
    }
  }
  return lines.join('\n');
}

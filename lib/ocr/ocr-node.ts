/**
 * OCR in Node for the CLI: tesseract.js with the Indonesian and English `4.0.0_best_int` models
 * from the @tesseract.js-data packages, entirely offline. tesseract.js downloads its models from a
 * CDN unless told where they are, so they are linked into a folder of our own, its cache is off
 * (it would write next to the working folder), and the engine runs under our own time limits
 * (lib/ocr/tesseract.ts).
 */
import { access, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { OCR_LANGUAGES, OCR_TIMEOUTS, OcrError, type OcrLanguage } from './ocr-common';
import { preparePage } from './prepare-node';
import { TesseractEngine } from './tesseract';

export { mergeTexts, OCR_LANGUAGES, OcrError, parseLanguages, type OcrLanguage } from './ocr-common';

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

export interface OcrResult {
  text: string;
  /** Milliseconds spent recognising (not preparing) this picture. */
  ms: number;
}

/** One warm tesseract.js worker; several pictures share it. `close()` when done. */
export class OcrEngine {
  private constructor(private readonly engine: TesseractEngine) {}

  static async start(
    languages: readonly OcrLanguage[] = OCR_LANGUAGES,
    timeoutMs: number = OCR_TIMEOUTS.startMs,
  ): Promise<OcrEngine> {
    const langPath = await modelFolder(languages);
    try {
      const engine = await TesseractEngine.start({
        languages,
        paths: { langPath, cacheMethod: 'none', gzip: true },
        timeoutMs,
        // A null debug file keeps Tesseract from printing its guesses to stderr.
        parameters: { debug_file: '/dev/null' },
      });
      return new OcrEngine(engine);
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
    const { images } = await preparePage(bytes);
    const started = performance.now();
    const text = await this.engine.read(images, timeoutMs);
    return { text, ms: performance.now() - started };
  }

  async close(): Promise<void> {
    await this.engine.close();
  }
}

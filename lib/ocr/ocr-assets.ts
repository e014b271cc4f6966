/**
 * The OCR files the extension ships, under `ocr/` in the package: tesseract.js's worker script,
 * one core (the SIMD build for the LSTM engine: every browser Saring supports runs WebAssembly
 * SIMD, Chrome since 91 and Firefox since 89), and the Indonesian and English `4.0.0_best_int`
 * models. The build copies them from node_modules (wxt.config.ts), so they are not committed,
 * and the extension loads them from its own origin only: nothing is fetched from a CDN.
 */
import type { WorkerOptions } from 'tesseract.js';
import { OCR_LANGUAGES } from './ocr-common';

export const OCR_ASSET_FOLDER = 'ocr';
/** The core's loader; it fetches the .wasm of the same name beside the worker script. */
const CORE = 'tesseract-core-simd-lstm';

/** Each file to ship: the npm package it comes from, its path there, and its name under ocr/. */
export const OCR_ASSET_FILES: readonly { pkg: string; path: string; name: string }[] = [
  { pkg: 'tesseract.js', path: 'dist/worker.min.js', name: 'worker.min.js' },
  { pkg: 'tesseract.js-core', path: `${CORE}.js`, name: `${CORE}.js` },
  { pkg: 'tesseract.js-core', path: `${CORE}.wasm`, name: `${CORE}.wasm` },
  ...OCR_LANGUAGES.map((language) => ({
    pkg: `@tesseract.js-data/${language}`,
    path: `4.0.0_best_int/${language}.traineddata.gz`,
    name: `${language}.traineddata.gz`,
  })),
];

/** Where tesseract.js finds everything, under the extension's own origin (runtime.getURL('/')). */
export function bundledOcrPaths(extensionOrigin: string): Partial<WorkerOptions> {
  const folder = new URL(`${OCR_ASSET_FOLDER}/`, extensionOrigin).href;
  return {
    workerPath: `${folder}worker.min.js`,
    corePath: `${folder}${CORE}.js`,
    langPath: folder.slice(0, -1),
    // The extension's CSP allows workers from its own files only, not from blob: URLs.
    workerBlobURL: false,
    // Nothing written to the extension's storage: the models are read from the package each start.
    cacheMethod: 'none',
    gzip: true,
  };
}

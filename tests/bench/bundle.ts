import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { resolve } from 'node:path';

/** What the page loads at document_start: the content scripts' size as built (unminified goal: 100 KB). */
export const CONTENT_SCRIPT_GOAL_KB = 100;

const build = resolve(import.meta.dirname, '../../.output/chrome-mv3');
const contentScripts = resolve(build, 'content-scripts');

/** One row per built content script: its size in KB (1000 bytes, as WXT prints them). */
export function contentScriptRows(): [string, string, string][] {
  if (!existsSync(contentScripts)) throw new Error('no build: run `npm run build` first');
  return readdirSync(contentScripts)
    .filter((name) => name.endsWith('.js'))
    .map((name) => {
      const kb = statSync(resolve(contentScripts, name)).size / 1000;
      const goal = name === 'guard.js' ? ` (goal ≤ ${CONTENT_SCRIPT_GOAL_KB} KB)` : '';
      return ['build', `content script ${name}, unminified${goal}`, `${kb.toFixed(1)} KB`];
    });
}

/** OCR's files in the package (lib/ocr/ocr-assets.ts): as installed, and deflated as a zip stores them. */
export function ocrAssetRows(): [string, string, string][] {
  const folder = resolve(build, 'ocr');
  if (!existsSync(folder)) throw new Error('no OCR assets in the build: run `npm run build` first');
  const files = readdirSync(folder).map((name) => {
    const bytes = readFileSync(resolve(folder, name));
    return { name, raw: bytes.length, deflated: deflateRawSync(bytes, { level: 9 }).length };
  });
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
  const total = (key: 'raw' | 'deflated') => files.reduce((sum, file) => sum + file[key], 0);
  return [
    ...files.map(({ name, raw, deflated }): [string, string, string] => [
      'build',
      `OCR asset ocr/${name}, installed / zipped`,
      `${mb(raw)} / ${mb(deflated)}`,
    ]),
    [
      'build',
      'OCR assets in all (what OCR adds to the package), installed / zipped',
      `${mb(total('raw'))} / ${mb(total('deflated'))}`,
    ],
  ];
}

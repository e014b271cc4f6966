/**
 * OCR figures for `npm run eval`: word recall on the generated posters by background (the share
 * of each poster's words of three or more letters found in the OCR text), and per-picture times.
 * Run alone: npx tsx tests/eval/images/eval-ocr.ts
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { OcrEngine } from '../../../lib/ocr/ocr-node';
import { percentile } from '../measures';
import { type Background, here, type Manifest, MANIFEST_FILE } from './common';
import { ensureImageSet } from './ensure';

/** Words as the recall counts them: lowercase runs of letters and digits with at least three letters. */
export function ocrWords(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => (word.match(/\p{L}/gu)?.length ?? 0) >= 3);
}

/** The share of `expected`'s distinct words found in `found`. */
export function wordRecall(expected: string, found: string): number {
  const wanted = [...new Set(ocrWords(expected))];
  const seen = new Set(ocrWords(found));
  return wanted.length ? wanted.filter((word) => seen.has(word)).length / wanted.length : 1;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const figure = (values: number[]) => (values.length ? mean(values).toFixed(3) : '—');

export async function ocrEval(): Promise<void> {
  const folder = await ensureImageSet();
  const manifest = JSON.parse(readFileSync(resolve(folder, MANIFEST_FILE), 'utf8')) as Manifest;
  const posters = manifest.images.filter((image) => image.set === 'poster');
  let started = performance.now();
  const engine = await OcrEngine.start();
  const coldStart = performance.now() - started;
  const recall = new Map<Background, { tuning: number[]; heldOut: number[] }>();
  const times: number[] = [];
  try {
    for (const poster of posters) {
      started = performance.now();
      const { text } = await engine.recognize(new Uint8Array(readFileSync(resolve(folder, poster.file))));
      times.push(performance.now() - started);
      const entry = recall.get(poster.background!) ?? { tuning: [], heldOut: [] };
      (poster.poster! % 2 === 1 ? entry.heldOut : entry.tuning).push(wordRecall(poster.text, text));
      recall.set(poster.background!, entry);
    }
  } finally {
    await engine.close();
  }
  console.log('OCR word recall on the posters (tesseract.js, ind+eng best_int, sparse-text page mode, upscaled, grey plus blue-channel readings, the grey read again as one block when Tesseract is unsure of both; chosen on the even-numbered posters, which are the plain and photo-like ones, and on busy and gradient posters drawn for their claims by tune-ocr.ts)');
  console.log(`  ${'background'.padEnd(10)} ${'all'.padStart(6)} ${'tuning half'.padStart(12)} ${'held out'.padStart(9)}   goal`);
  for (const [background, { tuning, heldOut }] of recall) {
    const goal = background === 'plain' ? '≥ 0.95' : background === 'busy' ? '≥ 0.75' : '';
    console.log(`  ${background.padEnd(10)} ${figure([...tuning, ...heldOut]).padStart(6)} ${figure(tuning).padStart(12)} ${figure(heldOut).padStart(9)}   ${goal}`);
  }
  console.log(`OCR time per picture in Node (prepare + read, ${posters.length} posters): cold start ${(coldStart / 1000).toFixed(1)} s, warm median ${(percentile(times, 0.5) / 1000).toFixed(2)} s, p95 ${(percentile(times, 0.95) / 1000).toFixed(2)} s (shared machine: noisy)`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(here, 'eval-ocr.ts')) await ocrEval();

/**
 * Pictures to tune OCR on without looking at the held-out posters: the eval's gradient and busy
 * posters are all odd-numbered (held out), so this draws busy and gradient posters for the
 * even-numbered (tuning-half) claims, with seeds of their own, and prints word recall (as the eval
 * counts it) and time per picture. Nothing it draws is in the eval.
 * Run: npx tsx tests/eval/images/tune-ocr.ts [--every N] [--only busy|gradient] [--show]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import sharp from 'sharp';
import { OcrEngine } from '../../../lib/ocr/ocr-node';
import { percentile } from '../measures';
import { type Background, type Claim, CLAIMS_FILE, here, random } from './common';
import { wordRecall } from './eval-ocr';
import { CANVASES, drawPoster } from './generate';
import { FONT_NAMES } from './render';

const option = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const every = Number(option('--every') ?? 1);
const kinds = (['busy', 'gradient'] as const).filter((kind) => (option('--only') ?? kind) === kind);
const show = process.argv.includes('--show');

const claims = JSON.parse(readFileSync(resolve(here, CLAIMS_FILE), 'utf8')) as Claim[];
const pictures: { background: Background; bytes: Uint8Array; text: string }[] = [];
for (const [index, claim] of claims.entries()) {
  const turn = index / 2;
  if (index % 2 === 1 || turn % every !== 0) continue;
  for (const kind of kinds) {
    const rng = random(70_000 + index * 2 + (kind === 'busy' ? 0 : 1));
    const [width, height] = CANVASES[turn % CANVASES.length]!;
    const { png, text } = await drawPoster(claim, kind, FONT_NAMES[turn % FONT_NAMES.length]!, width, height, rng);
    pictures.push({ background: kind, bytes: new Uint8Array(await sharp(png).jpeg({ quality: 92 }).toBuffer()), text });
  }
}

const engine = await OcrEngine.start();
const recall = new Map<Background, number[]>();
const times: number[] = [];
try {
  for (const picture of pictures) {
    const started = performance.now();
    const { text } = await engine.recognize(picture.bytes);
    times.push(performance.now() - started);
    const found = wordRecall(picture.text, text);
    recall.set(picture.background, [...(recall.get(picture.background) ?? []), found]);
    if (show) console.log(`${picture.background} ${found.toFixed(2)} ${JSON.stringify(text)}`);
  }
} finally {
  await engine.close();
}
for (const [background, values] of recall)
  console.log(`${background}: word recall ${(values.reduce((a, b) => a + b, 0) / values.length).toFixed(3)} of ${values.length}`);
console.log(`per picture: p50 ${(percentile(times, 0.5) / 1000).toFixed(2)} s, p95 ${(percentile(times, 0.95) / 1000).toFixed(2)} s`);

/**
 * Picture checks at share time in Chromium (issue 17): the built extension's `check-share` for a
 * post that is only a picture, timed from an extension page (the message round trip included, as
 * the guard waits for it). Pictures on X's image host (served here, through the browser's own
 * network stack) are fetched, decoded with createImageBitmap + OffscreenCanvas, hashed and matched
 * in the service worker; WhatsApp-style pictures arrive as the content script's 512 px PNG.
 * Then OCR (issue 17) as the service worker runs it, in the offscreen document: the first picture
 * (the document, worker, core and models started) and warm pictures after it. The hash rows come
 * first, while OCR is cold: a share does not wait for a cold OCR, so they time the hash path alone.
 * Last, labels by picture (`match-pictures`), per picture of a full batch: after OCR, since the
 * pictures they queue for reading would warm it.
 * Needs `npm run build`. Run alone: npx tsx tests/bench/images-chromium.ts
 */
import { resolve } from 'node:path';
import sharp from 'sharp';
import { MATCH_PICTURES_BATCH } from '../../lib/core/post';
import { launchWithExtension } from '../../lib/dev/chrome';
import { readInOffscreen, sendFromExtensionPage, waitForStarterList } from '../e2e/harness';
import { posterLikePicture } from '../unit/pdq-patterns';

const PICTURES = 21;
const LABEL_BATCHES = 5;
const OCR_PICTURES = 11;
const MEDIA = 'https://pbs.twimg.com/media/';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** A 1080×1350 poster-like JPEG (an X photo's "large" size), different for each seed. */
async function poster(seed: number, width = 1080, height = 1350): Promise<Buffer> {
  const pixels = posterLikePicture(width, height, seed);
  return sharp(Buffer.from(pixels.data), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

const WORDS = ['VAKSIN', 'GRATIS', 'BANSOS', 'DAFTAR', 'SEKARANG', 'ERUPSI', 'BANJIR', 'HOAKS', 'SEBARKAN', 'PENTING'];

const posterLine = (seed: number, at: number) =>
  [0, 1, 2].map((k) => WORDS[(seed * 3 + at * 7 + k) % WORDS.length]).join(' ');

/** The share of a poster's words found in its OCR text. */
function wordRecall(seed: number, text: string): number {
  const words = [0, 1, 2, 3].flatMap((at) => posterLine(seed, at).split(' '));
  return words.filter((word) => text.toUpperCase().includes(word)).length / words.length;
}

/** A 1080×1350 text poster (four lines of words on a colour), different for each seed. */
async function textPoster(seed: number): Promise<Buffer> {
  const line = (at: number) => posterLine(seed, at);
  const words = await Promise.all(
    [0, 1, 2, 3].map(async (at) =>
      sharp({ text: { text: line(at), font: `DejaVu Sans Bold ${36 + (seed % 3) * 8}`, rgba: true, dpi: 72 } })
        .png()
        .toBuffer(),
    ),
  );
  const background = ['#ffd54f', '#b3e5fc', '#f8bbd0', '#ffffff'][seed % 4]!;
  return sharp({ create: { width: 1080, height: 1350, channels: 3, background } })
    .composite(words.map((input, at) => ({ input, left: 60, top: 200 + at * 220 })))
    .jpeg({ quality: 80 })
    .toBuffer();
}

export async function runImagesChromiumBench(): Promise<void> {
  const jpegs = await Promise.all(Array.from({ length: PICTURES }, (_, i) => poster(500 + i)));
  const pngs = await Promise.all(
    Array.from(
      { length: PICTURES },
      async (_, i) =>
        `data:image/png;base64,${(
          await sharp(await poster(600 + i, 410, 512))
            .png()
            .toBuffer()
        ).toString('base64')}`,
    ),
  );
  const browser = await launchWithExtension();
  try {
    await browser.context.route(`${MEDIA}**`, (route) => {
      const at = Number(new URL(route.request().url()).pathname.match(/(\d+)\.jpg$/)?.[1]);
      return route.fulfill({ status: 200, contentType: 'image/jpeg', body: jpegs[at]! });
    });
    await waitForStarterList(browser);
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const check = async (images: unknown[]) => {
      const t0 = performance.now();
      const reply = await sendFromExtensionPage<{ ok: boolean }>(page, 'check-share', {
        site: 'x',
        kind: 'repost',
        text: '',
        urls: [],
        images,
      });
      if (!reply.ok) throw new Error(`check-share failed: ${JSON.stringify(reply)}`);
      return performance.now() - t0;
    };
    const fetched = [];
    for (let i = 0; i < PICTURES; i++) fetched.push(await check([{ url: `${MEDIA}${i}.jpg` }]));
    const cached = [];
    for (let i = 1; i < PICTURES; i++) cached.push(await check([{ url: `${MEDIA}${i}.jpg` }]));
    const read = [];
    for (const dataUrl of pngs) read.push(await check([{ dataUrl }]));
    const textOnly = [];
    for (let i = 0; i < PICTURES; i++) textOnly.push(await check([]));
    const posters = await Promise.all(Array.from({ length: OCR_PICTURES }, (_, i) => textPoster(i)));
    const cold = await readInOffscreen(browser, posters[0]!);
    if (!cold.opened) throw new Error('OCR was warm before its first picture: the hash rows above waited for it');
    const warm = [];
    const recall = [wordRecall(0, cold.text)];
    for (const [at, poster] of posters.entries()) {
      if (at === 0) continue;
      const read = await readInOffscreen(browser, poster);
      warm.push(read.ms);
      recall.push(wordRecall(at, read.text));
    }

    // Labels by picture: a full batch of pictures on screen, new URLs each time (nothing cached).
    const labelled = [];
    for (let batch = 0; batch < LABEL_BATCHES; batch++) {
      const posts = Array.from({ length: MATCH_PICTURES_BATCH }, (_, k) => ({
        images: [{ url: `${MEDIA}${(batch * MATCH_PICTURES_BATCH + k) % PICTURES}.jpg?labels=${batch}` }],
      }));
      const t0 = performance.now();
      const reply = await sendFromExtensionPage<{ ok: boolean }>(page, 'match-pictures', { site: 'x', posts });
      if (!reply.ok) throw new Error(`match-pictures failed: ${JSON.stringify(reply)}`);
      labelled.push((performance.now() - t0) / MATCH_PICTURES_BATCH);
    }

    const rows: [string, string][] = [
      ['X picture (1080×1350 JPEG) fetched, decoded, hashed, matched: first', ms(fetched[0]!)],
      [
        `… each new picture after the first, p50 / p95 (${PICTURES - 1})`,
        `${ms(percentile(fetched.slice(1), 50))} / ${ms(percentile(fetched.slice(1), 95))}`,
      ],
      [`… the same pictures again (hashes cached by URL), p50 (${cached.length})`, ms(percentile(cached, 50))],
      [
        `WhatsApp picture (content script's 410×512 PNG) decoded, hashed, matched, p50 / p95 (${read.length})`,
        `${ms(percentile(read, 50))} / ${ms(percentile(read, 95))}`,
      ],
      [`for comparison: the same message with no picture, p50 (${textOnly.length})`, ms(percentile(textOnly, 50))],
      ['OCR, first picture (1080×1350 text poster; offscreen document, worker, core, models started)', ms(cold.ms)],
      [
        `OCR, warm, each picture after, p50 / p95 (${warm.length}; grey and blue readings)`,
        `${ms(percentile(warm, 50))} / ${ms(percentile(warm, 95))}`,
      ],
      [
        `OCR word recall on these posters (${recall.length})`,
        (recall.reduce((sum, value) => sum + value, 0) / recall.length).toFixed(3),
      ],
      [
        `labels by picture: a batch of ${MATCH_PICTURES_BATCH} new X pictures, per picture, p50 / max (${LABEL_BATCHES} batches)`,
        `${ms(percentile(labelled, 50))} / ${ms(Math.max(...labelled))}`,
      ],
    ];
    const width = Math.max(...rows.map(([what]) => what.length));
    console.log(
      `\npictures at share time (Chromium, check-share round trip; shared machine, noisy)\n${rows.map(([what, figure]) => `chromium  ${what.padEnd(width)}  ${figure}`).join('\n')}`,
    );
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname, 'images-chromium.ts'))
  await runImagesChromiumBench();

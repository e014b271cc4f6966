/**
 * Inline labels' main-thread cost in Chromium (issue 5: ≤ 2 ms per 50 new posts): the X fixture
 * grown into a long feed of 500 posts, 50 at a time as infinite scroll adds them; each time, the
 * scanner's own work on the page (find the new posts, extract their own text and links) is timed.
 * lib/labels/scan.ts is bundled from source and run in the page; the extension's own scanner runs
 * there too, but only between the timed sections, which are synchronous.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../../lib/dev/chrome';
import type { SiteAdapter } from '../../lib/sites/types';
import { percentile } from '../eval/measures';

const FEED_POSTS = 500;
const STEP = 50;
/** Feeds grown per figure: the machine is shared, one feed's ten steps are too few to trust. */
const RUNS = 3;
const PAGE_GLOBAL = '__saringLabelsBench';
/** Served as X itself, so the post's own links (author, post, hashtags) are the site's. */
const FEED_URL = 'https://x.com/';

/** What the bundle puts on the page's window. */
type BundledScan = typeof import('../../lib/labels/scan') & { X_SITE: SiteAdapter };

export async function runLabelsBench(): Promise<void> {
  const bundle = await build({
    stdin: {
      contents: `export { collectNewPosts, postToMatch } from './lib/labels/scan'; export { X_SITE } from './lib/sites/x';`,
      resolveDir: resolve(import.meta.dirname, '../..'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: PAGE_GLOBAL,
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const fixture = readFileSync(resolve(import.meta.dirname, '../fixtures/x/feed.id.html'), 'utf8');

  const browser = await launchWithExtension();
  await browser.context.route(FEED_URL, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: fixture }),
  );
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.context.newPage();
    await page.goto(FEED_URL);
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    times.push(...(await growFeed(page)));
    await page.close();
  }
  await browser.close();

  const ms = (value: number) => `${value.toFixed(2)} ms`;
  console.log(
    `\nchromium inline labels: find + extract ${STEP} new posts, X feed grown to ${FEED_POSTS} (${times.length} steps), p50 / p95  ${ms(percentile(times, 0.5))} / ${ms(percentile(times, 0.95))}`,
  );
}

/** Appends FEED_POSTS posts, STEP at a time, and times the scanner's work on each new STEP. */
function growFeed(page: Page): Promise<number[]> {
  return page.evaluate(
    ({ feedPosts, step, global }) => {
      const scan = (window as unknown as Record<string, BundledScan>)[global]!;
      const cells = [...document.querySelectorAll('[data-testid="cellInnerDiv"]:has(article)')];
      const feed = cells[0]!.parentElement!;
      const scanned = new WeakSet<Element>();
      scan.collectNewPosts(scan.X_SITE, document, scanned).forEach((post) => scan.postToMatch(scan.X_SITE, post));
      const timings: number[] = [];
      for (let added = 0; added < feedPosts; added += step) {
        for (let i = 0; i < step; i++) {
          const cell = cells[(added + i) % cells.length]!.cloneNode(true) as Element;
          const text = cell.querySelector('[data-testid="tweetText"]');
          // Every post differs, as on a real feed.
          text?.append(` #${added + i}`);
          feed.append(cell);
        }
        const start = performance.now();
        for (const post of scan.collectNewPosts(scan.X_SITE, document, scanned)) scan.postToMatch(scan.X_SITE, post);
        timings.push(performance.now() - start);
      }
      return timings;
    },
    { feedPosts: FEED_POSTS, step: STEP, global: PAGE_GLOBAL },
  );
}

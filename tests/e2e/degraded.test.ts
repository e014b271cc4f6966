import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../lib/dev/chrome';
import {
  fixturePage,
  screenshot,
  settledShareLog,
  siteRowInOptions,
  startBrowser,
  waitForStarterList,
  watchErrors,
} from './harness';

/**
 * X changed its markup: the post and repost-item hooks the adapter relies on are renamed (the
 * fixture's own simulated site is renamed with them, so it still works). The guard must fail
 * open, and the options page must tell the person X is degraded.
 */
const RENAMED_X = fixturePage('x/feed.id.html')
  .replaceAll('data-testid="tweet"', 'data-testid="tweet-renamed"')
  // The post rule's older alternative would still find the post: renamed too.
  .replaceAll('data-testid="cellInnerDiv"', 'data-testid="cell-renamed"')
  .replaceAll('retweetConfirm', 'boostConfirm');

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await startBrowser();
  await waitForStarterList(browser);
  await browser.context.route('https://x.com/home', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: RENAMED_X }),
  );
});

afterAll(async () => {
  await browser?.close();
});

describe('X with its key selectors renamed', () => {
  it('lets a repost of a known hoax through unprompted, and options shows X degraded', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await page.goto('https://x.com/home');
    // The hoax post (same status as in guard.test.ts): it would be held and prompted on the real markup.
    const post = page.locator('article[data-testid="tweet-renamed"]:has(a[href$="/status/1993000000000000001"])');
    await post.locator('[data-testid="retweet"]').click();
    await page.locator('#layers [data-testid="boostConfirm"]').click();

    expect(await settledShareLog(page, 1)).toHaveLength(1);
    expect(await page.locator('saring-prompt [role="dialog"]').count()).toBe(0);
    expect(errors).toEqual([]);

    const row = await siteRowInOptions(browser, 'x', 'degraded');
    const options = row.page();
    // The browser's UI language picks the words; the failing checks are named (the adapter's own
    // expectations by their names), the home feed's as soon as the page gave up waiting for posts.
    expect(await row.textContent()).toMatch(/Having trouble|Terganggu/);
    await expect
      .poll(
        async () => {
          await options.reload();
          return row.textContent();
        },
        { timeout: 15_000, interval: 500 },
      )
      .toMatch(/(Not finding|Tidak ditemukan):.*posts on the home feed/);
    expect(await row.textContent()).toContain('repost items in the repost menu');
    await row.scrollIntoViewIfNeeded();
    await screenshot(options, 'options-x-degraded');
  });
});

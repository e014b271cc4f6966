import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../lib/dev/chrome';
import { serveFixture, settledShareLog, startBrowser, turnLabelsOff, waitForStarterList, watchErrors } from './harness';

/** navigator.share on a guarded site (tests/fixtures/web-share), in the built extension. */

const HOAX = '7441000000000000001';
const BENIGN = '7441000000000000002';
const PAGE = 'https://www.tiktok.com/@infowarga/video/7441000000000000001';

interface ShareState {
  log: string[];
  native: { title?: string; text?: string; url?: string }[];
}

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await startBrowser();
  await waitForStarterList(browser);
  await turnLabelsOff(browser);
  await serveFixture(browser.context, 'https://www.tiktok.com/@infowarga/**', 'web-share/video.id.html');
  await serveFixture(browser.context, 'https://www.threads.com/@kabar_lawu/**', 'web-share/post.en.html');
  // The browser's own share, as on the systems that have one (Debian's Chromium has none):
  // defined before any script of the page or of the extension runs.
  await browser.context.addInitScript(() => {
    const page = window as unknown as { __nativeShares: unknown[] };
    page.__nativeShares = [];
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      enumerable: true,
      writable: true,
      value: function share(data: unknown) {
        page.__nativeShares.push(data);
        return Promise.resolve();
      },
    });
  });
});

afterAll(async () => {
  await browser?.close();
});

async function open(url = PAGE): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  return page;
}

const share = (page: Page, id: string) => page.locator(`[data-fixture-video="${id}"] [data-fixture-share]`).click();

/** What the page saw of its shares once they have settled (see settledShareLog). */
async function sharesOf(page: Page, expected: number): Promise<ShareState> {
  const log = await settledShareLog(page, expected);
  return {
    log,
    native: await page.evaluate(() => (window as unknown as { __nativeShares: ShareState['native'] }).__nativeShares),
  };
}

describe('a page that shares through navigator.share', () => {
  it('asks before sharing a known hoax; Cancel rejects the share with an AbortError', async () => {
    const page = await open();
    const errors = watchErrors(page);
    await share(page, HOAX);
    const dialog = page.locator('saring-prompt [role="dialog"]');
    await expect.poll(() => dialog.getAttribute('data-reason')).toBe('hoax-match');
    expect(await page.locator('saring-prompt [data-match-id="tbh26-35352"]').count()).toBe(1);
    await page.locator('saring-prompt [data-action="cancel"]').click();
    expect(await sharesOf(page, 1)).toEqual({ log: [`rejected:${HOAX}:AbortError`], native: [] });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Share anyway calls the browser’s share once, with the page’s data', async () => {
    const page = await open();
    await share(page, HOAX);
    await page.locator('saring-prompt [data-action="share"]').click();
    const { log, native } = await sharesOf(page, 1);
    expect(log).toEqual([`shared:${HOAX}`]);
    expect(native).toHaveLength(1);
    expect(native[0]?.url).toBe(`https://www.tiktok.com/@infowarga/video/${HOAX}`);
    expect(native[0]?.text).toContain('erupsi besar adalah gn Lawu');
    await page.close();
  });

  it('shares a benign video at once, with no prompt', async () => {
    const page = await open();
    await share(page, BENIGN);
    const { log, native } = await sharesOf(page, 1);
    expect(log).toEqual([`shared:${BENIGN}`]);
    expect(native).toHaveLength(1);
    expect(await page.locator('saring-prompt').count()).toBe(0);
    await page.close();
  });
});

describe('navigator.share on another guarded site, in its English UI (Threads)', () => {
  const POST = 'https://www.threads.com/@kabar_lawu/post/DLw7aErUpSi';
  const sharePost = (page: Page, id: string) =>
    page.locator(`[data-fixture-post="${id}"] [data-fixture-share]`).click();

  it('asks before sharing a known hoax; Cancel rejects the share; a benign post is shared at once', async () => {
    const page = await open(POST);
    await sharePost(page, 'DLw7aErUpSi');
    await expect
      .poll(() => page.locator('saring-prompt [role="dialog"]').getAttribute('data-reason'))
      .toBe('hoax-match');
    expect(await page.locator('saring-prompt [data-match-id="tbh26-35352"]').count()).toBe(1);
    await page.locator('saring-prompt [data-action="cancel"]').click();
    expect(await sharesOf(page, 1)).toEqual({ log: ['rejected:DLw7aErUpSi:AbortError'], native: [] });
    await sharePost(page, 'DPsgGrgKpas');
    const { log, native } = await sharesOf(page, 2);
    expect(log).toEqual(['rejected:DLw7aErUpSi:AbortError', 'shared:DPsgGrgKpas']);
    expect(native).toHaveLength(1);
    expect(await page.locator('saring-prompt').count()).toBe(0);
    await page.close();
  });
});

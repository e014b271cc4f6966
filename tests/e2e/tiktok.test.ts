import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../lib/dev/chrome';
import { screenshot, serveFixture, startBrowser, waitForStarterList } from './harness';

// The fixture's first video repeats starter-list item tbh26-35352 ("Gunung Lawu bakal erupsi besar").
const HOAX_ITEM = 'tbh26-35352';
const HOAX_VIDEO = '7441000000000000001';
const BENIGN_VIDEO = '7441000000000000002';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await startBrowser();
  await waitForStarterList(browser);
  await serveFixture(browser.context, 'https://www.tiktok.com/foryou', 'tiktok/foryou.id.html');
});

afterAll(async () => {
  await browser?.close();
});

const shareLog = (page: Page) => page.evaluate(() => (window as unknown as { __shareLog: string[] }).__shareLog);
const prompt = (page: Page) => page.locator('saring-prompt [role="dialog"]');

async function openFeed(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('https://www.tiktok.com/foryou');
  return page;
}

/** Reposts a video: its share button, then the share menu's Repost. */
async function repost(page: Page, id: string): Promise<void> {
  await page.locator(`article:has([id$="-${id}"]) button:has([data-e2e="share-icon"])`).click();
  await page.locator('[data-e2e="share-group"] [data-e2e="share-repost"]').click();
}

/** Waits long enough for a held repost to have been released, then reads the log. */
async function settledLog(page: Page, expected: number): Promise<string[]> {
  await page
    .waitForFunction((n) => (window as unknown as { __shares: number }).__shares >= n, expected, { timeout: 2_000 })
    .catch(() => undefined);
  await page.waitForTimeout(400);
  return shareLog(page);
}

describe('TikTok', () => {
  it('asks before reposting a known hoax, with the matching fact-check; Cancel reposts nothing', async () => {
    const page = await openFeed();
    await repost(page, HOAX_VIDEO);
    await expect.poll(() => prompt(page).getAttribute('data-reason')).toBe('hoax-match');
    await expect.poll(() => page.locator(`saring-prompt [data-match-id="${HOAX_ITEM}"]`).count()).toBe(1);
    await screenshot(page, 'prompt-tiktok');
    await page.locator('saring-prompt [data-action="cancel"]').click();
    await expect.poll(() => page.locator('saring-prompt').count()).toBe(0);
    expect(await settledLog(page, 1)).toEqual([]);
    await page.close();
  });

  it('Share anyway reposts that video, once', async () => {
    const page = await openFeed();
    await repost(page, HOAX_VIDEO);
    await prompt(page).waitFor();
    await page.locator('saring-prompt [data-action="share"]').click();
    expect(await settledLog(page, 1)).toEqual([`repost:${HOAX_VIDEO}`]);
    expect(await page.locator('saring-prompt').count()).toBe(0);
    await page.close();
  });

  it('lets a benign video through at once, with no prompt', async () => {
    const page = await openFeed();
    await repost(page, BENIGN_VIDEO);
    expect(await settledLog(page, 1)).toEqual([`repost:${BENIGN_VIDEO}`]);
    expect(await page.locator('saring-prompt').count()).toBe(0);
    await page.close();
  });
});

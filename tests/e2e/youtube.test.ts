import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../lib/dev/chrome';
import { screenshot, serveFixture, startBrowser, waitForStarterList } from './harness';

// The fixture's first video repeats starter-list item tbh26-35352 ("Gunung Lawu bakal erupsi besar").
const HOAX_ITEM = 'tbh26-35352';
const HOAX_VIDEO = 'Lw7aErUpSi0';
const BENIGN_VIDEO = 'PsgGrgKpas1';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await startBrowser();
  await waitForStarterList(browser);
  await serveFixture(browser.context, 'https://www.youtube.com/watch**', 'youtube/watch.id.html');
});

afterAll(async () => {
  await browser?.close();
});

const shareLog = (page: Page) => page.evaluate(() => (window as unknown as { __shareLog: string[] }).__shareLog);
const prompt = (page: Page) => page.locator('saring-prompt [role="dialog"]');

async function openVideo(id: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`https://www.youtube.com/watch?v=${id}`);
  return page;
}

/** Shares the open video to WhatsApp: the share button, then the panel's WhatsApp target. */
async function shareToWhatsApp(page: Page): Promise<void> {
  await page.locator('ytd-watch-metadata button[aria-label="Bagikan"]').click();
  await page.locator('ytd-unified-share-panel-renderer [data-fixture-target="whatsapp"] button#target').click();
}

/** Waits long enough for a held share to have been released, then reads the log. */
async function settledLog(page: Page, expected: number): Promise<string[]> {
  await page
    .waitForFunction((n) => (window as unknown as { __shares: number }).__shares >= n, expected, { timeout: 2_000 })
    .catch(() => undefined);
  await page.waitForTimeout(400);
  return shareLog(page);
}

describe('YouTube', () => {
  it('asks before sharing a video that repeats a known hoax, with the matching fact-check; Cancel shares nothing', async () => {
    const page = await openVideo(HOAX_VIDEO);
    await shareToWhatsApp(page);
    await expect.poll(() => prompt(page).getAttribute('data-reason')).toBe('hoax-match');
    await expect.poll(() => page.locator(`saring-prompt [data-match-id="${HOAX_ITEM}"]`).count()).toBe(1);
    await screenshot(page, 'prompt-youtube');
    await page.locator('saring-prompt [data-action="cancel"]').click();
    await expect.poll(() => page.locator('saring-prompt').count()).toBe(0);
    expect(await settledLog(page, 1)).toEqual([]);
    await page.close();
  });

  it('Share anyway shares that video, once', async () => {
    const page = await openVideo(HOAX_VIDEO);
    await shareToWhatsApp(page);
    await prompt(page).waitFor();
    await page.locator('saring-prompt [data-action="share"]').click();
    expect(await settledLog(page, 1)).toEqual([`whatsapp:${HOAX_VIDEO}`]);
    expect(await page.locator('saring-prompt').count()).toBe(0);
    await page.close();
  });

  it('lets a benign video through at once, with no prompt', async () => {
    const page = await openVideo(BENIGN_VIDEO);
    await shareToWhatsApp(page);
    expect(await settledLog(page, 1)).toEqual([`whatsapp:${BENIGN_VIDEO}`]);
    expect(await page.locator('saring-prompt').count()).toBe(0);
    await page.close();
  });
});

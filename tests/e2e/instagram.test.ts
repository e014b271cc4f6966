import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../lib/dev/chrome';
import { screenshot, serveFixture, startBrowser, waitForStarterList } from './harness';

// The fixture's first post repeats starter-list item tbh26-35352 ("Gunung Lawu bakal erupsi besar").
const HOAX_ITEM = 'tbh26-35352';
const HOAX_POST = 'DLw7aErUpSi';
const BENIGN_POST = 'DPsgGrgKpas';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await startBrowser();
  await waitForStarterList(browser);
  await serveFixture(browser.context, 'https://www.instagram.com/', 'instagram/feed.id.html');
});

afterAll(async () => {
  await browser?.close();
});

const shareLog = (page: Page) => page.evaluate(() => (window as unknown as { __shareLog: string[] }).__shareLog);
const prompt = (page: Page) => page.locator('saring-prompt [role="dialog"]');

async function openFeed(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('https://www.instagram.com/');
  return page;
}

/** Sends a post to one person: its share button, a person in the dialog, the dialog's "Kirim". */
async function send(page: Page, id: string): Promise<void> {
  await page.locator(`article[data-fixture-post="${id}"] [role="button"]:has(> svg[aria-label="Bagikan"])`).click();
  await page.locator('[role="dialog"] [data-fixture-person]').first().click();
  await page.locator('[role="dialog"] [data-fixture-send]').click();
}

/** Waits long enough for a held send to have been released, then reads the log. */
async function settledLog(page: Page, expected: number): Promise<string[]> {
  await page
    .waitForFunction((n) => (window as unknown as { __shares: number }).__shares >= n, expected, { timeout: 2_000 })
    .catch(() => undefined);
  await page.waitForTimeout(400);
  return shareLog(page);
}

describe('Instagram', () => {
  it('asks before sending a known hoax, with the matching fact-check; Cancel sends nothing', async () => {
    const page = await openFeed();
    await send(page, HOAX_POST);
    await expect.poll(() => prompt(page).getAttribute('data-reason')).toBe('hoax-match');
    await expect.poll(() => page.locator(`saring-prompt [data-match-id="${HOAX_ITEM}"]`).count()).toBe(1);
    await screenshot(page, 'prompt-instagram');
    await page.locator('saring-prompt [data-action="cancel"]').click();
    await expect.poll(() => page.locator('saring-prompt').count()).toBe(0);
    expect(await settledLog(page, 1)).toEqual([]);
    await page.close();
  });

  it('Share anyway sends that post, once', async () => {
    const page = await openFeed();
    await send(page, HOAX_POST);
    await prompt(page).waitFor();
    await page.locator('saring-prompt [data-action="share"]').click();
    expect(await settledLog(page, 1)).toEqual([`send:${HOAX_POST}:ibu.sari`]);
    expect(await page.locator('saring-prompt').count()).toBe(0);
    await page.close();
  });

  it('lets a benign post through at once, with no prompt', async () => {
    const page = await openFeed();
    await send(page, BENIGN_POST);
    expect(await settledLog(page, 1)).toEqual([`send:${BENIGN_POST}:ibu.sari`]);
    expect(await page.locator('saring-prompt').count()).toBe(0);
    await page.close();
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../lib/dev/chrome';
import { screenshot, serveFixture, startBrowser, waitForStarterList } from './harness';

// The fixture's first message repeats starter-list item tbh26-35352 ("Gunung Lawu bakal erupsi besar").
const HOAX_ITEM = 'tbh26-35352';
const HOAX_MESSAGE = '3EB0C0FFEE0000000001';
const BENIGN_MESSAGE = '3EB0C0FFEE0000000002';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await startBrowser();
  await waitForStarterList(browser);
  await serveFixture(browser.context, 'https://web.whatsapp.com/', 'whatsapp/chat.id.html');
});

afterAll(async () => {
  await browser?.close();
});

const shareLog = (page: Page) => page.evaluate(() => (window as unknown as { __shareLog: string[] }).__shareLog);
const prompt = (page: Page) => page.locator('saring-prompt [role="dialog"]');

async function openChat(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('https://web.whatsapp.com/');
  return page;
}

/** Forwards a message to one chat: its forward shortcut, a chat in the dialog, the dialog's send. */
async function forward(page: Page, id: string): Promise<void> {
  await page.locator(`#main [data-id="${id}"] [role="button"]:has(span[data-icon="forward-chat"])`).click();
  await page.locator('[role="dialog"] [data-fixture-chat]').first().click();
  await page.locator('[role="dialog"] [data-fixture-forward-send]').click();
}

/** Waits long enough for a held forward to have been released, then reads the log. */
async function settledLog(page: Page, expected: number): Promise<string[]> {
  await page
    .waitForFunction((n) => (window as unknown as { __shares: number }).__shares >= n, expected, { timeout: 2_000 })
    .catch(() => undefined);
  await page.waitForTimeout(400);
  return shareLog(page);
}

describe('WhatsApp Web', () => {
  it('asks before forwarding a known hoax, with the matching fact-check; Cancel sends nothing', async () => {
    const page = await openChat();
    await forward(page, HOAX_MESSAGE);
    await expect.poll(() => prompt(page).getAttribute('data-reason')).toBe('hoax-match');
    await expect.poll(() => page.locator(`saring-prompt [data-match-id="${HOAX_ITEM}"]`).count()).toBe(1);
    await screenshot(page, 'prompt-whatsapp');
    await page.locator('saring-prompt [data-action="cancel"]').click();
    await expect.poll(() => page.locator('saring-prompt').count()).toBe(0);
    expect(await settledLog(page, 1)).toEqual([]);
    await page.close();
  });

  it('Share anyway forwards that message, once', async () => {
    const page = await openChat();
    await forward(page, HOAX_MESSAGE);
    await prompt(page).waitFor();
    await page.locator('saring-prompt [data-action="share"]').click();
    expect(await settledLog(page, 1)).toEqual([`forward:${HOAX_MESSAGE}`]);
    expect(await page.locator('saring-prompt').count()).toBe(0);
    await page.close();
  });

  it('lets a benign message through at once, with no prompt', async () => {
    const page = await openChat();
    await forward(page, BENIGN_MESSAGE);
    expect(await settledLog(page, 1)).toEqual([`forward:${BENIGN_MESSAGE}`]);
    expect(await page.locator('saring-prompt').count()).toBe(0);
    await page.close();
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../lib/dev/chrome';
import { screenshot, serveFixture, startBrowser, waitForStarterList } from './harness';

// The X fixture's hoax post repeats starter-list item tbh26-35352; the post its "Tampilkan 1 postingan"
// button adds is a reworded tbh26-35329.
const HOAX_ITEM = 'tbh26-35352';
const ADDED_ITEM = 'tbh26-35329';
const HOAX = '1993000000000000001';
const ADDED = '1993000000000000010';
const BENIGN = ['1993000000000000002', '1993000000000000003', '1993000000000000004', '1993000000000000005'];

let browser: ExtensionBrowser;
let extensionPage: Page;

beforeAll(async () => {
  browser = await startBrowser();
  await waitForStarterList(browser);
  await serveFixture(browser.context, 'https://x.com/', 'x/feed.id.html');
  extensionPage = await browser.context.newPage();
  await extensionPage.goto(`chrome-extension://${browser.extensionId}/options.html`);
});

afterAll(async () => {
  await browser?.close();
});

const post = (page: Page, status: string) =>
  page.locator(`article[data-testid="tweet"]:has(a[href$="/status/${status}"])`);
const labels = (page: Page) => page.locator('saring-label');

async function openFeed(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('https://x.com/');
  return page;
}

/** Flips X's "Labels on posts" switch on the options page. */
async function setLabels(enabled: boolean): Promise<void> {
  await extensionPage.reload();
  const labelsSwitch = extensionPage.locator('[data-site-id="x"] input[data-action="site-labels"]');
  expect(await labelsSwitch.isChecked()).toBe(!enabled);
  await labelsSwitch.click();
  await expect.poll(() => labelsSwitch.isChecked()).toBe(enabled);
}

describe('inline labels on X', () => {
  it('labels the hoax post only, and a hoax post added after load', async () => {
    const page = await openFeed();
    const label = post(page, HOAX).locator(`saring-label[data-match-id="${HOAX_ITEM}"]`);
    await expect.poll(() => label.count()).toBe(1);
    for (const status of BENIGN) expect(await post(page, status).locator('saring-label').count()).toBe(0);
    expect(await labels(page).count()).toBe(1);
    // The label's contents live in its open shadow root.
    await expect.poll(() => label.locator('a[href^="https://"]').count()).toBe(1);
    await post(page, HOAX).scrollIntoViewIfNeeded();
    await screenshot(page, 'label-x-light');

    await page.locator('[data-fixture-action="show-new-posts"]').click();
    await expect.poll(() => post(page, ADDED).locator(`saring-label[data-match-id="${ADDED_ITEM}"]`).count()).toBe(1);
    expect(await labels(page).count()).toBe(2);
    await page.close();
  });

  it('reads right on a dark theme (X "Lights out" on a dark system), and "why am I seeing this?" opens', async () => {
    const page = await openFeed('dark');
    // The fixture has no dark theme of its own: X's "Lights out" colours, set on the page.
    await page.addStyleTag({
      content: 'body, body * { background-color: #000 !important; color: #e7e9ea !important; }',
    });
    const label = post(page, HOAX).locator('saring-label');
    await label.waitFor();
    await label.locator('summary').click();
    await expect.poll(() => label.locator('details[open]').count()).toBe(1);
    await post(page, HOAX).scrollIntoViewIfNeeded();
    await screenshot(page, 'label-x-dark');
    // The label takes the post's text colour, so it is light on the dark theme.
    expect(await label.locator('.label').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(231, 233, 234)');
    // The click stayed in the label: the site's "open the post" handler did not see it.
    expect(page.url()).toBe('https://x.com/');
    await page.close();
  });

  it('turning labels off for X removes them, and keeps new pages free of them', async () => {
    const page = await openFeed();
    await expect.poll(() => labels(page).count()).toBe(1);
    await setLabels(false);
    await expect.poll(() => labels(page).count()).toBe(0);

    // A page opened while labels are off stays free of them, new posts included (the scanner does not
    // run; the unit tests show it sends nothing), until they are turned on again.
    const fresh = await openFeed();
    await fresh.locator('[data-fixture-action="show-new-posts"]').click();
    await post(fresh, ADDED).waitFor();
    expect(await labels(fresh).count()).toBe(0);

    await setLabels(true);
    await expect.poll(() => labels(fresh).count()).toBe(2);
    await page.close();
    await fresh.close();
  });
});

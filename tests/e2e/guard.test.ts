import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../lib/dev/chrome';
import {
  expectRetoldHoaxesAsked,
  screenshot,
  sendFromExtensionPage,
  serveArticle,
  serveFixture,
  settledShareLog,
  startBrowser,
  turnLabelsOff,
  waitForStarterList,
  type RetoldHoax,
} from './harness';

// The hoax posts in both fixtures repeat starter-list item tbh26-35352 ("Gunung Lawu bakal erupsi besar").
const HOAX_ITEM = 'tbh26-35352';
const ARTICLE = 'https://t.co/Kp7rT2xQ9m';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await startBrowser();
  await waitForStarterList(browser);
  // These tests share, they do not label: a label drawn after load (or on a post retold in place)
  // moves the buttons below it under a click already aimed.
  await turnLabelsOff(browser);
  for (const language of ['id', 'en']) {
    await serveFixture(browser.context, `https://x.com/home?hl=${language}`, `x/feed.${language}.html`);
    await serveFixture(
      browser.context,
      `https://www.facebook.com/?locale=${language}`,
      `facebook/feed.${language}.html`,
    );
  }
  await serveArticle(browser.context, 'https://t.co/**', 'BMKG: puncak musim hujan');
  await serveArticle(browser.context, 'https://www.kompas.com/**', 'BMKG: puncak musim hujan');
});

afterAll(async () => {
  await browser?.close();
});

const shareLog = (page: Page) => page.evaluate(() => (window as unknown as { __shareLog: string[] }).__shareLog);
const dialog = (page: Page) => page.locator('saring-prompt [role="dialog"]');

async function openFeed(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url);
  return page;
}

/** The number of shares once the guard has settled at least `expected` of them (see settledShareLog). */
async function settledShares(page: Page, expected: number): Promise<number> {
  return (await settledShareLog(page, expected)).length;
}

describe('X', () => {
  const xPost = (page: Page, status: string) =>
    page.locator(`article[data-testid="tweet"]:has(a[href$="/status/${status}"])`);

  async function repost(page: Page, status: string): Promise<void> {
    await xPost(page, status).locator('[data-testid="retweet"]').click();
    await page.locator('#layers [data-testid="retweetConfirm"]').click();
  }

  it('asks before reposting a known hoax, with the matching fact-check; Cancel shares nothing', async () => {
    const page = await openFeed('https://x.com/home?hl=id');
    await repost(page, '1993000000000000001');
    await expect.poll(() => dialog(page).getAttribute('data-reason')).toBe('hoax-match');
    const match = page.locator(`saring-prompt [data-match-id="${HOAX_ITEM}"]`);
    await expect.poll(() => match.count()).toBe(1);
    expect(await match.getAttribute('data-rating')).toBe('false');
    expect(await match.locator('a[href^="https://"]').count()).toBeGreaterThan(0);
    await screenshot(page, 'prompt-x');
    await page.locator('saring-prompt [data-action="cancel"]').click();
    await expect.poll(() => page.locator('saring-prompt').count()).toBe(0);
    expect(await settledShares(page, 0)).toBe(0);
    await page.close();
  });

  it('Share anyway completes exactly that repost, once, without a second prompt', async () => {
    const page = await openFeed('https://x.com/home?hl=en');
    await repost(page, '1993000000000000001');
    await dialog(page).waitFor();
    await page.locator('saring-prompt [data-action="share"]').click();
    expect(await settledShares(page, 1)).toBe(1);
    expect(await shareLog(page)).toEqual(['1993000000000000001']);
    expect(await page.locator('saring-prompt').count()).toBe(0);
    await page.close();
  });

  it('asks about hoax posts written in other words, showing the fact-check of their claim', async () => {
    const retold: RetoldHoax[] = [
      {
        text: 'Bun hati2, garam dapur sekarang ada campuran pecahan kaca katanya 😱 cek dulu garam di rumah',
        expected: ['tbh24-1658', 'mfdtau-837850', 'mfdtau-228197'],
      },
      {
        text: 'Info dari grup sebelah: listrik se-Jawa Bali bakal padam total 3 hari, siapin lilin dan air. Sebarkan!',
        expected: ['tbh26-35329'],
      },
      {
        text: 'Lemon hangat tiap pagi katanya 10 ribu kali lebih ampuh dari kemoterapi buat bunuh sel kanker',
        expected: ['mfd10k-6735'],
      },
      // Half-remembered in a few of its words: the likely tier.
      {
        text: 'Katanya orang kena stroke bisa ditolong pakai jarum di ujung jari',
        expected: ['mfd10k-6832', 'tbh24-2136', 'mfdtau-866083'],
      },
    ];
    const page = await openFeed('https://x.com/home?hl=id');
    const status = '1993000000000000002';
    const reasons = await expectRetoldHoaxesAsked(
      page,
      `article[data-testid="tweet"]:has(a[href$="/status/${status}"]) [data-testid="tweetText"]`,
      retold,
      () => repost(page, status),
    );
    expect(reasons).toContain('likely-match');
    expect(await settledShares(page, 0)).toBe(0);
    await page.close();
  });

  it('lets a benign post through at once, with no prompt', async () => {
    const page = await openFeed('https://x.com/home?hl=id');
    await repost(page, '1993000000000000002');
    expect(await settledShares(page, 1)).toBe(1);
    expect(await page.locator('saring-prompt').count()).toBe(0);
    await page.close();
  });

  it('asks about an unread link, and not after the link was opened', async () => {
    const page = await openFeed('https://x.com/home?hl=id');
    await repost(page, '1993000000000000003');
    await expect.poll(() => dialog(page).getAttribute('data-reason')).toBe('unread-link');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('saring-prompt').count()).toBe(0);
    expect(await settledShares(page, 0)).toBe(0);

    const [article] = await Promise.all([
      browser.context.waitForEvent('page'),
      xPost(page, '1993000000000000003').locator(`[data-testid="tweetText"] a[href="${ARTICLE}"]`).click(),
    ]);
    await article.waitForLoadState();
    await article.close();

    await repost(page, '1993000000000000003');
    expect(await settledShares(page, 1)).toBe(1);
    expect(await page.locator('saring-prompt').count()).toBe(0);
    await page.close();
  });

  it('forgets what was read when asked in options, after a confirmation with the count: the link is unread again', async () => {
    const options = await browser.context.newPage();
    await options.setViewportSize({ width: 900, height: 900 });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const history = options.locator('[data-read-links]');
    // The t.co link opened from the post in the test before.
    await expect.poll(() => history.getAttribute('data-read-links')).toBe('1');
    await options.locator('[data-action="forget-read"]').click();
    expect(await options.locator('.read-history-confirm [role="alert"]').textContent()).toMatch(
      /^(Lupakan 1 tautan\?|Forget the 1 link\?)/,
    );
    await history.scrollIntoViewIfNeeded();
    await screenshot(options, 'options-forget-read');
    await options.locator('[data-action="confirm-forget-read"]').click();
    await expect.poll(() => history.getAttribute('data-read-links')).toBe('0');
    await options.close();

    const page = await openFeed('https://x.com/home?hl=id');
    await repost(page, '1993000000000000003');
    await expect.poll(() => dialog(page).getAttribute('data-reason')).toBe('unread-link');
    await page.locator('saring-prompt [data-action="cancel"]').click();
    await page.close();
  });

  it('options: the pictures switches save, and read right narrow and wide in both languages', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const section = options.locator('section[aria-labelledby="options-pictures"]');
    const checks = section.locator('input[data-action="picture-checks"]');
    const text = section.locator('input[data-action="picture-text"]');
    const stored = async () =>
      (
        await sendFromExtensionPage<{
          value: { settings: { language: string; pictureChecks: boolean; pictureText: boolean | null } };
        }>(options, 'get-options-state', {})
      ).value.settings;
    const { language: before } = await stored();
    for (const language of ['en', 'id'] as const) {
      await sendFromExtensionPage(options, 'set-settings', { language });
      for (const [width, name] of [
        [1280, 'wide'],
        [390, 'narrow'],
      ] as const) {
        await options.setViewportSize({ width, height: 900 });
        await options.reload();
        await section.scrollIntoViewIfNeeded();
        await screenshot(options, `options-pictures-${name}-${language}`);
      }
    }
    // A desktop: pictures checked and their words read by default.
    expect(await checks.isChecked()).toBe(true);
    expect(await text.isChecked()).toBe(true);
    await text.click();
    await expect.poll(async () => (await stored()).pictureText).toBe(false);
    await checks.click();
    await expect.poll(async () => (await stored()).pictureChecks).toBe(false);
    await expect.poll(() => text.isDisabled()).toBe(true);
    await sendFromExtensionPage(options, 'set-settings', { language: before, pictureChecks: true, pictureText: null });
    await options.close();
  });

  it('guards posts rendered after load the same way', async () => {
    const page = await openFeed('https://x.com/home?hl=id');
    await page.locator('[data-fixture-action="show-new-posts"]').click();
    await xPost(page, '1993000000000000010').waitFor();
    await repost(page, '1993000000000000010');
    // The new post is a reworded hoax (starter item tbh26-35329): asked, not shared.
    await expect.poll(() => dialog(page).getAttribute('data-reason')).toBe('hoax-match');
    await page.locator('saring-prompt [data-action="cancel"]').click();
    expect(await settledShares(page, 0)).toBe(0);
    await page.close();
  });
});

describe('Facebook', () => {
  const fbPost = (page: Page, story: string) => page.locator(`[data-fixture-post="${story}"]`);

  async function shareNow(page: Page, story: string, label: RegExp): Promise<void> {
    await fbPost(page, story).locator('[data-ad-rendering-role="share_button"]').click();
    await page.locator('[role="dialog"] [role="button"]', { hasText: label }).first().click();
  }

  it('asks before "Bagikan sekarang" on a known hoax; Cancel shares nothing', async () => {
    const page = await openFeed('https://www.facebook.com/?locale=id');
    await shareNow(page, '1029384756001', /Bagikan sekarang/);
    await expect.poll(() => dialog(page).getAttribute('data-reason')).toBe('hoax-match');
    await expect.poll(() => page.locator(`saring-prompt [data-match-id="${HOAX_ITEM}"]`).count()).toBe(1);
    await page.locator('saring-prompt [data-action="cancel"]').click();
    expect(await settledShares(page, 0)).toBe(0);
    await page.close();
  });

  it('"Send in Messenger" on a hoax, Share anyway → shared once (English UI)', async () => {
    const page = await openFeed('https://www.facebook.com/?locale=en');
    await shareNow(page, '1029384756001', /Send in Messenger/);
    await dialog(page).waitFor();
    await screenshot(page, 'prompt-facebook-en');
    await page.locator('saring-prompt [data-action="share"]').click();
    expect(await settledShares(page, 1)).toBe(1);
    expect(await shareLog(page)).toEqual(['1029384756001']);
    await page.close();
  });

  it('asks about hoax posts written in other words, showing the fact-check of their claim', async () => {
    const retold: RetoldHoax[] = [
      {
        text: 'BPJS Kesehatan bagi bantuan dana 125 juta, daftar lewat link ini sebelum ditutup',
        expected: ['mfd10k-8982', 'tbh24-848'],
      },
      {
        text: 'Wapres Gibran udah kirim surat mundur ke DPR? rame banget di tiktok',
        expected: ['tbh24-1513', 'tbh24-419'],
      },
      {
        text: 'Lemon hangat tiap pagi katanya 10 ribu kali lebih ampuh dari kemoterapi buat bunuh sel kanker',
        expected: ['mfd10k-6735'],
      },
      // Half-remembered in a few of its words: the likely tier.
      {
        text: 'Katanya orang kena stroke bisa ditolong pakai jarum di ujung jari',
        expected: ['mfd10k-6832', 'tbh24-2136', 'mfdtau-866083'],
      },
    ];
    const page = await openFeed('https://www.facebook.com/?locale=id');
    const story = '1029384756002';
    await expectRetoldHoaxesAsked(
      page,
      `[data-fixture-post="${story}"] [data-ad-rendering-role="story_message"] [dir="auto"][style]`,
      retold,
      () => shareNow(page, story, /Bagikan sekarang/),
    );
    expect(await settledShares(page, 0)).toBe(0);
    await page.close();
  });

  it('shares a benign post at once, and ignores a link in a comment under it', async () => {
    const page = await openFeed('https://www.facebook.com/?locale=id');
    await shareNow(page, '1029384756004', /Bagikan sekarang/);
    expect(await settledShares(page, 1)).toBe(1);
    expect(await page.locator('saring-prompt').count()).toBe(0);
    await page.close();
  });

  it('asks about an unread l.facebook.com link: visiting the article is not reading it from the post, opening it from the post is', async () => {
    // Browsing is not recorded: the article opened by its address, in a tab of its own.
    const visit = await browser.context.newPage();
    await visit.goto('https://www.kompas.com/tren/read/2026/11/20/bmkg-puncak-musim-hujan');
    await visit.close();

    const page = await openFeed('https://www.facebook.com/?locale=id');
    await shareNow(page, '1029384756003', /Bagikan sekarang/);
    await expect.poll(() => dialog(page).getAttribute('data-reason')).toBe('unread-link');
    await page.locator('saring-prompt [data-action="cancel"]').click();
    expect(await settledShares(page, 0)).toBe(0);

    // Opened from the post, through Facebook's redirector: read, as the share check compares it.
    await page.keyboard.press('Escape'); // the share sheet the held click left open
    await page.context().route('https://l.facebook.com/l.php?**', (route) =>
      route.fulfill({
        status: 302,
        headers: { location: new URL(route.request().url()).searchParams.get('u') ?? '' },
      }),
    );
    const [article] = await Promise.all([
      browser.context.waitForEvent('page'),
      fbPost(page, '1029384756003').locator('a[href^="https://l.facebook.com/l.php"]').first().click(),
    ]);
    await article.close();
    await shareNow(page, '1029384756003', /Bagikan sekarang/);
    expect(await settledShares(page, 1)).toBe(1);
    expect(await page.locator('saring-prompt').count()).toBe(0);
    await page.close();
  });
});

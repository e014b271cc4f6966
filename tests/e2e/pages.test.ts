import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../lib/dev/chrome';
import {
  screenshot,
  sendFromExtensionPage,
  serveArticle,
  startBrowser,
  waitForStarterList,
  watchErrors,
} from './harness';

// The post_text of starter item tbh26-35352, as a news site's share button would pass it on.
const HOAX_TEXT =
  'Gunung no 7 yg akan erupsi besar adalah gn Lawu, saat ini ada indikasi lava naik, ada tekanan dari jalur Bojonegoro, erupsi diperkirakan sangat besar, ya waspada sekitar gn lawu.';
const ARTICLE = 'https://berita.example/2026/11/artikel-banjir';

let browser: ExtensionBrowser;
const extensionPage = (path: string) => `chrome-extension://${browser.extensionId}/${path}`;

beforeAll(async () => {
  browser = await startBrowser();
  await waitForStarterList(browser);
  await serveArticle(browser.context, `${ARTICLE}**`, 'Banjir di Jakarta');
  // The share targets, as their real hosts, so a continued share lands somewhere visible.
  await serveArticle(browser.context, 'https://x.com/intent/**', 'X — compose');
  await serveArticle(browser.context, 'https://www.facebook.com/sharer/**', 'Facebook — share');
});

afterAll(async () => {
  await browser?.close();
});

async function setLanguage(language: 'id' | 'en'): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(extensionPage('options.html'));
  const reply = await sendFromExtensionPage<{ ok: boolean }>(page, 'set-settings', { language });
  expect(reply.ok).toBe(true);
  await page.close();
}

async function open(path: string, width: number): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  // 800 high: at 1280 wide these are the stores' screenshot size (tests/store/LISTING.md).
  await page.setViewportSize({ width, height: 800 });
  await page.goto(extensionPage(path));
  return { page, errors };
}

describe('share-intent links from any site', () => {
  it('asks before a hoax shared through x.com/intent/post, then continues there once', async () => {
    const page = await browser.context.newPage();
    await page.goto(ARTICLE);
    const intent = `https://x.com/intent/post?text=${encodeURIComponent(HOAX_TEXT)}`;
    await page.goto(intent);
    const dialog = page.locator('saring-prompt [role="dialog"]');
    await expect.poll(() => dialog.getAttribute('data-reason')).toBe('hoax-match');
    expect(page.url()).toContain(extensionPage('share-check.html'));
    expect(await page.locator('saring-prompt [data-match-id="tbh26-35352"]').count()).toBe(1);
    await page.locator('saring-prompt [data-action="share"]').click();
    await page.waitForURL((url) => url.host === 'x.com');
    // The continuation committed and loaded there: no loop back to the check.
    await page.waitForLoadState('load');
    expect(page.url()).toBe(intent);
    await page.close();
  });

  it('continues at once, with no prompt, to share the article the share link was opened from', async () => {
    const page = await browser.context.newPage();
    await page.goto(ARTICLE);
    const sharer = `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(ARTICLE)}`;
    const visited: string[] = [];
    page.on('framenavigated', (frame) => visited.push(frame.url()));
    await page.goto(sharer);
    await page.waitForURL((url) => url.host === 'www.facebook.com');
    expect(page.url()).toBe(sharer);
    // It did pass through the check, which let it go on by itself.
    expect(visited.some((url) => url.startsWith(extensionPage('share-check.html')))).toBe(true);
    expect(await page.locator('saring-prompt').count()).toBe(0);
    await page.close();
  });

  it('asks about another article shared from that page: visiting a page is not reading every link', async () => {
    const page = await browser.context.newPage();
    await page.goto(ARTICLE);
    await page.goto(`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(`${ARTICLE}-lain`)}`);
    await expect
      .poll(() => page.locator('saring-prompt [role="dialog"]').getAttribute('data-reason'))
      .toBe('unread-link');
    // Nor is it remembered: the same share link, opened by its address, asks again.
    const again = await browser.context.newPage();
    await again.goto(`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(ARTICLE)}`);
    await expect
      .poll(() => again.locator('saring-prompt [role="dialog"]').getAttribute('data-reason'))
      .toBe('unread-link');
    await page.close();
    await again.close();
  });
});

describe('demo page', () => {
  it('asks on the hoax post (Cancel → nothing shared) and shares the benign post', async () => {
    await setLanguage('id');
    const { page, errors } = await open('demo.html', 1280);
    await page.locator('[data-demo-post][data-kind="hoax"] [data-demo-action="share"]').first().click();
    const dialog = page.locator('saring-prompt [role="dialog"]');
    await expect.poll(() => dialog.getAttribute('data-reason')).toBe('hoax-match');
    await page.locator('saring-prompt [data-action="cancel"]').click();
    await expect.poll(() => page.locator('saring-prompt').count()).toBe(0);
    expect(await page.locator('[data-demo-shared]').textContent()).toBe('0');

    await page.locator('[data-demo-post][data-kind="true"] [data-demo-action="share"]').first().click();
    await expect.poll(() => page.locator('[data-demo-shared]').textContent()).toBe('1');
    expect(await page.locator('saring-prompt').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('pages render without console errors, in both languages and widths', () => {
  for (const language of ['id', 'en'] as const) {
    for (const width of [360, 1280]) {
      it(`${language} at ${width}px: popup, options, demo and the prompt`, async () => {
        await setLanguage(language);
        for (const path of ['popup.html', 'options.html', 'demo.html']) {
          const { page, errors } = await open(path, width);
          await page.locator('main, [role="main"], body > *').first().waitFor();
          await page.waitForLoadState('networkidle');
          if (path === 'options.html') await page.locator('[data-list-id]').first().waitFor();
          if (path === 'demo.html') await page.locator('[data-demo-post]').first().waitFor();
          expect(await page.locator('html').getAttribute('lang')).toBe(language);
          await screenshot(page, `${path.replace('.html', '')}-${language}-${width}`);
          if (path === 'demo.html') {
            await page.locator('[data-demo-post][data-kind="hoax"] [data-demo-action="share"]').first().click();
            await page.locator('saring-prompt [role="dialog"]').waitFor();
            await screenshot(page, `prompt-${language}-${width}`);
            await page.keyboard.press('Escape');
          }
          expect(errors, path).toEqual([]);
          await page.close();
        }
      });
    }
  }
});

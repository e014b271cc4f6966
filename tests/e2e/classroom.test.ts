import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../lib/dev/chrome';
import { screenshot, sendFromExtensionPage, startBrowser, waitForStarterList, watchErrors } from './harness';

let browser: ExtensionBrowser;
const extensionPage = (path: string) => `chrome-extension://${browser.extensionId}/${path}`;

beforeAll(async () => {
  browser = await startBrowser();
  await waitForStarterList(browser, 30_000);
  const page = await browser.context.newPage();
  await page.goto(extensionPage('options.html'));
  await sendFromExtensionPage(page, 'reset-stats', {});
  await page.close();
});

afterAll(async () => {
  await browser?.close();
});

async function openDemo(language: 'id' | 'en'): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(extensionPage('options.html'));
  await sendFromExtensionPage(page, 'set-settings', { language });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(extensionPage('demo.html'));
  // Storing the classroom list may rebuild the matcher: the posts show once it is ready.
  await page.locator('[data-demo-post]').first().waitFor({ timeout: 30_000 });
  return { page, errors };
}

const prompt = (page: Page) => page.locator('saring-prompt [role="dialog"]');
const share = (page: Page, post: string) => page.locator(`[data-demo-post="${post}"] [data-demo-action="share"]`);

describe('classroom demo', () => {
  it('holds a hoax post for the prompt; Cancel shares nothing; reveal explains; reset clears', async () => {
    const { page, errors } = await openDemo('id');
    await screenshot(page, 'classroom-feed-id');
    await share(page, 'papaya-dengue').click();
    await expect.poll(() => prompt(page).getAttribute('data-reason')).toBe('hoax-match');
    expect(await page.locator('saring-prompt [data-match-id="papaya-dengue-id"]').count()).toBe(1);
    await screenshot(page, 'classroom-prompt-id');
    await page.locator('saring-prompt [data-action="cancel"]').click();
    await expect.poll(() => page.locator('saring-prompt').count()).toBe(0);
    expect(await page.locator('[data-demo-shared]').textContent()).toBe('0');

    await share(page, 'rain-warning').click();
    await expect.poll(() => page.locator('[data-demo-shared]').textContent()).toBe('1');

    // A post that is only a picture and "Sebarkan!!": asked about by its picture, which the pack lists.
    await share(page, 'dam-poster').click();
    await expect.poll(() => prompt(page).getAttribute('data-reason')).toBe('hoax-match');
    expect(await page.locator('saring-prompt [data-match-id="dam-collapse-id"]').count()).toBe(1);
    expect(await prompt(page).textContent()).toContain('Gambar sama dengan yang di kiriman ini');
    await screenshot(page, 'classroom-picture-prompt-id');
    await page.locator('saring-prompt [data-action="cancel"]').click();
    await expect.poll(() => page.locator('saring-prompt').count()).toBe(0);
    // A harmless poster is shared without a word.
    await share(page, 'school-poster').click();
    await expect.poll(() => page.locator('[data-demo-shared]').textContent()).toBe('2');
    expect(await page.locator('saring-prompt').count()).toBe(0);

    await page.locator('[data-demo-post="papaya-dengue"] .reveal-toggle').click();
    await expect.poll(() => page.locator('[data-reveal="papaya-dengue"]').textContent()).toContain('Pilihan: batal.');
    await page.locator('[data-demo-post="papaya-dengue"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'classroom-reveal-id');

    await page.locator('body').press('0'); // presenter reset
    await expect.poll(() => page.locator('[data-demo-shared]').textContent()).toBe('0');
    expect(await page.locator('[data-reveal]').count()).toBe(0);
    await page.locator('body').press('l'); // large text for the projector
    await page.locator('body').press('n');
    expect(await page.locator('.demo--large').count()).toBe(1);
    await screenshot(page, 'classroom-large-id');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs the quiz to the score screen with the right numbers', async () => {
    const { page, errors } = await openDemo('en');
    await page.locator('[data-presenter="quiz"]').click();
    // Feed order: X (papaya hoax, rain true, satire, school poster true), Facebook (calendar true,
    // bridge hoax, grant scam, remade fee poster hoax), WhatsApp (fee hoax, class trip true, dam
    // poster hoax), petition.
    const plan: Record<string, { rating: number; action: 'share' | 'skip' | 'cancel' | 'share-anyway' }> = {
      'papaya-dengue': { rating: 1, action: 'cancel' },
      'rain-warning': { rating: 4, action: 'share' },
      'office-cat': { rating: 1, action: 'skip' },
      'school-poster': { rating: 4, action: 'share' },
      'school-calendar': { rating: 4, action: 'share-anyway' },
      'bridge-photo': { rating: 3, action: 'share-anyway' },
      'student-grant': { rating: 1, action: 'cancel' },
      'fee-poster': { rating: 1, action: 'cancel' },
      'whatsapp-fee': { rating: 1, action: 'cancel' },
      'class-trip': { rating: 4, action: 'share' },
      'dam-poster': { rating: 1, action: 'cancel' },
      'bike-lane': { rating: 3, action: 'skip' },
    };
    for (let step = 1; step <= 12; step++) {
      const post = page.locator('[data-demo-post]');
      const id = (await post.getAttribute('data-demo-post'))!;
      const { rating, action } = plan[id]!;
      if (step === 1) await screenshot(page, 'classroom-quiz-en');
      await page.locator(`[data-accuracy="${rating}"]`).check();
      if (action === 'skip') await page.locator('[data-quiz-action="skip"]').click();
      else {
        await share(page, id).click();
        if (action !== 'share') {
          await prompt(page).waitFor();
          await page.locator(`saring-prompt [data-action="${action === 'cancel' ? 'cancel' : 'share'}"]`).click();
          await expect.poll(() => page.locator('saring-prompt').count()).toBe(0);
        }
      }
      await page.locator('[data-quiz-action="next"]:not([disabled])').click();
    }
    // True posts: rain, school poster, calendar, class trip all shared → 100%; false: bridge shared of
    // papaya, bridge, grant, fee poster, fee, dam poster → 17%; discernment 83; prompts: papaya,
    // calendar, bridge, grant, fee poster, fee, dam poster = 7 (the school poster none), none read first.
    await expect.poll(() => page.locator('[data-score="discernment"]').textContent()).toBe('83');
    expect(await page.locator('[data-score="shared-true"]').textContent()).toBe('100%');
    expect(await page.locator('[data-score="shared-false"]').textContent()).toBe('17%');
    expect(await page.locator('[data-score="read-first"]').textContent()).toBe('0 of 7 prompts');
    await screenshot(page, 'classroom-score-en');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the counts the flows produced in the options statistics, in both languages', async () => {
    for (const language of ['en', 'id'] as const) {
      const page = await browser.context.newPage();
      const errors = watchErrors(page);
      await page.goto(extensionPage('options.html'));
      await sendFromExtensionPage(page, 'set-settings', { language });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.reload();
      const section = page.locator('[data-stats-range]');
      // Prompts: 2 (feed) + 7 (quiz) = 9; cancelled 2 + 5 = 7; shared anyway 2; read first 0.
      // Columns: hoax match, likely match, unread link, petition, always; cancelled, read first, shared anyway.
      await expect.poll(() => section.locator('[data-stats-total]').getAttribute('data-stats-total')).toBe('9');
      await section.locator('details summary').click();
      const demoRow = section.locator('[data-stats-site="demo"] td');
      expect(await demoRow.allTextContents()).toEqual(['8', '0', '1', '0', '0', '7', '0', '2']);
      await section.scrollIntoViewIfNeeded();
      await screenshot(page, `classroom-stats-${language}`);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});

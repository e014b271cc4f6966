import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../lib/dev/chrome';
import {
  expectRetoldHoaxesAsked,
  retellPost,
  screenshot,
  sendFromExtensionPage,
  serveFixture,
  settledShareLog,
  startBrowser,
  turnLabelsOff,
  waitForStarterList,
  type RetoldHoax,
} from './harness';

/**
 * WhatsApp Web beyond the forward dialog (tests/e2e/sites.test.ts has that): messages forwarded
 * many times, and sending from the chat box with its button or Enter.
 */

const IDS = {
  hoax: '3EB0C0FFEE0000000001',
  manyTimesHoax: '3EB0C0FFEE0000000004',
  manyTimesBenign: '3EB0C0FFEE0000000006',
} as const;
const EDITOR = '#main footer [role="textbox"]';
const LINK_MESSAGE = 'Baca ini dulu https://hoaks.example/lawu-erupsi';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await startBrowser();
  await waitForStarterList(browser);
  await turnLabelsOff(browser);
  for (const language of ['id', 'en'] as const) {
    await serveFixture(browser.context, `https://web.whatsapp.com/?lang=${language}`, `whatsapp/chat.${language}.html`);
  }
});

afterAll(async () => {
  await browser?.close();
});

/** Saring's own language, as chosen in Options (the prompt speaks it). */
async function setLanguage(language: 'id' | 'en'): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await sendFromExtensionPage(page, 'set-settings', { language });
  await page.close();
}

async function openChat(language: 'id' | 'en' = 'id'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 800 });
  await page.goto(`https://web.whatsapp.com/?lang=${language}`);
  return page;
}

const prompt = (page: Page) => page.locator('saring-prompt [role="dialog"]');

async function forward(page: Page, id: string): Promise<void> {
  await page.locator(`#main [data-id="${id}"] [role="button"]:has(span[data-icon="forward-chat"])`).click();
  await page.locator('[role="dialog"] [data-fixture-chat]').first().click();
  await page.locator('[role="dialog"] [data-fixture-forward-send]').click();
}

/** Types (or pastes) a message in the chat box and presses Enter, as a person does. */
async function sendWithEnter(page: Page, text: string): Promise<void> {
  await page.locator(EDITOR).fill(text);
  await page.keyboard.press('Enter');
}

describe('a message forwarded many times', () => {
  it.each([
    ['id', /^Pesan ini sudah diteruskan berkali-kali — sering begitulah hoaks menyebar/],
    ['en', /^This message has been forwarded many times — that is often how hoaxes spread/],
  ] as const)('gets the stronger wording when it is a known hoax (%s)', async (language, wording) => {
    await setLanguage(language);
    const page = await openChat(language);
    await forward(page, IDS.manyTimesHoax);
    await expect.poll(() => prompt(page).getAttribute('data-reason')).toBe('hoax-match');
    expect(await page.locator('saring-prompt [data-match-id="tbh26-35329"]').count()).toBe(1);
    expect(await page.locator('saring-prompt [data-note="forwarded-many"]').textContent()).toMatch(wording);
    await screenshot(page, `prompt-whatsapp-forwarded-many-${language}`);
    await page.locator('saring-prompt [data-action="cancel"]').click();
    expect(await settledShareLog(page, 0)).toEqual([]);
    await page.close();
  });

  it('is not asked about on its own mark alone (strictness balanced)', async () => {
    await setLanguage('id');
    const page = await openChat();
    await forward(page, IDS.manyTimesBenign);
    expect(await settledShareLog(page, 1)).toEqual([`forward:${IDS.manyTimesBenign}`]);
    expect(await page.locator('saring-prompt').count()).toBe(0);
    await page.close();
  });

  it('a hoax forwarded once gets the usual wording only', async () => {
    const page = await openChat();
    await forward(page, IDS.hoax);
    await prompt(page).waitFor();
    expect(await page.locator('saring-prompt [data-note="forwarded-many"]').count()).toBe(0);
    await page.close();
  });
});

describe('hoax messages written in other words', () => {
  const BENIGN = '3EB0C0FFEE0000000002';
  const text = `#main [data-id="${BENIGN}"] [data-pre-plain-text] span.selectable-text > span`;
  /** A chain message retelling a first-aid hoax. */
  const STROKE: RetoldHoax = {
    text: 'Orang stroke jangan dipindah, tusuk ujung jarinya pake jarum sampe keluar darah biar sadar. Teruskan ke keluarga!',
    expected: ['mfd10k-6832', 'tbh24-2136', 'mfdtau-866083'],
  };
  /** The same hoax half-remembered, in a few of its words: a likely match, asked in softer words. */
  const STROKE_HEARD = 'Katanya orang kena stroke bisa ditolong pakai jarum di ujung jari';

  it('asks before forwarding them, showing the fact-check of their claim', async () => {
    await setLanguage('id');
    const page = await openChat();
    const reasons = await expectRetoldHoaxesAsked(
      page,
      text,
      [
        {
          text: 'Info dari grup sebelah: listrik se-Jawa Bali bakal padam total 3 hari, siapin lilin dan air. Sebarkan!',
          expected: ['tbh26-35329'],
        },
        STROKE,
        {
          text: 'BPJS Kesehatan bagi bantuan dana 125 juta, daftar lewat link ini sebelum ditutup',
          expected: ['mfd10k-8982', 'tbh24-848'],
        },
      ],
      () => forward(page, BENIGN),
    );
    expect(reasons).toContain('hoax-match');
    expect(await settledShareLog(page, 0)).toEqual([]);
    await page.close();
  });

  it.each(['id', 'en'] as const)(
    'a likely match asks in softer words (%s), readable narrow and wide',
    async (language) => {
      await setLanguage(language);
      const page = await openChat(language);
      await retellPost(page, text, STROKE_HEARD);
      await forward(page, BENIGN);
      await expect.poll(() => prompt(page).getAttribute('data-reason')).toBe('likely-match');
      expect(await page.locator('saring-prompt #saring-reason').textContent()).toMatch(
        {
          id: /^Isi ini mungkin tentang klaim yang sudah diperiksa pemeriksa fakta/,
          en: /^This may be about a claim that fact-checkers have already checked/,
        }[language],
      );
      await screenshot(page, `prompt-likely-${language}-wide`);
      await page.setViewportSize({ width: 360, height: 740 });
      await screenshot(page, `prompt-likely-${language}-narrow`);
      await page.locator('saring-prompt [data-action="cancel"]').click();
      await page.close();
      await setLanguage('id');
    },
  );
});

describe('sending from the chat box with Enter', () => {
  it('asks before sending an unopened link; Share anyway sends it once', async () => {
    const page = await openChat();
    await sendWithEnter(page, LINK_MESSAGE);
    await expect.poll(() => prompt(page).getAttribute('data-reason')).toBe('unread-link');
    // Held while the prompt asks: nothing has been sent.
    expect(await page.evaluate(() => (window as unknown as { __shareLog: string[] }).__shareLog)).toEqual([]);
    await page.locator('saring-prompt [data-action="share"]').click();
    expect(await settledShareLog(page, 1)).toEqual([`send:${LINK_MESSAGE}`]);
    expect(await page.locator(EDITOR).textContent()).toBe('');
    await page.close();
  });

  it('Cancel sends nothing and leaves the message in the box', async () => {
    const page = await openChat();
    await sendWithEnter(page, LINK_MESSAGE);
    await prompt(page).waitFor();
    await page.locator('saring-prompt [data-action="cancel"]').click();
    expect(await settledShareLog(page, 0)).toEqual([]);
    expect(await page.locator(EDITOR).textContent()).toBe(LINK_MESSAGE);
    await page.close();
  });

  it('sends a short chat message at once, with no prompt', async () => {
    const page = await openChat();
    await sendWithEnter(page, 'Nanti sore kerja bakti ya');
    expect(await settledShareLog(page, 1)).toEqual(['send:Nanti sore kerja bakti ya']);
    expect(await page.locator('saring-prompt').count()).toBe(0);
    await page.close();
  });

  it('checks a long hoax text pasted without a link', async () => {
    const page = await openChat();
    const chain = await page.locator(`#main [data-id="${IDS.hoax}"] span.selectable-text`).textContent();
    expect(chain?.length).toBeGreaterThanOrEqual(200);
    await sendWithEnter(page, chain ?? '');
    await expect.poll(() => prompt(page).getAttribute('data-reason')).toBe('hoax-match');
    expect(await page.locator('saring-prompt [data-match-id="tbh26-35352"]').count()).toBe(1);
    await page.locator('saring-prompt [data-action="cancel"]').click();
    expect(await settledShareLog(page, 0)).toEqual([]);
    await page.close();
  });

  it('sends a long benign text pasted without a link, unprompted', async () => {
    const page = await openChat();
    const chain =
      (await page.locator(`#main [data-id="${IDS.manyTimesBenign}"] span.selectable-text`).textContent()) ?? '';
    await sendWithEnter(page, chain);
    expect(await settledShareLog(page, 1)).toEqual([`send:${chain}`]);
    expect(await page.locator('saring-prompt').count()).toBe(0);
    await page.close();
  });
});

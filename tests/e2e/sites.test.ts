import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../lib/dev/chrome';
import { screenshot, serveFixture, settledShareLog, startBrowser, turnLabelsOff, waitForStarterList } from './harness';

// Every fixture's hoax repeats starter-list item tbh26-35352 ("Gunung Lawu bakal erupsi besar").
const HOAX_ITEM = 'tbh26-35352';

/**
 * What the X composer flow posts: the fixture's hoax post pasted with a link to it, or a benign
 * post linking to a post on X itself (X's own links are no article left unread).
 */
const X_POSTS: Record<string, string> = {
  hoax:
    'Gunung no 7 yg akan erupsi besar adalah gn Lawu, saat ini ada indikasi lava naik , (chamber ada yg mulai penuh ) ' +
    'ada tekanan dari jalur Bojonegoro, erupsi diperkirakan sangat besar, ya waspada sekitar gn lawu. https://hoaks.example/lawu-erupsi',
  benign: 'Info cuaca dari BMKG pagi ini https://x.com/infoBMKG/status/1993000000000000099',
};

/** The site UI languages fixtures come in (see tests/fixture-html.ts). */
type UiLocale = 'id' | 'en';
const UI_LOCALES: readonly UiLocale[] = ['id', 'en'];

/** One site's share flow on its fixture, as a person does it, in each UI language. */
interface SiteFlow {
  name: string;
  /** The fixture is served here (a route pattern) … */
  route: string;
  /** The fixture page, served in each UI language (see tests/fixture-html.ts). */
  fixture: string;
  /** The UI languages to run (both unless the site has only one fixture). */
  locales?: readonly UiLocale[];
  /** … and this page opens on it for a given item. */
  pageFor(id: string): string;
  hoax: string;
  benign: string;
  /** Shares item `id` the way the site's UI does, through its menu or dialog, in that UI language. */
  share(page: Page, id: string, locale: UiLocale): Promise<void>;
  /** What the fixture logs for one completed share of `id`. */
  logged(id: string): string;
  /** The prompt's screenshot name, when another flow on the same fixture takes the fixture's. */
  shot?: string;
}

/**
 * Select-mode flows forward two ticked messages, in document order: the hoax with a benign chat
 * message, or that benign message with another benign one that has no link (a link not yet read
 * may be asked about by itself).
 */
interface Ticked {
  hoax: readonly [string, string];
  benign: readonly [string, string];
}
const WHATSAPP_TICKED: Ticked = {
  hoax: ['3EB0C0FFEE0000000001', '3EB0C0FFEE0000000002'],
  // Your own reply: the hoax it quotes is no part of it.
  benign: ['3EB0C0FFEE0000000002', '3EB0C0FFEE0000000005'],
};
const TELEGRAM_TICKED: Ticked = { hoax: ['101', '102'], benign: ['102', '104'] };
const tickedWith = (id: string, ticked: Ticked) => (id === ticked.hoax[0] ? ticked.hoax : ticked.benign);

const FLOWS: SiteFlow[] = [
  {
    name: 'WhatsApp Web: forward',
    route: 'https://web.whatsapp.com/',
    fixture: 'whatsapp/chat.id.html',
    pageFor: () => 'https://web.whatsapp.com/',
    hoax: '3EB0C0FFEE0000000001',
    benign: '3EB0C0FFEE0000000002',
    async share(page, id) {
      await page.locator(`#main [data-id="${id}"] [role="button"]:has(span[data-icon="forward-chat"])`).click();
      await page.locator('[role="dialog"] [data-fixture-chat]').first().click();
      await page.locator('[role="dialog"] [data-fixture-forward-send]').click();
    },
    logged: (id) => `forward:${id}`,
  },
  {
    name: 'WhatsApp Web: forward selected messages',
    route: 'https://web.whatsapp.com/',
    fixture: 'whatsapp/chat.id.html',
    shot: 'prompt-whatsapp-selected',
    pageFor: () => 'https://web.whatsapp.com/',
    hoax: WHATSAPP_TICKED.hoax[0],
    benign: WHATSAPP_TICKED.benign[0],
    // The chat menu's "Select messages", a click on each message's row, the selection bar's forward.
    async share(page, id, locale) {
      await page.locator('#main header [role="button"]:has(span[data-icon="menu"])').click();
      await page.locator('[role="application"].menu li', { hasText: { id: 'Pilih pesan', en: 'Select messages' }[locale] }).click();
      for (const ticked of tickedWith(id, WHATSAPP_TICKED)) await page.locator(`#main [data-id="${ticked}"] span.selectable-text`).click();
      await page.locator(`#main > span button[aria-label="${{ id: 'Teruskan', en: 'Forward' }[locale]}"]`).click();
      await page.locator('[role="dialog"] [data-fixture-chat]').first().click();
      await page.locator('[role="dialog"] [data-fixture-forward-send]').click();
    },
    logged: (id) => `forward:${tickedWith(id, WHATSAPP_TICKED).join(',')}`,
  },
  {
    name: 'Instagram: send',
    route: 'https://www.instagram.com/',
    fixture: 'instagram/feed.id.html',
    pageFor: () => 'https://www.instagram.com/',
    hoax: 'DLw7aErUpSi',
    benign: 'DPsgGrgKpas',
    async share(page, id, locale) {
      const label = { id: 'Bagikan', en: 'Share' }[locale];
      await page.locator(`article[data-fixture-post="${id}"] [role="button"]:has(> svg[aria-label="${label}"])`).click();
      await page.locator('[role="dialog"] [data-fixture-person]').first().click();
      await page.locator('[role="dialog"] [data-fixture-send]').click();
    },
    logged: (id) => `send:${id}:ibu.sari`,
  },
  {
    name: 'Threads: repost',
    route: 'https://www.threads.net/',
    fixture: 'threads/feed.id.html',
    pageFor: () => 'https://www.threads.net/',
    hoax: 'DLw7aErUpSi',
    benign: 'DPsgGrgKpas',
    async share(page, id, locale) {
      const label = { id: 'Posting ulang', en: 'Repost' }[locale];
      await page
        .locator(`[data-pressable-container="true"]:has(a[href$="/post/${id}"]) [role="button"]:has(svg[aria-label="${label}"])`)
        .click();
      await page.locator('[role="menu"] [data-fixture-menu="repost"]').click();
    },
    logged: (id) => `repost:${id}`,
  },
  {
    name: 'TikTok: repost',
    route: 'https://www.tiktok.com/foryou',
    fixture: 'tiktok/foryou.id.html',
    pageFor: () => 'https://www.tiktok.com/foryou',
    hoax: '7441000000000000001',
    benign: '7441000000000000002',
    async share(page, id) {
      await page.locator(`article:has([id$="-${id}"]) button:has([data-e2e="share-icon"])`).click();
      await page.locator('[data-e2e="share-group"] [data-e2e="share-repost"]').click();
    },
    logged: (id) => `repost:${id}`,
  },
  {
    name: 'YouTube: share to WhatsApp',
    route: 'https://www.youtube.com/watch**',
    fixture: 'youtube/watch.id.html',
    pageFor: (id) => `https://www.youtube.com/watch?v=${id}`,
    hoax: 'Lw7aErUpSi0',
    benign: 'PsgGrgKpas1',
    async share(page, _id, locale) {
      const label = { id: 'Bagikan', en: 'Share' }[locale];
      await page.locator(`ytd-watch-metadata button[aria-label="${label}"]`).click();
      await page.locator('ytd-unified-share-panel-renderer [data-fixture-target="whatsapp"] button#target').click();
    },
    logged: (id) => `whatsapp:${id}`,
  },
  {
    name: 'Telegram Web K: forward',
    route: 'https://web.telegram.org/k/',
    fixture: 'telegram-k/chat.html',
    pageFor: () => 'https://web.telegram.org/k/#-1001234567890',
    hoax: '101',
    benign: '102',
    // Picking the chat is the share on Web K: it opens that chat with the forward attached.
    async share(page, id, locale) {
      await page.locator(`.chat.active .bubble[data-mid="${id}"] .translatable-message`).click({ button: 'right' });
      await page.locator('#bubble-contextmenu .btn-menu-item', { hasText: { id: 'Teruskan', en: 'Forward' }[locale] }).click();
      await page.locator('.popup-forward .chatlist [data-peer-id]').first().click();
    },
    logged: (id) => `forward:${id}:Keluarga Besar`,
  },
  {
    name: 'Telegram Web K: forward selected messages',
    route: 'https://web.telegram.org/k/',
    fixture: 'telegram-k/chat.html',
    shot: 'prompt-telegram-k-selected',
    pageFor: () => 'https://web.telegram.org/k/#-1001234567890',
    hoax: TELEGRAM_TICKED.hoax[0],
    benign: TELEGRAM_TICKED.benign[0],
    // The message menu's "Select" ticks it, a click ticks the next; the selection bar's forward, then a chat.
    async share(page, id, locale) {
      const [first, second] = tickedWith(id, TELEGRAM_TICKED);
      await page.locator(`.chat.active .bubble[data-mid="${first}"] .translatable-message`).click({ button: 'right' });
      await page.locator('#bubble-contextmenu .btn-menu-item', { hasText: { id: 'Pilih', en: 'Select' }[locale] }).click();
      await page.locator(`.chat.active .bubble[data-mid="${second}"] .translatable-message`).click();
      await page.locator('.selection-container .selection-container-forward').click();
      await page.locator('.popup-forward .chatlist [data-peer-id]').first().click();
    },
    logged: (id) => `forward:${tickedWith(id, TELEGRAM_TICKED).join(',')}:Keluarga Besar`,
  },
  {
    name: 'Telegram Web A: forward',
    route: 'https://web.telegram.org/a/',
    fixture: 'telegram-a/chat.html',
    pageFor: () => 'https://web.telegram.org/a/#-1001234567890',
    hoax: '101',
    benign: '102',
    // The picker's row acts on mousedown; the composer's send with the forward attached is the share.
    async share(page, id, locale) {
      await page.locator(`.MessageList .Message[data-message-id="${id}"] .text-content`).click({ button: 'right' });
      await page.locator('.MessageContextMenu [role="menuitem"]', { hasText: { id: 'Teruskan', en: 'Forward' }[locale] }).click();
      await page.locator('.ChatOrUserPicker .ListItem-button').first().click();
      await page.locator('.Composer:has(.ComposerEmbeddedMessage) button.send').click();
    },
    logged: (id) => `forward:${id}:Keluarga Besar`,
  },
  {
    name: 'Telegram Web A: forward sent with Enter',
    route: 'https://web.telegram.org/a/',
    fixture: 'telegram-a/chat.html',
    locales: ['en'],
    pageFor: () => 'https://web.telegram.org/a/#-1001234567890',
    hoax: '101',
    benign: '102',
    // Enter in the empty message box sends the attached forward, as the send button does.
    async share(page, id) {
      await page.locator(`.MessageList .Message[data-message-id="${id}"] .text-content`).click({ button: 'right' });
      await page.locator('.MessageContextMenu [role="menuitem"]', { hasText: 'Forward' }).click();
      await page.locator('.ChatOrUserPicker .ListItem-button').first().click();
      await page.locator('#editable-message-text').press('Enter');
    },
    logged: (id) => `forward:${id}:Keluarga Besar`,
  },
  {
    name: 'X: post with a link sent with Ctrl+Enter',
    route: 'https://x.com/home',
    fixture: 'x/feed.html',
    locales: ['en'],
    pageFor: () => 'https://x.com/home',
    hoax: 'hoax',
    benign: 'benign',
    // Pasted into the Home composer and posted from the keyboard, as X allows (Ctrl/⌘+Enter).
    async share(page, id) {
      const editor = page.locator('[data-testid="inlineComposer"] [data-testid="tweetTextarea_0"]');
      await editor.fill(X_POSTS[id] ?? '');
      await editor.press('Control+Enter');
    },
    logged: () => 'post',
  },
  {
    name: 'Telegram Web A: forward selected messages',
    route: 'https://web.telegram.org/a/',
    fixture: 'telegram-a/chat.html',
    shot: 'prompt-telegram-a-selected',
    pageFor: () => 'https://web.telegram.org/a/#-1001234567890',
    hoax: TELEGRAM_TICKED.hoax[0],
    benign: TELEGRAM_TICKED.benign[0],
    // The message menu's "Select" ticks it, a click ticks the next; the toolbar's forward, a chat, then send.
    async share(page, id, locale) {
      const [first, second] = tickedWith(id, TELEGRAM_TICKED);
      await page.locator(`.MessageList .Message[data-message-id="${first}"] .text-content`).click({ button: 'right' });
      await page.locator('.MessageContextMenu [role="menuitem"]', { hasText: { id: 'Pilih', en: 'Select' }[locale] }).click();
      await page.locator(`.MessageList .Message[data-message-id="${second}"] .text-content`).click();
      await page.locator(`.MessageSelectToolbar [role="button"][title="${{ id: 'Teruskan', en: 'Forward' }[locale]}"]`).click();
      await page.locator('.ChatOrUserPicker .ListItem-button').first().click();
      await page.locator('.Composer:has(.ComposerEmbeddedMessage) button.send').click();
    },
    logged: (id) => `forward:${tickedWith(id, TELEGRAM_TICKED).join(',')}:Keluarga Besar`,
  },
];

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await startBrowser();
  await waitForStarterList(browser);
  await turnLabelsOff(browser);
  for (const flow of FLOWS) await serveFixture(browser.context, flow.route, flow.fixture);
});

afterAll(async () => {
  await browser?.close();
});

const prompt = (page: Page) => page.locator('saring-prompt [role="dialog"]');

/** Opens `url` with the flow's fixture in `locale` (a page's own route wins over the context's). */
async function open(flow: SiteFlow, locale: UiLocale, url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  if (locale !== 'id') await serveFixture(page, flow.route, flow.fixture, locale);
  await page.goto(url);
  return page;
}


const RUNS = FLOWS.flatMap((flow) => (flow.locales ?? UI_LOCALES).map((locale) => ({ flow, locale })));

describe.each(RUNS)('$flow.name ($locale UI)', ({ flow, locale }) => {
  it('asks before sharing a known hoax, with the matching fact-check; Cancel shares nothing', async () => {
    const page = await open(flow, locale, flow.pageFor(flow.hoax));
    await flow.share(page, flow.hoax, locale);
    await expect.poll(() => prompt(page).getAttribute('data-reason')).toBe('hoax-match');
    await expect.poll(() => page.locator(`saring-prompt [data-match-id="${HOAX_ITEM}"]`).count()).toBe(1);
    if (locale === 'id') await screenshot(page, flow.shot ?? `prompt-${flow.fixture.split('/')[0]}`);
    await page.locator('saring-prompt [data-action="cancel"]').click();
    await expect.poll(() => page.locator('saring-prompt').count()).toBe(0);
    expect(await settledShareLog(page, 0)).toEqual([]);
    await page.close();
  });

  it('Share anyway completes that share, once', async () => {
    const page = await open(flow, locale, flow.pageFor(flow.hoax));
    await flow.share(page, flow.hoax, locale);
    await prompt(page).waitFor();
    await page.locator('saring-prompt [data-action="share"]').click();
    expect(await settledShareLog(page, 1)).toEqual([flow.logged(flow.hoax)]);
    expect(await page.locator('saring-prompt').count()).toBe(0);
    await page.close();
  });

  it('lets a benign item through at once, with no prompt', async () => {
    const page = await open(flow, locale, flow.pageFor(flow.benign));
    await flow.share(page, flow.benign, locale);
    expect(await settledShareLog(page, 1)).toEqual([flow.logged(flow.benign)]);
    expect(await page.locator('saring-prompt').count()).toBe(0);
    await page.close();
  });
});

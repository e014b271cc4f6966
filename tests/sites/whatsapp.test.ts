// @vitest-environment happy-dom
import { normalizeUrl } from '../../lib/core/url';
import { afterEach, describe, expect, it } from 'vitest';
import { extractComposer, extractPost, findComposer, findPost } from '../../lib/guard/extract';
import { GUARD_CHECKS } from '../../lib/guard/health';
import { WHATSAPP_SITE } from '../../lib/sites/whatsapp';
import {
  actionAt,
  contentFrom,
  $,
  byText,
  click,
  FIXTURE_LANGUAGES,
  type FixtureLanguage,
  type FixturePage,
  guardOnFixture,
  HOAX_ANSWER,
  loadFixture,
  pressKey,
  settle,
} from './harness';

/** WhatsApp Web: forwarding a message (shortcut or menu, then the dialog's send) and the composer. */

const IDS = {
  hoax: '3EB0C0FFEE0000000001',
  plain: '3EB0C0FFEE0000000002',
  withLink: '3EB0C0FFEE0000000003',
  manyTimes: '3EB0C0FFEE0000000004',
  reply: '3EB0C0FFEE0000000005',
  /** "Forwarded many times" by its label only (the newer, shared forward icon), long, benign. */
  manyTimesByLabel: '3EB0C0FFEE0000000006',
} as const;
const HOAX_TEXT = 'Gunung no 7 yg akan erupsi besar adalah gn Lawu, saat ini ada indikasi lava naik';
const ARTICLE = 'https://kompas.com/tren/read/2026/11/20/bmkg-puncak-musim-hujan';
const LABELS = {
  id: { forward: 'Teruskan', reply: 'Balas', send: 'Kirim', manyTimes: 'Diteruskan berkali-kali' },
  en: { forward: 'Forward', reply: 'Reply', send: 'Send', manyTimes: 'Forwarded many times' },
} as const;

const message = (page: FixturePage, id: string) => $(page.document, `#main [data-id="${id}"]`);
const forwardShortcut = (page: FixturePage, id: string) => $(message(page, id), 'span[data-icon="forward-chat"]');
const chevron = (page: FixturePage, id: string) => $(message(page, id), 'span[data-icon="down-context"]');
const dialogSend = (page: FixturePage) => $(page.document, '[role="dialog"] span[data-icon="wds-ic-send-filled"]');
const composerSend = (page: FixturePage) => $(page.document, '#main footer span[data-icon="wds-ic-send-filled"]');
const editor = (page: FixturePage) => $(page.document, '#main footer [role="textbox"]');

const barForward = (page: FixturePage) => $(page.document, '#main > span span[data-icon="forward"]');
const actionOf = (element: Element) => actionAt(WHATSAPP_SITE, element);

const contentOf = (page: FixturePage, id: string) =>
  contentFrom(WHATSAPP_SITE, forwardShortcut(page, id), `message ${id}`);

/** Opens the forward dialog on a message and picks a chat, as a person does. */
function openForwardDialog(page: FixturePage, id: string): void {
  click(forwardShortcut(page, id));
  click($(page.document, '[role="dialog"] [data-fixture-chat]'));
}

/** Select mode from the chat's menu, then a click on each message's row ticks it. */
function selectMessages(page: FixturePage, ...ids: string[]): void {
  click($(page.document, '#main header [role="button"]:has(span[data-icon="menu"])'));
  click($(page.document, '[data-fixture-select-messages]'));
  for (const id of ids) click($(message(page, id), 'span.selectable-text'));
}

describe.each(FIXTURE_LANGUAGES)('WhatsApp adapter on the %s UI', (language: FixtureLanguage) => {
  let page: FixturePage;
  afterEach(() => page.close());

  it('finds the forward shortcut and the menu’s forward item as openers, the dialog’s send as the share', () => {
    page = loadFixture('whatsapp', language);
    expect(actionOf(forwardShortcut(page, IDS.hoax))).toMatchObject({
      kind: 'forward',
      step: 'opens',
      content: 'post',
    });
    expect(actionOf(chevron(page, IDS.hoax))).toMatchObject({ step: 'opens', content: 'post' });
    click(chevron(page, IDS.hoax));
    const item = byText(page.document, '[role="application"] li', LABELS[language].forward);
    expect(actionOf($(item, 'div'))).toMatchObject({ kind: 'forward', step: 'opens', content: 'opened-post' });
    expect(actionOf(byText(page.document, '[role="application"] li', LABELS[language].reply))).toBeNull();
    click(item);
    expect(actionOf(dialogSend(page))).toMatchObject({ kind: 'forward', step: 'shares', content: 'opened-post' });
  });

  it('tells the composer’s send from the dialog’s, though both use the same icon', () => {
    page = loadFixture('whatsapp', language);
    expect(actionOf(composerSend(page))).toMatchObject({ kind: 'send', step: 'shares', content: 'composer' });
  });

  it('falls back to the "Send" label inside the dialog and the footer when the icons are renamed', () => {
    page = loadFixture('whatsapp', language);
    click(forwardShortcut(page, IDS.hoax));
    const send = dialogSend(page);
    send.setAttribute('data-icon', 'send-v2');
    expect(actionOf(send)).toMatchObject({ kind: 'forward', step: 'shares' });
    const footerSend = composerSend(page);
    footerSend.setAttribute('data-icon', 'send-v2');
    expect(actionOf(footerSend)).toMatchObject({ kind: 'send', step: 'shares' });
    const outside = page.document.createElement('button');
    outside.textContent = LABELS[language].send;
    page.document.body.append(outside);
    expect(actionOf(outside)).toBeNull();
  });

  it('finds the selection bar’s forward as the opener of the ticked messages, by icon or else by label', () => {
    page = loadFixture('whatsapp', language);
    selectMessages(page, IDS.hoax, IDS.plain);
    const forward = barForward(page);
    expect(actionOf(forward)).toMatchObject({ kind: 'forward', step: 'opens', content: 'selected-posts' });
    forward.setAttribute('data-icon', 'forward-v2');
    expect(actionOf(forward)).toMatchObject({ step: 'opens', content: 'selected-posts' });
    // The bar's other buttons are no forward.
    expect(actionOf($(page.document, '#main > span span[data-icon="delete"]'))).toBeNull();
  });

  it('extracts the hoax message’s own text, without the sender line, time or forwarded label', () => {
    page = loadFixture('whatsapp', language);
    const content = contentOf(page, IDS.hoax);
    expect(content.text).toContain(HOAX_TEXT);
    expect(content.text).not.toMatch(/Pak Darmo|07\.41|Diteruskan|Forwarded/);
    expect(content.urls).toEqual([]);
  });

  it('extracts a benign message, and a message’s external link', () => {
    page = loadFixture('whatsapp', language);
    expect(contentOf(page, IDS.plain)).toMatchObject({ urls: [] });
    expect(contentOf(page, IDS.plain).text).toContain('pisang goreng kipas');
    const withLink = contentOf(page, IDS.withLink);
    expect(withLink.text).toContain('BMKG memprakirakan puncak musim hujan');
    expect(withLink.urls.map(normalizeUrl)).toEqual([ARTICLE]);
  });

  it('reads a "forwarded many times" message, label left out', () => {
    page = loadFixture('whatsapp', language);
    const forwardedMany = message(page, IDS.manyTimes);
    expect($(forwardedMany, 'span[data-icon="frequently-forwarded"]').nextElementSibling?.textContent).toBe(
      LABELS[language].manyTimes,
    );
    const content = contentOf(page, IDS.manyTimes);
    expect(content.text).toContain('pemadaman listrik total 3 hari di Jawa dan Bali');
    expect(content.text).not.toContain(LABELS[language].manyTimes);
  });

  it('marks messages forwarded many times, by the icon or else by the label, and no others', () => {
    page = loadFixture('whatsapp', language);
    expect(contentOf(page, IDS.manyTimes).forwardedMany).toBe(true);
    expect($(message(page, IDS.manyTimesByLabel), 'span[data-icon="forward-refreshed"]')).toBeTruthy();
    expect(contentOf(page, IDS.manyTimesByLabel).forwardedMany).toBe(true);
    // Forwarded once, and not forwarded at all.
    expect(contentOf(page, IDS.hoax).forwardedMany).toBeUndefined();
    expect(contentOf(page, IDS.plain).forwardedMany).toBeUndefined();
  });

  it('does not take the label for the mark when a message only quotes it in its text', () => {
    page = loadFixture('whatsapp', language);
    const body = $(message(page, IDS.plain), 'span.selectable-text span');
    body.textContent = `Kata grup sebelah "${LABELS[language].manyTimes}" itu artinya hoaks?`;
    expect(contentOf(page, IDS.plain).forwardedMany).toBeUndefined();
  });

  it('leaves a reply’s quoted message out of the reply', () => {
    page = loadFixture('whatsapp', language);
    const post = findPost(WHATSAPP_SITE, $(message(page, IDS.reply), 'span.selectable-text'));
    const content = extractPost(WHATSAPP_SITE, post as Element);
    expect(content.text).toContain('sudah dibantah PVMBG');
    expect(content.text).not.toContain('Gunung');
  });

  it('reads the composer’s text and typed links', () => {
    page = loadFixture('whatsapp', language);
    editor(page).textContent = `${HOAX_TEXT} https://hoaks.example/lawu`;
    const composer = findComposer(WHATSAPP_SITE, composerSend(page));
    const content = extractComposer(WHATSAPP_SITE, composer as Element);
    expect(content.text).toContain(HOAX_TEXT);
    expect(content.urls).toEqual(['https://hoaks.example/lawu']);
  });
});

describe('the guard on WhatsApp Web', () => {
  const arm = guardOnFixture('whatsapp', WHATSAPP_SITE);

  it('checks the forwarded message from the dialog’s send; Cancel sends nothing', async () => {
    const { page, calls, shown } = arm(async () => HOAX_ANSWER, 'cancel');
    openForwardDialog(page, IDS.hoax);
    click(dialogSend(page));
    await settle(10);
    expect(calls.checkShare).toHaveLength(1);
    expect(calls.checkShare[0]).toMatchObject({ site: 'whatsapp', kind: 'forward', urls: [] });
    expect(calls.checkShare[0]?.text).toContain(HOAX_TEXT);
    expect(shown[0]?.matches[0]?.id).toBe('tbh26-35352');
    expect(page.shares().count).toBe(0);
  });

  it('remembers the message through its menu, and forwards it once on Share anyway', async () => {
    const { page, calls } = arm(async () => HOAX_ANSWER, 'share');
    click(chevron(page, IDS.hoax));
    click(byText(page.document, '[role="application"] li', LABELS.id.forward));
    click($(page.document, '[role="dialog"] [data-fixture-chat]'));
    click(dialogSend(page));
    await settle(10);
    expect(calls.checkShare[0]?.text).toContain(HOAX_TEXT);
    expect(page.shares().log).toEqual([`forward:${IDS.hoax}`]);
  });

  it('lets a benign forward through at once', async () => {
    const { page, calls, shown } = arm(async () => ({ ask: false }), 'cancel');
    openForwardDialog(page, IDS.plain);
    click(dialogSend(page));
    await settle(10);
    expect(calls.checkShare[0]?.text).toContain('pisang goreng kipas');
    expect(shown).toHaveLength(0);
    expect(page.shares().log).toEqual([`forward:${IDS.plain}`]);
  });

  it('checks a composer send only when the text carries a link', async () => {
    const { page, calls } = arm(async () => ({ ask: false }), 'cancel');
    editor(page).textContent = 'Nanti sore kerja bakti ya';
    click(composerSend(page));
    await settle(10);
    expect(calls.checkShare).toHaveLength(0);
    editor(page).textContent = 'Baca ini https://hoaks.example/lawu';
    click(composerSend(page));
    await settle(10);
    expect(calls.checkShare).toHaveLength(1);
    expect(calls.checkShare[0]).toMatchObject({ kind: 'send', urls: ['https://hoaks.example/lawu'] });
    expect(page.shares().count).toBe(2);
  });
});

describe('forwarding messages ticked in select mode', () => {
  const arm = guardOnFixture('whatsapp', WHATSAPP_SITE);
  /** Ticks the messages, then forwards them from the bar to a chat. */
  function forwardSelected(page: FixturePage, ...ids: string[]): void {
    selectMessages(page, ...ids);
    click(barForward(page));
    click($(page.document, '[role="dialog"] [data-fixture-chat]'));
    click(dialogSend(page));
  }

  it('checks the ticked messages together, hoax among benign ones, and forwards them once on Share anyway', async () => {
    const { page, calls, shown } = arm(async () => HOAX_ANSWER, 'share');
    forwardSelected(page, IDS.plain, IDS.hoax, IDS.withLink);
    await settle(10);
    expect(calls.checkShare).toHaveLength(1);
    const request = calls.checkShare[0];
    expect(request).toMatchObject({ site: 'whatsapp', kind: 'forward' });
    expect(request?.text).toContain('pisang goreng kipas');
    expect(request?.text).toContain(HOAX_TEXT);
    expect(request?.text).toContain('BMKG memprakirakan puncak musim hujan');
    // Each message's own text only: no sender lines or times.
    expect(request?.text).not.toMatch(/Pak Darmo|Bu Sari|07\.41/);
    expect(request?.urls.map(normalizeUrl)).toEqual([ARTICLE]);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.matches[0]?.id).toBe('tbh26-35352');
    expect(page.shares().log).toEqual([`forward:${IDS.hoax},${IDS.plain},${IDS.withLink}`]);
  });

  it('forwards nothing when the person cancels', async () => {
    const { page, shown } = arm(async () => HOAX_ANSWER, 'cancel');
    forwardSelected(page, IDS.hoax, IDS.plain);
    await settle(10);
    expect(shown).toHaveLength(1);
    expect(page.shares().count).toBe(0);
  });

  it('lets benign ticked messages through unprompted, checked together', async () => {
    const { page, calls, shown } = arm(async () => ({ ask: false }), 'cancel');
    forwardSelected(page, IDS.plain, IDS.withLink);
    await settle(10);
    expect(calls.checkShare).toHaveLength(1);
    expect(calls.checkShare[0]?.text).toContain('pisang goreng kipas');
    expect(calls.checkShare[0]?.text).not.toContain(HOAX_TEXT);
    expect(shown).toHaveLength(0);
    expect(page.shares().log).toEqual([`forward:${IDS.plain},${IDS.withLink}`]);
  });

  it('words the prompt more strongly when any ticked message was forwarded many times', async () => {
    const { page, shown } = arm(async () => HOAX_ANSWER, 'cancel');
    forwardSelected(page, IDS.plain, IDS.manyTimes);
    await settle(10);
    expect(shown[0]?.forwardedMany).toBe(true);
  });

  it('fails open, and says so in site health, when the ticked messages cannot be found', async () => {
    const { page, calls, shown } = arm(async () => HOAX_ANSWER, 'cancel');
    selectMessages(page, IDS.hoax, IDS.plain);
    // A release that marks ticked rows differently.
    for (const box of page.document.querySelectorAll('#main [role="checkbox"][aria-checked="true"]')) {
      box.setAttribute('data-checked', 'true');
      box.setAttribute('aria-checked', 'mixed');
    }
    click(barForward(page));
    click($(page.document, '[role="dialog"] [data-fixture-chat]'));
    click(dialogSend(page));
    await settle(10);
    expect(calls.checkShare).toHaveLength(0);
    expect(shown).toHaveLength(0);
    expect(page.shares().count).toBe(1);
    expect(calls.reportHealth).toContainEqual({ site: 'whatsapp', check: GUARD_CHECKS.selectedPosts, ok: false });
  });
});

describe('the stronger wording for a message forwarded many times', () => {
  const arm = guardOnFixture('whatsapp', WHATSAPP_SITE);

  it.each(FIXTURE_LANGUAGES)('reaches the prompt, not the background (%s UI)', async (language) => {
    const { page, calls, shown } = arm(async () => HOAX_ANSWER, 'cancel', language);
    const prompt = { shown };
    openForwardDialog(page, IDS.manyTimes);
    click(dialogSend(page));
    await settle(10);
    expect(calls.checkShare[0]?.text).toContain('pemadaman listrik total');
    // The decision never sees the mark (lib/decision): it words the prompt, it is no reason to ask.
    expect(calls.checkShare[0]).not.toHaveProperty('forwardedMany');
    expect(prompt.shown[0]?.forwardedMany).toBe(true);
    openForwardDialog(page, IDS.hoax);
    click(dialogSend(page));
    await settle(10);
    expect(prompt.shown).toHaveLength(2);
    expect(prompt.shown[1]?.forwardedMany).toBeUndefined();
    expect(page.shares().count).toBe(0);
  });
});

describe('sending from the chat box', () => {
  const arm = guardOnFixture('whatsapp', WHATSAPP_SITE);
  const LINK_TEXT = 'Baca ini https://hoaks.example/lawu';

  it('holds Enter on a message with a link, and sends it once on Share anyway', async () => {
    const { page, calls, shown } = arm(async () => HOAX_ANSWER, 'share');
    editor(page).textContent = LINK_TEXT;
    expect(pressKey(editor(page), 'Enter').defaultPrevented).toBe(true);
    // The release of a held Enter is held too.
    expect(pressKey(editor(page), 'Enter', 'keyup').defaultPrevented).toBe(true);
    await settle(10);
    expect(calls.checkShare).toEqual([expect.objectContaining({ kind: 'send', urls: ['https://hoaks.example/lawu'] })]);
    expect(shown).toHaveLength(1);
    expect(page.shares().log).toEqual([`send:${LINK_TEXT}`]);
  });

  it('sends nothing when Enter was held and the person cancels', async () => {
    const { page, shown } = arm(async () => HOAX_ANSWER, 'cancel');
    editor(page).textContent = LINK_TEXT;
    pressKey(editor(page), 'Enter');
    await settle(10);
    expect(shown).toHaveLength(1);
    expect(page.shares().count).toBe(0);
    expect(editor(page).textContent).toBe(LINK_TEXT);
  });

  it('lets Enter through untouched on a short chat message, and Shift+Enter always', async () => {
    const { page, calls } = arm(async () => HOAX_ANSWER, 'cancel');
    editor(page).textContent = 'Nanti sore kerja bakti ya';
    expect(pressKey(editor(page), 'Enter').defaultPrevented).toBe(true); // by the site itself, which sends
    expect(page.shares().log).toEqual(['send:Nanti sore kerja bakti ya']);
    editor(page).textContent = LINK_TEXT;
    pressKey(editor(page), 'Enter', 'keydown', { shiftKey: true });
    await settle(10);
    expect(calls.checkShare).toHaveLength(0);
    expect(page.shares().count).toBe(1);
  });

  it('leaves Ctrl/⌘+Enter alone: only Enter is known to send on WhatsApp', async () => {
    const { page, calls } = arm(async () => HOAX_ANSWER, 'cancel');
    editor(page).textContent = LINK_TEXT;
    expect(pressKey(editor(page), 'Enter', 'keydown', { ctrlKey: true }).defaultPrevented).toBe(false);
    expect(pressKey(editor(page), 'Enter', 'keydown', { metaKey: true }).defaultPrevented).toBe(false);
    await settle(10);
    expect(calls.checkShare).toHaveLength(0);
    expect(calls.reportHealth).toEqual([]);
    expect(page.shares().count).toBe(0);
  });

  it('sends at once, checked, when the answer is not to ask', async () => {
    const { page, calls, shown } = arm(async () => ({ ask: false }), 'cancel');
    editor(page).textContent = LINK_TEXT;
    pressKey(editor(page), 'Enter');
    await settle(10);
    expect(calls.checkShare).toHaveLength(1);
    expect(shown).toHaveLength(0);
    expect(page.shares().log).toEqual([`send:${LINK_TEXT}`]);
  });

  it('checks a long pasted text, or one that says it was passed on, though it has no link', async () => {
    const { page, calls } = arm(async () => ({ ask: false }), 'cancel');
    const chain = contentOf(page, IDS.manyTimesByLabel).text;
    expect(chain.length).toBeGreaterThanOrEqual(200);
    editor(page).textContent = chain;
    click(composerSend(page));
    await settle(10);
    editor(page).textContent = 'Copas dari grup sebelah: besok PLN padam total, sebarkan!';
    pressKey(editor(page), 'Enter');
    await settle(10);
    expect(calls.checkShare.map((request) => request.text)).toEqual([
      chain,
      'Copas dari grup sebelah: besok PLN padam total, sebarkan!',
    ]);
    expect(calls.checkShare.every((request) => request.urls.length === 0)).toBe(true);
    expect(page.shares().count).toBe(2);
  });

  it('fails open on Enter when the send control cannot be found, and says so in site health', async () => {
    const { page, calls } = arm(async () => HOAX_ANSWER, 'cancel');
    const send = $(page.document, '#main footer button');
    send.removeAttribute('aria-label');
    composerSend(page).setAttribute('data-icon', 'send-v3');
    // An empty box has no send control on WhatsApp: that is no sign of a changed site.
    pressKey(editor(page), 'Enter');
    expect(calls.reportHealth).toEqual([]);
    editor(page).textContent = LINK_TEXT;
    pressKey(editor(page), 'Enter');
    await settle(10);
    expect(calls.checkShare).toHaveLength(0);
    expect(page.shares().log).toEqual([`send:${LINK_TEXT}`]);
    expect(calls.reportHealth).toContainEqual(expect.objectContaining({ site: 'whatsapp', ok: false }));
  });
});

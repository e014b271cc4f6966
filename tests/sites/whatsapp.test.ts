// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { extractComposer, extractPost, findComposer, findPost } from '../../lib/guard/extract';
import { normalizeUrl } from '../../lib/match/url';
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
  settle,
} from './harness';

/** WhatsApp Web: forwarding a message (shortcut or menu, then the dialog's send) and the composer. */

const IDS = {
  hoax: '3EB0C0FFEE0000000001',
  plain: '3EB0C0FFEE0000000002',
  withLink: '3EB0C0FFEE0000000003',
  manyTimes: '3EB0C0FFEE0000000004',
  reply: '3EB0C0FFEE0000000005',
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

const actionOf = (element: Element) => actionAt(WHATSAPP_SITE, element);

const contentOf = (page: FixturePage, id: string) =>
  contentFrom(WHATSAPP_SITE, forwardShortcut(page, id), `message ${id}`);

/** Opens the forward dialog on a message and picks a chat, as a person does. */
function openForwardDialog(page: FixturePage, id: string): void {
  click(forwardShortcut(page, id));
  click($(page.document, '[role="dialog"] [data-fixture-chat]'));
}

describe.each(FIXTURE_LANGUAGES)('WhatsApp adapter on the %s UI', (language: FixtureLanguage) => {
  let page: FixturePage;
  afterEach(() => page.close());

  it('finds the forward shortcut and the menu’s forward item as openers, the dialog’s send as the share', () => {
    page = loadFixture('whatsapp', language);
    expect(actionOf(forwardShortcut(page, IDS.hoax))).toMatchObject({ kind: 'forward', step: 'opens', content: 'post' });
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

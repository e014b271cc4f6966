// @vitest-environment happy-dom
import { normalizeUrl } from '../../lib/core/url';
import type { Outcome } from '../../lib/core/vocabulary';
import { afterEach, describe, expect, it } from 'vitest';
import { GUARD_CHECKS } from '../../lib/guard/health';
import { armGuard } from '../../lib/guard/arm';
import { extractPost, findPost } from '../../lib/guard/extract';
import { findAction } from '../../lib/guard/find-action';
import type { ActionTrigger, SiteAdapter } from '../../lib/sites/types';
import type { CheckShareResponse } from '../../lib/messaging/protocol';
import { TELEGRAM_A_SITE } from '../../lib/sites/telegram-a';
import { TELEGRAM_K_SITE } from '../../lib/sites/telegram-k';
import {
  $,
  byText,
  click,
  FIXTURE_LANGUAGES,
  type FixtureLanguage,
  type FixturePage,
  fakePrompt,
  fakeTransport,
  HOAX_ANSWER,
  loadFixture,
  pressKey,
  settle,
  asPerson,
  personInput,
} from './harness';

/**
 * Telegram Web, both clients: a forward from the message's right-click menu (or the forward
 * button beside a channel post), through the recipient picker, to the step that commits it —
 * picking the chat on Web K, the composer's send with the forward attached on Web A.
 */

const IDS = { hoax: '101', plain: '102', withLink: '103', channel: '104', added: '105' } as const;
const HOAX_TEXT = 'Gunung no 7 yg akan erupsi besar adalah gn Lawu, saat ini ada indikasi lava naik';
const ADDED_TEXT = 'Gunung Lawu bakal erupsi besar';
const ARTICLE = 'https://kompas.com/tren/read/2026/11/20/bmkg-puncak-musim-hujan';
const LABELS = {
  id: { forward: 'Teruskan', reply: 'Balas', send: 'Kirim', forwarded: 'Diteruskan', select: 'Pilih' },
  en: { forward: 'Forward', reply: 'Reply', send: 'Send', forwarded: 'Forwarded', select: 'Select' },
} as const;
const CHAT = 'Keluarga Besar';

function rightClick(target: Element): MouseEvent {
  const view = target.ownerDocument.defaultView as unknown as typeof globalThis;
  return asPerson(
    target,
    new view.MouseEvent('contextmenu', { bubbles: true, cancelable: true, composed: true, button: 2 }),
  );
}

function mouseDown(target: Element): void {
  const view = target.ownerDocument.defaultView as unknown as typeof globalThis;
  asPerson(target, new view.MouseEvent('mousedown', { bubbles: true, cancelable: true, composed: true, button: 0 }));
}

/** How a person forwards on each client's fixture. */
interface Client {
  site: 'telegram-k' | 'telegram-a';
  adapter: SiteAdapter;
  message(page: FixturePage, id: string): HTMLElement;
  /** The message's own text block, where a right-click lands. */
  text(page: FixturePage, id: string): HTMLElement;
  /** The open message menu's item with this label. */
  menuItem(page: FixturePage, label: string): HTMLElement;
  /** The forward button beside a channel post. */
  beside(page: FixturePage, id: string): HTMLElement;
  /** Picks the first chat in the open picker, as a mouse does on this client. */
  pick(page: FixturePage): void;
  /** The control whose click commits the forward (after `pick` where the client needs it). */
  commit(page: FixturePage): HTMLElement;
  /** What the fixture logs for one completed forward of `id` (ids joined by commas for a selection). */
  logged(id: string): string;
  /** The select-mode bar's forward button. */
  selectionForward(page: FixturePage): HTMLElement;
  /** Marks the ticked messages as a later release might: none of the adapter's `selected` matches. */
  renameSelectionMarks(page: FixturePage): void;
}

/** Swaps a class on every element that has it. */
function renameClass(page: FixturePage, from: string, to: string): void {
  for (const el of page.document.querySelectorAll(`.${from}`)) el.classList.replace(from, to);
}

const K: Client = {
  site: 'telegram-k',
  adapter: TELEGRAM_K_SITE,
  message: (page, id) => $(page.document, `.chat.active .bubble[data-mid="${id}"]`),
  text: (page, id) => $(K.message(page, id), '.translatable-message'),
  // An item's text follows its icon glyph, so the label is matched on the text part.
  menuItem: (page, label) => byText(page.document, '#bubble-contextmenu .btn-menu-item-text', label),
  beside: (page, id) => $(K.message(page, id), '.bubble-beside-button.forward'),
  pick: () => {},
  // Web K: picking the chat is the share (it opens that chat with the forward attached).
  commit: (page) => $(page.document, '.popup-forward [data-peer-id] .peer-title'),
  logged: (id) => `forward:${id}:${CHAT}`,
  selectionForward: (page) => $(page.document, '.selection-container .selection-container-forward'),
  renameSelectionMarks: (page) => {
    renameClass(page, 'is-selected', 'is-picked');
    renameClass(page, 'checkbox-field-input', 'checkbox-input');
  },
};

const A: Client = {
  site: 'telegram-a',
  adapter: TELEGRAM_A_SITE,
  message: (page, id) => $(page.document, `.MessageList .Message[data-message-id="${id}"]`),
  text: (page, id) => $(A.message(page, id), '.text-content'),
  menuItem: (page, label) => byText(page.document, '.MessageContextMenu [role="menuitem"]', label),
  beside: (page, id) => $(A.message(page, id), '.message-action-button'),
  // Web A: the picker's rows act on mousedown and only attach the forward to that chat's composer.
  pick: (page) => mouseDown($(page.document, '.ChatOrUserPicker .ListItem-button')),
  commit: (page) => $(page.document, '.Composer button.send'),
  logged: (id) => `forward:${id}:${CHAT}`,
  selectionForward: (page) => $(page.document, '.MessageSelectToolbar .MessageSelectToolbar-actions .icon-forward'),
  renameSelectionMarks: (page) => renameClass(page, 'is-selected', 'is-picked'),
};

function actionOf(adapter: SiteAdapter, element: Element, trigger: ActionTrigger = 'click') {
  const path: Element[] = [];
  for (let el: Element | null = element; el; el = el.parentElement) path.push(el);
  const found = findAction(adapter, path, trigger);
  return found && { kind: found.rule.kind, step: found.rule.step, content: found.rule.content, element: found.element };
}

function contentOf(client: Client, page: FixturePage, id: string) {
  const post = findPost(client.adapter, client.text(page, id));
  if (!post) throw new Error(`message ${id} not found from its text`);
  return extractPost(client.adapter, post);
}

/** Right-click → "Forward" → first chat, as a person does. */
function forwardFromMenu(client: Client, page: FixturePage, id: string, language: FixtureLanguage = 'id'): void {
  rightClick(client.text(page, id));
  click(client.menuItem(page, LABELS[language].forward));
  client.pick(page);
}

/** Right-click → "Select" ticks the first message, a click each further one; the bar's forward opens the picker. */
function selectMessages(
  client: Client,
  page: FixturePage,
  [first, ...more]: string[],
  language: FixtureLanguage = 'id',
): void {
  rightClick(client.text(page, first as string));
  click(client.menuItem(page, LABELS[language].select));
  for (const id of more) click(client.text(page, id));
}

/** Forwards the ticked messages to the first chat: the bar's forward, the picker, the committing control. */
function forwardSelection(client: Client, page: FixturePage): void {
  click(client.selectionForward(page));
  client.pick(page);
  click(client.commit(page));
}

describe.each([K, A].map((c) => [c.site, c] as const))('%s', (_site, client) => {
  describe.each(FIXTURE_LANGUAGES)('adapter on the %s UI', (language: FixtureLanguage) => {
    let page: FixturePage;
    afterEach(() => page.close());

    it('takes a right-click on a message as the opener, and the committing control as the share', () => {
      page = loadFixture(client.site, language);
      const text = client.text(page, IDS.hoax);
      expect(actionOf(client.adapter, text, 'contextmenu')).toMatchObject({
        kind: 'forward',
        step: 'opens',
        content: 'post',
        element: client.message(page, IDS.hoax),
      });
      // A plain click on a message is not an opener: only the right-click is.
      expect(actionOf(client.adapter, text)).toBeNull();
      expect(actionOf(client.adapter, client.beside(page, IDS.channel))).toMatchObject({
        step: 'opens',
        content: 'post',
      });
      forwardFromMenu(client, page, IDS.hoax, language);
      expect(actionOf(client.adapter, client.commit(page))).toMatchObject({
        kind: 'forward',
        step: 'shares',
        content: 'opened-post',
      });
    });

    it('takes the selection bar’s forward as the opener of the ticked messages', () => {
      page = loadFixture(client.site, language);
      selectMessages(client, page, [IDS.hoax, IDS.plain], language);
      expect(actionOf(client.adapter, client.selectionForward(page))).toMatchObject({
        kind: 'forward',
        step: 'opens',
        content: 'selected-posts',
      });
      // Ticking is a plain click on a message: no action.
      expect(actionOf(client.adapter, client.text(page, IDS.withLink))).toBeNull();
    });

    it('extracts the hoax message’s own text, without sender, time or forwarded label', () => {
      page = loadFixture(client.site, language);
      const content = contentOf(client, page, IDS.hoax);
      expect(content.text).toContain(HOAX_TEXT);
      expect(content.text).not.toMatch(/Pak Darmo|Grup Info Gunung|07\.41|Diteruskan|Forwarded/);
      expect(content.urls).toEqual([]);
    });

    it('extracts a benign message, and a message’s external link', () => {
      page = loadFixture(client.site, language);
      expect(contentOf(client, page, IDS.plain)).toMatchObject({ urls: [] });
      expect(contentOf(client, page, IDS.plain).text).toContain('pisang goreng kipas');
      const withLink = contentOf(client, page, IDS.withLink);
      expect(withLink.text).toContain('BMKG memprakirakan puncak musim hujan');
      expect(withLink.urls.map(normalizeUrl)).toEqual([ARTICLE]);
    });

    it('finds a message added after load', () => {
      page = loadFixture(client.site, language);
      click($(page.document, '[data-fixture-action="new-message"]'));
      expect(actionOf(client.adapter, client.text(page, IDS.added), 'contextmenu')).toMatchObject({ step: 'opens' });
      expect(contentOf(client, page, IDS.added).text).toContain(ADDED_TEXT);
    });
  });

  describe('the guard', () => {
    let page: FixturePage;
    let disarm = () => {};
    afterEach(async () => {
      disarm();
      await page.close();
    });

    function arm(answer: () => Promise<CheckShareResponse>, outcome: Outcome, adapter = client.adapter) {
      page = loadFixture(client.site, 'id');
      const { transport, calls } = fakeTransport(answer);
      const prompt = fakePrompt(outcome);
      disarm = armGuard({
        adapter,
        document: page.document,
        transport,
        showPrompt: prompt.showPrompt,
        timeoutMs: 40,
        isTrusted: personInput,
      });
      return { calls, shown: prompt.shown };
    }

    it('checks the right-clicked message when the forward is committed; Cancel forwards nothing', async () => {
      const { calls, shown } = arm(async () => HOAX_ANSWER, 'cancel');
      forwardFromMenu(client, page, IDS.hoax);
      click(client.commit(page));
      await settle(10);
      expect(calls.checkShare).toHaveLength(1);
      expect(calls.checkShare[0]).toMatchObject({ site: client.site, kind: 'forward', urls: [] });
      expect(calls.checkShare[0]?.text).toContain(HOAX_TEXT);
      expect(shown[0]?.matches[0]?.id).toBe('tbh26-35352');
      expect(page.shares()).toEqual({ count: 0, log: [] });
    });

    it('forwards it once on Share anyway', async () => {
      arm(async () => HOAX_ANSWER, 'share');
      forwardFromMenu(client, page, IDS.hoax);
      click(client.commit(page));
      await settle(10);
      expect(page.shares().log).toEqual([client.logged(IDS.hoax)]);
    });

    it('lets a benign forward through at once', async () => {
      const { calls, shown } = arm(async () => ({ ask: false }), 'cancel');
      forwardFromMenu(client, page, IDS.plain);
      click(client.commit(page));
      await settle(10);
      expect(calls.checkShare[0]?.text).toContain('pisang goreng kipas');
      expect(shown).toHaveLength(0);
      expect(page.shares().log).toEqual([client.logged(IDS.plain)]);
    });

    it('checks the channel post whose forward button was used', async () => {
      const { calls } = arm(async () => ({ ask: false }), 'cancel');
      rightClick(client.text(page, IDS.hoax));
      click(client.beside(page, IDS.channel));
      client.pick(page);
      click(client.commit(page));
      await settle(10);
      expect(calls.checkShare[0]?.text).toContain('Posyandu balita');
      expect(page.shares().log).toEqual([client.logged(IDS.channel)]);
    });

    it('fails open when the message hook no longer matches: forwarded once, unprompted, health says why', async () => {
      const gone = [{ css: '.message-renamed', seen: '2026-11' }];
      const renamed: SiteAdapter = {
        ...client.adapter,
        post: gone,
        actions: client.adapter.actions.map((rule) =>
          rule.on === 'contextmenu' ? { ...rule, selectors: gone } : rule,
        ),
      };
      const { calls, shown } = arm(async () => HOAX_ANSWER, 'cancel', renamed);
      forwardFromMenu(client, page, IDS.hoax);
      click(client.commit(page));
      await settle(10);
      expect(calls.checkShare).toHaveLength(0);
      expect(shown).toHaveLength(0);
      expect(page.shares().log).toEqual([client.logged(IDS.hoax)]);
      expect(calls.reportHealth).toContainEqual({ site: client.site, check: GUARD_CHECKS.openedPost, ok: false });
    });

    it('checks the ticked messages together, a hoax among benign ones, and forwards them once on Share anyway', async () => {
      const { calls, shown } = arm(async () => HOAX_ANSWER, 'share');
      selectMessages(client, page, [IDS.plain, IDS.hoax, IDS.withLink]);
      forwardSelection(client, page);
      await settle(10);
      expect(calls.checkShare).toHaveLength(1);
      const request = calls.checkShare[0];
      expect(request).toMatchObject({ site: client.site, kind: 'forward' });
      expect(request?.text).toContain('pisang goreng kipas');
      expect(request?.text).toContain(HOAX_TEXT);
      expect(request?.text).toContain('BMKG memprakirakan puncak musim hujan');
      expect(request?.text).not.toMatch(/Pak Darmo|Bu Sari|07\.41/);
      expect(request?.urls.map(normalizeUrl)).toEqual([ARTICLE]);
      expect(shown).toHaveLength(1);
      expect(shown[0]?.matches[0]?.id).toBe('tbh26-35352');
      expect(page.shares().log).toEqual([client.logged(`${IDS.hoax},${IDS.plain},${IDS.withLink}`)]);
    });

    it('forwards no ticked message when the person cancels', async () => {
      const { shown } = arm(async () => HOAX_ANSWER, 'cancel');
      selectMessages(client, page, [IDS.hoax, IDS.plain]);
      forwardSelection(client, page);
      await settle(10);
      expect(shown).toHaveLength(1);
      expect(page.shares().count).toBe(0);
    });

    it('lets benign ticked messages through unprompted, checked together', async () => {
      const { calls, shown } = arm(async () => ({ ask: false }), 'cancel');
      selectMessages(client, page, [IDS.plain, IDS.withLink]);
      forwardSelection(client, page);
      await settle(10);
      expect(calls.checkShare).toHaveLength(1);
      expect(calls.checkShare[0]?.text).toContain('pisang goreng kipas');
      expect(calls.checkShare[0]?.text).toContain('BMKG memprakirakan');
      expect(shown).toHaveLength(0);
      expect(page.shares().log).toEqual([client.logged(`${IDS.plain},${IDS.withLink}`)]);
    });

    it('fails open when the ticked messages cannot be found: forwarded once, unprompted, health says why', async () => {
      const { calls, shown } = arm(async () => HOAX_ANSWER, 'cancel');
      selectMessages(client, page, [IDS.hoax, IDS.plain]);
      client.renameSelectionMarks(page);
      forwardSelection(client, page);
      await settle(10);
      expect(calls.checkShare).toHaveLength(0);
      expect(shown).toHaveLength(0);
      expect(page.shares().log).toEqual([client.logged(`${IDS.hoax},${IDS.plain}`)]);
      expect(calls.reportHealth).toContainEqual({ site: client.site, check: GUARD_CHECKS.selectedPosts, ok: false });
    });

    it('checks a message added after load', async () => {
      const { calls, shown } = arm(async () => HOAX_ANSWER, 'cancel');
      click($(page.document, '[data-fixture-action="new-message"]'));
      forwardFromMenu(client, page, IDS.added);
      click(client.commit(page));
      await settle(10);
      expect(calls.checkShare[0]?.text).toContain(ADDED_TEXT);
      expect(shown).toHaveLength(1);
      expect(page.shares().count).toBe(0);
    });
  });
});

describe.each(FIXTURE_LANGUAGES)('telegram-k menu on the %s UI', (language: FixtureLanguage) => {
  let page: FixturePage;
  afterEach(() => page.close());

  it('finds "Forward" among the message menu’s items by its label, the icon glyph aside', () => {
    page = loadFixture('telegram-k', language);
    rightClick(K.text(page, IDS.hoax));
    const forward = K.menuItem(page, LABELS[language].forward);
    expect(actionOf(TELEGRAM_K_SITE, forward)).toMatchObject({
      step: 'opens',
      content: 'opened-post',
      element: forward.parentElement,
    });
    expect(actionOf(TELEGRAM_K_SITE, K.menuItem(page, LABELS[language].reply))).toBeNull();
    // The same words in a menu that is not the message's are no forward.
    $(page.document, '#bubble-contextmenu').id = 'chatlist-contextmenu';
    expect(actionOf(TELEGRAM_K_SITE, forward)).toBeNull();
  });
});

describe('telegram-k: a link preview of a Telegram link', () => {
  it('keeps the preview’s title though the link is Telegram’s own', async () => {
    const page = loadFixture('telegram-k', 'id');
    // The message links a channel post, as t.me links are written: absolute, on Telegram's own host.
    for (const link of K.message(page, IDS.withLink).querySelectorAll('a[href]'))
      link.setAttribute('href', 'https://t.me/infobmkg/2041');
    const content = contentOf(K, page, IDS.withLink);
    expect(content.urls).toEqual([]);
    expect(content.linkTitle).toBe('BMKG: Puncak Musim Hujan 2026/2027 Diprakirakan Januari–Februari');
    await page.close();
  });
});

describe('telegram-k: the picker’s own send button', () => {
  it('is the share too (it forwards to the selected chats at once)', async () => {
    const page = loadFixture('telegram-k', 'id');
    const { transport, calls } = fakeTransport(async () => HOAX_ANSWER);
    const prompt = fakePrompt('share');
    const { showPrompt } = prompt;
    const disarm = armGuard({
      adapter: TELEGRAM_K_SITE,
      document: page.document,
      transport,
      showPrompt,
      timeoutMs: 40,
      isTrusted: personInput,
    });
    try {
      forwardFromMenu(K, page, IDS.hoax);
      click($(page.document, '.popup-forward .simple-message-input-confirm'));
      await settle(10);
      expect(calls.checkShare[0]?.text).toContain(HOAX_TEXT);
      expect(prompt.shown).toHaveLength(1);
      expect(page.shares().log).toEqual([K.logged(IDS.hoax)]);
    } finally {
      disarm();
      await page.close();
    }
  });
});

describe('telegram-k: the composer’s send is not a forward', () => {
  it('even with a reply or forward attached, it is no share action', () => {
    const page = loadFixture('telegram-k', 'id');
    try {
      page.document.querySelector('.chat.active')?.classList.add('is-helper-active');
      expect(actionOf(TELEGRAM_K_SITE, $(page.document, '.chat-input .btn-send'))).toBeNull();
    } finally {
      void page.close();
    }
  });
});

describe.each(FIXTURE_LANGUAGES)('telegram-a labels on the %s UI', (language: FixtureLanguage) => {
  let page: FixturePage;
  afterEach(() => page.close());

  it('finds "Forward" in the message menu and "Send" in a forwarding composer when icons are renamed', () => {
    page = loadFixture('telegram-a', language);
    rightClick(A.text(page, IDS.hoax));
    const item = A.menuItem(page, LABELS[language].forward);
    $(item, '.icon-forward').className = 'icon icon-forward-v2';
    expect(actionOf(TELEGRAM_A_SITE, item)).toMatchObject({ step: 'opens', content: 'opened-post' });
    expect(actionOf(TELEGRAM_A_SITE, A.menuItem(page, LABELS[language].reply))).toBeNull();
    click(item);
    A.pick(page);
    const send = A.commit(page);
    send.classList.replace('send', 'send-v2');
    expect(actionOf(TELEGRAM_A_SITE, send)).toMatchObject({ kind: 'forward', step: 'shares' });
  });

  it('leaves a send without a forward attached, and a reply’s quote, alone', () => {
    page = loadFixture('telegram-a', language);
    expect(actionOf(TELEGRAM_A_SITE, A.commit(page))).toBeNull();
    const reply = contentOf(A, page, '106');
    expect(reply.text).toContain('sudah dibantah PVMBG');
    expect(reply.text).not.toContain('Gunung');
  });
});

describe('telegram-a: Enter in the composer with a forward attached', () => {
  let page: FixturePage;
  let disarm = () => {};
  afterEach(async () => {
    disarm();
    await page.close();
  });

  function arm(answer: () => Promise<CheckShareResponse>, outcome: Outcome) {
    page = loadFixture('telegram-a', 'en');
    const { transport, calls } = fakeTransport(answer);
    const prompt = fakePrompt(outcome);
    disarm = armGuard({
      adapter: TELEGRAM_A_SITE,
      document: page.document,
      transport,
      showPrompt: prompt.showPrompt,
      timeoutMs: 40,
      isTrusted: personInput,
    });
    return { calls, shown: prompt.shown };
  }
  const editor = () => $(page.document, '#editable-message-text');

  it('is held like the send button and checks the right-clicked message, not the empty box; Cancel sends nothing', async () => {
    const { calls, shown } = arm(async () => HOAX_ANSWER, 'cancel');
    forwardFromMenu(A, page, IDS.hoax, 'en');
    expect(pressKey(editor(), 'Enter').defaultPrevented).toBe(true);
    expect(pressKey(editor(), 'Enter', 'keyup').defaultPrevented).toBe(true);
    await settle(10);
    expect(calls.checkShare).toHaveLength(1);
    expect(calls.checkShare[0]).toMatchObject({ site: 'telegram-a', kind: 'forward' });
    expect(calls.checkShare[0]?.text).toContain(HOAX_TEXT);
    expect(shown[0]?.matches[0]?.id).toBe('tbh26-35352');
    expect(page.shares()).toEqual({ count: 0, log: [] });
  });

  it('forwards once on Share anyway, also with text typed beside the forward', async () => {
    const { calls } = arm(async () => HOAX_ANSWER, 'share');
    forwardFromMenu(A, page, IDS.hoax, 'en');
    editor().textContent = 'cek ini';
    pressKey(editor(), 'Enter');
    await settle(10);
    expect(calls.checkShare[0]?.text).toContain(HOAX_TEXT);
    expect(page.shares().log).toEqual([A.logged(IDS.hoax)]);
  });

  it.each([
    ['Ctrl', { ctrlKey: true }],
    ['⌘', { metaKey: true }],
  ] as const)(
    'holds %s+Enter with a forward attached too, checks it and forwards once on Share anyway',
    async (_, modifier) => {
      const { calls, shown } = arm(async () => HOAX_ANSWER, 'share');
      forwardFromMenu(A, page, IDS.hoax, 'en');
      expect(pressKey(editor(), 'Enter', 'keydown', modifier).defaultPrevented).toBe(true);
      expect(page.shares().count).toBe(0);
      expect(pressKey(editor(), 'Enter', 'keyup', modifier).defaultPrevented).toBe(true);
      await settle(10);
      expect(calls.checkShare).toEqual([expect.objectContaining({ site: 'telegram-a', kind: 'forward' })]);
      expect(calls.checkShare[0]?.text).toContain(HOAX_TEXT);
      expect(shown).toHaveLength(1);
      expect(page.shares().log).toEqual([A.logged(IDS.hoax)]);
    },
  );

  it('lets Enter without a forward, and Shift+Enter with one, through unchecked', async () => {
    const { calls } = arm(async () => HOAX_ANSWER, 'cancel');
    editor().textContent = 'Gunung Lawu bakal erupsi besar';
    expect(pressKey(editor(), 'Enter').defaultPrevented).toBe(true); // by the site itself, which sends
    forwardFromMenu(A, page, IDS.hoax, 'en');
    pressKey(editor(), 'Enter', 'keydown', { shiftKey: true });
    await settle(10);
    expect(calls.checkShare).toHaveLength(0);
    expect(page.shares().count).toBe(0);
    // A plain message is nothing the adapter guards: no send control is missing.
    expect(calls.reportHealth).not.toContainEqual(
      expect.objectContaining({ check: GUARD_CHECKS.enterSend, ok: false }),
    );
  });
});

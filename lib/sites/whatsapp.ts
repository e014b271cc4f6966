import { SITE_MATCHES } from './matches';
import type { SiteAdapter } from './types';

/**
 * WhatsApp Web. Forwarding is the share that spreads hoaxes in Indonesia: the forward action on a
 * message (its hover shortcut, or "Teruskan" in the message's menu, which renders in a layer away
 * from the message) opens the forward dialog, whose send button is the real action. Sending from
 * the chat's own composer (its send button or Enter) is a share too when it carries a link or a
 * long or passed-on text: chain messages are pasted as often as they are forwarded. Messages ticked
 * in select mode ("Pilih pesan" / "Select messages") are forwarded together from the selection bar
 * that replaces the composer: its forward opens the same dialog, and all the ticked messages are
 * checked together.
 *
 * Evidence (public code read 2026-11, kept out of this repo; class names are hashed and churn, so
 * none are used beyond WhatsApp's long-lived semantic ones). Months are the newest date each source
 * carries; undated automation scripts count as 2025-06, ordered by which icon replaced which.
 * - A public "WhatsApp Web message reader" (comments dated Oct 2026): `#main` is the open chat,
 *   `[data-id]` one container per message, `[data-pre-plain-text]` "[time, date] Name: ",
 *   `span.selectable-text` the body, quoted replies `.quoted-mention`, forwarded labels
 *   `[data-icon="forwarded"]`, `[data-icon="forward-refreshed"]`, `[data-icon="frequently-forwarded"]`
 *   with text "Forwarded" / "Forwarded many times"; header and footer are not messages. A public
 *   chat-export script (undated) tells forwarded from frequently forwarded by
 *   `span[data-icon="frequently-forwarded"]` and the older `[data-testid="frequently-forwarded"]`.
 * - Automation scripts in public repositories (undated): the send icon is now
 *   `span[data-icon="wds-ic-send-filled"]` inside a button (`button:has(...)`), older
 *   `span[data-icon="send"]` (`footer button span[data-icon="send"]`); dialogs (media, forward) send
 *   from `[role="dialog"] [aria-label="Send"][role="button"]`; the composer
 *   `div[contenteditable="true"][role="textbox"]` / `[contenteditable][data-tab="10"]`.
 * - Forwarding scripts (undated): a message's hover forward button `[role="button"] >
 *   span[data-icon="forward-chat"]` opens the modal `[data-animate-modal-popup="true"]`
 *   (`[data-animate-modal-body="true"]`); the message menu opens from `span[data-icon="down-context"]`
 *   (en `[aria-label="Context menu"]`) and renders in `#app > div > span > div > ul > div > li`.
 * - SITES.md names LukasLen/Privacy-Extension-For-WhatsApp-Web (2025) for `.message-in` / `.message-out`,
 *   `span[data-icon="forward"]` and `li[data-testid="mi-forward"]`; its stored CSS (2024-25) uses only
 *   hashed classes (`._21Ahp` for a message), so those three stand on SITES.md alone.
 * - A public forwarding script (Selenium, undated; its hashed class names are of 2023): the
 *   message menu's Forward puts the chat in select mode, and the selection bar's forward is a
 *   `button` in `#main > span > div`, which opens the forward dialog. How a ticked message is
 *   marked is not in public code: the `selected` selectors (a checked ARIA checkbox in the message's
 *   row, or a checked input in the message) and the bar's `span[data-icon="forward"]` are unconfirmed;
 *   the "Teruskan" / "Forward" label inside the bar is the fallback for the button.
 * - Not found in public code: the Indonesian names "Teruskan" (the menu's forward item), "Kirim"
 *   (send) and "Diteruskan berkali-kali"; they are WhatsApp's Indonesian words as the issue gives
 *   them, unverified here.
 */

/** Layers the forward dialog renders in, outside `#main`. */
const DIALOGS = [
  { css: '[role="dialog"]', seen: '2025-06' },
  { css: '[data-animate-modal-popup="true"]', seen: '2025-06' },
] as const;

/** The bar that replaces the composer in select mode (unconfirmed beyond its place in #main). */
const SELECTION_BAR = [{ css: '#main > span', seen: '2023-06' }] as const;

/** The context menu a message's chevron opens, rendered in a layer away from the message. */
const MESSAGE_MENU = [{ css: '#app > div > span ul', seen: '2025-06' }] as const;

export const WHATSAPP_SITE: SiteAdapter = {
  id: 'whatsapp',
  name: 'WhatsApp Web',
  matches: SITE_MATCHES.whatsapp,
  // wa.me and chat.whatsapp.com links open chats and groups, not articles.
  ownHosts: ['whatsapp.com', 'whatsapp.net', 'wa.me'],
  post: [
    { css: '#main [data-id]', seen: '2026-10' },
    { css: '.message-in, .message-out', seen: '2025-06' },
  ],
  postText: [
    // The pre-plain-text block holds the message's own body, not the sender line or the time.
    { css: '[data-pre-plain-text] span.selectable-text', seen: '2026-10' },
    { css: 'span.selectable-text', seen: '2025-06' },
  ],
  // Unconfirmed (see above): the ticked row's checkbox, or a checked input in the message.
  selected: [
    { css: '#main [role="row"]:has([role="checkbox"][aria-checked="true"])', seen: '2023-06' },
    { css: '#main [data-id]:has(input[type="checkbox"]:checked)', seen: '2023-06' },
  ],
  // A reply's quoted message is someone else's words.
  exclude: [{ css: '.quoted-mention', seen: '2026-10' }],
  // A photo message shows its picture from a blob: URL (WhatsApp Web decrypts media in the page):
  // read through a canvas by the content script, never fetched. Unconfirmed against live markup.
  images: {
    selectors: [{ css: 'img[src^="blob:"]', seen: '2026-10' }],
    hosts: [],
  },
  composer: {
    container: [
      { css: '#main footer', seen: '2026-10' },
      { css: 'footer', seen: '2025-06' },
    ],
    text: [
      { css: '[contenteditable="true"][role="textbox"]', seen: '2025-06' },
      { css: 'div[contenteditable="true"][data-tab]', seen: '2025-06' },
    ],
    // Enter sends, Shift+Enter breaks the line; nothing read says Ctrl/⌘+Enter sends.
    sendKeys: ['Enter'],
  },
  // WhatsApp's own "forwarded many times" mark (five or more hops). The icon has churned: newer
  // builds show one forward icon for both marks, so the label is what tells them apart.
  forwardedMany: {
    selectors: [
      { css: 'span[data-icon="frequently-forwarded"]', seen: '2026-10' },
      { css: '[data-testid="frequently-forwarded"]', seen: '2025-06' },
    ],
    labels: { id: ['Diteruskan berkali-kali'], en: ['Forwarded many times'] },
  },
  actions: [
    {
      kind: 'forward',
      step: 'opens',
      selectors: [
        // The forward shortcut beside a message, and the chevron that opens the message's menu.
        { css: '#main [data-id] [role="button"]:has(span[data-icon="forward-chat"])', seen: '2025-06' },
        { css: '#main [data-id] span[data-icon="forward-chat"]', seen: '2025-06' },
        { css: '#main [data-id] [role="button"]:has(span[data-icon="down-context"])', seen: '2025-06' },
        { css: '#main [data-id] span[data-icon="down-context"]', seen: '2025-06' },
        { css: '#main [data-id] span[data-icon="forward"]', seen: '2025-06' },
      ],
      content: 'post',
    },
    {
      kind: 'forward',
      // The menu's "Forward" item leads to the dialog: it keeps the message the chevron remembered.
      step: 'opens',
      selectors: [{ css: 'li[data-testid="mi-forward"]', seen: '2023-06' }],
      labels: { id: ['Teruskan'], en: ['Forward'] },
      within: MESSAGE_MENU,
      content: 'opened-post',
    },
    {
      kind: 'forward',
      // The selection bar's forward opens the dialog for all the ticked messages.
      step: 'opens',
      selectors: [
        { css: '#main > span button:has(span[data-icon="forward"])', seen: '2023-06' },
        { css: '#main > span span[data-icon="forward"]', seen: '2023-06' },
      ],
      labels: { id: ['Teruskan'], en: ['Forward'] },
      within: SELECTION_BAR,
      content: 'selected-posts',
    },
    {
      kind: 'forward',
      step: 'shares',
      // Before the composer's rule: both use the same send icon, told apart by where they are.
      selectors: [
        { css: '[role="dialog"] [role="button"]:has(span[data-icon="wds-ic-send-filled"])', seen: '2025-06' },
        { css: '[role="dialog"] span[data-icon="wds-ic-send-filled"]', seen: '2025-06' },
        { css: '[data-animate-modal-popup="true"] [role="button"]:has(span[data-icon="send"])', seen: '2025-06' },
        { css: '[data-animate-modal-popup="true"] span[data-icon="send"]', seen: '2025-06' },
      ],
      labels: { id: ['Kirim'], en: ['Send'] },
      within: DIALOGS,
      content: 'opened-post',
    },
    {
      kind: 'send',
      step: 'shares',
      selectors: [
        { css: '#main footer button:has(span[data-icon="wds-ic-send-filled"])', seen: '2025-06' },
        { css: '#main footer span[data-icon="wds-ic-send-filled"]', seen: '2025-06' },
        { css: '#main footer button:has(span[data-icon="send"])', seen: '2025-06' },
        { css: '#main footer span[data-icon="send"]', seen: '2025-06' },
      ],
      labels: { id: ['Kirim'], en: ['Send'] },
      within: [{ css: '#main footer', seen: '2025-06' }],
      content: 'composer',
      // Chain messages travel as pasted text: a long one, or one that says it was passed on, is checked too.
      onlyWhen: 'link-or-long-text',
    },
  ],
  // Site health: only with a chat open (#main); the chat list alone has no messages to guard.
  expects: [
    {
      name: 'messages in the open chat',
      when: 'page',
      onlyIf: [{ css: '#main', seen: '2026-10' }],
      anchors: [{ css: '#main [data-id]', seen: '2026-10' }],
    },
    {
      name: 'the message box in the open chat',
      when: 'page',
      onlyIf: [{ css: '#main', seen: '2026-10' }],
      anchors: [{ css: '#main footer [contenteditable="true"]', seen: '2025-06' }],
    },
    {
      name: 'the message menu or forward dialog',
      when: 'opened',
      anchors: [...MESSAGE_MENU, ...DIALOGS],
    },
  ],
};

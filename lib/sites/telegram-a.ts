import { SITE_MATCHES } from './matches';
import { FORWARD_LABELS, SEND_LABELS, TELEGRAM_OWN_HOSTS } from './telegram';
import type { SiteAdapter } from './types';

/**
 * Telegram Web A (web.telegram.org/a/). A forward starts from the message's right-click menu
 * ("Forward" / "Teruskan") or the forward button beside a channel post, and opens the recipient
 * picker (`.ChatOrUserPicker`). Picking a chat there acts on mousedown and only opens that chat
 * with the forward attached to its composer; the composer's send button then forwards, so that
 * send, while the composer shows a forward (its embedded message's `icon-forward`), is the share.
 * Picking "Saved Messages" forwards at once, to oneself: not a share, left alone.
 * Messages ticked with "Select" ("Pilih") are forwarded from the select toolbar's forward button
 * to the same picker: all the ticked messages are checked together.
 *
 * Evidence (Ajaxy/telegram-tt source, stored snapshots, undated: months count as 2025-06, as in the
 * other adapters; read 2026-11, kept out of this repo):
 * - middle/message/Message.tsx: each message `div.Message.message-list-item` with
 *   `data-message-id`, `onContextMenu` opening its menu; the text in `.text-content`, which also
 *   holds the time (`MessageMeta`) when it sits in the text; a channel post's forward button
 *   `.message-action-button` (aria-label lng_context_forward_msg, icon `share-filled`).
 * - middle/message/MessageContextMenu.tsx + ui/MenuItem.tsx: the menu `.MessageContextMenu`,
 *   items `div.MenuItem[role="menuitem"]` with `<i class="icon icon-forward">` and text "Forward".
 * - main/ForwardRecipientPicker.tsx, common/ChatOrUserPicker.tsx, ui/ListItem.tsx: the picker
 *   `.ChatOrUserPicker`, rows `.ListItem` whose `.ListItem-button` selects on mousedown;
 *   a picked chat gets the forward (`setForwardChatOrTopic`), oneself forwards at once.
 * - middle/composer/ComposerEmbeddedMessage.tsx: `.ComposerEmbeddedMessage .embedded-left-icon`
 *   shows `icon-forward` while forwarding (`icon-reply` / `icon-edit` otherwise);
 *   Composer.tsx: the main button `button.Button.send` (class = its state), aria-label "Send";
 *   MessageInput.tsx: the text field `#editable-message-text` (contenteditable, role textbox),
 *   whose Enter without Shift sends, the attached forward too, even with no text typed: in the
 *   default "enter" setting whatever else is held (Ctrl or ⌘ too), in the "ctrl-enter" one only
 *   with Ctrl or ⌘ held; Alt+Enter returns early (it schedules). So Ctrl/⌘+Enter always sends,
 *   plain Enter in the default setting.
 * - middle/MessageSelectToolbar.tsx: the toolbar `.MessageSelectToolbar` (`shown` while
 *   selecting), its actions `.MessageSelectToolbar-actions`, each a `div.div-button.item[role=button]`
 *   holding `<i class="icon icon-forward">` for Forward, named only by its `title` (no aria-label or
 *   text for a label fallback); Message.tsx marks a ticked message `is-selected`.
 * - A public test that models Web A's list: `.Message.message-list-item` with `id="message-<id>"`.
 * Not told apart: the "ctrl-enter" setting, where a plain Enter breaks the line; with a forward
 * attached it is still held and, on "Share anyway", released as the send it did not mean.
 * Not covered: the select toolbar's F key, which opens the picker for the selection without a click.
 */

/** The composer while it carries a forward, not a reply or an edit. */
const FORWARDING_COMPOSER = [
  { css: '.Composer:has(.ComposerEmbeddedMessage .embedded-left-icon .icon-forward)', seen: '2025-06' },
] as const;
const MESSAGE_MENU = [{ css: '.MessageContextMenu', seen: '2025-06' }] as const;

export const TELEGRAM_A_SITE: SiteAdapter = {
  id: 'telegram-a',
  name: 'Telegram Web A',
  matches: SITE_MATCHES['telegram-a'],
  ownHosts: TELEGRAM_OWN_HOSTS,
  post: [
    { css: '.Message[data-message-id]', seen: '2025-06' },
    { css: '.message-list-item', seen: '2025-06' },
  ],
  postText: [{ css: '.text-content', seen: '2025-06' }],
  selected: [{ css: '.MessageList .Message.is-selected[data-message-id]', seen: '2025-06' }],
  // The time and read marks sit in the text's block; a reply's quote is someone else's words.
  exclude: [
    { css: '.MessageMeta', seen: '2025-06' },
    { css: '.EmbeddedMessage', seen: '2025-06' },
  ],
  // Its send keys send whatever the composer carries: with a forward attached, the forward rule's send.
  composer: {
    container: [{ css: '.Composer', seen: '2025-06' }],
    text: [
      { css: '#editable-message-text', seen: '2025-06' },
      { css: '[contenteditable="true"][role="textbox"]', seen: '2025-06' },
    ],
    // Ctrl/⌘+Enter sends in either send setting; Enter in the default one (see the header).
    sendKeys: ['Enter', 'Mod+Enter'],
  },
  actions: [
    {
      kind: 'forward',
      // The right-click that opens the message's menu.
      step: 'opens',
      on: 'contextmenu',
      selectors: [{ css: '.Message[data-message-id]', seen: '2025-06' }],
      content: 'post',
    },
    {
      kind: 'forward',
      step: 'opens',
      selectors: [{ css: '.Message .message-action-button:has(.icon-share-filled)', seen: '2025-06' }],
      labels: FORWARD_LABELS,
      within: [{ css: '.Message', seen: '2025-06' }],
      content: 'post',
    },
    {
      kind: 'forward',
      // The menu's "Forward" opens the picker; the right-click already remembered the message.
      step: 'opens',
      selectors: [{ css: '.MessageContextMenu .MenuItem:has(> .icon-forward)', seen: '2025-06' }],
      labels: FORWARD_LABELS,
      within: MESSAGE_MENU,
      content: 'opened-post',
    },
    {
      kind: 'forward',
      // The select toolbar's Forward opens the picker for all the ticked messages. Named by its
      // title only, it has no label to fall back on.
      step: 'opens',
      selectors: [{ css: '.MessageSelectToolbar [role="button"]:has(> .icon-forward)', seen: '2025-06' }],
      content: 'selected-posts',
    },
    {
      kind: 'forward',
      step: 'shares',
      selectors: FORWARDING_COMPOSER.map(({ css, seen }) => ({ css: `${css} button.send`, seen })),
      labels: SEND_LABELS,
      within: FORWARDING_COMPOSER,
      content: 'opened-post',
    },
  ],
  expects: [
    {
      name: 'messages in the open chat',
      when: 'page',
      onlyIf: [{ css: '.MessageList', seen: '2025-06' }],
      anchors: [{ css: '.MessageList .Message[data-message-id]', seen: '2025-06' }],
    },
    {
      name: 'the message menu or recipient picker',
      when: 'opened',
      anchors: [...MESSAGE_MENU, { css: '.ChatOrUserPicker', seen: '2025-06' }],
    },
  ],
};

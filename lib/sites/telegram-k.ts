import { SITE_MATCHES } from './matches';
import { FORWARD_LABELS, SEND_LABELS, TELEGRAM_OWN_HOSTS } from './telegram';
import type { SiteAdapter } from './types';

/**
 * Telegram Web K (web.telegram.org/k/). A forward starts from the message's right-click menu
 * ("Forward" / "Teruskan"), or from the forward button beside a channel post, and opens the
 * forward picker (`.popup-forward`). Picking one chat there is the share: Web K then opens that
 * chat with the forward attached and only waits for the send press, and when several chats are
 * selected the picker's own send button (`.simple-message-input-confirm`) forwards at once.
 * The composer's send is not used: in current Web K a pending forward and a pending reply differ
 * only by an icon-font glyph, so a send there cannot be told to be a forward.
 * Messages ticked with "Select" ("Pilih") are forwarded from the selection bar's forward button to
 * the same picker: all the ticked messages are checked together.
 *
 * Evidence (public material read 2026-11, kept out of this repo). Months: the newest date a source
 * carries; undated source snapshots count as 2025-06, as in the other adapters.
 * - A public DOM-contract audit of a Web K extension against tweb master of 2026-08-18 (dated
 *   2026-08-20), citing tweb source lines: `.bubble[data-mid][data-peer-id]` (bubbles.ts),
 *   `.message` and its `.time` (messageRender.ts), `#column-center .chats-container >
 *   .chat.tabs-tab.active`, `.btn-menu.contextmenu`, `.btn-menu-item` / `.btn-menu-item-text`
 *   with a `tgico` glyph icon, `.popup.popup-forward.active` (pickUser.tsx), `.btn-send`,
 *   `.reply-wrapper`, `.simple-message-input-confirm` (inputFieldMessage.tsx); select mode
 *   (chat/selection.ts): `.bubbles.is-selecting`, ticked bubbles `.bubble.is-selected` (an album's
 *   items `.grouped-item.is-selected`), their checkbox `.bubble-select-checkbox
 *   input.checkbox-field-input:checked`, the bar `.chat-input-plate.selection-container` with
 *   `.selection-container-forward` (disabled when the selection cannot be forwarded).
 * - A public Web K userscript (undated) and stored tweb snapshots (undated): the bar's
 *   `button.selection-container-forward` opens `PopupForward` with the selected message ids; older
 *   builds gave it the text "Forward" beside its icon.
 * - tweb source (stored snapshots, undated): chat/contextMenu.ts gives the message menu
 *   `id="bubble-contextmenu"`, opened on `contextmenu` over a bubble, item "Forward" with icon
 *   `forward`; popups/forward.tsx: one chat picked opens it with the forward attached
 *   (`initMessagesForward`), the footer button sends to the selected chats at once;
 *   appSelectPeers.ts: the picker's rows are found by `data-peer-id` on click;
 *   chat/bubbles/bubbleBesideButtons.tsx: `.bubble-beside-button.forward` beside channel posts;
 *   components/translatableMessage: the text's `span.translatable-message` inside `.message`.
 * - Public scrapers (undated): `div.message.spoilers-container` holds the text, `.webpage-title`
 *   a link preview's title, `.time` the time.
 * Not covered: Enter in the picker's comment field.
 */

/** The forward picker, a popup outside the chat. */
const PICKER = [{ css: '.popup-forward', seen: '2026-08' }] as const;

export const TELEGRAM_K_SITE: SiteAdapter = {
  id: 'telegram-k',
  name: 'Telegram Web K',
  matches: SITE_MATCHES['telegram-k'],
  ownHosts: TELEGRAM_OWN_HOSTS,
  post: [{ css: '.bubble[data-mid]', seen: '2026-08' }],
  postText: [{ css: '.message', seen: '2026-08' }],
  linkTitle: [{ css: '.webpage-title', seen: '2025-06' }],
  // Ticked in select mode; an album's item is ticked inside its bubble.
  selected: [
    {
      css: '.bubbles.is-selecting .bubble.is-selected[data-mid], .bubbles.is-selecting .grouped-item.is-selected',
      seen: '2026-08',
    },
    { css: '.bubble-select-checkbox input.checkbox-field-input:checked', seen: '2026-08' },
  ],
  // The time sits inside the text's block; a reply's quote is someone else's words.
  exclude: [
    { css: '.time', seen: '2026-08' },
    { css: '.reply', seen: '2025-06' },
  ],
  actions: [
    {
      kind: 'forward',
      // The right-click that opens the message's menu ("Forward" is one of its items).
      step: 'opens',
      on: 'contextmenu',
      selectors: [{ css: '.bubble[data-mid]', seen: '2026-08' }],
      content: 'post',
    },
    {
      kind: 'forward',
      step: 'opens',
      selectors: [{ css: '.bubble[data-mid] .bubble-beside-button.forward', seen: '2025-06' }],
      content: 'post',
    },
    {
      kind: 'forward',
      // The menu's "Forward" opens the picker; the right-click already remembered the message. The
      // items are plain divs whose icon is a font glyph: only the label tells which is Forward.
      step: 'opens',
      selectors: [],
      labels: FORWARD_LABELS,
      labelled: [{ css: '.btn-menu-item', seen: '2026-08' }],
      within: [{ css: '#bubble-contextmenu', seen: '2025-06' }],
      content: 'opened-post',
    },
    {
      kind: 'forward',
      // The selection bar's forward opens the picker for all the ticked messages.
      step: 'opens',
      selectors: [{ css: '.selection-container .selection-container-forward', seen: '2026-08' }],
      labels: FORWARD_LABELS,
      within: [{ css: '.selection-container', seen: '2026-08' }],
      content: 'selected-posts',
    },
    {
      kind: 'forward',
      step: 'shares',
      selectors: [
        { css: '.popup-forward .simple-message-input-confirm', seen: '2026-08' },
        { css: '.popup-forward [data-peer-id]', seen: '2026-08' },
      ],
      labels: SEND_LABELS,
      within: PICKER,
      content: 'opened-post',
    },
  ],
  expects: [
    {
      name: 'messages in the open chat',
      when: 'page',
      onlyIf: [{ css: '.chats-container > .chat.active', seen: '2026-08' }],
      anchors: [{ css: '.chat.active .bubble[data-mid]', seen: '2026-08' }],
    },
    {
      name: 'the message menu or forward picker',
      when: 'opened',
      anchors: [{ css: '#bubble-contextmenu', seen: '2025-06' }, ...PICKER],
    },
  ],
};

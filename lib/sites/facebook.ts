import { SITE_MATCHES } from './matches';
import type { SiteAdapter } from './types';

/**
 * Facebook. The post's Share button opens a share sheet (a dialog or menu in a layer outside
 * the feed) whose items are the real actions. Posts carry `data-ad-rendering-role` hooks, read
 * from drmikecrowe/mbfcext (2026); the sheet's items have no hooks, so they are found by label.
 *
 * Evidence (checked against real markup, kept out of this repo):
 * - drmikecrowe/mbfcext .planning/examples/forward-post.html (a captured feed story, committed
 *   2026-03-09): no role="article" on the story; profile_name, story_message (twice on a shared post:
 *   the sharer's words and the original), title/meta/description on the link card; the like/comment/
 *   share hooks are EMPTY `div`s beside the icon inside `div[role="button"][aria-label="Send this to
 *   friends or post it on your profile."]`, the label ("Share") a sibling: a click on the label or the
 *   icon never passes through the hook, so the role=button `:has()` selector is the one that works.
 * - Automation scripts in public repositories (2025-26): the sheet's button is
 *   `div[role="button"][aria-label="Share now"]`; Indonesian UIs "Bagikan sekarang" (aria-label) and
 *   "Bagikan sekarang (Teman)" / "(Publik)" (text); the Share button's Indonesian aria-label
 *   "Kirim ini ke teman atau posting di profil Anda."; comments `[role="article"][aria-label^="Comment by "]`
 *   / "Komentar oleh …", replies "Reply by …".
 * - Photos (automation scripts in public repositories, 2025-26): a feed story's photo is an `img`
 *   inside its link to the photo page (`a[href*="photo"] img`), served from scontent-*.fbcdn.net;
 *   the photo viewer's is `img[data-visualcompletion="media-vc-image"]`. Avatars are `svg image`.
 * - No capture of the current share sheet's other items was found: "Kirim di Messenger",
 *   "Bagikan ke grup" and their English names are unverified.
 */

/** The layers the share sheet renders in. */
const SHARE_SHEET = [
  { css: '[role="dialog"]', seen: '2026-06' },
  { css: '[role="menu"]', seen: '2024-03' },
] as const;

export const FACEBOOK_SITE: SiteAdapter = {
  id: 'facebook',
  name: 'Facebook',
  // web.facebook.com is what many people in Indonesia land on.
  matches: SITE_MATCHES.facebook,
  ownHosts: ['facebook.com', 'fb.com', 'fb.me', 'fb.watch', 'messenger.com'],
  post: [
    // The nearest block that also holds the author: the story, without the feed around it. On a shared
    // post it holds both authors and both messages (checked on the mbfcext capture, 2026-03).
    { css: 'div:has([data-ad-rendering-role="profile_name"])', seen: '2026-06' },
    { css: 'div[role="article"]', seen: '2023-11' },
  ],
  postText: [
    { css: '[data-ad-rendering-role="story_message"]', seen: '2026-06' },
    { css: '[data-ad-preview="message"]', seen: '2025-02' },
    { css: '[data-ad-comet-preview="message"]', seen: '2025-02' },
  ],
  // Checked on the mbfcext capture (2026-03): a span inside the link card's anchor.
  linkTitle: [{ css: '[data-ad-rendering-role="title"]', seen: '2026-06' }],
  images: {
    selectors: [
      { css: 'a[href*="/photo"] img', seen: '2026-03' },
      { css: 'img[data-visualcompletion="media-vc-image"]', seen: '2026-07' },
    ],
    hosts: ['fbcdn.net'],
  },
  exclude: [
    // Comments (and replies) are nested articles; their text and links are not the post's.
    { css: '[role="article"]', seen: '2026-06' },
    // The comment box under the post.
    { css: 'form', seen: '2026-06' },
    // "See more" / "Lihat selengkapnya" inside the message.
    { css: '[data-ad-rendering-role="story_message"] [role="button"]', seen: '2026-06' },
  ],
  actions: [
    {
      kind: 'share',
      step: 'opens',
      selectors: [
        // The hook is an empty div beside the icon (mbfcext capture, 2026-03): match its button.
        { css: '[role="button"]:has([data-ad-rendering-role="share_button"])', seen: '2026-03' },
        // Only a click on the hook itself (or an engine without :has()).
        { css: '[data-ad-rendering-role="share_button"]', seen: '2026-03' },
      ],
      labels: {
        id: ['Kirim ini ke teman atau posting di profil Anda.'],
        en: ['Send this to friends or post it on your profile.'],
      },
      content: 'post',
    },
    {
      kind: 'share',
      step: 'shares',
      selectors: [],
      labels: {
        id: ['Bagikan sekarang', 'Bagikan ke grup', 'Bagikan ke cerita Anda'],
        en: ['Share now', 'Share to a group', 'Share to your story'],
      },
      within: SHARE_SHEET,
      content: 'opened-post',
    },
    {
      kind: 'send',
      step: 'shares',
      selectors: [],
      labels: { id: ['Kirim di Messenger', 'Kirim dengan Messenger'], en: ['Send in Messenger'] },
      within: SHARE_SHEET,
      content: 'opened-post',
    },
  ],
  // Site health: the story hooks the post rule relies on, and the share sheet's items.
  expects: [
    {
      name: 'posts on the news feed',
      when: 'page',
      paths: ['^/$'],
      anchors: [{ css: '[data-ad-rendering-role="profile_name"]', seen: '2026-06' }],
    },
    {
      name: 'share buttons on the news feed',
      when: 'page',
      paths: ['^/$'],
      anchors: [{ css: '[data-ad-rendering-role="share_button"]', seen: '2026-03' }],
    },
    {
      name: 'share items in the share sheet',
      when: 'opened',
      anchors: [
        { css: '[role="dialog"] [role="button"]', seen: '2026-06' },
        { css: '[role="menu"] [role="menuitem"]', seen: '2024-03' },
      ],
    },
  ],
};

import { SITE_MATCHES } from './matches';
import type { SiteAdapter } from './types';

/**
 * Instagram on the web. A post's share (paper-plane) button opens the share dialog away from the
 * post: picking people and pressing "Send" / "Kirim" sends the post in a direct message, and the
 * dialog's "Copy link" and per-network targets spread it too. What they spread is the post's caption.
 *
 * Evidence (public code read 2026-11, kept out of this repo). Months are the newest date each source
 * carries; undated scripts count as 2025-06. Instagram's class names are generated (`_ap3a`, `x193iq5w`)
 * and churn; its icons' aria-labels are its most stable names, and they are localised.
 * - Feed hiders and automation (2025-26): posts are `article`; the share button is
 *   `[role="button"]:has(> svg[aria-label="Share"])` (older "Share Post", also "Send Post" in the
 *   action `section`); a Portuguese-UI script confirms the label is localised ("Compartilhar").
 * - A test automation page object (undated): after the share button, the dialog has a search field
 *   (placeholder "Search") to pick people, then a "Send" button; puppeteer helpers click buttons by
 *   text inside `div[role="dialog"]`.
 * - Scrapers (2024-25): the caption is `h1._ap3a._aaco._aacu._aacx._aad7._aade` on a post page and a
 *   `span` with the same classes in the feed, where the feed shows no comments but a link to them;
 *   older layouts `div._a9zs`.
 * - Unconfirmed: the Indonesian "Bagikan" (share icon), "Kirim" (send) and "Salin tautan" (copy link)
 *   are Instagram's Indonesian words as the issue and SITES.md give them; no public code names them.
 */

/** The share dialog: the one dialog with a search field to pick people (a post's own dialog has none). */
const SHARE_DIALOG = [{ css: '[role="dialog"]:has(input[placeholder])', seen: '2025-06' }] as const;

export const INSTAGRAM_SITE: SiteAdapter = {
  id: 'instagram',
  name: 'Instagram',
  matches: SITE_MATCHES.instagram,
  // l.instagram.com wraps outbound links (unwrapped by the matcher); the rest is Instagram's own.
  ownHosts: ['instagram.com', 'instagr.am'],
  post: [{ css: 'article', seen: '2026-03' }],
  postText: [
    { css: 'h1._ap3a', seen: '2025-06' },
    // In the feed: the regular-weight span (the author's name is the bold `_aacw` one).
    { css: 'span._ap3a._aaco._aacu._aacx._aad7._aade', seen: '2025-06' },
    { css: 'div._a9zs', seen: '2024-06' },
  ],
  actions: [
    {
      kind: 'share',
      step: 'opens',
      selectors: [
        { css: '[role="button"]:has(> svg[aria-label="Share"])', seen: '2026-03' },
        { css: '[role="button"]:has(> svg[aria-label="Bagikan"])', seen: '2026-03' },
        { css: '[role="button"]:has(> svg[aria-label="Share Post"])', seen: '2025-06' },
        { css: 'svg[aria-label="Share"], svg[aria-label="Bagikan"], svg[aria-label="Share Post"]', seen: '2025-06' },
      ],
      content: 'post',
    },
    {
      kind: 'send',
      step: 'shares',
      selectors: [],
      labels: { id: ['Kirim'], en: ['Send'] },
      within: SHARE_DIALOG,
      content: 'opened-post',
    },
    {
      kind: 'share',
      step: 'shares',
      selectors: [],
      labels: {
        id: ['Salin tautan', 'WhatsApp', 'Facebook', 'Messenger', 'Threads', 'X'],
        en: ['Copy link', 'WhatsApp', 'Facebook', 'Messenger', 'Threads', 'X'],
      },
      within: SHARE_DIALOG,
      content: 'opened-post',
    },
  ],
  // Site health: the home feed shows posts; the share button opens the share dialog.
  expects: [
    { name: 'posts on the home feed', when: 'page', paths: ['^/$'], anchors: [{ css: 'article', seen: '2026-03' }] },
    { name: 'the share dialog', when: 'opened', anchors: SHARE_DIALOG },
  ],
};

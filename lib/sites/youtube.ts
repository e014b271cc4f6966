import { SITE_MATCHES } from './matches';
import type { SiteAdapter } from './types';

/**
 * YouTube's watch page. The share button under the video opens the share panel in a popup layer
 * away from the video (`ytd-popup-container`); the panel's per-network targets (WhatsApp,
 * Facebook, X, email…) and its "Copy" / "Salin" button are the real shares. What they spread is
 * the video: its title and description. The panel's `input#share-url` holds only the video's own
 * youtu.be link, which is never an article to read, so it is not read.
 *
 * Evidence (public code read 2026-11, kept out of this repo). Months are the newest date each
 * source carries; undated userscripts count as 2025-06.
 * - Share-link tracker removers (userscripts, undated): the panel is
 *   `ytd-unified-share-panel-renderer`; the link `yt-copy-link-renderer input#share-url`, its copy
 *   button `yt-copy-link-renderer #copy-button` (`#copy-button button`).
 * - Share-target injectors (userscripts, undated): targets are `yt-share-target-renderer[role="button"]`
 *   with `button#target` and a `#title`, inside `yt-third-party-share-target-section-renderer`
 *   (`#contents[role="toolbar"]`); the panel sits in `ytd-popup-container` / `tp-yt-paper-dialog`.
 * - End-to-end tests of a YouTube client (undated): the share sheet's targets are
 *   `yt-share-target-renderer` elements under the label "Select an application to share with".
 * - Page readers (several, 2025-26): the video's metadata is `ytd-watch-metadata`, its title
 *   `ytd-watch-metadata #title h1 yt-formatted-string`, the description
 *   `#description-inline-expander` (full text in `#expanded`, the collapsed preview in `#snippet` /
 *   `#attributed-snippet-text`), older layouts `h1.title` and `#description`; the share button sits
 *   in `ytd-watch-metadata #top-level-buttons-computed`.
 * - SITES.md: `#info [aria-label="Share"]` (the pre-2023 `ytd-video-primary-info-renderer #info`).
 * - Unconfirmed here: the Indonesian names "Bagikan" (share button) and "Salin" (copy) are YouTube's
 *   Indonesian words as the issue gives them; no public code names them. The share button has no
 *   locale-free hook (its neighbours are the same `yt-button-view-model`), so Indonesian UI relies
 *   on the label table.
 * - Not handled: description links are wrapped in `youtube.com/redirect?q=<article>`; lib/match
 *   does not unwrap that redirector yet, so such a link is read as YouTube's own and not checked.
 */

/** The share panel, rendered in YouTube's popup layer away from the video. */
const SHARE_PANEL = [
  { css: 'ytd-unified-share-panel-renderer', seen: '2025-06' },
  { css: 'ytd-popup-container tp-yt-paper-dialog', seen: '2025-06' },
] as const;

export const YOUTUBE_SITE: SiteAdapter = {
  id: 'youtube',
  name: 'YouTube',
  matches: SITE_MATCHES.youtube,
  // Channels, hashtags, other videos and short links are YouTube's own.
  ownHosts: ['youtube.com', 'youtu.be', 'youtube-nocookie.com'],
  post: [
    { css: 'ytd-watch-metadata', seen: '2026-03' },
    // Layouts before ytd-watch-metadata split title and description; #below holds both (and the comments).
    { css: 'ytd-watch-flexy #below', seen: '2025-06' },
  ],
  postText: [
    // The description's full text, not its collapsed preview, which repeats its first lines.
    { css: '#title h1, #description-inline-expander #expanded', seen: '2026-03' },
    { css: '#title h1, #description-inline-expander', seen: '2026-03' },
    { css: 'h1.title, #description', seen: '2025-06' },
  ],
  // Comments are other people's words, and under the video on older layouts.
  exclude: [{ css: 'ytd-comments', seen: '2025-06' }],
  actions: [
    {
      kind: 'share',
      step: 'opens',
      selectors: [
        { css: 'ytd-watch-metadata button[aria-label="Share"]', seen: '2026-03' },
        { css: '#info [aria-label="Share"]', seen: '2023-06' },
      ],
      labels: { id: ['Bagikan'], en: ['Share'] },
      within: [
        { css: 'ytd-watch-metadata', seen: '2026-03' },
        { css: '#info', seen: '2023-06' },
      ],
      content: 'post',
    },
    {
      kind: 'share',
      step: 'shares',
      selectors: [
        // Each network's target opens that network's share page with the video; the first target,
        // Embed / Sematkan, hands out the video's embed code, which spreads it as much.
        { css: 'ytd-unified-share-panel-renderer yt-share-target-renderer button#target', seen: '2025-06' },
        { css: 'ytd-unified-share-panel-renderer yt-share-target-renderer[role="button"]', seen: '2025-06' },
        { css: 'ytd-unified-share-panel-renderer yt-copy-link-renderer #copy-button button', seen: '2025-06' },
        { css: 'ytd-unified-share-panel-renderer yt-copy-link-renderer #copy-button', seen: '2025-06' },
      ],
      labels: { id: ['Salin'], en: ['Copy'] },
      within: SHARE_PANEL,
      content: 'opened-post',
    },
  ],
  // Site health: only the watch page has a video to share; home and search pages do not.
  expects: [
    {
      name: "the video's title",
      when: 'page',
      paths: ['^/watch'],
      anchors: [
        { css: 'ytd-watch-metadata #title h1', seen: '2026-03' },
        { css: '#info h1.title', seen: '2023-06' },
      ],
    },
    { name: 'the share panel', when: 'opened', anchors: SHARE_PANEL },
  ],
};

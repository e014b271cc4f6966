import { SITE_MATCHES } from './matches';
import type { SiteAdapter } from './types';

/**
 * TikTok on the web. A video's share button opens the share menu in a modal away from the video;
 * its Repost item and its per-network targets and "Copy link" are the real shares, and what they
 * spread is the video's caption. Captions cannot carry clickable links on TikTok, so there is no
 * link to read; hashtags and mentions lead to TikTok's own pages.
 *
 * Evidence (public code read 2026-11, kept out of this repo). Months are the newest date each source
 * carries; undated scripts count as 2025-06. TikTok's `data-e2e` test hooks are its stable names;
 * class names are generated (`css-…-DivItemContainer`) and churn.
 * - A "TikTok selectors reference" of an automation project (Jan 2026): video page share button
 *   `[data-e2e="share-icon"]` ("open share modal"), description `[data-e2e="video-desc"]`.
 * - Engagement automation scripts (2026): on the For You feed the share button is
 *   `button[aria-label*="Share video"]` (also `[data-e2e="share-icon"]` inside it), and its menu's
 *   repost item `[data-e2e="share-repost"]`; feed items are
 *   `article[data-e2e="recommend-list-item-container"]` (several extensions, 2025-26), with the
 *   player wrapper `#xgwrapper-<index>-<video id>`.
 * - Repost cleaners (undated and 2025-26): in the browse (video viewer) mode the repost control is
 *   `[data-e2e="video-share-repost"]` (an `a`, later a `button`), whose aria-label tells a repost
 *   from "Remove repost"; `[data-e2e="browse-share-icon"]` is that mode's share button and
 *   `[data-e2e="browse-video-desc"]` its caption (readers and extensions, 2025-26).
 * - Video downloaders (undated): the share menu is `div.TUXModal > div[data-e2e="share-group"]`;
 *   the browse-mode container `div[class*="-DivBrowserModeContainer "]`.
 * - Unconfirmed: the share menu's network targets carry no hook found in public code, so they are
 *   matched by name inside `share-group` (network names are the same in both languages); the
 *   Indonesian "Salin tautan" (copy link) is TikTok's Indonesian word as we know it, not seen in code.
 * - Known gap: on a video already reposted the same control removes the repost; the guard checks
 *   that click too (it cannot tell the two apart without reading the localised aria-label).
 */

/** The share menu, rendered in a modal away from the video. */
const SHARE_MENU = [{ css: '[data-e2e="share-group"]', seen: '2025-06' }] as const;

export const TIKTOK_SITE: SiteAdapter = {
  id: 'tiktok',
  name: 'TikTok',
  matches: SITE_MATCHES.tiktok,
  // vt./vm. are TikTok's short links to its own videos.
  ownHosts: ['tiktok.com'],
  post: [
    { css: 'article[data-e2e="recommend-list-item-container"]', seen: '2026-03' },
    // The browse mode (a video opened from a profile or search) keeps caption and buttons in its side panel.
    { css: '[class*="DivBrowserModeContainer"]', seen: '2025-06' },
    { css: '[class*="DivItemContainer"]', seen: '2025-06' },
  ],
  postText: [
    { css: '[data-e2e="video-desc"]', seen: '2026-01' },
    { css: '[data-e2e="browse-video-desc"]', seen: '2026-03' },
  ],
  actions: [
    {
      kind: 'share',
      step: 'opens',
      selectors: [
        { css: 'button:has([data-e2e="share-icon"])', seen: '2026-01' },
        { css: '[data-e2e="share-icon"]', seen: '2026-01' },
        { css: 'button:has([data-e2e="browse-share-icon"])', seen: '2026-03' },
        { css: '[data-e2e="browse-share-icon"]', seen: '2026-03' },
      ],
      content: 'post',
    },
    {
      kind: 'repost',
      step: 'shares',
      selectors: [
        { css: '[data-e2e="share-repost"]', seen: '2026-01' },
        { css: '[data-e2e="video-share-repost"]', seen: '2026-03' },
      ],
      labels: { id: ['Posting ulang'], en: ['Repost'] },
      within: SHARE_MENU,
      content: 'opened-post',
    },
    {
      kind: 'share',
      step: 'shares',
      selectors: [],
      labels: {
        id: ['Salin tautan', 'WhatsApp', 'Facebook', 'X', 'Telegram', 'LINE'],
        en: ['Copy link', 'WhatsApp', 'Facebook', 'X', 'Telegram', 'LINE'],
      },
      within: SHARE_MENU,
      content: 'opened-post',
    },
  ],
  // Site health: the For You feed shows videos; the share button opens the share menu.
  expects: [
    {
      name: 'videos on the For You feed',
      when: 'page',
      paths: ['^/(foryou)?$'],
      anchors: [{ css: 'article[data-e2e="recommend-list-item-container"]', seen: '2026-03' }],
    },
    { name: 'the share menu', when: 'opened', anchors: SHARE_MENU },
  ],
};

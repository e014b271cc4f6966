import { SITE_MATCHES } from './matches';
import type { SiteAdapter } from './types';

/**
 * Threads on the web. A post's repost button opens a small menu away from the post, whose
 * "Repost" / "Posting ulang" spreads the post at once and whose "Quote" / "Kutip" starts a post
 * quoting it; both are shares of the post's text.
 *
 * Evidence (public code read 2026-11, kept out of this repo). Months are the newest date each source
 * carries; undated scripts count as 2025-06. Threads uses no `article` and hashed class names; the
 * pressable container and icon aria-labels are its stable names.
 * - Several extensions and scrapers (2025-26): a post is `div[data-pressable-container="true"]`
 *   ("Threads uses no <article> tags"); its text is in `[dir="auto"]` elements (`span[dir="auto"]`,
 *   `div[dir="auto"]`), the author `a[href^="/@"]`, the post link `a[href*="/post/"]`, `time[datetime]`.
 * - A Threads stats reader (undated): the action icons are `svg[aria-label="Repost"]`,
 *   `svg[aria-label="Share"]`, each followed by its count.
 * - SITES.md: Threads repost `svg[aria-label="Repost"]`.
 * - Unconfirmed: the repost menu's container and its items have no hook found in public code; they
 *   are matched by name inside a menu or dialog layer. The Indonesian "Posting ulang" and "Kutip"
 *   are Threads' Indonesian words as the issue gives them, not seen in code.
 */

/** Layers the repost menu may render in, away from the post (unconfirmed, see above). */
const MENU = [{ css: '[role="menu"], [role="dialog"]', seen: '2025-06' }] as const;

export const THREADS_SITE: SiteAdapter = {
  id: 'threads',
  name: 'Threads',
  matches: SITE_MATCHES.threads,
  // l.threads.net wraps outbound links (unwrapped by the matcher); the rest is Threads' own.
  ownHosts: ['threads.net', 'threads.com'],
  post: [{ css: 'div[data-pressable-container="true"]', seen: '2026-03' }],
  postText: [{ css: 'span[dir="auto"]', seen: '2026-03' }],
  // The author's name (and a mention's) is a profile link, not the post's words.
  exclude: [{ css: 'a[href^="/@"]', seen: '2026-03' }],
  actions: [
    {
      kind: 'repost',
      step: 'opens',
      selectors: [
        // Only inside a post: the menu's own items may carry the same icon.
        { css: 'div[data-pressable-container="true"] [role="button"]:has(svg[aria-label="Repost"])', seen: '2025-06' },
        {
          css: 'div[data-pressable-container="true"] [role="button"]:has(svg[aria-label="Posting ulang"])',
          seen: '2025-06',
        },
      ],
      content: 'post',
    },
    {
      kind: 'repost',
      step: 'shares',
      selectors: [],
      labels: { id: ['Posting ulang'], en: ['Repost'] },
      within: MENU,
      content: 'opened-post',
    },
    {
      kind: 'quote',
      step: 'shares',
      selectors: [],
      labels: { id: ['Kutip'], en: ['Quote'] },
      within: MENU,
      content: 'opened-post',
    },
  ],
  // Site health: the home feed shows posts; the repost button opens its menu.
  expects: [
    {
      name: 'posts on the home feed',
      when: 'page',
      paths: ['^/$'],
      anchors: [{ css: 'div[data-pressable-container="true"]', seen: '2026-03' }],
    },
    { name: 'the repost menu', when: 'opened', anchors: MENU },
  ],
};

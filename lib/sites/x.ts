import type { SiteAdapter } from './types';

/**
 * X (Twitter). Reposting is two steps: the repost button opens a dropdown rendered under
 * `#layers`, away from the post, whose "Repost" and "Quote" items are the real actions.
 * Test hooks read from insin/control-panel-for-twitter (2026-08) and public userscripts.
 */

/** Menus and sheets X renders in its layer root (desktop dropdown, mobile bottom sheet). */
const MENU_LAYERS = [
  { css: '#layers [data-testid="Dropdown"]', seen: '2026-08' },
  { css: '#layers [data-testid="sheetDialog"]', seen: '2026-08' },
  { css: '#layers [role="menu"]', seen: '2026-08' },
] as const;

export const X_SITE: SiteAdapter = {
  id: 'x',
  name: 'X (Twitter)',
  matches: ['https://x.com/*', 'https://mobile.x.com/*', 'https://twitter.com/*', 'https://mobile.twitter.com/*'],
  // t.co is not here on purpose: X wraps every outbound link in t.co, so t.co links lead to articles.
  ownHosts: ['x.com', 'twitter.com'],
  post: [
    { css: 'article[data-testid="tweet"]', seen: '2026-08' },
    { css: '[data-testid="cellInnerDiv"] article[role="article"]', seen: '2024-06' },
  ],
  postText: [
    { css: '[data-testid="tweetText"]', seen: '2026-08' },
    { css: 'div[lang][dir="auto"]', seen: '2023-05' },
  ],
  linkTitle: [
    // Small cards: domain, title, description as sibling blocks.
    { css: '[data-testid="card.wrapper"] [data-testid="card.layoutSmall.detail"] > div:nth-child(2)', seen: '2026-08' },
    // Large cards: the headline is only in the link's accessible name ("domain.com Title").
    { css: '[data-testid="card.wrapper"] [data-testid="card.layoutLarge.media"] a[aria-label]', seen: '2026-08' },
  ],
  composer: {
    // The nearest block holding the editor: the inline composer on Home, or the compose dialog.
    container: [{ css: 'div:has([data-testid^="tweetTextarea_"])', seen: '2026-08' }],
    text: [
      { css: '[data-testid^="tweetTextarea_"][role="textbox"]', seen: '2026-08' },
      { css: '[data-testid^="tweetTextarea_"]:not([data-testid$="_label"])', seen: '2026-08' },
    ],
  },
  actions: [
    {
      kind: 'repost',
      step: 'opens',
      selectors: [{ css: '[data-testid="retweet"]', seen: '2026-08' }],
      content: 'post',
    },
    {
      kind: 'repost',
      step: 'shares',
      selectors: [
        { css: '[data-testid="retweetConfirm"]', seen: '2026-08' },
        { css: '[data-testid="repostConfirm"]', seen: '2026-08' },
      ],
      labels: { id: ['Posting ulang'], en: ['Repost', 'Retweet'] },
      within: MENU_LAYERS,
      content: 'opened-post',
    },
    {
      kind: 'quote',
      step: 'shares',
      // The item after the repost item: a link to the composer.
      selectors: [{ css: '#layers [role="menuitem"][href="/compose/post"]', seen: '2026-08' }],
      labels: { id: ['Kutip', 'Kutip Tweet'], en: ['Quote', 'Quote Tweet'] },
      within: MENU_LAYERS,
      content: 'opened-post',
    },
    {
      kind: 'post',
      step: 'shares',
      selectors: [
        { css: '[data-testid="tweetButton"]', seen: '2026-08' },
        { css: '[data-testid="tweetButtonInline"]', seen: '2026-08' },
      ],
      content: 'composer',
      onlyWithLink: true,
    },
  ],
};

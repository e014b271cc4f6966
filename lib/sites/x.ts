import { SITE_MATCHES } from './matches';
import type { SiteAdapter } from './types';

/**
 * X (Twitter). Reposting is two steps: the repost button opens a dropdown rendered under
 * `#layers`, away from the post, whose "Repost" and "Quote" items are the real actions.
 *
 * Evidence (checked against real markup, kept out of this repo):
 * - X's own web build, DzikStar/X-SCRAPER client-web/ (build of 2025-07-01): the repost menu's items are
 *   Repost (testID retweetConfirm) or, on a post already reposted, Undo repost (unretweetConfirm); then
 *   Quote (a link to /compose/post, no testID); then View Quotes (a link to the post's quotes page).
 *   i18n/id.js gives "Posting ulang", "Batalkan posting ulang", "Kutipan", "Lihat Kutipan"; the action
 *   bar's labels "N posting ulang. Posting ulang" / "N posting ulang. Memposting ulang".
 * - insin/control-panel-for-twitter script.js (2026-08-17): `#layers div[data-testid="Dropdown"]`,
 *   `retweetConfirm`/`repostConfirm`, `unretweetConfirm`/`unrepostConfirm`, `sheetDialog` on mobile.
 * - mlamp/tweetyoink tests/fixtures/x-tweet-*.html (outerHTML captures, 2025-10-24/28): article[data-testid=
 *   "tweet"], tweetText (a quote tweet holds the quoted post's tweetText too, inside a div[role="link"]),
 *   card.wrapper / card.layoutLarge.media with a[aria-label="domain Title"].
 * - tang-vu/social-posting-skills DOM_SELECTORS.md (captured 2026-02-27): quote item
 *   `[role="menuitem"][href="/compose/post"]`, composer Draft.js `tweetTextarea_0` + `tweetButton`.
 * - Keyboard (read 2026-11; the weakest item here): in a composer Ctrl+Enter (⌘+Enter on macOS)
 *   posts and Enter alone breaks the line, as X's shortcut sheet (`?`) has long listed. Not found in
 *   the stored X build; a futurezone.de guide to Twitter's web shortcuts (undated) lists ⌘+Enter
 *   among the actions, its stored copy cut off right there.
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
  matches: SITE_MATCHES.x,
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
  // Photos in a post (X's media testID, as scrapers and extensions select it), served from pbs.twimg.com.
  images: {
    selectors: [{ css: '[data-testid="tweetPhoto"] img', seen: '2025-10' }],
    hosts: ['pbs.twimg.com'],
  },
  composer: {
    // The nearest block holding the editor and its post button (the inline composer on Home, or the
    // compose dialog), whether searched from the button or, for Ctrl/⌘+Enter, from the editor.
    container: [
      { css: 'div:has([data-testid^="tweetTextarea_"]):has([data-testid^="tweetButton"])', seen: '2026-08' },
      { css: 'div:has([data-testid^="tweetTextarea_"])', seen: '2026-08' },
    ],
    text: [
      { css: '[data-testid^="tweetTextarea_"][role="textbox"]', seen: '2026-08' },
      { css: '[data-testid^="tweetTextarea_"]:not([data-testid$="_label"])', seen: '2026-08' },
    ],
    // Ctrl/⌘+Enter posts; Enter is a new line (see the header).
    sendKeys: ['Mod+Enter'],
  },
  actions: [
    {
      kind: 'repost',
      step: 'opens',
      selectors: [
        { css: '[data-testid="retweet"]', seen: '2026-08' },
        // A post already reposted: its green button opens "Undo repost" + the quote item (X build 2025-07).
        { css: '[data-testid="unretweet"]', seen: '2025-07' },
      ],
      content: 'post',
    },
    {
      kind: 'repost',
      step: 'shares',
      selectors: [
        { css: '[data-testid="retweetConfirm"]', seen: '2026-08' },
        { css: '[data-testid="repostConfirm"]', seen: '2026-08' },
      ],
      // Exact names: "Batalkan posting ulang" / "Undo repost" (unretweetConfirm) is not a share.
      labels: { id: ['Posting ulang'], en: ['Repost', 'Retweet'] },
      within: MENU_LAYERS,
      content: 'opened-post',
    },
    {
      kind: 'quote',
      step: 'shares',
      // The item after the repost item: a link to the composer (X build 2025-07; tang-vu 2026-02).
      // "View Quotes" / "Lihat Kutipan" after it links to the post's quotes page and is not a share.
      selectors: [{ css: '#layers [role="menuitem"][href="/compose/post"]', seen: '2026-02' }],
      // "Kutipan" is X's current Indonesian string (i18n/id.js, 2025-07); "Kutip Tweet" the pre-2023 one.
      labels: { id: ['Kutipan', 'Kutip', 'Kutip Tweet'], en: ['Quote', 'Quote Tweet'] },
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
      onlyWhen: 'link',
    },
  ],
  // Site health: the hooks the actions above rely on, where X must show them.
  expects: [
    {
      name: 'posts on the home feed',
      when: 'page',
      paths: ['^/home$'],
      anchors: [{ css: 'article[data-testid="tweet"]', seen: '2026-08' }],
    },
    {
      name: 'the post on a post page',
      when: 'page',
      paths: ['^/[^/]+/status/\\d+'],
      anchors: [{ css: 'article[data-testid="tweet"]', seen: '2026-08' }],
    },
    {
      name: 'repost items in the repost menu',
      when: 'opened',
      // Repost, or Undo repost on a post already reposted (X build 2025-07; control-panel 2026-08).
      anchors: [
        { css: '#layers [data-testid="retweetConfirm"]', seen: '2026-08' },
        { css: '#layers [data-testid="repostConfirm"]', seen: '2026-08' },
        { css: '#layers [data-testid="unretweetConfirm"]', seen: '2026-08' },
        { css: '#layers [data-testid="unrepostConfirm"]', seen: '2026-08' },
      ],
    },
  ],
};

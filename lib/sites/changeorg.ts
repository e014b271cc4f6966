import { SITE_MATCHES } from './matches';
import type { SiteAdapter } from './types';

/**
 * change.org petition pages (`https://www.change.org/p/<slug>`, Indonesian UI under the `id-ID`
 * locale). Signing is the action: the sign form's submit ("Sign this petition" / "Tandatangani
 * petisi ini"). A petition page is one petition, so the whole page is the post: the share step
 * that follows a signature renders in a layer outside the petition (or on its own `/psf/` page)
 * and still shares that petition.
 *
 * After signing, the "now share it" step offers Facebook / WhatsApp / X, "Copy link" and email.
 * Network buttons open share-intent URLs (facebook.com/sharer, wa.me/?text=, x.com/intent),
 * which the share-check page already guards (lib/share-intents): guarding them here too would
 * ask twice. Copying the link and the email draft leave no such trace, so they are guarded here.
 *
 * Evidence (public code read 2026-11, kept out of this repo). Months are the newest date each
 * source carries.
 * - Signing bots (Selenium, 2020-06): the sign form has inputs `#firstName` / `name="firstName"`,
 *   `#lastName`, `#email` / `name="email"`, a "display my name" checkbox `name="public"`, and a
 *   submit button whose text is "Sign this petition" (`//button[normalize-space()="Sign this
 *   petition"]`, `form/button[2]`); pressing Enter in the form signs too; a signed petition's URL
 *   carries `?signed=true`; success shows `[data-testid="flash-message"]`; after signing come
 *   "No, I'll share instead" and "Send an email".
 * - Shared petition links (2023-25): the post-sign flow is `psf` (`utm_term=psf_promote_or_share`,
 *   `utm_campaign=psf_combo_share_initial`) and has a copy-link share (`utm_medium=copylink`).
 * - Petition scrapers (BeautifulSoup, undated, counted 2025-06): the title is the page's `h1`, the
 *   text its paragraphs.
 * - Unconfirmed, from the page's semantics rather than code seen: the starter's name links to
 *   their profile (`/u/<id>`), the date is a `time[datetime]`, the share step is a dialog and its
 *   email share a `mailto:` link carrying the petition's address; the Indonesian labels
 *   ("Tandatangani petisi ini", "Salin tautan", "Kirim email") are change.org's words as the
 *   issue gives them, not found in public code. SITES.md's `[data-testid="petition-sign-button"]`
 *   was not found anywhere public, so it is not used.
 */

/** The sign form: the one form on a petition page that asks for an email address. */
const SIGN_FORM = [{ css: 'form:has(input[name="email"])', seen: '2020-06' }] as const;

/** Where the post-sign share step renders: a dialog over the petition, or the `/psf/` page. */
const SHARE_STEP = [
  { css: '[role="dialog"]', seen: '2025-06' },
  { css: 'main', seen: '2025-06' },
] as const;

export const CHANGEORG_SITE: SiteAdapter = {
  id: 'changeorg',
  name: 'change.org',
  matches: SITE_MATCHES.changeorg,
  // chng.it is change.org's link shortener.
  ownHosts: ['change.org', 'chng.it'],
  post: [{ css: 'body', seen: '2025-06' }],
  // Unconfirmed (see above): the page's paragraphs, and its title, starter, date and share step.
  postText: [{ css: 'main h1, main p', seen: '2025-06' }],
  // Not the petition's own words: the sign form, signers' comments, the share step, site chrome.
  exclude: [
    { css: 'form, aside, [role="dialog"], header, footer, nav', seen: '2025-06' },
    { css: '[data-testid="flash-message"]', seen: '2020-06' },
  ],
  details: {
    title: [{ css: 'main h1', seen: '2025-06' }],
    starter: [{ css: 'main a[href^="/u/"], main a[href*="change.org/u/"]', seen: '2025-06' }],
    created: [{ css: 'main time[datetime]', seen: '2025-06' }],
  },
  actions: [
    {
      kind: 'sign',
      step: 'shares',
      selectors: [{ css: 'form:has(input[name="email"]) button[type="submit"]', seen: '2020-06' }],
      // A signed-in person's form has no email field: the button's words find it then.
      labels: { id: ['Tandatangani petisi ini', 'Tandatangani'], en: ['Sign this petition', 'Sign'] },
      within: [{ css: 'main', seen: '2025-06' }, ...SIGN_FORM],
      content: 'post',
    },
    {
      kind: 'share',
      step: 'shares',
      // An email draft carrying the petition's address (its link, percent-encoded or not).
      selectors: [
        {
          css: 'a[href^="mailto:"][href*="change.org%2Fp%2F"], a[href^="mailto:"][href*="change.org/p/"]',
          seen: '2025-06',
        },
      ],
      labels: { id: ['Salin tautan', 'Kirim email'], en: ['Copy link', 'Send an email'] },
      within: SHARE_STEP,
      content: 'post',
    },
  ],
  petitionPaths: ['^/p/[^/]+/?$'],
  // Site health: only a petition's own page has the sign form (not search, not the post-sign pages).
  expects: [
    {
      name: "the petition's title",
      when: 'page',
      paths: ['^/p/[^/]+/?$'],
      anchors: [{ css: 'main h1', seen: '2025-06' }],
    },
    {
      name: 'the sign button',
      when: 'page',
      paths: ['^/p/[^/]+/?$'],
      anchors: [
        { css: 'form:has(input[name="email"]) button[type="submit"]', seen: '2020-06' },
        { css: 'main form button[type="submit"]', seen: '2020-06' },
      ],
    },
  ],
};

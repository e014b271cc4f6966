import { SITE_MATCHES } from './matches';
import type { SiteAdapter } from './types';

/**
 * Avaaz petitions: campaign pages (`https://secure.avaaz.org/campaign/<lang>/<slug>/`, Indonesian
 * under `/campaign/id/`) and members' community petitions (`/community_petitions/<lang>/…`).
 * Signing is the sign form's submit; as on change.org the page is one petition, so the whole page
 * is the post, and after signing the "now share it" step shares that petition. Its network
 * buttons open share-intent URLs, which the share-check page guards (lib/share-intents); copying
 * the link and the email draft are guarded here.
 *
 * Evidence (public code read 2026-11, kept out of this repo). SITES.md found nothing public.
 * - A Firefox add-on that signs Avaaz petitions without Avaaz's scripts (2017-09), with a copy of
 *   Avaaz's own page script: the sign form is `.form-sign` (some campaigns
 *   `#biogems-petition-form`), its fields `Email`, `Name`, `CountryID`, `Postcode`, its submit
 *   `button#sign-pettition-button.sign-pettition-button[type="submit"]` (sic) labelled "Send";
 *   a signature posts to `/act/frontend_api/legacy/sign_all.php` and the answer's `redirect_url`
 *   leads to the next (share) step.
 * - Links to campaigns in public pages (2020-24): `secure.avaaz.org/campaign/<lang>/<slug>/`.
 * - Unconfirmed, from the form's semantics rather than code seen since 2017: a form with an
 *   `Email` field and a submit; the title `h1`, the text the page's paragraphs; a community
 *   petition's starter (`[rel="author"]`) and date (`time[datetime]`); the share step as a dialog
 *   or a section with `mailto:` links; the labels "Tandatangani", "Salin tautan" (id) and "Sign",
 *   "Copy link" (en).
 */

/** The sign form: Avaaz's own classes first, then any form asking for an email. */
const SIGN_FORM = [
  { css: 'form.form-sign, #biogems-petition-form', seen: '2017-09' },
  { css: 'form:has(input[name="Email" i])', seen: '2017-09' },
] as const;

/** Where the post-sign share step renders. */
const SHARE_STEP = [
  { css: '[role="dialog"]', seen: '2024-06' },
  { css: 'main', seen: '2024-06' },
] as const;

export const AVAAZ_SITE: SiteAdapter = {
  id: 'avaaz',
  name: 'Avaaz',
  matches: SITE_MATCHES.avaaz,
  ownHosts: ['avaaz.org'],
  post: [{ css: 'body', seen: '2024-06' }],
  // Unconfirmed (see above): the page's paragraphs, and its title, starter, date and share step.
  postText: [{ css: 'main h1, main p', seen: '2024-06' }],
  // Not the petition's own words: the sign form, the share step, site chrome.
  exclude: [{ css: 'form, aside, [role="dialog"], header, footer, nav', seen: '2024-06' }],
  details: {
    title: [{ css: 'main h1', seen: '2024-06' }],
    starter: [{ css: 'main [rel="author"]', seen: '2024-06' }],
    created: [{ css: 'main time[datetime]', seen: '2024-06' }],
  },
  actions: [
    {
      kind: 'sign',
      step: 'shares',
      selectors: [
        { css: '#sign-pettition-button, .sign-pettition-button', seen: '2017-09' },
        { css: 'form.form-sign [type="submit"], #biogems-petition-form [type="submit"]', seen: '2017-09' },
        { css: 'form:has(input[name="Email" i]) [type="submit"]', seen: '2017-09' },
      ],
      labels: { id: ['Tandatangani', 'Tandatangani petisi'], en: ['Sign', 'Sign the petition', 'Send'] },
      // The form's classes and fields may be renamed together: its words still count in the page's main part.
      within: [...SIGN_FORM, { css: 'main', seen: '2024-06' }],
      content: 'post',
    },
    {
      kind: 'share',
      step: 'shares',
      selectors: [
        { css: 'a[href^="mailto:"][href*="avaaz.org%2F"], a[href^="mailto:"][href*="avaaz.org/"]', seen: '2024-06' },
      ],
      labels: { id: ['Salin tautan', 'Email'], en: ['Copy link', 'Email'] },
      within: SHARE_STEP,
      content: 'post',
    },
  ],
  petitionPaths: ['^/campaign/[a-z-]+/[^/]+/?$', '^/community_petitions/[a-z-]+/[^/]+/?$'],
  // Site health: only petition pages have a sign form. Avaaz's own pages share the campaign paths
  // (`/campaign/<lang>/imprint/`), so a page counts as a petition only when it asks for an email in a
  // form: that outlives a renaming of the form's classes and fields, which then shows as degraded.
  expects: [
    {
      name: 'the sign form',
      when: 'page',
      paths: ['^/campaign/[a-z-]+/[^/]+/?$', '^/community_petitions/[a-z-]+/[^/]+/?$'],
      onlyIf: [
        { css: 'form:has(input[name="Email" i])', seen: '2017-09' },
        { css: 'form:has(input[type="email" i])', seen: '2024-06' },
      ],
      anchors: SIGN_FORM,
    },
  ],
};

import type { SiteAdapter } from './types';

/**
 * The demo page's simulated feed (demo.html). It runs inside an extension page, so it has no
 * content-script match patterns; the demo page arms the guard with it directly.
 */
export const DEMO_SITE: SiteAdapter = {
  id: 'demo',
  name: 'Saring demo',
  matches: [],
  ownHosts: [],
  post: [{ css: '[data-demo-post]', seen: '2026-11' }],
  postText: [{ css: '[data-demo-text]', seen: '2026-11' }],
  linkTitle: [{ css: '[data-demo-link-title]', seen: '2026-11' }],
  // The demo's own pictures: same-origin, so read through a canvas as WhatsApp Web's blob: ones are.
  images: { selectors: [{ css: '[data-demo-picture]', seen: '2026-12' }], hosts: [] },
  // A petition's author is who started it: the prompt names them, as on a real petition site.
  details: { starter: [{ css: '[data-kind="petition"] [data-demo-author]', seen: '2026-11' }] },
  // The WhatsApp-group posts carry "Diteruskan berkali-kali", as on WhatsApp Web: same stronger wording.
  forwardedMany: {
    selectors: [{ css: '[data-demo-forwarded-many]', seen: '2026-11' }],
    labels: { id: ['Diteruskan berkali-kali'], en: ['Forwarded many times'] },
  },
  actions: [
    // Signing a petition is asked about like a share ("did you read all of it?"): first rule wins.
    {
      kind: 'sign',
      step: 'shares',
      selectors: [{ css: '[data-kind="petition"] [data-demo-action="share"]', seen: '2026-11' }],
      content: 'post',
    },
    // Each simulated app names its share as the real one does (the prompt words it by kind).
    {
      kind: 'repost',
      step: 'shares',
      selectors: [{ css: '[data-platform="x"] [data-demo-action="share"]', seen: '2026-11' }],
      content: 'post',
    },
    {
      kind: 'forward',
      step: 'shares',
      selectors: [{ css: '[data-platform="whatsapp"] [data-demo-action="share"]', seen: '2026-11' }],
      content: 'post',
    },
    {
      kind: 'share',
      step: 'shares',
      selectors: [{ css: '[data-demo-action="share"]', seen: '2026-11' }],
      content: 'post',
    },
  ],
};

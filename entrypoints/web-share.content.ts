import { defineContentScript } from 'wxt/utils/define-content-script';
import { wrapWebShare } from '../lib/guard/web-share-page';
import { CONTENT_SCRIPT_MATCHES } from '../lib/sites/matches';

// The page's own world, where navigator.share lives: wrapped before the page's scripts run, so
// a share through it waits for the guard content script's check (lib/guard/web-share.ts).
// Only the match patterns come from lib/sites: the adapters stay out of the page's world.
export default defineContentScript({
  matches: [...CONTENT_SCRIPT_MATCHES],
  runAt: 'document_start',
  world: 'MAIN',
  // No global name: nothing of Saring's is left on the page's window.
  globalName: false,
  main() {
    wrapWebShare(window);
  },
});

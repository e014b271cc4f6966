/**
 * Where each guarded site's content scripts run, by adapter id: the one place these patterns are
 * written (each adapter's `matches` is its entry here). Kept apart from the adapters, with no
 * imports, so the navigator.share wrapper, which runs in the page's own world, carries these
 * patterns and nothing else of Saring.
 */
export const SITE_MATCHES = {
  x: ['https://x.com/*', 'https://mobile.x.com/*', 'https://twitter.com/*', 'https://mobile.twitter.com/*'],
  facebook: ['https://www.facebook.com/*', 'https://web.facebook.com/*', 'https://facebook.com/*'],
  whatsapp: ['https://web.whatsapp.com/*'],
  youtube: ['https://www.youtube.com/*', 'https://m.youtube.com/*'],
  tiktok: ['https://www.tiktok.com/*'],
  instagram: ['https://www.instagram.com/*'],
  threads: ['https://www.threads.net/*', 'https://www.threads.com/*'],
  changeorg: ['https://www.change.org/*', 'https://change.org/*'],
  avaaz: ['https://secure.avaaz.org/*'],
  'telegram-k': ['https://web.telegram.org/k/*'],
  'telegram-a': ['https://web.telegram.org/a/*'],
} as const satisfies Record<string, readonly string[]>;

/** Every content-script match pattern, for the manifest. */
export const CONTENT_SCRIPT_MATCHES: readonly string[] = Object.values(SITE_MATCHES).flat();

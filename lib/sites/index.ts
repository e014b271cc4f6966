import { MatchPattern } from 'wxt/utils/match-patterns';
import { DEMO_SITE } from './demo';
import { FACEBOOK_SITE } from './facebook';
import type { SiteAdapter } from './types';
import { WHATSAPP_SITE } from './whatsapp';
import { X_SITE } from './x';

/** Adapters for sites the content script runs on. */
export const SITES: readonly SiteAdapter[] = [X_SITE, FACEBOOK_SITE, WHATSAPP_SITE];

export { DEMO_SITE, FACEBOOK_SITE, WHATSAPP_SITE, X_SITE };

/** Every content-script match pattern, for the manifest. */
export const CONTENT_SCRIPT_MATCHES: readonly string[] = SITES.flatMap((site) => site.matches);

const PATTERNS = SITES.map((site) => ({ site, patterns: site.matches.map((m) => new MatchPattern(m)) }));

/** The adapter whose match patterns include this URL, or null when Saring does not guard it. */
export function siteForUrl(url: string | URL): SiteAdapter | null {
  let href: string;
  try {
    href = new URL(url).href;
  } catch {
    return null;
  }
  // A string, not the URL: MatchPattern tests `instanceof Location`, which a service worker lacks.
  return PATTERNS.find(({ patterns }) => patterns.some((p) => p.includes(href)))?.site ?? null;
}

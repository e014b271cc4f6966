import { MatchPattern } from 'wxt/utils/match-patterns';
import { AVAAZ_SITE } from './avaaz';
import { CHANGEORG_SITE } from './changeorg';
import { DEMO_SITE } from './demo';
import { FACEBOOK_SITE } from './facebook';
import { INSTAGRAM_SITE } from './instagram';
import { THREADS_SITE } from './threads';
import { TELEGRAM_A_SITE } from './telegram-a';
import { TELEGRAM_K_SITE } from './telegram-k';
import { TIKTOK_SITE } from './tiktok';
import type { SiteAdapter } from './types';
import { WHATSAPP_SITE } from './whatsapp';
import { X_SITE } from './x';
import { YOUTUBE_SITE } from './youtube';

/** Adapters for sites the content script runs on. */
export const SITES: readonly SiteAdapter[] = [
  X_SITE,
  FACEBOOK_SITE,
  WHATSAPP_SITE,
  YOUTUBE_SITE,
  TIKTOK_SITE,
  INSTAGRAM_SITE,
  THREADS_SITE,
  CHANGEORG_SITE,
  AVAAZ_SITE,
  TELEGRAM_K_SITE,
  TELEGRAM_A_SITE,
];

export {
  AVAAZ_SITE,
  CHANGEORG_SITE,
  DEMO_SITE,
  FACEBOOK_SITE,
  INSTAGRAM_SITE,
  TELEGRAM_A_SITE,
  TELEGRAM_K_SITE,
  THREADS_SITE,
  TIKTOK_SITE,
  WHATSAPP_SITE,
  X_SITE,
  YOUTUBE_SITE,
};

export { CONTENT_SCRIPT_MATCHES } from './matches';

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

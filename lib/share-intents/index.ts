import type { Browser } from 'wxt/browser';

/**
 * Share-intent URLs: links any page can open to start a share on another service
 * (facebook.com/sharer.php?u=…, wa.me/?text=…). No content script runs on the page that opens
 * them, so declarativeNetRequest redirects them to the extension's share-check page.
 */

export interface ShareIntent {
  /** The service shared to. */
  target: string;
  /** Query parameters carrying the message text. */
  textParams: readonly string[];
  /** Query parameters carrying the shared link. */
  urlParams: readonly string[];
  /** LINE: the whole query string is the message. */
  textIsQuery?: boolean;
  hosts: readonly string[];
  /** Pathnames, compared without a trailing slash and case-insensitively. */
  paths: readonly string[];
}

export const SHARE_INTENTS: readonly ShareIntent[] = [
  {
    target: 'facebook',
    hosts: ['facebook.com', 'www.facebook.com', 'm.facebook.com', 'web.facebook.com'],
    paths: ['/sharer/sharer.php', '/sharer.php'],
    urlParams: ['u', 'href'],
    textParams: ['quote'],
  },
  {
    target: 'x',
    hosts: ['x.com', 'www.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com'],
    paths: ['/intent/post', '/intent/tweet', '/share'],
    urlParams: ['url'],
    textParams: ['text'],
  },
  {
    target: 'whatsapp',
    hosts: ['api.whatsapp.com', 'web.whatsapp.com'],
    paths: ['/send'],
    urlParams: [],
    textParams: ['text'],
  },
  // wa.me/<number> opens a chat; only wa.me/?text= shares.
  { target: 'whatsapp', hosts: ['wa.me'], paths: [''], urlParams: [], textParams: ['text'] },
  {
    target: 'telegram',
    hosts: ['t.me', 'telegram.me'],
    paths: ['/share/url', '/share'],
    urlParams: ['url'],
    textParams: ['text'],
  },
  {
    target: 'linkedin',
    hosts: ['linkedin.com', 'www.linkedin.com'],
    paths: ['/sharing/share-offsite'],
    urlParams: ['url'],
    textParams: [],
  },
  {
    target: 'reddit',
    hosts: ['reddit.com', 'www.reddit.com', 'old.reddit.com'],
    paths: ['/submit'],
    urlParams: ['url'],
    textParams: ['title', 'text'],
  },
  {
    target: 'threads',
    hosts: ['threads.net', 'www.threads.net', 'threads.com', 'www.threads.com'],
    paths: ['/intent/post'],
    urlParams: ['url'],
    textParams: ['text'],
  },
  { target: 'line', hosts: ['line.me'], paths: ['/R/msg/text'], urlParams: [], textParams: [], textIsQuery: true },
];

export interface ParsedShareIntent {
  target: string;
  text: string;
  urls: string[];
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"'）)]+/gi;

function findIntent(url: URL): ShareIntent | undefined {
  const host = url.hostname.toLowerCase();
  const path = url.pathname.replace(/\/+$/, '').toLowerCase();
  return SHARE_INTENTS.find(
    (intent) => intent.hosts.includes(host) && intent.paths.some((candidate) => candidate.toLowerCase() === path),
  );
}

function decodeQuery(search: string): string {
  try {
    return decodeURIComponent(search.replace(/^\?/, '').replace(/\+/g, ' '));
  } catch {
    return search.replace(/^\?/, '');
  }
}

function webUrl(raw: string): URL | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * The URL as the browser writes it when it is a share intent of a service Saring guards, whatever
 * it carries; null for anything else (the share-check page continues to nothing else).
 */
export function shareIntentUrl(raw: string): string | null {
  const url = webUrl(raw);
  return url && findIntent(url) ? url.href : null;
}

/** What a share-intent URL would share, or null when it is not one or carries nothing. */
export function parseShareIntent(raw: string): ParsedShareIntent | null {
  const url = webUrl(raw);
  const intent = url && findIntent(url);
  if (!url || !intent) return null;

  const textParts = intent.textIsQuery
    ? [decodeQuery(url.search)]
    : intent.textParams.flatMap((name) => url.searchParams.getAll(name));
  const text = textParts
    .map((part) => part.trim())
    .filter(Boolean)
    .join('\n');
  const linked = intent.urlParams.flatMap((name) => url.searchParams.getAll(name)).map((value) => value.trim());
  const urls = [...new Set([...linked, ...(text.match(URL_IN_TEXT) ?? [])].filter(Boolean))];
  if (!text && urls.length === 0) return null;
  return { target: intent.target, text, urls };
}

type DnrRule = Browser.declarativeNetRequest.Rule;

/** Dynamic redirect rules use ids from here; nothing else in the extension adds dynamic rules. */
export const INTENT_RULE_ID_BASE = 1_000;
export const INTENT_RULE_PRIORITY = 1;
/** The one-time pass the share-check page asks for outranks the redirect. */
export const ALLOW_RULE_PRIORITY = INTENT_RULE_PRIORITY + 1;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * RE2 pattern for an intent's URLs with a query string (an intent without one shares nothing).
 * Which parameter carries the content is left to parseShareIntent: naming them here pushes
 * Chrome's compiled regex past its 2 KB limit.
 */
export function intentRegex(intent: ShareIntent): string {
  const hosts = intent.hosts.map(escapeRegex).join('|');
  const paths = intent.paths.map(escapeRegex).join('|');
  return `^https?://(?:${hosts})(?:${paths})/?\\?.+$`;
}

/**
 * declarativeNetRequest dynamic rules redirecting share-intent navigations (main frame only) to
 * `shareCheckPageUrl#<the original URL>`.
 */
export function buildIntentRules(shareCheckPageUrl: string): DnrRule[] {
  return SHARE_INTENTS.map((intent, i): DnrRule => ({
    id: INTENT_RULE_ID_BASE + i,
    priority: INTENT_RULE_PRIORITY,
    action: {
      type: 'redirect',
      redirect: { regexSubstitution: `${shareCheckPageUrl}#\\0` },
    },
    condition: {
      regexFilter: intentRegex(intent),
      // Hosts arrive lower-cased; paths are matched as the services spell them.
      isUrlFilterCaseSensitive: true,
      resourceTypes: ['main_frame'],
    },
  }));
}

/** Every host a redirect rule needs host access for (manifest host_permissions). */
export function intentHostPatterns(): string[] {
  return [...new Set(SHARE_INTENTS.flatMap((intent) => intent.hosts))].map((host) => `*://${host}/*`);
}

/** The original share-intent URL carried in the share-check page's fragment. */
export function originalUrlFromHash(hash: string): string | null {
  const carried = hash.replace(/^#/, '');
  if (!carried) return null;
  try {
    const decoded = /^https?%3a/i.test(carried) ? decodeURIComponent(carried) : carried;
    return /^https?:\/\//i.test(decoded) ? decoded : null;
  } catch {
    return null;
  }
}

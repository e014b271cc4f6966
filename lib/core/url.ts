/**
 * URL canonicalisation for exact lookups: two links to the same article must
 * normalise to the same string, whatever app, redirector or tracker wrapped them.
 */

const MAX_URL_LENGTH = 4_096;
/** Redirectors nest (a Google result pointing at an l.facebook.com link …); stop somewhere. */
const MAX_UNWRAP_DEPTH = 5;

/** Host → the query parameter that carries the real destination. */
const REDIRECTORS: Record<string, string> = {
  'l.facebook.com': 'u',
  'lm.facebook.com': 'u',
  'l.messenger.com': 'u',
  'l.instagram.com': 'u',
  'l.threads.net': 'u',
  'google.com': 'q',
  'google.co.id': 'q',
  'youtube.com': 'q',
};
const REDIRECTOR_PATHS: Record<string, string> = {
  'google.com': '/url',
  'google.co.id': '/url',
  // Links in video descriptions.
  'youtube.com': '/redirect',
};

const HOST_PREFIXES = ['www.', 'm.', 'mobile.', 'amp.'];

const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'igshid',
  'igsh',
  'si',
  'ref',
  'ref_src',
  'ref_url',
  'mibextid',
  'rdid',
  'share_url',
  'sfnsn',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  'amp',
  '__tn__',
  '__cft__[0]',
  'feature',
]);
/** Parameters that only track on these hosts (elsewhere `s` or `t` can select content). */
const HOST_TRACKING_PARAMS: Record<string, ReadonlySet<string>> = {
  'x.com': new Set(['s', 't']),
  'twitter.com': new Set(['s', 't']),
  'tiktok.com': new Set(['_r', '_t', 'is_from_webapp', 'sender_device', 'is_copy_url']),
};

/** Parses like a browser's address bar: scheme-less input gets https. */
function parseLeniently(raw: string): URL | null {
  const trimmed = raw.trim().replace(/[\u0000-\u001f\u007f]/g, '');
  if (!trimmed || trimmed.length > MAX_URL_LENGTH) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed)
    ? trimmed
    : trimmed.startsWith('//')
      ? `https:${trimmed}`
      : `https://${trimmed}`;
  try {
    return webUrl(new URL(withScheme));
  } catch {
    return null;
  }
}

/** The URL when it is a web address (http or https, a dotted host), else null. */
function webUrl(url: URL): URL | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname.includes('.')) return null;
  return url;
}

function stripHostPrefixes(host: string): string {
  let stripped = host.replace(/\.$/, '');
  for (let changed = true; changed;) {
    changed = false;
    for (const prefix of HOST_PREFIXES) {
      // Keep at least a registrable-looking name: "m.co" stays.
      if (stripped.startsWith(prefix) && stripped.slice(prefix.length).includes('.')) {
        stripped = stripped.slice(prefix.length);
        changed = true;
      }
    }
  }
  return stripped;
}

/** The destination a redirector link points at, or null when it is not one. */
function redirectTarget(url: URL): string | null {
  const host = stripHostPrefixes(url.hostname.toLowerCase());
  const param = REDIRECTORS[host];
  if (param === undefined) return null;
  const requiredPath = REDIRECTOR_PATHS[host];
  if (requiredPath && url.pathname !== requiredPath) return null;
  return url.searchParams.get(param) ?? url.searchParams.get('url');
}

function isTrackingParam(name: string, value: string, host: string): boolean {
  const lower = name.toLowerCase();
  return (
    lower.startsWith('utm_') ||
    (lower === 'output' && value.toLowerCase() === 'amp') ||
    TRACKING_PARAMS.has(lower) ||
    (HOST_TRACKING_PARAMS[host]?.has(lower) ?? false)
  );
}

function canonicalPath(pathname: string): string {
  let path = pathname.replace(/\/{2,}/g, '/');
  // AMP variants of an article: /amp, /amp/, /amp.html at the end, or /amp/ in front.
  path = path.replace(/\/amp(\.html)?\/?$/i, '/').replace(/^\/amp\//i, '/');
  path = path.replace(/\.amp(\.html)?$/i, '$1');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  return path === '/' ? '' : path;
}

/**
 * Canonical https form of a link, or null for anything that is not an http(s)
 * URL. Redirector wrappers are unwrapped; scheme, `www.`-style prefixes, AMP,
 * tracking parameters, fragment and trailing slash are dropped.
 */
export function normalizeUrl(raw: string): string | null {
  if (typeof raw !== 'string') return null;
  return normalizeWebUrl(parseLeniently(raw));
}

/**
 * normalizeUrl for a URL already parsed (a link's absolute href on a page): the same result as
 * normalizeUrl(url.href), without parsing it again, which counts when a feed's links are scanned.
 */
export function normalizeParsedUrl(url: URL): string | null {
  return url.href.length > MAX_URL_LENGTH ? null : normalizeWebUrl(webUrl(url));
}

function normalizeWebUrl(parsed: URL | null): string | null {
  let url = parsed;
  for (let depth = 0; url && depth < MAX_UNWRAP_DEPTH; depth++) {
    const target = redirectTarget(url);
    if (target === null) break;
    url = parseLeniently(target);
  }
  if (!url) return null;

  const host = stripHostPrefixes(url.hostname.toLowerCase());
  const params = [...url.searchParams.entries()]
    .filter(([name, value]) => !isTrackingParam(name, value, host))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const port = url.port ? `:${url.port}` : '';
  return `https://${host}${port}${canonicalPath(url.pathname)}${query}`;
}

/** Host of an already-normalised or raw URL, without port. */
export function hostOf(raw: string): string | null {
  const normalized = normalizeUrl(raw);
  if (!normalized) return null;
  try {
    return new URL(normalized).hostname;
  } catch {
    return null;
  }
}

import { getDomain } from 'tldts';

// Kept apart from url.ts: the public suffix list is large, and the content script needs only
// normalizeUrl. Hoax domains are matched in the background.

/** The registrable domain ("eTLD+1") of a host, e.g. `sub.hoax.co.id` → `hoax.co.id`. */
export function registrableDomain(host: string): string | null {
  if (typeof host !== 'string' || !host || host.length > 253) return null;
  const domain = getDomain(host.trim().toLowerCase().replace(/\.$/, ''), {
    allowPrivateDomains: true,
  });
  return domain || null;
}

import { LIMITS } from './schema';
import { shortHash } from './text';

/**
 * A stable item id for sources that have none: from the fact-check's URL (host and path, as
 * `turnbackhoax.id/articles/35352-salah-…`), else from the claim; too long ones end in a hash.
 * `position` numbers the claims of a page that reviews several: the second is `…#2`.
 */
export function deriveItemId(url: string | undefined, claim: string, position = 1): string {
  let base = '';
  if (url) {
    try {
      const parsed = new URL(url);
      base = `${parsed.hostname.replace(/^www\./, '')}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}`;
    } catch {
      // not a URL: fall back to the claim
    }
  }
  if (!base) base = `claim-${shortHash(claim.trim().toLowerCase())}`;
  if (position > 1) base = `${base}#${position}`;
  return base.length <= LIMITS.id ? base : `${base.slice(0, LIMITS.id - 9)}-${shortHash(base)}`;
}

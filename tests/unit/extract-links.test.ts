import { describe, expect, it } from 'vitest';
import { externalHref } from '../../lib/guard/extract';
import { FACEBOOK_SITE } from '../../lib/sites/facebook';
import { X_SITE } from '../../lib/sites/x';

describe('external links resolved on a page', () => {
  it('resolves the same href against each page it is read on, and for each site', () => {
    expect(externalHref(X_SITE, 'tren/read/1', 'https://www.kompas.com/a/')).toBe(
      'https://www.kompas.com/a/tren/read/1',
    );
    expect(externalHref(X_SITE, 'tren/read/1', 'https://news.detik.com/b/')).toBe(
      'https://news.detik.com/b/tren/read/1',
    );
    // Again on the first page: what was resolved there, not what the last page gave.
    expect(externalHref(X_SITE, 'tren/read/1', 'https://www.kompas.com/a/')).toBe(
      'https://www.kompas.com/a/tren/read/1',
    );
    // A link that is X's own on X is an article on another site.
    const post = 'https://x.com/kabar_lawu/status/1';
    expect(externalHref(X_SITE, post, 'https://x.com/home')).toBeNull();
    expect(externalHref(FACEBOOK_SITE, post, 'https://x.com/home')).toBe(post);
    expect(externalHref(X_SITE, post, 'https://x.com/home')).toBeNull();
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { holdShare, isHolding } from '../../lib/guard/hold';
import { rateLimit } from '../../lib/guard/rate-limit';

describe('rateLimit', () => {
  it('allows a burst, then one per interval, and saves up no more than a burst', () => {
    let now = 0;
    const take = rateLimit(3, 1_000, () => now);
    expect([take(), take(), take(), take()]).toEqual([true, true, true, false]);
    now = 999;
    expect(take()).toBe(false);
    now = 1_000;
    expect([take(), take()]).toEqual([true, false]);
    now = 60_000;
    expect([take(), take(), take(), take()]).toEqual([true, true, true, false]);
  });
});

describe('holdShare', () => {
  it('gives one hold per document at a time, released once by its holder only', () => {
    const other = document.implementation.createHTMLDocument('other');
    const release = holdShare(document);
    expect(release).not.toBeNull();
    expect(holdShare(document)).toBeNull();
    expect(isHolding(document)).toBe(true);
    const elsewhere = holdShare(other);
    expect(elsewhere).not.toBeNull();
    release?.();
    expect(isHolding(document)).toBe(false);
    const next = holdShare(document);
    // A stale release does not free the next holder's hold.
    release?.();
    expect(isHolding(document)).toBe(true);
    next?.();
    elsewhere?.();
    expect(isHolding(other)).toBe(false);
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { holdShare, isHolding } from '../../lib/guard/hold';

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

import { describe, expect, it } from 'vitest';
import type { ListItem } from '../../lib/lists/schema';
import { createMatcher } from '../../lib/match/index';
import { tokenize } from '../../lib/match/normalize';
import type { MatchQuery } from '../../lib/match/types';

/** Bad input gets a quick, sane answer: the hoax in it still found, nothing thrown, nothing slow. */
const items: ListItem[] = [
  { id: 'lawu', claim: 'Gunung lawu bakal erupsi besar', rating: 'false' },
  { id: 'listrik', claim: 'Bakal ada pemadaman listrik total di jawa dan bali', rating: 'false' },
  {
    id: 'moon',
    claim: 'NASA confirmed the moon landing footage was filmed in a studio',
    rating: 'false',
    language: 'en',
  },
];
const matcher = createMatcher([{ listId: 'bad-input', items }]);
const HOAX = 'Gunung Lawu bakal erupsi besar minggu ini, warga diminta waspada';
/** Generous for a loaded CI machine; typical answers take well under a millisecond. */
const QUICK_MS = 250;

function timedMatch(query: MatchQuery) {
  const started = performance.now();
  const result = matcher.match(query);
  return { result, ms: performance.now() - started };
}

describe('matcher on bad input', () => {
  it('answers none at once for empty and blank posts', () => {
    for (const text of ['', ' ', '\n\t', '🙏🙏🙏', '\u200f\u202e', '...!!!']) {
      const { result, ms } = timedMatch({ text, urls: [] });
      expect(result).toEqual({ decision: 'none', matches: [] });
      expect(ms).toBeLessThan(QUICK_MS);
    }
  });

  it('answers quickly on 1 MB of text and still finds a hoax at its start', () => {
    for (const filler of ['x'.repeat(1_000_000), 'kata '.repeat(200_000), 'a\u0301'.repeat(500_000)]) {
      const { result, ms } = timedMatch({ text: `${HOAX} ${filler}`, urls: [] });
      expect(ms).toBeLessThan(QUICK_MS);
      expect(result.matches[0]?.item.id).toBe('lawu');
    }
    const noise = timedMatch({ text: 'gunung lawu '.repeat(100_000), urls: [] });
    expect(noise.ms).toBeLessThan(QUICK_MS);
  });

  it('reads through control characters, right-to-left marks and lone surrogates', () => {
    for (const text of [
      'Gunung\u0000 lawu\u0007 bakal\u202e erupsi\u200f besar\u202c minggu ini, warga diminta waspada',
      '\ud800Gunung lawu \udc00bakal erupsi besar\ud83d minggu ini, warga diminta waspada',
      '\u200eGUNUNG LAWU BAKAL ERUPSI BESAR\u200e minggu ini, warga diminta waspada',
    ]) {
      const { result } = timedMatch({ text, urls: [] });
      expect(result.decision).toBe('hoax-match');
      expect(result.matches[0]?.item.id).toBe('lawu');
    }
    expect(() => tokenize('\ud800\udfff\ud800\u0000\u202e')).not.toThrow();
  });

  it('ignores links that do not parse and still matches the text', () => {
    const urls = [
      'http://',
      '%%%',
      'javascript:alert(1)',
      'https://[::1',
      'https://exa mple.com/x',
      '\ud800',
      'http://a..b/',
      'x'.repeat(5_000),
    ];
    const { result, ms } = timedMatch({ text: HOAX, urls });
    expect(ms).toBeLessThan(QUICK_MS);
    expect(result.decision).toBe('hoax-match');
    expect(result.matches[0]?.item.id).toBe('lawu');
  });

  it('answers an English post in the same index', () => {
    const { result } = timedMatch({
      text: 'NASA confirms the moon landings footage was filmed in a Hollywood studio!!',
      urls: [],
    });
    expect(result.matches[0]?.item.id).toBe('moon');
  });

  it('takes wrong types as no input', () => {
    for (const query of [
      null,
      undefined,
      {},
      { text: 42, urls: 'x' },
      { text: null, urls: [null, 7] },
      { text: ['a'], urls: [], linkTitle: 5 },
    ]) {
      const result = matcher.match(query as never);
      expect(result.decision).toBe('none');
    }
    expect(matcher.match({ text: HOAX, urls: [] }, { top: -3 }).matches).toHaveLength(1);
    expect(matcher.match({ text: HOAX, urls: [] }, { top: Number.NaN }).matches.length).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import {
  hammingDistance,
  isPdqMatch,
  lumaOf,
  pdqHash,
  PDQ_HEX,
  PDQ_MATCH_DISTANCE,
  PDQ_MIN_QUALITY,
} from '../../lib/images/pdq';
import { PATTERNS } from './pdq-patterns';

/** ThreatExchange pdq-photo-hasher on the same pixels saved as PNG (see pdq-patterns.ts). */
const REFERENCE: Record<keyof typeof PATTERNS, [string, number]> = {
  'wide-squeezed': ['96a54a576d6ad134db9d6c8896b5cd50694a9b3799b8391995b4c96a6a6a9532', 8],
  'tall-squeezed': ['684abf55d6a4d28debd12d6a285bde3596a412157a6929e22ce95175d3a4552d', 13],
  'small-grey': ['239ddc378b233c1f6cc80358308d44178b275c1f47cd6e78739ceb46dd22b077', 100],
  'exactly-64': ['329555d5a96ad4a2df252a485295a9c5ab6ad5a71aa4ab4dbaa51356cb5acab2', 25],
  tiny: ['0000000000000000000000000000000000000000000000000000000000000000', 0],
};

describe('pdqHash', () => {
  for (const [name, [hash, quality]] of Object.entries(REFERENCE)) {
    it(`gives the reference tool's hash and quality for ${name}`, () => {
      const result = pdqHash(PATTERNS[name as keyof typeof PATTERNS]());
      expect(result.pdq).toMatch(PDQ_HEX);
      expect(result).toEqual({ pdq: hash, quality });
    });
  }

  it('ignores alpha and reads grey, RGB and RGBA alike', () => {
    const rgb = PATTERNS['wide-squeezed']();
    const rgba = new Uint8Array(rgb.width * rgb.height * 4);
    for (let i = 0; i < rgb.width * rgb.height; i++) {
      rgba.set(rgb.data.subarray(i * 3, i * 3 + 3), i * 4);
      rgba[i * 4 + 3] = i % 7 === 0 ? 0 : 200;
    }
    expect(pdqHash({ ...rgb, data: rgba, channels: 4 })).toEqual(pdqHash(rgb));
  });

  it('squeezes pictures larger than 512 px to 512×512 nearest-neighbour, as the reference loader does', () => {
    const { width, height } = lumaOf(PATTERNS['tall-squeezed']());
    expect([width, height]).toEqual([512, 512]);
    expect(lumaOf(PATTERNS['small-grey']())).toMatchObject({ width: 300, height: 200 });
  });

  it('refuses a pixel buffer shorter than its dimensions say', () => {
    expect(() => pdqHash({ data: new Uint8Array(10), width: 10, height: 10, channels: 3 })).toThrow(RangeError);
  });

  it('moves few bits for a 10% darker copy and many for a different picture', () => {
    const picture = PATTERNS['small-grey']();
    const darker = { ...picture, data: picture.data.map((value) => Math.round(value * 0.9)) };
    const original = pdqHash(picture).pdq;
    expect(hammingDistance(original, pdqHash(darker).pdq)).toBeLessThanOrEqual(8);
    expect(hammingDistance(original, pdqHash(PATTERNS['wide-squeezed']()).pdq)).toBeGreaterThan(PDQ_MATCH_DISTANCE);
  });
});

describe('hammingDistance and the match rule', () => {
  const zero = '0'.repeat(64);
  it('counts differing bits', () => {
    expect(hammingDistance(zero, zero)).toBe(0);
    expect(hammingDistance(zero, 'f'.repeat(64))).toBe(256);
    expect(hammingDistance(zero, `${'0'.repeat(63)}7`)).toBe(3);
    expect(hammingDistance('8'.padEnd(64, '0'), zero)).toBe(1);
  });

  it('refuses strings that are not 64 hex characters', () => {
    expect(() => hammingDistance(zero, '00')).toThrow(RangeError);
  });

  it('matches at distance ≤ 31 only when the checked picture has quality ≥ 50', () => {
    expect(isPdqMatch(PDQ_MATCH_DISTANCE, PDQ_MIN_QUALITY)).toBe(true);
    expect(isPdqMatch(PDQ_MATCH_DISTANCE + 1, 100)).toBe(false);
    expect(isPdqMatch(0, PDQ_MIN_QUALITY - 1)).toBe(false);
  });
});

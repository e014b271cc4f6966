import { describe, expect, it } from 'vitest';
import { type Pixels, pdqHash, PDQ_HEX, PDQ_MIN_QUALITY, hammingDistance } from '../../lib/images/pdq';
import {
  AreaSampler,
  areaHashes,
  checkedHashes,
  matchPicture,
  PictureIndex,
  pictureHashes,
} from '../../lib/images/picture-hashes';
import { posterLikePicture } from './pdq-patterns';

/** The region [left, left+width) × [top, top+height) as its own picture. */
function cut(pixels: Pixels, left: number, top: number, width: number, height: number): Pixels {
  const data = new Uint8Array(width * height * pixels.channels);
  for (let y = 0; y < height; y++) {
    const from = ((top + y) * pixels.width + left) * pixels.channels;
    data.set(pixels.data.subarray(from, from + width * pixels.channels), y * width * pixels.channels);
  }
  return { ...pixels, data, width, height };
}

/** A copy `factor` times smaller, each pixel the mean of a factor×factor block (as image editors shrink). */
function shrink(pixels: Pixels, factor: number): Pixels {
  const width = Math.floor(pixels.width / factor);
  const height = Math.floor(pixels.height / factor);
  const { channels } = pixels;
  const data = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < channels; c++) {
        let sum = 0;
        for (let dy = 0; dy < factor; dy++)
          for (let dx = 0; dx < factor; dx++)
            sum += pixels.data[((y * factor + dy) * pixels.width + x * factor + dx) * channels + c]!;
        data[(y * width + x) * channels + c] = Math.round(sum / (factor * factor));
      }
    }
  }
  return { data, width, height, channels };
}

const poster = posterLikePicture(1080, 1080, 7);
const stored = pictureHashes(poster);

describe('pictureHashes (publisher side)', () => {
  it('stores the reference hash first, then the area hashes of the whole and of crops', () => {
    expect(stored[0]).toEqual(pdqHash(poster));
    expect(stored.length).toBe(12);
    for (const hash of stored) {
      expect(hash.pdq).toMatch(PDQ_HEX);
      expect(hash.quality).toBeGreaterThanOrEqual(PDQ_MIN_QUALITY);
    }
  });

  it('gives a small picture its reference hash alone', () => {
    expect(pictureHashes(posterLikePicture(60, 60, 1))).toEqual([pdqHash(posterLikePicture(60, 60, 1))]);
  });
});

describe('matchPicture (checker side)', () => {
  it('finds a 25% copy, which the reference hash alone misses', () => {
    const small = shrink(poster, 4);
    expect(hammingDistance(pdqHash(small).pdq, stored[0]!.pdq)).toBeGreaterThan(31);
    expect(matchPicture(checkedHashes(small), stored)).toBeDefined();
  });

  it('finds copies cropped by 5% of each side, split unevenly', () => {
    for (const [left, top] of [
      [0, 0],
      [54, 54],
      [10, 40],
      [50, 5],
    ] as const) {
      const cropped = cut(poster, left, top, 1026, 1026);
      expect(hammingDistance(pdqHash(cropped).pdq, stored[0]!.pdq)).toBeGreaterThan(31);
      expect(matchPicture(checkedHashes(cropped), stored), `crop at ${left},${top}`).toBeDefined();
    }
  });

  it('does not match another poster of the same layout', () => {
    expect(matchPicture(checkedHashes(posterLikePicture(1080, 1080, 8)), stored)).toBeUndefined();
  });

  it('ignores checked hashes below the quality floor', () => {
    const blank: Pixels = { data: new Uint8Array(200 * 200 * 3).fill(128), width: 200, height: 200, channels: 3 };
    const blankHashes = checkedHashes(blank);
    expect(blankHashes.every((hash) => hash.quality < PDQ_MIN_QUALITY)).toBe(true);
    expect(matchPicture(blankHashes, blankHashes)).toBeUndefined();
  });
});

describe('PictureIndex', () => {
  it('returns every item a checked picture matches, closest first, once per item', () => {
    const index = new PictureIndex<string>();
    const near = posterLikePicture(1080, 1080, 7);
    index.add('other', pictureHashes(posterLikePicture(1080, 1080, 9)));
    index.add('same', stored);
    index.add('same-again', pictureHashes(shrink(near, 2)));
    expect(index.size).toBe(
      stored.length + pictureHashes(posterLikePicture(1080, 1080, 9)).length + pictureHashes(shrink(near, 2)).length,
    );
    const matches = index.match(checkedHashes(shrink(poster, 3)));
    expect(matches.map((match) => match.key).sort()).toEqual(['same', 'same-again']);
    expect(matches[0]!.distance).toBeLessThanOrEqual(matches[1]!.distance);
  });

  it('refuses a malformed stored hash', () => {
    expect(() => new PictureIndex<number>().add(1, [{ pdq: 'F'.repeat(64) }])).toThrow(RangeError);
  });
});

describe('AreaSampler', () => {
  it('averages whole and fractional cells exactly', () => {
    // A 128×64 plane whose left half is 0 and right half 100.
    const luma = new Float32Array(128 * 64).map((_, at) => (at % 128 < 64 ? 0 : 100));
    const sampler = new AreaSampler(luma, 128, 64);
    const whole = sampler.grid64({ scale: 1, x: 0.5, y: 0.5 });
    expect([whole[0], whole[31], whole[32], whole[63]]).toEqual([0, 0, 100, 100]);
    // The centred half: columns 32..96 over 64 cells, one source column per cell.
    const half = sampler.grid64({ scale: 0.5, x: 0.5, y: 0.5 });
    expect([half[31], half[32]]).toEqual([0, 100]);
    // 96 columns from column 8, cells 1.5 wide: cell 37 covers columns 63.5–65, a third of it dark.
    const shifted = sampler.grid64({ scale: 0.75, x: 0.25, y: 0.5 });
    expect(shifted[36]).toBe(0);
    expect(shifted[37]).toBeCloseTo(200 / 3, 3);
    expect(shifted[38]).toBeCloseTo(100, 5);
  });

  it('has no area hashes for pictures under 64 px', () => {
    expect(areaHashes(posterLikePicture(63, 200, 1), [{ scale: 1, x: 0.5, y: 0.5 }])).toEqual([]);
  });
});

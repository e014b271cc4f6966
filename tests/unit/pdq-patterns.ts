/**
 * Synthetic pictures for the PDQ tests, made in code so no image file is needed: their
 * reference hashes (in pdq.test.ts) come from ThreatExchange's pdq-photo-hasher run once on the
 * same pixels saved as PNG.
 */
import type { Pixels } from '../../lib/images/pdq';

/** A deterministic "photo": smooth waves, a few hard-edged blocks and a thin striped band. */
export function patternPicture(width: number, height: number, channels: 1 | 3 | 4, seed: number): Pixels {
  const data = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = x / width;
      const v = y / height;
      const wave = 0.5 + 0.25 * Math.sin(6.1 * u * (seed + 1) + 2.3 * v) + 0.2 * Math.cos(9.7 * v - 3.1 * u * seed);
      const block = (Math.floor(u * 5 + seed) + Math.floor(v * 3)) % 3 === 0 ? 0.3 : 0;
      const stripes = v > 0.7 && v < 0.75 && Math.floor(x / 3) % 2 === 0 ? -0.4 : 0;
      const level = Math.max(0, Math.min(1, wave + block + stripes));
      const at = (y * width + x) * channels;
      if (channels === 1) data[at] = Math.round(255 * level);
      else {
        data[at] = Math.round(255 * level);
        data[at + 1] = Math.round(255 * (1 - level) * (0.5 + 0.5 * u));
        data[at + 2] = Math.round(255 * level * v);
        if (channels === 4) data[at + 3] = 255;
      }
    }
  }
  return { data, width, height, channels };
}

/** The pictures the test hashes, by name. */
export const PATTERNS = {
  'wide-squeezed': () => patternPicture(900, 560, 3, 1),
  'tall-squeezed': () => patternPicture(400, 700, 4, 2),
  'small-grey': () => patternPicture(300, 200, 1, 3),
  'exactly-64': () => patternPicture(64, 64, 3, 4),
  'tiny': () => patternPicture(4, 4, 3, 5),
} as const;

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
  tiny: () => patternPicture(4, 4, 3, 5),
} as const;

/** A deterministic "text poster": rows of dark word-like blocks on a light page, high in detail like real text. */
export function posterLikePicture(width: number, height: number, seed: number): Pixels {
  const data = new Uint8Array(width * height * 3).fill(245);
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296;
  const lineHeight = Math.round(height / 18);
  for (let line = 2; line < 16; line++) {
    let x = Math.round(width * 0.08);
    while (x < width * 0.9) {
      const word = Math.round(width * (0.03 + 0.09 * next()));
      for (let letter = 0; letter < word; letter += 3) {
        const stroke = next() < 0.6 ? 2 : 1;
        const top = line * lineHeight + Math.round(lineHeight * 0.2 * next());
        for (let y = top; y < top + lineHeight * 0.6; y++) {
          for (let dx = 0; dx < stroke && x + letter + dx < width; dx++)
            data.fill(20, (y * width + x + letter + dx) * 3, (y * width + x + letter + dx) * 3 + 3);
        }
      }
      x += word + Math.round(width * 0.02);
    }
  }
  return { data, width, height, channels: 3 };
}

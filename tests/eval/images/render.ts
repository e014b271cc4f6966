/**
 * Drawing for the image set: backgrounds as SVG (librsvg), text through Pango (sharp's text
 * input, with font files named explicitly so a missing font is an error, not a silent swap).
 */
import { existsSync } from 'node:fs';
import sharp, { type OverlayOptions, type Sharp } from 'sharp';
import type { Background, Random } from './common';

/** Debian fonts: DejaVu comes with the base system, Liberation with Debian's chromium (fonts-liberation). */
export const FONTS = {
  'DejaVu Sans': ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
  'DejaVu Serif': ['/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf'],
  'DejaVu Sans Condensed': ['/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf'],
  'Liberation Sans': ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf'],
  'Liberation Serif': ['/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf'],
  'Liberation Sans Narrow': ['/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Bold.ttf'],
} as const;
export type FontName = keyof typeof FONTS;
export const FONT_NAMES = Object.keys(FONTS) as FontName[];

/** Refuses to start without the fonts: another font would make other pictures than the reference hashed. */
export function checkFonts(): void {
  const missing = Object.values(FONTS).flat().filter((file) => !existsSync(file));
  if (missing.length) {
    throw new Error(`missing fonts (apt-get install fonts-dejavu-core fonts-dejavu-extra fonts-liberation):\n  ${missing.join('\n  ')}`);
  }
}

const hex = (value: number) => Math.round(Math.max(0, Math.min(255, value))).toString(16).padStart(2, '0');
export const rgb = (r: number, g: number, b: number) => `#${hex(r)}${hex(g)}${hex(b)}`;
export const randomColour = (rng: Random, min = 0, max = 255) => rgb(rng.int(min, max), rng.int(min, max), rng.int(min, max));
export const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function gradientSvg(width: number, height: number, rng: Random, stops: string[]): string {
  const angle = rng.range(0, Math.PI);
  const [x2, y2] = [0.5 + 0.5 * Math.cos(angle), 0.5 + 0.5 * Math.sin(angle)];
  return `<defs><linearGradient id="g" x1="${1 - x2}" y1="${1 - y2}" x2="${x2}" y2="${y2}">${stops
    .map((colour, i) => `<stop offset="${i / (stops.length - 1)}" stop-color="${colour}"/>`)
    .join('')}</linearGradient></defs><rect width="${width}" height="${height}" fill="url(#g)"/>`;
}

/** A landscape-ish scene: sky, sun, hills, trees, clouds; blurred and grained afterwards. */
function sceneSvg(width: number, height: number, rng: Random): string {
  const parts = [gradientSvg(width, height, rng, [randomColour(rng, 90, 230), randomColour(rng, 150, 255)])];
  parts.push(`<circle cx="${rng.int(0, width)}" cy="${rng.int(0, height / 3)}" r="${rng.int(20, width / 8)}" fill="${randomColour(rng, 180, 255)}"/>`);
  for (let cloud = rng.int(0, 4); cloud > 0; cloud--) {
    parts.push(`<ellipse cx="${rng.int(0, width)}" cy="${rng.int(0, height / 3)}" rx="${rng.int(40, width / 4)}" ry="${rng.int(15, 50)}" fill="#ffffff" opacity="${rng.range(0.4, 0.9).toFixed(2)}"/>`);
  }
  for (let layer = 0; layer < 3; layer++) {
    const base = height * (0.45 + 0.17 * layer + rng.range(-0.05, 0.05));
    const amplitude = rng.range(10, height / 8);
    const frequency = rng.range(1, 5);
    const phase = rng.range(0, 6);
    const points = Array.from({ length: 41 }, (_, i) => {
      const x = (i / 40) * width;
      return `${x.toFixed(1)},${(base + amplitude * Math.sin((i / 40) * frequency * Math.PI + phase)).toFixed(1)}`;
    });
    parts.push(`<polygon points="0,${height} ${points.join(' ')} ${width},${height}" fill="${randomColour(rng, 20 + 30 * layer, 120 + 40 * layer)}"/>`);
    for (let tree = rng.int(0, 6); tree > 0; tree--) {
      const x = rng.int(0, width);
      const y = base + rng.range(0, height * 0.1);
      const size = rng.range(height * 0.04, height * 0.14);
      parts.push(`<polygon points="${x},${y - size} ${x - size / 3},${y} ${x + size / 3},${y}" fill="${randomColour(rng, 0, 90)}"/>`);
    }
  }
  return parts.join('');
}

/** Many hard-edged shapes, stripes and stray words: the background OCR finds hardest. */
function busySvg(width: number, height: number, rng: Random): string {
  const parts = [sceneSvg(width, height, rng)];
  for (let shape = rng.int(25, 60); shape > 0; shape--) {
    const colour = randomColour(rng);
    const opacity = rng.range(0.35, 0.95).toFixed(2);
    const x = rng.int(-50, width);
    const y = rng.int(-50, height);
    const kind = rng.int(0, 3);
    if (kind === 0) parts.push(`<circle cx="${x}" cy="${y}" r="${rng.int(8, width / 7)}" fill="${colour}" opacity="${opacity}"/>`);
    else if (kind === 1) parts.push(`<rect x="${x}" y="${y}" width="${rng.int(10, width / 3)}" height="${rng.int(10, height / 3)}" fill="${colour}" opacity="${opacity}" transform="rotate(${rng.int(-40, 40)} ${x} ${y})"/>`);
    else if (kind === 2) parts.push(`<line x1="${x}" y1="${y}" x2="${rng.int(0, width)}" y2="${rng.int(0, height)}" stroke="${colour}" stroke-width="${rng.int(2, 18)}" opacity="${opacity}"/>`);
    else parts.push(`<text x="${x}" y="${y}" font-family="DejaVu Sans" font-size="${rng.int(14, 40)}" fill="${colour}" opacity="${opacity}">${rng.pick(['PROMO', 'viral', '2024', 'WOW', 'info', 'cek', 'breaking', '!!!'])}</text>`);
  }
  return parts.join('');
}

/** Film grain, added in place to raw pixels (grain hides the flat shapes of SVG). */
function addGrain(data: Buffer, channels: number, rng: Random, strength: number): void {
  for (let at = 0; at < data.length; at += channels) {
    const noise = (rng.next() - 0.5) * strength;
    for (let c = 0; c < 3; c++) data[at + c] = Math.max(0, Math.min(255, Math.round(data[at + c]! + noise)));
  }
}

/** PNG for pictures passed between steps: fast to write, lossless like any PNG. */
export const scratchPng = (image: Sharp) => image.png({ compressionLevel: 0 }).toBuffer();

/** A background picture as PNG bytes. `plainColour` is used for 'plain'. */
export async function background(kind: Background, width: number, height: number, rng: Random, plainColour?: string): Promise<Buffer> {
  let body: string;
  if (kind === 'plain') body = `<rect width="${width}" height="${height}" fill="${plainColour ?? randomColour(rng)}"/>`;
  else if (kind === 'gradient') body = gradientSvg(width, height, rng, Array.from({ length: rng.int(2, 3) }, () => randomColour(rng)));
  else if (kind === 'photo') body = sceneSvg(width, height, rng);
  else body = busySvg(width, height, rng);
  const image = sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${body}</svg>`));
  if (kind === 'plain' || kind === 'gradient') return scratchPng(image);
  const { data, info } = await image.blur(kind === 'photo' ? 2.5 : 0.8).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  addGrain(data, info.channels, rng, kind === 'photo' ? 36 : 24);
  return scratchPng(sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }));
}

export interface TextBlock {
  /** Pango markup. */
  markup: string;
  font: FontName;
  width: number;
  height: number;
  align?: 'left' | 'centre' | 'right';
}

/** Text rendered to fit the box (Pango picks the size), as a transparent PNG. */
export async function textImage({ markup, font, width, height, align = 'centre' }: TextBlock): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp({
    text: { text: markup, font, fontfile: FONTS[font][0], width, height, align, rgba: true, wrap: 'word', spacing: 0 },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** The same text block, but also a blurred dark copy under it (legible on any background). */
export async function shadowed(text: { data: Buffer; width: number; height: number }, left: number, top: number, offset: number): Promise<OverlayOptions[]> {
  const shadow = await scratchPng(sharp(text.data).ensureAlpha().linear([0, 0, 0, 1], [0, 0, 0, 0]).blur(Math.max(1, offset / 2)));
  return [
    { input: shadow, left: left + offset, top: top + offset },
    { input: text.data, left, top },
  ];
}

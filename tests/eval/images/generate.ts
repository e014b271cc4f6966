/**
 * Makes the image evaluation set (see README.md here): hoax posters of the claims in
 * claims.json, their variants and remade copies, and unrelated pictures. Seeded: the same
 * sharp version and fonts make the same bytes, which is what lets reference-pdq.csv (made once
 * with the PDQ reference tool) be checked in CI, where the reference tool is not.
 * Run: npx tsx tests/eval/images/generate.ts [--out DIR] [--quiet]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import sharp, { type OverlayOptions, type Sharp } from 'sharp';
import {
  type Background,
  type Claim,
  CLAIMS_FILE,
  GENERATED_DIR,
  type GeneratedImage,
  here,
  type Manifest,
  MANIFEST_FILE,
  random,
  type Random,
  type Remade,
  type Variant,
} from './common';
import { background, checkFonts, escapeXml, FONT_NAMES, type FontName, randomColour, scratchPng, shadowed, textImage } from './render';

/** Bumped when the generator changes what it draws (reference-pdq.csv must then be remade). */
export const GENERATOR_VERSION = 1;
const UNRELATED = 320;
const BACKGROUNDS: Background[] = ['plain', 'gradient', 'photo', 'busy'];
/** Poster canvases seen on social media: square, portrait, story, landscape, link card. */
export const CANVASES: [number, number][] = [
  [1080, 1080],
  [1080, 1350],
  [720, 1280],
  [1200, 900],
  [1200, 628],
  [800, 800],
];
const TAGLINES = {
  id: ['SEBARKAN!!', 'Sebarkan sebelum dihapus!', 'Viralkan!', 'Info A1, bukan hoax', 'Bagikan ke grup keluarga', 'PENTING!!!'],
  en: ['SHARE BEFORE IT GETS DELETED!', 'Pass it on!', 'They do not want you to know this', 'PLEASE SHARE', 'BREAKING'],
};

interface Poster {
  claim: Claim;
  index: number;
  background: Background;
  font: FontName;
  width: number;
  height: number;
  text: string;
}


/** Light text on dark, or dark on light, for a plain or gradient background. */
function inkFor(rng: Random): { paper: string; ink: string; accent: string } {
  const dark = rng.next() < 0.4;
  return dark
    ? { paper: randomColour(rng, 0, 70), ink: '#ffffff', accent: rng.pick(['#ffd400', '#ff5a5a', '#7fe0ff']) }
    : { paper: randomColour(rng, 200, 255), ink: rng.pick(['#111111', '#1a237e', '#222222']), accent: rng.pick(['#c00000', '#d35400', '#0b6e0b']) };
}

/** Draws a poster: background, headline, body, tagline; returns PNG bytes and the words written. */
export async function drawPoster(
  claim: Pick<Claim, 'headline' | 'body' | 'lang'>,
  kind: Background,
  font: FontName,
  width: number,
  height: number,
  rng: Random,
): Promise<{ png: Buffer; text: string }> {
  const { paper, ink, accent } = inkFor(rng);
  const onPicture = kind === 'photo' || kind === 'busy';
  const tagline = rng.pick(TAGLINES[claim.lang]);
  const headline = rng.next() < 0.5 ? claim.headline.toUpperCase() : claim.headline;
  const textInk = onPicture ? rng.pick(['#ffffff', '#fff200']) : ink;
  const markup = [
    `<span foreground="${textInk}" weight="bold" size="150%">${escapeXml(headline)}</span>`,
    claim.body ? `<span foreground="${textInk}">${escapeXml(claim.body)}</span>` : '',
    `<span foreground="${onPicture ? '#ff4040' : accent}" weight="bold">${escapeXml(tagline)}</span>`,
  ]
    .filter(Boolean)
    .join('\n\n');
  const boxWidth = Math.round(width * rng.range(0.72, 0.9));
  const boxHeight = Math.round(height * rng.range(0.5, 0.78));
  const text = await textImage({ markup, font, width: boxWidth, height: boxHeight, align: rng.pick(['centre', 'centre', 'left']) });
  const left = Math.round((width - text.width) / 2);
  const top = Math.round((height - text.height) * rng.range(0.3, 0.7));
  const layers: OverlayOptions[] = [];
  if (onPicture && rng.next() < 0.4) {
    // A translucent panel behind the text, as many poster makers do.
    const pad = 24;
    const panel = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${text.width + 2 * pad}" height="${text.height + 2 * pad}"><rect width="100%" height="100%" rx="18" fill="#000000" opacity="${rng.range(0.45, 0.7).toFixed(2)}"/></svg>`,
    );
    layers.push({ input: panel, left: Math.max(0, left - pad), top: Math.max(0, top - pad) });
    layers.push({ input: text.data, left, top });
  } else if (onPicture) {
    layers.push(...(await shadowed(text, left, top, 3)));
  } else {
    layers.push({ input: text.data, left, top });
  }
  const base = await background(kind, width, height, rng, paper);
  const png = await scratchPng(sharp(base).composite(layers));
  return { png, text: [headline, claim.body, tagline].filter(Boolean).join(' ') };
}

/** Variants: what recompression, resizing, light cropping and filters do to a shared picture. */
async function makeVariant(original: Buffer, variant: Variant, poster: Poster, rng: Random): Promise<{ bytes: Buffer; ext: string }> {
  const image = sharp(original);
  const { width, height } = poster;
  switch (variant) {
    case 'jpeg-low':
      return { bytes: await image.jpeg({ quality: rng.int(30, 50) }).toBuffer(), ext: 'jpg' };
    case 'resize-50':
    case 'resize-25': {
      const scale = variant === 'resize-50' ? 0.5 : 0.25;
      return { bytes: await image.resize(Math.round(width * scale), Math.round(height * scale)).jpeg({ quality: 85 }).toBuffer(), ext: 'jpg' };
    }
    case 'crop-5': {
      // 5% of each side's length removed, split unevenly between the two ends.
      const cutX = Math.round(width * 0.05);
      const cutY = Math.round(height * 0.05);
      const left = rng.int(0, cutX);
      const top = rng.int(0, cutY);
      return { bytes: await image.extract({ left, top, width: width - cutX, height: height - cutY }).jpeg({ quality: 85 }).toBuffer(), ext: 'jpg' };
    }
    case 'brighter-10':
    case 'darker-10':
      return { bytes: await image.modulate({ brightness: variant === 'brighter-10' ? 1.1 : 0.9 }).jpeg({ quality: 85 }).toBuffer(), ext: 'jpg' };
    case 'png':
      return { bytes: await image.png().toBuffer(), ext: 'png' };
  }
}

/** Remade copies: the same hoax, republished in a new frame or re-typeset. */
async function makeRemade(original: Buffer, remade: Remade, poster: Poster, rng: Random): Promise<{ bytes: Buffer; text: string }> {
  const { width, height } = poster;
  const jpeg = (image: Sharp) => image.jpeg({ quality: 85 }).toBuffer();
  switch (remade) {
    case 'caption-bar': {
      const barHeight = Math.round(height * rng.range(0.12, 0.18));
      const caption = rng.pick(poster.claim.lang === 'id' ? ['Cek dulu sebelum sebar', 'Benarkah ini?', 'Dari grup sebelah'] : ['Is this true?', 'Seen in my family group', 'Anyone know?']);
      const text = await textImage({ markup: `<span foreground="#ffffff" weight="bold">${escapeXml(caption)}</span>`, font: 'DejaVu Sans', width: Math.round(width * 0.9), height: Math.round(barHeight * 0.6) });
      const atTop = rng.next() < 0.5;
      const framed = await scratchPng(sharp(original).extend({ top: atTop ? barHeight : 0, bottom: atTop ? 0 : barHeight, background: '#101010' }));
      const top = atTop ? Math.round((barHeight - text.height) / 2) : height + Math.round((barHeight - text.height) / 2);
      return { bytes: await jpeg(sharp(framed).composite([{ input: text.data, left: Math.round((width - text.width) / 2), top }])), text: `${poster.text} ${caption}` };
    }
    case 'border-15': {
      const x = Math.round(width * 0.15);
      const y = Math.round(height * 0.15);
      return { bytes: await jpeg(sharp(original).extend({ top: y, bottom: y, left: x, right: x, background: randomColour(rng) })), text: poster.text };
    }
    case 'screenshot': {
      // A phone screenshot of a social post: status bar, header, the picture, action bar.
      const screenWidth = 1080;
      const pictureWidth = rng.int(960, 1080);
      const pictureHeight = Math.round((height * pictureWidth) / width);
      const header = 260;
      const footer = 320;
      const screenHeight = header + pictureHeight + footer;
      const dark = rng.next() < 0.5;
      const [paper, ink] = dark ? ['#000000', '#e7e9ea'] : ['#ffffff', '#0f1419'];
      const name = rng.pick(['Bunda Ratna', 'Info Warga 62', 'Kabar Terkini', 'Pak RT', 'Daily Truths', 'Mike O.']);
      const chrome = Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${screenWidth}" height="${screenHeight}"><rect width="100%" height="100%" fill="${paper}"/>` +
          `<text x="40" y="60" font-family="DejaVu Sans" font-size="34" fill="${ink}">${rng.int(7, 22)}:${String(rng.int(0, 59)).padStart(2, '0')}</text>` +
          `<rect x="${screenWidth - 120}" y="30" width="70" height="34" rx="6" fill="none" stroke="${ink}" stroke-width="3"/>` +
          `<circle cx="90" cy="170" r="50" fill="${randomColour(rng)}"/>` +
          `<text x="160" y="165" font-family="DejaVu Sans" font-weight="bold" font-size="38" fill="${ink}">${escapeXml(name)}</text>` +
          `<text x="160" y="210" font-family="DejaVu Sans" font-size="30" fill="#71767b">${rng.int(1, 23)} j</text>` +
          Array.from({ length: 4 }, (_, i) => `<circle cx="${140 + i * 250}" cy="${header + pictureHeight + 90}" r="26" fill="none" stroke="#71767b" stroke-width="4"/>`).join('') +
          `<text x="40" y="${header + pictureHeight + 200}" font-family="DejaVu Sans" font-size="32" fill="${ink}">${rng.int(2, 90)}rb suka · ${rng.int(1, 9)}rb komentar</text></svg>`,
      );
      const picture = await scratchPng(sharp(original).resize(pictureWidth, pictureHeight));
      const shot = sharp(chrome).composite([{ input: picture, left: Math.round((screenWidth - pictureWidth) / 2), top: header }]);
      return { bytes: await (rng.next() < 0.5 ? shot.png() : shot.jpeg({ quality: 80 })).toBuffer(), text: poster.text };
    }
    case 'relaid': {
      const [newWidth, newHeight] = rng.pick(CANVASES);
      const kind = rng.pick(BACKGROUNDS.filter((b) => b !== poster.background));
      const font = rng.pick(FONT_NAMES.filter((f) => f !== poster.font));
      const { png, text } = await drawPoster(poster.claim, kind, font, newWidth, newHeight, rng);
      return { bytes: await jpeg(sharp(png)), text };
    }
  }
}

const HARMLESS = {
  id: [
    'Kerja bakti warga RT 05 hari Minggu pukul 07.00, bawa sapu dan cangkul',
    'Pengajian rutin malam Jumat di musala Al-Ikhlas, semua warga diundang',
    'Jadwal posyandu balita bulan ini: Selasa kedua, di balai desa',
    'Diskon 20% semua menu kopi susu setiap hari Senin',
    'Lomba 17 Agustus: balap karung, makan kerupuk, tarik tambang',
    'Selamat ulang tahun Ibu, semoga sehat selalu',
    'Pasar malam dibuka mulai pukul 18.00 di lapangan kecamatan',
    'Les matematika dan bahasa Inggris untuk SD dan SMP, hubungi Bu Sari',
    'Terima kasih atas kehadiran Bapak Ibu di acara pernikahan kami',
    'Jangan lupa membawa tumbler sendiri, kurangi sampah plastik',
    'Resep nasi goreng kampung: bawang merah, cabai, kecap, telur',
    'Turnamen futsal antar kampung, pendaftaran sampai akhir bulan',
    'Perpustakaan desa buka setiap Sabtu, gratis untuk anak-anak',
    'Promo akhir pekan: beli dua gratis satu untuk semua roti manis',
    'Senam pagi bersama di taman kota setiap Minggu pukul 06.30',
  ],
  en: [
    'Community garden open day this Saturday, bring the kids',
    'Book club meets every second Thursday at the library',
    'Grand opening: fresh bread and coffee from 7 am',
    'Lost cat: grey tabby, answers to Milo, please call',
    'Yoga in the park every Sunday morning, all levels welcome',
    'Half price on all pizzas every Tuesday night',
    'Thank you to all our volunteers for a wonderful festival',
    'Annual charity run: 5 km and 10 km, register online',
    'Happy birthday Grandma, we love you',
    'School holiday art workshop for ages 6 to 12',
  ],
};

/** Unrelated pictures: photos, memes, announcements, adverts and harmless posters. */
async function drawUnrelated(index: number, rng: Random): Promise<{ png: Buffer; kind: string; text: string }> {
  const kind = (['photo', 'photo', 'meme', 'announcement', 'advert', 'poster'] as const)[index % 6]!;
  const [width, height] = rng.pick([...CANVASES, [640, 480], [1600, 1200], [480, 640]] as [number, number][]);
  const lang = rng.next() < 0.65 ? 'id' : 'en';
  const phrase = () => rng.pick(HARMLESS[lang]);
  if (kind === 'photo') {
    return { png: await background(rng.pick(['photo', 'photo', 'busy']), width, height, rng), kind, text: '' };
  }
  if (kind === 'meme') {
    const base = await background('photo', width, height, rng);
    const [top, bottom] = lang === 'id' ? ['KETIKA GAJIAN', 'TAPI CICILAN MENUNGGU'] : ['WHEN THE WEEKEND', 'IS FINALLY HERE'];
    const topWords = rng.next() < 0.5 ? top : phrase().toUpperCase();
    const layers: OverlayOptions[] = [];
    for (const [words, y] of [
      [topWords, 0.04],
      [bottom, 0.8],
    ] as const) {
      const text = await textImage({ markup: `<span foreground="#ffffff" weight="bold">${escapeXml(words)}</span>`, font: 'Liberation Sans', width: Math.round(width * 0.92), height: Math.round(height * 0.15) });
      layers.push(...(await shadowed(text, Math.round((width - text.width) / 2), Math.round(height * y), 3)));
    }
    return { png: await scratchPng(sharp(base).composite(layers)), kind, text: `${topWords} ${bottom}` };
  }
  const claim = { headline: phrase(), body: kind === 'advert' ? `${phrase()}. Rp${rng.int(10, 99)}.000` : phrase(), lang } as const;
  const { png, text } = await drawPoster(claim, rng.pick(['plain', 'gradient', 'photo', 'busy']), rng.pick(FONT_NAMES), width, height, rng);
  return { png, kind, text };
}

/** Writes the whole set to `out` (emptied first) with its manifest.json. */
export async function generateImageSet(out: string, quiet = false): Promise<void> {
  checkFonts();
  const started = performance.now();
  const claims = JSON.parse(readFileSync(resolve(here, CLAIMS_FILE), 'utf8')) as Claim[];
  rmSync(out, { recursive: true, force: true });
  for (const folder of ['posters', 'variants', 'remade', 'unrelated']) mkdirSync(resolve(out, folder), { recursive: true });
  const images: GeneratedImage[] = [];
  const write = (file: string, bytes: Buffer, entry: Omit<GeneratedImage, 'file'>) => {
    writeFileSync(resolve(out, file), bytes);
    images.push({ file, ...entry });
  };

  for (const [index, claim] of claims.entries()) {
    // One seed per poster: each picture is reproducible on its own, whatever else changes.
    const rng = random(1000 + index);
    const name = String(index).padStart(3, '0');
    const backgroundKind = BACKGROUNDS[index % BACKGROUNDS.length]!;
    const font = FONT_NAMES[Math.floor(index / BACKGROUNDS.length) % FONT_NAMES.length]!;
    const [width, height] = CANVASES[index % CANVASES.length]!;
    const { png, text } = await drawPoster(claim, backgroundKind, font, width, height, rng);
    const poster: Poster = { claim, index, background: backgroundKind, font, width, height, text };
    const original = await sharp(png).jpeg({ quality: 92 }).toBuffer();
    const common = { poster: index, background: backgroundKind, lang: claim.lang, claimId: claim.id, text };
    write(`posters/${name}.jpg`, original, { set: 'poster', kind: 'poster', ...common });
    for (const variant of ['jpeg-low', 'resize-50', 'resize-25', 'crop-5', 'brighter-10', 'darker-10', 'png'] as const) {
      const { bytes, ext } = await makeVariant(original, variant, poster, rng);
      write(`variants/${name}-${variant}.${ext}`, bytes, { set: 'variant', variant, kind: 'poster', ...common });
    }
    for (const remade of ['caption-bar', 'border-15', 'screenshot', 'relaid'] as const) {
      const { bytes, text: remadeText } = await makeRemade(original, remade, poster, rng);
      write(`remade/${name}-${remade}.jpg`, bytes, { set: 'remade', variant: remade, kind: 'poster', ...common, text: remadeText });
    }
    if (!quiet && index % 16 === 15) console.log(`  ${index + 1} posters…`);
  }
  for (let index = 0; index < UNRELATED; index++) {
    const rng = random(50_000 + index);
    const { png, kind, text } = await drawUnrelated(index, rng);
    const asPng = rng.next() < 0.25;
    const bytes = asPng ? png : await sharp(png).jpeg({ quality: rng.int(60, 92) }).toBuffer();
    write(`unrelated/${String(index).padStart(3, '0')}-${kind}.${asPng ? 'png' : 'jpg'}`, bytes, { set: 'unrelated', kind, text });
  }
  const manifest: Manifest = { generator: GENERATOR_VERSION, claims: claimsStamp(), images };
  writeFileSync(resolve(out, MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
  if (!quiet) console.log(`wrote ${images.length} images to ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** What the set is made from, to tell when a generated copy is stale. */
export const claimsStamp = () => createHash('sha256').update(readFileSync(resolve(here, CLAIMS_FILE))).digest('hex').slice(0, 16);

if (process.argv[1] && resolve(process.argv[1]) === resolve(here, 'generate.ts')) {
  const outArgument = process.argv.indexOf('--out');
  await generateImageSet(resolve(outArgument > 0 ? process.argv[outArgument + 1]! : resolve(here, GENERATED_DIR)), process.argv.includes('--quiet'));
}

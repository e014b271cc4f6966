/**
 * The classroom feed's pictures (public/demo/), drawn with the evaluation set's poster drawing:
 * an invented dam-collapse poster whose hashes the classroom pack's items carry (the picture a
 * fact-checker would list), a remade WhatsApp-fee poster that no listed hash knows (caught by the
 * words beside it, and by its own words once pictures' text is read), and a harmless school
 * poster. Run after changing them: `npx tsx tests/eval/images/demo-pictures.ts`; it writes the
 * pictures and the dam poster's hashes into public/demo/pack.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import sharp from 'sharp';
import { decodeImage } from '../../../lib/images/decode-node';
import { pictureHashes } from '../../../lib/images/picture-hashes';
import { here, random } from './common';
import { drawPoster } from './generate';
import { background, checkFonts, escapeXml, textImage } from './render';

const DEMO_DIR = resolve(here, '../../../public/demo');
const PACK_FILE = resolve(DEMO_DIR, 'pack.json');
/** The pack's items the dam poster is listed under. */
const DAM_ITEMS = ['dam-collapse-id', 'dam-collapse-en'];

/** As shared: a JPEG, as chat apps and feeds recompress what is posted. */
const shared = (png: Buffer) => sharp(png).jpeg({ quality: 82 }).toBuffer();

async function harmlessPoster(): Promise<Buffer> {
  const [width, height] = [640, 800];
  const markup = [
    `<span foreground="#1d3b6e" weight="bold" size="160%">LOMBA KEBERSIHAN KELAS</span>`,
    `<span foreground="#1d3b6e">${escapeXml('Sabtu, 14 November, pukul 07.30 di SMPN 3. Bawa sapu, kain lap dan semangat!')}</span>`,
    `<span foreground="#c0392b" weight="bold">${escapeXml('Hadiah untuk kelas terbersih — OSIS')}</span>`,
  ].join('\n\n');
  const text = await textImage({ markup, font: 'DejaVu Sans', width: 540, height: 560 });
  const base = await background('plain', width, height, random(7003), '#fdf6e3');
  return sharp(base)
    .composite([{ input: text.data, left: Math.round((width - text.width) / 2), top: Math.round((height - text.height) / 2) }])
    .png()
    .toBuffer();
}

checkFonts();
const dam = await drawPoster(
  {
    headline: 'BENDUNGAN KATULAMPA JEBOL MALAM INI',
    body: 'Warga bantaran Ciliwung dari Bogor sampai Jakarta wajib mengungsi sebelum pukul 22.00. Info dari petugas bendungan.',
    lang: 'id',
  },
  'photo',
  'DejaVu Sans',
  640,
  800,
  random(7001),
);
const fee = await drawPoster(
  {
    headline: 'WHATSAPP BERBAYAR MULAI BULAN DEPAN',
    body: 'Rp 5.000 per bulan untuk setiap akun. Teruskan pesan ini ke 20 kontak supaya akunmu tetap gratis.',
    lang: 'id',
  },
  'gradient',
  'Liberation Sans',
  800,
  800,
  random(7002),
);
writeFileSync(resolve(DEMO_DIR, 'dam-poster.jpg'), await shared(dam.png));
writeFileSync(resolve(DEMO_DIR, 'fee-poster.jpg'), await shared(fee.png));
writeFileSync(resolve(DEMO_DIR, 'school-poster.jpg'), await shared(await harmlessPoster()));

// The list carries the hashes of the poster itself, as a fact-checker would hash the debunked picture.
const images = pictureHashes(await decodeImage(new Uint8Array(dam.png)));
const pack = JSON.parse(readFileSync(PACK_FILE, 'utf8')) as { items: { id: string; images?: unknown }[] };
for (const item of pack.items) if (DAM_ITEMS.includes(item.id)) item.images = images;
// Laid out as the file is kept (Prettier's JSON style), so a re-run changes only what changed.
const options = (await resolveConfig(PACK_FILE)) ?? {};
writeFileSync(PACK_FILE, await format(JSON.stringify(pack), { ...options, parser: 'json' }));
console.log(`wrote 3 pictures to ${DEMO_DIR}; ${images.length} hashes for ${DAM_ITEMS.join(', ')}`);

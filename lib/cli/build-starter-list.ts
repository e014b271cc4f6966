/**
 * Builds public/starter-list.json.gz, the list bundled with the extension, from
 * the merged MAFINDO / TurnBackHoax fact-checks in ../shared/data/id.
 * Run: npm run starter-list
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  LIMITS,
  listHeaderSchema,
  listItemSchema,
  type ListItem,
  type Rating,
  type SaringList,
} from '../lists/schema';

/** One line of factchecks.jsonl.gz (only the fields used here). */
export interface FactCheckRecord {
  id: string;
  url?: string | null;
  url_is_guess?: boolean | null;
  title?: string | null;
  verdict?: string | null;
  date?: string | null;
  narasi?: string | null;
  post_text?: string | null;
  conclusion?: string | null;
  is_hoax?: boolean;
}

/**
 * The circulating text is matched, not shown by default; its opening is what
 * identifies a hoax, so the bundled copy keeps only that much.
 */
const STARTER_TEXT_LENGTH = 600;

const VERDICT_PREFIX = /^\s*\[([^\]]{1,40})\]\s*/;

const RATING_BY_VERDICT: Array<[RegExp, Rating]> = [
  [/PENIPUAN|SCAM|PHISHING/, 'scam'],
  [/SATIR|PARODI|KOMEDI|SATIRE/, 'satire'],
  [/DIMANIPULASI|MANIPULASI|FABRICATED|REKAYASA|ALTERED|EDITAN/, 'altered'],
  [/MENYESATKAN|MISLEADING/, 'misleading'],
  [/KONTEKS|MISSING CONTEXT|OUT OF CONTEXT/, 'missing-context'],
  [/BELUM TERBUKTI|UNPROVEN|TIDAK TERBUKTI/, 'unproven'],
  [/SEBAGIAN|MIXED|MIXTURE/, 'mixed'],
  [/SALAH|HOAKS|HOAX|KELIRU|DISINFORMASI|FALSE|FITNAH/, 'false'],
];

export function ratingFromVerdict(verdict: string | undefined): Rating {
  const upper = (verdict ?? '').toUpperCase();
  for (const [pattern, rating] of RATING_BY_VERDICT) if (pattern.test(upper)) return rating;
  return 'false';
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, mei: 5, jun: 6, jul: 7, aug: 8, agu: 8, agt: 8,
  agus: 8, sep: 9, okt: 10, oct: 10, nov: 11, des: 12, dec: 12,
};

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return date.toISOString().slice(0, 10);
}

/** Dates as the sources wrote them: 24/06/2026, 24 Jun 2024, 7-Apr-18, 06-Agu-18, 2024-06-24. */
export function parseFactCheckDate(raw: string | null | undefined): string | undefined {
  const value = (raw ?? '').trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(value);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[\s-]+([A-Za-z]{3,9})[\s-]+(\d{2}|\d{4})$/.exec(value);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase().slice(0, 3)] ?? MONTHS[m[2]!.toLowerCase()];
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return month ? isoDate(year, month, Number(m[1])) : undefined;
  }
  return undefined;
}

/** Cuts at the last word boundary that fits, with an ellipsis when something was cut. */
export function cutOnWord(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const room = clean.slice(0, max - 1);
  const lastSpace = room.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? room.slice(0, lastSpace) : room).trimEnd()}…`;
}

export interface ItemOptions {
  /** Keep the circulating text (cut to this length); 0 leaves it out. */
  textLength: number;
}

/** A list item from a fact-check record, or null when the record is not a hoax. */
export function factCheckToItem(record: FactCheckRecord, options: ItemOptions): ListItem | null {
  if (!record.is_hoax) return null;
  const title = (record.title ?? '').trim();
  const prefix = VERDICT_PREFIX.exec(title);
  const claim = cutOnWord(prefix ? title.slice(prefix[0].length) : title, LIMITS.claim);
  const label = (record.verdict ?? prefix?.[1] ?? '').trim().toUpperCase();
  const item: ListItem = { id: record.id, claim, rating: ratingFromVerdict(label) };
  if (label) item.label = label.slice(0, LIMITS.label);
  // Rebuilt URLs are "usually but not always right": a dead debunk link costs trust.
  if (record.url?.startsWith('https://') && !record.url_is_guess) item.url = record.url;
  const published = parseFactCheckDate(record.date);
  if (published) item.published = published;
  const text = record.post_text?.trim() || record.narasi?.trim();
  if (text && options.textLength > 0) item.text = cutOnWord(text, options.textLength);
  if (record.conclusion?.trim()) item.summary = cutOnWord(record.conclusion, LIMITS.summary);
  item.language = 'id';
  return item;
}

export function readJsonLinesGz<T>(path: string): T[] {
  return gunzipSync(readFileSync(path))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The bundled starter list, as the extension ships it. */
export const STARTER_LIST_FILE = resolve(repoRoot, 'public/starter-list.json.gz');

/** Reads the bundled starter list (for the eval, the benchmark and tests). */
export function readStarterList(): SaringList {
  return JSON.parse(gunzipSync(readFileSync(STARTER_LIST_FILE)).toString('utf8')) as SaringList;
}
export const SHARED_DATA = resolve(repoRoot, '../shared/data');

function main(): void {
  const records = readJsonLinesGz<FactCheckRecord>(resolve(SHARED_DATA, 'id/factchecks.jsonl.gz'));
  const items: ListItem[] = [];
  const seen = new Set<string>();
  const skipped: string[] = [];
  records.forEach((record, line) => {
    const item = factCheckToItem(record, { textLength: STARTER_TEXT_LENGTH });
    if (!item) return;
    const checked = listItemSchema.safeParse(item);
    if (!checked.success || seen.has(item.id)) {
      const why = checked.success ? 'duplicate id' : checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      skipped.push(`line ${line + 1} (${record.id}): ${why}`);
      return;
    }
    seen.add(item.id);
    items.push(checked.data);
  });

  const newest = items.reduce((max, item) => (item.published && item.published > max ? item.published : max), '');
  const header = listHeaderSchema.parse({
    saringList: 1,
    id: 'saring-starter',
    name: 'Saring starter list — TurnBackHoax (MAFINDO)',
    description:
      'Hoaks yang sudah diperiksa relawan MAFINDO / TurnBackHoax (turnbackhoax.id). Judul, label dan tautan adalah karya MAFINDO.',
    publisher: { name: 'MAFINDO / TurnBackHoax', url: 'https://turnbackhoax.id' },
    languages: ['id'],
    // YYYYMMDD of the newest fact-check: rises with every rebuild that adds items.
    version: Number(newest.replaceAll('-', '')) || 1,
    published: newest ? `${newest}T00:00:00Z` : undefined,
    refresh: 'P7D',
  });
  const list: SaringList = { ...header, items };
  const json = JSON.stringify(list);
  // Shipped gzipped: a third of the size, and under the Firefox linter's limit for a JSON file.
  const gzipped = gzipSync(json, { level: 9 });
  writeFileSync(STARTER_LIST_FILE, gzipped);
  console.log(
    `wrote ${STARTER_LIST_FILE}: ${items.length} items, ${(json.length / 1e6).toFixed(2)} MB ` +
      `(${(gzipped.length / 1e6).toFixed(2)} MB gzipped), version ${header.version}`,
  );
  console.log(`skipped ${skipped.length}${skipped.length ? ':' : ''}`);
  for (const line of skipped.slice(0, 20)) console.log(`  ${line}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();

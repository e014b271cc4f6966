/**
 * Builds public/starter-list.json.gz, the list bundled with the extension, from
 * the merged MAFINDO / TurnBackHoax fact-checks in ../shared/data/id.
 * Run: npm run starter-list
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { LIMITS, listHeaderSchema, listItemSchema, type ListItem, type SaringList } from '../lists/schema';
import { parseFactCheckDate } from '../lists/dates';
import { cutOnWord } from '../lists/text';
import { ratingFromVerdict } from '../lists/verdicts';

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
  const item: ListItem = { id: record.id, claim, rating: ratingFromVerdict(label) ?? 'false' };
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
/** The shared data next to the checkout; SARING_SHARED_DATA points elsewhere (a checkout in a deeper folder, a worktree). */
export const SHARED_DATA = process.env.SARING_SHARED_DATA ?? resolve(repoRoot, '../shared/data');

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
      const why = checked.success
        ? 'duplicate id'
        : checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
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

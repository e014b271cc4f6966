import { parseCsv } from './csv';
import { parseFactCheckDate } from './dates';
import { appearancesOf, withoutEmpty, type ImportedItems } from './imported';
import { deriveItemId } from './item-id';
import { LIMITS, RATINGS, type Rating } from './schema';
import { fitText } from './text';
import { ListFormatError, type ListProblem } from './validate';
import { ratingFromVerdict } from './verdicts';

/** The columns of a list CSV, in the order a spreadsheet gets them on export. */
export const CSV_COLUMNS = [
  'id',
  'claim',
  'rating',
  'label',
  'url',
  'published',
  'summary',
  'text',
  'keywords',
  'language',
  'appearances',
] as const;
type Column = (typeof CSV_COLUMNS)[number];

/** Indonesian headers volunteers write instead. */
const COLUMN_ALIASES: Record<string, Column> = {
  klaim: 'claim',
  verdict: 'label',
  tautan: 'url',
  link: 'url',
  tanggal: 'published',
  date: 'published',
  ringkasan: 'summary',
  teks: 'text',
  'kata kunci': 'keywords',
  bahasa: 'language',
};

/** Separates list values (keywords, appearances) inside one cell. */
export const CSV_LIST_SEPARATOR = '|';

function columnOf(header: string): Column | undefined {
  const name = header.trim().toLowerCase();
  return (CSV_COLUMNS as readonly string[]).includes(name) ? (name as Column) : COLUMN_ALIASES[name];
}

const isRating = (value: string): value is Rating => (RATINGS as readonly string[]).includes(value);

const splitList = (cell: string) =>
  cell
    .split(CSV_LIST_SEPARATOR)
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * A spreadsheet of fact-checks to candidate items: forgiving in form (column case and order,
 * aliases, spaces, verdict words in the rating column, dates as spreadsheets write them),
 * strict in meaning (no rating, no date that exists: the row is skipped and reported).
 */
export function importCsv(text: string): ImportedItems {
  const { rows, lines } = parseCsv(text);
  const [header, ...body] = rows;
  const columns = (header ?? []).map(columnOf);
  if (!columns.includes('claim')) {
    throw new ListFormatError(
      `Not a list CSV: the header row needs a "claim" column (found: ${
        (header ?? [])
          .map((name) => JSON.stringify(name.trim()))
          .join(', ')
          .slice(0, 300) || 'nothing'
      })`,
    );
  }
  const problems: ListProblem[] = [];
  const entries = body.flatMap((row, index) => {
    const where = `line ${lines[index + 1]}`;
    const cells: Partial<Record<Column, string>> = {};
    columns.forEach((column, at) => {
      if (column && row[at] !== undefined) cells[column] = row[at].trim();
    });
    const ratingCell = cells.rating ?? '';
    const label = cells.label ?? '';
    const rating = isRating(ratingCell.toLowerCase())
      ? (ratingCell.toLowerCase() as Rating)
      : ratingFromVerdict(ratingCell || label);
    if (!rating) {
      problems.push({
        where: `${where}, rating`,
        what: ratingCell
          ? `${JSON.stringify(ratingCell.slice(0, 40))} is not a rating (${RATINGS.join(', ')}) or a verdict Saring knows`
          : `is required (${RATINGS.join(', ')}), or a label with a verdict Saring knows`,
      });
      return [];
    }
    const published = cells.published ? parseFactCheckDate(cells.published) : undefined;
    if (cells.published && !published) {
      problems.push({
        where: `${where}, published`,
        what: `not a date: ${JSON.stringify(cells.published.slice(0, 40))}`,
      });
      return [];
    }
    const claim = cells.claim ?? '';
    const item = withoutEmpty({
      id: cells.id || deriveItemId(cells.url, claim),
      claim,
      rating,
      // A verdict word in the rating column is the publisher's label.
      label: label || (isRating(ratingCell.toLowerCase()) ? '' : ratingCell),
      url: cells.url,
      published,
      summary: cells.summary && fitText(cells.summary, LIMITS.summary),
      text: cells.text && fitText(cells.text, LIMITS.text),
      keywords: splitList(cells.keywords ?? ''),
      language: cells.language?.toLowerCase(),
      appearances: appearancesOf(splitList(cells.appearances ?? ''), `${where}, appearances`, problems),
    });
    return [{ where, item }];
  });
  return { format: 'csv', entries, problems, keySeparator: ', ' };
}

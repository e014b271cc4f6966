import { ListFormatError } from './validate';

export interface CsvTable {
  /** Rows of fields, blank lines left out; the first row is the header. */
  rows: string[][];
  /** The 1-based line each row starts on (rows can span lines inside quotes). */
  lines: number[];
  delimiter: string;
}

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter used most on the first line outside quotes (spreadsheets in Indonesia often use `;`). */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

/**
 * Parses CSV as spreadsheets write it: UTF-8 with or without BOM, `,` `;` or tab, CRLF or LF,
 * quoted fields holding delimiters, newlines and doubled quotes, spaces around quoted fields.
 * Refuses an unclosed quote: it would swallow the rest of the file silently.
 */
export function parseCsv(input: string): CsvTable {
  const text = input.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(text);
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;

  const endRow = () => {
    row.push(field);
    if (row.length > 1 || row[0]!.trim() !== '') {
      rows.push(row);
      lines.push(rowLine);
    }
    row = [];
    field = '';
  };

  while (i < text.length) {
    const char = text[i]!;
    if (char === '"' && field.trim() === '') {
      // A quoted field: read to the closing quote, then skip spaces up to the delimiter.
      const openedOn = line;
      field = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new ListFormatError(`CSV line ${openedOn}: a quoted field is never closed`);
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
        i++;
      }
      while (text[i] === ' ' || (text[i] === '\t' && delimiter !== '\t')) i++;
      continue;
    }
    if (char === delimiter) {
      row.push(field);
      field = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      field += char;
    }
    i++;
  }
  if (field !== '' || row.length > 0) endRow();
  return { rows, lines, delimiter };
}

/** One CSV field, quoted only when it must be. */
function csvField(value: string | number, options: CsvOptions): string {
  let text = String(value);
  // A leading = + - @ would run as a formula in spreadsheet apps; only for files meant to be opened
  // there, since a list exported for re-import must come back byte for byte.
  if (options.formulaSafe && typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /["\r\n]/.test(text) || text.includes(options.delimiter) || text !== text.trim()
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

export interface CsvOptions {
  delimiter: string;
  formulaSafe?: boolean;
}

/** CSV text (CRLF, as spreadsheets expect) from rows of fields. */
export function formatCsv(
  rows: readonly (readonly (string | number)[])[],
  options: CsvOptions = { delimiter: ',' },
): string {
  return rows.map((row) => row.map((value) => csvField(value, options)).join(options.delimiter)).join('\r\n') + '\r\n';
}

/** CSV for people to open in a spreadsheet (statistics, quiz results): formulas neutralised. */
export function spreadsheetCsv(rows: readonly (readonly (string | number)[])[]): string {
  return formatCsv(rows, { delimiter: ',', formulaSafe: true });
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  mei: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  agu: 8,
  agt: 8,
  agus: 8,
  sep: 9,
  okt: 10,
  oct: 10,
  nov: 11,
  des: 12,
  dec: 12,
};

/** Day 0 of spreadsheet serial dates (Excel's 1900 system, counting its phantom 29 Feb 1900). */
const SPREADSHEET_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return date.toISOString().slice(0, 10);
}

/**
 * A YYYY-MM-DD date from dates as sources and spreadsheets write them: 2024-06-24 (also as the
 * start of a date-time), 24/06/2026, 24.06.2026, 24-06-2026 (day first, as in Indonesia),
 * 24 Jun 2024, 7-Apr-18, 06-Agu-18, or a spreadsheet serial number such as 46197.
 * Undefined when the text is not a real date.
 */
export function parseFactCheckDate(raw: string | null | undefined): string | undefined {
  const value = (raw ?? '').trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])/.exec(value);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[\s-]+([A-Za-z]{3,9})[\s-]+(\d{2}|\d{4})$/.exec(value);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase().slice(0, 3)] ?? MONTHS[m[2]!.toLowerCase()];
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return month ? isoDate(year, month, Number(m[1])) : undefined;
  }
  // Serials from 1982 to 2064: wide enough for fact-checks, narrow enough not to read ids as dates.
  if (/^\d{5}$/.test(value) && Number(value) >= 30_000 && Number(value) <= 60_000) {
    return new Date(SPREADSHEET_EPOCH_UTC + Number(value) * DAY_MS).toISOString().slice(0, 10);
  }
  return undefined;
}

import type { ListProblem } from './validate';

/** The formats importList reads. */
export type ListFormat = 'saring' | 'claimreview' | 'factcheck-api' | 'csv';

export interface Publisher {
  name: string;
  url?: string;
}

/** A candidate item found in a source, checked against the list schema afterwards. */
export interface ImportedEntry {
  /** Where it was, for people: `ClaimReview[3]`, `claims[5]`, `line 43`. */
  where: string;
  item: Record<string, unknown>;
}

/** What an importer found in one source file. */
export interface ImportedItems {
  format: ListFormat;
  entries: ImportedEntry[];
  /** Entries (or parts of them) that could not be mapped, and why. */
  problems: ListProblem[];
  /** The review's author or publisher, when the source names one. */
  publisher?: Publisher;
  /** Put between `where` and a field in problems: `.` or `, `. */
  keySeparator: string;
}

/** A value as trimmed text, or '' when it is not text (or a number). */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** A plain object, or undefined; the first one of an array (JSON-LD allows one or many). */
export function objectOf(value: unknown): Record<string, unknown> | undefined {
  const one: unknown = Array.isArray(value) ? value[0] : value;
  return one && typeof one === 'object' && !Array.isArray(one) ? (one as Record<string, unknown>) : undefined;
}

/** One or many (JSON-LD style) as an array. */
export function manyOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Only the fields that have a value: optional fields are left out, not set to ''. */
export function withoutEmpty(item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(item).filter(
      ([, value]) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0),
    ),
  );
}

function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Where a hoax circulated, https only: an http or odd link there is a detail of the source, not a
 * reason to drop the fact-check, so it is left out and reported alone.
 */
export function appearancesOf(urls: readonly string[], where: string, problems: ListProblem[]): string[] {
  const kept = new Set<string>();
  urls.forEach((url, index) => {
    if (isHttps(url)) kept.add(url);
    else problems.push({ where: `${where}[${index}]`, what: 'not an https link: left out' });
  });
  return [...kept];
}

import { findClaimReviews, importClaimReview } from './import-claimreview';
import { importCsv } from './import-csv';
import { importFactCheckApi, isFactCheckApiResponse } from './import-factcheck-api';
import type { ImportedItems, ListFormat } from './imported';
import { parseJsonText, stripBom } from './json-text';
import type { SaringList } from './schema';
import { checkHeader, checkItemCount, checkItems, ListFormatError, validateList, type ListProblem } from './validate';

export interface ImportOptions {
  /** Names the format when the content cannot (a .csv that looks like nothing else) and gives defaults. */
  fileName?: string;
  /** The list's id: required for sources other than a Saring list unless the file name gives one. */
  id?: string;
  name?: string;
  /** Defaults to 1 for sources other than a Saring list (a local list has no history). */
  version?: number;
  /** Publisher name, when the source names none (or to override it). */
  publisher?: string;
}

export interface ImportResult {
  list: SaringList;
  format: ListFormat;
  /** Items (or parts of them) left out, and why. */
  skipped: ListProblem[];
}

const looksLikeJson = (text: string, fileName = '') =>
  /^\s*[[{]/.test(text) || /\.(json|jsonld|json-ld)$/i.test(fileName);

/** `turnbackhoax-2026` from `TurnBackHoax 2026.csv`: a list id a file name can give. */
function idFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return base
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

function importJson(json: unknown): ImportedItems {
  if (isFactCheckApiResponse(json)) return importFactCheckApi(json);
  if (findClaimReviews(json).length > 0) return importClaimReview(json);
  const shape = Array.isArray(json)
    ? 'an array'
    : json === null || typeof json !== 'object'
      ? `a JSON ${json === null ? 'null' : typeof json}`
      : 'a JSON object';
  throw new ListFormatError(
    `Not a list: ${shape} without "saringList", Fact Check API "claims" or schema.org ClaimReview`,
  );
}

function importedToList(imported: ImportedItems, options: ImportOptions): ImportResult {
  checkItemCount(imported.entries.length);
  const { items, problems } = checkItems(
    imported.entries.map((entry) => entry.item),
    (index) => imported.entries[index]!.where,
    imported.keySeparator,
  );
  const id = options.id ?? idFromFileName(options.fileName ?? '');
  if (!id) throw new ListFormatError('An imported list needs an id (a-z, 0-9 and -): give one or a file name');
  const publisher = options.publisher ? { name: options.publisher } : imported.publisher;
  const languages = [...new Set(items.flatMap((item) => (item.language ? [item.language] : [])))].slice(0, 20);
  const header = checkHeader({
    saringList: 1,
    id,
    name: options.name ?? publisher?.name ?? options.fileName?.replace(/^.*[\\/]/, '') ?? id,
    version: options.version ?? 1,
    ...(publisher ? { publisher } : {}),
    ...(languages.length ? { languages } : {}),
  });
  return { list: { ...header, items }, format: imported.format, skipped: [...imported.problems, ...problems] };
}

/**
 * Reads a list from a file's text in any format Saring imports: a Saring list, schema.org
 * ClaimReview JSON-LD, a Fact Check Tools API response, or CSV. Bad items are left out and
 * listed in `skipped`; a file that is none of these (or too big, or hostile) throws a
 * ListFormatError whose message says what is wrong. Never throws anything else.
 */
export function importList(text: string, options: ImportOptions = {}): ImportResult {
  try {
    if (!looksLikeJson(stripBom(text), options.fileName)) return importedToList(importCsv(text), options);
    const json = parseJsonText(text);
    if (json && typeof json === 'object' && 'saringList' in json) {
      const { header, items, domains, problems } = validateList(json);
      const overrides = checkHeader({
        ...header,
        ...(options.id ? { id: options.id } : {}),
        ...(options.name ? { name: options.name } : {}),
        ...(options.version !== undefined ? { version: options.version } : {}),
        ...(options.publisher ? { publisher: { name: options.publisher } } : {}),
      });
      return {
        list: { ...overrides, items, ...(domains.length ? { domains } : {}) },
        format: 'saring',
        skipped: problems,
      };
    }
    return importedToList(importJson(json), options);
  } catch (error) {
    if (error instanceof ListFormatError) throw error;
    // Hostile input can still exhaust something (a stack, memory): say so rather than crash.
    throw new ListFormatError(`Could not read the list: ${error instanceof Error ? error.message : String(error)}`);
  }
}

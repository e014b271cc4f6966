import { CSV_COLUMNS, CSV_LIST_SEPARATOR } from './import-csv';
import { formatCsv } from './csv';
import { domainEntrySchema, listHeaderSchema, listItemSchema, publisherSchema, type SaringList } from './schema';

/** An object's fields in the schema's order, unknown ones dropped: stable output for diffs and signatures. */
function ordered(value: object, keys: readonly string[]): Record<string, unknown> {
  const source = value as Record<string, unknown>;
  return Object.fromEntries(keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]));
}

const HEADER_KEYS = Object.keys(listHeaderSchema.shape);
const ITEM_KEYS = Object.keys(listItemSchema.shape);
const DOMAIN_KEYS = Object.keys(domainEntrySchema.shape);
const PUBLISHER_KEYS = Object.keys(publisherSchema.shape);

/**
 * A list as a native file: fields in the schema's order, the header pretty-printed and one item
 * per line, so a list kept in git diffs by item and the same list always gives the same bytes.
 */
export function serializeList(list: SaringList): string {
  const header = ordered(list, HEADER_KEYS);
  if (list.publisher) header.publisher = ordered(list.publisher, PUBLISHER_KEYS);
  const headerLines = Object.entries(header).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  const block = (key: string, rows: object[], keys: readonly string[]) =>
    `  ${JSON.stringify(key)}: [${rows.length ? '\n' : ''}${rows.map((row) => `    ${JSON.stringify(ordered(row, keys))}`).join(',\n')}${rows.length ? '\n  ' : ''}]`;
  const blocks = [block('items', list.items, ITEM_KEYS)];
  if (list.domains?.length) blocks.push(block('domains', list.domains, DOMAIN_KEYS));
  return `{\n${[...headerLines, ...blocks].join(',\n')}\n}\n`;
}

/** A list's items as CSV (the columns importList reads back), for editing in a spreadsheet. */
export function listToCsv(list: SaringList): string {
  const rows = list.items.map((item) =>
    CSV_COLUMNS.map((column) => {
      const value = item[column];
      return Array.isArray(value) ? value.join(CSV_LIST_SEPARATOR) : (value ?? '');
    }),
  );
  return formatCsv([[...CSV_COLUMNS], ...rows]);
}

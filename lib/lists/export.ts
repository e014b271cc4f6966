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
 * An item as one line of JSON: the schema's fields in the schema's order, unknown ones dropped.
 * The list file writes items so, and patch checksums hash exactly this text (see PATCHES.md).
 */
export function itemLine(item: object): string {
  return JSON.stringify(ordered(item, ITEM_KEYS));
}

/** A header (every field but items and domains) in the schema's order, unknown fields dropped. */
export function orderedHeader(header: object): Record<string, unknown> {
  const result = ordered(header, HEADER_KEYS);
  const publisher = (header as { publisher?: object }).publisher;
  if (publisher) result.publisher = ordered(publisher, PUBLISHER_KEYS);
  return result;
}

/** A domain entry as one line of JSON, fields in the schema's order. */
export function domainLine(domain: object): string {
  return JSON.stringify(ordered(domain, DOMAIN_KEYS));
}

/** `  "key": [` then one line per row, as the list and patch files write their arrays. */
export function linesBlock(key: string, lines: readonly string[]): string {
  return `  ${JSON.stringify(key)}: [${lines.length ? '\n' : ''}${lines.map((line) => `    ${line}`).join(',\n')}${lines.length ? '\n  ' : ''}]`;
}

/**
 * A list as a native file: fields in the schema's order, the header pretty-printed and one item
 * per line, so a list kept in git diffs by item and the same list always gives the same bytes.
 */
export function serializeList(list: SaringList): string {
  const headerLines = Object.entries(orderedHeader(list)).map(
    ([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`,
  );
  const blocks = [linesBlock('items', list.items.map(itemLine))];
  if (list.domains?.length) blocks.push(linesBlock('domains', list.domains.map(domainLine)));
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

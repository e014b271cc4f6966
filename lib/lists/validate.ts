import { domainEntrySchema, listHeaderSchema, listItemSchema, type DomainEntry, type ListHeader, type ListItem } from './schema';

export interface ValidatedList {
  header: ListHeader;
  items: ListItem[];
  domains: DomainEntry[];
  /** Items and domain entries that failed validation and were left out. */
  skipped: number;
}

export class ListFormatError extends Error {
  override name = 'ListFormatError';
}

/**
 * Validates a parsed list file: a bad header or shape rejects the file whole; bad items and
 * domain entries are skipped one by one and counted. Duplicate item ids keep the first.
 */
export function validateList(raw: unknown): ValidatedList {
  if (!raw || typeof raw !== 'object') throw new ListFormatError('A list is a JSON object');
  const header = listHeaderSchema.safeParse(raw);
  if (!header.success) {
    const issue = header.error.issues[0];
    throw new ListFormatError(`Bad list header: ${issue?.path.map(String).join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  const { items: rawItems, domains: rawDomains = [] } = raw as { items?: unknown; domains?: unknown };
  if (!Array.isArray(rawItems)) throw new ListFormatError('A list needs an "items" array');
  if (!Array.isArray(rawDomains)) throw new ListFormatError('"domains" must be an array');

  let skipped = 0;
  const seen = new Set<string>();
  const items: ListItem[] = [];
  for (const rawItem of rawItems) {
    const item = listItemSchema.safeParse(rawItem);
    if (!item.success || seen.has(item.data.id)) {
      skipped++;
      continue;
    }
    seen.add(item.data.id);
    items.push(item.data);
  }
  const domains: DomainEntry[] = [];
  for (const rawDomain of rawDomains) {
    const domain = domainEntrySchema.safeParse(rawDomain);
    if (domain.success) domains.push(domain.data);
    else skipped++;
  }
  return { header: header.data, items, domains, skipped };
}

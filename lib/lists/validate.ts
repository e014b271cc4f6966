import type { z } from 'zod';
import {
  domainEntrySchema,
  LIST_FILE_LIMITS,
  listHeaderSchema,
  listItemSchema,
  type DomainEntry,
  type ListHeader,
  type ListItem,
} from './schema';

/** One thing wrong with a list, as people read it: `items[41].url`, `must be https`. */
export interface ListProblem {
  where: string;
  what: string;
}

export interface ValidatedList {
  header: ListHeader;
  items: ListItem[];
  domains: DomainEntry[];
  /** How many items and domain entries failed validation and were left out. */
  skipped: number;
  /** Why each one was left out (the first problem of each), in file order. */
  problems: ListProblem[];
}

/** A file that is not a list at all; `problems` says everything wrong with it. */
export class ListFormatError extends Error {
  override name = 'ListFormatError';
  readonly problems: ListProblem[];

  constructor(message: string, problems: ListProblem[] = []) {
    super(message);
    this.problems = problems;
  }
}

type Issue = z.core.$ZodIssue;

/**
 * `items[41].appearances[0]` from a base and a zod path; `keySeparator` goes between the base and
 * the first key (`line 43, url` reads better than `line 43.url`).
 */
export function formatPath(base: string, path: readonly PropertyKey[], keySeparator = '.'): string {
  return path.reduce<string>((where, key, index) => {
    if (typeof key === 'number') return `${where}[${key}]`;
    if (!where) return String(key);
    return `${where}${index === 0 ? keySeparator : '.'}${String(key)}`;
  }, base);
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) {
    if (!value || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const count = (n: number) => n.toLocaleString('en-US');

/** Zod's issue in words a list publisher understands (never quoting the value: it may be 10 MB). */
function describeIssue(issue: Issue, raw: unknown): string {
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && valueAt(raw, issue.path) === undefined) {
    return 'is required';
  }
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${issue.expected === 'int' ? 'a whole number' : `a${/^[aeiou]/.test(issue.expected) ? 'n' : ''} ${issue.expected}`}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `must be at most ${count(Number(issue.maximum))} characters`
        : issue.origin === 'array'
          ? `must have at most ${count(Number(issue.maximum))} entries`
          : `must be at most ${String(issue.maximum)}`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? 'must not be empty'
          : `must be at least ${count(Number(issue.minimum))} characters`;
      return `must be at least ${String(issue.minimum)}`;
    case 'invalid_value':
      return `must be ${issue.values.length === 1 ? '' : 'one of '}${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    default:
      return issue.message;
  }
}

/** Every issue of a failed parse as problems located under `base`. */
export function problemsOf(error: z.ZodError, raw: unknown, base: string, keySeparator = '.'): ListProblem[] {
  return error.issues.map((issue) => ({
    where: formatPath(base, issue.path, keySeparator),
    what: describeIssue(issue, raw),
  }));
}

/** Names the item by its id too where the index alone is hard to find (an image hash among many). */
function withItemId(problem: ListProblem, rawItem: unknown): ListProblem {
  const id = (rawItem as { id?: unknown } | null)?.id;
  if (typeof id !== 'string' || !/(^|[.\s,])images(\[|$)/.test(problem.where)) return problem;
  return { ...problem, what: `${problem.what} (item ${JSON.stringify(id.slice(0, 128))})` };
}

export interface CheckedItems {
  items: ListItem[];
  problems: ListProblem[];
}

/**
 * Validates items one by one, in as many calls as the caller likes: a bad item is left out and
 * reported (its first problem); a repeated id keeps the first. `whereOf` names an item for
 * people (`items[41]`, `line 43`).
 */
class ItemChecker implements CheckedItems {
  readonly items: ListItem[] = [];
  readonly problems: ListProblem[] = [];
  private readonly firstSeen = new Map<string, string>();

  constructor(
    private readonly whereOf: (index: number) => string = (index) => `items[${index}]`,
    private readonly keySeparator = '.',
  ) {}

  /** Checks rawItems[start..end). */
  check(rawItems: readonly unknown[], start = 0, end = rawItems.length): void {
    for (let index = start; index < end; index++) {
      const rawItem = rawItems[index];
      const where = this.whereOf(index);
      const item = listItemSchema.safeParse(rawItem);
      if (!item.success) {
        this.problems.push(withItemId(problemsOf(item.error, rawItem, where, this.keySeparator)[0]!, rawItem));
        continue;
      }
      const first = this.firstSeen.get(item.data.id);
      if (first !== undefined) {
        this.problems.push({
          where: `${where}${this.keySeparator}id`,
          what: `duplicate id ${JSON.stringify(item.data.id)} (first at ${first})`,
        });
        continue;
      }
      this.firstSeen.set(item.data.id, where);
      this.items.push(item.data);
    }
  }
}

/** Validates items (see ItemChecker). */
export function checkItems(
  rawItems: readonly unknown[],
  whereOf?: (index: number) => string,
  keySeparator?: string,
): CheckedItems {
  const checker = new ItemChecker(whereOf, keySeparator);
  checker.check(rawItems);
  return { items: checker.items, problems: checker.problems };
}

/** Refuses a file over LIST_FILE_LIMITS.maxBytes (bytes as received, before parsing). */
export function checkListSize(byteLength: number): void {
  if (byteLength > LIST_FILE_LIMITS.maxBytes) {
    throw new ListFormatError(
      `The list is ${(byteLength / 1024 / 1024).toFixed(1)} MB: lists are limited to ${LIST_FILE_LIMITS.maxBytes / 1024 / 1024} MB`,
    );
  }
}

/** Refuses more than LIST_FILE_LIMITS.maxItems items. */
export function checkItemCount(itemCount: number): void {
  if (itemCount > LIST_FILE_LIMITS.maxItems) {
    throw new ListFormatError(
      `The list has ${count(itemCount)} items: lists are limited to ${count(LIST_FILE_LIMITS.maxItems)} items`,
    );
  }
}

/** Validates a list's header fields, or refuses the file with every header problem. */
export function checkHeader(raw: unknown): ListHeader {
  const header = listHeaderSchema.safeParse(raw);
  if (header.success) return header.data;
  const problems = problemsOf(header.error, raw, '');
  throw new ListFormatError(
    `Bad list header: ${problems.map(({ where, what }) => `${where}: ${what}`).join('; ')}`,
    problems,
  );
}

/** A list file's parts once its shape is right: a bad header or shape rejects the file whole. */
function listParts(raw: unknown): { header: ListHeader; rawItems: unknown[]; rawDomains: unknown[] } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ListFormatError('A list is a JSON object');
  const header = checkHeader(raw);
  const { items: rawItems, domains: rawDomains = [] } = raw as { items?: unknown; domains?: unknown };
  if (!Array.isArray(rawItems))
    throw new ListFormatError('A list needs an "items" array', [{ where: 'items', what: 'must be an array' }]);
  if (!Array.isArray(rawDomains))
    throw new ListFormatError('"domains" must be an array', [{ where: 'domains', what: 'must be an array' }]);
  checkItemCount(rawItems.length);
  return { header, rawItems, rawDomains };
}

function withDomains(header: ListHeader, { items, problems }: CheckedItems, rawDomains: unknown[]): ValidatedList {
  const domains: DomainEntry[] = [];
  rawDomains.forEach((rawDomain, index) => {
    const domain = domainEntrySchema.safeParse(rawDomain);
    if (domain.success) domains.push(domain.data);
    else problems.push(problemsOf(domain.error, rawDomain, `domains[${index}]`)[0]!);
  });
  return { header, items, domains, skipped: problems.length, problems };
}

/**
 * Validates a parsed list file: a bad header or shape rejects the file whole; bad items and
 * domain entries are skipped one by one and reported. Duplicate item ids keep the first.
 */
export function validateList(raw: unknown): ValidatedList {
  const { header, rawItems, rawDomains } = listParts(raw);
  const checker = new ItemChecker();
  checker.check(rawItems);
  return withDomains(header, checker, rawDomains);
}

/** Items validated between two pauses: ~10–20 ms of zod work on a slow machine. */
export const VALIDATION_BATCH = 1_000;

/**
 * validateList, pausing between batches of items (`pause` resolves when the caller may go on),
 * so a worker validating 100,000 items still answers its messages meanwhile.
 */
export async function validateListPausing(raw: unknown, pause: () => Promise<void>): Promise<ValidatedList> {
  const { header, rawItems, rawDomains } = listParts(raw);
  const checker = new ItemChecker();
  for (let start = 0; start < rawItems.length; start += VALIDATION_BATCH) {
    if (start > 0) await pause();
    checker.check(rawItems, start, Math.min(start + VALIDATION_BATCH, rawItems.length));
  }
  return withDomains(header, checker, rawDomains);
}

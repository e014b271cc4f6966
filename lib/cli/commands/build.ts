import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { serializeList } from '../../lists/export';
import { importList } from '../../lists/import';
import type { DomainEntry, ListItem, SaringList } from '../../lists/schema';
import { checkHeader, checkListSize, ListFormatError, validateList } from '../../lists/validate';
import { utf8ByteLength } from '../../lists/text';
import { CliError, readText, type Command } from '../io';

/** A version that rises with each build a minute or more apart: 202611200800 for 2026-11-20 08:00 UTC. */
export function versionFromTime(date: Date): number {
  return Number(date.toISOString().slice(0, 16).replace(/\D/g, ''));
}

/**
 * The version to publish after `previous` at `now`: the time as YYYYMMDDHHMM, or, when that is not
 * newer (a second run in the same minute, a clock behind), the minute after `previous` — not
 * `previous + 1`, which after 202611201759 would be 202611201760, no time at all. A previous
 * version that is not a time (1, 2, 3 …) is simply followed by the next number.
 */
export function nextVersionAfter(previous: number | undefined, now: Date): number {
  const fromTime = versionFromTime(now);
  if (previous === undefined || fromTime > previous) return fromTime;
  const digits = String(previous);
  const time = Date.parse(
    `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}T${digits.slice(8, 10)}:${digits.slice(10, 12)}Z`,
  );
  if (digits.length !== 12 || !Number.isFinite(time) || versionFromTime(new Date(time)) !== previous)
    return previous + 1;
  return versionFromTime(new Date(time + 60_000));
}

interface Merged {
  items: ListItem[];
  domains: DomainEntry[];
  /** `file: where: what` for everything left out. */
  notes: string[];
}

/** Items from every input, the first of each id and of each fact-check URL kept. */
function merge(inputs: Array<{ file: string; list: SaringList }>): Merged {
  const merged: Merged = { items: [], domains: [], notes: [] };
  const byId = new Map<string, string>();
  const byUrl = new Map<string, string>();
  const domains = new Set<string>();
  for (const { file, list } of inputs) {
    for (const item of list.items) {
      const earlier = byId.get(item.id) ?? (item.url ? byUrl.get(item.url) : undefined);
      if (earlier) {
        merged.notes.push(`${file}: item ${JSON.stringify(item.id)}: duplicate of ${earlier}, left out`);
        continue;
      }
      const where = `${file} item ${JSON.stringify(item.id)}`;
      byId.set(item.id, where);
      if (item.url) byUrl.set(item.url, where);
      merged.items.push(item);
    }
    for (const domain of list.domains ?? []) {
      if (domains.has(domain.domain)) continue;
      domains.add(domain.domain);
      merged.domains.push(domain);
    }
  }
  return merged;
}

export const buildCommand: Command = {
  summary: 'merge native, ClaimReview, Fact Check API or CSV files into one list',
  usage: `saring-list build INPUT… -o list.json --id ID --name NAME [--publisher NAME] [--version N]

Reads every INPUT (a Saring list, schema.org ClaimReview JSON-LD, a Fact Check Tools API
response, or CSV with columns id, claim, rating, label, url, published, summary, text,
keywords, language), merges them, drops repeated ids and fact-check URLs (the first wins),
validates, and writes the list. Items left out are printed as \`file: where: what\`.
--version defaults to the time as YYYYMMDDHHMM (UTC), so each publish is newer.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        id: { type: 'string' },
        name: { type: 'string' },
        publisher: { type: 'string' },
        version: { type: 'string' },
      },
    });
    if (positionals.length === 0) throw new CliError('build needs at least one INPUT');
    if (!values.output || !values.id || !values.name)
      throw new CliError('build needs -o FILE, --id ID and --name NAME');
    const version = values.version === undefined ? versionFromTime(new Date()) : Number(values.version);
    if (!Number.isSafeInteger(version) || version < 0)
      throw new CliError(`--version must be a whole number, not ${values.version}`);

    const inputs: Array<{ file: string; list: SaringList }> = [];
    let failed = false;
    for (const file of positionals) {
      try {
        const { list, skipped } = importList(await readText(file), {
          fileName: file,
          id: values.id,
          name: values.name,
        });
        for (const { where, what } of skipped) io.err(`${file}: ${where}: ${what}`);
        inputs.push({ file, list });
      } catch (error) {
        if (!(error instanceof ListFormatError)) throw error;
        io.err(`${file}: ${error.message}`);
        failed = true;
      }
    }
    if (failed) return 1;

    const { items, domains, notes } = merge(inputs);
    for (const note of notes) io.err(note);
    const firstPublisher = inputs.find(({ list }) => list.publisher)?.list.publisher;
    const languages = [...new Set(items.flatMap((item) => (item.language ? [item.language] : [])))].slice(0, 20);
    const list: SaringList = {
      ...checkHeader({
        saringList: 1,
        id: values.id,
        name: values.name,
        ...(values.publisher
          ? { publisher: { name: values.publisher } }
          : firstPublisher
            ? { publisher: firstPublisher }
            : {}),
        ...(languages.length ? { languages } : {}),
        version,
        published: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      }),
      items,
      ...(domains.length ? { domains } : {}),
    };
    const text = serializeList(list);
    checkListSize(utf8ByteLength(text));
    // What is written must read back as it is: the same validation the extension runs.
    const check = validateList(JSON.parse(text));
    if (check.problems.length > 0)
      throw new CliError(
        `internal: the built list does not validate (${check.problems[0]!.where}: ${check.problems[0]!.what})`,
      );
    await writeFile(values.output, text);
    io.out(
      `${values.output}: "${list.id}" version ${list.version}, ${items.length} items${domains.length ? `, ${domains.length} domains` : ''} (${notes.length} duplicates left out)`,
    );
    return 0;
  },
};

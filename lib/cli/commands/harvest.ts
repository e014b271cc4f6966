import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_LIMITS, harvest } from '../../harvest/harvest';
import { PoliteFetcher } from '../../harvest/fetcher';
import { renderReport, REPORT_FILE } from '../../harvest/report';
import { isLocalHost, parseSources, SourcesError } from '../../harvest/sources';
import { emptyState, parseState, serializeState, STATE_FILE, type HarvestState } from '../../harvest/state';
import type { ListItem, SaringList } from '../../lists/schema';
import { CliError, readText, type Command } from '../io';
import { DEFAULT_KEEP_VERSIONS, LIST_FILE, publishList, readPublishedList, type PublishResult } from '../publish-dir';
import { describePublish } from './publish';

/** The robots.txt product token, and the start of the User-Agent. */
export const ROBOTS_AGENT = 'SaringBot';
const DEFAULT_RATE = 2;
const MAX_RATE = 10;

function wholeNumber(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number < min || number > max)
    throw new CliError(`${name} must be a number from ${min} to ${max}`);
  return number;
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

export const harvestCommand: Command = {
  summary: "harvest fact-checkers' feeds, sitemaps or WordPress into a signed list with patches",
  usage: `saring-list harvest SOURCES.json --out DIR [--sign KEYFILE] [--rate N] [--max-fetches N] [--timeout SECONDS] [--keep N]

Reads the feeds (RSS, Atom), sitemaps and WordPress sites SOURCES.json names, fetches the articles
that are new or changed since the last run (conditional GET: the state is DIR/${STATE_FILE}), and
turns their schema.org ClaimReview JSON-LD into items (or, without it, a title that starts with a
verdict such as "[SALAH]"). Publishes DIR/${LIST_FILE} (.gz, .sig with --sign) with patches from the
last --keep versions (default ${DEFAULT_KEEP_VERSIONS}) like publish, and DIR/${REPORT_FILE}. A run that finds
nothing new writes the same list (same version, same bytes).

SOURCES.json:
  { "list": { "id": "cek-fakta", "name": "…", "publisher": { "name": "…", "url": "https://…" },
              "languages": ["id"] },
    "sources": [ { "type": "feed" | "sitemap" | "wordpress", "url": "https://…" } ],
    "maxItems": 50000, "since": "2024-01-01" }

Polite: robots.txt (User-agent: ${ROBOTS_AGENT}) and its Crawl-delay, at most --rate requests a second
per host (default ${DEFAULT_RATE}, up to ${MAX_RATE}), the publisher's URL in the User-Agent as the contact, https only
(http on localhost), each source's own host only, no redirects to other hosts, --timeout per
answer (default 20 s), ${DEFAULT_LIMITS.pageBytes / 1e6} MB per page, and --max-fetches articles per run (default
${DEFAULT_LIMITS.maxFetches}; the rest next run). Exit 0 with the report; 1 when no list could be made or
no source could be read.`,
  async run(args, io) {
    const started = new Date();
    const t0 = performance.now();
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        sign: { type: 'string' },
        rate: { type: 'string' },
        'max-fetches': { type: 'string' },
        timeout: { type: 'string' },
        keep: { type: 'string' },
      },
    });
    if (positionals.length !== 1 || !values.out) throw new CliError('harvest needs SOURCES.json and --out DIR');
    const dir = values.out;
    let sources;
    try {
      sources = parseSources(await readText(positionals[0]!));
    } catch (error) {
      if (error instanceof SourcesError) throw new CliError(`${positionals[0]}: ${error.message}`);
      throw error;
    }
    const local = sources.sources.every((source) => isLocalHost(new URL(source.url).hostname));
    // No pause at all is for measuring against this machine, never for someone else's site.
    const rate = wholeNumber(values.rate, '--rate', DEFAULT_RATE, local ? 0 : 0.01, local ? 1_000 : MAX_RATE);
    const maxFetches = wholeNumber(values['max-fetches'], '--max-fetches', DEFAULT_LIMITS.maxFetches, 1, 1_000_000);
    const timeoutMs = wholeNumber(values.timeout, '--timeout', 20, 1, 300) * 1000;
    const keepVersions = wholeNumber(values.keep, '--keep', DEFAULT_KEEP_VERSIONS, 1, 1_000);
    const signingKey = values.sign === undefined ? undefined : (await readText(values.sign)).trim();

    await mkdir(dir, { recursive: true });
    const notes: string[] = [];
    const previous = await readPublishedList(dir, notes);
    const stateText = await readFile(join(dir, STATE_FILE), 'utf8').catch(() => null);
    let state: HarvestState = emptyState(sources.list.id);
    if (stateText !== null) {
      const parsed = parseState(stateText);
      if ('problem' in parsed)
        notes.push(`${STATE_FILE}: not readable (${parsed.problem}): every article is read again`);
      else if (parsed.state.list !== sources.list.id)
        notes.push(`${STATE_FILE}: belongs to list "${parsed.state.list}": every article is read again`);
      else if (!previous && Object.keys(parsed.state.articles).length)
        notes.push(`${LIST_FILE} is missing: every article is read again`);
      else state = parsed.state;
    }
    const previousItems = new Map<string, ListItem>(
      (previous?.id === sources.list.id ? previous.items : []).map((item) => [item.id, item]),
    );

    const fetcher = new PoliteFetcher({
      robotsAgent: ROBOTS_AGENT,
      userAgent: `${ROBOTS_AGENT}/1.0 (Saring hoax-list harvester; +${sources.list.publisher.url})`,
      requestsPerSecond: rate,
      timeoutMs,
    });
    const run = await harvest({ sources, state, previousItems, fetcher, limits: { maxFetches } });

    let published: PublishResult | undefined;
    if (run.items.length > 0) {
      const { list: header } = sources;
      const list: SaringList = {
        saringList: 1,
        id: header.id,
        name: header.name,
        ...(header.description ? { description: header.description } : {}),
        publisher: header.publisher,
        languages:
          header.languages ??
          [...new Set(run.items.flatMap((item) => (item.language ? [item.language] : [])))].slice(0, 20),
        ...(header.refresh ? { refresh: header.refresh } : {}),
        version: 0,
        items: run.items,
      };
      published = await publishList({
        dir,
        list,
        version: 'next',
        keepVersions,
        ...(signingKey ? { signingKey } : {}),
      });
      notes.push(...published.notes);
      // After the list: a run cut short re-reads articles rather than forgetting their items.
      const stateOut = serializeState(state);
      if (stateOut !== stateText) await writeAtomically(join(dir, STATE_FILE), stateOut);
    }
    const itemsById = new Map([...previousItems, ...run.items.map((item) => [item.id, item] as const)]);
    await writeAtomically(
      join(dir, REPORT_FILE),
      renderReport({
        listName: sources.list.name,
        listId: sources.list.id,
        startedAt: started,
        seconds: (performance.now() - t0) / 1000,
        run,
        stats: fetcher.stats,
        ...(published ? { published } : {}),
        itemsById,
        notes,
      }),
    );
    for (const note of notes) io.err(note);
    const failed = run.sources.filter((source) => source.status === 'failed');
    for (const source of failed) io.err(`${source.source.url}: not read (${source.notes[0] ?? 'failed'})`);
    io.out(
      `harvest: ${fetcher.stats.requests} requests (${fetcher.stats.notModified} not modified), ${run.fetched} article${run.fetched === 1 ? '' : 's'} read, ${run.skipped.length} skipped, ${run.leftForNextRun} left for the next run; report: ${join(dir, REPORT_FILE)}`,
    );
    if (!published) {
      io.err(
        `harvest: no list could be made: no fact-check found${failed.length ? ` (${failed.length} of ${run.sources.length} sources could not be read)` : ''}`,
      );
      return 1;
    }
    for (const line of describePublish(dir, published)) io.out(line);
    return failed.length === run.sources.length ? 1 : 0;
  },
};

import type { ListItem } from '../lists/schema';
import type { FetchStats } from './fetcher';
import type { HarvestRun, Skipped } from './harvest';

/** harvest-report.md: what a run found, changed and left out, for the people who run it. */

export const REPORT_FILE = 'harvest-report.md';
/** Lines per section; the rest are counted. */
const SECTION_LINES = 200;

export interface ReportInput {
  listName: string;
  listId: string;
  startedAt: Date;
  seconds: number;
  run: HarvestRun;
  stats: FetchStats;
  /** The publish step's outcome; absent when no list could be made. */
  published?: {
    status: 'published' | 'unchanged';
    version: number;
    previousVersion?: number;
    items: number;
    added: string[];
    changed: string[];
    removed: string[];
    patchBases: number[];
  };
  /** Items by id, new and previous, to name the added, changed and removed ones. */
  itemsById: ReadonlyMap<string, ListItem>;
  notes: string[];
}

/** Text safe on one Markdown line: no line breaks, no HTML. */
const inline = (text: string) => text.replace(/\s+/g, ' ').replace(/</g, '&lt;').replace(/>/g, '&gt;').trim();

function section(title: string, lines: string[]): string[] {
  if (lines.length === 0) return [];
  const shown = lines.slice(0, SECTION_LINES);
  if (lines.length > shown.length) shown.push(`- … and ${lines.length - shown.length} more`);
  return ['', `## ${title} (${lines.length})`, '', ...shown];
}

const itemLine = (id: string, items: ReadonlyMap<string, ListItem>) => {
  const item = items.get(id);
  if (!item) return `- \`${inline(id)}\``;
  return `- [${inline(item.label ?? item.rating)}] ${inline(item.claim)}${item.url ? ` — ${item.url}` : ''} (\`${inline(id)}\`)`;
};

const skippedLine = ({ url, reason, kept }: Skipped) =>
  `- ${inline(url)} — ${inline(reason)}${kept ? ` (its ${kept} previous item${kept === 1 ? '' : 's'} kept)` : ''}`;

export function renderReport(input: ReportInput): string {
  const { run, stats, published } = input;
  const counts = (status: string) => run.sources.filter((source) => source.status === status).length;
  const outcome = !published
    ? 'no list could be made'
    : published.status === 'unchanged'
      ? `nothing new: version ${published.version} stays`
      : published.previousVersion === undefined
        ? `version ${published.version}: the first`
        : `version ${published.version} (after ${published.previousVersion})`;
  const lines = [
    `# Harvest report: ${inline(input.listName)}`,
    '',
    `${input.startedAt.toISOString().replace(/\.\d+Z$/, 'Z')} · list \`${input.listId}\` · ${outcome}${published ? ` · ${published.items} items` : ''} · ${input.seconds.toFixed(1)} s`,
    '',
    '| | |',
    '|---|---|',
    `| sources read / unchanged (304) / failed | ${counts('read')} / ${counts('unchanged')} / ${counts('failed')} |`,
    `| requests (answered 304 Not Modified) | ${stats.requests} (${stats.notModified}) |`,
    `| articles read / not modified / not fact-checks | ${run.fetched} / ${run.notModified} / ${run.notFactChecks.length} |`,
    `| items new / changed / removed | ${published ? `${published.added.length} / ${published.changed.length} / ${published.removed.length}` : '–'} |`,
    `| articles skipped / left for the next run | ${run.skipped.length} / ${run.leftForNextRun} |`,
  ];
  if (published?.patchBases.length)
    lines.push(
      `| patches to this version from | ${published.patchBases.length} earlier versions (newest ${published.patchBases[0]}) |`,
    );
  if (run.tooOld) lines.push(`| older than \`since\`, left out | ${run.tooOld} |`);
  if (run.trimmed) lines.push(`| beyond \`maxItems\`, left out (oldest first) | ${run.trimmed} |`);
  if (input.notes.length) lines.push('', ...input.notes.map((note) => `> ${inline(note)}`));

  lines.push('', '## Sources', '');
  for (const report of run.sources) {
    const state =
      report.status === 'failed'
        ? '**failed**'
        : report.status === 'unchanged'
          ? 'unchanged (304)'
          : `read: ${report.links} article link${report.links === 1 ? '' : 's'} in ${report.documents} document${report.documents === 1 ? '' : 's'}`;
    lines.push(`- ${report.source.type} ${report.source.url} — ${state}`);
    for (const note of report.notes.slice(0, 20)) lines.push(`  - ${inline(note)}`);
    if (report.notes.length > 20) lines.push(`  - … and ${report.notes.length - 20} more`);
  }
  if (published) {
    lines.push(
      ...section(
        'New items',
        published.added.map((id) => itemLine(id, input.itemsById)),
      ),
    );
    lines.push(
      ...section(
        'Changed items',
        published.changed.map((id) => itemLine(id, input.itemsById)),
      ),
    );
    lines.push(
      ...section(
        'Removed items',
        published.removed.map((id) => itemLine(id, input.itemsById)),
      ),
    );
  }
  if (run.gone.length)
    lines.push(
      ...section(
        'Articles gone (404 or 410): their items removed',
        run.gone.map((url) => `- ${inline(url)}`),
      ),
    );
  lines.push(...section('Skipped, with the reason', run.skipped.map(skippedLine)));
  lines.push(...section('Parts of pages left out (the page gave items)', run.pageProblems.map(skippedLine)));
  lines.push(...section('Read, but not fact-checks', run.notFactChecks.map(skippedLine)));
  lines.push(
    ...section(
      'Items given by two articles (the first kept)',
      run.duplicates.map((text) => `- ${inline(text)}`),
    ),
  );
  return `${lines.join('\n')}\n`;
}

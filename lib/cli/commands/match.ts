import { LIKELY_THRESHOLD, MATCH_THRESHOLD } from '../../core/verdict';
import { parseArgs } from 'node:util';
import { createMatcher } from '../../match/index';
import { factChecksShown } from '../../decision';
import type { Matcher, MatchQuery } from '../../match/types';
import { CliError, readText, type CliIo, type Command } from '../io';
import { loadList } from './validate';

/** Links in a post's text: what the guard would pass as the post's urls. */
const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/g;

function queryOf(text: string): MatchQuery {
  return { text, urls: text.match(URL_IN_TEXT) ?? [] };
}

/** The batch output line LIST-FORMAT.md fixes: id, decision, matches best first. */
function resultLine(matcher: Matcher, id: unknown, text: string, top: number) {
  const { decision, matches } = matcher.match(queryOf(text), { top });
  return { id, decision, matches: matches.map((hit) => ({ id: hit.item.id, score: hit.score })) };
}

/** One output line per input line (blank lines aside), a bad line answered with an error field. */
async function matchQueries(matcher: Matcher, file: string, top: number, io: CliIo): Promise<void> {
  const lines = (await readText(file)).split(/\r?\n/);
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    let query: { id?: unknown; text?: unknown };
    try {
      query = JSON.parse(line) as typeof query;
    } catch {
      io.out(JSON.stringify({ id: null, decision: 'none', matches: [], error: `line ${index + 1}: not JSON` }));
      return;
    }
    if (!query || typeof query !== 'object' || typeof query.text !== 'string') {
      io.out(
        JSON.stringify({
          id: query?.id ?? null,
          decision: 'none',
          matches: [],
          error: `line ${index + 1}: needs "text"`,
        }),
      );
      return;
    }
    io.out(JSON.stringify(resultLine(matcher, query.id ?? null, query.text, top)));
  });
}

const DECISION_MEANING = {
  'hoax-match': 'resembles a checked claim: the extension asks before sharing',
  'likely-match': 'may be about a checked claim: the extension asks, in softer words',
  none: 'no known hoax',
} as const;

function printReadable(matcher: Matcher, text: string, top: number, io: CliIo): void {
  const { decision, matches } = matcher.match(queryOf(text), { top });
  io.out(
    `decision: ${decision} (${DECISION_MEANING[decision]}; likely from ${LIKELY_THRESHOLD}, hoax-match from ${MATCH_THRESHOLD})`,
  );
  const shown = new Set(
    decision === 'none' ? [] : factChecksShown(matches, decision === 'hoax-match' ? MATCH_THRESHOLD : LIKELY_THRESHOLD),
  );
  for (const hit of matches) {
    const mark = shown.has(hit) ? '*' : ' ';
    io.out(
      `${mark} ${hit.score.toFixed(3)}  ${hit.item.id}  [${hit.item.label ?? hit.item.rating}] ${hit.item.claim}  (via ${hit.via})`,
    );
    if (hit.item.url) io.out(`         ${hit.item.url}`);
  }
}

export const matchCommand: Command = {
  summary: 'show what the extension would match for a post, or for a file of posts',
  usage: `saring-list match LIST --text "…" [--json] [--top N]
saring-list match LIST --queries FILE.jsonl --json [--top N]

The extension's own matcher, tiers and thresholds: "hoax-match" from ${MATCH_THRESHOLD} (asks as
resembling a checked claim), "likely-match" from ${LIKELY_THRESHOLD} (asks in softer words), else "none".
With --text: the decision and the best matches with scores (* marks the fact-checks the prompt
would show). With --queries: one input line {"id": "...", "text": "..."} gives one output line
{"id": "...", "decision": "hoax-match" | "likely-match" | "none", "matches": [{"id": "<item id>", "score": 0.0-1.0}, …]}
best first, at most --top N (default 5).`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        text: { type: 'string' },
        queries: { type: 'string' },
        json: { type: 'boolean', default: false },
        top: { type: 'string', default: '5' },
      },
    });
    if (positionals.length !== 1) throw new CliError('match needs one LIST');
    if ((values.text === undefined) === (values.queries === undefined))
      throw new CliError('match needs --text "…" or --queries FILE.jsonl');
    const top = Number(values.top);
    if (!Number.isInteger(top) || top < 1 || top > 50) throw new CliError('--top must be a whole number from 1 to 50');
    const list = await loadList(positionals[0]!);
    const matcher = createMatcher([{ listId: list.header.id, items: list.items, domains: list.domains }]);
    if (values.queries !== undefined) await matchQueries(matcher, values.queries, top, io);
    else if (values.json) io.out(JSON.stringify(resultLine(matcher, null, values.text!, top)));
    else printReadable(matcher, values.text!, top, io);
    return 0;
  },
};

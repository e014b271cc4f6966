import { parseArgs } from 'node:util';
import { factChecksShown } from '../../decision';
import { checkImages, hashPicture, listPictures } from '../../images/check-image';
import { decodeImage, ImageDecodeError } from '../../images/decode-node';
import { LIKELY_THRESHOLD, MATCH_THRESHOLD } from '../../core/verdict';
import { createMatcher } from '../../match/index';
import type { IndexedList, MatchHit, MatchResult } from '../../match/types';
import { OcrEngine, OcrError } from '../../ocr/ocr-node';
import { CliError, readSource, type Command } from '../io';
import { loadList } from './validate';

/** A match as the list tool prints it: by picture with its distance, by text with its score. */
function matchOut(hit: MatchHit) {
  return hit.via === 'image'
    ? { id: hit.item.id, via: 'image' as const, distance: hit.distance }
    : { id: hit.item.id, via: 'text' as const, score: Number(hit.score.toFixed(4)) };
}

/**
 * Checks one picture, given its hashes and its OCR text, against the lists as the extension
 * would; shared by this command and the image eval (tests/eval/images/eval-picture-text.ts).
 */
export function pictureChecker(lists: IndexedList[], top: number) {
  const matcher = createMatcher(lists);
  const pictures = listPictures(lists);
  return (hashes: ReturnType<typeof hashPicture>, text: string): Promise<MatchResult> =>
    checkImages(
      { pictures: [hashes], ocrTexts: [text], query: { text: '', urls: [] } },
      { pictures, match: (query) => matcher.match(query, { top }) },
    );
}

/** The fact-checks the prompt would show for a picture's result (none when it is not asked about). */
export function shownForPicture(result: MatchResult, top: number): MatchHit[] {
  if (result.decision === 'none') return [];
  return factChecksShown(
    result.matches.slice(0, top),
    result.decision === 'hoax-match' ? MATCH_THRESHOLD : LIKELY_THRESHOLD,
  );
}

export const matchImageCommand: Command = {
  summary: 'show what the extension would match for pictures (hash and text)',
  usage: `saring-list match-image LIST FILE... [--no-ocr] [--json] [--top N]

Checks each picture (JPEG, PNG or WebP) as the extension checks a picture in a post: its PDQ
hashes against the list items' "images" (a match is a distance of at most 31 bits, counted only
when the picture's quality is 50 or more), and its text, read on this machine with the bundled
OCR models, through the same text matcher and decision as \`match\`. --no-ocr checks the hash only.
All files share one OCR engine, started once. Per file, --json prints
{"file", "pdq", "quality", "text", "decision", "matches": [{"id", "via": "image" | "text", "distance"?, "score"?}]}
in one JSON array; without it, a readable summary. A file that cannot be read is reported on
stderr and the exit code is 1; the others are still checked.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'no-ocr': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        top: { type: 'string', default: '5' },
      },
    });
    if (positionals.length < 2) throw new CliError('match-image needs a LIST and at least one FILE');
    const top = Number(values.top);
    if (!Number.isInteger(top) || top < 1 || top > 50) throw new CliError('--top must be a whole number from 1 to 50');
    const [source, ...files] = positionals as [string, ...string[]];
    const list = await loadList(source);
    const lists = [{ listId: list.header.id, items: list.items, domains: list.domains }];
    const check = pictureChecker(lists, top);

    let engine: OcrEngine | null = null;
    if (!values['no-ocr']) {
      try {
        engine = await OcrEngine.start();
      } catch (error) {
        if (error instanceof OcrError) throw new CliError(`${error.message} (--no-ocr checks hashes only)`);
        throw error;
      }
    }
    const results = [];
    let failed = 0;
    try {
      for (const file of files) {
        try {
          const bytes = await readSource(file);
          const hashes = hashPicture(await decodeImage(bytes));
          const text = engine ? (await engine.recognize(bytes)).text : '';
          const result = await check(hashes, text);
          const { pdq, quality } = hashes[0]!;
          const matches = result.matches.slice(0, top);
          results.push({ file, pdq, quality, text, decision: result.decision, matches: matches.map(matchOut) });
          if (!values.json) {
            io.out(
              `${file}: ${result.decision} (pdq ${pdq}, quality ${quality}${quality < 50 ? ': too flat to match by hash' : ''})`,
            );
            const shown = new Set(shownForPicture(result, top));
            for (const hit of matches) {
              const how = hit.via === 'image' ? `picture, ${hit.distance} bits` : `text, ${hit.score.toFixed(3)}`;
              io.out(`${shown.has(hit) ? '*' : ' '} ${hit.item.id}  (${how})  ${hit.item.claim}`);
            }
          }
        } catch (error) {
          if (!(error instanceof ImageDecodeError || error instanceof CliError || error instanceof OcrError))
            throw error;
          io.err(`${error instanceof CliError ? '' : `${file}: `}${error.message}`);
          failed++;
          // A timed-out engine has been stopped: the remaining files are checked by hash only.
          if (error instanceof OcrError) engine = null;
        }
      }
    } finally {
      await engine?.close().catch(() => undefined);
    }
    if (values.json) io.out(JSON.stringify(results, null, 1));
    return failed ? 1 : 0;
  },
};

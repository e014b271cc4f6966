import { parseArgs } from 'node:util';
import { parseJsonText } from '../../lists/json-text';
import { checkListSize, ListFormatError, validateList, type ValidatedList } from '../../lists/validate';
import { CliError, readListSource, type Command } from '../io';

/**
 * Reads and validates a native list file or URL (`.json`, or `.json.gz`); a file that is not a
 * list throws ListFormatError.
 */
export async function loadList(source: string): Promise<ValidatedList> {
  const bytes = await readListSource(source);
  checkListSize(bytes.length);
  return validateList(parseJsonText(new TextDecoder().decode(bytes)));
}

export const validateCommand: Command = {
  summary: 'check a list file or URL; print every error as `where: what`',
  usage: `saring-list validate FILE|URL

FILE may be gzipped (list.json.gz). Exit 0 when the list is valid. Otherwise exit 1 and print every error, one a line:
  list.json: items[41].url: must be https`,
  async run(args, io) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    if (positionals.length !== 1) throw new CliError('validate takes one FILE or URL');
    const source = positionals[0]!;
    try {
      const list = await loadList(source);
      for (const { where, what } of list.problems) io.err(`${source}: ${where}: ${what}`);
      if (list.problems.length > 0) return 1;
      io.out(
        `${source}: valid: "${list.header.id}" version ${list.header.version}, ${list.items.length} items, ${list.domains.length} domains`,
      );
      return 0;
    } catch (error) {
      if (!(error instanceof ListFormatError)) throw error;
      if (error.problems.length === 0) io.err(`${source}: ${error.message}`);
      for (const { where, what } of error.problems) io.err(`${source}: ${where}: ${what}`);
      return 1;
    }
  },
};

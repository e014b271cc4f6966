/**
 * The list tool: `npm run list -- COMMAND …` in a checkout, `saring-list COMMAND …` installed.
 * Commands as in ../shared/docs/LIST-FORMAT.md; `run` is exported so tests call it in-process.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ListFormatError } from '../lists/validate';
import { buildCommand } from './commands/build';
import { addImageCommand, hashImageCommand } from './commands/images';
import { keygenCommand, signCommand, verifyCommand } from './commands/keys';
import { harvestCommand } from './commands/harvest';
import { matchCommand } from './commands/match';
import { diffCommand, publishCommand } from './commands/publish';
import { matchImageCommand } from './commands/match-image';
import { ocrCommand } from './commands/ocr';
import { validateCommand } from './commands/validate';
import { CliError, type CliIo, type Command, type ExitCode } from './io';

export const COMMANDS: Record<string, Command> = {
  build: buildCommand,
  validate: validateCommand,
  keygen: keygenCommand,
  sign: signCommand,
  verify: verifyCommand,
  match: matchCommand,
  publish: publishCommand,
  diff: diffCommand,
  harvest: harvestCommand,
  'hash-image': hashImageCommand,
  'add-image': addImageCommand,
  'match-image': matchImageCommand,
  ocr: ocrCommand,
};

function overview(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  return [
    'saring-list: build, check, sign, test, harvest and publish Saring hoax lists',
    '',
    'usage: saring-list COMMAND … (saring-list COMMAND --help for its options)',
    '',
    ...Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`),
  ].join('\n');
}

/** Runs one command line (without the program name); never throws: failures are exit 1. */
export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`saring-list: unknown command "${name}"\n\n${overview()}`);
    return 1;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof CliError || error instanceof ListFormatError) {
      io.err(`saring-list ${name}: ${error.message}`);
    } else if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`saring-list ${name}: ${error.message}\n\nusage: ${command.usage}`);
    } else {
      io.err(
        `saring-list ${name}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
    return 1;
  }
}

/** Runs the process's own command line and sets its exit code. */
export async function runProcess(): Promise<void> {
  process.exitCode = await run(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await runProcess();

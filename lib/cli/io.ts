import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { LIST_FILE_LIMITS } from '../lists/schema';

/** Where a command writes: the process's stdout/stderr, or a test's buffers. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** A command's result: the process exit code (0 success, 1 failure). */
export type ExitCode = 0 | 1;

/** A failure to report as one line on stderr with exit 1 (bad arguments, unreadable file). */
export class CliError extends Error {
  override name = 'CliError';
}

/** A command: parses its own arguments, says `--help`. */
export interface Command {
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<ExitCode>;
}

/** A file's bytes, or a URL's body (http or https), or a CliError saying why not. */
export async function readSource(source: string): Promise<Uint8Array> {
  if (/^https?:\/\//i.test(source)) {
    let response: Response;
    try {
      response = await fetch(source);
    } catch (error) {
      throw new CliError(`${source}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!response.ok) throw new CliError(`${source}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }
  try {
    return new Uint8Array(await readFile(source));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      `${source}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : String(error)}`,
    );
  }
}

export async function readText(source: string): Promise<string> {
  return new TextDecoder().decode(await readSource(source));
}

/** Whether bytes are gzip (its magic number), whatever the file is called. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * A list file's JSON bytes: a `.json.gz` (any gzip) is decompressed, refused past the list size
 * limit rather than inflated without end.
 */
export function listBytes(source: string, bytes: Uint8Array): Uint8Array {
  if (!isGzip(bytes)) return bytes;
  try {
    return new Uint8Array(gunzipSync(bytes, { maxOutputLength: LIST_FILE_LIMITS.maxBytes + 1 }));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE')
      throw new CliError(`${source}: over ${LIST_FILE_LIMITS.maxBytes / 1024 / 1024} MB once decompressed`);
    throw new CliError(`${source}: not valid gzip (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** A list file or URL's JSON bytes (see listBytes). */
export async function readListSource(source: string): Promise<Uint8Array> {
  return listBytes(source, await readSource(source));
}

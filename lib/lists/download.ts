import type { SyncProblem } from '../core/vocabulary';

/** A sync step that failed, with the problem the options page puts in words. */
export class SyncError extends Error {
  override name = 'SyncError';
  constructor(readonly problem: SyncProblem) {
    super(problem.detail === undefined ? problem.code : `${problem.code}: ${problem.detail}`);
  }
}

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type Download = { status: 'not-modified' } | { status: 'ok'; bytes: Uint8Array; validators: Validators };

export interface DownloadOptions {
  fetch: typeof fetch;
  /** Longest silence: before the response, and between body chunks (a server that stalls mid-body fails too). */
  idleTimeoutMs: number;
  maxBytes: number;
  validators?: Validators;
  onProgress?: (received: number, total: number | null) => void;
}

/**
 * GETs `url` conditionally (an unchanged list costs one 304) and reads the body within the size
 * limit and the time limit, refusing a body shorter than its Content-Length.
 */
export async function download(url: string, options: DownloadOptions): Promise<Download> {
  const abort = new AbortController();
  let timer = setTimeout(() => abort.abort(), options.idleTimeoutMs);
  const heardFrom = () => {
    clearTimeout(timer);
    timer = setTimeout(() => abort.abort(), options.idleTimeoutMs);
  };
  try {
    const headers: Record<string, string> = {};
    if (options.validators?.etag) headers['If-None-Match'] = options.validators.etag;
    if (options.validators?.lastModified) headers['If-Modified-Since'] = options.validators.lastModified;
    const response = await options.fetch(url, {
      headers,
      signal: abort.signal,
      cache: 'no-store',
      credentials: 'omit',
    });
    if (response.status === 304) return { status: 'not-modified' };
    if (!response.ok) throw new SyncError({ code: 'http', detail: `${response.status}` });
    const declared = Number(response.headers.get('content-length') ?? NaN);
    const total = Number.isFinite(declared) ? declared : null;
    if (total !== null && total > options.maxBytes) throw new SyncError({ code: 'too-big', detail: `${total}` });
    heardFrom();
    const bytes = await readBody(response, total, options, abort.signal, heardFrom);
    if (total !== null && bytes.length < total) {
      throw new SyncError({ code: 'truncated', detail: `${bytes.length}/${total}` });
    }
    const validators: Validators = {};
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    if (etag) validators.etag = etag;
    if (lastModified) validators.lastModified = lastModified;
    return { status: 'ok', bytes, validators };
  } catch (error) {
    if (abort.signal.aborted)
      throw new SyncError({ code: 'timeout', detail: `${Math.round(options.idleTimeoutMs / 1000)} s` });
    if (error instanceof SyncError) throw error;
    throw new SyncError({ code: 'network', detail: error instanceof Error ? error.message : String(error) });
  } finally {
    clearTimeout(timer);
  }
}

async function readBody(
  response: Response,
  total: number | null,
  options: DownloadOptions,
  timeout: AbortSignal,
  heardFrom: () => void,
): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      // Chromium errors the stream when the connection closes before Content-Length bytes came.
      if (timeout.aborted) throw error;
      throw new SyncError({ code: 'truncated', detail: `${received}/${total ?? '?'}` });
    }
    const { done, value } = chunk;
    if (done) break;
    heardFrom();
    received += value.length;
    if (received > options.maxBytes) {
      await reader.cancel();
      throw new SyncError({ code: 'too-big', detail: `> ${options.maxBytes}` });
    }
    parts.push(value);
    options.onProgress?.(received, total);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

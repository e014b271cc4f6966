import robotsParser from 'robots-parser';
import { gunzipSync } from 'node:zlib';
import { linkRefusal } from './sources';
import { readBounded } from '../read-bounded';

/**
 * The harvester's only way onto the network, polite and defensive: robots.txt honoured (its
 * Crawl-delay too), one request at a time per host and at most `requestsPerSecond` of them, a
 * User-Agent that names Saring and the publisher's contact, http(s) on the source's host only,
 * redirects followed only within that host, and a time and size limit on every answer.
 */

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type Fetched =
  | { status: 'ok'; url: string; bytes: Uint8Array; contentType: string; validators: Validators; headers: Headers }
  | { status: 'not-modified' }
  /** 404 or 410: the article is gone. */
  | { status: 'gone'; httpStatus: number }
  /** Not fetched, or not accepted, by rule (robots.txt, another host, too big …): no point retrying soon. */
  | { status: 'refused'; reason: string }
  /** Failed in a way that may pass (time-out, network, 5xx, 429): try again next run. */
  | { status: 'failed'; reason: string };

export interface FetcherOptions {
  /** The product token robots.txt rules name (`User-agent: SaringBot`). */
  robotsAgent: string;
  userAgent: string;
  /** Per host; 0 means no pause between requests (for benchmarks on this machine). */
  requestsPerSecond: number;
  /** For a whole answer, body included. */
  timeoutMs: number;
  fetch?: typeof fetch;
}

export interface GetOptions {
  /** The only host (with port) this request and its redirects may reach. */
  host: string;
  validators?: Validators;
  maxBytes: number;
  accept: string;
  /** Decompress a gzip body (sitemap.xml.gz), within maxBytes. */
  gunzip?: boolean;
}

export interface FetchStats {
  requests: number;
  notModified: number;
  bytes: number;
}

/** robots.txt bodies beyond this are not read further (RFC 9309 asks for at least 500 KiB). */
const ROBOTS_MAX_BYTES = 500 * 1024;
/** A Crawl-delay past this is taken as this (a run would not end otherwise). */
const MAX_CRAWL_DELAY_MS = 60_000;
const MAX_REDIRECTS = 5;

type Robots = { allowed(url: string): boolean; delayMs?: number } | { unreachable: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class TooBig extends Error {}

export class PoliteFetcher {
  readonly stats: FetchStats = { requests: 0, notModified: 0, bytes: 0 };
  /** Requests made, per host: `host → count`. */
  readonly requestsByHost = new Map<string, number>();
  private readonly fetch: typeof fetch;
  private readonly queues = new Map<string, Promise<void>>();
  /** When each host's last answer ended: the next request waits the delay from there. */
  private readonly lastDone = new Map<string, number>();
  private readonly robots = new Map<string, Promise<Robots>>();

  constructor(private readonly options: FetcherOptions) {
    this.fetch = options.fetch ?? fetch;
  }

  /**
   * Runs `request` when the host's turn comes: after its previous request has been answered, and
   * the delay after that answer (so the host sees requests at least the delay apart, however long
   * each took to send or answer).
   */
  private async inTurn<T>(host: string, delayMs: number, request: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(host) ?? Promise.resolve();
    let done!: () => void;
    const mine = new Promise<void>((resolve) => (done = resolve));
    this.queues.set(
      host,
      previous.then(() => mine),
    );
    await previous;
    try {
      const wait = (this.lastDone.get(host) ?? -Infinity) + delayMs - performance.now();
      if (wait > 0) await sleep(wait);
      this.stats.requests++;
      this.requestsByHost.set(host, (this.requestsByHost.get(host) ?? 0) + 1);
      return await request();
    } finally {
      this.lastDone.set(host, performance.now());
      done();
    }
  }

  private delayFor(robots: Robots | undefined): number {
    const rate = this.options.requestsPerSecond > 0 ? 1000 / this.options.requestsPerSecond : 0;
    const crawlDelay = robots && 'delayMs' in robots ? (robots.delayMs ?? 0) : 0;
    return Math.max(rate, Math.min(crawlDelay, MAX_CRAWL_DELAY_MS));
  }

  /** One GET, redirects not followed, body read within the limits. */
  private async once(url: URL, headers: Record<string, string>, maxBytes: number, delayMs: number) {
    return this.inTurn(url.host, delayMs, async () => {
      const response = await this.fetch(url.href, {
        redirect: 'manual',
        headers: { 'User-Agent': this.options.userAgent, ...headers },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      if (response.status < 200 || response.status >= 300) {
        await response.body?.cancel().catch(() => {});
        return { response, bytes: new Uint8Array() };
      }
      const declared = Number(response.headers.get('content-length') ?? NaN);
      if (declared > maxBytes) {
        await response.body?.cancel().catch(() => {});
        throw new TooBig(`${(declared / 1e6).toFixed(1)} MB`);
      }
      const bytes = await readBounded(response, maxBytes, () => new TooBig(`more than ${mb(maxBytes)} sent`));
      this.stats.bytes += bytes.length;
      return { response, bytes };
    });
  }

  private robotsFor(origin: URL): Promise<Robots> {
    const key = origin.origin;
    let robots = this.robots.get(key);
    if (!robots) {
      robots = this.readRobots(new URL('/robots.txt', origin));
      this.robots.set(key, robots);
    }
    return robots;
  }

  private async readRobots(robotsUrl: URL): Promise<Robots> {
    let url = robotsUrl;
    try {
      for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
        const { response, bytes } = await this.once(
          url,
          { Accept: 'text/plain' },
          ROBOTS_MAX_BYTES * 4,
          this.delayFor(undefined),
        );
        const location = response.headers.get('location');
        if (response.status >= 300 && response.status < 400 && location) {
          const next = new URL(location, url);
          // Another host's robots.txt says nothing about this one: as if there were none.
          if (next.host !== robotsUrl.host || linkRefusal(next, robotsUrl.host)) return { allowed: () => true };
          url = next;
          continue;
        }
        // 4xx: no robots.txt, no rules. 5xx: the site cannot say; RFC 9309 asks to assume it disallows all.
        if (response.status >= 500) return { unreachable: `robots.txt answered HTTP ${response.status}` };
        if (response.status >= 400) return { allowed: () => true };
        const text = new TextDecoder().decode(bytes.subarray(0, ROBOTS_MAX_BYTES));
        const rules = robotsParser(robotsUrl.href, text);
        const delay = rules.getCrawlDelay(this.options.robotsAgent);
        return {
          allowed: (target) => rules.isAllowed(target, this.options.robotsAgent) !== false,
          ...(delay !== undefined ? { delayMs: delay * 1000 } : {}),
        };
      }
      return { unreachable: 'robots.txt redirects too often' };
    } catch (error) {
      return { unreachable: `robots.txt could not be read (${describeError(error, this.options.timeoutMs)})` };
    }
  }

  /** GETs `address` (conditionally, with validators) under every rule above. Never throws. */
  async get(address: string, options: GetOptions): Promise<Fetched> {
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      return { status: 'refused', reason: 'not a URL' };
    }
    const conditional: Record<string, string> = {};
    if (options.validators?.etag) conditional['If-None-Match'] = options.validators.etag;
    if (options.validators?.lastModified) conditional['If-Modified-Since'] = options.validators.lastModified;
    try {
      for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
        const refusal = linkRefusal(url, options.host);
        if (refusal)
          return {
            status: 'refused',
            reason: hop === 0 ? refusal : `redirected ${refusal.replace(/^on /, 'to a page on ')}: refused`,
          };
        const robots = await this.robotsFor(url);
        if ('unreachable' in robots)
          return { status: 'failed', reason: `${robots.unreachable}: the site is left alone this run` };
        if (!robots.allowed(url.href)) return { status: 'refused', reason: 'robots.txt disallows it for SaringBot' };
        const { response, bytes } = await this.once(
          url,
          { Accept: options.accept, ...conditional },
          options.maxBytes,
          this.delayFor(robots),
        );
        const location = response.headers.get('location');
        if (response.status >= 300 && response.status < 400 && response.status !== 304) {
          if (!location) return { status: 'failed', reason: `HTTP ${response.status} without a Location` };
          url = new URL(location, url);
          continue;
        }
        if (response.status === 304) {
          this.stats.notModified++;
          return { status: 'not-modified' };
        }
        if (response.status === 404 || response.status === 410) return { status: 'gone', httpStatus: response.status };
        if (response.status === 429 || response.status >= 500)
          return { status: 'failed', reason: `HTTP ${response.status}` };
        if (response.status >= 400) return { status: 'refused', reason: `HTTP ${response.status}` };
        let body = bytes;
        if (options.gunzip && body[0] === 0x1f && body[1] === 0x8b) {
          try {
            body = new Uint8Array(gunzipSync(body, { maxOutputLength: options.maxBytes }));
          } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            return {
              status: 'refused',
              reason:
                code === 'ERR_BUFFER_TOO_LARGE' ? `over ${mb(options.maxBytes)} once decompressed` : 'broken gzip',
            };
          }
        }
        const validators: Validators = {};
        const etag = response.headers.get('etag');
        const lastModified = response.headers.get('last-modified');
        if (etag) validators.etag = etag;
        if (lastModified) validators.lastModified = lastModified;
        return {
          status: 'ok',
          url: url.href,
          bytes: body,
          contentType: response.headers.get('content-type') ?? '',
          validators,
          headers: response.headers,
        };
      }
      return { status: 'refused', reason: `more than ${MAX_REDIRECTS} redirects` };
    } catch (error) {
      if (error instanceof TooBig)
        return { status: 'refused', reason: `larger than the ${mb(options.maxBytes)} limit (${error.message})` };
      return { status: 'failed', reason: describeError(error, this.options.timeoutMs) };
    }
  }
}

const mb = (bytes: number) => `${+(bytes / 1e6).toFixed(1)} MB`;

function describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no complete answer within ${timeoutMs / 1000} s`;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`.slice(0, 200);
}

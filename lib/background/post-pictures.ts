/**
 * The pictures of a post being shared, hashed in the background. A picture on the site's image
 * host is fetched from there (only those hosts, no cookies, bounded in size and time); one the
 * content script read from the page arrives as a PNG. Hashes of fetched pictures are kept in
 * memory by URL for the session (the worker's life), never stored. Any picture that cannot be
 * fetched or decoded is left out: the share is checked on the rest, never held for it.
 */
import { hashPicture } from '../images/check-image';
import { BROWSER_IMAGE_LIMITS } from '../images/decode-browser';
import type { PdqHash, Pixels } from '../images/pdq';
import { MAX_POST_IMAGES } from '../core/post';
import type { ImageRef } from '../messaging/protocol';
import { onImageHost } from '../sites/image-hosts';
import { readBounded } from '../read-bounded';

export const PICTURE_FETCH = {
  /** A picture not fetched by then is left out, so the answer still comes within the guard's wait. */
  timeoutMs: 700,
  maxBytes: BROWSER_IMAGE_LIMITS.maxBytes,
  /** Hashes remembered by URL: a feed's pictures, several screens of them. */
  cached: 500,
} as const;

export interface PostPictureDeps {
  fetch: typeof fetch;
  decode(bytes: Uint8Array): Promise<Pixels>;
  /** Failures, for the worker's console only (never reported anywhere). */
  log?: (message: string) => void;
}

/** The body, refused past `maxBytes` (by its stated length, or while reading it). */
async function boundedBody(response: Response, maxBytes: number): Promise<Uint8Array> {
  const stated = Number(response.headers.get('content-length') ?? NaN);
  if (stated > maxBytes) throw new Error(`the picture is ${stated} bytes, over ${maxBytes}`);
  return readBounded(response, maxBytes, () => new Error(`the picture is over ${maxBytes} bytes`));
}

function bytesOfDataUrl(dataUrl: string): Uint8Array {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export class PostPictures {
  private readonly cache = new Map<string, Promise<PdqHash[]>>();

  constructor(private readonly deps: PostPictureDeps) {}

  /** Each usable picture's hashes, in order; pictures off the site's image hosts or failing are left out. */
  async hashes(refs: readonly ImageRef[], imageHosts: readonly string[]): Promise<PdqHash[][]> {
    return this.kept(
      await Promise.allSettled(
        this.wanted(refs, imageHosts).map((ref) =>
          'url' in ref ? this.fetched(ref.url) : this.hashBytes(bytesOfDataUrl(ref.dataUrl)),
        ),
      ),
    );
  }

  /**
   * Each usable picture's bytes and hashes, as `hashes` picks them, for reading its text as well:
   * fetched afresh, since only hashes are remembered.
   */
  async withBytes(
    refs: readonly ImageRef[],
    imageHosts: readonly string[],
  ): Promise<{ bytes: Uint8Array; hashes: PdqHash[] }[]> {
    return this.kept(
      await Promise.allSettled(
        this.wanted(refs, imageHosts).map(async (ref) => {
          const bytes = 'url' in ref ? await this.fetchBytes(ref.url) : bytesOfDataUrl(ref.dataUrl);
          return { bytes, hashes: await this.hashBytes(bytes) };
        }),
      ),
    );
  }

  private wanted(refs: readonly ImageRef[], imageHosts: readonly string[]): ImageRef[] {
    return refs.slice(0, MAX_POST_IMAGES).filter((ref) => !('url' in ref) || onImageHost(ref.url, imageHosts));
  }

  /** The pictures that worked, in order; why the others failed goes to the log. */
  private kept<T>(settled: PromiseSettledResult<T>[]): T[] {
    return settled.flatMap((result) => {
      if (result.status === 'fulfilled') return [result.value];
      this.deps.log?.(
        `[saring] picture left out: ${result.reason instanceof Error ? result.reason.message : String(result.reason)}`,
      );
      return [];
    });
  }

  private fetched(url: string): Promise<PdqHash[]> {
    const known = this.cache.get(url);
    if (known) {
      // Most recently used last, so the oldest goes first.
      this.cache.delete(url);
      this.cache.set(url, known);
      return known;
    }
    const hashing = this.fetchBytes(url).then((bytes) => this.hashBytes(bytes));
    this.cache.set(url, hashing);
    if (this.cache.size > PICTURE_FETCH.cached) this.cache.delete(this.cache.keys().next().value!);
    // A failure (a timeout, a 404 now) is tried again next time rather than remembered.
    hashing.catch(() => {
      if (this.cache.get(url) === hashing) this.cache.delete(url);
    });
    return hashing;
  }

  private async fetchBytes(url: string): Promise<Uint8Array> {
    const response = await this.deps.fetch(url, {
      credentials: 'omit',
      // A redirect could lead off the image host.
      redirect: 'error',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(PICTURE_FETCH.timeoutMs),
    });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return boundedBody(response, PICTURE_FETCH.maxBytes);
  }

  private async hashBytes(bytes: Uint8Array): Promise<PdqHash[]> {
    return hashPicture(await this.deps.decode(bytes));
  }
}

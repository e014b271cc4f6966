/**
 * The pictures of a post being shared, hashed in the background. A picture on the site's image
 * host is fetched from there (only those hosts, no cookies, bounded in size and time); one the
 * content script read from the page arrives as a PNG. Hashes of fetched pictures are kept in
 * memory by URL for the session (the worker's life), never stored, and so is the text OCR reads
 * in them (asked for per picture, as the caller decides). Any picture that cannot be fetched or
 * decoded is left out: the share is checked on the rest, never held for it.
 */
import { hashPicture } from '../images/check-image';
import { BROWSER_IMAGE_LIMITS } from '../images/decode-browser';
import type { PdqHash, Pixels } from '../images/pdq';
import { MAX_POST_IMAGES } from '../core/post';
import type { ImageRef } from '../messaging/protocol';
import type { PictureText } from '../ocr/read-picture-text';
import { onImageHost } from '../sites/image-hosts';
import { readBounded } from '../read-bounded';

export const PICTURE_FETCH = {
  /** A picture not fetched by then is left out, so the answer still comes within the guard's wait. */
  timeoutMs: 700,
  maxBytes: BROWSER_IMAGE_LIMITS.maxBytes,
  /** Hashes (and texts) remembered by URL: a feed's pictures, several screens of them. */
  cached: 500,
} as const;

export interface PostPictureDeps {
  fetch: typeof fetch;
  decode(bytes: Uint8Array): Promise<Pixels>;
  /** OCR (lib/ocr/read-picture-text.ts); without it pictures are checked by their hashes only. */
  text?: Pick<PictureText, 'readPictureText' | 'isWarm'>;
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

type TextOptions = { timeoutMs?: number };

/** A checked picture of a post. */
export interface CheckedPicture {
  hashes: PdqHash[];
  /**
   * Its text, read by OCR when first asked for (once per URL for the session, from the bytes
   * fetched for its hashes when they were fetched now); rejects without OCR or past `timeoutMs`.
   */
  text(options?: TextOptions): Promise<string>;
  /** Whether its text was read already (by a share, or quietly while the post was on screen). */
  textKnown: boolean;
}

/** The remembered promise for `key`, made most recently used; or a new one, remembered until it fails. */
function remembered<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  const known = cache.get(key);
  if (known) {
    // Most recently used last, so the oldest goes first.
    cache.delete(key);
    cache.set(key, known);
    return known;
  }
  const made = make();
  cache.set(key, made);
  if (cache.size > PICTURE_FETCH.cached) cache.delete(cache.keys().next().value!);
  // A failure (a timeout, a 404 now) is tried again next time rather than remembered.
  made.catch(() => {
    if (cache.get(key) === made) cache.delete(key);
  });
  return made;
}

export class PostPictures {
  private readonly cache = new Map<string, Promise<PdqHash[]>>();
  private readonly texts = new Map<string, Promise<string>>();

  constructor(private readonly deps: PostPictureDeps) {}

  /** Each usable picture's hashes, in order; pictures off the site's image hosts or failing are left out. */
  async hashes(refs: readonly ImageRef[], imageHosts: readonly string[]): Promise<PdqHash[][]> {
    return (await this.check(refs, imageHosts)).map((picture) => picture.hashes);
  }

  /** Each usable picture, hashed, its text to be read on demand; pictures off the hosts or failing are left out. */
  async check(refs: readonly ImageRef[], imageHosts: readonly string[]): Promise<CheckedPicture[]> {
    return this.kept(
      await Promise.allSettled(
        this.wanted(refs, imageHosts).map((ref) =>
          'url' in ref ? this.checkFetched(ref.url) : this.checkRead(bytesOfDataUrl(ref.dataUrl)),
        ),
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

  /** Whether OCR would start at once (its worker is up), without starting it. */
  async textWarm(): Promise<boolean> {
    return (await this.deps.text?.isWarm()) ?? false;
  }

  private async checkFetched(url: string): Promise<CheckedPicture> {
    // Fetched now, the bytes stay with this check for its text; a picture hashed before is
    // fetched again only if its text is asked for (from the browser's cache, most often).
    let fetched: Uint8Array | null = null;
    const hashes = await remembered(this.cache, url, async () =>
      this.hashBytes((fetched = await this.fetchBytes(url))),
    );
    return {
      hashes,
      text: (options) =>
        remembered(this.texts, url, async () => this.readText(fetched ?? (await this.fetchBytes(url)), options)),
      textKnown: this.texts.has(url),
    };
  }

  private async checkRead(bytes: Uint8Array): Promise<CheckedPicture> {
    return { hashes: await this.hashBytes(bytes), text: (options) => this.readText(bytes, options), textKnown: false };
  }

  /** Whether pictures' text can be read here at all (OCR was handed in). */
  get readsText(): boolean {
    return this.deps.text !== undefined;
  }

  private async readText(bytes: Uint8Array, options?: TextOptions): Promise<string> {
    if (!this.deps.text) throw new Error('no OCR here');
    return this.deps.text.readPictureText(bytes, options);
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

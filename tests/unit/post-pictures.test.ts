import { gzipSync } from 'node:zlib';
import 'fake-indexeddb/auto';
import sharp from 'sharp';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkShare, PICTURE_TEXT_WAIT_MS } from '../../lib/background/check-share';
import { checkPixels, cropBox } from '../../lib/background/context-check';
import type { BackgroundContext } from '../../lib/background/context';
import { ListIndex, MATCHER_CODEC } from '../../lib/background/list-index';
import { listStoreOf } from '../../lib/background/lists';
import { PICTURE_FETCH, PostPictures } from '../../lib/background/post-pictures';
import { installStarterList } from '../../lib/background/starter-list';
import { openDb } from '../../lib/db';
import { decodeImage } from '../../lib/images/decode-node';
import { pictureHashes } from '../../lib/images/picture-hashes';
import { LIKELY_THRESHOLD, MATCH_THRESHOLD } from '../../lib/core/verdict';
import { defineSettingsItem, updateSettings } from '../../lib/settings';
import { imageHostPatterns, onImageHost } from '../../lib/sites/image-hosts';
import { SITES } from '../../lib/sites';
import { posterLikePicture } from './pdq-patterns';

const HOST = 'pbs.twimg.com';
const hoaxUrl = `https://${HOST}/media/hoax.jpg`;
const otherUrl = `https://${HOST}/media/other.jpg`;
let hoaxJpeg: Uint8Array;
let otherJpeg: Uint8Array;

const jpegOf = async (seed: number, width = 600) => {
  const picture = posterLikePicture(600, 800, seed);
  return new Uint8Array(
    await sharp(Buffer.from(picture.data), { raw: { width: 600, height: 800, channels: 3 } })
      .resize(width)
      .jpeg({ quality: 60 })
      .toBuffer(),
  );
};

beforeAll(async () => {
  hoaxJpeg = await jpegOf(31, 400);
  otherJpeg = await jpegOf(32);
});

/** A fetch serving the two pictures, a 404, and a host that never answers (until aborted). */
function fakeFetch() {
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : input.toString();
    if (url.endsWith('/hang.jpg')) {
      return new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)),
      );
    }
    if (url.endsWith('/huge.jpg'))
      return new Response(hoaxJpeg.slice(), { headers: { 'content-length': String(PICTURE_FETCH.maxBytes + 1) } });
    const body = url === hoaxUrl ? hoaxJpeg : url === otherUrl ? otherJpeg : null;
    return body
      ? new Response(body.slice(), { headers: { 'content-type': 'image/jpeg' } })
      : new Response('', { status: 404 });
  });
}

describe('PostPictures: the pictures of a post being shared', () => {
  it('fetches only from the site image hosts, without cookies or redirects, and remembers hashes by URL', async () => {
    const fetch = fakeFetch();
    const pictures = new PostPictures({ fetch, decode: decodeImage });
    const hashes = await pictures.hashes(
      [{ url: hoaxUrl }, { url: 'https://evil.example/x.jpg' }, { url: `http://${HOST}/media/hoax.jpg` }],
      [HOST],
    );
    expect(hashes).toHaveLength(1);
    expect(hashes[0]![0]!.pdq).toMatch(/^[0-9a-f]{64}$/);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]![1]).toMatchObject({
      credentials: 'omit',
      redirect: 'error',
      referrerPolicy: 'no-referrer',
    });
    await pictures.hashes([{ url: hoaxUrl }], [HOST]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('leaves out a picture whose host answers 404, never answers, or sends too much, and tries again later', async () => {
    const fetch = fakeFetch();
    const log = vi.fn();
    const pictures = new PostPictures({ fetch, decode: decodeImage, log });
    const started = Date.now();
    const hashes = await pictures.hashes(
      [
        { url: `https://${HOST}/gone.jpg` },
        { url: `https://${HOST}/hang.jpg` },
        { url: `https://${HOST}/huge.jpg` },
        { url: otherUrl },
      ],
      [HOST],
    );
    expect(Date.now() - started).toBeLessThan(PICTURE_FETCH.timeoutMs + 2_000);
    expect(hashes).toHaveLength(1);
    expect(log.mock.calls.map(([message]) => message as string)).toEqual([
      expect.stringMatching(/gone\.jpg answered 404/),
      expect.stringMatching(/abort|timeout/i),
      expect.stringMatching(/over 8388608/),
    ]);
    await pictures.hashes([{ url: `https://${HOST}/gone.jpg` }], [HOST]);
    expect(
      fetch.mock.calls.filter(([url]) => (url instanceof Request ? url.url : url.toString()).endsWith('/gone.jpg')),
    ).toHaveLength(2);
  });

  it('hashes pixels the content script read from the page, and refuses what is not a picture', async () => {
    const png = await sharp(Buffer.from(hoaxJpeg)).png().toBuffer();
    const log = vi.fn();
    const pictures = new PostPictures({ fetch: fakeFetch(), decode: decodeImage, log });
    const hashes = await pictures.hashes(
      [{ dataUrl: `data:image/png;base64,${png.toString('base64')}` }, { dataUrl: 'data:image/png;base64,AAAA' }],
      [],
    );
    expect(hashes).toHaveLength(1);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/not a JPEG, PNG or WebP/));
  });

  it('asks for host permissions of the image hosts only, with their subdomains', () => {
    expect(imageHostPatterns(SITES)).toEqual([
      `https://${HOST}/*`,
      `https://*.${HOST}/*`,
      'https://fbcdn.net/*',
      'https://*.fbcdn.net/*',
    ]);
    expect(onImageHost(`https://a.${HOST}/x`, [HOST])).toBe(true);
    expect(onImageHost(`https://${HOST}.evil.example/x`, [HOST])).toBe(false);
    expect(onImageHost(`https://user:pw@${HOST}/x`, [HOST])).toBe(false);
    expect(onImageHost('not a url', [HOST])).toBe(false);
  });
});

describe('check-share with pictures', () => {
  const list = {
    saringList: 1,
    id: 'pictures',
    name: 'Pictures',
    publisher: { name: 'Cek Fakta Test' },
    version: 1,
    items: [
      {
        id: 'poster',
        claim: 'Gunung Lawu bakal erupsi besar pekan ini',
        rating: 'false',
        url: 'https://cekfakta.example/lawu',
      },
      { id: 'vaksin', claim: 'Vaksin COVID-19 mengandung microchip untuk melacak penduduk', rating: 'false' },
    ],
  };
  let context: BackgroundContext;
  const xSite = { id: 'x', name: 'X', ownHosts: ['x.com'], images: { hosts: [HOST] } };

  beforeEach(async () => {
    fakeBrowser.reset();
    const full = await decodeImage(await jpegOf(31));
    const withImages = { ...list, items: [{ ...list.items[0]!, images: pictureHashes(full) }, list.items[1]!] };
    const db = openDb(`post-pictures-${Math.random()}`);
    context = {
      db,
      settings: defineSettingsItem(),
      index: new ListIndex(db),
      sites: [xSite],
      siteForUrl: () => xSite,
      matchThreshold: MATCH_THRESHOLD,
      likelyThreshold: LIKELY_THRESHOLD,
      now: () => Date.UTC(2026, 11, 6),
      browserUiLanguage: () => 'id',
      pictures: new PostPictures({ fetch: fakeFetch(), decode: decodeImage }),
    };
    await installStarterList(
      listStoreOf(context),
      'chrome-extension://test/list.json.gz',
      async () => new Response(gzipSync(JSON.stringify(withImages))),
    );
  });

  const request = (images: { url: string }[], text = '') => ({
    site: 'x',
    kind: 'repost' as const,
    text,
    urls: [],
    images,
  });

  it('asks about a post that is only a listed picture (a smaller copy), naming its fact-check', async () => {
    const answer = await checkShare(context, request([{ url: hoaxUrl }]));
    expect(answer).toMatchObject({
      ask: true,
      reason: 'hoax-match',
      matches: [{ id: 'poster', url: 'https://cekfakta.example/lawu' }],
    });
  });

  it('lets an unrelated picture, or one whose host fails, through', async () => {
    expect(await checkShare(context, request([{ url: otherUrl }]))).toEqual({ ask: false });
    expect(await checkShare(context, request([{ url: `https://${HOST}/gone.jpg` }]))).toEqual({ ask: false });
  });

  it("still reads the post's text beside its pictures", async () => {
    const answer = await checkShare(
      context,
      request([{ url: otherUrl }], 'Vaksin covid 19 mengandung microchip untuk melacak penduduk, sebarkan!'),
    );
    expect(answer).toMatchObject({ ask: true, matches: [{ id: 'vaksin' }] });
  });

  it('finds pictures after a waking worker loads the persisted index, which holds no items', async () => {
    await checkShare(context, request([]));
    const woken = { ...context, index: new ListIndex(context.db, MATCHER_CODEC) };
    expect((await woken.index.get()).fromPersisted).toBe(true);
    expect(await checkShare(woken, request([{ url: hoaxUrl }]))).toMatchObject({
      ask: true,
      matches: [{ id: 'poster' }],
    });
  });

  it('"Check with Saring": a picture by its hash, selected text by its words, and nothing found worded as none', async () => {
    const hoax = await checkPixels(context, await decodeImage(hoaxJpeg), '', 'en');
    expect(hoax).toMatchObject({ what: 'image', status: 'match', matches: [{ id: 'poster', via: 'image' }] });
    const text = await checkPixels(context, null, 'Vaksin covid 19 mengandung microchip untuk melacak penduduk', 'en');
    expect(text).toMatchObject({
      what: 'text',
      status: 'match',
      matches: [{ id: 'vaksin', via: 'text' }],
      excerpt: expect.stringContaining('microchip'),
    });
    expect(await checkPixels(context, await decodeImage(otherJpeg), '', 'id')).toMatchObject({
      what: 'image',
      status: 'none',
      matches: [],
      language: 'id',
    });
    // The same unlisted picture, its words read: matched by them.
    const words = await checkPixels(
      context,
      await decodeImage(otherJpeg),
      '',
      'en',
      'GUNUNG LAWU\nBAKAL ERUPSI BESAR PEKAN INI',
    );
    expect(words).toMatchObject({ what: 'image', status: 'match', matches: [{ id: 'poster', via: 'text' }] });
  });
});

describe('check-share with the text of pictures (OCR)', () => {
  const list = {
    saringList: 1,
    id: 'pictures',
    name: 'Pictures',
    version: 1,
    items: [
      { id: 'poster', claim: 'Gunung Lawu bakal erupsi besar pekan ini', rating: 'false' },
      { id: 'picture', claim: 'Foto banjir bandang di Jakarta hari ini', rating: 'false' },
    ],
  };
  const xSite = { id: 'x', name: 'X', ownHosts: ['x.com'], images: { hosts: [HOST] } };
  const request = (images: { url: string }[], text = '') => ({
    site: 'x',
    kind: 'repost' as const,
    text,
    urls: [],
    images,
  });

  /** A reader that reads `text` in every picture after `ms`, warm or not. */
  function reader(text: string, { ms = 0, warm = true } = {}) {
    return {
      readPictureText: vi.fn(
        (_bytes: Uint8Array) => new Promise<string>((resolve) => setTimeout(() => resolve(text), ms)),
      ),
      isWarm: vi.fn(async () => warm),
    };
  }

  async function contextWith(text: ReturnType<typeof reader>): Promise<BackgroundContext> {
    fakeBrowser.reset();
    const hoax = pictureHashes(await decodeImage(hoaxJpeg));
    const withImages = { ...list, items: [list.items[0]!, { ...list.items[1]!, images: hoax }] };
    const db = openDb(`post-pictures-ocr-${Math.random()}`);
    const context: BackgroundContext = {
      db,
      settings: defineSettingsItem(),
      index: new ListIndex(db),
      sites: [xSite],
      siteForUrl: () => xSite,
      matchThreshold: MATCH_THRESHOLD,
      likelyThreshold: LIKELY_THRESHOLD,
      now: () => Date.UTC(2026, 11, 6),
      browserUiLanguage: () => 'id',
      pictures: new PostPictures({ fetch: fakeFetch(), decode: decodeImage, text }),
    };
    await installStarterList(
      listStoreOf(context),
      'chrome-extension://test/list.json.gz',
      async () => new Response(gzipSync(JSON.stringify(withImages))),
    );
    return context;
  }

  const poster = 'GUNUNG LAWU\nBAKAL ERUPSI BESAR\nPEKAN INI!!\nSebarkan';

  it("asks about a picture whose words are a listed claim, and reads each picture's words once", async () => {
    const text = reader(poster);
    const context = await contextWith(text);
    // The post has no words of its own: the prompt says the words were its picture's.
    expect(await checkShare(context, request([{ url: otherUrl }]))).toMatchObject({
      ask: true,
      matches: [{ id: 'poster', pictureText: true }],
    });
    expect(await checkShare(context, request([{ url: otherUrl }]))).toMatchObject({ ask: true });
    expect(text.readPictureText).toHaveBeenCalledOnce();
  });

  it('reads the words of a picture with the words of the post', async () => {
    const words = reader('ERUPSI BESAR PEKAN INI');
    const context = await contextWith(words);
    // Neither half names the claim well enough alone …
    expect(await checkShare(context, request([{ url: otherUrl }]))).toEqual({ ask: false });
    expect(await checkShare(context, request([], 'Gunung Lawu'))).toEqual({ ask: false });
    // … together they do (the picture's words remembered, not read again).
    const together = await checkShare(context, request([{ url: otherUrl }], 'Gunung Lawu'));
    expect(together).toMatchObject({ ask: true, matches: [{ id: 'poster' }] });
    expect(together.ask && together.matches[0]?.pictureText).toBeFalsy();
  });

  it('reads nothing when a picture is a listed one already, or OCR is cold', async () => {
    const warm = reader(poster);
    expect(await checkShare(await contextWith(warm), request([{ url: hoaxUrl }]))).toMatchObject({
      ask: true,
      matches: [{ id: 'picture', samePicture: true }],
    });
    expect(warm.readPictureText).not.toHaveBeenCalled();
    const cold = reader(poster, { warm: false });
    expect(await checkShare(await contextWith(cold), request([{ url: otherUrl }]))).toEqual({ ask: false });
    expect(cold.readPictureText).not.toHaveBeenCalled();
  });

  it('reads no words when the person turned reading off, or on a phone unless turned on', async () => {
    const off = reader(poster);
    const turnedOff = await contextWith(off);
    await updateSettings(turnedOff.settings, () => ({ pictureText: false }));
    expect(await checkShare(turnedOff, request([{ url: otherUrl }]))).toEqual({ ask: false });
    expect(off.readPictureText).not.toHaveBeenCalled();
    const phone = reader(poster);
    const onPhone = { ...(await contextWith(phone)), onPhone: true };
    expect(await checkShare(onPhone, request([{ url: otherUrl }]))).toEqual({ ask: false });
    expect(phone.readPictureText).not.toHaveBeenCalled();
    await updateSettings(onPhone.settings, () => ({ pictureText: true }));
    expect(await checkShare(onPhone, request([{ url: otherUrl }]))).toMatchObject({ matches: [{ id: 'poster' }] });
  });

  it('waits for words until 1 s after the request, no longer; a late reading serves the next check', async () => {
    const text = reader(poster, { ms: PICTURE_TEXT_WAIT_MS + 500 });
    const context = await contextWith(text);
    const started = performance.now();
    expect(await checkShare(context, request([{ url: otherUrl }]))).toEqual({ ask: false });
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(PICTURE_TEXT_WAIT_MS - 50);
    expect(waited).toBeLessThan(PICTURE_TEXT_WAIT_MS + 400);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await checkShare(context, request([{ url: otherUrl }]))).toMatchObject({ ask: true });
    expect(text.readPictureText).toHaveBeenCalledOnce();
  });

  it('lets the share go on, by hashes and words of the post, when OCR fails', async () => {
    const text = reader(poster);
    text.readPictureText.mockRejectedValue(new Error('OCR did not start within 30 s'));
    const context = await contextWith(text);
    expect(await checkShare(context, request([{ url: otherUrl }]))).toEqual({ ask: false });
  });
});

describe('cropBox: the clicked picture in a capture of the visible tab', () => {
  it('scales the page box to the capture and keeps the visible part only', () => {
    expect(
      cropBox({ x: 10.5, y: 20, width: 100, height: 50 }, { width: 800, height: 600 }, { width: 1600, height: 1200 }),
    ).toEqual({ x: 21, y: 40, width: 200, height: 100 });
    expect(
      cropBox({ x: -50, y: 550, width: 200, height: 200 }, { width: 800, height: 600 }, { width: 800, height: 600 }),
    ).toEqual({ x: 0, y: 550, width: 150, height: 50 });
    expect(
      cropBox({ x: 0, y: 700, width: 200, height: 200 }, { width: 800, height: 600 }, { width: 800, height: 600 }),
    ).toBeNull();
  });
});

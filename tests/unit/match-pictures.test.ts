import { gzipSync } from 'node:zlib';
import 'fake-indexeddb/auto';
import sharp from 'sharp';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundContext } from '../../lib/background/context';
import { ListIndex } from '../../lib/background/list-index';
import { listStoreOf } from '../../lib/background/lists';
import { checkShare } from '../../lib/background/check-share';
import { matchPictures, PendingReadings } from '../../lib/background/match-pictures';
import { PostPictures } from '../../lib/background/post-pictures';
import { QuietReader, TextReaderUnavailable } from '../../lib/background/quiet-reading';
import { installStarterList } from '../../lib/background/starter-list';
import { MATCH_PICTURES_BATCH } from '../../lib/core/post';
import { LIKELY_THRESHOLD, MATCH_THRESHOLD } from '../../lib/core/verdict';
import { openDb } from '../../lib/db';
import { decodeImage } from '../../lib/images/decode-node';
import { pictureHashes } from '../../lib/images/picture-hashes';
import { requestSchemas } from '../../lib/messaging/protocol';
import { defineSettingsItem, updateSettings } from '../../lib/settings';
import { posterLikePicture } from './pdq-patterns';

const HOST = 'pbs.twimg.com';
const hoaxUrl = `https://${HOST}/media/hoax.jpg`;
const otherUrl = `https://${HOST}/media/other.jpg`;
const pictures: Record<string, Uint8Array> = {};

const jpegOf = async (seed: number, width: number) =>
  new Uint8Array(
    await sharp(Buffer.from(posterLikePicture(600, 800, seed).data), { raw: { width: 600, height: 800, channels: 3 } })
      .resize(width)
      .jpeg({ quality: 60 })
      .toBuffer(),
  );

beforeAll(async () => {
  pictures[hoaxUrl] = await jpegOf(31, 400);
  pictures[otherUrl] = await jpegOf(32, 600);
});

const fetchPicture = vi.fn(async (input: RequestInfo | URL) => {
  const body = pictures[input instanceof Request ? input.url : input.toString()];
  return body ? new Response(body.slice()) : new Response('', { status: 404 });
});

const decodePicture = vi.fn(decodeImage);

/** OCR that reads every picture as the same words (the claim of the list's second item, or anything else); cold. */
const readAs = (text: string | Error) => ({
  readPictureText: vi.fn((_bytes: Uint8Array) =>
    text instanceof Error ? Promise.reject(text) : Promise.resolve(text),
  ),
  isWarm: async () => false,
});

/** Pictures on screen have their words read quietly, by `ocr`. */
function readingBy(ocr: ReturnType<typeof readAs>): void {
  context.pictures = new PostPictures({ fetch: fetchPicture, decode: decodePicture, text: ocr });
  context.quietReader = new QuietReader();
}
const VACCINE_WORDS = 'VAKSIN COVID-19 MENGANDUNG MICROCHIP UNTUK MELACAK PENDUDUK';

let context: BackgroundContext;

beforeEach(async () => {
  fakeBrowser.reset();
  fetchPicture.mockClear();
  decodePicture.mockClear();
  const listed = await decodeImage(await jpegOf(31, 600));
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
        images: pictureHashes(listed),
      },
      { id: 'vaksin', claim: 'Vaksin COVID-19 mengandung microchip untuk melacak penduduk', rating: 'false' },
    ],
  };
  const db = openDb(`match-pictures-${Math.random()}`);
  const xSite = { id: 'x', name: 'X', ownHosts: ['x.com'], images: { hosts: [HOST] } };
  context = {
    db,
    settings: defineSettingsItem(),
    index: new ListIndex(db),
    sites: [xSite],
    siteForUrl: () => xSite,
    matchThreshold: MATCH_THRESHOLD,
    likelyThreshold: LIKELY_THRESHOLD,
    now: () => Date.UTC(2026, 11, 6),
    browserUiLanguage: () => 'en',
    pictures: new PostPictures({ fetch: fetchPicture, decode: decodePicture }),
  };
  await installStarterList(
    listStoreOf(context),
    'chrome-extension://test/list.json.gz',
    async () => new Response(gzipSync(JSON.stringify(list))),
  );
});

const batch = (...urls: string[][]) => ({
  site: 'x',
  posts: urls.map((post) => ({ images: post.map((url) => ({ url })) })),
});

describe('match-pictures: labels by picture for posts on screen', () => {
  it('labels the post showing a listed picture (a smaller copy), saying it is the same picture', async () => {
    const answer = await matchPictures(context, batch([otherUrl], [otherUrl, hoaxUrl]), new PendingReadings(), 5);
    expect(answer).toEqual({
      language: 'en',
      labels: [
        {
          index: 1,
          factCheck: expect.objectContaining({ id: 'poster', samePicture: true, publisher: 'Cek Fakta Test' }),
        },
      ],
    });
  });

  it('checks no picture when picture checks, or labels on the site, are off', async () => {
    await updateSettings(context.settings, () => ({ pictureChecks: false }));
    expect(await matchPictures(context, batch([hoaxUrl]), new PendingReadings(), 5)).toEqual({
      labels: [],
      language: 'en',
    });
    await updateSettings(context.settings, () => ({ pictureChecks: true, labelsOffSites: ['x'] }));
    expect((await matchPictures(context, batch([hoaxUrl]), new PendingReadings(), 5)).labels).toEqual([]);
    expect(fetchPicture).not.toHaveBeenCalled();
  });

  it('reads the text of pictures no hash labelled, answering for the asking tab and site only', async () => {
    const ocr = readAs(VACCINE_WORDS);
    readingBy(ocr);
    const readings = new PendingReadings();
    const answer = await matchPictures(context, batch([hoaxUrl], [otherUrl]), readings, 5);
    expect(answer.labels).toEqual([{ index: 0, factCheck: expect.objectContaining({ id: 'poster' }) }]);
    expect(answer.reading).toEqual(expect.any(String));
    // Only the unlabelled post's picture is read.
    expect(ocr.readPictureText).toHaveBeenCalledTimes(1);
    expect(await readings.take(answer.reading!, 6, 'x')).toEqual([]);
    expect(await readings.take(answer.reading!, 5, 'facebook')).toEqual([]);
    expect(await readings.take(answer.reading!, 5, 'x')).toEqual([
      { index: 1, factCheck: expect.objectContaining({ id: 'vaksin', pictureText: true }) },
    ]);
    // Taken once.
    expect(await readings.take(answer.reading!, 5, 'x')).toEqual([]);
  });

  it('remembers the words read quietly, so sharing that post later asks by them with OCR cold', async () => {
    const share = { site: 'x', kind: 'repost' as const, text: '', urls: [], images: [{ url: otherUrl }] };
    readingBy(readAs(VACCINE_WORDS));
    // OCR is cold: a share does not start it, so it cannot read the words itself.
    expect(await checkShare(context, share)).toEqual({ ask: false });
    const readings = new PendingReadings();
    const answer = await matchPictures(context, batch([otherUrl]), readings, 5);
    await readings.take(answer.reading!, 5, 'x');
    expect(await checkShare(context, share)).toMatchObject({
      ask: true,
      matches: [expect.objectContaining({ id: 'vaksin' })],
    });
  });

  it('fetches and hashes a picture labelled on screen once, reading and sharing it after', async () => {
    const ocr = readAs(VACCINE_WORDS);
    readingBy(ocr);
    const readings = new PendingReadings();
    const answer = await matchPictures(context, batch([otherUrl]), readings, 5);
    expect(await readings.take(answer.reading!, 5, 'x')).toEqual([
      { index: 0, factCheck: expect.objectContaining({ id: 'vaksin', pictureText: true }) },
    ]);
    const share = { site: 'x', kind: 'repost' as const, text: '', urls: [], images: [{ url: otherUrl }] };
    expect(await checkShare(context, share)).toMatchObject({ ask: true, matches: [{ id: 'vaksin' }] });
    // On screen again: known words are not queued nor read again.
    const again = await matchPictures(context, batch([otherUrl]), readings, 5);
    expect(await readings.take(again.reading!, 5, 'x')).toHaveLength(1);
    expect(fetchPicture).toHaveBeenCalledOnce();
    expect(decodePicture).toHaveBeenCalledOnce();
    expect(ocr.readPictureText).toHaveBeenCalledOnce();
  });

  it('labels nothing by harmless text, and reads nothing when reading is off, on a phone, or unavailable', async () => {
    readingBy(readAs('Lomba kebersihan kelas, Sabtu pukul 08.00'));
    const readings = new PendingReadings();
    const harmless = await matchPictures(context, batch([otherUrl]), readings, 5);
    expect(await readings.take(harmless.reading!, 5, 'x')).toEqual([]);

    context.onPhone = true;
    expect((await matchPictures(context, batch([otherUrl]), readings, 5)).reading).toBeUndefined();
    await updateSettings(context.settings, () => ({ pictureText: true }));
    expect((await matchPictures(context, batch([otherUrl]), readings, 5)).reading).toEqual(expect.any(String));
    await updateSettings(context.settings, () => ({ pictureText: false }));
    context.onPhone = false;
    expect((await matchPictures(context, batch([otherUrl]), readings, 5)).reading).toBeUndefined();

    await updateSettings(context.settings, () => ({ pictureText: null }));
    readingBy(readAs(new TextReaderUnavailable('no OCR here')));
    const first = await matchPictures(context, batch([otherUrl]), readings, 5);
    expect(await readings.take(first.reading!, 5, 'x')).toEqual([]);
    expect((await matchPictures(context, batch([otherUrl]), readings, 5)).reading).toBeUndefined();
  });

  it(`takes at most ${MATCH_PICTURES_BATCH} pictures a message`, () => {
    const schema = requestSchemas['match-pictures'];
    const four = [hoaxUrl, hoaxUrl, hoaxUrl, hoaxUrl];
    expect(schema.safeParse(batch(four, four)).success).toBe(true);
    expect(schema.safeParse(batch(four, four, [hoaxUrl])).error?.issues[0]?.message).toMatch(/at most 8 pictures/);
    expect(schema.safeParse(batch([])).success).toBe(false);
  });
});

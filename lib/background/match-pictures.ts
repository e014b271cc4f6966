/**
 * Inline labels by picture: the pictures of posts that stayed on screen are hashed and checked
 * against the pictures list items carry, through the one image check and the same label path as
 * posts' text. Where their text can be read (OCR, lib/background/quiet-reading.ts), the pictures
 * that matched nothing are queued to be read, and the batch's answer names the reading to ask
 * `read-pictures` about: hash labels never wait for a reading.
 */
import { pictureChecksOn, pictureTextOn } from '../core/verdict';
import { checkImages } from '../images/check-image';
import type { MatchPicturesResponse, MatchPostsResponse, RequestOf } from '../messaging/protocol';
import type { BackgroundContext } from './context';
import type { LoadedIndex } from './list-index';
import { labelBatch, labelFor } from './match-posts';
import type { CheckedPicture } from './post-pictures';

type Labels = MatchPostsResponse['labels'];

/** Readings asked about later, at most this many: a page asks right after its answer, or not at all. */
const MAX_PENDING_READINGS = 20;

/** The labels of batches being read, each for the tab and site that sent the batch, taken once. */
export class PendingReadings {
  private readonly pending = new Map<string, { tabId: number | undefined; site: string; labels: Promise<Labels> }>();

  add(tabId: number | undefined, site: string, labels: Promise<Labels>): string {
    const reading = crypto.randomUUID();
    // A reading that failed labels nothing; one never asked about must not reject unheard.
    this.pending.set(reading, { tabId, site, labels: labels.catch(() => []) });
    if (this.pending.size > MAX_PENDING_READINGS) this.pending.delete(this.pending.keys().next().value!);
    return reading;
  }

  /** The reading's labels; none for a reading unknown here, or another tab's or site's. */
  take(reading: string, tabId: number | undefined, site: string): Promise<Labels> {
    const entry = this.pending.get(reading);
    if (!entry || entry.tabId !== tabId || entry.site !== site) return Promise.resolve([]);
    this.pending.delete(reading);
    return entry.labels;
  }
}

const NO_TEXT = { text: '', urls: [] };

export async function matchPictures(
  context: BackgroundContext,
  request: RequestOf<'match-pictures'>,
  readings: PendingReadings,
  tabId: number | undefined,
): Promise<MatchPicturesResponse> {
  const { settings, language, adapter } = await labelBatch(context, request.site);
  const postPictures = context.pictures;
  if (!adapter || !postPictures || !pictureChecksOn(settings)) return { labels: [], language };
  const hosts = adapter.images?.hosts ?? [];
  const reader = context.quietReader;
  const readText =
    reader !== undefined &&
    reader.available &&
    postPictures.readsText &&
    pictureTextOn(settings, context.onPhone ?? false);
  const loaded = await context.index.get();
  const deps = { pictures: await loaded.pictures(), match: loaded.matcher.match.bind(loaded.matcher) };

  const posts = await Promise.all(request.posts.map(({ images }) => postPictures.check(images, hosts)));
  const labels: Labels = [];
  const unlabelled: { index: number; pictures: CheckedPicture[] }[] = [];
  for (const [index, pictures] of posts.entries()) {
    if (pictures.length === 0) continue;
    const found = await checkImages({ pictures: pictures.map((picture) => picture.hashes), query: NO_TEXT }, deps);
    const factCheck = labelFor(context, loaded, request.site, found);
    if (factCheck) labels.push({ index, factCheck });
    else unlabelled.push({ index, pictures });
  }
  if (!readText || unlabelled.length === 0) return { labels, language };
  const byText = readPictures(context, loaded, deps, request.site, unlabelled);
  return { labels, language, reading: readings.add(tabId, request.site, byText) };
}

/** Labels by the text read from each post's pictures, for the posts their hashes did not label. */
async function readPictures(
  context: BackgroundContext,
  loaded: LoadedIndex,
  deps: Parameters<typeof checkImages>[1],
  site: string,
  posts: { index: number; pictures: CheckedPicture[] }[],
): Promise<Labels> {
  const reader = context.quietReader!;
  const labels: Labels = [];
  // A picture's own reading, from the bytes it was hashed from; the words are remembered by its
  // address, so sharing the post later uses them at once. Words known already are not queued.
  const read = (picture: CheckedPicture): Promise<string | null> =>
    picture.textKnown ? picture.text().catch(() => null) : reader.read((options) => picture.text(options));
  await Promise.all(
    posts.map(async ({ index, pictures }) => {
      const texts = await Promise.all(pictures.map(read));
      const ocrTexts = texts.filter((text): text is string => text !== null && text.trim() !== '');
      if (ocrTexts.length === 0) return;
      const factCheck = labelFor(
        context,
        loaded,
        site,
        await checkImages({ pictures: [], ocrTexts, query: NO_TEXT }, deps),
      );
      if (factCheck) labels.push({ index, factCheck: { ...factCheck, pictureText: true } });
    }),
  );
  return labels.sort((a, b) => a.index - b.index);
}

/**
 * The one image check, used by the extension's share guard and the list tool alike: a picture's
 * hashes against the pictures list items carry, plus the picture's text (OCR), read together with
 * the post's own text, through the same text matcher and decision as any post. Where the pixels
 * come from (sharp in Node, createImageBitmap in the browser) and where the OCR text comes from
 * are the caller's business: this module is pure.
 */
import type { IndexedList, MatchHit, MatchQuery, MatchResult } from '../match/types';
import { PDQ_MATCH_DISTANCE, type PdqHash, type Pixels } from './pdq';
import { checkedHashes, PictureIndex } from './picture-hashes';

/** What the picture index finds: the item, and the list it is in. */
export interface PictureItem {
  listId: string;
  item: MatchHit['item'];
}

export type ListPictures = PictureIndex<PictureItem>;

/** The pictures of every item that has some, for checking pictures against. */
export function listPictures(lists: readonly IndexedList[]): ListPictures {
  const index = new PictureIndex<PictureItem>();
  for (const { listId, items } of lists) {
    for (const item of items) if (item.images?.length) index.add({ listId, item }, item.images);
  }
  return index;
}

/** A checked picture's hashes, reference hash first (see picture-hashes.ts). */
export function hashPicture(pixels: Pixels): PdqHash[] {
  return checkedHashes(pixels);
}

/**
 * A hash match is the same picture, so it scores above any threshold; the closer, the higher
 * (1 at distance 0, 0.9 at the match limit), so the closest picture is the fact-check shown first.
 */
export function imageScore(distance: number): number {
  return 1 - (0.1 * distance) / PDQ_MATCH_DISTANCE;
}

export interface ImageCheckInput {
  /** Each checked picture's hashes (hashPicture). */
  pictures: readonly (readonly PdqHash[])[];
  /** Text read from the pictures (OCR), if any: it is read as part of the post. */
  ocrTexts?: readonly string[];
  /** The post's own text and links (empty for a picture checked on its own). */
  query: MatchQuery;
}

export interface ImageCheckDeps {
  pictures: ListPictures;
  /** The text matcher, as the caller serves it (the background reads hits' items lazily). */
  match(query: MatchQuery): MatchResult | Promise<MatchResult>;
}

/**
 * A picture's OCR text without its fragments: lines with no word of three letters or more are
 * what OCR makes of shapes, stripes and photos ("nl", "A SY", "07.", "RT 05"), and such noise
 * let harmless pictures match claims (unrelated announcements and adverts in tests/eval/images).
 */
export function ocrWordLines(text: string): string {
  return text
    .split('\n')
    .filter((line) => /\p{L}{3}/u.test(line))
    .join('\n');
}

/** The post's text with the pictures' text (its word lines) after it, as the text matcher reads it. */
export function combinedText(text: string, ocrTexts: readonly string[] = []): string {
  return [text, ...ocrTexts.map(ocrWordLines)]
    .map((part) => part.trim())
    .filter(Boolean)
    .join('\n');
}

/** Hits on an item by hash, each item once at its closest distance, closest first. */
export function imageHits(pictures: ListPictures, checked: readonly (readonly PdqHash[])[]): MatchHit[] {
  const best = new Map<PictureItem['item'], { key: PictureItem; distance: number }>();
  for (const hashes of checked) {
    for (const { key, distance } of pictures.match(hashes)) {
      if (distance < (best.get(key.item)?.distance ?? Infinity)) best.set(key.item, { key, distance });
    }
  }
  return [...best.values()]
    .sort((a, b) => a.distance - b.distance)
    .map(({ key, distance }) => ({
      listId: key.listId,
      item: key.item,
      score: imageScore(distance),
      via: 'image',
      distance,
    }));
}

/**
 * Checks a post's pictures and text together. A picture that is a listed hoax picture makes the
 * post a hoax match whatever its text says; otherwise the text matcher decides over the post's
 * text and the pictures' text. Hits by picture come first; an item found both ways is named once,
 * by its picture.
 */
export async function checkImages(input: ImageCheckInput, deps: ImageCheckDeps): Promise<MatchResult> {
  const byImage = imageHits(deps.pictures, input.pictures);
  const text = combinedText(input.query.text, input.ocrTexts);
  const needsText = text !== '' || input.query.urls.length > 0 || input.query.linkTitle !== undefined;
  const byText = needsText ? await deps.match({ ...input.query, text }) : { decision: 'none' as const, matches: [] };
  if (byImage.length === 0) return byText;
  const imageItems = new Set(byImage.map((hit) => hit.item));
  return {
    decision: 'hoax-match',
    matches: [...byImage, ...byText.matches.filter((hit) => !imageItems.has(hit.item))],
  };
}

import { describe, expect, it, vi } from 'vitest';
import { checkImages, combinedText, hashPicture, imageScore, listPictures } from '../../lib/images/check-image';
import { pictureHashes } from '../../lib/images/picture-hashes';
import type { ListItem } from '../../lib/lists/schema';
import { MATCH_THRESHOLD } from '../../lib/core/verdict';
import type { MatchQuery, MatchResult } from '../../lib/match/types';
import { posterLikePicture } from './pdq-patterns';

const poster = posterLikePicture(600, 800, 21);
const otherPoster = posterLikePicture(600, 800, 22);
const hoax: ListItem = {
  id: 'poster-hoax',
  claim: 'Gunung Lawu bakal erupsi besar pekan ini',
  rating: 'false',
  images: pictureHashes(poster),
};
const textOnly: ListItem = { id: 'text-hoax', claim: 'Vaksin mengandung microchip pelacak', rating: 'false' };
const lists = [{ listId: 'cek', items: [hoax, textOnly] }];

/** A text matcher that finds `textOnly` when its words are in the text, and records what it was asked. */
function fakeMatcher() {
  const asked: MatchQuery[] = [];
  const match = vi.fn((query: MatchQuery): MatchResult => {
    asked.push(query);
    return /microchip/i.test(query.text)
      ? { decision: 'hoax-match', matches: [{ listId: 'cek', item: textOnly, score: 0.8, via: 'text' }] }
      : { decision: 'none', matches: [] };
  });
  return { match, asked };
}

/** The picture shrunk by a whole factor, averaging blocks as a resize does: what a forward looks like to the hash. */
function shrunk(pixels: typeof poster, factor: number) {
  const width = Math.floor(pixels.width / factor);
  const height = Math.floor(pixels.height / factor);
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        for (let dy = 0; dy < factor; dy++)
          for (let dx = 0; dx < factor; dx++)
            sum += pixels.data[((y * factor + dy) * pixels.width + x * factor + dx) * 3 + c]!;
        data[(y * width + x) * 3 + c] = Math.round(sum / factor / factor);
      }
    }
  }
  return { data, width, height, channels: 3 as const };
}

describe('checkImages: one image check for the guard and the list tool', () => {
  const pictures = listPictures(lists);

  it('indexes only the items that carry pictures', () => {
    expect(pictures.size).toBe(hoax.images!.length);
  });

  it('finds a listed picture by its hash, even shrunk, whatever the text says, and names the way', async () => {
    const { match } = fakeMatcher();
    const result = await checkImages(
      { pictures: [hashPicture(shrunk(poster, 3))], query: { text: 'cek ini', urls: [] } },
      { pictures, match },
    );
    expect(result.decision).toBe('hoax-match');
    expect(result.matches[0]).toMatchObject({ item: { id: 'poster-hoax' }, via: 'image', listId: 'cek' });
    expect(result.matches[0]!.distance).toBeLessThanOrEqual(31);
    expect(result.matches[0]!.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it('leaves an unrelated picture to the text matcher, which says none', async () => {
    const { match } = fakeMatcher();
    const result = await checkImages(
      { pictures: [hashPicture(otherPoster)], query: { text: 'sebarkan!!', urls: [] } },
      { pictures, match },
    );
    expect(result).toEqual({ decision: 'none', matches: [] });
  });

  it('never matches a near-flat picture (quality under 50), even against a flat listed one', async () => {
    const flat = { data: new Uint8Array(300 * 300 * 3).fill(200), width: 300, height: 300, channels: 3 as const };
    const flatPictures = listPictures([{ listId: 'cek', items: [{ ...hoax, images: pictureHashes(flat) }] }]);
    const hashes = hashPicture(flat);
    expect(hashes[0]!.quality).toBeLessThan(50);
    const result = await checkImages(
      { pictures: [hashes], query: { text: '', urls: [] } },
      { pictures: flatPictures, match: fakeMatcher().match },
    );
    expect(result.decision).toBe('none');
  });

  it("reads the pictures' text together with the post's own text, through the text matcher", async () => {
    const { match, asked } = fakeMatcher();
    const result = await checkImages(
      {
        pictures: [hashPicture(otherPoster)],
        ocrTexts: ['VAKSIN MENGANDUNG MICROCHIP', ''],
        query: { text: 'sebarkan!!', urls: ['https://example.com/a'] },
      },
      { pictures, match },
    );
    expect(asked).toEqual([{ text: 'sebarkan!!\nVAKSIN MENGANDUNG MICROCHIP', urls: ['https://example.com/a'] }]);
    expect(result.decision).toBe('hoax-match');
    expect(result.matches.map((hit) => [hit.item.id, hit.via])).toEqual([['text-hoax', 'text']]);
  });

  it('names an item found both ways once, by its picture, before text hits', async () => {
    const match = () => ({
      decision: 'hoax-match' as const,
      matches: [
        { listId: 'cek', item: hoax, score: 0.9, via: 'text' as const },
        { listId: 'cek', item: textOnly, score: 0.8, via: 'text' as const },
      ],
    });
    const result = await checkImages(
      { pictures: [hashPicture(poster)], query: { text: 'Gunung Lawu erupsi', urls: [] } },
      { pictures, match },
    );
    expect(result.matches.map((hit) => [hit.item.id, hit.via])).toEqual([
      ['poster-hoax', 'image'],
      ['text-hoax', 'text'],
    ]);
    expect(result.matches[0]!.distance).toBe(0);
  });

  it('does not ask the text matcher when there is no text and no link', async () => {
    const { match } = fakeMatcher();
    await checkImages(
      { pictures: [hashPicture(poster)], ocrTexts: ['  '], query: { text: '', urls: [] } },
      { pictures, match },
    );
    expect(match).not.toHaveBeenCalled();
  });

  it('scores a hash match from 1 (same hash) down to 0.9 at the match limit, above the hoax threshold', () => {
    expect(imageScore(0)).toBe(1);
    expect(imageScore(31)).toBeCloseTo(0.9);
  });

  it("reads the post's words, then each picture's word lines, leaving OCR's fragments out", () => {
    expect(combinedText(' cek ini ', [' Promo akhir pe\nnl\nA SY\n07.\nRT 05\nViralkan!', ''])).toBe(
      'cek ini\nPromo akhir pe\nViralkan!',
    );
    // The post's own text is kept whole.
    expect(combinedText('ok 2', [])).toBe('ok 2');
  });
});

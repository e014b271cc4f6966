import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../lib/cli/main';
import { decodeImage } from '../../lib/images/decode-node';
import { pdqHash } from '../../lib/images/pdq';
import { checkedHashes, matchPicture } from '../../lib/images/picture-hashes';
import { validateList } from '../../lib/lists/validate';
import { posterLikePicture } from './pdq-patterns';

const dir = mkdtempSync(join(tmpdir(), 'saring-cli-images-'));
const example = new URL('../fixtures/publish-example/cek-fakta-contoh.json', import.meta.url).pathname;
const file = (name: string) => join(dir, name);

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  const poster = posterLikePicture(900, 1100, 11);
  const image = () => sharp(Buffer.from(poster.data), { raw: { width: poster.width, height: poster.height, channels: poster.channels } });
  writeFileSync(file('poster.jpg'), await image().jpeg({ quality: 90 }).toBuffer());
  writeFileSync(file('poster.webp'), await image().webp({ quality: 90 }).toBuffer());
  // A copy cropped by 5% of each side, unevenly, and shrunk to a third: what gets forwarded.
  writeFileSync(file('forwarded.jpg'), await image().extract({ left: 40, top: 10, width: 855, height: 1045 }).resize(285).jpeg({ quality: 45 }).toBuffer());
  writeFileSync(file('other.png'), await sharp(Buffer.from(posterLikePicture(900, 1100, 12).data), { raw: { width: 900, height: 1100, channels: 3 } }).png().toBuffer());
  const jpeg = readFileSync(file('poster.jpg'));
  writeFileSync(file('truncated.jpg'), jpeg.subarray(0, jpeg.length >> 1));
  writeFileSync(file('empty.png'), '');
  writeFileSync(file('drawing.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
  writeFileSync(file('anim.gif'), 'GIF89a\x01\x00\x01\x00\x00\x00\x00;');
  writeFileSync(file('notes.txt'), 'not a picture at all');
});

describe('saring-list hash-image', () => {
  it("prints each picture's PDQ hash as the reference tool does: hash,quality,file", async () => {
    const result = await cli('hash-image', file('poster.jpg'), file('poster.webp'));
    expect(result).toMatchObject({ code: 0, err: '' });
    const expected = pdqHash(await decodeImage(readFileSync(file('poster.jpg'))));
    const lines = result.out.split('\n');
    expect(lines[0]).toBe(`${expected.pdq},${expected.quality},${file('poster.jpg')}`);
    expect(lines[1]).toMatch(new RegExp(`^[0-9a-f]{64},\\d+,${file('poster.webp')}$`));
  });

  it('prints JSON with --json', async () => {
    const result = await cli('hash-image', '--json', file('poster.jpg'));
    expect(JSON.parse(result.out)).toEqual([{ file: file('poster.jpg'), ...pdqHash(await decodeImage(readFileSync(file('poster.jpg')))) }]);
  });

  it('reports each bad file with a reason, still hashes the good ones, and exits 1', async () => {
    const bad = ['truncated.jpg', 'empty.png', 'drawing.svg', 'anim.gif', 'notes.txt', 'missing.jpg'].map(file);
    const result = await cli('hash-image', ...bad, file('poster.jpg'));
    expect(result.code).toBe(1);
    expect(result.out.split('\n')).toHaveLength(1);
    expect(result.out).toContain(file('poster.jpg'));
    const errors = result.err.split('\n');
    expect(errors).toEqual([
      expect.stringMatching(/truncated\.jpg: cannot decode the JPEG/),
      expect.stringMatching(/empty\.png: the file is empty \(0 bytes\)/),
      expect.stringMatching(/drawing\.svg: SVG is a drawing/),
      expect.stringMatching(/anim\.gif: GIF is not supported/),
      expect.stringMatching(/notes\.txt: not a JPEG, PNG or WebP picture/),
      expect.stringMatching(/missing\.jpg: no such file/),
    ]);
  });
});

describe('saring-list add-image', () => {
  it("adds a picture's hashes to an item, bumps the version, and a forwarded copy then matches", async () => {
    const out = file('with-images.json');
    const result = await cli('add-image', example, 'contoh-1', file('poster.jpg'), '--out', out);
    expect(result).toMatchObject({ code: 0, err: '' });
    const list = validateList(JSON.parse(readFileSync(out, 'utf8')));
    expect(list.problems).toEqual([]);
    expect(list.header.version).toBeGreaterThan(1);
    const item = list.items.find((candidate) => candidate.id === 'contoh-1')!;
    expect(item.images).toHaveLength(12);
    expect(item.images![0]).toEqual(pdqHash(await decodeImage(readFileSync(file('poster.jpg')))));
    expect(list.items.filter((candidate) => candidate.images)).toHaveLength(1);

    const forwarded = checkedHashes(await decodeImage(readFileSync(file('forwarded.jpg'))));
    expect(matchPicture(forwarded, item.images!)).toBeDefined();
    const other = checkedHashes(await decodeImage(readFileSync(file('other.png'))));
    expect(matchPicture(other, item.images!)).toBeUndefined();

    // The same picture again adds nothing new.
    const again = await cli('add-image', out, 'contoh-1', file('poster.jpg'), '--out', out, '--version', String(list.header.version + 1));
    expect(again.out).toContain('0 of 12 hashes new');
  });

  it('refuses an unknown item, a bad picture or an older version, and writes nothing', async () => {
    const out = file('never.json');
    expect(await cli('add-image', example, 'no-such-item', file('poster.jpg'), '--out', out)).toMatchObject({ code: 1, err: expect.stringContaining('no item with id "no-such-item"') });
    const bad = await cli('add-image', example, 'contoh-1', file('poster.jpg'), file('truncated.jpg'), '--out', out);
    expect(bad).toMatchObject({ code: 1, err: expect.stringContaining('1 of 2 pictures could not be hashed: the list was not written') });
    expect(await cli('add-image', example, 'contoh-1', file('poster.jpg'), '--out', out, '--version', '1')).toMatchObject({ code: 1, err: expect.stringContaining('above the list\'s version 1') });
    expect(await cli('add-image', example, 'contoh-1', file('poster.jpg'))).toMatchObject({ code: 1, err: expect.stringContaining('--out') });
    expect(() => readFileSync(out)).toThrow();
  });
});

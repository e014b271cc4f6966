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
  const image = () =>
    sharp(Buffer.from(poster.data), { raw: { width: poster.width, height: poster.height, channels: poster.channels } });
  writeFileSync(file('poster.jpg'), await image().jpeg({ quality: 90 }).toBuffer());
  writeFileSync(file('poster.webp'), await image().webp({ quality: 90 }).toBuffer());
  // A copy cropped by 5% of each side, unevenly, and shrunk to a third: what gets forwarded.
  writeFileSync(
    file('forwarded.jpg'),
    await image().extract({ left: 40, top: 10, width: 855, height: 1045 }).resize(285).jpeg({ quality: 45 }).toBuffer(),
  );
  writeFileSync(
    file('other.png'),
    await sharp(Buffer.from(posterLikePicture(900, 1100, 12).data), { raw: { width: 900, height: 1100, channels: 3 } })
      .png()
      .toBuffer(),
  );
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
    expect(JSON.parse(result.out)).toEqual([
      { file: file('poster.jpg'), ...pdqHash(await decodeImage(readFileSync(file('poster.jpg')))) },
    ]);
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
    const again = await cli(
      'add-image',
      out,
      'contoh-1',
      file('poster.jpg'),
      '--out',
      out,
      '--version',
      String(list.header.version + 1),
    );
    expect(again.out).toContain('0 of 12 hashes new');
  });

  it('refuses an unknown item, a bad picture or an older version, and writes nothing', async () => {
    const out = file('never.json');
    expect(await cli('add-image', example, 'no-such-item', file('poster.jpg'), '--out', out)).toMatchObject({
      code: 1,
      err: expect.stringContaining('no item with id "no-such-item"'),
    });
    const bad = await cli('add-image', example, 'contoh-1', file('poster.jpg'), file('truncated.jpg'), '--out', out);
    expect(bad).toMatchObject({
      code: 1,
      err: expect.stringContaining('1 of 2 pictures could not be hashed: the list was not written'),
    });
    expect(
      await cli('add-image', example, 'contoh-1', file('poster.jpg'), '--out', out, '--version', '1'),
    ).toMatchObject({ code: 1, err: expect.stringContaining("above the list's version 1") });
    expect(await cli('add-image', example, 'contoh-1', file('poster.jpg'))).toMatchObject({
      code: 1,
      err: expect.stringContaining('--out'),
    });
    expect(() => readFileSync(out)).toThrow();
  });
});

describe('saring-list match-image', () => {
  /** The example list with contoh-1 carrying poster.jpg's hashes. */
  async function listWithPoster(): Promise<string> {
    const out = file('match-image-list.json');
    expect((await cli('add-image', example, 'contoh-1', file('poster.jpg'), '--out', out)).code).toBe(0);
    return out;
  }

  it('finds a forwarded copy of a listed picture by hash, names the way, and finds nothing for another picture', async () => {
    const list = await listWithPoster();
    const result = await cli('match-image', list, file('forwarded.jpg'), file('other.png'), '--no-ocr', '--json');
    expect(result).toMatchObject({ code: 0, err: '' });
    const [forwarded, other] = JSON.parse(result.out) as Array<Record<string, unknown>>;
    expect(forwarded).toMatchObject({
      file: file('forwarded.jpg'),
      pdq: expect.stringMatching(/^[0-9a-f]{64}$/),
      text: '',
      decision: 'hoax-match',
    });
    expect(forwarded!.matches).toEqual([{ id: 'contoh-1', via: 'image', distance: expect.any(Number) }]);
    expect(other).toMatchObject({ file: file('other.png'), decision: 'none', matches: [] });

    const readable = await cli('match-image', list, file('forwarded.jpg'), '--no-ocr');
    expect(readable.out).toMatch(/forwarded\.jpg: hoax-match/);
    expect(readable.out).toMatch(/\* contoh-1 {2}\(picture, \d+ bits\)/);
  });

  it('gives bad files a clear message each, checks the good ones, and exits 1', async () => {
    const { deflateSync } = await import('node:zlib');
    const chunk = (type: string, data: Buffer) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(data.length);
      return Buffer.concat([length, Buffer.from(type), data, Buffer.alloc(4)]);
    };
    const header = Buffer.alloc(13);
    header.writeUInt32BE(20_000, 0);
    header.writeUInt32BE(20_000, 4);
    header.set([8, 2, 0, 0, 0], 8);
    writeFileSync(
      file('huge.png'),
      Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        chunk('IHDR', header),
        chunk('IDAT', deflateSync(Buffer.alloc(60_001 * 4))),
        chunk('IEND', Buffer.alloc(0)),
      ]),
    );
    const bad = ['truncated.jpg', 'empty.png', 'huge.png', 'drawing.svg', 'anim.gif', 'notes.txt'].map(file);
    const result = await cli('match-image', example, ...bad, file('other.png'), '--no-ocr', '--json');
    expect(result.code).toBe(1);
    expect((JSON.parse(result.out) as unknown[]).length).toBe(1);
    expect(result.err.split('\n')).toEqual([
      expect.stringMatching(/truncated\.jpg: cannot decode the JPEG/),
      expect.stringMatching(/empty\.png: the file is empty \(0 bytes\)/),
      expect.stringMatching(/huge\.png: the picture is 20000×20000 .*limited to 50\.0 megapixels/),
      expect.stringMatching(/drawing\.svg: SVG is a drawing/),
      expect.stringMatching(/anim\.gif: GIF is not supported/),
      expect.stringMatching(/notes\.txt: not a JPEG, PNG or WebP picture/),
    ]);
  });

  it("reads a remade poster's text with OCR and matches it as a post, all files sharing one OCR engine", async () => {
    const words = async (text: string) =>
      sharp({ text: { text, font: 'DejaVu Sans Bold 26', rgba: true, dpi: 72 } })
        .png()
        .toBuffer();
    const remade = await sharp({ create: { width: 900, height: 260, channels: 3, background: '#fff6d5' } })
      .composite([
        { input: await words('VAKSIN MENGANDUNG MICROCHIP PELACAK'), left: 24, top: 60 },
        { input: await words('Sebarkan sebelum dihapus!!'), left: 24, top: 150 },
      ])
      .png()
      .toBuffer();
    writeFileSync(file('remade.png'), remade);
    const result = await cli('match-image', example, file('remade.png'), file('other.png'), '--json');
    expect(result).toMatchObject({ code: 0, err: '' });
    const [poster, other] = JSON.parse(result.out) as Array<{ text: string; decision: string; matches: unknown[] }>;
    expect(poster!.text.toLowerCase()).toContain('microchip');
    expect(poster!.decision).toBe('hoax-match');
    expect(poster!.matches[0]).toEqual({
      id: 'cekfakta.example.id/artikel/microchip-vaksin',
      via: 'text',
      score: expect.any(Number),
    });
    expect(other!.decision).toBe('none');
  }, 60_000);
});

import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { nextVersionAfter } from '../../lib/cli/commands/build';
import { run } from '../../lib/cli/main';
import { serializeList } from '../../lib/lists/export';
import { applyPatch, listChecksum, parsePatch } from '../../lib/lists/patch';
import type { ListItem, SaringList } from '../../lib/lists/schema';
import { verifyListSignature } from '../../lib/lists/signature';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'saring-publish-'));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const item = (id: string, claim: string, label = 'SALAH'): ListItem => ({
  id,
  claim,
  rating: 'false',
  label,
  url: `https://cekfakta.com/focus/${id}`,
});
const list = (version: number, items: ListItem[]): SaringList => ({
  saringList: 1,
  id: 'cek-fakta-contoh',
  name: 'Cek Fakta Contoh',
  version,
  items,
});

function writeList(name: string, value: SaringList): string {
  const path = join(work, name);
  writeFileSync(path, serializeList(value));
  return path;
}

const read = (path: string) => readFileSync(path, 'utf8');

describe('saring-list publish', () => {
  it('publishes versions into a folder with patches from each earlier one, and nothing new writes nothing', async () => {
    const dir = join(work, 'site');
    const keyFile = join(work, 'publisher.key');
    expect((await cli('keygen', '-o', keyFile)).code).toBe(0);
    const publicKey = read(`${keyFile}.pub`).trim();

    const v1 = list(100, [
      item('1', 'Gunung Lawu bakal erupsi besar'),
      item('2', 'Vaksin mengandung chip'),
      item('3', 'Bansos Rp5,4 juta cair lewat tautan'),
    ]);
    const first = await cli('publish', writeList('v1.json', v1), '--out', dir, '--sign', keyFile);
    expect(first).toMatchObject({ code: 0, out: expect.stringContaining('version 100, 3 items (first version)') });
    const published = JSON.parse(read(join(dir, 'list.json')));
    expect(published).toMatchObject({ version: 100, patches: 'patches/' });
    expect(gunzipSync(readFileSync(join(dir, 'list.json.gz'))).toString()).toBe(read(join(dir, 'list.json')));
    expect(
      await verifyListSignature(readFileSync(join(dir, 'list.json')), read(join(dir, 'list.json.sig')), publicKey),
    ).toBe(true);
    expect(parsePatch(read(join(dir, 'patches/100.json')))).toMatchObject({ base: 100, target: 100, count: 3 });

    // Nothing new: same version, same bytes, no file touched.
    const before = readdirSync(dir, { recursive: true }).map((name) => [
      name,
      statSync(join(dir, String(name))).mtimeMs,
    ]);
    const again = await cli(
      'publish',
      writeList('v1-again.json', { ...v1, version: 101 }),
      '--out',
      dir,
      '--sign',
      keyFile,
    );
    expect(again).toMatchObject({ code: 0, out: expect.stringContaining('nothing new: version 100 stays') });
    expect(
      readdirSync(dir, { recursive: true }).map((name) => [name, statSync(join(dir, String(name))).mtimeMs]),
    ).toEqual(before);

    const v2 = list(200, [
      item('1', 'Gunung Lawu bakal erupsi besar', 'HOAKS'),
      item('2', 'Vaksin mengandung chip'),
      item('4', 'Air kelapa muda menyembuhkan Covid'),
    ]);
    const v3 = list(300, [...v2.items, item('5', 'Pendaftaran CPNS lewat WhatsApp')]);
    expect((await cli('publish', writeList('v2.json', v2), '--out', dir, '--sign', keyFile)).out).toContain(
      'from 100: +1 added, ~1 changed, -1 removed',
    );
    expect((await cli('publish', writeList('v3.json', v3), '--out', dir, '--sign', keyFile)).code).toBe(0);

    expect(readdirSync(join(dir, 'patches')).sort()).toEqual([
      '100.json',
      '100.json.sig',
      '200.json',
      '200.json.sig',
      '300.json',
      '300.json.sig',
    ]);
    for (const [base, from] of [
      [100, v1],
      [200, v2],
    ] as const) {
      const bytes = readFileSync(join(dir, `patches/${base}.json`));
      expect(await verifyListSignature(bytes, read(join(dir, `patches/${base}.json.sig`)), publicKey)).toBe(true);
      const applied = await applyPatch(from, parsePatch(bytes.toString()));
      expect(applied.list.version).toBe(300);
      expect(applied.checksum).toBe(await listChecksum(v3.items));
    }
    // A composed patch sends only what differs from its base: item 2 never changed.
    const fromFirst = parsePatch(read(join(dir, 'patches/100.json')));
    expect(fromFirst).toMatchObject({ removed: ['3'] });
    expect([...fromFirst.changed, ...fromFirst.added].map((one) => one.id).sort()).toEqual(['1', '4', '5']);
  });

  it('refuses an older version, and refuses to publish unsigned over a signed folder', async () => {
    const dir = join(work, 'signed');
    const keyFile = join(work, 'other.key');
    await cli('keygen', '-o', keyFile);
    await cli('publish', writeList('s1.json', list(10, [item('1', 'Satu')])), '--out', dir, '--sign', keyFile);
    expect(
      await cli('publish', writeList('s0.json', list(9, [item('1', 'Dua')])), '--out', dir, '--sign', keyFile),
    ).toMatchObject({ code: 1, err: expect.stringContaining('version 9 is not newer than the published version 10') });
    expect(await cli('publish', writeList('s2.json', list(11, [item('1', 'Dua')])), '--out', dir)).toMatchObject({
      code: 1,
      err: expect.stringContaining('this list is signed'),
    });
    expect(JSON.parse(read(join(dir, 'list.json'))).version).toBe(10);
  });

  it('drops a patch it cannot read, and says so', async () => {
    const dir = join(work, 'damaged');
    await cli('publish', writeList('d1.json', list(1, [item('1', 'Satu')])), '--out', dir);
    await cli('publish', writeList('d2.json', list(2, [item('1', 'Satu'), item('2', 'Dua')])), '--out', dir);
    writeFileSync(join(dir, 'patches/1.json'), '{"saringPatch": 1, "trunc');
    const third = await cli('publish', writeList('d3.json', list(3, [item('2', 'Dua')])), '--out', dir);
    expect(third).toMatchObject({ code: 0, err: expect.stringContaining('patches/1.json: Not JSON') });
    expect(readdirSync(join(dir, 'patches')).sort()).toEqual(['2.json', '3.json']);
  });
});

describe('saring-list diff', () => {
  it('writes the patch between two versions, signed on request', async () => {
    const keyFile = join(work, 'diff.key');
    await cli('keygen', '-o', keyFile);
    const old = writeList('old.json', list(1, [item('1', 'Satu'), item('2', 'Dua')]));
    const next = writeList('new.json', list(2, [item('2', 'Dua diperbaiki'), item('3', 'Tiga')]));
    const out = join(work, 'one.patch.json');
    const result = await cli('diff', old, next, '-o', out, '--sign', keyFile);
    expect(result).toMatchObject({ code: 0, out: expect.stringContaining('1 → 2: +1 added, ~1 changed, -1 removed') });
    expect(await verifyListSignature(readFileSync(out), read(`${out}.sig`), read(`${keyFile}.pub`).trim())).toBe(true);
    expect(parsePatch(read(out))).toMatchObject({ base: 1, target: 2, removed: ['1'] });
    expect(await cli('diff', next, old, '-o', out)).toMatchObject({
      code: 1,
      err: expect.stringContaining('is not newer'),
    });
  });
});

describe('the list tool reads .json.gz lists', () => {
  it('in validate, match and verify', async () => {
    const example = `${fixtures}publish-example/cek-fakta-contoh.json`;
    const gz = join(work, 'cek-fakta-contoh.json.gz');
    writeFileSync(gz, gzipSync(readFileSync(example)));
    expect(await cli('validate', gz)).toMatchObject({
      code: 0,
      out: expect.stringContaining('valid: "cek-fakta-contoh"'),
    });
    const matched = await cli('match', gz, '--text', 'Gunung Lawu bakal erupsi besar pekan ini', '--json');
    expect(matched.code).toBe(0);
    expect(JSON.parse(matched.out).matches.length).toBeGreaterThan(0);
    // No .gz.sig of its own: the signature of the list inside (cek-fakta-contoh.json.sig) is checked.
    writeFileSync(join(work, 'cek-fakta-contoh.json.sig'), readFileSync(`${example}.sig`));
    const publicKey = `${fixtures}publish-example/saring-example.key.pub`;
    expect(await cli('verify', gz, '--pub', publicKey)).toMatchObject({
      code: 0,
      out: expect.stringContaining('signature valid'),
    });
    writeFileSync(gz, gzipSync(Buffer.from(read(example).replace('Gunung', 'Bukit'))));
    expect((await cli('verify', gz, '--pub', publicKey)).code).toBe(1);
    writeFileSync(gz, Buffer.from([0x1f, 0x8b, 1, 2, 3]));
    expect(await cli('validate', gz)).toMatchObject({ code: 1, err: expect.stringContaining('not valid gzip') });
    expect(existsSync(gz)).toBe(true);
  });
});

describe('nextVersionAfter', () => {
  const at = (iso: string) => new Date(iso);
  it('is the time as YYYYMMDDHHMM, or the minute after the previous version when that is not later', () => {
    expect(nextVersionAfter(undefined, at('2026-11-20T08:05:30Z'))).toBe(202611200805);
    expect(nextVersionAfter(202611190800, at('2026-11-20T08:05:30Z'))).toBe(202611200805);
    // A second run in the same minute, at the end of an hour, a day and a year: a real minute each time.
    expect(nextVersionAfter(202611200805, at('2026-11-20T08:05:50Z'))).toBe(202611200806);
    expect(nextVersionAfter(202611201759, at('2026-11-20T17:59:10Z'))).toBe(202611201800);
    expect(nextVersionAfter(202611302359, at('2026-11-30T23:59:10Z'))).toBe(202612010000);
    expect(nextVersionAfter(202612312359, at('2026-12-31T23:59:10Z'))).toBe(202701010000);
    // A version ahead of the clock is still followed by a newer one.
    expect(nextVersionAfter(202611201810, at('2026-11-20T17:59:10Z'))).toBe(202611201811);
    // Versions that are not times, far in the future (after the clock), count on by one.
    expect(nextVersionAfter(999999999999, at('2026-11-20T17:59:10Z'))).toBe(1_000_000_000_000);
    expect(nextVersionAfter(3, at('2026-11-20T17:59:10Z'))).toBe(202611201759);
  });
});

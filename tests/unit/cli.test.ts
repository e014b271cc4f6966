import { MATCH_THRESHOLD } from '../../lib/core/verdict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../lib/cli/main';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'saring-cli-'));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('saring-list', () => {
  it('lists the commands, and each says how to use it', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    for (const name of ['build', 'validate', 'keygen', 'sign', 'verify', 'match']) {
      expect(help.out).toContain(`  ${name}`);
      const usage = await cli(name, '--help');
      expect(usage).toMatchObject({ code: 0 });
      expect(usage.out).toContain(`saring-list ${name}`);
    }
    expect(await cli('frobnicate')).toMatchObject({
      code: 1,
      err: expect.stringContaining('unknown command "frobnicate"'),
    });
    expect(await cli('build', '--bogus')).toMatchObject({
      code: 1,
      err: expect.stringContaining("Unknown option '--bogus'"),
    });
  });

  it('build merges CSV, ClaimReview and Fact Check API inputs, reports what it left out, and validates', async () => {
    const list = join(dir, 'merged.json');
    const csv = `${fixtures}lists/csv-semicolon-bom.csv`;
    const again = join(dir, 'again.csv');
    copyFileSync(csv, again);
    const result = await cli(
      'build',
      csv,
      `${fixtures}lists/claimreview-datafeed.jsonld`,
      `${fixtures}lists/factcheck-api.json`,
      again,
      '-o',
      list,
      '--id',
      'merged',
      '--name',
      'Merged',
      '--publisher',
      'Tim Cek',
      '--version',
      '7',
    );
    expect(result.code).toBe(0);
    expect(result.out).toBe(`${list}: "merged" version 7, 10 items (3 duplicates left out)`);
    expect(result.err).toContain(`${csv}: line 5, published: not a date: "31/02/2026"`);
    expect(result.err).toContain(`${again}: item "tbh-1": duplicate of ${csv} item "tbh-1", left out`);
    const built = JSON.parse(readFileSync(list, 'utf8'));
    expect(built).toMatchObject({
      saringList: 1,
      id: 'merged',
      name: 'Merged',
      publisher: { name: 'Tim Cek' },
      version: 7,
      languages: ['id', 'en'],
    });
    expect((await cli('validate', list)).code).toBe(0);
  });

  it('build defaults the version to the time, and fails on an input that is not a list', async () => {
    const list = join(dir, 'timed.json');
    const built = await cli(
      'build',
      `${fixtures}publish-example/cek-fakta-contoh.csv`,
      '-o',
      list,
      '--id',
      'timed',
      '--name',
      'Timed',
    );
    expect(built.code).toBe(0);
    expect(JSON.parse(readFileSync(list, 'utf8')).version).toBeGreaterThanOrEqual(202601010000);
    const bad = await cli(
      'build',
      `${fixtures}lists/array.json`,
      '-o',
      join(dir, 'never.json'),
      '--id',
      'x1',
      '--name',
      'X',
    );
    expect(bad).toMatchObject({ code: 1, err: expect.stringContaining('array.json: Not a list: an array') });
    expect(existsSync(join(dir, 'never.json'))).toBe(false);
  });

  it('validate prints every error as `file: where: what` and exits 1', async () => {
    const file = `${fixtures}lists/bad-links.json`;
    const result = await cli('validate', file);
    expect(result.code).toBe(1);
    expect(result.err.split('\n')).toEqual([
      `${file}: items[1].url: must be https`,
      `${file}: items[2].url: must be https`,
      `${file}: items[3].url: must be https`,
      `${file}: items[4].appearances[1]: must be https`,
      `${file}: domains[1].domain: must be at least 3 characters`,
    ]);
    const header = await cli('validate', `${fixtures}lists/missing-header.json`);
    expect(header.code).toBe(1);
    expect(header.err).toContain('missing-header.json: id: is required');
    expect(await cli('validate', `${fixtures}lists/not-json.json`)).toMatchObject({
      code: 1,
      err: expect.stringContaining('not-json.json: Not JSON'),
    });
    expect(await cli('validate', join(dir, 'absent.json'))).toMatchObject({
      code: 1,
      err: expect.stringContaining('absent.json: no such file'),
    });
  });

  it('validate reads a URL', async () => {
    const body = readFileSync(`${fixtures}publish-example/cek-fakta-contoh.json`);
    const server = createServer((request, response) => {
      if (request.url === '/list.json') response.end(body);
      else response.writeHead(404).end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(await cli('validate', `${base}/list.json`)).toMatchObject({
        code: 0,
        out: expect.stringContaining('4 items'),
      });
      expect(await cli('validate', `${base}/gone.json`)).toMatchObject({
        code: 1,
        err: expect.stringContaining('HTTP 404'),
      });
    } finally {
      server.close();
    }
  });

  it('keygen, sign and verify; a tampered list or another key fails', async () => {
    const key = join(dir, 'publisher.key');
    const list = join(dir, 'signed.json');
    copyFileSync(`${fixtures}publish-example/cek-fakta-contoh.json`, list);
    expect((await cli('keygen', '-o', key)).code).toBe(0);
    expect(readFileSync(`${key}.pub`, 'utf8').trim()).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(await cli('keygen', '-o', key)).toMatchObject({ code: 1, err: expect.stringContaining('already exists') });
    expect(await cli('sign', list, '--key', key)).toMatchObject({ code: 0, out: `wrote ${list}.sig` });
    expect(await cli('verify', list, '--pub', `${key}.pub`)).toMatchObject({
      code: 0,
      out: `${list}: signature valid`,
    });
    const publicKey = readFileSync(`${key}.pub`, 'utf8').trim();
    expect((await cli('verify', list, '--pub', publicKey)).code).toBe(0);
    expect((await cli('verify', list, '--pub', `${fixtures}publish-example/saring-example.key.pub`)).code).toBe(1);
    writeFileSync(list, readFileSync(list, 'utf8').replace('Gunung Lawu', 'Gunung Lewu'));
    expect(await cli('verify', list, '--pub', `${key}.pub`)).toMatchObject({
      code: 1,
      err: expect.stringContaining('NOT valid'),
    });
    expect(await cli('verify', list, '--pub', 'AAAA')).toMatchObject({
      code: 1,
      err: expect.stringContaining('base64 of 32 bytes'),
    });
  });

  it('match --text shows the decision and scores the extension would give', async () => {
    const list = `${fixtures}publish-example/cek-fakta-contoh.json`;
    const hit = await cli(
      'match',
      list,
      '--text',
      'Waspada! Gunung Lawu bakal erupsi besar pekan ini, lava sudah naik',
    );
    expect(hit.code).toBe(0);
    expect(hit.out.startsWith('decision: hoax-match (resembles a checked claim')).toBe(true);
    expect(hit.out).toContain(`hoax-match from ${MATCH_THRESHOLD}`);
    expect(hit.out).toMatch(
      /\* \d\.\d{3} {2}contoh-1 {2}\[SALAH\] Gunung Lawu bakal erupsi besar pekan ini {2}\(via text\)/,
    );
    const miss = await cli('match', list, '--text', 'Selamat pagi semuanya, hari ini cerah', '--json');
    expect(JSON.parse(miss.out)).toEqual({ id: null, decision: 'none', matches: expect.any(Array) });
  });

  it('match --queries --json answers one line per input line, best first, at most --top', async () => {
    const queries = join(dir, 'queries.jsonl');
    writeFileSync(
      queries,
      [
        JSON.stringify({
          id: 'q1',
          text: 'Daftar sekarang bansos 600rb lewat WhatsApp, klik link ini sebelum ditutup',
        }),
        JSON.stringify({ id: 'q2', text: 'Nonton bola nanti malam di rumah Budi' }),
        JSON.stringify({ id: 'q5', text: 'Gunung Lawu erupsi' }),
        'not json',
        JSON.stringify({ id: 'q4' }),
        '',
      ].join('\n'),
    );
    const result = await cli(
      'match',
      `${fixtures}publish-example/cek-fakta-contoh.json`,
      '--queries',
      queries,
      '--json',
      '--top',
      '2',
    );
    expect(result.code).toBe(0);
    const lines = result.out.split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({
      id: 'q1',
      decision: 'hoax-match',
      matches: [{ id: 'contoh-2', score: expect.any(Number) }],
    });
    expect(lines[0].matches.length).toBeLessThanOrEqual(2);
    expect(lines[1]).toMatchObject({ id: 'q2', decision: 'none' });
    // A few of the claim's words, said bare, may be about it: the likely tier, reported in decision.
    expect(lines[2]).toMatchObject({ id: 'q5', decision: 'likely-match', matches: [{ id: 'contoh-1' }] });
    expect(lines[3]).toEqual({ id: null, decision: 'none', matches: [], error: 'line 4: not JSON' });
    expect(lines[4]).toEqual({ id: 'q4', decision: 'none', matches: [], error: 'line 5: needs "text"' });
    for (const line of lines) {
      const scores = line.matches.map((match: { score: number }) => match.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });
});

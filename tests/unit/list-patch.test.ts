import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  applyPatch,
  checkPatch,
  composePatches,
  listChecksum,
  makePatch,
  parsePatch,
  patchUrl,
  PatchError,
  serializePatch,
  type ListPatch,
} from '../../lib/lists/patch';
import { validateList } from '../../lib/lists/validate';
import type { ListItem, SaringList } from '../../lib/lists/schema';

/** A small deterministic PRNG, so a failing sequence of edits can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const item = (id: string, claim = `Klaim ${id}`, extra: Partial<ListItem> = {}): ListItem => ({
  id,
  claim,
  rating: 'false',
  label: 'SALAH',
  url: `https://turnbackhoax.id/articles/${id}`,
  ...extra,
});

const list = (version: number, items: ListItem[], extra: Partial<SaringList> = {}): SaringList => ({
  saringList: 1,
  id: 'cek-fakta',
  name: 'Cek Fakta',
  version,
  items,
  ...extra,
});

/** A random next version: some items removed, some changed, some added (ids may come back). */
function edit(from: SaringList, next: () => number, version: number): SaringList {
  const items: ListItem[] = [];
  for (const old of from.items) {
    const roll = next();
    if (roll < 0.1) continue;
    items.push(roll < 0.25 ? { ...old, claim: `${old.claim} (diperbarui ${version})` } : old);
  }
  const adds = Math.floor(next() * 6);
  for (let i = 0; i < adds; i++) {
    const id = `n${Math.floor(next() * 60)}`;
    if (!items.some((existing) => existing.id === id)) items.push(item(id, `Klaim baru ${id} v${version}`));
  }
  return list(version, items);
}

const sortedLines = (items: ListItem[]) => items.map((one) => JSON.stringify(one)).sort();

describe('list checksum', () => {
  it('does not depend on item order, key order or unknown fields, and changes with any field', async () => {
    const a = item('a');
    const b = item('b', 'Vaksin mengandung chip', { appearances: ['https://www.facebook.com/x'] });
    const reordered = {
      url: b.url,
      appearances: b.appearances,
      rating: b.rating,
      claim: b.claim,
      id: b.id,
      label: b.label,
      extra: 1,
    } as unknown as ListItem;
    const sum = await listChecksum([a, b]);
    expect(sum).toMatch(/^sum-sha256:[0-9a-f]{64}$/);
    expect(await listChecksum([b, a])).toBe(sum);
    expect(await listChecksum([a, reordered])).toBe(sum);
    expect(await listChecksum([a, { ...b, label: 'HOAKS' }])).not.toBe(sum);
    expect(await listChecksum([a])).not.toBe(sum);
    expect(await listChecksum([])).toBe(`sum-sha256:${'0'.repeat(64)}`);
    // Node tools may hash with node:crypto: the same checksum.
    expect(await listChecksum([a, b], (bytes) => createHash('sha256').update(bytes).digest())).toBe(sum);
  });
});

describe('makePatch and applyPatch', () => {
  it('take a list from one version to the next: added, changed and removed, checked by count and checksum', async () => {
    const v1 = list(1, [item('a'), item('b'), item('c')], { publisher: { name: 'MAFINDO' } });
    const v2 = list(2, [item('a'), item('b', 'Klaim b, diperbaiki'), item('d')], {
      publisher: { name: 'MAFINDO' },
      patches: 'patches/',
      domains: [{ domain: 'hoaks.example', rating: 'unreliable' }],
    });
    const patch = await makePatch(v1, v2);
    expect(patch).toMatchObject({ saringPatch: 1, base: 1, target: 2, count: 3, removed: ['c'] });
    expect(patch.changed.map((one) => one.id)).toEqual(['b']);
    expect(patch.added.map((one) => one.id)).toEqual(['d']);
    expect(patch.header).toMatchObject({
      id: 'cek-fakta',
      version: 2,
      patches: 'patches/',
      publisher: { name: 'MAFINDO' },
    });
    expect(patch.checksum).toBe(await listChecksum(v2.items));

    const applied = await applyPatch(v1, parsePatch(serializePatch(patch)));
    expect(applied.list.version).toBe(2);
    expect(applied.list.items.map((one) => one.id)).toEqual(['a', 'b', 'd']);
    expect(applied.list.items[1]!.claim).toBe('Klaim b, diperbaiki');
    expect(applied.list.domains).toEqual(v2.domains);
    expect(applied.checksum).toBe(patch.checksum);
    expect(applied.delta).toMatchObject({ current: false, removed: ['c'], count: 3 });
  });

  it('writes the same bytes for the same versions, readable as a list-like file', async () => {
    const v1 = list(1, [item('b'), item('a')]);
    const v2 = list(2, [item('c'), item('a')]);
    const text = serializePatch(await makePatch(v1, v2));
    expect(serializePatch(await makePatch(v1, v2))).toBe(text);
    expect(text.split('\n').filter((line) => line.startsWith('    {"id":')).length).toBe(1);
    expect(parsePatch(text)).toEqual(await makePatch(v1, v2));
  });

  it('round-trips hundreds of random edits, and a chain of patches composed into one', async () => {
    const next = random(20261120);
    const versions = [
      list(
        1,
        Array.from({ length: 40 }, (_, i) => item(`i${i}`)),
      ),
    ];
    for (let v = 2; v <= 9; v++) versions.push(edit(versions.at(-1)!, next, v));
    for (let from = 0; from < versions.length - 1; from++) {
      const step = await makePatch(versions[from]!, versions[from + 1]!);
      const applied = await applyPatch(versions[from]!, step);
      expect(sortedLines(applied.list.items)).toEqual(sortedLines(versions[from + 1]!.items));
    }
    // Compose as a publisher does: keep patches from every older version to the newest.
    let chain: ListPatch[] = [];
    for (let v = 1; v < versions.length; v++) {
      const previous = versions[v - 1]!;
      const current = versions[v]!;
      const latest = await makePatch(previous, current);
      const middle = new Set(previous.items.map((one) => one.id));
      chain = [...chain.map((older) => composePatches(older, latest, middle, current)), latest];
    }
    const newest = versions.at(-1)!;
    for (const patch of chain) {
      const base = versions.find((one) => one.version === patch.base)!;
      const applied = await applyPatch(base, patch);
      expect(sortedLines(applied.list.items)).toEqual(sortedLines(newest.items));
      expect(applied.list.version).toBe(newest.version);
    }
  });

  it('applies a "you are up to date" patch (base = target) as nothing to do', async () => {
    const v3 = list(3, [item('a')]);
    const marker = await makePatch(v3, v3);
    expect(marker).toMatchObject({ base: 3, target: 3, added: [], changed: [], removed: [] });
    const applied = await applyPatch(v3, marker);
    expect(applied.delta.current).toBe(true);
    expect(applied.list.items).toEqual(v3.items);
  });
});

describe('checkPatch refuses anything odd, with a reason', () => {
  const v1 = list(10, [item('a'), item('b'), item('c')]);
  const v2 = list(11, [item('a', 'Klaim a berubah'), item('c'), item('d')]);

  async function refusal(patch: ListPatch, base: SaringList = v1): Promise<PatchError> {
    const error = await applyPatch(base, patch).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PatchError);
    return error as PatchError;
  }

  it('a patch from another version, another list, or backwards', async () => {
    const patch = await makePatch(v1, v2);
    expect(await refusal(patch, list(9, v1.items))).toMatchObject({
      problem: 'base-mismatch',
      message: expect.stringContaining('starts from version 10; the stored copy is version 9'),
    });
    expect(await refusal(patch, { ...v1, id: 'lain' })).toMatchObject({ problem: 'other-list' });
    expect(await refusal({ ...patch, target: 9, header: { ...patch.header, version: 9 } })).toMatchObject({
      problem: 'base-mismatch',
    });
    expect(await refusal({ ...patch, target: 12 })).toMatchObject({ problem: 'not-a-patch' });
  });

  it('removing or changing what is not there, adding what is, or naming an item twice', async () => {
    const patch = await makePatch(v1, v2);
    expect(await refusal({ ...patch, removed: ['b', 'zz'] })).toMatchObject({
      problem: 'conflict',
      message: expect.stringContaining('"zz"'),
    });
    expect(await refusal({ ...patch, changed: [...patch.changed, item('zz')] })).toMatchObject({ problem: 'conflict' });
    expect(await refusal({ ...patch, added: [...patch.added, item('c')] })).toMatchObject({
      problem: 'conflict',
      message: expect.stringContaining('already has'),
    });
    expect(await refusal({ ...patch, removed: ['b', 'a'] })).toMatchObject({
      problem: 'conflict',
      message: expect.stringContaining('twice'),
    });
    expect(await refusal({ ...(await makePatch(v1, v1)), added: [item('q')] })).toMatchObject({ problem: 'conflict' });
  });

  it('a result whose count or checksum is not the stated one', async () => {
    const patch = await makePatch(v1, v2);
    expect(await refusal({ ...patch, count: 4 })).toMatchObject({ problem: 'count-mismatch' });
    // Content altered in transit (or a bad merge at the publisher): same ids, other text.
    const altered = { ...patch, added: [{ ...patch.added[0]!, claim: 'Klaim lain' }] };
    expect(await refusal(altered)).toMatchObject({ problem: 'checksum-mismatch' });
    // The stored copy drifted from what the publisher had at the base version.
    const drifted = list(10, [item('a'), item('b'), item('c', 'disunting lokal')]);
    expect(await refusal(patch, drifted)).toMatchObject({ problem: 'checksum-mismatch' });
  });

  it('reads only the items a patch touches', async () => {
    const patch = await makePatch(v1, v2);
    const asked: string[][] = [];
    const stored = new Map(v1.items.map((one) => [one.id, one]));
    const delta = await checkPatch(
      {
        listId: v1.id,
        version: v1.version,
        count: v1.items.length,
        checksum: await listChecksum(v1.items),
        lookup(ids) {
          asked.push([...ids]);
          return new Map(ids.flatMap((id) => (stored.has(id) ? [[id, stored.get(id)!] as const] : [])));
        },
      },
      patch,
    );
    expect(asked).toEqual([['b', 'a', 'd']]);
    expect(delta).toMatchObject({ count: 3, removed: ['b'], checksum: patch.checksum });
  });

  it('files that are not patches', () => {
    expect(() => parsePatch('{')).toThrow(PatchError);
    expect(() => parsePatch('{"saringList": 1}')).toThrow(/Not a Saring patch/);
    expect(() => parsePatch(JSON.stringify({ saringPatch: 2 }))).toThrow(PatchError);
    const bad = {
      saringPatch: 1,
      base: 1,
      target: 2,
      count: 0,
      checksum: 'md5:00',
      header: { saringList: 1, id: 'x1', name: 'X', version: 2 },
      domains: [],
      removed: [],
      changed: [],
      added: [],
    };
    expect(() => parsePatch(JSON.stringify(bad))).toThrow(/checksum/);
    const badItem = {
      ...bad,
      checksum: `sum-sha256:${'0'.repeat(64)}`,
      added: [{ id: 'x', claim: 'c', rating: 'false', url: 'http://insecure.example' }],
    };
    expect(() => parsePatch(JSON.stringify(badItem))).toThrow(/added\.0\.url/);
  });
});

describe('patch header field', () => {
  it('is kept by new clients and ignored by the format rules of old ones', () => {
    const checked = validateList({ ...list(1, [item('a')]), patches: 'patches/' });
    expect(checked.header.patches).toBe('patches/');
  });

  it('resolves next to the list, on the list host only', () => {
    expect(patchUrl('https://lists.example.org/tbh/list.json', 'patches/', 202611200800)).toBe(
      'https://lists.example.org/tbh/patches/202611200800.json',
    );
    expect(patchUrl('https://lists.example.org/tbh/list.json.gz', 'patches', 5)).toBe(
      'https://lists.example.org/tbh/patches/5.json',
    );
    expect(patchUrl('https://lists.example.org/tbh/list.json', '/shared/patches/', 5)).toBe(
      'https://lists.example.org/shared/patches/5.json',
    );
    expect(patchUrl('https://lists.example.org/tbh/list.json', 'https://evil.example/patches/', 5)).toBeNull();
    expect(patchUrl('https://lists.example.org/tbh/list.json', '//evil.example/p/', 5)).toBeNull();
    expect(patchUrl('https://lists.example.org/tbh/list.json', 'patches/?x=1', 5)).toBeNull();
    expect(patchUrl('https://lists.example.org/tbh/list.json', undefined, 5)).toBeNull();
    expect(patchUrl('https://lists.example.org/tbh/list.json', 'patches/', -1)).toBeNull();
  });
});

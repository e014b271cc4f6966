import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { serializeList } from '../../lib/lists/export';
import { makePatch, serializePatch } from '../../lib/lists/patch';
import type { ListItem, SaringList } from '../../lib/lists/schema';
import { sendFromExtensionPage } from '../e2e/harness';
import type { ListServer } from '../e2e/list-server';

/**
 * A daily patch on a 100,000-item subscription in Chromium (issue 14): the built extension syncs
 * a list whose next versions are published with patches, from "sync now" to the reply, which
 * comes once the index answers over the new items (the first check-share after it finds a new
 * one). Each new version adds 150 items, changes 40 and removes 10, spread over the whole list.
 */

const PATCHED_VERSIONS = 5;
const ADDED = 150;
const CHANGED = 40;
const REMOVED = 10;

type SyncReply = { ok: boolean; value?: Record<string, string> };

/** The next version: items changed and removed at spread positions, new ones at the end. */
export function nextVersion(list: SaringList, round: number): { list: SaringList; newClaim: string } {
  const step = Math.floor(list.items.length / (CHANGED + REMOVED));
  const changed = new Set<number>();
  const removed = new Set<number>();
  for (let at = 0; at < CHANGED + REMOVED; at++) (at < CHANGED ? changed : removed).add(at * step + 17 * round + 3);
  const items: ListItem[] = list.items.flatMap((item, position) =>
    removed.has(position)
      ? []
      : [
          changed.has(position)
            ? { ...item, label: 'HOAKS', summary: `Diperbarui (${round}): ${item.claim.slice(0, 60)}` }
            : item,
        ],
  );
  // New fact-checks: a real claim, reworded enough that it is its own item.
  const newClaim = `Beredar pesan berantai ronde ${round}: bantuan tunai darurat ${round}0 juta rupiah cair lewat tautan pendaftaran palsu`;
  for (let at = 0; at < ADDED; at++) {
    items.push({
      id: `baru-${round}-${at}`,
      claim:
        at === 0 ? newClaim : `${list.items[(at * 613 + round) % list.items.length]!.claim} (versi ${round}.${at})`,
      rating: 'false',
    });
  }
  return { list: { ...list, version: list.version + 1, items }, newClaim };
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Rows for the patched syncs of the subscription at `path`, which holds `current` (its whole
 * download, `fullSyncMs`, measured in the same run). Leaves the list served at its last version.
 */
export async function patchSyncRows(
  page: Page,
  server: ListServer,
  path: string,
  current: SaringList,
  fullSyncMs: number,
  timeoutMs: number,
): Promise<[string, string, string][]> {
  const rows: [string, string, string][] = [];
  const times: number[] = [];
  let bytes = { raw: 0, gzip: 0 };
  const folder = path.slice(0, path.lastIndexOf('/') + 1);
  for (let round = 1; round <= PATCHED_VERSIONS; round++) {
    const { list: next, newClaim } = nextVersion(current, round);
    const patch = serializePatch(await makePatch(current, next));
    bytes = { raw: Buffer.byteLength(patch), gzip: gzipSync(patch).length };
    server.serve(path, { kind: 'list', body: serializeList(next) });
    server.serve(`${folder}patches/${current.version}.json`, { kind: 'list', body: patch });
    const seen = server.requests.length;
    const t0 = performance.now();
    const reply = await sendFromExtensionPage<SyncReply>(page, 'sync-lists', { id: current.id }, timeoutMs);
    times.push(performance.now() - t0);
    if (reply.value?.[current.id] !== 'updated') throw new Error(`patched sync failed: ${JSON.stringify(reply)}`);
    const check = await sendFromExtensionPage<{ value?: { matches?: { id: string }[] } }>(page, 'check-share', {
      site: 'demo',
      kind: 'share',
      text: newClaim,
      urls: [],
    });
    if (!check.value?.matches?.some((match) => match.id === `baru-${round}-0`))
      throw new Error(`the new item is not found after the patch: ${JSON.stringify(check)}`);
    if (server.requests.slice(seen).some((request) => request.path === path))
      throw new Error('a patched sync downloaded the whole list');
    current = next;
  }
  const fullGzip = gzipSync(serializeList(current)).length;
  const change = `+${ADDED} ~${CHANGED} -${REMOVED}`;
  rows.push([
    'chromium',
    `patch of ${ADDED + CHANGED + REMOVED} items (${change}) on the 100k list: bytes vs the whole list gzipped (${(fullGzip / 1e6).toFixed(1)} MB)`,
    `${(bytes.raw / 1024).toFixed(0)} KB (${((bytes.raw / fullGzip) * 100).toFixed(2)}%), ${(bytes.gzip / 1024).toFixed(1)} KB gzipped (${((bytes.gzip / fullGzip) * 100).toFixed(2)}%)`,
  ]);
  rows.push([
    'chromium',
    `sync start → searchable: patch (${change}), p50 / max of ${PATCHED_VERSIONS} versions`,
    `${ms(median(times))} / ${ms(Math.max(...times))}`,
  ]);
  rows.push([
    'chromium',
    'sync start → searchable: whole download + rebuild (the sync above), same run',
    ms(fullSyncMs),
  ]);
  return rows;
}

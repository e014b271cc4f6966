import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../lib/dev/chrome';
import {
  screenshot,
  sendFromExtensionPage,
  serveArticle,
  startBrowser,
  waitForStarterList,
  watchErrors,
} from './harness';
import { startListServer, type ListServer } from './list-server';
import { makePatch, serializePatch, type ListPatch } from '../../lib/lists/patch';
import type { SaringList } from '../../lib/lists/schema';

// Claims only the served list has (the starter list knows neither).
const FIRST_HOAX =
  'Minum air kelapa hijau dicampur garam laut dan madu hutan menyembuhkan demam berdarah dalam satu malam tanpa ke rumah sakit';
const SECOND_HOAX =
  'Pemerintah akan membagikan sepeda motor listrik gratis kepada setiap warga yang mengisi formulir di tautan berikut sebelum akhir bulan';

const list = (version: number, items: { id: string; claim: string }[]) =>
  JSON.stringify({
    saringList: 1,
    id: 'uji-lokal',
    name: 'Daftar uji lokal',
    publisher: { name: 'Relawan Uji' },
    languages: ['id'],
    version,
    items: items.map((item) => ({ ...item, rating: 'false', label: 'HOAKS', url: `https://cek.example/${item.id}` })),
  });
const V1 = list(1, [{ id: 'lokal-1', claim: FIRST_HOAX }]);
const V2 = list(2, [
  { id: 'lokal-1', claim: FIRST_HOAX },
  { id: 'lokal-2', claim: SECOND_HOAX },
]);

let browser: ExtensionBrowser;
let server: ListServer;
let options: Page;
const LIST_PATH = '/daftar/uji-lokal.json';
const extensionPage = (path: string) => `chrome-extension://${browser.extensionId}/${path}`;

beforeAll(async () => {
  server = await startListServer();
  server.serve(LIST_PATH, { kind: 'list', body: V1 });
  // A publisher previewing a list on this machine is asked for access to it, an optional
  // permission: as granted, since a headless browser cannot show the prompt.
  browser = await startBrowser({ grantedOrigins: ['http://127.0.0.1/*'] });
  // The harness answers every request locally; the list host is a real local server.
  await browser.context.route(`${server.url('')}/**`, (route) => route.continue());
  await serveArticle(browser.context, 'https://x.com/intent/**', 'X — compose');
  await waitForStarterList(browser);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Whether the background asks before sharing `text` because of the list item `itemId`. */
async function prompts(text: string, itemId: string): Promise<boolean> {
  const reply = await sendFromExtensionPage<{ ok: boolean; value?: { ask: boolean; matches?: { id: string }[] } }>(
    options,
    'check-share',
    { site: 'demo', kind: 'share', text, urls: [] },
  );
  return reply.value?.ask === true && (reply.value.matches ?? []).some((match) => match.id === itemId);
}

/** Shares through a share-intent link, as from any web page, and returns the prompt's matches (id → text). */
async function promptedMatches(text: string): Promise<Record<string, string>> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`https://x.com/intent/post?text=${encodeURIComponent(text)}`);
    const dialog = page.locator('saring-prompt [role="dialog"]');
    await expect.poll(() => dialog.getAttribute('data-reason'), { timeout: 10_000 }).toBe('hoax-match');
    const matches = await page
      .locator('saring-prompt [data-match-id]')
      .evaluateAll((items) =>
        items.map((item) => [item.getAttribute('data-match-id') ?? '', item.textContent ?? ''] as const),
      );
    return Object.fromEntries(matches);
  } finally {
    await page.close();
  }
}

const row = () => options.locator('[data-list-id="uji-lokal"]');

async function syncNowExpecting(code: string): Promise<void> {
  await options.locator('[data-action="sync-now"]').click();
  await row().locator(`[data-list-error="${code}"]`).waitFor({ timeout: 45_000 });
  // A sync already in flight when Sync now is pressed (the list's own alarm) runs first and the
  // pressed one after it: the error can show while the queued sync starts, so wait for the end.
  await expect.poll(() => row().getAttribute('data-list-state'), { timeout: 45_000 }).toBe('error');
  expect(await row().locator(`[data-list-error="${code}"]`).count()).toBe(1);
}

describe('subscribing to a list and syncing it safely', () => {
  it('subscribes through a one-click link only after the person confirms', async () => {
    options = await browser.context.newPage();
    const errors = watchErrors(options);
    await options.goto(`${extensionPage('options.html')}#subscribe=${encodeURIComponent(server.url(LIST_PATH))}`);
    const preview = options.locator('[data-preview-id="uji-lokal"]');
    await preview.waitFor({ timeout: 15_000 });
    const text = await preview.textContent();
    expect(text).toContain('Daftar uji lokal');
    expect(text).toContain('Relawan Uji');
    expect(text).toContain('id');
    // Where it is served from, and that no key vouches for it.
    expect(await preview.locator('[data-preview-host]').textContent()).toBe(new URL(server.url('')).host);
    expect(await preview.locator('[data-preview-signed]').getAttribute('data-preview-signed')).toBe('false');
    expect(await row().count()).toBe(0); // nothing stored before the confirmation
    await screenshot(options, 'options-subscribe-preview');

    await options.locator('[data-action="subscribe"]').click();
    await options.locator('[data-list-id="uji-lokal"][data-list-state="ok"]').waitFor({ timeout: 15_000 });
    expect(await row().textContent()).toContain('Relawan Uji');
    expect(errors).toEqual([]);
  });

  it('prompts before sharing a post matching an item only that list has', async () => {
    // The publisher the list names, and where the list came from.
    expect((await promptedMatches(FIRST_HOAX))['lokal-1']).toMatch(
      new RegExp(`Relawan Uji · (daftar dari|list from) ${new URL(server.url('')).host}`),
    );
  });

  it('costs one 304 when the list has not changed', async () => {
    const before = server.requests.length;
    await options.locator('[data-action="sync-now"]').click();
    await expect.poll(() => server.requests.length, { timeout: 15_000 }).toBe(before + 1);
    expect(server.requests.at(-1)).toMatchObject({ status: 304, ifNoneMatch: expect.any(String) });
    await options.locator('[data-list-id="uji-lokal"][data-list-state="ok"]').waitFor();
  });

  it.each([
    ['garbage', { kind: 'garbage' } as const, 'not-json'],
    ['a 500', { kind: 'error', status: 500 } as const, 'http'],
    ['a truncated body', { kind: 'truncated', body: V2 } as const, 'truncated'],
    ['a hang', { kind: 'hang' } as const, 'timeout'],
  ])(
    'keeps the stored list serving when the host sends %s, and says so',
    { timeout: 90_000 },
    async (_, serving, code) => {
      server.serve(LIST_PATH, serving);
      await syncNowExpecting(code);
      expect(await prompts(FIRST_HOAX, 'lokal-1')).toBe(true);
      expect(await row().textContent()).toMatch(/\S/);
    },
  );

  it('shows the error in words and the old list still prompts in a page', async () => {
    await row().scrollIntoViewIfNeeded();
    await screenshot(options, 'options-list-error');
    expect(await row().locator('[data-list-error]').textContent()).toMatch(/tidak menjawab|did not answer/);
    expect(await promptedMatches(FIRST_HOAX)).toHaveProperty('lokal-1');
  });

  it('replaces the list with a new valid version', async () => {
    server.serve(LIST_PATH, { kind: 'list', body: V2 });
    await options.locator('[data-action="sync-now"]').click();
    await options.locator('[data-list-id="uji-lokal"][data-list-state="ok"]').waitFor({ timeout: 20_000 });
    await expect.poll(() => row().textContent()).toContain('2');
    expect(await promptedMatches(SECOND_HOAX)).toHaveProperty('lokal-2');
    expect(await prompts(FIRST_HOAX, 'lokal-1')).toBe(true);
  });

  it('unsubscribes and removes the list’s data', async () => {
    await row().locator('[data-action="remove"]').click();
    await expect.poll(() => row().count(), { timeout: 10_000 }).toBe(0);
    expect(await prompts(SECOND_HOAX, 'lokal-2')).toBe(false);
  });

  it('imports a CSV file as a local list, with its skipped rows, and exports it as a list file', async () => {
    const csv = [
      'id;claim;rating;label;url',
      `kelas-1;${SECOND_HOAX.replace('sepeda motor listrik', 'laptop sekolah')};false;HOAKS;https://cek.example/kelas-1`,
      'kelas-2;Tautan tidak aman;false;HOAKS;http://cek.example/kelas-2',
    ].join('\n');
    await options
      .locator('input[data-action="import"]')
      .setInputFiles({ name: 'Cek Kelas.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const imported = options.locator('[data-list-id="cek-kelas"][data-list-state="ok"]');
    await imported.waitFor({ timeout: 15_000 });
    expect(await imported.locator('.list-skipped').textContent()).toContain('line 3, url');
    expect(await prompts(SECOND_HOAX.replace('sepeda motor listrik', 'laptop sekolah'), 'kelas-1')).toBe(true);

    const download = options.waitForEvent('download');
    await imported.locator('[data-action="export"]').click();
    const file = await (await download).path();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      saringList: 1,
      id: 'cek-kelas',
      items: [{ id: 'kelas-1' }],
    });
  });

  it('turns the bundled starter list off and on again', async () => {
    const starter = options.locator('[data-list-id="saring-starter"]');
    const starterHoax =
      'Gunung no 7 yg akan erupsi besar adalah gn Lawu, saat ini ada indikasi lava naik, ada tekanan dari jalur Bojonegoro, erupsi diperkirakan sangat besar, ya waspada sekitar gn lawu.';
    expect(await prompts(starterHoax, 'tbh26-35352')).toBe(true);
    await starter.locator('[data-action="remove"]').click();
    await options.locator('[data-list-id="saring-starter"][data-list-enabled="false"]').waitFor({ timeout: 15_000 });
    expect(await prompts(starterHoax, 'tbh26-35352')).toBe(false);
    await starter.locator('[data-action="restore"]').click();
    await options.locator('[data-list-id="saring-starter"][data-list-enabled="true"]').waitFor({ timeout: 20_000 });
    expect(await prompts(starterHoax, 'tbh26-35352')).toBe(true);
  });
});

describe('differential updates: a live list arrives by patches', () => {
  const LIVE_PATH = '/live/cek.json';
  const PATCH = (version: number) => `/live/patches/${version}.json`;
  // Claims no other list has: the first in every version, the others arriving later.
  const LIVE_HOAXES = [
    'Rekaman suara kepala desa mengumumkan pemadaman listrik total se-Jawa selama tiga hari mulai besok pagi',
    'Bank sentral menarik uang kertas pecahan lima puluh ribu rupiah yang dicetak sebelum tahun dua ribu sepuluh',
    'Kementerian membuka pendaftaran kartu bantuan kuota internet gratis lewat pesan berantai berisi tautan',
    'Vitamin C dosis tinggi yang dilarutkan dalam air hangat melindungi dari semua jenis virus flu burung',
  ];
  const version = (number: number, count: number): SaringList => ({
    saringList: 1,
    id: 'uji-live',
    name: 'Daftar uji harian',
    publisher: { name: 'Relawan Harian' },
    languages: ['id'],
    version: number,
    patches: 'patches/',
    items: LIVE_HOAXES.slice(0, count).map((claim, at) => ({
      id: `live-${at + 1}`,
      claim,
      rating: 'false',
      label: 'HOAKS',
      url: `https://cek.example/live-${at + 1}`,
    })),
  });
  const publish = async (list: SaringList, patchFrom?: SaringList, spoil?: (patch: ListPatch) => string) => {
    server.serve(LIVE_PATH, { kind: 'list', body: JSON.stringify(list) });
    if (!patchFrom) return;
    const patch = await makePatch(patchFrom, list);
    server.serve(PATCH(patchFrom.version), { kind: 'list', body: spoil ? spoil(patch) : serializePatch(patch) });
  };
  /** Syncs the list now; returns the paths it asked for. */
  const syncNow = async (): Promise<string[]> => {
    const before = server.requests.length;
    const reply = await sendFromExtensionPage<{ value?: Record<string, string> }>(
      options,
      'sync-lists',
      { id: 'uji-live' },
      30_000,
    );
    expect(reply.value?.['uji-live']).toBe('updated');
    return server.requests.slice(before).map((request) => `${request.status} ${request.path}`);
  };

  it('subscribes to a list that publishes patches', async () => {
    await publish(version(1, 1));
    const reply = await sendFromExtensionPage<{ ok: boolean }>(
      options,
      'subscribe-list',
      { url: server.url(LIVE_PATH) },
      30_000,
    );
    expect(reply.ok).toBe(true);
    expect(await prompts(LIVE_HOAXES[0]!, 'live-1')).toBe(true);
    expect(await prompts(LIVE_HOAXES[1]!, 'live-2')).toBe(false);
  });

  it('takes version 2 from its patch alone and asks about a post matching only the new item', async () => {
    await publish(version(2, 2), version(1, 1));
    expect(await syncNow()).toEqual([`200 ${PATCH(1)}`]);
    expect(await promptedMatches(LIVE_HOAXES[1]!)).toHaveProperty('live-2');
    expect(await prompts(LIVE_HOAXES[0]!, 'live-1')).toBe(true);
  });

  it.each([
    ['corrupted', 3, () => '{"saringPatch":1,"base":2,"target":3,"cou'],
    [
      "mismatched (its checksum is not the result's)",
      4,
      (patch: ListPatch) => serializePatch({ ...patch, checksum: `sum-sha256:${'0'.repeat(64)}` }),
    ],
  ])(
    'falls back to the whole list when the patch is %s, losing nothing',
    { timeout: 60_000 },
    async (_what, next, spoil) => {
      await publish(version(next, next), version(next - 1, next - 1), spoil);
      expect(await syncNow()).toEqual([`200 ${PATCH(next - 1)}`, `200 ${LIVE_PATH}`]);
      expect(await promptedMatches(LIVE_HOAXES[next - 1]!)).toHaveProperty(`live-${next}`);
      for (let at = 1; at < next; at++) expect(await prompts(LIVE_HOAXES[at - 1]!, `live-${at}`)).toBe(true);
    },
  );
});

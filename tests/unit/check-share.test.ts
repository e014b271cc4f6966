import { LIKELY_THRESHOLD, MATCH_THRESHOLD } from '../../lib/core/verdict';
import { gzipSync } from 'node:zlib';
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SHARE_LINK_SITE, type BackgroundContext } from '../../lib/background/context';
import { createHandlers } from '../../lib/background/handlers';
import { ListIndex, MATCHER_CODEC } from '../../lib/background/list-index';
import { endSharePassOnCommit } from '../../lib/background/share-intent-pass';
import { ShareLinkSources } from '../../lib/background/share-link-sources';
import { scopeToSite } from '../../lib/background/check-share';
import { installStarterList } from '../../lib/background/starter-list';
import { listStoreOf } from '../../lib/background/lists';
import { openDb } from '../../lib/db';
import { createMatcher } from '../../lib/match';
import { send } from '../../lib/messaging/client';
import { createDispatcher, createMessageListener, type MessageSender } from '../../lib/messaging/dispatcher';
import { SENDER_POLICY } from '../../lib/messaging/senders';
import type { MessageType } from '../../lib/messaging/protocol';
import { dayCounts, localDay } from '../../lib/stats';
import { defineSettingsItem, updateSettings } from '../../lib/settings';

const NOW = Date.UTC(2026, 5, 24, 5);
const article = 'https://berita.example.id/2026/06/vaksin';
const hoaxPost = 'Hati-hati! Vaksin covid 19 mengandung microchip untuk melacak penduduk, sebarkan!';

const list = {
  saringList: 1,
  id: 'test-list',
  name: 'Test list',
  publisher: { name: 'Cek Fakta Test' },
  version: 1,
  items: [
    {
      id: 'vaksin-chip',
      claim: 'Vaksin COVID-19 mengandung microchip untuk melacak penduduk',
      rating: 'false',
      label: 'SALAH',
      url: 'https://cekfakta.example/vaksin-chip',
    },
    { id: 'kelapa', claim: 'Air kelapa menyembuhkan kanker dalam tiga hari', rating: 'false' },
    { id: 'bad', claim: '', rating: 'nonsense' },
  ],
};

const xSite = { id: 'x', name: 'X', ownHosts: ['x.com', 'twitter.com'] };

let context: BackgroundContext;
let uiLanguage = 'id-ID';
/** Whether the content script's tab is in a private window. */
let incognito = false;

/** Who sends each message in these tests: the guard's come from X's content script, the rest from options. */
function senderOf(message: { type: MessageType; payload: { site?: string } }): MessageSender {
  const tab = (id: number, isPrivate: boolean) => ({ id, windowId: 9, incognito: isPrivate }) as MessageSender['tab'];
  if (SENDER_POLICY[message.type] === 'guard' && message.payload.site !== SHARE_LINK_SITE.id) {
    return { id: browser.runtime.id, url: 'https://x.com/home', frameId: 0, tab: tab(5, incognito) };
  }
  return { id: browser.runtime.id, url: browser.runtime.getURL('/options.html'), frameId: 0, tab: tab(6, false) };
}

async function setUp(buildMatcher = createMatcher) {
  fakeBrowser.reset();
  const db = openDb(`check-share-${Math.random()}`);
  context = {
    db,
    settings: defineSettingsItem(),
    index: new ListIndex(db, { ...MATCHER_CODEC, build: buildMatcher }),
    sites: [xSite, SHARE_LINK_SITE],
    siteForUrl: (url) => (new URL(url).hostname === 'x.com' ? xSite : null),
    matchThreshold: MATCH_THRESHOLD,
    likelyThreshold: LIKELY_THRESHOLD,
    now: () => NOW,
    browserUiLanguage: () => uiLanguage,
  };
  const fetchList = vi.fn(async () => new Response(gzipSync(JSON.stringify(list))));
  const { record } = await installStarterList(
    listStoreOf(context),
    'chrome-extension://test/starter-list.json.gz',
    fetchList,
  );
  expect(record).toMatchObject({ itemCount: 2, skipped: 1, publisher: 'Cek Fakta Test' });
  expect((await context.index.get()).matcher.size).toBe(2);
  const listener = createMessageListener(
    createDispatcher(createHandlers(context), {
      extensionId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
      siteForUrl: context.siteForUrl,
    }),
  );
  // The listener answers with a promise, as the background's does.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((message: unknown) =>
    listener(message, senderOf(message as Parameters<typeof senderOf>[0])),
  );
}

const share = (text: string, urls: string[] = [], site = 'x') =>
  send('check-share', { site, kind: 'repost', text, urls });

describe('check-share end to end', () => {
  beforeEach(() => setUp());
  afterEach(() => context.db.close());

  it('asks about a known hoax with its fact-check, publisher, article to read and language', async () => {
    const answer = await share(hoaxPost, [
      `https://l.facebook.com/l.php?u=${encodeURIComponent(`${article}?utm_source=x`)}`,
    ]);
    expect(answer).toEqual({
      ask: true,
      reason: 'hoax-match',
      matches: [
        expect.objectContaining({
          id: 'vaksin-chip',
          listId: 'test-list',
          rating: 'false',
          label: 'SALAH',
          url: 'https://cekfakta.example/vaksin-chip',
          publisher: 'Cek Fakta Test',
        }),
      ],
      readUrl: article,
      language: 'id',
    });
    expect(await dayCounts(context.db, localDay(NOW))).toEqual({ prompts: 1, cancel: 0, read: 0, share: 0 });
  });

  it('offers the fact-check to read when the post has no external link, in English for English browsers', async () => {
    uiLanguage = 'en-US';
    const answer = await share(hoaxPost, ['https://x.com/someone/status/1']);
    expect(answer).toMatchObject({ ask: true, readUrl: 'https://cekfakta.example/vaksin-chip', language: 'en' });
    uiLanguage = 'id-ID';
  });

  it('asks about an unread link in balanced mode, and not once the article was opened', async () => {
    const post = 'Makan siang enak hari ini bersama keluarga di Bandung';
    expect(await share(post, [article])).toMatchObject({
      ask: true,
      reason: 'unread-link',
      matches: [],
      readUrl: article,
    });
    await send('mark-read', { url: `http://www.berita.example.id/2026/06/vaksin/?fbclid=1` });
    expect(await share(post, [article])).toEqual({ ask: false });
  });

  it("does not count the site's own links as articles to read", async () => {
    expect(await share('Selamat pagi semua', ['https://x.com/someone', 'https://twitter.com/hashtag/pagi'])).toEqual({
      ask: false,
    });
  });

  it('stays quiet when strictness is off, the site is off or prompts are snoozed', async () => {
    await send('set-settings', { strictness: 'off' });
    expect(await share(hoaxPost)).toEqual({ ask: false });
    await send('set-settings', { strictness: 'balanced' });

    await send('set-site-enabled', { site: 'x', enabled: false });
    expect(await share(hoaxPost)).toEqual({ ask: false });
    expect(await share(hoaxPost, [], SHARE_LINK_SITE.id)).toMatchObject({ ask: true });
    await send('set-site-enabled', { site: 'x', enabled: true });

    expect(await send('snooze', { minutes: 30 })).toEqual({ snoozedUntil: NOW + 30 * 60_000 });
    expect(await share(hoaxPost)).toEqual({ ask: false });
    expect(await send('snooze', { minutes: 0 })).toEqual({ snoozedUntil: null });
    expect(await share(hoaxPost)).toMatchObject({ ask: true });
  });

  it('asks every share in always mode and only hoaxes in hoax-only', async () => {
    await send('set-settings', { strictness: 'always' });
    expect(await share('Selamat pagi semua')).toMatchObject({ ask: true, reason: 'always' });
    await send('set-settings', { strictness: 'hoax-only' });
    expect(await share('Selamat pagi semua', [article])).toEqual({ ask: false });
    expect(await share(hoaxPost, [article])).toMatchObject({ ask: true, reason: 'hoax-match' });
  });

  it('asks before signing a petition unless it names a hoax, and counts those prompts as petition prompts', async () => {
    const sign = (text: string) => send('check-share', { site: 'x', kind: 'sign', text, urls: [article] });
    const petition = 'Perbaiki trotoar Jalan Cempaka untuk pejalan kaki dan pengguna kursi roda';
    expect(await sign(petition)).toMatchObject({ ask: true, reason: 'petition', matches: [] });
    expect(await sign(hoaxPost)).toMatchObject({ ask: true, reason: 'hoax-match', matches: [{ id: 'vaksin-chip' }] });
    const stats = await send('get-stats', { days: 1 });
    expect(stats.totals.prompts).toMatchObject({ petition: 1, 'hoax-match': 1, 'unread-link': 0 });
    await send('set-settings', { strictness: 'hoax-only' });
    expect(await sign(petition)).toEqual({ ask: false });
  });

  it('rejects a malformed request instead of answering it', async () => {
    await expect(
      send('check-share', { site: 'x', kind: 'repost', text: 'a'.repeat(20_001), urls: [] }),
    ).rejects.toMatchObject({
      code: 'invalid-request',
    });
  });
});

describe('list index loading', () => {
  afterEach(() => context.db.close());

  it('loads the matcher once for queries arriving together, from the persisted index', async () => {
    const build = vi.fn(createMatcher);
    const load = vi.fn(MATCHER_CODEC.load);
    await setUp(build);
    build.mockClear();
    // A waking service worker: a new in-memory index over the same database.
    context.index = new ListIndex(context.db, { ...MATCHER_CODEC, build, load });
    const answers = await Promise.all([share(hoaxPost), share(hoaxPost), share('Selamat pagi')]);
    expect(load).toHaveBeenCalledTimes(1);
    expect(build).not.toHaveBeenCalled();
    expect(answers.map((answer) => answer.ask)).toEqual([true, true, false]);
  });

  it('rebuilds instead of loading when the persisted index is from another format or damaged', async () => {
    const build = vi.fn(createMatcher);
    await setUp(build);
    build.mockClear();
    context.index = new ListIndex(context.db, {
      ...MATCHER_CODEC,
      build,
      formatVersion: `${MATCHER_CODEC.formatVersion}-next`,
    });
    expect((await share(hoaxPost)).ask).toBe(true);
    expect(build).toHaveBeenCalledTimes(1);

    await context.db.matcherIndex.update('current', { bytes: new Uint8Array([1, 2, 3]) });
    context.index = new ListIndex(context.db, {
      ...MATCHER_CODEC,
      build,
      formatVersion: `${MATCHER_CODEC.formatVersion}-next`,
    });
    expect((await share(hoaxPost)).ask).toBe(true);
    expect(build).toHaveBeenCalledTimes(2);
  });
});

describe('other handlers', () => {
  beforeEach(() => setUp());
  afterEach(() => {
    vi.restoreAllMocks();
    context.db.close();
  });
  const tabSender: MessageSender = { tab: { id: 42 } as MessageSender['tab'] };

  it('counts outcomes and reports them in the page status', async () => {
    await share(hoaxPost);
    await send('record-outcome', { site: 'x', reason: 'hoax-match', outcome: 'cancel' });
    const status = await send('get-page-status', { url: 'https://x.com/home' });
    expect(status).toEqual({
      site: { id: 'x', name: 'X' },
      siteEnabled: true,
      guarded: true,
      snoozedUntil: null,
      today: { prompts: 1, cancel: 1, read: 0, share: 0 },
      language: 'id',
      strictnessLocked: false,
    });
    expect(await send('get-page-status', { url: 'https://example.org/' })).toMatchObject({
      site: null,
      guarded: false,
    });
  });

  it('opens "read first" in a new tab of the same window and remembers it as read; refuses non-web URLs', async () => {
    const created = vi.spyOn(browser.tabs, 'create');
    // The prompt shown in X's tab offers the post's article.
    expect(await share('Selamat pagi', [article])).toMatchObject({
      ask: true,
      reason: 'unread-link',
      readUrl: article,
    });
    await send('open-read', { url: article });
    expect(created).toHaveBeenCalledWith({ url: article, windowId: 9 });
    expect(await share('Selamat pagi', [article])).toEqual({ ask: false });
    await expect(send('open-read', { url: 'javascript:alert(1)' })).rejects.toMatchObject({ code: 'failed' });
  });

  it('opens only what a prompt shown in that tab offered: its link and its fact-checks', async () => {
    const created = vi.spyOn(browser.tabs, 'create');
    const handlers = createHandlers(context);
    const tabSender: MessageSender = { tab: { id: 42, windowId: 3 } as MessageSender['tab'] };
    const otherTab: MessageSender = { tab: { id: 7, windowId: 3 } as MessageSender['tab'] };
    const refused = /only what its prompt offered/;
    await expect(handlers['open-read']({ url: article }, tabSender)).rejects.toThrow(refused);
    const answer = await handlers['check-share'](
      { site: 'x', kind: 'repost', text: hoaxPost, urls: [article] },
      tabSender,
    );
    expect(answer).toMatchObject({ ask: true, readUrl: article });
    await handlers['open-read']({ url: 'https://cekfakta.example/vaksin-chip' }, tabSender);
    await expect(handlers['open-read']({ url: 'https://evil.example/' }, tabSender)).rejects.toThrow(refused);
    await expect(handlers['open-read']({ url: article }, otherTab)).rejects.toThrow(refused);
    await expect(handlers['open-read']({ url: article }, {})).rejects.toThrow(refused);
    // A check that does not ask offers nothing.
    await updateSettings(context.settings, () => ({ strictness: 'off' }));
    expect(
      await handlers['check-share']({ site: 'x', kind: 'repost', text: hoaxPost, urls: [article] }, otherTab),
    ).toEqual({ ask: false });
    await expect(handlers['open-read']({ url: article }, otherTab)).rejects.toThrow(refused);
    expect(created.mock.calls).toEqual([[{ url: 'https://cekfakta.example/vaksin-chip', windowId: 3 }]]);
  });

  it('remembers nothing from a private window: no read links, no counts, no health', async () => {
    const created = vi.spyOn(browser.tabs, 'create');
    incognito = true;
    try {
      await send('mark-read', { url: article });
      expect(await share('Selamat pagi', ['https://berita.example.id/lain'])).toMatchObject({
        ask: true,
        reason: 'unread-link',
      });
      await send('open-read', { url: 'https://berita.example.id/lain' });
      // Opened in the private window it was asked from.
      expect(created).toHaveBeenCalledWith({ url: 'https://berita.example.id/lain', windowId: 9 });
      expect(await share(hoaxPost)).toMatchObject({ ask: true, reason: 'hoax-match' });
      await send('record-outcome', { site: 'x', reason: 'hoax-match', outcome: 'cancel' });
      await send('report-health', { site: 'x', check: 'posts on the home feed', ok: false });
    } finally {
      incognito = false;
    }
    expect(await context.db.readLinks.count()).toBe(0);
    expect(await dayCounts(context.db, localDay(NOW))).toEqual({ prompts: 0, cancel: 0, read: 0, share: 0 });
    expect(await context.db.siteHealth.count()).toBe(0);
    // The same from a normal window is remembered.
    expect(await share('Selamat pagi', [article])).toMatchObject({ ask: true, reason: 'unread-link' });
    await send('mark-read', { url: article });
    expect(await share('Selamat pagi', [article])).toEqual({ ask: false });
  });

  it('counts a redirector link (t.co) opened from a post as read for that post, as the share check compares it', async () => {
    const tco = 'https://t.co/Kp7rT2xQ9m';
    const post = 'Info cuaca terbaru dari BMKG, baca di sini';
    expect(await share(post, [tco])).toMatchObject({ ask: true, reason: 'unread-link', readUrl: tco });
    // The guard sends the link as the post has it: X wraps every link out in t.co.
    await send('mark-read', { url: tco });
    expect(await share(post, [tco])).toEqual({ ask: false });
    // A wrapped link (l.facebook.com) counts for the article it wraps, and the other way round.
    const wrapped = `https://l.facebook.com/l.php?u=${encodeURIComponent('https://www.kompas.com/tren/read/2026/11/20/bmkg')}&h=AT0x9`;
    await send('mark-read', { url: wrapped });
    expect(await share(post, ['https://kompas.com/tren/read/2026/11/20/bmkg?utm_source=fb'])).toEqual({ ask: false });
  });

  it('takes the page a share link was opened from as open, not unread, for that share link only', async () => {
    const other = 'https://berita.example.id/2026/06/lain';
    // The share-check page's tab (6) navigated from the article to facebook.com/sharer?u=article.
    context.shareLinkSources = new ShareLinkSources(
      async (tabId) => (tabId === 6 ? `${article}?utm_source=home` : undefined),
      () => NOW,
    );
    const shareLink = (urls: string[]) => share('', urls, SHARE_LINK_SITE.id);
    context.shareLinkSources.opened(6, { tabId: 6, frameId: 0 });
    expect(await shareLink([article])).toEqual({ ask: false });
    // Once: the next share link from that tab, and another article, are asked about.
    expect(await shareLink([article])).toMatchObject({ ask: true, reason: 'unread-link' });
    context.shareLinkSources.opened(6, { tabId: 6, frameId: 0 });
    expect(await shareLink([other])).toMatchObject({ ask: true, reason: 'unread-link', readUrl: other });
    // And nothing is remembered of it.
    expect(await context.db.readLinks.count()).toBe(0);
  });

  it('forgets what was read on request, with how many links it held', async () => {
    await send('mark-read', { url: article });
    await send('mark-read', { url: 'https://t.co/abc' });
    expect((await send('get-options-state', {})).readLinks).toBe(2);
    expect(await send('forget-read-links', {})).toEqual({ forgotten: 2 });
    expect((await send('get-options-state', {})).readLinks).toBe(0);
    expect(await share('Selamat pagi', [article])).toMatchObject({ ask: true, reason: 'unread-link' });
  });

  it('tracks site health and lists in the options state', async () => {
    await send('report-health', { site: 'x', check: 'posts on the home feed', ok: true });
    await send('report-health', { site: 'x', check: 'repost items in the repost menu', ok: false });
    const state = await send('get-options-state', {});
    expect(state.sites).toEqual([
      {
        id: 'x',
        name: 'X',
        enabled: true,
        labels: true,
        health: {
          state: 'degraded',
          lastOk: NOW,
          failing: [{ check: 'repost items in the repost menu', lastFailure: NOW, lastOk: null }],
        },
      },
      expect.objectContaining({ id: 'share-link', health: expect.objectContaining({ state: 'unknown' }) }),
    ]);
    expect(state.lists).toEqual([
      expect.objectContaining({ id: 'test-list', items: 2, state: 'ok', publisher: 'Cek Fakta Test', updatedAt: NOW }),
    ]);
    // Another check's success leaves the failure standing; the same check's success clears it.
    await send('report-health', { site: 'x', check: 'posts on the home feed', ok: true });
    expect((await send('get-options-state', {})).sites[0]!.health).toMatchObject({ state: 'degraded' });
    await send('report-health', { site: 'x', check: 'repost items in the repost menu', ok: true });
    expect((await send('get-options-state', {})).sites[0]!.health).toEqual({
      state: 'working',
      lastOk: NOW,
      failing: [],
    });
  });

  it("grants the sender's tab a one-time pass to that exact share-intent URL, and to nothing else", async () => {
    const updateSessionRules = vi.spyOn(browser.declarativeNetRequest, 'updateSessionRules').mockResolvedValue();
    const handlers = createHandlers(context);
    await handlers['allow-share-intent']({ url: 'https://wa.me/?text=halo' }, tabSender);
    expect(updateSessionRules).toHaveBeenCalledWith({
      removeRuleIds: [43],
      addRules: [
        expect.objectContaining({
          id: 43,
          action: { type: 'allow' },
          condition: {
            tabIds: [42],
            urlFilter: '|https://wa.me/?text=halo|',
            isUrlFilterCaseSensitive: true,
            resourceTypes: ['main_frame'],
          },
        }),
      ],
    });
    await expect(handlers['allow-share-intent']({ url: 'https://wa.me/?text=halo' }, {})).rejects.toThrow(/tab/);
    updateSessionRules.mockClear();
    for (const url of ['https://evil.example/?text=halo', 'https://wa.me/6281234567?text=halo', 'https://x.com/home']) {
      await expect(handlers['allow-share-intent']({ url }, tabSender)).rejects.toThrow(/share link/);
    }
    expect(updateSessionRules).not.toHaveBeenCalled();

    // The navigation it was for commits: the pass goes, once.
    updateSessionRules.mockClear();
    await endSharePassOnCommit({ tabId: 42, frameId: 0 });
    await endSharePassOnCommit({ tabId: 42, frameId: 0 });
    expect(updateSessionRules.mock.calls).toEqual([[{ removeRuleIds: [43] }]]);
  });
});

describe('classroom lists', () => {
  const item = (id: string, claim: string, score: number) => ({
    listId: id === 'pack-1' ? 'classroom-pack' : 'saring-starter',
    item: { id, claim, rating: 'false' as const },
    score,
    via: 'text' as const,
  });
  const match = {
    decision: 'hoax-match' as const,
    matches: [
      item('pack-1', 'Daun pepaya menyembuhkan DBD dalam sehari', 0.9),
      item('tbh-1', 'Air kelapa obat DBD', 0.3),
    ],
  };

  it('match the demo feed only, never a real site', () => {
    expect(scopeToSite(match, 'demo', 0.25)).toBe(match);
    expect(scopeToSite(match, 'x', 0.25)).toEqual({ decision: 'hoax-match', matches: [match.matches[1]] });
    expect(scopeToSite(match, 'facebook', 0.5)).toEqual({ decision: 'none', matches: [match.matches[1]] });
  });
});

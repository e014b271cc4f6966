// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LABEL_TAG, showLabel } from '../../components/label/host';
import { collectNewPosts, labelPlace, postToMatch } from '../../lib/labels/scan';
import { createLabelScanner, type IdleCallback, type LabelScanner } from '../../lib/labels/scanner';
import { uiText } from '../../lib/i18n';
import type { UiTextSource } from '../../lib/i18n/text';
import type { FactCheckView, MatchPostsResponse, RequestOf } from '../../lib/messaging/protocol';
import { FACEBOOK_DRIVER, X_DRIVER } from '../sites/drivers';
import { click, FIXTURE_LANGUAGES, type FixturePage, loadFixture } from '../sites/harness';

const FACT_CHECK: FactCheckView = {
  id: 'tbh26-35352',
  listId: 'starter',
  claim: '<b>Gunung Lawu bakal erupsi besar</b>',
  rating: 'false',
  url: 'https://turnbackhoax.id/lawu',
  publisher: 'TurnBackHoax',
  score: 0.9,
};

/** The words as the background sends them: the catalog's. */
const catalogText: UiTextSource = async (language) => uiText(language);

/**
 * Stands in for the background: a post "matches" when its own text has a hoax word. "gangguan"
 * is in the comment under Facebook's post 004 (and X's reply 005, a post of its own there).
 */
const HOAX_WORDS: Record<string, RegExp> = { x: /lawu|pemadaman/i, facebook: /lawu|pemadaman|gangguan/i };

function fakeBackground(site: string) {
  const requests: RequestOf<'match-posts'>[] = [];
  return {
    requests,
    matchPosts: async (request: RequestOf<'match-posts'>): Promise<MatchPostsResponse> => {
      requests.push(request);
      const labels = request.posts.flatMap((post, index) =>
        HOAX_WORDS[site]?.test(post.text) ? [{ index, factCheck: FACT_CHECK }] : [],
      );
      return { labels, language: 'en' };
    },
  };
}

/** Idle periods on demand, so a test decides when the main thread is free. */
function manualIdle() {
  const pending: IdleCallback[] = [];
  return {
    idle: (callback: IdleCallback) => void pending.push(callback),
    run(timeRemaining = 50) {
      for (const callback of pending.splice(0)) callback({ timeRemaining: () => timeRemaining });
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe.each([
  ['x', X_DRIVER],
  ['facebook', FACEBOOK_DRIVER],
] as const)('inline labels on %s', (site, driver) => {
  let page: FixturePage;
  let scanner: LabelScanner | undefined;
  afterEach(async () => {
    scanner?.stop();
    await page.close();
  });

  it.each(FIXTURE_LANGUAGES)('finds each post once, from its own text, never a comment (%s UI)', (language) => {
    page = loadFixture(site, language);
    const scanned = new WeakSet<Element>();
    const posts = collectNewPosts(driver.adapter, page.document, scanned);
    const { hoax, plain, withLink, withComment } = driver.ids;
    for (const id of [hoax, plain, withLink, withComment]) {
      const container = driver.post(page, id);
      expect(posts.filter((post) => container === post || container.contains(post))).toHaveLength(1);
    }
    // Facebook's comments are role="article" elements inside the story.
    expect(posts.filter((post) => post.closest('[role="article"]:not([data-testid="tweet"])'))).toEqual([]);
    expect(collectNewPosts(driver.adapter, page.document, scanned)).toEqual([]);

    const commented = posts.find((post) => driver.post(page, withComment).contains(post));
    const content = commented && postToMatch(driver.adapter, commented);
    expect(content?.text).not.toMatch(/gangguan/);
    expect(content?.hrefs.some((href) => href.includes('jadwal-krl-palsu'))).toBe(false);
  });

  it('after the first scan, looks only inside the nodes added since', () => {
    page = loadFixture(site, 'en');
    const scanned = new WeakSet<Element>();
    collectNewPosts(driver.adapter, page.document, scanned);
    const plain = driver.post(page, driver.ids.plain);
    const copy = plain.cloneNode(true) as Element;
    plain.after(copy);
    // A fresh memory: every post on the page would be new, but only the added one is looked at.
    const found = collectNewPosts(driver.adapter, page.document, new WeakSet(), [copy]);
    expect(found).toHaveLength(1);
    expect(copy === found[0] || copy.contains(found[0] as Element)).toBe(true);
    expect(collectNewPosts(driver.adapter, page.document, scanned, [copy])).toEqual(found);
    expect(collectNewPosts(driver.adapter, page.document, scanned, [copy])).toEqual([]);
  });

  it.each(FIXTURE_LANGUAGES)(
    'labels the hoax post only, in one batch, and posts added later (%s UI)',
    async (language) => {
      page = loadFixture(site, language);
      const background = fakeBackground(site);
      const idle = manualIdle();
      scanner = createLabelScanner({
        adapter: driver.adapter,
        document: page.document,
        uiText: catalogText,
        matchPosts: background.matchPosts,
        showLabel: (post, factCheck, lang) => showLabel(labelPlace(driver.adapter, post), factCheck, lang),
        idle: idle.idle,
        debounceMs: 5,
      });
      scanner.start();
      expect(background.requests).toEqual([]); // nothing on the main thread until it is idle
      idle.run();
      await settle();
      expect(background.requests).toHaveLength(1);
      const first = background.requests[0]?.posts ?? [];
      expect(first.filter((post) => /gangguan/.test(post.text))).toHaveLength(site === 'x' ? 1 : 0); // X's reply is a post
      const hoax = driver.post(page, driver.ids.hoax);
      expect(hoax.querySelectorAll(LABEL_TAG)).toHaveLength(1);
      expect(page.document.querySelectorAll(LABEL_TAG)).toHaveLength(1);

      click(driver.loadMore(page));
      await settle();
      idle.run();
      await settle();
      expect(background.requests).toHaveLength(2);
      expect(background.requests[1]?.posts).toHaveLength(1);
      expect(driver.post(page, driver.ids.added).querySelectorAll(LABEL_TAG)).toHaveLength(1);
      expect(page.document.querySelectorAll(LABEL_TAG)).toHaveLength(2);
    },
  );
});

describe('label scanner batching', () => {
  it('sends at most one batch size per message and extracts only while the main thread is idle', async () => {
    const page = loadFixture('x', 'en');
    const feed = X_DRIVER.post(page, X_DRIVER.ids.plain).closest('[data-testid="cellInnerDiv"]')?.parentElement;
    const template = X_DRIVER.post(page, X_DRIVER.ids.plain).closest('[data-testid="cellInnerDiv"]');
    for (let i = 0; i < 120; i++) feed?.append(template?.cloneNode(true) as Node);
    const background = fakeBackground('x');
    const idle = manualIdle();
    const scanner = createLabelScanner({
      adapter: X_DRIVER.adapter,
      document: page.document,
      uiText: catalogText,
      matchPosts: background.matchPosts,
      showLabel: () => undefined,
      idle: idle.idle,
    });
    scanner.start();
    idle.run(0); // a busy main thread: nothing extracted yet
    expect(background.requests).toEqual([]);
    idle.run();
    await settle();
    expect(background.requests.map((request) => request.posts.length).every((n) => n <= 50)).toBe(true);
    expect(background.requests.reduce((sum, request) => sum + request.posts.length, 0)).toBeGreaterThan(120);
    scanner.stop();
    await page.close();
  });
});

describe('label scanner messages', () => {
  it('sends a batch extracted over several idle periods as one message', async () => {
    const page = loadFixture('x', 'en');
    const background = fakeBackground('x');
    const waiting: IdleCallback[] = [];
    const scanner = createLabelScanner({
      adapter: X_DRIVER.adapter,
      document: page.document,
      uiText: catalogText,
      matchPosts: background.matchPosts,
      showLabel: () => undefined,
      idle: (callback) => void waiting.push(callback),
    });
    scanner.start();
    let periods = 0;
    // Idle periods long enough for two posts each.
    for (let callback = waiting.shift(); callback; callback = waiting.shift()) {
      periods += 1;
      let left = 2;
      callback({ timeRemaining: () => (left-- > 0 ? 50 : 0) });
    }
    await settle();
    const posts = page.document.querySelectorAll('article[data-testid="tweet"]').length;
    expect(periods).toBeGreaterThan(2);
    expect(background.requests).toHaveLength(1);
    expect(background.requests[0]?.posts.length).toBeGreaterThan(2);
    expect(background.requests[0]?.posts.length).toBeLessThanOrEqual(posts);
    scanner.stop();
    await page.close();
  });
});

describe('label scanner and its own labels', () => {
  it('does not scan again for the labels it inserts', async () => {
    const page = loadFixture('x', 'en');
    const background = fakeBackground('x');
    const idle = manualIdle();
    const scanner = createLabelScanner({
      adapter: X_DRIVER.adapter,
      document: page.document,
      uiText: catalogText,
      matchPosts: background.matchPosts,
      showLabel: (post, factCheck, lang) => showLabel(labelPlace(X_DRIVER.adapter, post), factCheck, lang),
      idle: idle.idle,
      debounceMs: 5,
    });
    scanner.start();
    // Every scan starts by looking for a post's text in the whole document.
    const wholeDocument = vi.spyOn(page.document, 'querySelector');
    idle.run();
    await settle();
    expect(page.document.querySelectorAll(LABEL_TAG).length).toBeGreaterThan(0);
    expect(wholeDocument).not.toHaveBeenCalled();
    click(X_DRIVER.loadMore(page));
    await settle();
    expect(wholeDocument).toHaveBeenCalled(); // the page's own changes still are
    scanner.stop();
    await page.close();
  });
});

describe('label scanner and what the background answers', () => {
  it.each([
    [
      'one post labelled twice',
      {
        labels: [
          { index: 0, factCheck: FACT_CHECK },
          { index: 0, factCheck: FACT_CHECK },
        ],
        language: 'en',
      },
    ],
    [
      'a fact-check with a rating it cannot name',
      { labels: [{ index: 0, factCheck: { ...FACT_CHECK, rating: 'x' } }], language: 'en' },
    ],
    ['no language', { labels: [{ index: 0, factCheck: FACT_CHECK }] }],
  ])('labels nothing for an answer with %s, and does not ask again', async (_, answer) => {
    const page = loadFixture('x', 'en');
    const idle = manualIdle();
    const matchPosts = vi.fn(async () => answer);
    const scanner = createLabelScanner({
      adapter: X_DRIVER.adapter,
      document: page.document,
      uiText: catalogText,
      matchPosts,
      showLabel: (post, factCheck, text) => showLabel(labelPlace(X_DRIVER.adapter, post), factCheck, text),
      idle: idle.idle,
      retryDelayMs: 5,
    });
    scanner.start();
    idle.run();
    await settle();
    expect(matchPosts).toHaveBeenCalledTimes(1);
    expect(page.document.querySelectorAll(LABEL_TAG)).toHaveLength(0);
    scanner.stop();
    await page.close();
  });

  it('draws no label without its words (they did not come in time)', async () => {
    const page = loadFixture('x', 'en');
    const idle = manualIdle();
    const background = fakeBackground('x');
    const scanner = createLabelScanner({
      adapter: X_DRIVER.adapter,
      document: page.document,
      uiText: async () => null,
      matchPosts: background.matchPosts,
      showLabel: (post, factCheck, text) => showLabel(labelPlace(X_DRIVER.adapter, post), factCheck, text),
      idle: idle.idle,
    });
    scanner.start();
    idle.run();
    await settle();
    expect(background.requests).toHaveLength(1);
    expect(page.document.querySelectorAll(LABEL_TAG)).toHaveLength(0);
    scanner.stop();
    await page.close();
  });
});

describe('label', () => {
  it('carries the match id and renders list text as text, never as HTML', async () => {
    const page = loadFixture('x', 'en');
    const post = X_DRIVER.post(page, X_DRIVER.ids.hoax);
    showLabel(labelPlace(X_DRIVER.adapter, post), { ...FACT_CHECK, url: 'javascript:alert(1)' }, uiText('en'));
    const label = post.querySelector(LABEL_TAG) as HTMLElement;
    expect(label.dataset.matchId).toBe('tbh26-35352');
    const shadow = label.shadowRoot as ShadowRoot;
    expect(shadow.querySelector('b')).toBeNull();
    expect(shadow.textContent).toContain('<b>Gunung Lawu bakal erupsi besar</b>');
    expect(shadow.querySelector('a')).toBeNull();
    expect(shadow.textContent).toContain('Why am I seeing this?');
    await page.close();
  });

  it('shows the host a subscribed list came from beside the publisher it names', async () => {
    const page = loadFixture('x', 'id');
    const post = X_DRIVER.post(page, X_DRIVER.ids.hoax);
    showLabel(
      labelPlace(X_DRIVER.adapter, post),
      { ...FACT_CHECK, publisher: 'Cek Fakta Resmi', listHost: 'lists.example.net' },
      uiText('id'),
    );
    const shadow = (post.querySelector(LABEL_TAG) as HTMLElement).shadowRoot as ShadowRoot;
    expect(shadow.querySelector('a')?.textContent).toContain('Cek fakta oleh Cek Fakta Resmi');
    expect(shadow.querySelector('.list-host')?.textContent).toBe('daftar dari lists.example.net');
    await page.close();
  });
});

describe('label scanner on a page that is never idle', () => {
  it('still extracts one batch each time the idle wait times out', async () => {
    const page = loadFixture('x', 'en');
    const background = fakeBackground('x');
    let pending: IdleCallback | undefined;
    const scanner = createLabelScanner({
      adapter: X_DRIVER.adapter,
      document: page.document,
      uiText: catalogText,
      matchPosts: background.matchPosts,
      showLabel: () => undefined,
      idle: (callback) => void (pending = callback),
    });
    scanner.start();
    pending?.({ timeRemaining: () => 0, didTimeout: true });
    await settle();
    expect(background.requests).toHaveLength(1);
    scanner.stop();
    await page.close();
  });
});

describe('label scanner on a page that never stops changing', () => {
  it('scans within a second even though the debounce never settles', async () => {
    const page = loadFixture('x', 'en');
    const background = fakeBackground('x');
    const scanner = createLabelScanner({
      adapter: X_DRIVER.adapter,
      document: page.document,
      uiText: catalogText,
      matchPosts: background.matchPosts,
      showLabel: () => undefined,
      idle: (callback) => callback({ timeRemaining: () => 50 }),
      debounceMs: 100,
    });
    scanner.start();
    await settle();
    expect(background.requests).toHaveLength(1);
    // Page time runs on fake timers from here: the assertion depends on the scanner's clock, not the machine's load.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    try {
      const ticker = page.document.createElement('span');
      page.document.body.append(ticker);
      click(X_DRIVER.loadMore(page));
      // A change every 20 ms: the debounce (100 ms) never settles.
      for (let elapsed = 0; elapsed < 1_300; elapsed += 20) {
        ticker.textContent = String(elapsed);
        await vi.advanceTimersByTimeAsync(20);
      }
    } finally {
      vi.useRealTimers();
    }
    await settle();
    expect(background.requests).toHaveLength(2);
    scanner.stop();
    await page.close();
  });
});

describe('label scanner when a batch is lost on its way', () => {
  it('sends it again (the service worker restarted and closed the port), and labels its posts', async () => {
    const page = loadFixture('x', 'en');
    const background = fakeBackground('x');
    let lost = 1;
    const idle = manualIdle();
    const scanner = createLabelScanner({
      adapter: X_DRIVER.adapter,
      document: page.document,
      uiText: catalogText,
      matchPosts: (request) => (lost-- > 0 ? Promise.reject(new Error('port closed')) : background.matchPosts(request)),
      showLabel: (post, factCheck, lang) => showLabel(labelPlace(X_DRIVER.adapter, post), factCheck, lang),
      idle: idle.idle,
      retryDelayMs: 5,
    });
    scanner.start();
    idle.run();
    await settle();
    expect(background.requests).toHaveLength(1);
    expect(page.document.querySelectorAll(LABEL_TAG).length).toBeGreaterThan(0);
    scanner.stop();
    await page.close();
  });

  it('gives up after two retries, and a stopped scanner retries nothing', async () => {
    const page = loadFixture('x', 'en');
    const idle = manualIdle();
    const attempts: number[] = [];
    const scanner = createLabelScanner({
      adapter: X_DRIVER.adapter,
      document: page.document,
      uiText: catalogText,
      matchPosts: () => {
        attempts.push(Date.now());
        return Promise.reject(new Error('port closed'));
      },
      showLabel: () => undefined,
      idle: idle.idle,
      retryDelayMs: 5,
    });
    scanner.start();
    idle.run();
    await vi.waitFor(() => expect(attempts).toHaveLength(3));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(attempts).toHaveLength(3);

    attempts.length = 0;
    scanner.stop();
    scanner.start();
    idle.run();
    await vi.waitFor(() => expect(attempts).toHaveLength(1));
    scanner.stop();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(attempts).toHaveLength(1);
    await page.close();
  });
});

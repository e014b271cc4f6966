import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASS_LIFETIME_MS } from '../../lib/background/share-intent-pass';
import type { ExtensionBrowser } from '../../lib/dev/chrome';
import type { DayCounts } from '../../lib/messaging/protocol';
import {
  fixturePage,
  screenshot,
  sendFromExtensionPage,
  serveArticle,
  startBrowser,
  waitForStarterList,
} from './harness';

/**
 * A hostile page in the built extension: its own scripts (tests/fixtures/hostile/attacks.js) try
 * to answer Saring's prompt, mark links as read, learn which links the person has read, flood it
 * with share requests, bounce through share-check.html and switch the content script off, while
 * the person's own clicks (Playwright's are trusted) keep working. One browser for the whole file.
 *
 * The page's scripts are run over CDP without a user gesture: Playwright's own evaluations and
 * locator queries give the page transient user activation, which a page script does not have.
 */

const X_FEED = 'https://x.com/home';
const HOSTILE_SHARE = 'https://www.tiktok.com/@warga_waspada/video/7441000000000000009';
const HOAX_STATUS = '1993000000000000001';
const LINK_STATUS = '1993000000000000003';
/** The article behind post LINK_STATUS's link, read by the person during these tests. */
const READ = 'https://t.co/Kp7rT2xQ9m';
/** A link nobody opens. */
const UNREAD = 'https://t.co/Zz9Unread00';
/** The fact-check of the hoax post (starter-list item tbh26-35352). */
const FACT_CHECK_URL = /^https:\/\/turnbackhoax\.id\/articles\/35352-/;

interface Observed<T = unknown> {
  result: T;
  answers: string[];
  changes: string[];
  prompt: boolean;
}

let browser: ExtensionBrowser;
/** Every URL the browser requested, to show what was never opened. */
const requested: string[] = [];

beforeAll(async () => {
  browser = await startBrowser();
  await waitForStarterList(browser);
  const attacks = `<script>${readFileSync(resolve(import.meta.dirname, '../fixtures/hostile/attacks.js'), 'utf8')}</script></body>`;
  const withAttacks = (html: string) => html.replace('</body>', attacks);
  const serve = (url: string, html: string) =>
    browser.context.route(url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
  await serve(X_FEED, withAttacks(fixturePage('x/feed.id.html')));
  await serve(HOSTILE_SHARE, withAttacks(fixturePage('hostile/share.id.html')));
  await serveArticle(browser.context, 'https://t.co/**', 'BMKG: puncak musim hujan');
  await serveArticle(browser.context, 'https://x.com/intent/**', 'X — compose');
  browser.context.on('request', (request) => requested.push(request.url()));
  // The browser's own share, as on systems that have one (Debian's Chromium has none), before any script runs.
  await browser.context.addInitScript(() => {
    const page = window as unknown as { __nativeShares: unknown[] };
    page.__nativeShares = [];
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      enumerable: true,
      writable: true,
      value: function share(data: unknown) {
        page.__nativeShares.push(data);
        return Promise.resolve();
      },
    });
  });
});

afterAll(async () => {
  await browser?.close();
});

interface HostilePage {
  page: Page;
  /** Runs `fn` in the page's world as the page's own script: no user gesture. */
  script<T>(fn: string): Promise<T>;
}

async function open(url: string): Promise<HostilePage> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url);
  const cdp: CDPSession = await browser.context.newCDPSession(page);
  return {
    page,
    async script<T>(expression: string): Promise<T> {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        expression,
        awaitPromise: true,
        returnByValue: true,
        userGesture: false,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value as T;
    },
  };
}

/** Waits, as the page's own script, until `expression` holds (no Playwright polling: it would activate the page). */
async function until(hostile: HostilePage, expression: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await hostile.script<boolean>(`Boolean(${expression})`))) {
    if (Date.now() > deadline) throw new Error(`Not so within ${timeoutMs} ms: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** An X feed whose inline labels are in place, so that nothing of Saring's is still arriving. */
async function openFeed(): Promise<HostilePage> {
  const feed = await open(X_FEED);
  await until(feed, `document.querySelector('saring-label')`);
  return feed;
}

const post = (page: Page, status: string) =>
  page.locator(`article[data-testid="tweet"]:has(a[href$="/status/${status}"])`);
const dialog = (page: Page) => page.locator('saring-prompt [role="dialog"]');
const choose = (page: Page, action: 'share' | 'read' | 'cancel') =>
  page.locator(`saring-prompt [data-action="${action}"]`).click();

/** The person reposts a post on the X feed: its repost button, then Repost. */
async function repost(page: Page, status: string): Promise<void> {
  await post(page, status).locator('[data-testid="retweet"]').click();
  await page.locator('#layers [data-testid="retweetConfirm"]').click();
}

/** The person opens the article linked from post LINK_STATUS on a feed of its own: Saring remembers it as read. */
async function personReads(): Promise<void> {
  const feed = await browser.context.newPage();
  await feed.goto(X_FEED);
  const [article] = await Promise.all([
    browser.context.waitForEvent('page'),
    post(feed, LINK_STATUS).locator(`[data-testid="tweetText"] a[href="${READ}"]`).click(),
  ]);
  await article.waitForLoadState();
  await article.close();
  await feed.close();
}

/**
 * Where a tab was sent. Playwright does not route a tab the extension opens, so here, offline, it
 * shows an error page; its history keeps the URL it was opened at.
 */
async function openedAt(tab: Page): Promise<string[]> {
  const cdp = await browser.context.newCDPSession(tab);
  const { entries } = await cdp.send('Page.getNavigationHistory');
  await cdp.detach();
  return [tab.url(), ...entries.map((entry) => entry.url)];
}

/** The URL filters of the share passes the background holds (its declarativeNetRequest session allow rules). */
function sharePasses(): Promise<string[]> {
  return browser.serviceWorker.evaluate(async () => {
    interface Rule {
      action: { type: string };
      condition: { urlFilter?: string };
    }
    const { declarativeNetRequest } = (
      globalThis as unknown as { chrome: { declarativeNetRequest: { getSessionRules(): Promise<Rule[]> } } }
    ).chrome;
    const rules = await declarativeNetRequest.getSessionRules();
    return rules.filter((rule) => rule.action.type === 'allow').map((rule) => rule.condition.urlFilter ?? '');
  });
}

async function todayCounts(): Promise<DayCounts> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const reply = await sendFromExtensionPage<{ ok: boolean; value?: { today: DayCounts } }>(options, 'get-page-status', {
    url: X_FEED,
  });
  await options.close();
  if (!reply.value) throw new Error('No page status from the background');
  return reply.value.today;
}

describe('a page learns nothing of what the person read', () => {
  it('its own clicks mark no link as read, and its own reposts look the same before and after the person reads', async () => {
    const before = await openFeed();
    expect(await before.script(`__attacks.markReadByScript('${LINK_STATUS}')`)).toBeGreaterThan(0);
    const unread = await before.script<Observed<string[]>>(`__attacks.shareByScript('${LINK_STATUS}')`);
    // The page's own repost went its own way: unchecked, unheld, nothing of Saring's on the page.
    expect(unread.result).toEqual([LINK_STATUS]);
    expect(unread.prompt).toBe(false);
    expect(unread.changes.filter((change) => change.includes('saring'))).toEqual([]);

    // The person's repost is still asked about: the page's clicks on the link counted for nothing.
    const person = await openFeed();
    await repost(person.page, LINK_STATUS);
    await expect.poll(() => dialog(person.page).getAttribute('data-reason')).toBe('unread-link');
    await choose(person.page, 'cancel');
    await personReads();

    const after = await openFeed();
    const read = await after.script<Observed<string[]>>(`__attacks.shareByScript('${LINK_STATUS}')`);
    expect(read).toEqual(unread);
    for (const { page } of [before, person, after]) await page.close();
  });

  it('asking through navigator.share or its DOM event gets no answer and no change at all, read or not, until the person acts', async () => {
    await personReads();
    const hostile = await open(HOSTILE_SHARE);
    const read = await hostile.script<Observed<string>>(`__attacks.probe('${READ}')`);
    const unread = await hostile.script<Observed<string>>(`__attacks.probe('${UNREAD}')`);
    // The same, and nothing of Saring's: the browser's own share ran, as without Saring.
    expect(read).toEqual(unread);
    expect(read).toEqual({ result: 'resolved', answers: [], changes: [], prompt: false });
    expect(await hostile.script('__nativeShares.length')).toBe(2);

    // The person's own click is answered, and only then does read differ from unread.
    await hostile.page.locator(`[data-share-url="${READ}"]`).click();
    await expect.poll(() => hostile.script('__shareLog')).toEqual([`shared:${READ}`]);
    expect(await hostile.script('__answers')).toEqual(['held', 'share']);
    await hostile.page.locator(`[data-share-url="${UNREAD}"]`).click();
    await expect.poll(() => dialog(hostile.page).getAttribute('data-reason')).toBe('unread-link');
    await choose(hostile.page, 'cancel');
    // The page asks again at once, on the activation of the person's click on the prompt: cancelled, unasked.
    await expect
      .poll(() => hostile.script('__shareLog'))
      .toEqual([`shared:${READ}`, `rejected:${UNREAD}:AbortError`, `rejected:${UNREAD}:AbortError`]);
    expect(await hostile.script('__answers')).toEqual(['held', 'share', 'held', 'asking', 'cancel', 'cancel']);
    expect(await hostile.page.locator('saring-prompt').count()).toBe(0);
    expect(await hostile.script('__nativeShares.length')).toBe(3);
    await hostile.page.close();
  });
});

describe('a page decides nothing', () => {
  it('cannot answer the prompt, open a page through it or switch the guard off; the person can', async () => {
    const feed = await openFeed();
    await feed.script(`__attacks.invalidate('${browser.extensionId}')`);
    await repost(feed.page, HOAX_STATUS);
    await expect.poll(() => dialog(feed.page).getAttribute('data-reason')).toBe('hoax-match');
    const counts = await todayCounts();
    const pages = browser.context.pages().length;
    // Its link click was cancelled as it was dispatched, so the browser follows it nowhere.
    expect(await feed.script('__attacks.answerPrompt()')).toBe('tried, link not followed');
    // A choice closes the prompt in the very click or key press that makes it (components/prompt):
    // still up, so no answer of the page's was taken, and nothing that follows one can come.
    expect(await feed.page.locator('saring-prompt').count()).toBe(1);

    // The person reads first: the fact-check opens in a tab of its own, and nothing is shared.
    const [factCheck] = await Promise.all([browser.context.waitForEvent('page'), choose(feed.page, 'read')]);
    await expect.poll(() => openedAt(factCheck)).toContainEqual(expect.stringMatching(FACT_CHECK_URL));
    // Their choice went the way a page's would have gone, after the page's tries: one tab, one
    // outcome counted (Read first), and nothing else.
    expect(browser.context.pages()).toHaveLength(pages + 1);
    await expect.poll(todayCounts).toEqual({ ...counts, read: counts.read + 1 });
    await factCheck.close();
    expect(await feed.page.locator('saring-prompt').count()).toBe(0);
    expect(await feed.script('__shareLog')).toEqual([]);

    // The repost menu is still open: Repost again, and the person shares anyway, exactly that repost, once.
    await feed.page.locator('#layers [data-testid="retweetConfirm"]').click();
    await dialog(feed.page).waitFor();
    await feed.script('__attacks.answerPrompt()');
    await choose(feed.page, 'share');
    await expect.poll(() => feed.script('__shareLog')).toEqual([HOAX_STATUS]);
    await feed.page.close();
  });

  it('cannot make "Read first" open a page no prompt offered', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const reply = await sendFromExtensionPage<{ ok: boolean }>(options, 'open-read', {
      url: 'https://evil.example/phish',
    });
    expect(reply.ok).toBe(false);
    expect(requested.filter((url) => url.startsWith('https://evil.example/'))).toEqual([]);
    await options.close();
  });

  it('cannot stack prompts or keep Saring busy by flooding it with share requests', async () => {
    const hostile = await open(HOSTILE_SHARE);
    // Without the person: nothing answered. The guard answers a request, if at all, while the page
    // dispatches it (lib/guard/web-share.ts): once flood() returns, every request of it has been
    // handled, and with none held there is nothing to prompt about.
    await hostile.script(`__attacks.flood(500, document.querySelector('.caption').textContent)`);
    expect(await hostile.script('__answers')).toEqual([]);

    // On the person's one click: one prompt; a few requests answered, the rest not even read.
    await hostile.page.locator('[data-flood]').click();
    await expect.poll(() => dialog(hostile.page).getAttribute('data-reason')).toBe('hoax-match');
    const answers = await hostile.script<string[]>('__answers');
    // The first answer the page ever got is the hold of the person's flood: the same guard answered it.
    expect(answers[0]).toBe('held');
    expect(answers.filter((state) => state === 'held')).toEqual(['held']);
    expect(answers.length).toBeLessThanOrEqual(4);
    expect(await hostile.page.locator('saring-prompt').count()).toBe(1);
    await choose(hostile.page, 'cancel');
    // Waited for, not timed: a loaded machine may take longer than any fixed pause.
    await until(hostile, `document.querySelectorAll('saring-prompt').length === 0`);
    await hostile.page.close();
  });
});

describe('share-check.html is no way out', () => {
  const shareCheck = (hash: string) => `chrome-extension://${browser.extensionId}/share-check.html#${hash}`;
  /**
   * The passes a share-check page has taken. Continuing to a link starts by taking one, before
   * anything else (entrypoints/share-check/main.ts, proceed): none means it never set out.
   */
  const passesTaken = (page: Page) =>
    page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('saring-pass:')));

  it('refuses to continue to anything but a share link, plain or %-encoded, and says so', async () => {
    for (const hash of ['https://evil.example/phish', encodeURIComponent('https://evil.example/phish')]) {
      const page = await browser.context.newPage();
      await page.goto(shareCheck(hash));
      const status = page.locator('#share-check');
      await expect.poll(() => status.getAttribute('data-refused')).toBe('not-share-link');
      expect(await status.textContent()).toContain('evil.example');
      await screenshot(page, 'share-check-refused');
      // The refusal is the page's last act, and continuing starts by taking a pass: none taken, none will be.
      expect(await passesTaken(page)).toEqual([]);
      expect(page.url()).toBe(shareCheck(hash));
      await page.close();
    }
    expect(requested.filter((url) => url.startsWith('https://evil.example/'))).toEqual([]);
  });

  it('does nothing inside another page’s frame', async () => {
    const intent = 'https://x.com/intent/post?text=Selamat%20pagi%20framed';
    const page = await browser.context.newPage();
    await page.route('https://berita.example/frame', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<iframe src="${shareCheck(intent)}" width="600" height="400"></iframe>`,
      }),
    );
    await page.goto('https://berita.example/frame');
    const frame = page.frameLocator('iframe');
    await expect.poll(() => frame.locator('#share-check').getAttribute('data-refused')).toBe('framed');
    // Refusing is the first and the last the framed page does (entrypoints/share-check/main.ts, run).
    expect(requested.filter((url) => url.startsWith('https://x.com/intent/post?text=Selamat%20pagi%20framed'))).toEqual(
      [],
    );
    await page.close();
  });

  it('continues to a share link once, with its pass for exactly that URL as the browser writes it', async () => {
    const page = await browser.context.newPage();
    // Characters the browser re-encodes, and a "*", which a declarativeNetRequest filter treats as a wildcard.
    const intent = `https://x.com/intent/post?text=Selamat pagi "semua" *salam* ✓`;
    await page.goto(intent);
    await page.waitForURL((url) => url.host === 'x.com');
    expect(page.url()).toBe(new URL(intent).href);
    // Used up: the background withdraws the pass as the navigation commits, the last it does for it,
    // well before the pass would lapse on its own. The link's next visit is checked again.
    await expect.poll(sharePasses, { timeout: PASS_LIFETIME_MS / 2 }).toEqual([]);
    expect(page.url()).toBe(new URL(intent).href);
    await page.close();
  });
});

describe('after an update or reload of the extension', () => {
  it('the content script left in an open page no longer intercepts anything', async () => {
    const feed = await openFeed();
    const hostile = await open(HOSTILE_SHARE);
    // What reaches the site: the person's own, trusted click, not a replay of it.
    await feed.script(`(() => {
      window.__confirmClicks = [];
      document.addEventListener('click', (event) => {
        if (event.target.closest('[data-testid="retweetConfirm"]')) window.__confirmClicks.push(event.isTrusted);
      });
    })()`);
    // The old worker closing means the old extension is unloaded, and with it the runtime the old
    // content script asks about at the person's next click.
    const unloaded = new Promise((resolve) => browser.serviceWorker.once('close', resolve));
    await browser.serviceWorker
      .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
      .catch(() => undefined); // the worker may go before it answers
    await unloaded;

    await repost(feed.page, HOAX_STATUS);
    await expect.poll(() => feed.script('__shareLog')).toEqual([HOAX_STATUS]);
    expect(await feed.script('__confirmClicks')).toEqual([true]);
    expect(await feed.page.locator('saring-prompt').count()).toBe(0);
    // Its labels went with it.
    await expect.poll(() => feed.page.locator('saring-label').count()).toBe(0);

    await hostile.page.locator(`[data-share-url="${UNREAD}"]`).click();
    await expect.poll(() => hostile.script('__shareLog')).toEqual([`shared:${UNREAD}`]);
    expect(await hostile.script('__answers')).toEqual([]);
    expect(await hostile.page.locator('saring-prompt').count()).toBe(0);
    for (const { page } of [feed, hostile]) await page.close();
  });
});

import {
  OFFSCREEN_PATH,
  OFFSCREEN_TARGET,
  type OffscreenReply,
  type OffscreenRequest,
} from '../../lib/messaging/offscreen-protocol';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../lib/dev/chrome';
import { SITES } from '../../lib/sites';
import { type FixtureLanguage, fixtureHtml } from '../fixture-html';

/**
 * Longest a real-browser test waits for a state it expects: generous, since the machine is shared
 * (the e2e project gives expect.poll the same ceiling). Waits end as soon as the state is reached.
 */
export const STATE_TIMEOUT_MS = 10_000;

export const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');

/**
 * The built extension in Debian Chromium, with every network request answered locally;
 * `grantedOrigins` start granted (optional host permissions the person would accept in a prompt).
 */
export async function startBrowser(options: { grantedOrigins?: readonly string[] } = {}): Promise<ExtensionBrowser> {
  const browser = await launchWithExtension(options);
  // A missing element fails the test within a bounded wait instead of hanging until the test's timeout.
  browser.context.setDefaultTimeout(STATE_TIMEOUT_MS);
  // Nothing leaves the machine: unknown requests get an empty 204 instead of a network error.
  await browser.context.route(/^https?:\/\//, (route) => route.fulfill({ status: 204, body: '' }));
  return browser;
}

/** A fixture page's HTML (see fixtureHtml), failing loudly when there is none. */
export function fixturePage(fixture: string, language?: FixtureLanguage): string {
  const html = fixtureHtml(fixture, language);
  if (html === null) throw new Error(`no fixture ${fixture} in ${language ?? 'its'} UI`);
  return html;
}

/**
 * Serve a fixture file as the real site's page, so the real match patterns apply. A page's own
 * route wins over the context's: one page can see the site in another UI language.
 */
export async function serveFixture(
  context: Pick<BrowserContext | Page, 'route'>,
  url: string,
  fixture: string,
  language?: FixtureLanguage,
): Promise<void> {
  const body = fixturePage(fixture, language);
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
}

/** Serve a plain article page at `url` (a link's destination). */
export async function serveArticle(context: BrowserContext, url: string, title = 'Artikel'): Promise<void> {
  await context.route(url, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><title>${title}</title><h1>${title}</h1><p>Isi artikel.</p>`,
    }),
  );
}

/**
 * The fixture page's shares (its `__shareLog`) once the guard has settled them: at least `count`
 * logged and no Saring prompt open. A held share is released or dropped in the same task as the
 * choice that ends its prompt (and a share let through unheld is logged by its own click), so this
 * state is final; waiting for it replaces a fixed pause.
 */
export async function settledShareLog(page: Page, count: number): Promise<string[]> {
  await page.waitForFunction(
    (n) =>
      (window as unknown as { __shareLog: string[] }).__shareLog.length >= n &&
      !document.querySelector('saring-prompt'),
    count,
    { timeout: STATE_TIMEOUT_MS },
  );
  return page.evaluate(() => [...(window as unknown as { __shareLog: string[] }).__shareLog]);
}

/** Collects console errors and uncaught exceptions of a page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** Talks to the background the way extension pages do, from an extension page. */
export async function sendFromExtensionPage<T>(
  page: Page,
  type: string,
  payload: unknown,
  timeoutMs = 10_000,
): Promise<T> {
  const reply = page.evaluate(
    async ([messageType, messagePayload]) => {
      // Runs inside the extension page, where Chromium exposes `chrome`.
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
        .chrome.runtime;
      return (await runtime.sendMessage({ type: messageType, payload: messagePayload })) as T;
    },
    [type, payload] as const,
  );
  // A background that never answers fails the test with a reason instead of hanging it.
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer to ${type} within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    return await Promise.race([reply, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves once the background has stored the bundled starter list and answers from its index. */
export async function waitForStarterList(browser: ExtensionBrowser, timeoutMs = 10_000): Promise<number> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const reply = await sendFromExtensionPage<{ ok: boolean; value?: { lists: { items: number }[] } }>(
        page,
        'get-options-state',
        {},
      );
      const items = reply.ok ? (reply.value?.lists ?? []).reduce((sum, list) => sum + list.items, 0) : 0;
      if (items > 0) {
        // The first check waits for the index to be built; after it, checks answer at once.
        await sendFromExtensionPage(page, 'check-share', { site: 'demo', kind: 'share', text: 'siap', urls: [] });
        return items;
      }
      if (Date.now() > deadline) throw new Error('The starter list was not loaded in time');
      await page.waitForTimeout(100);
    }
  } finally {
    await page.close();
  }
}

/**
 * Turns inline labels off on every site, for files that test sharing rather than labels: a label is
 * drawn a moment after load and moves the buttons below it, so a click aimed just before could
 * land on the label. (labels.test.ts tests labels; guard.test.ts and hostile.test.ts keep them on
 * and wait for them before clicking.)
 */
export async function turnLabelsOff(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    for (const site of SITES) {
      const reply = await sendFromExtensionPage<{ ok: boolean }>(page, 'set-site-labels', {
        site: site.id,
        enabled: false,
      });
      if (!reply.ok) throw new Error(`Could not turn labels off on ${site.id}`);
    }
  } finally {
    await page.close();
  }
}

/**
 * Opens options and reloads it until site `site` shows `state` (health reports are
 * fire-and-forget, so the background may store them a little later); returns the site's row.
 */
export async function siteRowInOptions(browser: ExtensionBrowser, site: string, state: string): Promise<Locator> {
  const options = await browser.context.newPage();
  const row = options.locator(`[data-site-id="${site}"]`);
  await expect
    .poll(
      async () => {
        await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
        return row.getAttribute('data-site-health');
      },
      { timeout: 15_000, interval: 500 },
    )
    .toBe(state);
  return row;
}

/**
 * Hoax posts written in other words (not the list's text), each with the starter-list items that
 * check its claim: the prompt must show one of them.
 */
export interface RetoldHoax {
  text: string;
  expected: readonly string[];
}

/** Puts `text` in place of the text of the post at `selector` on a fixture page (the post's own markup stays). */
export async function retellPost(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).evaluate((element, value) => {
    element.textContent = value;
  }, text);
}

/**
 * Shares each retold hoax from the same fixture post (via `share`) and expects Saring to ask, in
 * either tier, showing an item that checks that claim; then cancels, and reloads the page (the
 * site's own share menu stays open after a cancel, as it would for a person). Returns the reasons asked with.
 */
export async function expectRetoldHoaxesAsked(
  page: Page,
  textSelector: string,
  hoaxes: readonly RetoldHoax[],
  share: () => Promise<void>,
): Promise<string[]> {
  const dialog = page.locator('saring-prompt [role="dialog"]');
  const reasons: string[] = [];
  for (const [at, { text, expected }] of hoaxes.entries()) {
    if (at > 0) await page.reload();
    await retellPost(page, textSelector, text);
    await share();
    await expect
      .poll(() => dialog.getAttribute('data-reason'), { message: text })
      .toMatch(/^(?:hoax-match|likely-match)$/);
    const shown = await page
      .locator('saring-prompt [data-match-id]')
      .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-match-id')));
    expect(
      shown.some((id) => id !== null && expected.includes(id)),
      `${text} → ${shown.join(', ')}`,
    ).toBe(true);
    reasons.push((await dialog.getAttribute('data-reason')) ?? '');
    await page.locator('saring-prompt [data-action="cancel"]').click();
    await expect.poll(() => page.locator('saring-prompt').count()).toBe(0);
  }
  return reasons;
}

/**
 * Fires the extension's own `close-ocr` alarm (as Chrome would, three minutes after the last
 * picture) and waits until the offscreen OCR document is gone.
 */
export async function closeOcr(browser: ExtensionBrowser): Promise<void> {
  await browser.serviceWorker.evaluate(async (path) => {
    // The parts of Chrome's API this uses.
    const api = (
      globalThis as unknown as {
        chrome: {
          alarms: { onAlarm: { dispatch(alarm: object): void } };
          runtime: { getURL(path: string): string; getContexts(filter: object): Promise<unknown[]> };
        };
      }
    ).chrome;
    api.alarms.onAlarm.dispatch({ name: 'close-ocr', scheduledTime: Date.now() });
    const open = () =>
      api.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [api.runtime.getURL(path)] });
    for (let waited = 0; (await open()).length > 0; waited += 50) {
      if (waited > 10_000) throw new Error('the OCR document stayed open after its close-ocr alarm');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, OFFSCREEN_PATH);
}

/**
 * Reads a picture's text with the built extension's OCR, as its service worker does in Chrome:
 * opens the offscreen document unless open, and asks it (lib/ocr/offscreen-ocr.ts). `ms` is the
 * whole call from the service worker, the document's start included when it was not open.
 */
export async function readInOffscreen(
  browser: ExtensionBrowser,
  picture: Uint8Array,
  timeoutMs = 60_000,
): Promise<{ text: string; ms: number; opened: boolean }> {
  const request = {
    target: OFFSCREEN_TARGET,
    type: 'ocr-read',
    bytes: Buffer.from(picture).toString('base64'),
    timeoutMs,
  } satisfies OffscreenRequest;
  const { reply, ms, opened } = await browser.serviceWorker.evaluate(
    async ([path, message]) => {
      // The parts of Chrome's API this uses.
      const api = (
        globalThis as unknown as {
          chrome: {
            runtime: {
              getURL(path: string): string;
              getContexts(filter: object): Promise<unknown[]>;
              sendMessage(message: unknown): Promise<unknown>;
            };
            offscreen: { createDocument(parameters: object): Promise<void> };
          };
        }
      ).chrome;
      const started = performance.now();
      const open = await api.runtime.getContexts({
        contextTypes: ['OFFSCREEN_DOCUMENT'],
        documentUrls: [api.runtime.getURL(path)],
      });
      if (!open.length) await api.offscreen.createDocument({ url: path, reasons: ['WORKERS'], justification: 'test' });
      const answer = await api.runtime.sendMessage(message);
      return { reply: answer, ms: performance.now() - started, opened: !open.length };
    },
    [OFFSCREEN_PATH, request] as const,
  );
  const result = reply as OffscreenReply<'ocr-read'> | undefined;
  if (!result?.ok) throw new Error(`offscreen OCR failed: ${JSON.stringify(result)}`);
  return { text: result.value.text, ms, opened };
}

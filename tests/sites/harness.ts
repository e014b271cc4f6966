import type { Outcome } from '../../lib/core/vocabulary';
import { Window } from 'happy-dom';
import { afterEach } from 'vitest';
import { armGuard } from '../../lib/guard/arm';
import { extractPost, findPost } from '../../lib/guard/extract';
import { findAction } from '../../lib/guard/find-action';
import type { IsTrusted } from '../../lib/guard/trust';
import type { GuardTransport, PromptRequest } from '../../lib/guard/types';
import type { CheckShareResponse, RequestOf } from '../../lib/messaging/protocol';
import type { SiteAdapter } from '../../lib/sites/types';
import { FIXTURE_LANGUAGES, type FixtureLanguage, fixtureHtml } from '../fixture-html';

export { FIXTURE_LANGUAGES, type FixtureLanguage };

/**
 * Test harness for adapters and the guard: fixture pages in their own happy-dom window (scripts
 * on, so the fixture's simulated site runs), a recording transport and a scripted prompt.
 */

export const SITE_URLS = {
  x: 'https://x.com/home',
  facebook: 'https://www.facebook.com/',
  whatsapp: 'https://web.whatsapp.com/',
  youtube: 'https://www.youtube.com/watch?v=Lw7aErUpSi0',
  tiktok: 'https://www.tiktok.com/foryou',
  instagram: 'https://www.instagram.com/',
  threads: 'https://www.threads.net/',
  // Petition fixtures hold several petitions and show the one at the page's path.
  changeorg: 'https://www.change.org/p/perbaiki-trotoar-jalan-cempaka-untuk-pejalan-kaki',
  avaaz: 'https://secure.avaaz.org/campaign/id/lindungi_hutan_adat_papua/',
  'telegram-k': 'https://web.telegram.org/k/#-1001234567890',
  'telegram-a': 'https://web.telegram.org/a/#-1001234567890',
} as const;

/** Each site's fixture page, `<page>.html` in both UI languages: a feed, or a chat on messengers. */
export const FIXTURE_PAGES: Record<FixtureSite, string> = {
  x: 'feed',
  facebook: 'feed',
  whatsapp: 'chat',
  youtube: 'watch',
  tiktok: 'foryou',
  instagram: 'feed',
  threads: 'feed',
  changeorg: 'petition',
  avaaz: 'petition',
  'telegram-k': 'chat',
  'telegram-a': 'chat',
};

export type FixtureSite = keyof typeof SITE_URLS;

export interface FixturePage {
  window: Window;
  document: Document;
  /** What the simulated site has shared. */
  shares(): { count: number; log: string[] };
  close(): Promise<void>;
}

/** The site's fixture page at the site's usual URL, or at `url` (which petition a petition fixture shows). */
export function loadFixture(site: FixtureSite, language: FixtureLanguage, url: string = SITE_URLS[site]): FixturePage {
  const html = fixtureHtml(`${site}/${FIXTURE_PAGES[site]}.html`, language);
  if (html === null) throw new Error(`No ${language} fixture for ${site}`);
  const window = new Window({
    url,
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
  });
  const document = window.document as unknown as Document;
  document.write(html);
  const state = window as unknown as { __shares: number; __shareLog: string[] };
  return {
    window,
    document,
    shares: () => ({ count: state.__shares, log: [...state.__shareLog] }),
    close: () => window.happyDOM.close(),
  };
}

/** Elements by CSS, failing loudly when a fixture lacks one. */
export function $(root: ParentNode, css: string): HTMLElement {
  const found = root.querySelector<HTMLElement>(css);
  if (!found) throw new Error(`No element for ${css}`);
  return found;
}

/** The element whose own text is exactly `text` (trimmed), inside root. */
export function byText(root: ParentNode, css: string, text: string): HTMLElement {
  const found = [...root.querySelectorAll<HTMLElement>(css)].find((el) => el.textContent?.trim() === text);
  if (!found) throw new Error(`No ${css} with text "${text}"`);
  return found;
}

/**
 * happy-dom makes every event untrusted, as a browser does a page script's. The helpers below act
 * as the person: the events they dispatch are the ones `personInput` calls trusted, and tests
 * give the guard that predicate explicitly (`isTrusted: personInput`). Anything else, such as a
 * fixture's own scripts or a test's `element.click()`, stays untrusted, as in the browser.
 */
const byPerson = new WeakSet<Event>();
export const personInput: IsTrusted = (event) => byPerson.has(event);

/** Dispatches `event` at `target` as the person's input. */
export function asPerson<E extends Event>(target: EventTarget, event: E): E {
  byPerson.add(event);
  target.dispatchEvent(event);
  return event;
}

export function click(target: Element): MouseEvent {
  const view = target.ownerDocument.defaultView as unknown as typeof globalThis;
  return asPerson(target, new view.MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
}

export function pointerDown(target: Element): void {
  const view = target.ownerDocument.defaultView as unknown as typeof globalThis;
  asPerson(target, new view.PointerEvent('pointerdown', { bubbles: true, cancelable: true, composed: true }));
}

export function pressKey(
  target: Element,
  key: string,
  type: 'keydown' | 'keyup' = 'keydown',
  init: Omit<KeyboardEventInit, 'key'> = {},
): KeyboardEvent {
  const view = target.ownerDocument.defaultView as unknown as typeof globalThis;
  return asPerson(
    target,
    new view.KeyboardEvent(type, { ...init, key, bubbles: true, cancelable: true, composed: true }),
  );
}

/** Lets pending promise callbacks and short timers run. */
export function settle(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export const HOAX_ANSWER: CheckShareResponse = {
  ask: true,
  reason: 'hoax-match',
  language: 'id',
  readUrl: 'https://turnbackhoax.id/articles/35352-salah-gunung-lawu-bakal-erupsi-besar',
  matches: [
    {
      id: 'tbh26-35352',
      listId: 'starter',
      claim: '[SALAH] Gunung lawu bakal erupsi besar',
      rating: 'false',
      url: 'https://turnbackhoax.id/articles/35352-salah-gunung-lawu-bakal-erupsi-besar',
      score: 0.93,
    },
  ],
};

/** A transport that records every call and answers checks with `answer` (a value, a promise, or never). */
export function fakeTransport(answer: () => Promise<CheckShareResponse> = async () => ({ ask: false })) {
  const calls = {
    checkShare: [] as RequestOf<'check-share'>[],
    recordOutcome: [] as RequestOf<'record-outcome'>[],
    openRead: [] as string[],
    markRead: [] as string[],
    reportHealth: [] as RequestOf<'report-health'>[],
  };
  const transport: GuardTransport = {
    checkShare: (request) => {
      calls.checkShare.push(request);
      return answer();
    },
    recordOutcome: (request) => void calls.recordOutcome.push(request),
    openRead: (url) => void calls.openRead.push(url),
    markRead: (url) => void calls.markRead.push(url),
    reportHealth: (request) => void calls.reportHealth.push(request),
  };
  return { transport, calls };
}

/** A prompt that answers `outcome` and remembers what it was asked. */
export function fakePrompt(outcome: Outcome) {
  const shown: PromptRequest[] = [];
  return {
    shown,
    showPrompt: async (request: PromptRequest) => {
      shown.push(request);
      return outcome;
    },
  };
}

/** The guard's wait for the background in these tests: long enough for an answer, short for a timeout. */
export const GUARD_TIMEOUT_MS = 40;

/**
 * For a describe block: `arm(answer, outcome)` loads the site's fixture (Indonesian UI unless told)
 * and arms the guard on it, the background answering `answer` and the prompt `outcome`. What it
 * armed is disarmed and closed after each test.
 */
export function guardOnFixture(site: FixtureSite, adapter: SiteAdapter) {
  let armed: { page: FixturePage; disarm(): void } | null = null;
  afterEach(async () => {
    armed?.disarm();
    await armed?.page.close();
    armed = null;
  });
  return function arm(answer: () => Promise<CheckShareResponse>, outcome: Outcome, language: FixtureLanguage = 'id') {
    const page = loadFixture(site, language);
    const { transport, calls } = fakeTransport(answer);
    const prompt = fakePrompt(outcome);
    const disarm = armGuard({
      adapter,
      document: page.document,
      transport,
      showPrompt: prompt.showPrompt,
      timeoutMs: GUARD_TIMEOUT_MS,
      isTrusted: personInput,
    });
    armed = { page, disarm };
    return { page, calls, shown: prompt.shown };
  };
}

/** The action rule a click on `element` triggers (its ancestors as the event's path), in short; null for none. */
export function actionAt(adapter: SiteAdapter, element: Element) {
  const path: Element[] = [];
  for (let el: Element | null = element; el; el = el.parentElement) path.push(el);
  const found = findAction(adapter, path);
  return found && { kind: found.rule.kind, step: found.rule.step, content: found.rule.content, element: found.element };
}

/** What the guard extracts of the post found from a share control; `what` names it when none is found. */
export function contentFrom(adapter: SiteAdapter, control: Element, what: string) {
  const post = findPost(adapter, control);
  if (!post) throw new Error(`${what} not found from its share control`);
  return extractPost(adapter, post);
}

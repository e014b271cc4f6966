// @vitest-environment happy-dom
import { MAX_TEXT_CHARS } from '../../lib/core/post';
import type { Outcome } from '../../lib/core/vocabulary';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { armGuard } from '../../lib/guard/arm';
import { GUARD_CHECKS } from '../../lib/guard/health';
import type { PromptRequest } from '../../lib/guard/types';
import { promptWithText, uiTextSource } from '../../lib/guard/ui-text';
import type { CheckShareResponse } from '../../lib/messaging/protocol';
import { DRIVERS, type SiteDriver, X_DRIVER } from './drivers';
import {
  $,
  click,
  FIXTURE_LANGUAGES,
  fakePrompt,
  fakeTransport,
  type FixtureLanguage,
  type FixturePage,
  HOAX_ANSWER,
  loadFixture,
  pointerDown,
  pressKey,
  settle,
  personInput,
} from './harness';

/** The guard engine on each site's fixture, with a fake background and a scripted prompt. */

const NO_ASK = async (): Promise<CheckShareResponse> => ({ ask: false });
const ASK = async (): Promise<CheckShareResponse> => HOAX_ANSWER;
const NEVER = () => new Promise<CheckShareResponse>(() => {});

interface Setup {
  page: FixturePage;
  calls: ReturnType<typeof fakeTransport>['calls'];
  shown: PromptRequest[];
  disarm: () => void;
}

let current: Setup | null = null;
afterEach(async () => {
  current?.disarm();
  await current?.page.close();
  current = null;
});

function arm(
  driver: SiteDriver,
  language: FixtureLanguage,
  answer: () => Promise<CheckShareResponse>,
  outcome: Outcome = 'share',
  adapter = driver.adapter,
): Setup {
  const page = loadFixture(driver.site, language);
  const { transport, calls } = fakeTransport(answer);
  const prompt = fakePrompt(outcome);
  const disarm = armGuard({
    adapter,
    document: page.document,
    transport,
    showPrompt: prompt.showPrompt,
    timeoutMs: 40,
    isTrusted: personInput,
  });
  current = { page, calls, shown: prompt.shown, disarm };
  return current;
}

/** Counts the clicks that reach an element (the site's handlers sit above it, so even a detached one counts). */
function clicksReaching(element: Element): () => number {
  let count = 0;
  element.addEventListener('click', () => count++);
  return () => count;
}

/** A person's share: open the post's menu or sheet, then pick the share item. */
function share(driver: SiteDriver, setup: Setup, language: FixtureLanguage, id: string, early = false): MouseEvent {
  click(driver.opener(driver.post(setup.page, id)));
  const item = driver.shareItem(setup.page, language);
  if (early) pointerDown(item);
  return click(item);
}

const CASES = DRIVERS.flatMap((d) => FIXTURE_LANGUAGES.map((language) => [d.site, language, d] as const));

describe.each(CASES)('guard on the %s fixture, %s UI', (_site, language, driver) => {
  it('holds a share the background asks about, and shows the prompt once', async () => {
    const setup = arm(driver, language, ASK, 'cancel');
    const event = share(driver, setup, language, driver.ids.hoax);
    expect(event.defaultPrevented).toBe(true);
    expect(setup.page.shares().count).toBe(0);
    await settle();
    expect(setup.calls.checkShare).toHaveLength(1);
    expect(setup.calls.checkShare[0]).toMatchObject({ site: driver.adapter.id, urls: [] });
    expect(setup.calls.checkShare[0]?.text).toContain('Gunung no 7 yg akan erupsi besar adalah gn Lawu');
    expect(setup.shown).toHaveLength(1);
    expect(setup.shown[0]).toMatchObject({
      reason: 'hoax-match',
      language: 'id',
      readUrl: HOAX_ANSWER.ask && HOAX_ANSWER.readUrl,
    });
    expect(setup.shown[0]?.matches[0]?.id).toBe('tbh26-35352');
    expect(setup.shown[0]?.excerpt.length).toBeLessThanOrEqual(280);
  });

  it('"Share anyway" lets the share through exactly once', async () => {
    const setup = arm(driver, language, ASK, 'share');
    click(driver.opener(driver.post(setup.page, driver.ids.hoax)));
    const item = driver.shareItem(setup.page, language);
    const reached = clicksReaching(item);
    click(item);
    expect(reached()).toBe(0);
    await settle();
    await settle();
    expect(reached()).toBe(1);
    expect(setup.page.shares()).toEqual({ count: 1, log: [driver.ids.hoax] });
    expect(setup.shown).toHaveLength(1);
    expect(setup.calls.recordOutcome).toEqual([{ site: driver.adapter.id, reason: 'hoax-match', outcome: 'share' }]);
  });

  it('"Cancel" drops the share', async () => {
    const setup = arm(driver, language, ASK, 'cancel');
    share(driver, setup, language, driver.ids.hoax);
    await settle(60);
    expect(setup.page.shares().count).toBe(0);
    expect(setup.calls.recordOutcome).toEqual([{ site: driver.adapter.id, reason: 'hoax-match', outcome: 'cancel' }]);
  });

  it('"Read first" opens the article or fact-check and does not share', async () => {
    const setup = arm(driver, language, ASK, 'read');
    share(driver, setup, language, driver.ids.hoax);
    await settle(60);
    expect(setup.page.shares().count).toBe(0);
    expect(setup.calls.openRead).toEqual([HOAX_ANSWER.ask && HOAX_ANSWER.readUrl]);
  });

  it('lets the original event through untouched when the early check already said "no ask"', async () => {
    const setup = arm(driver, language, NO_ASK);
    click(driver.opener(driver.post(setup.page, driver.ids.plain)));
    const item = driver.shareItem(setup.page, language);
    pointerDown(item);
    await settle();
    const event = click(item);
    expect(event.defaultPrevented).toBe(false);
    expect(setup.page.shares()).toEqual({ count: 1, log: [driver.ids.plain] });
    expect(setup.calls.checkShare).toHaveLength(1);
    expect(setup.shown).toHaveLength(0);
  });

  it('releases a held share once when the answer is "no ask"', async () => {
    const setup = arm(driver, language, NO_ASK);
    const event = share(driver, setup, language, driver.ids.withLink);
    expect(event.defaultPrevented).toBe(true);
    await settle();
    expect(setup.page.shares()).toEqual({ count: 1, log: [driver.ids.withLink] });
    expect(setup.calls.checkShare[0]?.linkTitle).toBe(driver.article.title);
  });

  it('fails open after the timeout: shared once, health reported', async () => {
    const setup = arm(driver, language, NEVER);
    // Held while the background is silent…
    expect(share(driver, setup, language, driver.ids.hoax).defaultPrevented).toBe(true);
    expect(setup.page.shares().count).toBe(0);
    // …and let through once the guard's 40 ms are up (waited for, not timed: the machine may be loaded).
    await vi.waitFor(() => expect(setup.page.shares()).toEqual({ count: 1, log: [driver.ids.hoax] }));
    expect(setup.shown).toHaveLength(0);
    // The adapter found the post (ok); the unchecked share is counted against the site's health.
    expect(setup.calls.reportHealth).toContainEqual({
      site: driver.adapter.id,
      check: GUARD_CHECKS.postText,
      ok: true,
    });
    expect(setup.calls.reportHealth).toContainEqual({
      site: driver.adapter.id,
      check: GUARD_CHECKS.answers,
      ok: false,
    });
  });

  it('fails open when the background errors, and counts it', async () => {
    const setup = arm(driver, language, () => Promise.reject(new Error('no receiver')));
    share(driver, setup, language, driver.ids.hoax);
    await settle();
    expect(setup.page.shares().count).toBe(1);
    expect(setup.calls.reportHealth).toContainEqual({
      site: driver.adapter.id,
      check: GUARD_CHECKS.answers,
      ok: false,
    });
  });

  it('shares, and reports the adapter broken, when it cannot find the post', async () => {
    const blind = { ...driver.adapter, post: [{ css: '.no-such-post', seen: '2026-11' }] };
    const setup = arm(driver, language, ASK, 'cancel', blind);
    const event = share(driver, setup, language, driver.ids.hoax);
    expect(event.defaultPrevented).toBe(false);
    expect(setup.page.shares().count).toBe(1);
    expect(setup.calls.checkShare).toHaveLength(0);
    expect(setup.calls.reportHealth).toContainEqual({ site: driver.adapter.id, check: GUARD_CHECKS.post, ok: false });
    expect(setup.calls.reportHealth.filter((report) => report.ok)).toEqual([]);
  });

  it('holds a keyboard share (Enter on the focused item) and releases it once', async () => {
    const setup = arm(driver, language, ASK, 'share');
    click(driver.opener(driver.post(setup.page, driver.ids.hoax)));
    const item = driver.shareItem(setup.page, language);
    expect(pressKey(item, 'Enter').defaultPrevented).toBe(true);
    expect(pressKey(item, 'Enter', 'keyup').defaultPrevented).toBe(true);
    expect(setup.page.shares().count).toBe(0);
    await settle();
    await settle();
    expect(setup.page.shares()).toEqual({ count: 1, log: [driver.ids.hoax] });
    expect(setup.shown).toHaveLength(1);
  });

  it('asks once for a double click and never shares twice', async () => {
    const setup = arm(driver, language, ASK, 'share');
    click(driver.opener(driver.post(setup.page, driver.ids.hoax)));
    const item = driver.shareItem(setup.page, language);
    const reached = clicksReaching(item);
    click(item);
    click(item);
    await settle();
    await settle();
    expect(reached()).toBe(1);
    expect(setup.shown).toHaveLength(1);
    expect(setup.page.shares().count).toBe(1);
  });

  it('guards posts added after load', async () => {
    const setup = arm(driver, language, ASK, 'cancel');
    click(driver.loadMore(setup.page));
    share(driver, setup, language, driver.ids.added);
    await settle();
    expect(setup.calls.checkShare[0]?.text).toContain('pemadaman listrik total 3 hari di Jawa dan Bali');
    expect(setup.page.shares().count).toBe(0);
  });

  it('marks an external link in a post as read when it is opened, not the site’s own links', () => {
    const setup = arm(driver, language, NO_ASK);
    // Keep the test browser from following links.
    setup.page.window.addEventListener('click', (event) => event.preventDefault());
    const post = driver.post(setup.page, driver.ids.withLink);
    const links = [...post.querySelectorAll('a[href]')];
    for (const link of links) click(link);
    const outbound = driver.site === 'x' ? 'https://t.co/' : 'https://l.facebook.com/';
    const external = links.map((a) => a.getAttribute('href')).filter((href) => href?.startsWith(outbound));
    expect(external.length).toBeGreaterThan(0);
    expect(setup.calls.markRead).toEqual(external);
  });

  it('acts on none of a page script’s own events: its share goes its way unchecked, its link clicks mark nothing', async () => {
    const setup = arm(driver, language, ASK, 'cancel');
    setup.page.window.addEventListener('click', (event) => event.preventDefault());
    const view = setup.page.window as unknown as typeof globalThis;
    const scripted = (type: string, target: Element) =>
      target.dispatchEvent(
        new view.MouseEvent(type, {
          bubbles: true,
          cancelable: true,
          composed: true,
          button: type === 'auxclick' ? 1 : 0,
        }),
      );
    // The page opens the menu and shares the hoax itself, by script.
    driver.opener(driver.post(setup.page, driver.ids.hoax)).click();
    const item = driver.shareItem(setup.page, language);
    scripted('pointerdown', item);
    item.click();
    // …and "opens" a post's links, to have them counted as read.
    for (const link of driver.post(setup.page, driver.ids.withLink).querySelectorAll('a[href]')) {
      (link as HTMLElement).click();
      scripted('auxclick', link);
    }
    await settle(60);
    expect(setup.page.shares()).toEqual({ count: 1, log: [driver.ids.hoax] });
    expect(setup.calls).toMatchObject({ checkShare: [], markRead: [], openRead: [], recordOutcome: [] });
    expect(setup.shown).toEqual([]);
    // The person's share is still asked about (the background here asks about any).
    share(driver, setup, language, driver.ids.plain);
    await settle();
    expect(setup.shown).toHaveLength(1);
  });

  it('stops guarding when disarmed', () => {
    const setup = arm(driver, language, ASK);
    setup.disarm();
    const event = share(driver, setup, language, driver.ids.hoax);
    expect(event.defaultPrevented).toBe(false);
    expect(setup.page.shares().count).toBe(1);
  });
});

describe('guard on X specifics', () => {
  it('checks a quote and opens the quote composer only after "Share anyway"', async () => {
    const setup = arm(X_DRIVER, 'id', ASK, 'share');
    click(X_DRIVER.opener(X_DRIVER.post(setup.page, X_DRIVER.ids.hoax)));
    const quote = $(setup.page.document, '#layers [role="menuitem"][href="/compose/post"]');
    click(quote);
    expect(setup.page.document.querySelector('#layers [role="dialog"]')).toBeNull();
    await settle();
    await settle();
    expect(setup.calls.checkShare[0]).toMatchObject({ kind: 'quote' });
    expect(setup.page.document.querySelector('#layers [role="dialog"]')).not.toBeNull();
  });

  it('lets a composer post without links through unchecked, and checks one with a link', async () => {
    const setup = arm(X_DRIVER, 'en', ASK, 'cancel');
    const editor = $(setup.page.document, '[data-testid="inlineComposer"] [data-testid="tweetTextarea_0"]');
    const post = $(setup.page.document, '[data-testid="tweetButtonInline"]');
    editor.textContent = 'Selamat pagi semuanya';
    expect(click(post).defaultPrevented).toBe(false);
    expect(setup.calls.checkShare).toHaveLength(0);
    expect(setup.page.shares().log).toEqual(['post']);

    editor.textContent = 'Gunung Lawu akan erupsi besar! https://hoaks.example/lawu';
    expect(click(post).defaultPrevented).toBe(true);
    await settle();
    expect(setup.calls.checkShare[0]).toMatchObject({ kind: 'post', urls: ['https://hoaks.example/lawu'] });
    expect(setup.page.shares().count).toBe(1);
  });

  it('fails open when the prompt cannot show', async () => {
    const page = loadFixture('x', 'id');
    const { transport, calls } = fakeTransport(ASK);
    const broken = () => Promise.reject(new Error('no shadow DOM'));
    const disarm = armGuard({
      adapter: X_DRIVER.adapter,
      document: page.document,
      transport,
      showPrompt: broken,
      isTrusted: personInput,
    });
    current = { page, calls, shown: [], disarm };
    share(X_DRIVER, current, 'id', X_DRIVER.ids.hoax);
    await settle();
    await settle();
    expect(page.shares().count).toBe(1);
    expect(calls.recordOutcome).toEqual([]);
  });

  it('fails open when the prompt’s words do not come in time, and shows no blank prompt', async () => {
    const page = loadFixture('x', 'id');
    const { transport, calls } = fakeTransport(ASK);
    const show = vi.fn(async () => 'cancel' as const);
    const silentBackground = () => new Promise<unknown>(() => {});
    const disarm = armGuard({
      adapter: X_DRIVER.adapter,
      document: page.document,
      transport,
      showPrompt: promptWithText(uiTextSource(silentBackground, 20), show),
      isTrusted: personInput,
    });
    current = { page, calls, shown: [], disarm };
    share(X_DRIVER, current, 'id', X_DRIVER.ids.hoax);
    await vi.waitFor(() => expect(page.shares().count).toBe(1));
    expect(show).not.toHaveBeenCalled();
    expect(calls.recordOutcome).toEqual([]);
  });

  it('caps the text it sends', async () => {
    const setup = arm(X_DRIVER, 'id', NO_ASK);
    const post = X_DRIVER.post(setup.page, X_DRIVER.ids.plain);
    $(post, '[data-testid="tweetText"]').textContent = 'hoaks '.repeat(5_000);
    share(X_DRIVER, setup, 'id', X_DRIVER.ids.plain);
    await settle();
    expect(setup.calls.checkShare[0]?.text.length).toBe(MAX_TEXT_CHARS);
  });

  it('reports each check once per page while its result stays the same, however many shares', async () => {
    const setup = arm(X_DRIVER, 'id', NO_ASK);
    for (const id of [X_DRIVER.ids.plain, X_DRIVER.ids.withLink, X_DRIVER.ids.withComment]) {
      share(X_DRIVER, setup, 'id', id, true);
      await settle();
    }
    expect(setup.page.shares().count).toBe(3);
    // Repost button → its post and text, the menu's item → the post behind it, the answer, the release.
    const { post, postText, openedPost, answers, shareControl } = GUARD_CHECKS;
    expect(setup.calls.reportHealth).toEqual(
      [post, postText, openedPost, answers, shareControl].map((check) => ({ site: 'x', check, ok: true })),
    );
  });
});

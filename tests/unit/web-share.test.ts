// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GUARD_CHECKS } from '../../lib/guard/health';
import { holdShare } from '../../lib/guard/hold';
import { guardWebShares } from '../../lib/guard/web-share';
import {
  WEB_SHARE_ANSWER,
  WEB_SHARE_REQUEST,
  WEB_SHARE_TIMEOUT_MS,
  wrapWebShare,
} from '../../lib/guard/web-share-page';
import type { CheckShareResponse } from '../../lib/messaging/protocol';
import { TIKTOK_SITE } from '../../lib/sites/tiktok';
import { asPerson, fakePrompt, fakeTransport, HOAX_ANSWER, personInput, settle } from '../sites/harness';

/** navigator.share, wrapped in the page's world and answered by the guard, on one happy-dom page. */

const HOAX = {
  title: 'Gunung Lawu',
  text: 'Gunung no 7 yg akan erupsi besar adalah gn Lawu, saat ini ada indikasi lava naik',
  url: 'https://www.tiktok.com/@infowarga/video/7441000000000000001',
};

const win = window;
const proto = win.Navigator.prototype as unknown as { share?: (data?: ShareData) => Promise<void> };

let nativeShare: ReturnType<typeof vi.fn<(data?: ShareData) => Promise<void>>>;
let stopGuard = () => {};
/** Whether the person is acting on the page (the browser's transient user activation). */
let activation = true;
const trust = { isTrusted: personInput, hasActivation: () => activation };

beforeEach(() => {
  activation = true;
  // The browser's own share (Linux Chromium and happy-dom have none): resolves when "shared".
  nativeShare = vi.fn(async (_data?: ShareData) => undefined);
  proto.share = nativeShare;
});

afterEach(() => {
  stopGuard();
  delete proto.share;
});

function guard(answer: () => Promise<CheckShareResponse>, outcome: 'share' | 'cancel' | 'read') {
  const { transport, calls } = fakeTransport(answer);
  const prompt = fakePrompt(outcome);
  stopGuard = guardWebShares({
    adapter: TIKTOK_SITE,
    document,
    transport,
    showPrompt: prompt.showPrompt,
    timeoutMs: 40,
    ...trust,
  });
  return { calls, shown: prompt.shown };
}

async function outcomeOf(promise: Promise<void>): Promise<string> {
  return promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof DOMException ? `rejected ${error.name}` : `rejected ${String(error)}`),
  );
}

describe('navigator.share on a guarded site', () => {
  it('asks before sharing a known hoax; Cancel rejects with an AbortError and shares nothing', async () => {
    wrapWebShare(win);
    const { calls, shown } = guard(async () => HOAX_ANSWER, 'cancel');
    expect(await outcomeOf(navigator.share(HOAX))).toBe('rejected AbortError');
    expect(calls.checkShare).toEqual([
      { site: 'tiktok', kind: 'share', text: `${HOAX.title}\n${HOAX.text}`, urls: [] },
    ]);
    expect(shown[0]?.matches[0]?.id).toBe('tbh26-35352');
    expect(calls.recordOutcome).toEqual([{ site: 'tiktok', reason: 'hoax-match', outcome: 'cancel' }]);
    expect(nativeShare).not.toHaveBeenCalled();
  });

  it('Share anyway calls the browser’s share once, with the page’s data, on the navigator', async () => {
    wrapWebShare(win);
    guard(async () => HOAX_ANSWER, 'share');
    expect(await outcomeOf(navigator.share(HOAX))).toBe('resolved');
    expect(nativeShare).toHaveBeenCalledTimes(1);
    expect(nativeShare.mock.calls[0]?.[0]).toBe(HOAX);
    expect(nativeShare.mock.contexts[0]).toBe(navigator);
  });

  it('Read first opens the fact-check and does not share', async () => {
    wrapWebShare(win);
    const { calls } = guard(async () => HOAX_ANSWER, 'read');
    expect(await outcomeOf(navigator.share(HOAX))).toBe('rejected AbortError');
    expect(calls.openRead).toEqual([HOAX_ANSWER.ask ? HOAX_ANSWER.readUrl : '']);
    expect(nativeShare).not.toHaveBeenCalled();
  });

  it('shares a benign item at once, and passes the browser’s own refusal on', async () => {
    wrapWebShare(win);
    const { calls, shown } = guard(async () => ({ ask: false }), 'cancel');
    const external = { text: 'Baca ini', url: 'https://www.kompas.com/tren/read/2026/11/20/bmkg' };
    expect(await outcomeOf(navigator.share(external))).toBe('resolved');
    expect(calls.checkShare[0]?.urls).toEqual(['https://www.kompas.com/tren/read/2026/11/20/bmkg']);
    expect(shown).toHaveLength(0);
    nativeShare.mockRejectedValueOnce(new DOMException('No activation', 'NotAllowedError'));
    expect(await outcomeOf(navigator.share(external))).toBe('rejected NotAllowedError');
  });

  it('keeps the property as the browser defines it', () => {
    const before = Object.getOwnPropertyDescriptor(proto, 'share');
    wrapWebShare(win);
    const after = Object.getOwnPropertyDescriptor(proto, 'share');
    expect(after?.value).not.toBe(nativeShare);
    expect({ ...after, value: null }).toEqual({ ...before, value: null });
    expect((after?.value as () => void).name).toBe('share');
  });

  it('leaves a browser without navigator.share without one', () => {
    delete proto.share;
    wrapWebShare(win);
    expect('share' in navigator).toBe(false);
  });
});

describe('failing open', () => {
  it('shares at once when no guard listens (a page Saring does not guard, a disabled extension)', async () => {
    wrapWebShare(win);
    const started = Date.now();
    expect(await outcomeOf(navigator.share(HOAX))).toBe('resolved');
    expect(Date.now() - started).toBeLessThan(WEB_SHARE_TIMEOUT_MS / 2);
    expect(nativeShare).toHaveBeenCalledTimes(1);
  });

  it('shares when the background does not answer in time, without a prompt', async () => {
    wrapWebShare(win);
    const { shown, calls } = guard(() => new Promise<CheckShareResponse>(() => {}), 'cancel');
    expect(await outcomeOf(navigator.share(HOAX))).toBe('resolved');
    expect(shown).toHaveLength(0);
    expect(calls.reportHealth).toContainEqual(expect.objectContaining({ check: GUARD_CHECKS.answers, ok: false }));
  });

  it('shares when a guard took the request and then fell silent', async () => {
    wrapWebShare(win, 60);
    // A guard that says "held" and never answers again.
    const silent = (event: Event) => {
      const { id } = JSON.parse(String((event as CustomEvent).detail)) as { id: string };
      window.dispatchEvent(new CustomEvent(WEB_SHARE_ANSWER, { detail: JSON.stringify({ id, state: 'held' }) }));
    };
    window.addEventListener(WEB_SHARE_REQUEST, silent);
    try {
      const pending = outcomeOf(navigator.share(HOAX));
      await settle(20);
      expect(nativeShare).not.toHaveBeenCalled();
      expect(await pending).toBe('resolved');
      expect(nativeShare).toHaveBeenCalledTimes(1);
    } finally {
      window.removeEventListener(WEB_SHARE_REQUEST, silent);
    }
  });

  it('waits for the person once the prompt is open, however long that takes', async () => {
    wrapWebShare(win, 30);
    const { transport } = fakeTransport(async () => HOAX_ANSWER);
    let choose: (outcome: 'share') => void = () => {};
    stopGuard = guardWebShares({
      adapter: TIKTOK_SITE,
      document,
      transport,
      showPrompt: () => new Promise((resolve) => (choose = resolve)),
      timeoutMs: 40,
      ...trust,
    });
    const pending = outcomeOf(navigator.share(HOAX));
    await settle(100);
    expect(nativeShare).not.toHaveBeenCalled();
    choose('share');
    expect(await pending).toBe('resolved');
    expect(nativeShare).toHaveBeenCalledTimes(1);
  });
});

describe('what the guard accepts from the page', () => {
  it('ignores requests that do not have the expected shape, and cancels a second share while one is asked about', async () => {
    guard(async () => HOAX_ANSWER, 'cancel');
    const answers: string[] = [];
    const record = (event: Event) => answers.push(String((event as CustomEvent).detail));
    window.addEventListener(WEB_SHARE_ANSWER, record);
    try {
      for (const detail of [
        { id: 'a', text: 'x' },
        JSON.stringify({ id: 7 }),
        JSON.stringify({ id: 'b', url: 5 }),
        'not json',
      ]) {
        window.dispatchEvent(new CustomEvent(WEB_SHARE_REQUEST, { detail }));
      }
      expect(answers).toEqual([]);
      // A fresh guard: those requests spent this one's budget (see the flood test below).
      stopGuard();
      const { calls } = guard(async () => HOAX_ANSWER, 'cancel');
      wrapWebShare(win);
      const first = outcomeOf(navigator.share(HOAX));
      const second = outcomeOf(navigator.share(HOAX));
      expect(await second).toBe('rejected AbortError');
      expect(await first).toBe('rejected AbortError');
      expect(calls.checkShare).toHaveLength(1);
    } finally {
      window.removeEventListener(WEB_SHARE_ANSWER, record);
    }
  });
});

describe('only while the person acts on the page', () => {
  /** Everything the page's world can see of a share request sent as a DOM event: the answers. */
  function answersTo(detail: string): string[] {
    const answers: string[] = [];
    const record = (event: Event) => answers.push(String((event as CustomEvent).detail));
    window.addEventListener(WEB_SHARE_ANSWER, record);
    window.dispatchEvent(new CustomEvent(WEB_SHARE_REQUEST, { detail }));
    window.removeEventListener(WEB_SHARE_ANSWER, record);
    return answers;
  }

  it('answers nothing without user activation: the browser’s own share runs, nothing is checked', async () => {
    wrapWebShare(win);
    const { calls, shown } = guard(async () => HOAX_ANSWER, 'cancel');
    activation = false;
    expect(answersTo(JSON.stringify({ id: 'probe', url: 'https://berita.example/dibaca' }))).toEqual([]);
    expect(await outcomeOf(navigator.share(HOAX))).toBe('resolved');
    expect(nativeShare).toHaveBeenCalledTimes(1);
    await settle(60);
    expect(calls.checkShare).toEqual([]);
    expect(shown).toEqual([]);
  });

  it('cancels a share asked for on the strength of a click on Saring’s own prompt', async () => {
    wrapWebShare(win);
    const { calls } = guard(async () => HOAX_ANSWER, 'cancel');
    // The person answers a prompt; the page, activated by that click, asks to share again.
    const prompt = document.createElement('saring-prompt');
    const button = prompt.attachShadow({ mode: 'open' }).appendChild(document.createElement('button'));
    document.body.append(prompt);
    asPerson(button, new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    prompt.remove();
    expect(await outcomeOf(navigator.share(HOAX))).toBe('rejected AbortError');
    expect(calls.checkShare).toEqual([]);
    // The person's next input on the page itself is theirs again.
    asPerson(document.body, new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(await outcomeOf(navigator.share(HOAX))).toBe('rejected AbortError');
    expect(calls.checkShare).toHaveLength(1);
  });

  it('cancels a share while the page already holds one from a share button: prompts never stack', async () => {
    wrapWebShare(win);
    const { calls } = guard(async () => HOAX_ANSWER, 'cancel');
    const release = holdShare(document);
    expect(await outcomeOf(navigator.share(HOAX))).toBe('rejected AbortError');
    release?.();
    expect(calls.checkShare).toEqual([]);
  });

  it('cancels the share it holds when it stops (the extension went away mid-prompt), and lets go of the page', async () => {
    wrapWebShare(win);
    const { transport } = fakeTransport(async () => HOAX_ANSWER);
    stopGuard = guardWebShares({
      adapter: TIKTOK_SITE,
      document,
      transport,
      showPrompt: () => new Promise(() => {}),
      ...trust,
    });
    const pending = outcomeOf(navigator.share(HOAX));
    await settle(20);
    stopGuard();
    expect(await pending).toBe('rejected AbortError');
    const free = holdShare(document);
    expect(free).not.toBeNull();
    free?.();
  });

  it('answers nothing more once stopped, when the check it was waiting for times out later', async () => {
    guard(() => new Promise<CheckShareResponse>(() => {}), 'cancel');
    const answers: string[] = [];
    const record = (event: Event) => answers.push(String((event as CustomEvent).detail));
    window.addEventListener(WEB_SHARE_ANSWER, record);
    try {
      window.dispatchEvent(new CustomEvent(WEB_SHARE_REQUEST, { detail: JSON.stringify({ id: 'late', text: 'x' }) }));
      stopGuard();
      await settle(100); // past the check's 40 ms timeout, which fails open
      expect(answers).toEqual([
        JSON.stringify({ id: 'late', state: 'held' }),
        JSON.stringify({ id: 'late', state: 'cancel' }),
      ]);
    } finally {
      window.removeEventListener(WEB_SHARE_ANSWER, record);
    }
  });

  it('looks at a burst of requests at most, and never at a flood', async () => {
    const { calls } = guard(() => new Promise<CheckShareResponse>(() => {}), 'cancel');
    const answered = Array.from({ length: 50 }, (_, i) =>
      answersTo(JSON.stringify({ id: `r${i}`, text: 'x'.repeat(1000) })),
    );
    // The first is held; the next two are cancelled while it is; the rest get no answer at all.
    expect(answered.slice(0, 3)).toEqual([
      [JSON.stringify({ id: 'r0', state: 'held' })],
      [JSON.stringify({ id: 'r1', state: 'cancel' })],
      [JSON.stringify({ id: 'r2', state: 'cancel' })],
    ]);
    expect(answered.slice(3).flat()).toEqual([]);
    expect(calls.checkShare).toHaveLength(1);
    stopGuard();
    await settle(60); // the held check's timeout passes inside this test, not after the file's page is gone
  });
});

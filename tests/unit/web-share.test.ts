// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GUARD_CHECKS } from '../../lib/guard/health';
import { guardWebShares } from '../../lib/guard/web-share';
import { WEB_SHARE_ANSWER, WEB_SHARE_REQUEST, WEB_SHARE_TIMEOUT_MS, wrapWebShare } from '../../lib/guard/web-share-page';
import type { CheckShareResponse } from '../../lib/messaging/protocol';
import { TIKTOK_SITE } from '../../lib/sites/tiktok';
import { fakePrompt, fakeTransport, HOAX_ANSWER, settle } from '../sites/harness';

/** navigator.share, wrapped in the page's world and answered by the guard, on one happy-dom page. */

const HOAX = {
  title: 'Gunung Lawu',
  text: 'Gunung no 7 yg akan erupsi besar adalah gn Lawu, saat ini ada indikasi lava naik',
  url: 'https://www.tiktok.com/@infowarga/video/7441000000000000001',
};

type Win = Window & typeof globalThis;
const win = window as unknown as Win;
const proto = win.Navigator.prototype as unknown as { share?: (data?: ShareData) => Promise<void> };

let nativeShare: ReturnType<typeof vi.fn<(data?: ShareData) => Promise<void>>>;
let stopGuard = () => {};

beforeEach(() => {
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
  stopGuard = guardWebShares({ adapter: TIKTOK_SITE, document, transport, showPrompt: prompt.showPrompt, timeoutMs: 40 });
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
    expect(calls.checkShare).toEqual([{ site: 'tiktok', kind: 'share', text: `${HOAX.title}\n${HOAX.text}`, urls: [] }]);
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
    const { calls } = guard(async () => HOAX_ANSWER, 'cancel');
    const answers: string[] = [];
    const record = (event: Event) => answers.push(String((event as CustomEvent).detail));
    window.addEventListener(WEB_SHARE_ANSWER, record);
    try {
      for (const detail of [{ id: 'a', text: 'x' }, JSON.stringify({ id: 7 }), JSON.stringify({ id: 'b', url: 5 }), 'not json']) {
        window.dispatchEvent(new CustomEvent(WEB_SHARE_REQUEST, { detail }));
      }
      expect(answers).toEqual([]);
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

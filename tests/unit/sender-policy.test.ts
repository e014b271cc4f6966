import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, type Handlers } from '../../lib/messaging/dispatcher';
import { requestSchemas, type MessageType } from '../../lib/messaging/protocol';
import {
  classifySender,
  SENDER_POLICY,
  senderRefusal,
  type MessageSender,
  type SenderContext,
} from '../../lib/messaging/senders';
import { siteForUrl } from '../../lib/sites';

const CHROMIUM: SenderContext = {
  extensionId: 'abcdefghijklmnopabcdefghijklmnop',
  extensionOrigin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/',
  siteForUrl,
};
const FIREFOX: SenderContext = {
  extensionId: 'saring@saring.id',
  extensionOrigin: 'moz-extension://3c1f8a5e-0d4b-4e7a-9a51-2c7e4b1d9f00/',
  siteForUrl,
};

const tab = (id: number, url: string, incognito = false) =>
  ({ id, url, windowId: 1, incognito }) as MessageSender['tab'];

/** Senders as each browser fills them in (Chromium adds `origin` and `documentId`; Firefox has neither). */
const SENDERS = {
  chromiumPopup: {
    id: CHROMIUM.extensionId,
    url: `${CHROMIUM.extensionOrigin}popup.html`,
    origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
  },
  chromiumOptions: {
    id: CHROMIUM.extensionId,
    url: `${CHROMIUM.extensionOrigin}options.html`,
    frameId: 0,
    tab: tab(2, `${CHROMIUM.extensionOrigin}options.html`),
  },
  chromiumShareCheck: {
    id: CHROMIUM.extensionId,
    url: `${CHROMIUM.extensionOrigin}share-check.html#https%3A%2F%2Fwa.me%2F%3Ftext%3Dhalo`,
    frameId: 0,
    tab: tab(3, `${CHROMIUM.extensionOrigin}share-check.html`),
  },
  // share-check.html is web-accessible: a web page can frame it.
  chromiumFramedShareCheck: {
    id: CHROMIUM.extensionId,
    url: `${CHROMIUM.extensionOrigin}share-check.html#https://wa.me/?text=x`,
    frameId: 12,
    tab: tab(4, 'https://evil.example/'),
  },
  chromiumContentScript: {
    id: CHROMIUM.extensionId,
    url: 'https://x.com/home',
    origin: 'https://x.com',
    frameId: 0,
    documentId: 'D0C',
    tab: tab(5, 'https://x.com/home'),
  },
  chromiumContentScriptUnguarded: {
    id: CHROMIUM.extensionId,
    url: 'https://x.com.evil.example/',
    frameId: 0,
    tab: tab(6, 'https://x.com.evil.example/'),
  },
  // A page whose path mentions the extension's origin is still a page.
  chromiumLookalike: {
    id: CHROMIUM.extensionId,
    url: `https://evil.example/${CHROMIUM.extensionOrigin}options.html`,
    frameId: 0,
    tab: tab(7, 'https://evil.example/'),
  },
  otherExtension: {
    id: 'ponmlkjihgfedcbaponmlkjihgfedcba',
    url: 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/bg.html',
  },
  noTabNoPage: { id: CHROMIUM.extensionId, url: 'https://x.com/home' },
  firefoxPopup: { id: FIREFOX.extensionId, url: `${FIREFOX.extensionOrigin}popup.html` },
  firefoxOptions: {
    id: FIREFOX.extensionId,
    url: `${FIREFOX.extensionOrigin}options.html`,
    frameId: 0,
    tab: tab(8, `${FIREFOX.extensionOrigin}options.html`),
  },
  firefoxContentScript: {
    id: FIREFOX.extensionId,
    url: 'https://www.facebook.com/',
    frameId: 0,
    tab: tab(9, 'https://www.facebook.com/'),
  },
} satisfies Record<string, MessageSender>;

const classify = (name: keyof typeof SENDERS) =>
  classifySender(SENDERS[name], name.startsWith('firefox') ? FIREFOX : CHROMIUM);

const GUARD_TYPES = [
  'check-share',
  'match-posts',
  'match-pictures',
  'read-pictures',
  'record-outcome',
  'mark-read',
  'open-read',
  'report-health',
  'get-ui-strings',
];
const TYPES = Object.keys(requestSchemas) as MessageType[];

describe('sender policy', () => {
  it('gives every message type in the protocol an audience, and nothing else', () => {
    for (const type of TYPES) expect(SENDER_POLICY, `no sender policy for ${type}`).toHaveProperty([type]);
    expect(Object.keys(SENDER_POLICY).sort()).toEqual([...TYPES].sort());
  });

  it("lets content scripts send only the guard's nine messages", () => {
    const guard = TYPES.filter((type) => SENDER_POLICY[type] === 'guard');
    expect(guard.sort()).toEqual([...GUARD_TYPES].sort());
  });

  it('tells extension pages from content scripts as Chromium and Firefox describe them', () => {
    expect(classify('chromiumPopup')).toEqual({ from: 'extension-page', path: '/popup.html', inTab: false });
    expect(classify('chromiumOptions')).toEqual({ from: 'extension-page', path: '/options.html', inTab: true });
    expect(classify('chromiumShareCheck')).toEqual({ from: 'extension-page', path: '/share-check.html', inTab: true });
    expect(classify('chromiumContentScript')).toEqual({ from: 'content-script', site: 'x' });
    expect(classify('firefoxPopup')).toEqual({ from: 'extension-page', path: '/popup.html', inTab: false });
    expect(classify('firefoxOptions')).toEqual({ from: 'extension-page', path: '/options.html', inTab: true });
    expect(classify('firefoxContentScript')).toEqual({ from: 'content-script', site: 'facebook' });
  });

  it.each([
    ['chromiumFramedShareCheck', /inside a frame/],
    ['chromiumContentScriptUnguarded', /does not guard/],
    ['chromiumLookalike', /does not guard/],
    ['otherExtension', /another extension/],
    ['noTabNoPage', /no tab/],
  ] as const)('trusts no %s', (name, why) => {
    const kind = classify(name);
    expect(kind).toEqual({ from: 'unknown', why: expect.stringMatching(why) });
    for (const type of TYPES) expect(senderRefusal(type, kind, {}), type).not.toBeNull();
  });

  it.each(TYPES)('%s: allowed from the right senders only', (type) => {
    const allowed = (name: keyof typeof SENDERS, payload: unknown = {}) =>
      senderRefusal(type, classify(name), payload) === null;
    const audience = SENDER_POLICY[type];
    expect(allowed('chromiumContentScript', { site: 'x' })).toBe(audience === 'guard');
    expect(allowed('firefoxContentScript', { site: 'facebook' })).toBe(audience === 'guard');
    expect(allowed('chromiumOptions')).toBe(audience !== 'share-check-page');
    expect(allowed('chromiumPopup')).toBe(audience !== 'share-check-page');
    expect(allowed('firefoxOptions')).toBe(audience !== 'share-check-page');
    expect(allowed('chromiumShareCheck')).toBe(true);
  });

  it('lets a content script speak only for the site it runs on', () => {
    const onX = classify('chromiumContentScript');
    expect(senderRefusal('report-health', onX, { site: 'x', check: 'post', ok: true })).toBeNull();
    expect(senderRefusal('report-health', onX, { site: 'facebook', check: 'post', ok: false })).toMatch(/facebook.*x/);
    // The share-link and demo pseudo-sites belong to extension pages.
    expect(senderRefusal('check-share', onX, { site: 'share-link' })).not.toBeNull();
    expect(senderRefusal('check-share', onX, { site: 'demo' })).not.toBeNull();
    expect(senderRefusal('check-share', classify('chromiumShareCheck'), { site: 'share-link' })).toBeNull();
    // Pictures are matched, and their readings answered, for the sender's own site only.
    expect(senderRefusal('match-pictures', onX, { site: 'x', posts: [] })).toBeNull();
    expect(senderRefusal('match-pictures', onX, { site: 'whatsapp', posts: [] })).toMatch(/whatsapp.*x/);
    expect(senderRefusal('read-pictures', onX, { site: 'facebook', reading: 'r' })).toMatch(/facebook.*x/);
  });
});

describe('the dispatcher with the sender policy', () => {
  const handler = vi.fn(() => ({ strictness: 'off' }));
  const handlers = new Proxy({} as Handlers, { get: () => handler });

  it('refuses and logs what a sender may not send, without running the handler', async () => {
    const refused: string[] = [];
    const dispatch = createDispatcher(handlers, CHROMIUM, (why) => refused.push(why));
    const result = await dispatch(
      { type: 'set-settings', payload: { strictness: 'off' } },
      SENDERS.chromiumContentScript,
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('set-settings') },
    });
    expect(
      await dispatch(
        { type: 'preview-list', payload: { url: 'http://localhost:6379/' } },
        SENDERS.chromiumContentScript,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await dispatch(
        { type: 'allow-share-intent', payload: { url: 'https://wa.me/?text=x' } },
        SENDERS.chromiumOptions,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(handler).not.toHaveBeenCalled();
    expect(refused).toHaveLength(3);
    expect(refused[0]).toMatch(/set-settings.*content script/);

    expect(await dispatch({ type: 'set-settings', payload: { strictness: 'off' } }, SENDERS.chromiumOptions)).toEqual({
      ok: true,
      value: { strictness: 'off' },
    });
    expect(handler).toHaveBeenCalledTimes(1);
  });
});

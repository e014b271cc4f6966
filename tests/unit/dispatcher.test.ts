import { describe, expect, it, vi } from 'vitest';
import {
  createDispatcher,
  createMessageListener,
  type Handlers,
  type MessageSender,
} from '../../lib/messaging/dispatcher';
import type { SenderContext } from '../../lib/messaging/senders';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const unused = () => {
    throw new Error('not used in this test');
  };
  return {
    'check-share': unused,
    'record-outcome': unused,
    'open-read': unused,
    'mark-read': unused,
    'report-health': unused,
    'get-ui-strings': unused,
    'get-page-status': unused,
    'set-site-enabled': unused,
    'set-site-labels': unused,
    'match-posts': unused,
    'match-pictures': unused,
    'read-pictures': unused,
    snooze: unused,
    'get-options-state': unused,
    'set-settings': unused,
    'allow-share-intent': unused,
    'preview-list': unused,
    'subscribe-list': unused,
    'remove-list': unused,
    'restore-list': unused,
    'sync-lists': unused,
    'import-list': unused,
    'export-list': unused,
    'get-stats': unused,
    'reset-stats': unused,
    'forget-read-links': unused,
    'store-classroom-list': unused,
    ...overrides,
  };
}

const senders: SenderContext = {
  extensionId: 'test',
  extensionOrigin: 'chrome-extension://test/',
  siteForUrl: () => null,
};
/** The options page, in its tab: may send anything but allow-share-intent. */
const sender: MessageSender = {
  id: 'test',
  url: 'chrome-extension://test/options.html',
  frameId: 0,
  tab: { id: 7 } as MessageSender['tab'],
};

describe('createDispatcher', () => {
  it('passes a valid payload and the sender to the handler and wraps its answer', async () => {
    const snooze = vi.fn((payload: { minutes: number }) => ({ snoozedUntil: payload.minutes * 1000 }));
    const dispatch = createDispatcher(handlers({ snooze }), senders);
    await expect(dispatch({ type: 'snooze', payload: { minutes: 5 } }, sender)).resolves.toEqual({
      ok: true,
      value: { snoozedUntil: 5000 },
    });
    expect(snooze).toHaveBeenCalledWith({ minutes: 5 }, sender);
  });

  it('rejects an invalid payload with the field and reason, without calling the handler', async () => {
    const snooze = vi.fn(() => ({ snoozedUntil: null }));
    const dispatch = createDispatcher(handlers({ snooze }), senders);
    const result = await dispatch({ type: 'snooze', payload: { minutes: -1 } }, sender);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-request');
    expect(result.error.message).toMatch(/snooze.*minutes/);
    expect(snooze).not.toHaveBeenCalled();
  });

  it('rejects a missing payload and a message that is not an envelope', async () => {
    const dispatch = createDispatcher(handlers(), senders);
    expect(await dispatch({ type: 'mark-read' }, sender)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(await dispatch('mark-read', sender)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await dispatch(null, sender)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('answers unknown-type for types outside the protocol, including inherited names', async () => {
    const dispatch = createDispatcher(handlers(), senders);
    expect(await dispatch({ type: 'delete-everything', payload: {} }, sender)).toMatchObject({
      ok: false,
      error: { code: 'unknown-type' },
    });
    expect(await dispatch({ type: 'toString', payload: {} }, sender)).toMatchObject({
      ok: false,
      error: { code: 'unknown-type' },
    });
  });

  it('turns a throwing or rejecting handler into a failed result', async () => {
    const dispatch = createDispatcher(
      handlers({
        'mark-read': () => {
          throw new Error('disk full');
        },
        'open-read': async () => Promise.reject(new Error('no tabs')),
      }),
      senders,
    );
    expect(await dispatch({ type: 'mark-read', payload: { url: 'https://a.id' } }, sender)).toEqual({
      ok: false,
      error: { code: 'failed', message: 'mark-read failed: disk full' },
    });
    expect(await dispatch({ type: 'open-read', payload: { url: 'https://a.id' } }, sender)).toMatchObject({
      ok: false,
      error: { code: 'failed', message: 'open-read failed: no tabs' },
    });
  });
});

describe('createMessageListener', () => {
  const dispatch = createDispatcher(handlers({ 'mark-read': () => null }), senders);
  const message = { type: 'mark-read', payload: { url: 'https://a.id/x' } };

  it('returns the answer as a promise when no sendResponse is given', async () => {
    const listener = createMessageListener(dispatch);
    await expect(listener(message, sender)).resolves.toEqual({ ok: true, value: null });
  });

  it('answers through sendResponse and returns true to keep the channel open', async () => {
    const listener = createMessageListener(dispatch);
    const sendResponse = vi.fn();
    expect(listener(message, sender, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: true, value: null }));
  });
});

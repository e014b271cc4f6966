import { describe, expect, it } from 'vitest';
import { createPortSender, MessagingError } from '../../lib/messaging/client';
import {
  createDispatcher,
  createPortListener,
  type Handlers,
  type RequestPortEnd,
} from '../../lib/messaging/dispatcher';
import { REQUEST_PORT, type PortReply, type PortRequest } from '../../lib/messaging/port';

/** One end of a port: what was posted on it, and its listeners to play the other end with. */
/** A content script's port on a guarded site, as Chromium and Firefox describe its sender. */
const CONTENT_SCRIPT = {
  id: 'test',
  url: 'https://x.com/home',
  frameId: 0,
  tab: { id: 3, index: 0, incognito: false },
} as RequestPortEnd['sender'];

function fakePort(name = REQUEST_PORT, sender = CONTENT_SCRIPT) {
  const posted: unknown[] = [];
  const onMessage: ((message: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  let open = true;
  const port: RequestPortEnd = {
    name,
    sender,
    postMessage: (message) => {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      posted.push(message);
    },
    onMessage: { addListener: (listener) => void onMessage.push(listener) },
    onDisconnect: { addListener: (listener) => void onDisconnect.push(listener) },
    // As in the browser, closing a port from one end tells only the other end.
    disconnect: () => void (open = false),
  };
  return {
    port,
    posted: posted as PortRequest[],
    receive: (message: unknown) => onMessage.forEach((listener) => listener(message)),
    disconnect: () => {
      open = false;
      onDisconnect.forEach((listener) => listener());
    },
  };
}

const urlOf = (posted: PortRequest) => (posted.message.payload as { url: string }).url;

describe('createPortSender', () => {
  it('opens one port for many requests and pairs each answer with its request', async () => {
    const ports: ReturnType<typeof fakePort>[] = [];
    const send = createPortSender(() => ports[ports.push(fakePort()) - 1]!.port);
    const first = send('mark-read', { url: 'https://a.id/1' });
    const second = send('mark-read', { url: 'https://a.id/2' });
    expect(ports).toHaveLength(1);
    const [one, two] = ports[0]!.posted;
    expect([one, two].map((request) => request && urlOf(request))).toEqual(['https://a.id/1', 'https://a.id/2']);
    // Answered out of order.
    ports[0]!.receive({
      id: two!.id,
      result: { ok: false, error: { code: 'failed', message: 'no' } },
    } satisfies PortReply);
    ports[0]!.receive({ id: one!.id, result: { ok: true, value: null } } satisfies PortReply);
    await expect(first).resolves.toBeNull();
    await expect(second).rejects.toMatchObject({ code: 'failed' });
  });

  it('rejects what is waiting when the port closes, and opens a new port for the next request', async () => {
    const ports: ReturnType<typeof fakePort>[] = [];
    const send = createPortSender(() => ports[ports.push(fakePort()) - 1]!.port);
    const waiting = send('mark-read', { url: 'https://a.id/1' });
    ports[0]!.disconnect();
    await expect(waiting).rejects.toBeInstanceOf(MessagingError);
    const next = send('mark-read', { url: 'https://a.id/2' });
    expect(ports).toHaveLength(2);
    ports[1]!.receive({ id: ports[1]!.posted[0]!.id, result: { ok: true, value: null } });
    await expect(next).resolves.toBeNull();
  });

  it('closes its port on close(), rejecting what waits, and opens a new one if asked again', async () => {
    const ports: ReturnType<typeof fakePort>[] = [];
    const send = createPortSender(() => ports[ports.push(fakePort()) - 1]!.port);
    const waiting = send('mark-read', { url: 'https://a.id/1' });
    send.close();
    await expect(waiting).rejects.toBeInstanceOf(MessagingError);
    expect(() => ports[0]!.port.postMessage({})).toThrow(/disconnected/);
    void send('mark-read', { url: 'https://a.id/2' }).catch(() => undefined);
    expect(ports).toHaveLength(2);
    send.close();
    send.close();
  });

  it('rejects a request posted on a port that closed unannounced, and opens a new port after it', async () => {
    const ports: ReturnType<typeof fakePort>[] = [];
    const send = createPortSender(() => ports[ports.push(fakePort()) - 1]!.port);
    void send('mark-read', { url: 'https://a.id/1' }).catch(() => undefined);
    (ports[0]!.port as { postMessage: (message: unknown) => void }).postMessage = () => {
      throw new Error('Attempting to use a disconnected port object');
    };
    await expect(send('mark-read', { url: 'https://a.id/2' })).rejects.toThrow(/disconnected/);
    void send('mark-read', { url: 'https://a.id/3' }).catch(() => undefined);
    expect(ports).toHaveLength(2);
  });
});

describe('createPortListener', () => {
  const unused = () => {
    throw new Error('not used in this test');
  };
  const markRead: string[] = [];
  const dispatch = createDispatcher(
    new Proxy({} as Handlers, {
      get: (_target, type) =>
        type === 'mark-read' ? ({ url }: { url: string }) => (markRead.push(url), null) : unused,
    }),
    {
      extensionId: 'test',
      extensionOrigin: 'chrome-extension://test/',
      siteForUrl: (url) => (new URL(url).hostname === 'x.com' ? { id: 'x' } : null),
    },
    () => undefined,
  );

  it('answers each request posted on a request port with its id and Result, validated', async () => {
    const end = fakePort();
    createPortListener(dispatch)(end.port);
    end.receive({ id: 4, message: { type: 'mark-read', payload: { url: 'https://a.id/x' } } });
    end.receive({ id: 5, message: { type: 'mark-read', payload: { url: 42 } } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(markRead).toEqual(['https://a.id/x']);
    expect(end.posted).toHaveLength(2);
    expect(end.posted).toContainEqual({ id: 4, result: { ok: true, value: null } });
    expect(end.posted).toContainEqual({
      id: 5,
      result: { ok: false, error: expect.objectContaining({ code: 'invalid-request' }) },
    });
  });

  it('leaves other ports alone and does not answer into a closed port', async () => {
    const other = fakePort('someone-else');
    createPortListener(dispatch)(other.port);
    other.receive({ id: 1, message: { type: 'mark-read', payload: { url: 'https://a.id/y' } } });
    const closing = fakePort();
    createPortListener(dispatch)(closing.port);
    closing.receive({ id: 2, message: { type: 'mark-read', payload: { url: 'https://a.id/z' } } });
    closing.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(other.posted).toEqual([]);
    expect(closing.posted).toEqual([]);
    expect(markRead).not.toContain('https://a.id/y');
  });

  it('holds each message on a port to its sender’s rights: a content script’s port carries only the guard’s messages', async () => {
    const labels = fakePort();
    createPortListener(dispatch)(labels.port);
    labels.receive({ id: 1, message: { type: 'set-settings', payload: { strictness: 'off' } } });
    labels.receive({
      id: 2,
      message: { type: 'report-health', payload: { site: 'facebook', check: 'post', ok: false } },
    });
    const unguarded = fakePort(REQUEST_PORT, { ...CONTENT_SCRIPT, url: 'https://evil.example/' });
    createPortListener(dispatch)(unguarded.port);
    unguarded.receive({ id: 3, message: { type: 'mark-read', payload: { url: 'https://a.id/w' } } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const forbidden = { ok: false, error: expect.objectContaining({ code: 'forbidden' }) };
    expect(labels.posted).toEqual([
      { id: 1, result: forbidden },
      { id: 2, result: forbidden },
    ]);
    expect(unguarded.posted).toEqual([{ id: 3, result: forbidden }]);
    expect(markRead).not.toContain('https://a.id/w');
  });
});

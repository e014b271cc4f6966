import { browser } from 'wxt/browser';
import type { MessageType, RequestOf, ResponseOf, Result } from './protocol';
import { REQUEST_PORT, type PortReply, type PortRequest, type RequestPort } from './port';

export class MessagingError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MessagingError';
  }
}

/**
 * Sends one request to the background and unwraps its Result envelope.
 * Rejects on an error result, on no answer, and after `timeoutMs` when given.
 */
export async function send<K extends MessageType>(
  type: K,
  payload: RequestOf<K>,
  options: { timeoutMs?: number } = {},
): Promise<ResponseOf<K>> {
  const reply: Promise<Result<ResponseOf<K>> | undefined> = browser.runtime.sendMessage({ type, payload });
  return unwrap(type, await (options.timeoutMs === undefined ? reply : withTimeout(reply, options.timeoutMs)));
}

function unwrap<K extends MessageType>(type: K, result: Result<ResponseOf<K>> | undefined): ResponseOf<K> {
  if (!result || typeof result !== 'object' || !('ok' in result)) {
    throw new MessagingError('no-answer', `No answer to ${type}`);
  }
  if (!result.ok) throw new MessagingError(result.error.code, result.error.message);
  return result.value;
}

/**
 * Requests over one long-lived port to the background, opened on the first request and again
 * after the background went away (a stopped service worker). For requests a page makes often:
 * Chromium's sendMessage opens a channel per message, about 0.2 ms of the page's main thread more
 * than posting on an open port (measured with the labels bench, one message per 50 posts).
 * Rejects like `send`, and when the port closes before the answer. `close()` closes the port.
 */
export function createPortSender(connect: () => RequestPort = () => browser.runtime.connect({ name: REQUEST_PORT })) {
  let port: RequestPort | null = null;
  let nextId = 0;
  const waiting = new Map<number, (result: Result<unknown> | undefined) => void>();

  function open(): RequestPort {
    const opened = connect();
    opened.onMessage.addListener((message) => {
      const { id, result } = message as PortReply;
      waiting.get(id)?.(result);
      waiting.delete(id);
    });
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = null;
      // Every request waiting was sent on this port: only one is open at a time.
      for (const answer of waiting.values()) answer(undefined);
      waiting.clear();
    });
    return opened;
  }

  function sendOverPort<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
    const id = nextId++;
    return new Promise<ResponseOf<K>>((resolve, reject) => {
      waiting.set(id, (result) => {
        try {
          resolve(unwrap(type, result as Result<ResponseOf<K>> | undefined));
        } catch (error) {
          reject(error);
        }
      });
      try {
        port ??= open();
        port.postMessage({ id, message: { type, payload } } satisfies PortRequest);
      } catch (error) {
        // A port that closed before its disconnect event arrived: the next request opens another.
        port = null;
        waiting.delete(id);
        reject(error);
      }
    });
  }

  return Object.assign(sendOverPort, {
    close(): void {
      const closing = port;
      port = null;
      // A port closed from this end hears no disconnect of its own: answer who is waiting here.
      for (const answer of waiting.values()) answer(undefined);
      waiting.clear();
      closing?.disconnect?.();
    },
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new MessagingError('timeout', `No answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

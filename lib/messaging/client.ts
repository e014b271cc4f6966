import { browser } from 'wxt/browser';
import type { MessageType, RequestOf, ResponseOf, Result } from './protocol';

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
  const reply = browser.runtime.sendMessage({ type, payload }) as Promise<Result<ResponseOf<K>> | undefined>;
  const result = await (options.timeoutMs === undefined ? reply : withTimeout(reply, options.timeoutMs));
  if (!result || typeof result !== 'object' || !('ok' in result)) {
    throw new MessagingError('no-answer', `No answer to ${type}`);
  }
  if (!result.ok) throw new MessagingError(result.error.code, result.error.message);
  return result.value;
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

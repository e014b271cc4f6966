import { REQUEST_PORT, type PortReply, type PortRequest, type RequestPort } from './port';
import { requestSchemas, type MessageType, type RequestOf, type ResponseOf, type Result } from './protocol';
import { classifySender, senderRefusal, type MessageSender, type SenderContext } from './senders';

export type { MessageSender } from './senders';

export type Handlers = {
  [K in MessageType]: (payload: RequestOf<K>, sender: MessageSender) => Promise<ResponseOf<K>> | ResponseOf<K>;
};

export type Dispatch = (message: unknown, sender: MessageSender) => Promise<Result<unknown>>;

function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(requestSchemas, type);
}

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.map(String).join('.') : '(payload)'}: ${issue.message}`)
    .join('; ');
}

const logRefusal = (why: string) => console.warn(`[saring] refused ${why}`);

/**
 * Checks who sent `{type, payload}` (lib/messaging/senders.ts: refused and logged unless the type's
 * audience includes the sender), validates the payload against the protocol's zod schemas and runs
 * the matching handler. Always resolves with a Result envelope: nothing thrown by a handler
 * crosses the boundary.
 */
export function createDispatcher(handlers: Handlers, senders: SenderContext, onRefused = logRefusal): Dispatch {
  return async (message, sender) => {
    if (!message || typeof message !== 'object' || !('type' in message)) {
      return { ok: false, error: { code: 'invalid-request', message: 'A request is an object {type, payload}' } };
    }
    const { type, payload } = message as { type: unknown; payload?: unknown };
    if (!isMessageType(type)) {
      return {
        ok: false,
        error: { code: 'unknown-type', message: `Unknown request type: ${String(type).slice(0, 64)}` },
      };
    }
    const refusal = senderRefusal(type, classifySender(sender, senders), payload);
    if (refusal !== null) {
      onRefused(refusal);
      return { ok: false, error: { code: 'forbidden', message: `Not allowed: ${refusal}` } };
    }
    const parsed = requestSchemas[type].safeParse(payload);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'invalid-request', message: `Invalid ${type} payload: ${describeIssues(parsed.error.issues)}` },
      };
    }
    try {
      // The schema table and the handler table share their keys, so this pairing is sound.
      const handler = handlers[type] as (payload: unknown, sender: MessageSender) => unknown;
      const value = await handler(parsed.data, sender);
      return { ok: true, value };
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'failed', message: `${type} failed: ${text}` } };
    }
  };
}

/**
 * A runtime.onMessage listener for `dispatch`. When the caller passes `sendResponse` (Chrome, the
 * webextension-polyfill, Firefox) it answers through it and returns `true` to keep the channel
 * open; without one (WXT's fake browser) the returned promise is the answer.
 */
export function createMessageListener(dispatch: Dispatch) {
  return (
    message: unknown,
    sender: MessageSender,
    sendResponse?: (response: unknown) => void,
  ): true | Promise<Result<unknown>> => {
    const reply = dispatch(message, sender);
    if (typeof sendResponse !== 'function') return reply;
    void reply.then(sendResponse);
    return true;
  };
}

/** A port's end in the background: what createPortListener needs of a runtime.Port. */
export type RequestPortEnd = RequestPort & { name: string; sender?: MessageSender };

/**
 * A runtime.onConnect listener for `dispatch` on REQUEST_PORT ports: each `{id, message}` posted is
 * answered with `{id, result}` on the same port. Other ports are left to their own listeners.
 */
export function createPortListener(dispatch: Dispatch) {
  return (port: RequestPortEnd): void => {
    if (port.name !== REQUEST_PORT) return;
    port.onMessage.addListener((posted) => {
      const { id, message } = (posted ?? {}) as Partial<PortRequest>;
      if (typeof id !== 'number') return;
      void dispatch(message, port.sender ?? {}).then((result) => {
        try {
          port.postMessage({ id, result } satisfies PortReply);
        } catch {
          // The page closed or navigated away before the answer: no one is waiting.
        }
      });
    });
  };
}

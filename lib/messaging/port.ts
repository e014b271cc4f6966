import type { Envelope, Result } from './protocol';

/** The name of the long-lived port requests are posted on (see createPortSender). */
export const REQUEST_PORT = 'saring-requests';

/** A request on the port: the message `send` would send, numbered to pair it with its answer. */
export interface PortRequest {
  id: number;
  message: Envelope;
}

export interface PortReply {
  id: number;
  result: Result<unknown>;
}

/** What both ends use of a runtime.Port. */
export interface RequestPort {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect?(): void;
}

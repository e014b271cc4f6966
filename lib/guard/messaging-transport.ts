import { send } from '../messaging/client';
import { shareCheckTimeout } from './check';
import type { GuardTransport } from './types';

/**
 * The guard's transport over extension messaging (content scripts and the demo page).
 * Reports are fire-and-forget: a lost count must never get in the way of a share.
 */
export function messagingTransport(checkTimeoutMs: number): GuardTransport {
  const fireAndForget = (promise: Promise<unknown>) => void promise.catch(() => undefined);
  return {
    checkShare: (request) => send('check-share', request, { timeoutMs: shareCheckTimeout(checkTimeoutMs, request) }),
    recordOutcome: (request) => fireAndForget(send('record-outcome', request)),
    openRead: (url) => fireAndForget(send('open-read', { url })),
    markRead: (url) => fireAndForget(send('mark-read', { url })),
    reportHealth: (request) => fireAndForget(send('report-health', request)),
  };
}

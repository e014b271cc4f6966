import type { GuardTransport } from './types';

export type HealthReport = (ok: boolean, detail?: string) => void;

/**
 * Tells the background whether the adapter still finds what it needs, at most once per page
 * for each distinct report, so a feed full of posts does not flood the background.
 */
export function healthReporter(site: string, transport: GuardTransport): HealthReport {
  const sent = new Set<string>();
  return (ok, detail) => {
    const key = ok ? 'ok' : `failed:${detail ?? ''}`;
    if (sent.has(key)) return;
    sent.add(key);
    transport.reportHealth(ok || detail === undefined ? { site, ok } : { site, ok, detail });
  };
}

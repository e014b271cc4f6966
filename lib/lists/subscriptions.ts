import { isPublicKey } from './signature';

/** Subscriptions to published lists: which URLs are allowed, one-click links, sync cadence. */

export const HOUR_MS = 3_600_000;
export const DEFAULT_REFRESH_MS = 6 * HOUR_MS;
export const MIN_REFRESH_MS = HOUR_MS;
export const MAX_REFRESH_MS = 7 * 24 * HOUR_MS;
/** First retry after a failed sync; doubles with each failure up to the list's own cadence. */
export const FIRST_RETRY_MS = 5 * 60_000;

/** Hosts on this machine: lists there are publishers testing before they host them. */
const LOCAL_HOSTS = ['localhost', '127.0.0.1'];

export function isLocalHost(hostname: string): boolean {
  return LOCAL_HOSTS.includes(hostname);
}

/**
 * The hosts lists may come from, as optional host permissions (asked for when needed, never at
 * install): any https host, and plain http on this machine.
 */
export const LIST_HOST_PATTERNS = ['https://*/*', ...LOCAL_HOSTS.map((host) => `http://${host}/*`)];

/**
 * The permission pattern for a list's host. Without a port: Chromium's patterns match every port
 * then, and Firefox's have none.
 */
export function listHostPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

/**
 * https anywhere; plain http only on this machine. Returned in normal form (as the URL parser
 * writes it, without a fragment, which never reaches the host), so one list has one address.
 */
export function checkListUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('Not a web address');
  }
  url.hash = '';
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLocalHost(url.hostname))) return url;
  throw new Error('A list address must start with https:// (http:// only for localhost)');
}

/** Whether two list addresses name the same list (`HTTPS://Lists.Example:443/a.json#x` is `https://lists.example/a.json`). */
export function sameListUrl(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  try {
    return checkListUrl(a).href === checkListUrl(b).href;
  } catch {
    return a === b;
  }
}

export interface SubscribeRequest {
  url: string;
  key?: string;
}

/**
 * Reads a one-click link's fragment: `#subscribe=<encoded list URL>[&key=<base64 key>]`.
 * Null when the fragment asks for nothing; throws when it asks for something unacceptable.
 */
export function parseSubscribeLink(hash: string): SubscribeRequest | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const url = params.get('subscribe');
  if (url === null) return null;
  const href = checkListUrl(url).href;
  // URLSearchParams turns an unencoded `+` of a base64 key into a space.
  const key = params.get('key')?.replace(/ /g, '+');
  if (key === undefined || key === '') return { url: href };
  if (!isPublicKey(key)) throw new Error('The key in the link is not an Ed25519 public key');
  return { url: href, key };
}

/** The link a publisher shares so people subscribe with one click. */
export function subscribeLink(optionsPageUrl: string, request: SubscribeRequest): string {
  const params = new URLSearchParams({ subscribe: request.url, ...(request.key ? { key: request.key } : {}) });
  return `${optionsPageUrl}#${params}`;
}

const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** The list's `refresh` hint (ISO 8601 duration) in ms, clamped to 1 hour … 7 days; 6 h when absent or unreadable. */
export function refreshIntervalMs(refresh: string | undefined): number {
  const parts = refresh === undefined ? null : DURATION.exec(refresh.trim().toUpperCase());
  if (!parts || refresh!.trim().toUpperCase().endsWith('T')) return DEFAULT_REFRESH_MS;
  const [weeks, days, hours, minutes, seconds] = parts.slice(1).map((part) => Number(part ?? 0));
  const ms = ((((weeks! * 7 + days!) * 24 + hours!) * 60 + minutes!) * 60 + seconds!) * 1_000;
  if (ms === 0) return DEFAULT_REFRESH_MS;
  return Math.min(MAX_REFRESH_MS, Math.max(MIN_REFRESH_MS, ms));
}

/** Wait before the next attempt after `failures` failures in a row: 5 min, 10, 20 … at most the cadence. */
export function retryDelayMs(failures: number, refreshMs: number): number {
  return Math.min(refreshMs, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
}

const ALARM_PREFIX = 'sync-list:';
export const syncAlarmName = (listId: string) => `${ALARM_PREFIX}${listId}`;
export const listIdOfAlarm = (name: string): string | null =>
  name.startsWith(ALARM_PREFIX) ? name.slice(ALARM_PREFIX.length) : null;

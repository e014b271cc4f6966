import type { Browser } from 'wxt/browser';
import type { MessageType } from './protocol';

export type MessageSender = Browser.runtime.MessageSender;

/**
 * Who may send a message:
 * - `guard`: the share guard, in a content script on a guarded site (and on the extension's own
 *   pages that run it: the demo feed, the share-check page). A content script speaks only for
 *   the site it runs on; the page around it is not on the person's side, so these messages do no
 *   more than check, count, and remember what the person opened.
 * - `extension-page`: the extension's own pages (popup, options, demo, share-check), top level in
 *   their tab or in no tab: settings, lists, statistics, the reading history.
 * - `share-check-page`: only the share-check page, top level in its tab (it lets that tab through).
 */
export type Audience = 'guard' | 'extension-page' | 'share-check-page';

/** Every message type's audience; a type missing here does not compile, and a unit test says so too. */
export const SENDER_POLICY = {
  'check-share': 'guard',
  'match-posts': 'guard',
  'match-pictures': 'guard',
  'read-pictures': 'guard',
  'record-outcome': 'guard',
  'mark-read': 'guard',
  'open-read': 'guard',
  'report-health': 'guard',
  'get-ui-strings': 'guard',
  'get-page-status': 'extension-page',
  'set-site-enabled': 'extension-page',
  'set-site-labels': 'extension-page',
  snooze: 'extension-page',
  'get-options-state': 'extension-page',
  'set-settings': 'extension-page',
  'allow-share-intent': 'share-check-page',
  'preview-list': 'extension-page',
  'subscribe-list': 'extension-page',
  'remove-list': 'extension-page',
  'restore-list': 'extension-page',
  'sync-lists': 'extension-page',
  'import-list': 'extension-page',
  'export-list': 'extension-page',
  'get-stats': 'extension-page',
  'reset-stats': 'extension-page',
  'forget-read-links': 'extension-page',
  'store-classroom-list': 'extension-page',
} as const satisfies Record<MessageType, Audience>;

/** The page that asks before a share-intent link (facebook.com/sharer …) continues. */
export const SHARE_CHECK_PATH = '/share-check.html';

/** What a sender is, as far as the browser's `sender` says. */
export type SenderKind =
  | { from: 'extension-page'; path: string; inTab: boolean }
  | { from: 'content-script'; site: string }
  | { from: 'unknown'; why: string };

export interface SenderContext {
  /** runtime.id */
  extensionId: string;
  /** runtime.getURL('/'): `chrome-extension://<id>/`, `moz-extension://<uuid>/`. */
  extensionOrigin: string;
  /** The guarded site a page URL belongs to. */
  siteForUrl(url: string): { id: string } | null;
}

/**
 * Tells the extension's own pages from content scripts by what the browser fills in, the same in
 * Chromium and Firefox: `id` (this extension), `url` (the sending frame's document), `tab` (absent
 * for the popup), `frameId` (0 at the top of a tab). An extension page inside a frame of some
 * other page (share-check.html is web-accessible, so a web page can frame it) is no extension
 * page here; a content script must be in a tab, on a site Saring guards.
 */
export function classifySender(sender: MessageSender, context: SenderContext): SenderKind {
  if (sender.id !== context.extensionId) return { from: 'unknown', why: 'another extension' };
  const url = sender.url ?? '';
  if (url.startsWith(context.extensionOrigin)) {
    const inTab = sender.tab !== undefined;
    if (inTab && sender.frameId !== 0) return { from: 'unknown', why: 'an extension page inside a frame' };
    return { from: 'extension-page', path: new URL(url).pathname, inTab };
  }
  if (!sender.tab) return { from: 'unknown', why: 'no tab and no extension page' };
  const site = context.siteForUrl(url);
  if (!site) return { from: 'unknown', why: 'a page Saring does not guard' };
  return { from: 'content-script', site: site.id };
}

/** Null when `kind` may send `type` with `payload`; otherwise why not, in words for the log. */
export function senderRefusal(type: MessageType, kind: SenderKind, payload: unknown): string | null {
  if (kind.from === 'unknown') return `${type} from ${kind.why}`;
  const audience: Audience = SENDER_POLICY[type];
  if (kind.from === 'content-script') {
    if (audience !== 'guard') return `${type} is for the extension's own pages, not a content script`;
    const site = (payload as { site?: unknown } | null | undefined)?.site;
    if (site !== undefined && site !== kind.site)
      return `${type} for site "${typeof site === 'string' ? site.slice(0, 32) : typeof site}" from a page of "${kind.site}"`;
    return null;
  }
  if (audience === 'share-check-page' && !(kind.path === SHARE_CHECK_PATH && kind.inTab)) {
    return `${type} comes only from the share-check page in its tab`;
  }
  return null;
}

/** Whether a sender is in a private (incognito) window: nothing it does is remembered. */
export function isPrivateSender(sender: MessageSender): boolean {
  return sender.tab?.incognito === true;
}

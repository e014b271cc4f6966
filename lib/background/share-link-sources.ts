import { normalizeUrl } from '../core/url';
import { browser } from 'wxt/browser';
import { parseShareIntent, SHARE_INTENTS } from '../share-intents';

/** Longest wait from opening a share link to its check: the check page asks at once. */
export const SOURCE_HELD_MS = 60_000;

/**
 * The page a share link (a news site's "share on Facebook", `facebook.com/sharer?u=…`) was opened
 * from, per tab, held in memory until that tab's check and never stored. Sharing the page you are
 * on is sharing an article you have open, so for that one check the page is no unread link; no
 * other browsing is looked at (see README, Privacy).
 */
export class ShareLinkSources {
  private readonly pending = new Map<number, { pages: Promise<string | null>[]; at: number }>();

  constructor(
    /** The address of the document in a tab's frame (webNavigation.getFrame). */
    private readonly frameUrl: (tabId: number, frameId: number) => Promise<string | undefined>,
    private readonly now: () => number,
  ) {}

  /** A share link starts loading in `tabId`, opened from the document in `source` (the same tab when it navigates itself). */
  opened(tabId: number, source: { tabId: number; frameId: number }): void {
    const page = this.frameUrl(source.tabId, source.frameId).then(
      (url) => (url ? normalizeUrl(url) : null),
      () => null,
    );
    const entry = this.pending.get(tabId);
    if (entry && this.now() - entry.at <= SOURCE_HELD_MS) entry.pages.push(page);
    else this.pending.set(tabId, { pages: [page], at: this.now() });
  }

  /** The normalised page the share link in `tabId` was opened from, once; null when none or too long ago. */
  async take(tabId: number): Promise<string | null> {
    const entry = this.pending.get(tabId);
    this.pending.delete(tabId);
    if (!entry || this.now() - entry.at > SOURCE_HELD_MS) return null;
    return (await Promise.all(entry.pages)).find((page) => page !== null) ?? null;
  }
}

/**
 * Notes where share links are opened from: the same tab navigating, or a new tab or window a page
 * opened. Only navigations to share-intent hosts reach these listeners (the filter), so no other
 * navigation wakes the worker or is seen.
 */
export function watchShareLinkSources(sources: ShareLinkSources): void {
  const filter = {
    url: [...new Set(SHARE_INTENTS.flatMap((intent) => intent.hosts))].map((host) => ({ hostEquals: host })),
  };
  browser.webNavigation.onBeforeNavigate.addListener(({ tabId, frameId, url }) => {
    if (frameId === 0 && parseShareIntent(url)) sources.opened(tabId, { tabId, frameId });
  }, filter);
  browser.webNavigation.onCreatedNavigationTarget.addListener(({ tabId, url, sourceTabId, sourceFrameId }) => {
    if (parseShareIntent(url)) sources.opened(tabId, { tabId: sourceTabId, frameId: sourceFrameId });
  }, filter);
}

export function frameUrlOf(tabId: number, frameId: number): Promise<string | undefined> {
  return browser.webNavigation.getFrame({ tabId, frameId }).then((frame) => frame?.url);
}

import type { Expectation, SiteAdapter } from '../sites/types';
import { queryAllOf } from './dom';
import { findAction } from './find-action';
import type { HealthReport } from './health';
import { trustedByBrowser, type IsTrusted } from './trust';

/**
 * Site health from the adapter's own expectations: once a page has settled, and right after a
 * share menu was opened, are the anchors the adapter relies on there? Checking only ever
 * reports; it never blocks or changes the page, so a site that changed fails open.
 */

export interface ExpectationTiming {
  /** Quiet time after the last DOM change before the page counts as settled. */
  settleMs: number;
  /** How long after load page expectations may take before they count as failed. */
  giveUpMs: number;
  /** How long a menu or sheet may take to show its share items after its opener was clicked. */
  openedWithinMs: number;
}

const OPENER_EVENTS = ['click', 'contextmenu'] as const;

export const EXPECTATION_TIMING: ExpectationTiming = { settleMs: 1_000, giveUpMs: 10_000, openedWithinMs: 2_000 };

/** The adapter's expectations of one kind that apply at this path (before `onlyIf`, checked later). */
export function expectationsFor(adapter: SiteAdapter, when: Expectation['when'], pathname: string): Expectation[] {
  return (adapter.expects ?? []).filter(
    (expectation) =>
      expectation.when === when &&
      (expectation.paths === undefined || expectation.paths.some((p) => pathMatches(p, pathname))),
  );
}

/** Whether the expectation concerns this page now: its `onlyIf` (an open chat, say) is present. */
export function appliesTo(root: ParentNode, expectation: Expectation): boolean {
  return expectation.onlyIf === undefined || queryAllOf(root, expectation.onlyIf).length > 0;
}

export function isMet(root: ParentNode, expectation: Expectation): boolean {
  return queryAllOf(root, expectation.anchors).length > 0;
}

function pathMatches(pattern: string, pathname: string): boolean {
  try {
    return new RegExp(pattern).test(pathname);
  } catch {
    return false;
  }
}

export interface WatchOptions {
  adapter: SiteAdapter;
  document: Document;
  report: HealthReport;
  timing?: ExpectationTiming;
  /** Which input is the person's (the browser's `isTrusted` unless given): a page's own clicks on openers prove nothing. */
  isTrusted?: IsTrusted;
}

/**
 * Checks the adapter's expectations on a live document: page ones when the page settles after
 * load (debounced MutationObserver, then an idle callback), `opened` ones after each click or
 * right-click on an `opens` action. Returns a function that stops all checking.
 */
export function watchExpectations({
  adapter,
  document: doc,
  report,
  timing = EXPECTATION_TIMING,
  isTrusted = trustedByBrowser,
}: WatchOptions): () => void {
  const win = doc.defaultView;
  if (!win || !adapter.expects?.length) return () => {};
  const view: Window & typeof globalThis = win;
  const stops = new Set<() => void>();

  /** Health checking must never break the page: any surprise just skips the check. */
  const safely =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A): void => {
      try {
        fn(...args);
      } catch {
        // Skipped: a failed check is not evidence about the site.
      }
    };

  const whenIdle = (fn: () => void): void => {
    if (typeof view.requestIdleCallback === 'function') view.requestIdleCallback(safely(fn), { timeout: 1_000 });
    else view.setTimeout(safely(fn), 0);
  };

  /**
   * Watches the DOM until every expectation is met or `deadlineMs` passes; reports each once.
   * Returns how to stop watching early.
   */
  function watch(pending: Expectation[], deadlineMs: number, debounceMs: number): (() => void) | undefined {
    if (!pending.length) return undefined;
    let settleTimer: number | undefined;
    const check = (final: boolean): void => {
      for (const expectation of [...pending]) {
        if (!appliesTo(doc, expectation)) {
          if (final) pending.splice(pending.indexOf(expectation), 1);
          continue;
        }
        if (isMet(doc, expectation)) report(expectation.name, true);
        else if (final) report(expectation.name, false);
        else continue;
        pending.splice(pending.indexOf(expectation), 1);
      }
      if (!pending.length || final) stop();
    };
    const observer = new view.MutationObserver(
      safely(() => {
        view.clearTimeout(settleTimer);
        settleTimer = view.setTimeout(() => whenIdle(() => check(false)), debounceMs);
      }),
    );
    const deadline = view.setTimeout(
      safely(() => check(true)),
      deadlineMs,
    );
    const stop = (): void => {
      observer.disconnect();
      view.clearTimeout(settleTimer);
      view.clearTimeout(deadline);
      stops.delete(stop);
    };
    stops.add(stop);
    // Added and removed nodes only: attribute changes are frequent and never bring anchors.
    observer.observe(doc.documentElement, { childList: true, subtree: true });
    whenIdle(() => check(false));
    return stop;
  }

  const startPageChecks = safely(() =>
    watch(expectationsFor(adapter, 'page', view.location.pathname), timing.giveUpMs, timing.settleMs),
  );
  /** One opened-menu check at a time: a new opener click replaces the last one's. */
  let stopOpenedCheck: (() => void) | undefined;
  const onOpener = safely((event: Event) => {
    if (!isTrusted(event)) return;
    const trigger = event.type === 'contextmenu' ? 'contextmenu' : 'click';
    if (findAction(adapter, event.composedPath(), trigger)?.rule.step !== 'opens') return;
    stopOpenedCheck?.();
    // No debounce: the items count as soon as they are there.
    stopOpenedCheck = watch(expectationsFor(adapter, 'opened', view.location.pathname), timing.openedWithinMs, 0);
  });

  if (doc.readyState === 'complete') startPageChecks();
  else view.addEventListener('load', startPageChecks, { once: true });
  // A right-click opens a menu too, on sites whose adapter says so (`on: 'contextmenu'`).
  for (const type of OPENER_EVENTS) view.addEventListener(type, onOpener, true);
  return () => {
    view.removeEventListener('load', startPageChecks);
    for (const type of OPENER_EVENTS) view.removeEventListener(type, onOpener, true);
    for (const stop of [...stops]) stop();
  };
}

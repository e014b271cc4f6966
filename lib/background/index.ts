import { browser, type Browser } from 'wxt/browser';
import { createDispatcher, createMessageListener, createPortListener } from '../messaging/dispatcher';
import { resolveLanguage } from '../i18n';
import { pruneReadLinks } from '../read-links';
import { buildIntentRules, INTENT_RULE_ID_BASE } from '../share-intents';
import type { BackgroundContext } from './context';
import { createContextMenus, onContextMenuClick } from './context-check';
import type { LoadedIndex } from './list-index';
import { createHandlers } from './handlers';
import { clearSharePasses, endSharePassOnCommit } from './share-intent-pass';
import { watchShareLinkSources } from './share-link-sources';
import { hasStoredLists, installStarterList, STARTER_LIST_PATH, starterListTurnedOff } from './starter-list';
import { listStoreOf, startListSync } from './lists';
import { CLOSE_OCR_ALARM } from '../ocr/read-picture-text';

export const PRUNE_ALARM = 'prune-read-links';

const log = (what: string) => (error: unknown) => console.error(`[saring] ${what}:`, error);

/**
 * Installs (or reinstalls) the bundled starter list, then rebuilds the matcher from storage.
 * A first start asks twice (empty storage, then onInstalled): calls share the install in flight.
 */
function starterListRefresher(context: BackgroundContext): () => Promise<LoadedIndex> {
  let inFlight: Promise<LoadedIndex> | null = null;
  const install = async () => {
    if (await starterListTurnedOff(context.db)) return;
    const { record, ms } = await installStarterList(listStoreOf(context), browser.runtime.getURL(STARTER_LIST_PATH));
    console.info(
      `[saring] starter list: ${record.itemCount} items (${record.skipped} skipped) stored in ${ms.toFixed(0)} ms`,
    );
  };
  // The install serves the new index when stored; a turned-off starter list leaves the index as it is.
  return () =>
    (inFlight ??= install()
      .then(() => context.index.get())
      .finally(() => {
        inFlight = null;
      }));
}

/** Replaces Saring's share-intent redirects with the current set. */
export async function installIntentRules(): Promise<void> {
  const rules = buildIntentRules(browser.runtime.getURL('/share-check.html'));
  const existing = await browser.declarativeNetRequest.getDynamicRules();
  await browser.declarativeNetRequest.updateDynamicRules({
    removeRuleIds: existing.filter((rule) => rule.id >= INTENT_RULE_ID_BASE).map((rule) => rule.id),
    addRules: rules,
  });
}

/**
 * Everything the service worker listens to, registered synchronously so events that woke it are
 * delivered; the work each does is async.
 */
export function startBackground(context: BackgroundContext): void {
  // Who may send what: lib/messaging/senders.ts.
  const dispatch = createDispatcher(createHandlers(context), {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    siteForUrl: context.siteForUrl,
  });
  const refreshStarterList = starterListRefresher(context);
  // The listener answers with a promise, which the browser awaits (and sendResponse for old Chrome).
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener(createMessageListener(dispatch));
  browser.runtime.onConnect.addListener(createPortListener(dispatch));

  browser.runtime.onInstalled.addListener(({ reason }: Browser.runtime.InstalledDetails) => {
    if (reason === 'install' || reason === 'update') void refreshStarterList().catch(log('starter list'));
    void createContextMenus(resolveLanguage('auto', context.browserUiLanguage())).catch(log('context menu'));
    void installIntentRules().catch(log('share-intent rules'));
  });
  browser.contextMenus.onClicked.addListener(
    (info, tab) => void onContextMenuClick(context, info, tab).catch(log('context menu check')),
  );
  browser.runtime.onStartup.addListener(() => void installIntentRules().catch(log('share-intent rules')));

  // Navigations are not reading: only what the person opens from a post, or through "Read first", is
  // remembered (the mark-read and open-read messages). The page a share link is opened from is
  // held for that link's check only.
  browser.webNavigation.onCommitted.addListener(
    (details) => void endSharePassOnCommit(details).catch(log('share pass')),
  );
  if (context.shareLinkSources) watchShareLinkSources(context.shareLinkSources);

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PRUNE_ALARM) void pruneReadLinks(context.db, context.now()).catch(log('prune'));
    if (alarm.name === CLOSE_OCR_ALARM) void context.pictureText?.close().catch(log('closing OCR'));
  });
  void context.pictureText?.restoreAlarm().catch(log('OCR alarm'));
  // Alarms can go missing (browser updates, profile restores): re-create on every start.
  void browser.alarms
    .get(PRUNE_ALARM)
    .then(async (alarm) => {
      if (!alarm) await browser.alarms.create(PRUNE_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 1 });
    })
    .catch(log('prune alarm'));

  startListSync(context);
  void clearSharePasses().catch(log('share passes'));
  // Wake-up: build the matcher now so the first check-share finds it ready; install the starter
  // list if storage is empty (a failed or interrupted first install).
  void hasStoredLists(context.db)
    .then((stored) => (stored ? context.index.get() : refreshStarterList()))
    .then(({ matcher, readMs, buildMs }) =>
      console.info(
        `[saring] matcher: ${matcher.size} items, read ${readMs.toFixed(0)} ms, built ${buildMs.toFixed(0)} ms`,
      ),
    )
    .catch(log('list index'));
}

import { isGuarded, isSnoozed } from '../core/verdict';
import { type Settings, SHARE_LINK_SITE_ID } from '../core/vocabulary';
import { browser } from 'wxt/browser';
import { resolveLanguage, uiStrings } from '../i18n';
import type { Handlers } from '../messaging/dispatcher';
import type { PageStatus } from '../messaging/protocol';
import { isPrivateSender } from '../messaging/senders';
import { countReadLinks, forgetReadLinks, rememberRead } from '../read-links';
import { updateSettings } from '../settings';
import { storeClassroomList } from '../classroom/store-list';
import { countOutcome, dayCounts, localDay, resetStats, statsReport } from '../stats';
import { checkShare } from './check-share';
import { matchPictures, PendingReadings } from './match-pictures';
import { matchPosts } from './match-posts';
import type { BackgroundContext } from './context';
import { recordHealth, siteHealthOf } from './health';
import { grantReads, readableUrls, readGranted } from './read-grants';
import { grantSharePass } from './share-intent-pass';
import { createListHandlers, listStoreOf, listSyncOf, listViews } from './lists';
import { readManagedPolicy } from './managed';

/** Only web pages are opened for "Read first" (a page could ask for anything). */
function assertWebUrl(raw: string): string {
  const url = new URL(raw);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('Only http(s) links can be opened');
  return url.href;
}

/** Whether the administrator's policy fixes the strictness. */
async function strictnessLocked(): Promise<boolean> {
  return (await readManagedPolicy()).strictness !== undefined;
}

/** A locked strictness is not to be undone by a snooze or by turning Saring off on a site. */
async function refuseIfLocked(what: string): Promise<void> {
  if (await strictnessLocked()) throw new Error(`${what} is set by your organisation's policy`);
}

export function createHandlers(context: BackgroundContext): Handlers {
  const { db, settings: settingsItem, now } = context;
  const language = (settings: Settings) => resolveLanguage(settings.language, context.browserUiLanguage());
  const readings = new PendingReadings();

  return {
    // Nothing from a private window is written: no read links, no counts, no health reports.
    'check-share': async (request, sender) => {
      // A share link shares, most often, the page it was opened from: that page is open, not unread.
      const tabId = sender.tab?.id;
      const openPage =
        request.site === SHARE_LINK_SITE_ID && tabId !== undefined
          ? ((await context.shareLinkSources?.take(tabId)) ?? null)
          : null;
      const check = () => checkShare(context, request, { count: !isPrivateSender(sender), openPage });
      // No picture's text is read while a share is checked, nor for a moment after.
      const answer = await (context.quietReader ? context.quietReader.during(check) : check());
      // "Read first" may then open what this prompt offers, in this tab, and nothing else.
      if (answer.ask && tabId !== undefined) await grantReads(tabId, readableUrls(answer), now());
      return answer;
    },

    'match-posts': (request) => matchPosts(context, request),

    'match-pictures': (request, sender) => matchPictures(context, request, readings, sender.tab?.id),

    'read-pictures': async ({ site, reading }, sender) => ({
      labels: await readings.take(reading, sender.tab?.id, site),
      language: language(await settingsItem.getValue()),
    }),

    'record-outcome': async ({ site, outcome }, sender) => {
      if (!isPrivateSender(sender)) await countOutcome(db, site, outcome, now());
      return null;
    },

    'open-read': async ({ url }, sender) => {
      const href = assertWebUrl(url);
      if (!(await readGranted(sender.tab?.id, href, now())))
        throw new Error('Read first opens only what its prompt offered');
      // Beside the tab it was asked from, in its window (a private window stays private).
      await browser.tabs.create({ url: href, ...(sender.tab ? { windowId: sender.tab.windowId } : {}) });
      if (!isPrivateSender(sender)) await rememberRead(db, href, now());
      return null;
    },

    'mark-read': async ({ url }, sender) => {
      if (!isPrivateSender(sender)) await rememberRead(db, url, now());
      return null;
    },

    'report-health': async (report, sender) => {
      if (!isPrivateSender(sender)) await recordHealth(db, report, now());
      return null;
    },

    'get-ui-strings': ({ language }) => uiStrings(language),

    'get-page-status': async ({ url }): Promise<PageStatus> => {
      const settings = await settingsItem.getValue();
      const site = context.siteForUrl(url);
      const siteEnabled = site !== null && !settings.disabledSites.includes(site.id);
      return {
        site: site && { id: site.id, name: site.name },
        siteEnabled,
        guarded: site !== null && isGuarded(settings, site.id, now()),
        snoozedUntil: isSnoozed(settings, now()) ? settings.snoozedUntil : null,
        today: await dayCounts(db, localDay(now())),
        language: language(settings),
        strictnessLocked: await strictnessLocked(),
      };
    },

    'set-site-enabled': async ({ site, enabled }) => {
      await refuseIfLocked('Where Saring asks');
      await updateSettings(settingsItem, ({ disabledSites }) => ({
        disabledSites: enabled ? disabledSites.filter((id) => id !== site) : [...new Set([...disabledSites, site])],
      }));
      return null;
    },

    'set-site-labels': async ({ site, enabled }) => {
      await updateSettings(settingsItem, ({ labelsOffSites }) => ({
        labelsOffSites: enabled ? labelsOffSites.filter((id) => id !== site) : [...new Set([...labelsOffSites, site])],
      }));
      return null;
    },

    snooze: async ({ minutes }) => {
      await refuseIfLocked('When Saring asks');
      const { snoozedUntil } = await updateSettings(settingsItem, () => ({
        snoozedUntil: minutes === 0 ? null : now() + minutes * 60_000,
      }));
      return { snoozedUntil };
    },

    'get-options-state': async () => {
      const [settings, health, policy, readLinks] = await Promise.all([
        settingsItem.getValue(),
        db.siteHealth.toArray(),
        readManagedPolicy(),
        countReadLinks(db, now()),
      ]);
      const lists = await listViews(db, listStoreOf(context), listSyncOf(context), policy);
      const healthBySite = new Map(health.map((record) => [record.site, record]));
      return {
        settings,
        language: language(settings),
        sites: context.sites.map(({ id, name }) => ({
          id,
          name,
          enabled: !settings.disabledSites.includes(id),
          // Share links are checked one at a time, never shown in a feed: no labels there.
          ...(id === SHARE_LINK_SITE_ID ? {} : { labels: !settings.labelsOffSites.includes(id) }),
          health: siteHealthOf(healthBySite.get(id), now()),
        })),
        lists,
        strictnessLocked: policy.strictness !== undefined,
        readLinks,
      };
    },

    'set-settings': async (change) => {
      // A strictness fixed by the administrator's policy is not the person's to change.
      const locked = await strictnessLocked();
      return updateSettings(settingsItem, () => ({
        ...(change.strictness === undefined || locked ? {} : { strictness: change.strictness }),
        ...(change.language === undefined ? {} : { language: change.language }),
        ...(change.pictureChecks === undefined ? {} : { pictureChecks: change.pictureChecks }),
        ...(change.pictureText === undefined ? {} : { pictureText: change.pictureText }),
      }));
    },

    'allow-share-intent': async ({ url }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Error('allow-share-intent comes from a tab');
      await grantSharePass(tabId, assertWebUrl(url));
      return null;
    },

    'get-stats': ({ days }) => statsReport(db, now(), days),

    'reset-stats': async () => {
      await resetStats(db);
      return null;
    },

    'forget-read-links': async () => ({ forgotten: await forgetReadLinks(db) }),

    'store-classroom-list': ({ list }) => storeClassroomList(listStoreOf(context), list),

    ...createListHandlers(context),
  };
}

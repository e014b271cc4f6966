import { browser } from 'wxt/browser';
import { resolveLanguage } from '../i18n';
import type { Handlers } from '../messaging/dispatcher';
import { SHARE_LINK_SITE_ID, type PageStatus, type Settings } from '../messaging/protocol';
import { rememberRead } from '../read-links';
import { isSnoozed, updateSettings } from '../settings';
import { storeClassroomList } from '../classroom/store-list';
import { countOutcome, dayCounts, localDay, resetStats, statsReport } from '../stats';
import { checkShare } from './check-share';
import { matchPosts } from './match-posts';
import type { BackgroundContext } from './context';
import { recordHealth, siteHealthOf } from './health';
import { grantReads, readableUrls, readGranted } from './read-grants';
import { grantSharePass } from './share-intent-pass';
import { createListHandlers, listSyncOf, listViews } from './lists';
import { readManagedPolicy } from './managed';

/** Only web pages are opened for "Read first" (a page could ask for anything). */
function assertWebUrl(raw: string): string {
  const url = new URL(raw);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('Only http(s) links can be opened');
  return url.href;
}

function isGuarded(settings: Settings, siteId: string, now: number): boolean {
  return settings.strictness !== 'off' && !isSnoozed(settings, now) && !settings.disabledSites.includes(siteId);
}

export function createHandlers(context: BackgroundContext): Handlers {
  const { db, settings: settingsItem, now } = context;
  const language = (settings: Settings) => resolveLanguage(settings.language, context.browserUiLanguage());

  return {
    'check-share': async (request, sender) => {
      const answer = await checkShare(context, request);
      // "Read first" may then open what this prompt offers, in this tab, and nothing else.
      if (answer.ask && sender.tab?.id !== undefined) await grantReads(sender.tab.id, readableUrls(answer), now());
      return answer;
    },

    'match-posts': (request) => matchPosts(context, request),

    'record-outcome': async ({ site, outcome }) => {
      await countOutcome(db, site, outcome, now());
      return null;
    },

    'open-read': async ({ url }, sender) => {
      const href = assertWebUrl(url);
      if (!(await readGranted(sender.tab?.id, href, now()))) throw new Error('Read first opens only what its prompt offered');
      await browser.tabs.create({ url: href });
      await rememberRead(db, href, now());
      return null;
    },

    'mark-read': async ({ url }) => {
      await rememberRead(db, url, now());
      return null;
    },

    'report-health': async (report) => {
      await recordHealth(db, report, now());
      return null;
    },

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
      };
    },

    'set-site-enabled': async ({ site, enabled }) => {
      await updateSettings(settingsItem, ({ disabledSites }) => ({
        disabledSites: enabled
          ? disabledSites.filter((id) => id !== site)
          : [...new Set([...disabledSites, site])],
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
      const { snoozedUntil } = await updateSettings(settingsItem, () => ({
        snoozedUntil: minutes === 0 ? null : now() + minutes * 60_000,
      }));
      return { snoozedUntil };
    },

    'get-options-state': async () => {
      const [settings, health, policy] = await Promise.all([
        settingsItem.getValue(),
        db.siteHealth.toArray(),
        readManagedPolicy(),
      ]);
      const lists = await listViews(db, listSyncOf(context), policy);
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
      };
    },

    'set-settings': async (change) => {
      // A strictness fixed by the administrator's policy is not the person's to change.
      const locked = (await readManagedPolicy()).strictness !== undefined;
      return updateSettings(settingsItem, () => ({
        ...(change.strictness === undefined || locked ? {} : { strictness: change.strictness }),
        ...(change.language === undefined ? {} : { language: change.language }),
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

    'store-classroom-list': ({ list }) => storeClassroomList(db, context.index, list, now()),

    ...createListHandlers(context),
  };
}

import { LIKELY_THRESHOLD, MATCH_THRESHOLD } from '../../lib/core/verdict';
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SHARE_LINK_SITE, type BackgroundContext } from '../../lib/background/context';
import { createHandlers } from '../../lib/background/handlers';
import { ListIndex } from '../../lib/background/list-index';
import { applyManagedPolicy } from '../../lib/background/lists';
import { NO_POLICY } from '../../lib/background/managed';
import { openDb } from '../../lib/db';
import type { Handlers } from '../../lib/messaging/dispatcher';
import { defineSettingsItem, updateSettings } from '../../lib/settings';

const NOW = Date.UTC(2026, 10, 26, 5);
const sender = { id: 'test' };
const xSite = { id: 'x', name: 'X', ownHosts: ['x.com'] };

let context: BackgroundContext;
let handlers: Handlers;

beforeEach(() => {
  fakeBrowser.reset();
  const db = openDb(`managed-lock-${Math.random()}`);
  context = {
    db,
    settings: defineSettingsItem(),
    index: new ListIndex(db),
    sites: [xSite, SHARE_LINK_SITE],
    siteForUrl: (url) => (new URL(url).hostname === 'x.com' ? xSite : null),
    matchThreshold: MATCH_THRESHOLD,
    likelyThreshold: LIKELY_THRESHOLD,
    now: () => NOW,
    browserUiLanguage: () => 'id',
  };
  handlers = createHandlers(context);
});

async function lock(strictness: 'hoax-only' | 'always' = 'always') {
  const policy = { ...NO_POLICY, strictness };
  await fakeBrowser.storage.managed.set(policy);
  await applyManagedPolicy(context, policy);
}

describe('a strictness locked by policy', () => {
  it('ends a snooze and turns Saring back on where the person had turned it off', async () => {
    await handlers.snooze({ minutes: 60 }, sender);
    await handlers['set-site-enabled']({ site: 'x', enabled: false }, sender);
    await lock();
    expect(await context.settings.getValue()).toMatchObject({
      strictness: 'always',
      snoozedUntil: null,
      disabledSites: [],
    });
    expect(await handlers['get-page-status']({ url: 'https://x.com/home' }, sender)).toMatchObject({
      guarded: true,
      siteEnabled: true,
      snoozedUntil: null,
      strictnessLocked: true,
    });
  });

  it('refuses a snooze, the per-site switch and a strictness change, in words', async () => {
    await lock('hoax-only');
    await expect(handlers.snooze({ minutes: 60 }, sender)).rejects.toThrow(/organisation/);
    await expect(handlers['set-site-enabled']({ site: 'x', enabled: false }, sender)).rejects.toThrow(/organisation/);
    expect((await handlers['set-settings']({ strictness: 'off', language: 'en' }, sender)).strictness).toBe(
      'hoax-only',
    );
    expect(await context.settings.getValue()).toMatchObject({
      strictness: 'hoax-only',
      language: 'en',
      snoozedUntil: null,
      disabledSites: [],
    });
    expect((await handlers['get-options-state']({}, sender)).strictnessLocked).toBe(true);
  });

  it('leaves inline labels to the person: they show, they do not ask', async () => {
    await lock();
    await handlers['set-site-labels']({ site: 'x', enabled: false }, sender);
    expect((await context.settings.getValue()).labelsOffSites).toEqual(['x']);
  });

  it('without a lock, snooze and the per-site switch work', async () => {
    await updateSettings(context.settings, () => ({ strictness: 'balanced' }));
    expect((await handlers.snooze({ minutes: 30 }, sender)).snoozedUntil).toBe(NOW + 30 * 60_000);
    await handlers['set-site-enabled']({ site: 'x', enabled: false }, sender);
    expect(await handlers['get-page-status']({ url: 'https://x.com/home' }, sender)).toMatchObject({
      siteEnabled: false,
      strictnessLocked: false,
    });
  });
});

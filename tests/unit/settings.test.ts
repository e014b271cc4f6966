import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, defineSettingsItem, SETTINGS_VERSION, updateSettings } from '../../lib/settings';

describe('settings item', () => {
  beforeEach(() => fakeBrowser.reset());

  it('falls back to balanced strictness and automatic language', async () => {
    const settings = defineSettingsItem();
    expect(await settings.getValue()).toEqual({
      strictness: 'balanced',
      language: 'auto',
      disabledSites: [],
      snoozedUntil: null,
    });
  });

  it('migrates a v1 value, keeping its choices and adding the new fields', async () => {
    await browser.storage.local.set({ settings: { strictness: 'hoax-only', language: 'en' } });
    const settings = defineSettingsItem();
    expect(await settings.getValue()).toEqual({ ...DEFAULT_SETTINGS, strictness: 'hoax-only', language: 'en' });
    expect(await settings.getMeta()).toEqual({ v: SETTINGS_VERSION });
  });

  it('replaces v1 values it does not know with the defaults', async () => {
    await browser.storage.local.set({ settings: { strictness: 'paranoid', language: 'fr' } });
    expect(await defineSettingsItem().getValue()).toEqual(DEFAULT_SETTINGS);
  });

  it('leaves a current value alone and records the version on first write', async () => {
    const settings = defineSettingsItem();
    await updateSettings(settings, () => ({ disabledSites: ['x'] }));
    expect(await settings.getMeta()).toEqual({ v: SETTINGS_VERSION });
    expect(await defineSettingsItem().getValue()).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['x'] });
  });
});

import { labelsOn, pictureChecksOn, pictureTextOn } from '../../lib/core/verdict';
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
      labelsOffSites: [],
      pictureChecks: true,
      pictureText: null,
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

  it('migrates a v2 value, keeping every choice and turning labels on everywhere', async () => {
    const v2 = { strictness: 'always', language: 'id', disabledSites: ['facebook'], snoozedUntil: 5 };
    await browser.storage.local.set({ settings: v2, settings$: { v: 2 } });
    const settings = defineSettingsItem();
    expect(await settings.getValue()).toEqual({ ...v2, labelsOffSites: [], pictureChecks: true, pictureText: null });
    expect(await settings.getMeta()).toEqual({ v: SETTINGS_VERSION });
  });

  it('migrates a v3 value, keeping every choice and checking pictures as the device default says', async () => {
    const v3 = {
      strictness: 'hoax-only',
      language: 'en',
      disabledSites: [],
      snoozedUntil: null,
      labelsOffSites: ['x'],
    };
    await browser.storage.local.set({ settings: v3, settings$: { v: 3 } });
    const settings = defineSettingsItem();
    expect(await settings.getValue()).toEqual({ ...v3, pictureChecks: true, pictureText: null });
    expect(await settings.getMeta()).toEqual({ v: 4 });
  });

  it("reads pictures by default, their text on a desktop only, and follows the person's choice", () => {
    expect(pictureChecksOn(DEFAULT_SETTINGS)).toBe(true);
    expect(pictureTextOn(DEFAULT_SETTINGS, false)).toBe(true);
    expect(pictureTextOn(DEFAULT_SETTINGS, true)).toBe(false);
    expect(pictureTextOn({ ...DEFAULT_SETTINGS, pictureText: true }, true)).toBe(true);
    expect(pictureTextOn({ ...DEFAULT_SETTINGS, pictureText: false }, false)).toBe(false);
    // Pictures off: their text is not read either.
    const off = { ...DEFAULT_SETTINGS, pictureChecks: false, pictureText: true };
    expect(pictureChecksOn(off)).toBe(false);
    expect(pictureTextOn(off, false)).toBe(false);
    // Settings a content script reads before the background migrated them.
    const { pictureChecks: _checks, pictureText: _text, ...stored } = DEFAULT_SETTINGS;
    expect(pictureTextOn(stored as typeof DEFAULT_SETTINGS, false)).toBe(true);
  });

  it('shows labels unless turned off for the site or Saring is off there', () => {
    const settings = { ...DEFAULT_SETTINGS, disabledSites: ['facebook'], labelsOffSites: ['x'] };
    expect(labelsOn(settings, 'threads')).toBe(true);
    expect(labelsOn(settings, 'x')).toBe(false);
    expect(labelsOn(settings, 'facebook')).toBe(false);
  });
});

import { labelsOn, pictureChecksOn, pictureTextOn } from '../../lib/core/verdict';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, defineSettingsItem, SETTINGS_VERSION, updateSettings } from '../../lib/settings';
import { readStoredSettings, watchStoredSettings } from '../../lib/settings/stored';
import type { Settings } from '../../lib/core/vocabulary';

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

  it('reads on a page as the migrations would write it, and malformed fields as the defaults', () => {
    expect(readStoredSettings({ strictness: 'hoax-only', language: 'en' })).toEqual({
      ...DEFAULT_SETTINGS,
      strictness: 'hoax-only',
      language: 'en',
    });
    const v2 = { strictness: 'always', language: 'id', disabledSites: ['facebook'], snoozedUntil: 5 } as const;
    expect(readStoredSettings(v2)).toEqual({ ...v2, labelsOffSites: [], pictureChecks: true, pictureText: null });
    expect(readStoredSettings({ pictureChecks: 'no', pictureText: false })).toEqual({
      ...DEFAULT_SETTINGS,
      pictureText: false,
    });
    expect(readStoredSettings({ disabledSites: 'x', labelsOffSites: ['x', 7, null], snoozedUntil: '5' })).toEqual({
      ...DEFAULT_SETTINGS,
      labelsOffSites: ['x'],
    });
    expect(readStoredSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('is followed on a page from browser.storage, where the settings item keeps it', async () => {
    const seen: Settings[] = [];
    const stop = watchStoredSettings(browser.storage, (settings) => seen.push(settings));
    await vi.waitFor(() => expect(seen).toEqual([DEFAULT_SETTINGS]));
    const item = defineSettingsItem();
    await updateSettings(item, () => ({ labelsOffSites: ['x'] }));
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ ...DEFAULT_SETTINGS, labelsOffSites: ['x'] }));
    stop();
    await updateSettings(item, () => ({ labelsOffSites: [] }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen.at(-1)?.labelsOffSites).toEqual(['x']);
  });
});

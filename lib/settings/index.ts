import type { Settings } from '../core/vocabulary';
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, readStoredSettings, SETTINGS_STORAGE_KEY } from './stored';

export { DEFAULT_SETTINGS };

/**
 * Version 1 held only strictness and language; version 2 had no inline labels; version 3 had no
 * picture checks. Each migrates to what a page reads from it: the choices kept, unknown values and
 * new fields as the defaults (labels on everywhere until the person turns them off for a site,
 * pictures checked as the device's default says).
 */
const MIGRATIONS = { 2: readStoredSettings, 3: readStoredSettings, 4: readStoredSettings };

export const SETTINGS_VERSION = 4;
/** Defining the item runs pending migrations, so the background defines it once at start. */
export function defineSettingsItem() {
  return storage.defineItem<Settings>(`local:${SETTINGS_STORAGE_KEY}`, {
    version: SETTINGS_VERSION,
    fallback: DEFAULT_SETTINGS,
    migrations: MIGRATIONS,
  });
}

export type SettingsItem = ReturnType<typeof defineSettingsItem>;

/** Read-modify-write; returns the settings as stored. */
export async function updateSettings(
  item: SettingsItem,
  change: (current: Settings) => Partial<Settings>,
): Promise<Settings> {
  const current = await item.getValue();
  const next = { ...current, ...change(current) };
  await item.setValue(next);
  return next;
}

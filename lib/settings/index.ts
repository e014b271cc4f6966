import { type Settings, STRICTNESS, UI_LANGUAGES } from '../core/vocabulary';
import { storage } from 'wxt/utils/storage';

export const DEFAULT_SETTINGS: Settings = {
  strictness: 'balanced',
  language: 'auto',
  disabledSites: [],
  snoozedUntil: null,
  labelsOffSites: [],
  pictureChecks: true,
  pictureText: null,
};

/** Version 1 held only the two choices the options page offered first. */
interface SettingsV1 {
  strictness?: string;
  language?: string;
}

function pick<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** v1 → v2: per-site switches and snooze arrive; unknown values fall back to the defaults. */
export function migrateSettingsV1(old: SettingsV1): Settings {
  return {
    ...DEFAULT_SETTINGS,
    strictness: pick(STRICTNESS, old.strictness, DEFAULT_SETTINGS.strictness),
    language: pick(['auto', ...UI_LANGUAGES] as const, old.language, DEFAULT_SETTINGS.language),
  };
}

/** Version 3 had no picture checks. */
type SettingsV3 = Omit<Settings, 'pictureChecks' | 'pictureText'>;

/** Version 2 had no inline labels. */
type SettingsV2 = Omit<SettingsV3, 'labelsOffSites'>;

/** v2 → v3: inline labels arrive, on everywhere until the person turns them off for a site. */
export function migrateSettingsV2(old: SettingsV2): SettingsV3 {
  return { ...old, labelsOffSites: [] };
}

/** v3 → v4: pictures in posts are checked, their text read as the device's default says. */
export function migrateSettingsV3(old: SettingsV3): Settings {
  return { ...old, pictureChecks: DEFAULT_SETTINGS.pictureChecks, pictureText: DEFAULT_SETTINGS.pictureText };
}

export const SETTINGS_VERSION = 4;
/** Where the settings item lives; content scripts read it there without migrating it. */
export const SETTINGS_KEY = 'local:settings';

/** Defining the item runs pending migrations, so the background defines it once at start. */
export function defineSettingsItem() {
  return storage.defineItem<Settings>(SETTINGS_KEY, {
    version: SETTINGS_VERSION,
    fallback: DEFAULT_SETTINGS,
    migrations: { 2: migrateSettingsV1, 3: migrateSettingsV2, 4: migrateSettingsV3 },
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

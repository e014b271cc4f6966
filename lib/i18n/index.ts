import type { UiLanguage } from '../core/vocabulary';
import en from '../../public/_locales/en/messages.json';
import id from '../../public/_locales/id/messages.json';
import { fillMessage, PAGE_MESSAGE_KEYS, type MessageKey, type UiStrings, type UiText } from './text';

/**
 * UI strings come from the same Chrome `_locales` catalogs the manifest uses, read directly
 * rather than through `browser.i18n`, so the UI can follow the language chosen in Options
 * instead of the browser's. The extension's pages and the background import them; a guarded page
 * gets one language's page strings from the background (lib/i18n/text.ts).
 */

export { formatDate, type MessageKey, type PageMessageKey, type UiText } from './text';

export interface CatalogEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string }>;
}
export type Catalog = Record<string, CatalogEntry>;

export const CATALOGS: Record<UiLanguage, Catalog> = { id, en };

/** The entry's message with its named placeholders (`$COUNT$`) replaced by their positions (`$1`). */
function positionalMessage(entry: CatalogEntry): string {
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$|\$\$/g, (match, name: string | undefined) =>
    name === undefined ? match : (entry.placeholders?.[name.toLowerCase()]?.content ?? match),
  );
}

/** The message for `key` with Chrome-style `$NAME$` placeholders filled from `substitutions`. */
export function t(language: UiLanguage, key: MessageKey, ...substitutions: (string | number)[]): string {
  const entry = CATALOGS[language][key] ?? CATALOGS.id[key];
  return entry ? fillMessage(positionalMessage(entry), substitutions) : key;
}

/** The words of `language` for the prompt and the label, on an extension page (from the catalog). */
export function uiText(language: UiLanguage): UiText {
  return { language, t: (key, ...substitutions) => t(language, key, ...substitutions) };
}

/** What `get-ui-strings` answers: one language's page strings, and no other key. */
export function uiStrings(language: UiLanguage): UiStrings {
  return Object.fromEntries(
    PAGE_MESSAGE_KEYS.map((key) => [key, positionalMessage(CATALOGS[language][key] ?? CATALOGS.id[key]!)]),
  ) as UiStrings;
}

/** Picks the UI language from the setting, falling back to the browser's language when `auto`. */
export function resolveLanguage(setting: 'auto' | UiLanguage, browserLanguage: string): UiLanguage {
  if (setting !== 'auto') return setting;
  const primary = browserLanguage.toLowerCase().split(/[-_]/)[0];
  // `in` is the legacy ISO 639 code for Indonesian that older Java-derived platforms still report.
  return primary === 'id' || primary === 'in' ? 'id' : 'en';
}

export function formatTime(language: UiLanguage, value: number | Date): string {
  return new Date(value).toLocaleTimeString(language === 'id' ? 'id-ID' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function formatNumber(language: UiLanguage, value: number): string {
  return value.toLocaleString(language === 'id' ? 'id-ID' : 'en-GB');
}

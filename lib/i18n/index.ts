import type { UiLanguage } from '../core/vocabulary';
import en from '../../public/_locales/en/messages.json';
import id from '../../public/_locales/id/messages.json';

/**
 * UI strings come from the same Chrome `_locales` catalogs the manifest uses, read directly
 * rather than through `browser.i18n`, so the UI can follow the language chosen in Options
 * instead of the browser's.
 */

export interface CatalogEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string }>;
}
export type Catalog = Record<string, CatalogEntry>;

export type MessageKey = keyof typeof id;

export const CATALOGS: Record<UiLanguage, Catalog> = { id, en };

/** The message for `key` with Chrome-style `$NAME$` placeholders filled from `substitutions`. */
export function t(language: UiLanguage, key: MessageKey, ...substitutions: (string | number)[]): string {
  const entry = CATALOGS[language][key] ?? CATALOGS.id[key];
  if (!entry) return key;
  const positional = (content: string) =>
    content.replace(/\$(\d)/g, (_, digit: string) => String(substitutions[Number(digit) - 1] ?? ''));
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$|\$\$/g, (match, name: string | undefined) => {
    if (name === undefined) return '$';
    const placeholder = entry.placeholders?.[name.toLowerCase()];
    return placeholder ? positional(placeholder.content) : match;
  });
}

/** Picks the UI language from the setting, falling back to the browser's language when `auto`. */
export function resolveLanguage(setting: 'auto' | UiLanguage, browserLanguage: string): UiLanguage {
  if (setting !== 'auto') return setting;
  const primary = browserLanguage.toLowerCase().split(/[-_]/)[0];
  // `in` is the legacy ISO 639 code for Indonesian that older Java-derived platforms still report.
  return primary === 'id' || primary === 'in' ? 'id' : 'en';
}

/** A date as the person's locale writes it, e.g. "24 Jun 2026" / "Jun 24, 2026". */
export function formatDate(language: UiLanguage, value: string | number | Date): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return typeof value === 'string' ? value : '';
  // A bare YYYY-MM-DD parses as UTC midnight; format it in UTC so it never shifts a day.
  const dateOnly = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  return date.toLocaleDateString(language === 'id' ? 'id-ID' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(dateOnly ? { timeZone: 'UTC' } : {}),
  });
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

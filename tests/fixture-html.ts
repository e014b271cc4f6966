import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type FixtureLanguage = 'id' | 'en';
export const FIXTURE_LANGUAGES: readonly FixtureLanguage[] = ['id', 'en'];

// A path, not a URL: in happy-dom tests the global URL is happy-dom's.
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

const LANGUAGE_SUFFIX = /\.(id|en)\.html$/;
const STRINGS_TABLE = /<script type="application\/json" data-fixture-strings>([\s\S]*?)<\/script>/;

/**
 * A fixture page's HTML in a site UI language, or null when the page has none in it. `fixture` is
 * relative to tests/fixtures, with or without a language (`x/feed.id.html`, `telegram-k/chat.html`);
 * `language` wins over the one in the name. A page is one template, `<page>.html`, for both UIs:
 * its `{{key}}` placeholders are filled from its strings table
 * (`<script type="application/json" data-fixture-strings>{"id": {…}, "en": {…}}</script>`), or its
 * inline script reads `<html lang>`, set here (languages listed in `data-fixture-languages`). A page
 * may also come as one file per language, `<page>.<language>.html` (a page seen in one UI only).
 */
export function fixtureHtml(fixture: string, language?: FixtureLanguage): string | null {
  const named = LANGUAGE_SUFFIX.exec(fixture)?.[1] as FixtureLanguage | undefined;
  const lang = language ?? named ?? 'id';
  const page = fixture.replace(LANGUAGE_SUFFIX, '').replace(/\.html$/, '');
  const own = join(FIXTURES, `${page}.${lang}.html`);
  if (existsSync(own)) return readFileSync(own, 'utf8');
  const template = join(FIXTURES, `${page}.html`);
  if (!existsSync(template)) return null;
  return fillTemplate(readFileSync(template, 'utf8'), lang, page);
}

function fillTemplate(html: string, lang: FixtureLanguage, page: string): string | null {
  const table = STRINGS_TABLE.exec(html)?.[1];
  if (table !== undefined) {
    // The table holds the lang attribute too, as the site writes it (TikTok's "id-ID").
    const strings = (JSON.parse(table) as Partial<Record<FixtureLanguage, Record<string, string>>>)[lang];
    if (!strings) return null;
    return html.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
      const value = strings[key];
      if (value === undefined) throw new Error(`${page}.html: no "${lang}" string for {{${key}}}`);
      return value;
    });
  }
  const languages = /data-fixture-languages="([^"]*)"/.exec(html)?.[1]?.split(' ') ?? [];
  return languages.includes(lang) ? html.replace(/<html lang="[^"]*"/, `<html lang="${lang}"`) : null;
}

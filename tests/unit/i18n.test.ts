import { describe, expect, it } from 'vitest';
import { CATALOGS, resolveLanguage, t } from '../../lib/i18n';

const placeholdersIn = (message: string) =>
  [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();

describe('message catalogs', () => {
  it('have the same keys in Indonesian and English', () => {
    expect(Object.keys(CATALOGS.en).sort()).toEqual(Object.keys(CATALOGS.id).sort());
  });

  it('use and declare the same placeholders in both languages', () => {
    for (const [key, id] of Object.entries(CATALOGS.id)) {
      const en = CATALOGS.en[key]!;
      expect(placeholdersIn(en.message), key).toEqual(placeholdersIn(id.message));
      expect(Object.keys(en.placeholders ?? {}).sort(), key).toEqual(Object.keys(id.placeholders ?? {}).sort());
      expect(Object.keys(id.placeholders ?? {}).sort(), key).toEqual(placeholdersIn(id.message));
      expect(en.message.trim(), key).not.toBe('');
    }
  });

  it('name the extension for the manifest', () => {
    expect(CATALOGS.id.extName?.message).toBe('Saring');
    expect(CATALOGS.en.extName?.message).toBe('Saring');
    expect(CATALOGS.id.extDescription?.message.length).toBeLessThanOrEqual(132);
    expect(CATALOGS.en.extDescription?.message.length).toBeLessThanOrEqual(132);
  });
});

describe('t', () => {
  it('fills placeholders', () => {
    expect(t('en', 'popupGuarded', 'X')).toBe('Saring is guarding X');
    expect(t('id', 'listStateError', 'tidak ada jaringan')).toBe('Gagal: tidak ada jaringan');
  });
  it('asks the question in both languages', () => {
    expect(t('id', 'promptQuestion')).toBe('Sudah dibaca? Sudah dicek kebenarannya?');
    expect(t('en', 'promptQuestion')).toBe('Did you read it? Is it verified?');
  });
});

describe('resolveLanguage', () => {
  it('follows an explicit choice', () => {
    expect(resolveLanguage('en', 'id-ID')).toBe('en');
    expect(resolveLanguage('id', 'en-US')).toBe('id');
  });
  it('maps Indonesian browser languages to id and the rest to en', () => {
    for (const code of ['id', 'in', 'id-ID', 'ID', 'in_ID']) expect(resolveLanguage('auto', code)).toBe('id');
    for (const code of ['en-US', 'ms-MY', 'jv', 'fr', '']) expect(resolveLanguage('auto', code)).toBe('en');
  });
});

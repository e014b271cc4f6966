import { hostOf, normalizeParsedUrl, normalizeUrl } from '../../lib/core/url';
import { describe, expect, it } from 'vitest';
import { registrableDomain } from '../../lib/match/domain';

describe('normalizeUrl', () => {
  const canonical = 'https://kompas.com/read/2024/06/01/berita';

  it.each([
    'https://kompas.com/read/2024/06/01/berita',
    'http://kompas.com/read/2024/06/01/berita',
    'https://www.kompas.com/read/2024/06/01/berita/',
    'https://m.kompas.com/read/2024/06/01/berita',
    'https://mobile.kompas.com/read/2024/06/01/berita',
    'https://amp.kompas.com/read/2024/06/01/berita',
    'https://WWW.KOMPAS.COM/read/2024/06/01/berita#komentar',
    'kompas.com/read/2024/06/01/berita',
    '  https://kompas.com/read/2024/06/01/berita  ',
    'https://kompas.com/read/2024/06/01/berita/amp',
    'https://kompas.com/read/2024/06/01/berita?amp=1',
    'https://kompas.com/read/2024/06/01/berita?output=amp',
    'https://kompas.com/amp/read/2024/06/01/berita',
    'https://kompas.com/read/2024/06/01/berita?utm_source=fb&utm_medium=social&fbclid=IwAR0x',
    'https://kompas.com/read/2024/06/01/berita?gclid=1&igshid=2&igsh=3&si=4&ref=5&ref_src=6&mibextid=7',
  ])('%s → canonical', (raw) => {
    expect(normalizeUrl(raw)).toBe(canonical);
  });

  it('unwraps redirectors, including nested and encoded ones', () => {
    const inner = encodeURIComponent(`${canonical}?utm_source=facebook`);
    expect(normalizeUrl(`https://l.facebook.com/l.php?u=${inner}&h=AT0abc`)).toBe(canonical);
    expect(normalizeUrl(`https://lm.facebook.com/l.php?u=${inner}`)).toBe(canonical);
    expect(normalizeUrl(`https://l.instagram.com/?u=${inner}&e=ATM`)).toBe(canonical);
    expect(normalizeUrl(`https://www.google.com/url?q=${inner}&sa=D`)).toBe(canonical);
    const nested = encodeURIComponent(`https://l.facebook.com/l.php?u=${inner}`);
    expect(normalizeUrl(`https://www.google.com/url?q=${nested}`)).toBe(canonical);
    expect(normalizeUrl(`https://www.youtube.com/redirect?event=video_description&q=${inner}`)).toBe(canonical);
    // Other youtube.com pages with a q parameter are not redirectors.
    expect(normalizeUrl('https://www.youtube.com/results?q=hoaks')).toBe('https://youtube.com/results?q=hoaks');
  });

  it('does not treat ordinary google.com pages as redirectors', () => {
    expect(normalizeUrl('https://www.google.com/search?q=hoaks')).toBe('https://google.com/search?q=hoaks');
  });

  it('drops s and t only on x.com / twitter.com', () => {
    expect(normalizeUrl('https://x.com/user/status/123?s=20&t=abc')).toBe('https://x.com/user/status/123');
    expect(normalizeUrl('https://mobile.twitter.com/user/status/123?s=19')).toBe('https://twitter.com/user/status/123');
    expect(normalizeUrl('https://example.com/search?s=vaksin')).toBe('https://example.com/search?s=vaksin');
  });

  it('keeps meaningful parameters, in a stable order', () => {
    expect(normalizeUrl('https://www.facebook.com/permalink.php?story_fbid=9&id=4')).toBe(
      'https://facebook.com/permalink.php?id=4&story_fbid=9',
    );
    expect(normalizeUrl('https://youtube.com/watch?v=abc&feature=share&si=xyz')).toBe(
      'https://youtube.com/watch?v=abc',
    );
  });

  it('returns null for non-http(s) and unparseable input', () => {
    for (const bad of [
      '',
      '   ',
      'javascript:alert(1)',
      'mailto:a@b.co',
      'ftp://example.com/x',
      'data:text/html,hi',
      'http://',
      'not a url',
      'https://exa mple.com',
      'x'.repeat(10_000),
      '\ud800',
    ]) {
      expect(normalizeUrl(bad)).toBeNull();
    }
    expect(normalizeUrl(undefined as unknown as string)).toBeNull();
  });
});

describe('normalizeParsedUrl', () => {
  it('gives what normalizeUrl gives for the same absolute link', () => {
    const links = [
      'https://www.kompas.com/tren/read/2026/11/20/bmkg/amp/?utm_source=wa&id=3#top',
      'http://m.detik.com/news/berita?b=2&a=1',
      'https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.kompas.com%2Fa%3Ffbclid%3Dx',
      'https://www.google.com/url?q=https://turnbackhoax.id/2026/11/lawu/',
      'https://t.co/Kp7rT2xQ9m',
      'https://x.com/kabar_lawu/status/1993000000000000001?s=20&t=abc',
      'https://localhost/a',
      'ftp://files.example.com/a',
      'mailto:redaksi@kompas.com',
      `https://example.com/${'a'.repeat(5_000)}`,
    ];
    for (const link of links) expect(normalizeParsedUrl(new URL(link)), link).toBe(normalizeUrl(link));
    expect(normalizeParsedUrl(new URL(links[0]!))).toBe('https://kompas.com/tren/read/2026/11/20/bmkg?id=3');
  });
});

describe('registrableDomain', () => {
  it('uses the public suffix list', () => {
    expect(registrableDomain('sub.hoax.co.id')).toBe('hoax.co.id');
    expect(registrableDomain('hoax.co.id')).toBe('hoax.co.id');
    expect(registrableDomain('nothoax.co.id')).toBe('nothoax.co.id');
    expect(registrableDomain('WWW.Example.COM.')).toBe('example.com');
    expect(registrableDomain('berita-palsu.blogspot.com')).toBe('berita-palsu.blogspot.com');
  });

  it('returns null for hosts without one', () => {
    expect(registrableDomain('')).toBeNull();
    expect(registrableDomain('co.id')).toBeNull();
    expect(registrableDomain('localhost')).toBeNull();
  });
});

describe('hostOf', () => {
  it('gives the normalised host', () => {
    expect(hostOf('https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.hoax.co.id%2Fa')).toBe('hoax.co.id');
    expect(hostOf('mailto:x@y.z')).toBeNull();
  });
});

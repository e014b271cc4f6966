import { describe, expect, it } from 'vitest';
import type { ActionRule } from '../../lib/sites/types';
import { isLongOrPassedOn, LONG_TEXT_CHARS, worthChecking } from '../../lib/guard/worth-checking';

const rule = (onlyWhen?: ActionRule['onlyWhen']): ActionRule => ({
  kind: 'send',
  step: 'shares',
  selectors: [],
  content: 'composer',
  ...(onlyWhen ? { onlyWhen } : {}),
});

describe('which composer sends are checked', () => {
  it('tells a pasted chain message from chat', () => {
    expect(isLongOrPassedOn('Nanti sore kerja bakti ya')).toBe(false);
    expect(isLongOrPassedOn('a'.repeat(LONG_TEXT_CHARS - 1))).toBe(false);
    expect(isLongOrPassedOn('a'.repeat(LONG_TEXT_CHARS))).toBe(true);
    for (const boilerplate of [
      'Copas dari grup sebelah ya',
      'info dari group sebelah',
      'SEBARKAN sebelum dihapus!',
      'mohon diteruskan',
      'Forwarded as received',
      'Please share with your family',
    ]) {
      expect(isLongOrPassedOn(boilerplate), boilerplate).toBe(true);
    }
    // Words that merely contain the boilerplate are not it.
    expect(isLongOrPassedOn('Sharethis plugin dipasang')).toBe(false);
  });

  it('follows the rule: anything, only with a link, or also a long or passed-on text', () => {
    const chat = { text: 'Nanti sore kerja bakti ya', urls: [] };
    const chain = { text: 'Copas dari grup sebelah: besok PLN padam total', urls: [] };
    const linked = { text: 'Baca', urls: ['https://hoaks.example/a'] };
    expect([chat, chain, linked].map((content) => worthChecking(rule(), content))).toEqual([true, true, true]);
    expect([chat, chain, linked].map((content) => worthChecking(rule('link'), content))).toEqual([false, false, true]);
    expect([chat, chain, linked].map((content) => worthChecking(rule('link-or-long-text'), content))).toEqual([
      false,
      true,
      true,
    ]);
    expect(worthChecking(rule(), { text: '', urls: [] })).toBe(false);
    expect(worthChecking(rule(), null)).toBe(false);
  });
});

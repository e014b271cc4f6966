import { describe, expect, it, vi } from 'vitest';
import { promptWithText, uiTextSource } from '../../lib/guard/ui-text';
import { t, uiStrings } from '../../lib/i18n';
import { PAGE_MESSAGE_KEYS, textFromStrings } from '../../lib/i18n/text';
import { isAskAnswer, isFactCheck, isMatchPostsAnswer, isUiStrings } from '../../lib/messaging/answers';
import type { FactCheckView } from '../../lib/messaging/protocol';
import type { PromptRequest } from '../../lib/guard/types';

/** The background's answers as a guarded page checks them: by hand, with no zod in the page. */

const FACT_CHECK: FactCheckView = {
  id: 'tbh26-35352',
  listId: 'starter',
  claim: 'Gunung Lawu bakal erupsi besar',
  rating: 'false',
  url: 'https://turnbackhoax.id/articles/35352',
  publisher: 'TurnBackHoax',
  score: 0.93,
};

const ASK = { ask: true, reason: 'hoax-match', matches: [FACT_CHECK], readUrl: null, language: 'id' };

describe('a fact-check in an answer', () => {
  it('is taken as the background builds it, optional fields included', () => {
    expect(isFactCheck(FACT_CHECK)).toBe(true);
    expect(isFactCheck({ ...FACT_CHECK, label: 'SALAH', listHost: 'lists.example.net', samePicture: true })).toBe(true);
  });

  it.each([
    ['no object', null],
    ['an array', [FACT_CHECK]],
    ['a rating the label cannot name', { ...FACT_CHECK, rating: 'fake' }],
    ['a rating that is a prototype name', { ...FACT_CHECK, rating: 'toString' }],
    ['a claim that is markup in an object', { ...FACT_CHECK, claim: { __html: '<img onerror=x>' } }],
    ['a link that is no string', { ...FACT_CHECK, url: ['javascript:alert(1)'] }],
    ['a publisher that is a number', { ...FACT_CHECK, publisher: 7 }],
    ['samePicture other than true', { ...FACT_CHECK, samePicture: 'yes' }],
    ['no score', { ...FACT_CHECK, score: undefined }],
    ['no id', { ...FACT_CHECK, id: undefined }],
  ])('is refused with %s', (_, value) => {
    expect(isFactCheck(value)).toBe(false);
  });
});

describe('a check-share answer', () => {
  it('asks when it has the shape the prompt reads', () => {
    expect(isAskAnswer(ASK)).toBe(true);
    expect(isAskAnswer({ ...ASK, readUrl: 'https://turnbackhoax.id/', matches: [] })).toBe(true);
  });

  it.each([
    ['ask false', { ask: false }],
    ['ask as a string', { ...ASK, ask: 'true' }],
    ['an unknown reason', { ...ASK, reason: 'because' }],
    ['an unknown language', { ...ASK, language: 'fr' }],
    ['matches not a list', { ...ASK, matches: { 0: FACT_CHECK, length: 1 } }],
    ['a malformed match', { ...ASK, matches: [FACT_CHECK, { id: 'x' }] }],
    ['readUrl missing', { ...ASK, readUrl: undefined }],
  ])('does not ask with %s', (_, value) => {
    expect(isAskAnswer(value)).toBe(false);
  });
});

describe('a match-posts answer', () => {
  const labels = [
    { index: 0, factCheck: FACT_CHECK },
    { index: 2, factCheck: { ...FACT_CHECK, id: 'other' } },
  ];

  it('is taken when each label names a post of the batch once', () => {
    expect(isMatchPostsAnswer({ labels, language: 'en' }, 3)).toBe(true);
    expect(isMatchPostsAnswer({ labels: [], language: 'id' }, 1)).toBe(true);
  });

  it.each([
    ['an index past the batch', { labels, language: 'en' }, 2],
    ['a negative index', { labels: [{ index: -1, factCheck: FACT_CHECK }], language: 'en' }, 3],
    ['a fractional index', { labels: [{ index: 0.5, factCheck: FACT_CHECK }], language: 'en' }, 3],
    ['an index as a string', { labels: [{ index: '0', factCheck: FACT_CHECK }], language: 'en' }, 3],
    ['one post labelled twice', { labels: [labels[0], labels[0]], language: 'en' }, 3],
    ['a malformed fact-check', { labels: [{ index: 0, factCheck: { ...FACT_CHECK, rating: 1 } }], language: 'en' }, 3],
    ['labels not a list', { labels: 'none', language: 'en' }, 3],
    ['no language', { labels }, 3],
    ['null', null, 3],
  ])('labels nothing with %s', (_, value, posts) => {
    expect(isMatchPostsAnswer(value, posts)).toBe(false);
  });
});

describe('UI strings from the background', () => {
  it.each(['id', 'en'] as const)('are every page string of %s, the same words the catalog gives', (language) => {
    const strings = uiStrings(language);
    expect(isUiStrings(strings)).toBe(true);
    expect(Object.keys(strings).sort()).toEqual([...PAGE_MESSAGE_KEYS].sort());
    const text = textFromStrings(language, strings);
    for (const key of PAGE_MESSAGE_KEYS) expect(text.t(key, 'A', 'B'), key).toBe(t(language, key, 'A', 'B'));
    // Named placeholders arrive positional, and are filled on the page.
    expect(text.t('labelFactCheckBy', 'Cek Fakta')).toContain('Cek Fakta');
    expect(text.t('labelFactCheckBy', 'Cek Fakta')).not.toMatch(/\$/);
  });

  it.each([
    ['no object', 'promptQuestion'],
    ['a missing key', Object.fromEntries(Object.entries(uiStrings('en')).slice(1))],
    ['a key the page does not know', { ...uiStrings('en'), extName: 'Saring' }],
    ['a string that is an object', { ...uiStrings('en'), promptQuestion: { toString: () => 'hi' } }],
    ['a string past the bound', { ...uiStrings('en'), promptQuestion: 'x'.repeat(2_001) }],
    ['a key from the prototype only', Object.assign(Object.create({ promptQuestion: 'x' }), { labelWhy: 'x' })],
    ['an array', [...PAGE_MESSAGE_KEYS]],
  ])('are refused with %s', (_, value) => {
    expect(isUiStrings(value)).toBe(false);
  });
});

const REQUEST: PromptRequest = {
  reason: 'hoax-match',
  kind: 'repost',
  language: 'en',
  excerpt: 'Gunung Lawu',
  matches: [FACT_CHECK],
  readUrl: null,
};

describe('the page side of UI strings', () => {
  it('asks once per language and keeps the words', async () => {
    const ask = vi.fn(async (language: 'id' | 'en') => uiStrings(language));
    const source = uiTextSource(ask, 1_000);
    const [first, second] = await Promise.all([source('en'), source('en')]);
    expect(first?.t('promptQuestion')).toBe('Did you read it? Is it verified?');
    expect(second).toBe(first);
    expect((await source('id'))?.t('promptQuestion')).toBe('Sudah dibaca? Sudah dicek kebenarannya?');
    expect(ask.mock.calls).toEqual([['en'], ['id']]);
  });

  it('gives none for a late, failed or malformed answer, and asks again next time', async () => {
    const answers: (() => Promise<unknown>)[] = [
      () => new Promise(() => {}),
      () => Promise.reject(new Error('no background')),
      async () => ({ promptQuestion: 'only one' }),
      async () => uiStrings('en'),
    ];
    const source = uiTextSource(() => answers.shift()!(), 20);
    expect(await source('en')).toBeNull();
    expect(await source('en')).toBeNull();
    expect(await source('en')).toBeNull();
    expect((await source('en'))?.language).toBe('en');
  });

  it('shows the prompt only with its words: without them it fails, and never opens blank', async () => {
    const show = vi.fn(async () => 'cancel' as const);
    const withWords = promptWithText(async (language) => textFromStrings(language, uiStrings(language)), show);
    await expect(withWords(REQUEST)).resolves.toBe('cancel');
    expect(show).toHaveBeenCalledTimes(1);
    expect(show.mock.calls[0]).toMatchObject([REQUEST, { language: 'en' }]);

    const none = promptWithText(async () => null, show);
    await expect(none(REQUEST)).rejects.toThrow(/no UI strings/i);
    expect(show).toHaveBeenCalledTimes(1);
  });
});

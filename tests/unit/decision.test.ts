import type { Strictness } from '../../lib/core/vocabulary';
import { describe, expect, it } from 'vitest';
import { decide, factChecksShown } from '../../lib/decision';
import type { MatchResult } from '../../lib/match/types';

const hoax: MatchResult = {
  decision: 'hoax-match',
  matches: [{ listId: 'l', item: { id: 'a', claim: 'c', rating: 'false' }, score: 0.9, via: 'text' }],
};
const clean: MatchResult = { decision: 'none', matches: [] };
const likely: MatchResult = {
  decision: 'likely-match',
  matches: [{ listId: 'l', item: { id: 'b', claim: 'c', rating: 'false' }, score: 0.6, via: 'text' }],
};
const unread = ['https://news.example/article'];

const cases: [Strictness, MatchResult, string[], ReturnType<typeof decide>][] = [
  ['off', hoax, unread, { ask: false }],
  ['hoax-only', hoax, [], { ask: true, reason: 'hoax-match' }],
  ['hoax-only', clean, unread, { ask: false }],
  ['balanced', hoax, unread, { ask: true, reason: 'hoax-match' }],
  ['balanced', clean, unread, { ask: true, reason: 'unread-link' }],
  ['balanced', clean, [], { ask: false }],
  ['always', hoax, unread, { ask: true, reason: 'hoax-match' }],
  ['always', clean, unread, { ask: true, reason: 'unread-link' }],
  ['always', clean, [], { ask: true, reason: 'always' }],
  ['off', likely, unread, { ask: false }],
  ['hoax-only', likely, [], { ask: true, reason: 'likely-match' }],
  ['balanced', likely, unread, { ask: true, reason: 'likely-match' }],
  ['always', likely, [], { ask: true, reason: 'likely-match' }],
];

describe('decide', () => {
  it.each(cases)('%s with %o and unread %o', (strictness, match, unreadLinks, expected) => {
    expect(decide({ strictness, match, unreadLinks })).toEqual(expected);
  });

  it('asks before signing a petition in balanced and always, not in hoax-only or off', () => {
    expect(decide({ strictness: 'balanced', match: clean, unreadLinks: [], kind: 'sign' })).toEqual({
      ask: true,
      reason: 'petition',
    });
    expect(decide({ strictness: 'always', match: clean, unreadLinks: unread, kind: 'sign' })).toEqual({
      ask: true,
      reason: 'petition',
    });
    expect(decide({ strictness: 'hoax-only', match: clean, unreadLinks: [], kind: 'sign' })).toEqual({ ask: false });
    expect(decide({ strictness: 'off', match: hoax, unreadLinks: [], kind: 'sign' })).toEqual({ ask: false });
    expect(decide({ strictness: 'balanced', match: hoax, unreadLinks: [], kind: 'sign' })).toEqual({
      ask: true,
      reason: 'hoax-match',
    });
  });
});

describe('factChecksShown', () => {
  const hits = (...scores: number[]) => scores.map((score, at) => ({ id: `f${at}`, score }));
  it('shows the best and the runners-up near it, three at most, once the best reaches the bar', () => {
    expect(factChecksShown(hits(0.8, 0.7, 0.41, 0.39, 0.3), 0.75).map((hit) => hit.id)).toEqual(['f0', 'f1', 'f2']);
    expect(factChecksShown(hits(0.8, 0.3), 0.75).map((hit) => hit.id)).toEqual(['f0']);
    expect(factChecksShown(hits(0.6, 0.55), 0.75)).toEqual([]);
    expect(factChecksShown([], 0.5)).toEqual([]);
  });
});

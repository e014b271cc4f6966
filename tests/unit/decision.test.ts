import { describe, expect, it } from 'vitest';
import { decide } from '../../lib/decision';
import type { MatchResult } from '../../lib/match/types';
import type { Strictness } from '../../lib/messaging/protocol';

const hoax: MatchResult = {
  decision: 'hoax-match',
  matches: [{ listId: 'l', item: { id: 'a', claim: 'c', rating: 'false' }, score: 0.9, via: 'text' }],
};
const clean: MatchResult = { decision: 'none', matches: [] };
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

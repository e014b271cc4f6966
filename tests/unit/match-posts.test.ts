import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundContext } from '../../lib/background/context';
import { matchPosts } from '../../lib/background/match-posts';
import { CLASSROOM_LIST_ID } from '../../lib/classroom/pack';
import type { MatchHit, MatchQuery, MatchResult } from '../../lib/match/types';
import { MATCH_POSTS_BATCH, requestSchemas } from '../../lib/messaging/protocol';
import { defineSettingsItem, updateSettings } from '../../lib/settings';

const THRESHOLD = 0.5;
const hit = (listId: string, id: string, score = 0.9): MatchHit => ({
  listId,
  item: { id, claim: `claim ${id}`, rating: 'false', url: `https://cekfakta.example/${id}` },
  score,
  via: 'text',
});

/** A matcher that knows three posts by their text. */
function fakeMatch({ text }: MatchQuery): MatchResult {
  if (text === 'hoax') return { decision: 'hoax-match', matches: [hit('starter', 'tbh26-35352'), hit('starter', 'other', 0.6)] };
  if (text === 'classroom') return { decision: 'hoax-match', matches: [hit(CLASSROOM_LIST_ID, 'pack-1')] };
  if (text === 'weak') return { decision: 'none', matches: [hit('starter', 'weak', 0.2)] };
  return { decision: 'none', matches: [] };
}

let context: BackgroundContext;
const match = vi.fn(fakeMatch);

beforeEach(() => {
  fakeBrowser.reset();
  match.mockClear();
  context = {
    settings: defineSettingsItem(),
    index: { get: async () => ({ matcher: { size: 3, match }, publishers: new Map([['starter', 'TurnBackHoax']]) }) },
    matchThreshold: THRESHOLD,
    now: () => 0,
    browserUiLanguage: () => 'en-US',
  } as unknown as BackgroundContext;
});

const posts = (...texts: string[]) => texts.map((text) => ({ text, urls: [] }));

describe('match-posts', () => {
  it('returns only the hoax matches, by index, with the best fact-check each', async () => {
    const answer = await matchPosts(context, { site: 'x', posts: posts('benign', 'hoax', 'weak') });
    expect(answer).toEqual({
      language: 'en',
      labels: [
        {
          index: 1,
          factCheck: expect.objectContaining({ id: 'tbh26-35352', rating: 'false', publisher: 'TurnBackHoax', score: 0.9 }),
        },
      ],
    });
    expect(match).toHaveBeenCalledTimes(3);
  });

  it('never labels a real site from a classroom pack, only the demo feed', async () => {
    expect((await matchPosts(context, { site: 'x', posts: posts('classroom') })).labels).toEqual([]);
    expect((await matchPosts(context, { site: 'demo', posts: posts('classroom') })).labels).toHaveLength(1);
  });

  it('labels nothing, and matches nothing, on a site with labels or Saring turned off', async () => {
    await updateSettings(context.settings, () => ({ labelsOffSites: ['x'], disabledSites: ['facebook'] }));
    expect((await matchPosts(context, { site: 'x', posts: posts('hoax') })).labels).toEqual([]);
    expect((await matchPosts(context, { site: 'facebook', posts: posts('hoax') })).labels).toEqual([]);
    expect(match).not.toHaveBeenCalled();
    expect((await matchPosts(context, { site: 'threads', posts: posts('hoax') })).labels).toHaveLength(1);
  });

  it('labels regardless of strictness and snooze, which are about prompts', async () => {
    await updateSettings(context.settings, () => ({ strictness: 'off', snoozedUntil: 10 }));
    expect((await matchPosts(context, { site: 'x', posts: posts('hoax') })).labels).toHaveLength(1);
  });

  it('bounds a batch in count and size', () => {
    const schema = requestSchemas['match-posts'];
    expect(schema.safeParse({ site: 'x', posts: posts(...Array(MATCH_POSTS_BATCH).fill('a')) }).success).toBe(true);
    expect(schema.safeParse({ site: 'x', posts: posts(...Array(MATCH_POSTS_BATCH + 1).fill('a')) }).success).toBe(false);
    expect(schema.safeParse({ site: 'x', posts: [] }).success).toBe(false);
    expect(schema.safeParse({ site: 'x', posts: posts('a'.repeat(10_001)) }).success).toBe(false);
    expect(schema.safeParse({ site: 'x', posts: [{ text: '', urls: Array(21).fill('https://a.example/') }] }).success).toBe(false);
  });
});

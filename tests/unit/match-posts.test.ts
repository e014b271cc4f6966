import { MATCH_POSTS_BATCH } from '../../lib/core/post';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundContext } from '../../lib/background/context';
import { matchPosts } from '../../lib/background/match-posts';
import { CLASSROOM_LIST_ID } from '../../lib/classroom/pack';
import type { MatchHit, MatchQuery, MatchResult } from '../../lib/match/types';
import { requestSchemas } from '../../lib/messaging/protocol';
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
  if (text === 'hoax')
    return { decision: 'hoax-match', matches: [hit('starter', 'tbh26-35352'), hit('starter', 'other', 0.6)] };
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

const posts = (...texts: string[]) => texts.map((text) => ({ text, hrefs: [] }));
const page = 'https://x.com/home';

describe('match-posts', () => {
  it('returns only the hoax matches, by index, with the best fact-check each', async () => {
    const answer = await matchPosts(context, { baseUrl: page, site: 'x', posts: posts('benign', 'hoax', 'weak') });
    expect(answer).toEqual({
      language: 'en',
      labels: [
        {
          index: 1,
          factCheck: expect.objectContaining({
            id: 'tbh26-35352',
            rating: 'false',
            publisher: 'TurnBackHoax',
            score: 0.9,
          }),
        },
      ],
    });
    expect(match).toHaveBeenCalledTimes(3);
  });

  it('never labels a real site from a classroom pack, only the demo feed', async () => {
    expect((await matchPosts(context, { baseUrl: page, site: 'x', posts: posts('classroom') })).labels).toEqual([]);
    expect((await matchPosts(context, { baseUrl: page, site: 'demo', posts: posts('classroom') })).labels).toHaveLength(
      1,
    );
  });

  it('labels nothing, and matches nothing, on a site with labels or Saring turned off', async () => {
    await updateSettings(context.settings, () => ({ labelsOffSites: ['x'], disabledSites: ['facebook'] }));
    expect((await matchPosts(context, { baseUrl: page, site: 'x', posts: posts('hoax') })).labels).toEqual([]);
    expect((await matchPosts(context, { baseUrl: page, site: 'facebook', posts: posts('hoax') })).labels).toEqual([]);
    expect(match).not.toHaveBeenCalled();
    expect((await matchPosts(context, { baseUrl: page, site: 'threads', posts: posts('hoax') })).labels).toHaveLength(
      1,
    );
  });

  it('labels regardless of strictness and snooze, which are about prompts', async () => {
    await updateSettings(context.settings, () => ({ strictness: 'off', snoozedUntil: 10 }));
    expect((await matchPosts(context, { baseUrl: page, site: 'x', posts: posts('hoax') })).labels).toHaveLength(1);
  });

  it("finishes the posts as the page read them: text cleaned, links resolved, the site's own and repeats left out", async () => {
    await matchPosts(context, {
      site: 'x',
      baseUrl: page,
      posts: [
        {
          text: '  Gunung Lawu\n\n   akan erupsi  ',
          hrefs: [
            'https://t.co/abc',
            'https://x.com/someone/status/1',
            'https://l.facebook.com/l.php?u=https%3A%2F%2Fberita.example%2Ferupsi%3Futm_source%3Dfb',
            '//berita.example/erupsi',
          ],
        },
      ],
    });
    expect(match).toHaveBeenCalledWith(
      expect.objectContaining({
        text: 'Gunung Lawu\nakan erupsi',
        // As found, one per destination (the matcher unwraps and normalises): the protocol-relative copy is the same article.
        urls: [
          'https://t.co/abc',
          'https://l.facebook.com/l.php?u=https%3A%2F%2Fberita.example%2Ferupsi%3Futm_source%3Dfb',
        ],
      }),
    );
  });

  it('labels nothing for a site it does not know', async () => {
    expect((await matchPosts(context, { site: 'nowhere', baseUrl: page, posts: posts('hoax') })).labels).toEqual([]);
    expect(match).not.toHaveBeenCalled();
  });

  it('bounds a batch in count and size', () => {
    const schema = requestSchemas['match-posts'];
    expect(
      schema.safeParse({ baseUrl: page, site: 'x', posts: posts(...Array(MATCH_POSTS_BATCH).fill('a')) }).success,
    ).toBe(true);
    expect(
      schema.safeParse({ baseUrl: page, site: 'x', posts: posts(...Array(MATCH_POSTS_BATCH + 1).fill('a')) }).success,
    ).toBe(false);
    expect(schema.safeParse({ baseUrl: page, site: 'x', posts: [] }).success).toBe(false);
    expect(schema.safeParse({ baseUrl: page, site: 'x', posts: posts('a'.repeat(10_001)) }).success).toBe(false);
    expect(
      schema.safeParse({ baseUrl: page, site: 'x', posts: [{ text: '', hrefs: Array(21).fill('https://a.example/') }] })
        .success,
    ).toBe(false);
    // Relative links are resolved against the page's URL: one that does not parse is refused, plainly.
    const unparseable = schema.safeParse({ baseUrl: 'not a url', site: 'x', posts: posts('a') });
    expect(unparseable.success).toBe(false);
    expect(unparseable.error?.issues[0]).toMatchObject({ path: ['baseUrl'], message: 'not an absolute URL' });
  });
});

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  CLASSROOM_LIST_ID,
  feedOrder,
  localized,
  packList,
  parsePack,
  type ScenarioPack,
} from '../../lib/classroom/pack';
import { quizCsv, scoreQuiz, type AnsweredPost } from '../../lib/classroom/quiz';
import { INITIAL_SESSION, NO_ANSWER, sessionReducer } from '../../lib/classroom/session';
import { commandFor } from '../../lib/classroom/shortcuts';
import { validateList } from '../../lib/lists/validate';
import { checkImages, hashPicture, listPictures } from '../../lib/images/check-image';
import { decodeImage } from '../../lib/images/decode-node';
import { createMatcher } from '../../lib/match';

const bundled = readFileSync(new URL('../../public/demo/pack.json', import.meta.url), 'utf8');

function bundledPack(): ScenarioPack {
  const parsed = parsePack(bundled);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.pack;
}

describe('scenario packs', () => {
  it('the bundled pack is valid, a valid Saring list, and has every kind of post', () => {
    const pack = bundledPack();
    expect(new Set(pack.posts.map((post) => post.kind))).toEqual(
      new Set(['hoax', 'true', 'satire', 'scam', 'petition']),
    );
    expect(new Set(pack.posts.map((post) => post.platform))).toEqual(
      new Set(['x', 'facebook', 'whatsapp', 'petition']),
    );
    const list = validateList(packList(pack));
    expect(list.header.id).toBe(CLASSROOM_LIST_ID);
    expect(list.skipped).toBe(0);
  });

  it('its hoaxes and scams are recognised with the starter list loaded, and nothing else is', async () => {
    const pack = bundledPack();
    const list = validateList(packList(pack));
    const starter = validateList(
      JSON.parse(gunzipSync(readFileSync(new URL('../../public/starter-list.json.gz', import.meta.url))).toString()),
    );
    const lists = [
      { listId: 'starter', items: starter.items, domains: starter.domains },
      { listId: CLASSROOM_LIST_ID, items: list.items, domains: list.domains },
    ];
    const matcher = createMatcher(lists);
    const deps = { pictures: listPictures(lists), match: matcher.match.bind(matcher) };
    for (const post of pack.posts) {
      // A post's picture is checked as the guard checks it: its hashes beside the post's words.
      const pictures = post.picture
        ? [hashPicture(await decodeImage(readFileSync(new URL(`../../public/${post.picture.src}`, import.meta.url))))]
        : [];
      for (const language of ['id', 'en'] as const) {
        const query = {
          text: localized(post.text, language),
          urls: post.link ? [post.link.url] : [],
          ...(post.link ? { linkTitle: localized(post.link.title, language) } : {}),
        };
        const result = await checkImages({ pictures, query }, deps);
        const expected = post.kind === 'hoax' || post.kind === 'scam' ? 'hoax-match' : 'none';
        expect(result.decision, `${post.id} (${language})`).toBe(expected);
        if (post.factChecks) expect(post.factChecks).toContain(result.matches[0]!.item.id);
      }
    }
    // The dam poster is caught by its picture alone: its words ("Sebarkan!!") match nothing.
    const dam = pack.posts.find((post) => post.id === 'dam-poster')!;
    expect(matcher.match({ text: localized(dam.text, 'id'), urls: [] }).decision).toBe('none');
  }, 30_000);

  it('rejects a bad pack whole, naming where each problem is', () => {
    const pack = JSON.parse(bundled);
    pack.posts[1].kind = 'rumour';
    delete pack.posts[3].notice;
    const parsed = parsePack(JSON.stringify(pack));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.some((error) => error.startsWith('posts[1].kind:'))).toBe(true);
    expect(parsed.errors.some((error) => error.startsWith('posts[3].notice:'))).toBe(true);

    // Cross-references are checked once the shapes are right.
    const dangling = JSON.parse(bundled);
    dangling.posts[2].factChecks = ['nope'];
    expect(parsePack(JSON.stringify(dangling))).toEqual({
      ok: false,
      errors: ['posts[2].factChecks[0]: no item with id "nope"'],
    });
    const notJson = parsePack('{ posts: ');
    expect(notJson.ok || notJson.errors[0]).toMatch(/^Not JSON/);

    // A post's picture is one of the demo's own: no other path, no address elsewhere.
    for (const src of ['../options.html', 'https://example.com/a.png', 'demo/poster.svg']) {
      const elsewhere = JSON.parse(bundled);
      elsewhere.posts[0].picture = { src, alt: 'a poster' };
      expect(parsePack(JSON.stringify(elsewhere))).toEqual({
        ok: false,
        errors: ['posts[0].picture.src: must be demo/<name>.png or .jpg'],
      });
    }
  });

  it('orders the feed by app, keeping each app’s posts in file order', () => {
    const order = feedOrder(bundledPack().posts).map((post) => post.platform);
    expect(order).toEqual([...order].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  });
});

describe('session', () => {
  it('records prompts, reading first, shares, and resets', () => {
    let state = sessionReducer(INITIAL_SESSION, { type: 'rate', postId: 'a', rating: 2 });
    state = sessionReducer(state, { type: 'prompted', postId: 'a', reason: 'hoax-match', outcome: 'read' });
    state = sessionReducer(state, { type: 'prompted', postId: 'a', reason: 'hoax-match', outcome: 'share' });
    state = sessionReducer(state, { type: 'shared', postId: 'a' });
    expect(state.answers.a).toMatchObject({ rating: 2, prompt: 'hoax-match', readFirst: true, shared: true });
    expect(state.shared).toBe(1);
    state = sessionReducer(state, { type: 'step', by: 1, postCount: 2 });
    state = sessionReducer(state, { type: 'step', by: 1, postCount: 2 });
    expect(state.step).toBe(1);
    expect(sessionReducer(state, { type: 'reset' })).toEqual(INITIAL_SESSION);
  });
});

const post = (id: string, kind: AnsweredPost['post']['kind']): AnsweredPost['post'] => ({ id, kind, platform: 'x' });
const answer = (change: Partial<typeof NO_ANSWER>) => ({ ...NO_ANSWER, ...change });

describe('quiz scoring', () => {
  const answered: AnsweredPost[] = [
    { post: post('h1', 'hoax'), answer: answer({ rating: 3, prompt: 'hoax-match', shared: true }) },
    { post: post('t1', 'true'), answer: answer({ rating: 4, shared: true }) },
    { post: post('s1', 'satire'), answer: answer({ rating: 1, skipped: true }) },
    { post: post('h2', 'hoax'), answer: answer({ rating: 1, prompt: 'hoax-match', readFirst: true, cancelled: true }) },
    { post: post('c1', 'scam'), answer: answer({ rating: 1, prompt: 'hoax-match', cancelled: true }) },
    { post: post('t2', 'true'), answer: answer({ rating: 3, prompt: 'unread-link', readFirst: true, shared: true }) },
  ];

  it('computes discernment, reading first and mean ratings', () => {
    const score = scoreQuiz(answered);
    expect(score.sharedTrue).toBe(1);
    expect(score.sharedFalse).toBeCloseTo(1 / 3);
    expect(score.discernment).toBeCloseTo(2 / 3);
    expect(score.prompts).toBe(4);
    expect(score.readFirstCount).toBe(2);
    expect(score.readFirst).toBe(0.5);
    expect(score.meanRatingTrue).toBe(3.5);
    expect(score.meanRatingFalse).toBeCloseTo(5 / 3);
  });

  it('compares the first half of the session with the second', () => {
    const { firstHalf, secondHalf } = scoreQuiz(answered);
    expect(firstHalf).toEqual({ posts: 3, sharedTrue: 1, sharedFalse: 1, readFirst: 0 });
    expect(secondHalf).toMatchObject({ posts: 3, sharedTrue: 1, sharedFalse: 0 });
    expect(secondHalf.readFirst).toBeCloseTo(2 / 3);
  });

  it('says "no data" rather than 0 when a kind is missing', () => {
    const score = scoreQuiz([{ post: post('t', 'true'), answer: answer({ shared: true }) }]);
    expect(score.sharedFalse).toBeNull();
    expect(score.discernment).toBeNull();
    expect(score.readFirst).toBeNull();
  });

  it('exports one CSV row per post', () => {
    const csv = quizCsv(answered.slice(0, 2)).split('\r\n');
    expect(csv[0]).toBe('position,post,kind,platform,accuracy_rating,prompt_reason,read_first,choice');
    expect(csv[1]).toBe('1,h1,hoax,x,3,hoax-match,no,shared');
    expect(csv[2]).toBe('2,t1,true,x,4,,no,shared');
  });
});

describe('presenter shortcuts', () => {
  const press = (key: string, change: Partial<Parameters<typeof commandFor>[0]> = {}) =>
    commandFor({ key, altKey: false, ctrlKey: false, metaKey: false, inControl: false, ...change });
  it('maps keys to commands, and ignores modifiers and typing', () => {
    expect(press('N')).toBe('next');
    expect(press('ArrowLeft')).toBe('previous');
    expect(press('r')).toBe('reveal');
    expect(press('0')).toBe('reset');
    expect(press('r', { ctrlKey: true })).toBeNull();
    expect(press('n', { inControl: true })).toBeNull();
    expect(press('x')).toBeNull();
  });
});

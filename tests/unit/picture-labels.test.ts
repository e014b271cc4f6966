// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LABEL_TAG, removeLabels, showLabel } from '../../components/label/host';
import type { Settings } from '../../lib/core/vocabulary';
import { followSettings } from '../../lib/labels';
import { createPictureLabels, PICTURES_PER_MINUTE, type PictureLabels } from '../../lib/labels/pictures';
import type { IdleCallback } from '../../lib/labels/scanner';
import type { FactCheckView, MatchPicturesResponse, RequestOf } from '../../lib/messaging/protocol';
import { X_SITE } from '../../lib/sites/x';
import { uiText } from '../../lib/i18n';
import { DEFAULT_SETTINGS } from '../../lib/settings/stored';

const FACT_CHECK: FactCheckView = {
  id: 'poster',
  listId: 'starter',
  claim: 'Gunung Lawu bakal erupsi',
  rating: 'false',
  samePicture: true,
  score: 1,
};
const media = (n: number) => `https://pbs.twimg.com/media/p${n}.jpg`;

/** The browser's IntersectionObserver, driven by the test: `show(picture, share)` reports how much of it is on screen. */
class FakeVisibility {
  static current: FakeVisibility;
  readonly watched = new Set<Element>();
  constructor(private readonly report: IntersectionObserverCallback) {
    FakeVisibility.current = this;
  }
  observe(target: Element) {
    this.watched.add(target);
  }
  unobserve(target: Element) {
    this.watched.delete(target);
  }
  disconnect() {
    this.watched.clear();
  }
  show(target: Element, share: number) {
    const entry = { target, isIntersecting: share > 0, intersectionRatio: share } as IntersectionObserverEntry;
    this.report([entry], this as unknown as IntersectionObserver);
  }
}

function feed(posts: number[][]): Element[] {
  document.body.innerHTML = posts
    .map(
      (photos, at) =>
        `<article data-testid="tweet" id="post-${at}">${photos
          .map((n) => `<div data-testid="tweetPhoto"><img src="${media(n)}"></div>`)
          .join('')}</article>`,
    )
    .join('');
  return [...document.querySelectorAll('img')];
}

let requests: RequestOf<'match-pictures'>[];
let readRequests: RequestOf<'read-pictures'>[];
let shown: { post: string; factCheck: FactCheckView }[];
let idle: IdleCallback[];
let labels: PictureLabels;
let answer: (request: RequestOf<'match-pictures'>) => MatchPicturesResponse;

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
  vi.stubGlobal('IntersectionObserver', FakeVisibility);
  requests = [];
  readRequests = [];
  shown = [];
  idle = [];
  // The post showing picture 1 is a hoax by its picture; the one showing picture 2 by the picture's words.
  answer = (request) => {
    const index = request.posts.findIndex((post) =>
      post.images.some((image) => 'url' in image && image.url === media(1)),
    );
    return {
      labels: index >= 0 ? [{ index, factCheck: FACT_CHECK }] : [],
      language: 'en',
      ...(request.posts.some((post) => post.images.some((image) => 'url' in image && image.url === media(2)))
        ? { reading: 'reading-1' }
        : {}),
    };
  };
  labels = createPictureLabels({
    adapter: X_SITE,
    document,
    matchPictures: async (request) => {
      requests.push(request);
      return answer(request);
    },
    readPictures: async (request) => {
      readRequests.push(request);
      return {
        labels: [{ index: 0, factCheck: { ...FACT_CHECK, samePicture: undefined, pictureText: true } }],
        language: 'id',
      };
    },
    uiText: async (language) => uiText(language),
    showLabel: (post, factCheck) => shown.push({ post: post.id, factCheck }),
    idle: (callback) => void idle.push(callback),
  });
});

afterEach(() => {
  labels.stop();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

const runIdle = async () => {
  for (const callback of idle.splice(0)) callback({ timeRemaining: () => 50 });
  await vi.advanceTimersByTimeAsync(0);
};

describe('labels by picture, on the page', () => {
  it('checks a post once its picture has been half on screen for a second, in idle time', async () => {
    const [hoax, other] = feed([[1], [3]]);
    labels.start();
    const visibility = FakeVisibility.current;
    expect([...visibility.watched]).toEqual([hoax, other]);
    visibility.show(hoax!, 0.6);
    visibility.show(other!, 0.4);
    await vi.advanceTimersByTimeAsync(999);
    expect(idle).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toEqual([]); // only once the page is idle
    await runIdle();
    expect(requests).toEqual([{ site: 'x', posts: [{ images: [{ url: media(1) }] }] }]);
    expect(shown).toEqual([{ post: 'post-0', factCheck: FACT_CHECK }]);
    // Less than half on screen: never checked; checked pictures are not watched any more.
    expect([...visibility.watched]).toEqual([other]);
  });

  it('does not check a picture scrolled past within the second', async () => {
    const [picture] = feed([[1]]);
    labels.start();
    FakeVisibility.current.show(picture!, 1);
    await vi.advanceTimersByTimeAsync(500);
    FakeVisibility.current.show(picture!, 0);
    await vi.advanceTimersByTimeAsync(2_000);
    await runIdle();
    expect(requests).toEqual([]);
  });

  it('asks for the labels by picture text when the answer names a reading', async () => {
    const [picture] = feed([[2]]);
    labels.start();
    FakeVisibility.current.show(picture!, 1);
    await vi.advanceTimersByTimeAsync(1_000);
    await runIdle();
    expect(readRequests).toEqual([{ site: 'x', reading: 'reading-1' }]);
    expect(shown).toEqual([{ post: 'post-0', factCheck: expect.objectContaining({ pictureText: true }) }]);
  });

  it(`sends at most 8 pictures a message and ${PICTURES_PER_MINUTE} a minute`, async () => {
    const pictures = feed(Array.from({ length: 40 }, (_, n) => [10 + 2 * n, 11 + 2 * n]));
    labels.start();
    for (const picture of pictures) FakeVisibility.current.show(picture, 1);
    await vi.advanceTimersByTimeAsync(1_000);
    for (let i = 0; i < 20; i++) await runIdle();
    const count = () => requests.flatMap((request) => request.posts.flatMap((post) => post.images)).length;
    expect(Math.max(...requests.map((request) => request.posts.flatMap((post) => post.images).length))).toBe(8);
    expect(count()).toBe(PICTURES_PER_MINUTE);
    await vi.advanceTimersByTimeAsync(60_000);
    for (let i = 0; i < 5; i++) await runIdle();
    expect(count()).toBe(80);
    // Each post once, both its pictures together.
    expect(requests.flatMap((request) => request.posts.map((post) => post.images.length))).toEqual(Array(40).fill(2));
  });

  it('watches pictures added later, and stops watching and sending when stopped', async () => {
    feed([]);
    labels.start();
    document.body.innerHTML = `<article data-testid="tweet" id="late"><div data-testid="tweetPhoto"><img src="${media(1)}"></div></article>`;
    labels.notice([document.body.firstElementChild!]);
    const picture = document.querySelector('img')!;
    expect(FakeVisibility.current.watched.has(picture)).toBe(true);
    FakeVisibility.current.show(picture, 1);
    labels.stop();
    await vi.advanceTimersByTimeAsync(1_000);
    await runIdle();
    expect(requests).toEqual([]);
    expect(FakeVisibility.current.watched.size).toBe(0);
  });
});

describe('labels by picture as the settings change', () => {
  const TEXT_MATCH: FactCheckView = { ...FACT_CHECK, id: 'by-text', samePicture: undefined };
  const WORDS_MATCH: FactCheckView = { ...FACT_CHECK, id: 'by-words', samePicture: undefined, pictureText: true };
  const settings = (change: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...change });

  /** Three labelled posts: by text, by picture, by the words in a picture; and what was started. */
  function labelledPage(onPhone = false) {
    const posts = feed([[1], [2], [3]]);
    const text = uiText('en');
    [TEXT_MATCH, FACT_CHECK, WORDS_MATCH].forEach((factCheck, n) =>
      showLabel({ parent: posts[n]!.closest('article')!, before: null }, factCheck, text),
    );
    const scanner = { start: vi.fn(), stop: vi.fn() };
    const pictures = { start: vi.fn(), stop: vi.fn() };
    const follow = followSettings(X_SITE, document, { removeLabels }, { scanner, pictures }, onPhone);
    const labelled = () => [...document.querySelectorAll<HTMLElement>(LABEL_TAG)].map((label) => label.dataset.matchId);
    return { follow, pictures, labelled };
  }

  it('takes the picture labels off when picture checks are turned off, and checks again when on', () => {
    const { follow, pictures, labelled } = labelledPage();
    follow(settings());
    expect(pictures.start).toHaveBeenCalledOnce();
    follow(settings({ strictness: 'always' }));
    expect(pictures.start).toHaveBeenCalledOnce();
    expect(labelled()).toEqual(['by-text', 'poster', 'by-words']);
    follow(settings({ pictureChecks: false }));
    expect(labelled()).toEqual(['by-text']);
    expect(pictures.start).toHaveBeenCalledOnce();
    follow(settings());
    expect(pictures.start).toHaveBeenCalledTimes(2);
  });

  it("takes only the labels by pictures' words off when reading them is turned off (or left to a phone's default)", () => {
    const desktop = labelledPage();
    desktop.follow(settings());
    desktop.follow(settings({ pictureText: false }));
    expect(desktop.labelled()).toEqual(['by-text', 'poster']);
    // Checked afresh by hashes only.
    expect(desktop.pictures.start).toHaveBeenCalledTimes(2);

    const phone = labelledPage(true);
    phone.follow(settings({ pictureText: true }));
    expect(phone.labelled()).toEqual(['by-text', 'poster', 'by-words']);
    phone.follow(settings());
    expect(phone.labelled()).toEqual(['by-text', 'poster']);
  });

  it('takes every label off when labels are turned off for the site', () => {
    const { follow, labelled } = labelledPage();
    follow(settings());
    follow(settings({ labelsOffSites: ['x'] }));
    expect(labelled()).toEqual([]);
  });
});

// @vitest-environment happy-dom
import { normalizeUrl } from '../../lib/core/url';
import { afterEach, describe, expect, it } from 'vitest';
import { THREADS_SITE } from '../../lib/sites/threads';
import {
  actionAt,
  contentFrom,
  $,
  byText,
  click,
  FIXTURE_LANGUAGES,
  type FixtureLanguage,
  type FixturePage,
  guardOnFixture,
  HOAX_ANSWER,
  loadFixture,
  settle,
} from './harness';

/** Threads' feed: the repost button, then the menu's Repost and Quote. */

const IDS = { hoax: 'DLw7aErUpSi', plain: 'DPsgGrgKpas', withLink: 'DBmkgHujan1' } as const;
const HOAX_TEXT = 'Gunung no 7 yg akan erupsi besar adalah gn Lawu, saat ini ada indikasi lava naik';
const ARTICLE = 'https://kompas.com/tren/read/2026/11/20/bmkg-puncak-musim-hujan';
const LABELS = {
  id: { repost: 'Posting ulang', quote: 'Kutip', share: 'Bagikan' },
  en: { repost: 'Repost', quote: 'Quote', share: 'Share' },
} as const;

const post = (page: FixturePage, id: string) =>
  $(page.document, `a[href$="/post/${id}"]`).closest('[data-pressable-container="true"]') as HTMLElement;
const repostButton = (page: FixturePage, id: string, language: FixtureLanguage) =>
  $(post(page, id), `svg[aria-label="${LABELS[language].repost}"]`).parentElement as HTMLElement;
const menuItem = (page: FixturePage, name: string) => byText(page.document, '[role="menu"] [role="button"]', name);

const actionOf = (element: Element) => actionAt(THREADS_SITE, element);

const contentOf = (page: FixturePage, id: string, language: FixtureLanguage) =>
  contentFrom(THREADS_SITE, repostButton(page, id, language), `post ${id}`);

describe.each(FIXTURE_LANGUAGES)('Threads adapter on the %s UI', (language: FixtureLanguage) => {
  let page: FixturePage;
  afterEach(() => page.close());

  it('finds the repost button as the opener, the menu’s Repost and Quote as the shares', () => {
    page = loadFixture('threads', language);
    const button = repostButton(page, IDS.hoax, language);
    expect(actionOf($(button, 'svg'))).toMatchObject({
      kind: 'repost',
      step: 'opens',
      content: 'post',
      element: button,
    });
    const share = $(post(page, IDS.hoax), `svg[aria-label="${LABELS[language].share}"]`);
    expect(actionOf(share)).toBeNull();
    click(button);
    const repost = menuItem(page, LABELS[language].repost);
    expect(actionOf($(repost, 'span'))).toMatchObject({
      kind: 'repost',
      step: 'shares',
      content: 'opened-post',
      element: repost,
    });
    const quote = menuItem(page, LABELS[language].quote);
    expect(actionOf($(quote, 'span'))).toMatchObject({
      kind: 'quote',
      step: 'shares',
      content: 'opened-post',
      element: quote,
    });
  });

  it('counts "Repost" only inside a menu', () => {
    page = loadFixture('threads', language);
    const outside = page.document.createElement('button');
    outside.textContent = LABELS[language].repost;
    page.document.body.append(outside);
    expect(actionOf(outside)).toBeNull();
  });

  it('extracts the hoax post’s text, without the author’s name', () => {
    page = loadFixture('threads', language);
    const content = contentOf(page, IDS.hoax, language);
    expect(content.text).toContain(HOAX_TEXT);
    expect(content.text).not.toContain('kabar.lawu');
    expect(content.urls).toEqual([]);
  });

  it('extracts a benign post, and a post’s external link through l.threads.net', () => {
    page = loadFixture('threads', language);
    expect(contentOf(page, IDS.plain, language)).toMatchObject({ urls: [] });
    expect(contentOf(page, IDS.plain, language).text).toContain('pisang goreng kipas');
    const withLink = contentOf(page, IDS.withLink, language);
    expect(withLink.text).toContain('BMKG memprakirakan puncak musim hujan');
    expect(withLink.urls.map(normalizeUrl)).toEqual([ARTICLE]);
  });
});

describe('the guard on Threads', () => {
  const arm = guardOnFixture('threads', THREADS_SITE);

  it('checks the reposted post; Cancel reposts nothing', async () => {
    const { page, calls, shown } = arm(async () => HOAX_ANSWER, 'cancel');
    click(repostButton(page, IDS.hoax, 'id'));
    click(menuItem(page, LABELS.id.repost));
    await settle(10);
    expect(calls.checkShare).toHaveLength(1);
    expect(calls.checkShare[0]).toMatchObject({ site: 'threads', kind: 'repost', urls: [] });
    expect(calls.checkShare[0]?.text).toContain(HOAX_TEXT);
    expect(shown[0]?.matches[0]?.id).toBe('tbh26-35352');
    expect(page.shares().count).toBe(0);
  });

  it('starts the quote once on Share anyway', async () => {
    const { page, calls } = arm(async () => HOAX_ANSWER, 'share');
    click(repostButton(page, IDS.hoax, 'id'));
    click(menuItem(page, LABELS.id.quote));
    await settle(10);
    expect(calls.checkShare[0]).toMatchObject({ kind: 'quote' });
    expect(page.shares().log).toEqual([`quote:${IDS.hoax}`]);
  });

  it('lets a benign repost through at once, and checks a link post with its article', async () => {
    const { page, calls, shown } = arm(async () => ({ ask: false }), 'cancel');
    click(repostButton(page, IDS.plain, 'id'));
    click(menuItem(page, LABELS.id.repost));
    await settle(10);
    click(repostButton(page, IDS.withLink, 'id'));
    click(menuItem(page, LABELS.id.repost));
    await settle(10);
    expect(calls.checkShare[0]?.text).toContain('pisang goreng kipas');
    expect(calls.checkShare[1]?.urls.map(normalizeUrl)).toEqual([ARTICLE]);
    expect(shown).toHaveLength(0);
    expect(page.shares().log).toEqual([`repost:${IDS.plain}`, `repost:${IDS.withLink}`]);
  });
});

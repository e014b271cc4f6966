// @vitest-environment happy-dom
import { normalizeUrl } from '../../lib/core/url';
import { afterEach, describe, expect, it } from 'vitest';
import { YOUTUBE_SITE } from '../../lib/sites/youtube';
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

/** YouTube's watch page: the share button, then the share panel's network targets and Copy. */

const VIDEOS = { hoax: 'Lw7aErUpSi0', plain: 'PsgGrgKpas1', withLink: 'BmkgHujan01' } as const;
const HOAX_TEXT = 'Gunung no 7 yg akan erupsi besar adalah gn Lawu, saat ini ada indikasi lava naik';
const LABELS = {
  id: { share: 'Bagikan', copy: 'Salin', save: 'Simpan' },
  en: { share: 'Share', copy: 'Copy', save: 'Save' },
} as const;

const shareButton = (page: FixturePage, language: FixtureLanguage) =>
  $(page.document, `ytd-watch-metadata button[aria-label="${LABELS[language].share}"]`);
const panel = (page: FixturePage) => $(page.document, 'ytd-popup-container ytd-unified-share-panel-renderer');
const target = (page: FixturePage, network: string) =>
  $(panel(page), `[data-fixture-target="${network}"] button#target`);
const copyButton = (page: FixturePage) => $(panel(page), 'yt-copy-link-renderer #copy-button button');

const actionOf = (element: Element) => actionAt(YOUTUBE_SITE, element);

/** Goes to another video through "up next", as YouTube's single-page navigation does. */
function watch(page: FixturePage, id: string): void {
  if (page.document.querySelector('ytd-watch-flexy')?.getAttribute('video-id') === id) return;
  click($(page.document, `ytd-compact-video-renderer a[href="/watch?v=${id}"]`));
}

const contentOf = (page: FixturePage, language: FixtureLanguage) =>
  contentFrom(YOUTUBE_SITE, shareButton(page, language), 'video metadata');

describe.each(FIXTURE_LANGUAGES)('YouTube adapter on the %s UI', (language: FixtureLanguage) => {
  let page: FixturePage;
  afterEach(() => page.close());

  it('finds the share button as the opener, the panel’s targets and Copy as the shares', () => {
    page = loadFixture('youtube', language);
    const button = shareButton(page, language);
    expect(actionOf($(button, '.yt-icon-shape'))).toMatchObject({
      kind: 'share',
      step: 'opens',
      content: 'post',
      element: button,
    });
    expect(actionOf(byText(page.document, 'ytd-watch-metadata button', LABELS[language].save))).toBeNull();
    click(button);
    for (const network of ['whatsapp', 'facebook', 'x']) {
      const item = target(page, network);
      expect(actionOf($(item, '#title'))).toMatchObject({ step: 'shares', content: 'opened-post', element: item });
    }
    expect(actionOf(copyButton(page))).toMatchObject({ kind: 'share', step: 'shares', content: 'opened-post' });
    expect(actionOf($(panel(page), 'input#share-url'))).toBeNull();
  });

  it('falls back to the "Copy" label inside the panel only', () => {
    page = loadFixture('youtube', language);
    click(shareButton(page, language));
    const copy = copyButton(page);
    copy.closest('#copy-button')?.setAttribute('id', 'copy-button-v2');
    expect(actionOf(copy)).toMatchObject({ step: 'shares' });
    const outside = page.document.createElement('button');
    outside.textContent = LABELS[language].copy;
    page.document.body.append(outside);
    expect(actionOf(outside)).toBeNull();
  });

  it('extracts the hoax video’s title and full description, without the comment under it', () => {
    page = loadFixture('youtube', language);
    const content = contentOf(page, language);
    expect(content.text).toContain('Gunung Lawu Bakal Erupsi Besar');
    expect(content.text).toContain(HOAX_TEXT);
    // The collapsed preview repeats the description's start: read once, from the full text.
    expect(content.text.split('Gunung no 7').length).toBe(2);
    expect(content.text).not.toContain('gangguan');
    expect(content.urls).toEqual([]);
  });

  it('reads the video shown after navigating in place', () => {
    page = loadFixture('youtube', language);
    watch(page, VIDEOS.plain);
    const content = contentOf(page, language);
    expect(content.text).toContain('pisang goreng kipas');
    expect(content.text).not.toContain('Lawu');
    expect(content.urls).toEqual([]);
  });

  it('reads a description that links an article', () => {
    page = loadFixture('youtube', language);
    watch(page, VIDEOS.withLink);
    expect(contentOf(page, language).text).toContain('BMKG memprakirakan puncak musim hujan');
  });

  it('extracts the article behind a description’s youtube.com/redirect link', () => {
    page = loadFixture('youtube', language);
    watch(page, VIDEOS.withLink);
    // Sent as found; the background unwraps it to the article.
    const articles = contentOf(page, language).urls.map((url) => normalizeUrl(url));
    expect(articles.some((url) => url?.startsWith('https://kompas.com/'))).toBe(true);
  });
});

describe('the guard on YouTube', () => {
  const arm = guardOnFixture('youtube', YOUTUBE_SITE);

  it('checks the video from a share target; Cancel shares nothing', async () => {
    const { page, calls, shown } = arm(async () => HOAX_ANSWER, 'cancel');
    click(shareButton(page, 'id'));
    click(target(page, 'whatsapp'));
    await settle(10);
    expect(calls.checkShare).toHaveLength(1);
    expect(calls.checkShare[0]).toMatchObject({ site: 'youtube', kind: 'share', urls: [] });
    expect(calls.checkShare[0]?.text).toContain(HOAX_TEXT);
    expect(shown[0]?.matches[0]?.id).toBe('tbh26-35352');
    expect(page.shares().count).toBe(0);
  });

  it('copies the link once on Share anyway', async () => {
    const { page, calls } = arm(async () => HOAX_ANSWER, 'share');
    click(shareButton(page, 'id'));
    click(copyButton(page));
    await settle(10);
    expect(calls.checkShare[0]?.text).toContain(HOAX_TEXT);
    expect(page.shares().log).toEqual([`copy:${VIDEOS.hoax}`]);
  });

  it('lets a benign video’s share through at once', async () => {
    const { page, calls, shown } = arm(async () => ({ ask: false }), 'cancel');
    watch(page, VIDEOS.plain);
    click(shareButton(page, 'id'));
    click(target(page, 'facebook'));
    await settle(10);
    expect(calls.checkShare[0]?.text).toContain('pisang goreng kipas');
    expect(shown).toHaveLength(0);
    expect(page.shares().log).toEqual([`facebook:${VIDEOS.plain}`]);
  });
});

// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { TIKTOK_SITE } from '../../lib/sites/tiktok';
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

/** TikTok's For You feed: the share button, then the share menu's Repost, networks and Copy link. */

const IDS = { hoax: '7441000000000000001', plain: '7441000000000000002', added: '7441000000000000010' } as const;
const HOAX_TEXT = 'Gunung no 7 yg akan erupsi besar adalah gn Lawu, saat ini ada indikasi lava naik';
const LABELS = {
  id: { repost: 'Posting ulang', copy: 'Salin tautan' },
  en: { repost: 'Repost', copy: 'Copy link' },
} as const;

const video = (page: FixturePage, id: string) =>
  $(page.document, `[id$="-${id}"]`).closest('article[data-e2e="recommend-list-item-container"]') as HTMLElement;
const shareButton = (page: FixturePage, id: string) => $(video(page, id), 'button:has([data-e2e="share-icon"])');
const menu = (page: FixturePage) => $(page.document, '.TUXModal [data-e2e="share-group"]');
const menuItem = (page: FixturePage, name: string) => byText(menu(page), 'button', name);

const actionOf = (element: Element) => actionAt(TIKTOK_SITE, element);

const contentOf = (page: FixturePage, id: string) => contentFrom(TIKTOK_SITE, shareButton(page, id), `video ${id}`);

describe.each(FIXTURE_LANGUAGES)('TikTok adapter on the %s UI', (language: FixtureLanguage) => {
  let page: FixturePage;
  afterEach(() => page.close());

  it('finds the share button as the opener, the menu’s Repost, networks and Copy link as the shares', () => {
    page = loadFixture('tiktok', language);
    const button = shareButton(page, IDS.hoax);
    expect(actionOf($(button, 'svg'))).toMatchObject({
      kind: 'share',
      step: 'opens',
      content: 'post',
      element: button,
    });
    expect(actionOf($(video(page, IDS.hoax), 'button:has([data-e2e="like-icon"])'))).toBeNull();
    click(button);
    const repost = $(menu(page), '[data-e2e="share-repost"]');
    expect(actionOf($(repost, 'span'))).toMatchObject({
      kind: 'repost',
      step: 'shares',
      content: 'opened-post',
      element: repost,
    });
    for (const name of [LABELS[language].copy, 'WhatsApp', 'Facebook']) {
      const item = menuItem(page, name);
      expect(actionOf($(item, 'span'))).toMatchObject({
        kind: 'share',
        step: 'shares',
        content: 'opened-post',
        element: item,
      });
    }
  });

  it('falls back to the "Repost" label inside the share menu only', () => {
    page = loadFixture('tiktok', language);
    click(shareButton(page, IDS.hoax));
    const repost = $(menu(page), '[data-e2e="share-repost"]');
    repost.setAttribute('data-e2e', 'share-repost-v2');
    expect(actionOf(repost)).toMatchObject({ kind: 'repost', step: 'shares' });
    const outside = page.document.createElement('button');
    outside.textContent = LABELS[language].repost;
    page.document.body.append(outside);
    expect(actionOf(outside)).toBeNull();
  });

  it('extracts the hoax video’s caption, hashtags as TikTok’s own links', () => {
    page = loadFixture('tiktok', language);
    const content = contentOf(page, IDS.hoax);
    expect(content.text).toContain(HOAX_TEXT);
    expect(content.text).not.toContain('kabar.lawu');
    expect(content.urls).toEqual([]);
  });

  it('extracts a benign caption', () => {
    page = loadFixture('tiktok', language);
    const content = contentOf(page, IDS.plain);
    expect(content.text).toContain('pisang goreng kipas');
    expect(content.text).not.toContain('Lawu');
    expect(content.urls).toEqual([]);
  });

  it('handles videos added after load', () => {
    page = loadFixture('tiktok', language);
    click($(page.document, '[data-fixture-action="load-more"]'));
    expect(actionOf(shareButton(page, IDS.added))).toMatchObject({ step: 'opens' });
    expect(contentOf(page, IDS.added).text).toContain('pemadaman listrik total 3 hari di Jawa dan Bali');
  });
});

describe('the guard on TikTok', () => {
  const arm = guardOnFixture('tiktok', TIKTOK_SITE);

  it('checks the reposted video’s caption; Cancel reposts nothing', async () => {
    const { page, calls, shown } = arm(async () => HOAX_ANSWER, 'cancel');
    click(shareButton(page, IDS.hoax));
    click($(menu(page), '[data-e2e="share-repost"]'));
    await settle(10);
    expect(calls.checkShare).toHaveLength(1);
    expect(calls.checkShare[0]).toMatchObject({ site: 'tiktok', kind: 'repost', urls: [] });
    expect(calls.checkShare[0]?.text).toContain(HOAX_TEXT);
    expect(shown[0]?.matches[0]?.id).toBe('tbh26-35352');
    expect(page.shares().count).toBe(0);
  });

  it('sends to WhatsApp once on Share anyway', async () => {
    const { page, calls } = arm(async () => HOAX_ANSWER, 'share');
    click(shareButton(page, IDS.hoax));
    click(menuItem(page, 'WhatsApp'));
    await settle(10);
    expect(calls.checkShare[0]).toMatchObject({ kind: 'share' });
    expect(page.shares().log).toEqual([`whatsapp:${IDS.hoax}`]);
  });

  it('lets a benign video’s repost through at once', async () => {
    const { page, calls, shown } = arm(async () => ({ ask: false }), 'cancel');
    click(shareButton(page, IDS.plain));
    click($(menu(page), '[data-e2e="share-repost"]'));
    await settle(10);
    expect(calls.checkShare[0]?.text).toContain('pisang goreng kipas');
    expect(shown).toHaveLength(0);
    expect(page.shares().log).toEqual([`repost:${IDS.plain}`]);
  });
});

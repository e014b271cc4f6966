// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { externalHref, extractPost, findPost } from '../../lib/guard/extract';
import { findAction } from '../../lib/guard/find-action';
import { FACEBOOK_SITE } from '../../lib/sites/facebook';
import { FACEBOOK_DRIVER as driver } from './drivers';
import { $, byText, click, FIXTURE_LANGUAGES, type FixturePage, loadFixture } from './harness';

/** Facebook specifics beyond adapters.test.ts: the share sheet's other items, older layouts. */

const SHEET = {
  id: {
    send: 'Kirim di Messenger',
    group: 'Bagikan ke grup',
    seeMore: 'Lihat selengkapnya',
    share: 'Bagikan',
    shareNow: 'Bagikan sekarang',
  },
  en: {
    send: 'Send in Messenger',
    group: 'Share to a group',
    seeMore: 'See more',
    share: 'Share',
    shareNow: 'Share now',
  },
} as const;

function ruleOf(element: Element) {
  const path: Element[] = [];
  for (let el: Element | null = element; el; el = el.parentElement) path.push(el);
  return findAction(FACEBOOK_SITE, path)?.rule ?? null;
}

describe.each(FIXTURE_LANGUAGES)('Facebook adapter on the %s UI', (language) => {
  let page: FixturePage;
  afterEach(() => page.close());

  it('finds "send in Messenger" and "share to a group" in the share sheet', () => {
    page = loadFixture('facebook', language);
    click(driver.opener(driver.post(page, driver.ids.hoax)));
    const send = byText(page.document, '[role="dialog"] [role="button"]', SHEET[language].send);
    expect(ruleOf($(send, 'span'))).toMatchObject({ kind: 'send', step: 'shares', content: 'opened-post' });
    const group = byText(page.document, '[role="dialog"] [role="button"]', SHEET[language].group);
    expect(ruleOf(group)).toMatchObject({ kind: 'share', step: 'shares' });
  });

  it('opens the sheet from the Share label or icon, which sit beside the (empty) hook, not in it', () => {
    page = loadFixture('facebook', language);
    const post = driver.post(page, driver.ids.hoax);
    const button = driver.opener(post).closest('[role="button"]') as HTMLElement;
    const label = byText(button, 'span', SHEET[language].share);
    expect(label.closest('[data-ad-rendering-role="share_button"]')).toBeNull();
    expect(ruleOf(label)).toMatchObject({ kind: 'share', step: 'opens', content: 'post' });
    expect(ruleOf($(button, 'i'))).toMatchObject({ step: 'opens' });
    click(label);
    expect(page.document.querySelector('[role="dialog"]')).not.toBeNull();
    // The sheet's "Share now" is found by its aria-label too (no audience in it).
    const shareNow = $(page.document, `[role="dialog"] [aria-label="${SHEET[language].shareNow}"]`);
    expect(ruleOf($(shareNow, 'span'))).toMatchObject({ kind: 'share', step: 'shares', content: 'opened-post' });
  });

  it('leaves "See more" out of the post text', () => {
    page = loadFixture('facebook', language);
    const post = findPost(FACEBOOK_SITE, driver.opener(driver.post(page, driver.ids.withLink)));
    expect(extractPost(FACEBOOK_SITE, post as Element).text).not.toContain(SHEET[language].seeMore);
  });

  it('does not take the like or comment buttons, or sheet labels outside a sheet, for shares', () => {
    page = loadFixture('facebook', language);
    const post = driver.post(page, driver.ids.hoax);
    expect(ruleOf($(post, '[data-ad-rendering-role="like_button"]'))).toBeNull();
    expect(ruleOf($(post, '[data-ad-rendering-role="comment_button"]'))).toBeNull();
    const stray = page.document.createElement('div');
    stray.setAttribute('role', 'button');
    stray.textContent = SHEET[language].send;
    page.document.body.append(stray);
    expect(ruleOf(stray)).toBeNull();
  });
});

describe('Facebook adapter, beyond the fixtures', () => {
  it('takes "Share now" with or without an audience, in either language', () => {
    document.body.innerHTML = `<div role="dialog">
      <div role="button" id="a">Share now</div><div role="button" id="b">Bagikan sekarang (Publik)</div>
      <div role="button" id="c" aria-label="Share now"><span>Share now (Public)</span></div>
      <div role="button" id="d">Share now to everyone nearby</div></div>`;
    for (const id of ['a', 'b', 'c']) expect(ruleOf($(document, `#${id}`))).toMatchObject({ kind: 'share' });
    expect(ruleOf($(document, '#d'))).toBeNull();
  });

  it('falls back to role="article" posts and still leaves nested comments out', () => {
    document.body.innerHTML = `<div role="feed"><div role="article" id="post">
      <div data-ad-preview="message">Gunung Lawu akan erupsi besar</div>
      <a href="https://l.facebook.com/l.php?u=https%3A%2F%2Fhoaks.example%2Flawu&h=AT1">hoaks.example</a>
      <div role="article"><span>Komentar</span> <a href="https://l.facebook.com/l.php?u=https%3A%2F%2Fother.example%2F">x</a></div>
      <div role="button" id="share"><span data-ad-rendering-role="share_button">Bagikan</span></div></div></div>`;
    const post = findPost(FACEBOOK_SITE, $(document, '#share'));
    expect(post?.id).toBe('post');
    const content = extractPost(FACEBOOK_SITE, post as Element);
    expect(content.text).toBe('Gunung Lawu akan erupsi besar');
    expect(content.urls).toEqual(['https://l.facebook.com/l.php?u=https%3A%2F%2Fhoaks.example%2Flawu&h=AT1']);
  });

  it('counts l.facebook.com links by where they lead', () => {
    const base = 'https://www.facebook.com/';
    const wrapped = (url: string) => `https://l.facebook.com/l.php?u=${encodeURIComponent(url)}&h=AT1`;
    expect(externalHref(FACEBOOK_SITE, wrapped('https://www.kompas.com/a'), base)).not.toBeNull();
    expect(externalHref(FACEBOOK_SITE, wrapped('https://www.facebook.com/events/1'), base)).toBeNull();
    expect(externalHref(FACEBOOK_SITE, '/groups/123', base)).toBeNull();
    expect(externalHref(FACEBOOK_SITE, 'https://web.facebook.com/story.php?id=1', base)).toBeNull();
    expect(externalHref(FACEBOOK_SITE, 'javascript:void(0)', base)).toBeNull();
  });
});

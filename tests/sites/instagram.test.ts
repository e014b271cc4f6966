// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { INSTAGRAM_SITE } from '../../lib/sites/instagram';
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

/** Instagram's feed: the share button, then the share dialog's Send, Copy link and networks. */

const IDS = { hoax: 'DLw7aErUpSi', plain: 'DPsgGrgKpas' } as const;
const HOAX_TEXT = 'Gunung no 7 yg akan erupsi besar adalah gn Lawu, saat ini ada indikasi lava naik';
const LABELS = {
  id: { share: 'Bagikan', send: 'Kirim', copy: 'Salin tautan', like: 'Suka' },
  en: { share: 'Share', send: 'Send', copy: 'Copy link', like: 'Like' },
} as const;

const post = (page: FixturePage, id: string) => $(page.document, `article[data-fixture-post="${id}"]`);
const shareButton = (page: FixturePage, id: string, language: FixtureLanguage) =>
  $(post(page, id), `svg[aria-label="${LABELS[language].share}"]`).parentElement as HTMLElement;
const dialog = (page: FixturePage) => $(page.document, '[data-fixture-layer] [role="dialog"]');

const actionOf = (element: Element) => actionAt(INSTAGRAM_SITE, element);

const contentOf = (page: FixturePage, id: string, language: FixtureLanguage) =>
  contentFrom(INSTAGRAM_SITE, shareButton(page, id, language), `post ${id}`);

/** Opens the share dialog on a post and ticks a person, as a person does. */
function openShareDialog(page: FixturePage, id: string, language: FixtureLanguage): void {
  click(shareButton(page, id, language));
  click($(dialog(page), '[data-fixture-person]'));
}

describe.each(FIXTURE_LANGUAGES)('Instagram adapter on the %s UI', (language: FixtureLanguage) => {
  let page: FixturePage;
  afterEach(() => page.close());

  it('finds the share button as the opener, the dialog’s Send, Copy link and networks as the shares', () => {
    page = loadFixture('instagram', language);
    const button = shareButton(page, IDS.hoax, language);
    expect(actionOf($(button, 'svg'))).toMatchObject({
      kind: 'share',
      step: 'opens',
      content: 'post',
      element: button,
    });
    expect(actionOf($(post(page, IDS.hoax), `svg[aria-label="${LABELS[language].like}"]`))).toBeNull();
    click(button);
    const send = byText(dialog(page), '[role="button"]', LABELS[language].send);
    expect(actionOf(send)).toMatchObject({ kind: 'send', step: 'shares', content: 'opened-post', element: send });
    for (const name of [LABELS[language].copy, 'WhatsApp', 'Facebook']) {
      const item = byText(dialog(page), '[role="button"]', name);
      expect(actionOf($(item, 'span'))).toMatchObject({
        kind: 'share',
        step: 'shares',
        content: 'opened-post',
        element: item,
      });
    }
    expect(actionOf($(dialog(page), '[data-fixture-person]'))).toBeNull();
  });

  it('counts "Send" only inside the share dialog', () => {
    page = loadFixture('instagram', language);
    const outside = page.document.createElement('button');
    outside.textContent = LABELS[language].send;
    page.document.body.append(outside);
    expect(actionOf(outside)).toBeNull();
  });

  it('extracts the hoax post’s caption, without the author’s name or the comments link', () => {
    page = loadFixture('instagram', language);
    const content = contentOf(page, IDS.hoax, language);
    expect(content.text).toContain(HOAX_TEXT);
    expect(content.text).not.toMatch(/kabar\.lawu|128/);
    expect(content.urls).toEqual([]);
  });

  it('extracts a benign caption', () => {
    page = loadFixture('instagram', language);
    const content = contentOf(page, IDS.plain, language);
    expect(content.text).toContain('pisang goreng kipas');
    expect(content.urls).toEqual([]);
  });
});

describe('the guard on Instagram', () => {
  const arm = guardOnFixture('instagram', INSTAGRAM_SITE);

  const send = (page: FixturePage) => byText(dialog(page), '[role="button"]', LABELS.id.send);

  it('checks the sent post’s caption; Cancel sends nothing', async () => {
    const { page, calls, shown } = arm(async () => HOAX_ANSWER, 'cancel');
    openShareDialog(page, IDS.hoax, 'id');
    click(send(page));
    await settle(10);
    expect(calls.checkShare).toHaveLength(1);
    expect(calls.checkShare[0]).toMatchObject({ site: 'instagram', kind: 'send', urls: [] });
    expect(calls.checkShare[0]?.text).toContain(HOAX_TEXT);
    expect(shown[0]?.matches[0]?.id).toBe('tbh26-35352');
    expect(page.shares().count).toBe(0);
  });

  it('sends once on Share anyway', async () => {
    const { page } = arm(async () => HOAX_ANSWER, 'share');
    openShareDialog(page, IDS.hoax, 'id');
    click(send(page));
    await settle(10);
    expect(page.shares().log).toEqual([`send:${IDS.hoax}:ibu.sari`]);
  });

  it('lets a benign post’s send through at once', async () => {
    const { page, calls, shown } = arm(async () => ({ ask: false }), 'cancel');
    openShareDialog(page, IDS.plain, 'id');
    click(send(page));
    await settle(10);
    expect(calls.checkShare[0]?.text).toContain('pisang goreng kipas');
    expect(shown).toHaveLength(0);
    expect(page.shares().log).toEqual([`send:${IDS.plain}:ibu.sari`]);
  });
});

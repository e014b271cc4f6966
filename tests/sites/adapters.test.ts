// @vitest-environment happy-dom
import { normalizeUrl } from '../../lib/core/url';
import { afterEach, describe, expect, it } from 'vitest';
import { extractPost, findPost } from '../../lib/guard/extract';
import { findAction } from '../../lib/guard/find-action';
import { DRIVERS, type SiteDriver } from './drivers';
import { click, FIXTURE_LANGUAGES, type FixturePage, loadFixture } from './harness';

/** What every site adapter must do on its fixtures, in each UI language. */

const HOAX_TEXT =
  'Gunung no 7 yg akan erupsi besar adalah gn Lawu, saat ini ada indikasi lava naik , (chamber ada yg mulai penuh ) ada tekanan dari jalur Bojonegoro (maka bojonegoro salah satu kota yg tinggi tekanan lempeng, erupsi diperkirakan sangat besar, ya waspada sekitar gn lawu.';

function pathOf(element: Element): Element[] {
  const path: Element[] = [];
  for (let el: Element | null = element; el; el = el.parentElement) path.push(el);
  return path;
}

function contentOf(driver: SiteDriver, page: FixturePage, id: string) {
  const post = findPost(driver.adapter, driver.opener(driver.post(page, id)));
  if (!post) throw new Error(`${driver.site}: post ${id} not found from its share control`);
  return extractPost(driver.adapter, post);
}

describe.each(DRIVERS.flatMap((d) => FIXTURE_LANGUAGES.map((language) => [d.site, language, d] as const)))(
  '%s adapter on the %s UI',
  (_site, language, driver) => {
    let page: FixturePage;
    afterEach(() => page.close());

    it('finds the control that opens the share menu, then the item that shares', () => {
      page = loadFixture(driver.site, language);
      const opener = driver.opener(driver.post(page, driver.ids.hoax));
      // Clicks land on an icon or text inside the control.
      const openAction = findAction(driver.adapter, pathOf(opener.querySelector('span, svg') ?? opener));
      expect(openAction?.rule.step).toBe('opens');
      click(opener);
      const item = driver.shareItem(page, language);
      const shareAction = findAction(driver.adapter, pathOf(item.querySelector('span') ?? item));
      expect(shareAction?.rule).toMatchObject({ step: 'shares', content: 'opened-post' });
      expect(shareAction?.element).toBe(item);
    });

    it('extracts the hoax post’s text (the starter list’s tbh26-35352) and no links', () => {
      page = loadFixture(driver.site, language);
      const content = contentOf(driver, page, driver.ids.hoax);
      expect(content.text).toContain(HOAX_TEXT);
      expect(content.urls).toEqual([]);
    });

    it('extracts a benign post without links', () => {
      page = loadFixture(driver.site, language);
      const content = contentOf(driver, page, driver.ids.plain);
      expect(content.text).toContain('pisang goreng kipas');
      expect(content.urls).toEqual([]);
      expect(content.linkTitle).toBeUndefined();
    });

    it('extracts the external article link once, and the link card’s title', () => {
      page = loadFixture(driver.site, language);
      const content = contentOf(driver, page, driver.ids.withLink);
      expect(content.text).toContain('BMKG memprakirakan puncak musim hujan');
      expect(content.urls.map(normalizeUrl)).toEqual([driver.article.url]);
      expect(content.linkTitle).toBe(driver.article.title);
    });

    it('leaves out the comment or reply under a post, and its link', () => {
      page = loadFixture(driver.site, language);
      const content = contentOf(driver, page, driver.ids.withComment);
      expect(content.text).toContain('jadwal KRL Bogor');
      expect(content.text).not.toContain('gangguan');
      expect(content.urls).toEqual([]);
    });

    it('handles posts added after load', () => {
      page = loadFixture(driver.site, language);
      click(driver.loadMore(page));
      const added = driver.post(page, driver.ids.added);
      expect(findAction(driver.adapter, pathOf(driver.opener(added)))?.rule.step).toBe('opens');
      expect(contentOf(driver, page, driver.ids.added).text).toContain(
        'pemadaman listrik total 3 hari di Jawa dan Bali',
      );
    });
  },
);

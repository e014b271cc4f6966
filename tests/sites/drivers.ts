import { FACEBOOK_SITE } from '../../lib/sites/facebook';
import type { SiteAdapter } from '../../lib/sites/types';
import { X_SITE } from '../../lib/sites/x';
import { $, byText, type FixtureLanguage, type FixturePage, type FixtureSite } from './harness';

/**
 * How a person shares a given post on each fixture: which control opens the menu or sheet,
 * and which item in it performs the share. Post ids are the fixtures' own (see their headers).
 */
export interface SiteDriver {
  site: FixtureSite;
  adapter: SiteAdapter;
  /** The post container as a person sees it, by the fixture's post id. */
  post(page: FixturePage, id: string): HTMLElement;
  /** The control on the post that opens the share menu / sheet. */
  opener(post: HTMLElement): HTMLElement;
  /** The item in the open menu / sheet that shares (after `opener` was clicked). */
  shareItem(page: FixturePage, language: FixtureLanguage): HTMLElement;
  /** A control that adds posts after load. */
  loadMore(page: FixturePage): HTMLElement;
  ids: { hoax: string; plain: string; withLink: string; withComment: string; added: string };
  /** The `withLink` post's article, normalised, and its link card's title. */
  article: { url: string; title: string };
}

const ARTICLE = {
  url: 'https://kompas.com/tren/read/2026/11/20/bmkg-puncak-musim-hujan',
  title: 'BMKG: Puncak Musim Hujan 2026/2027 Diprakirakan Januari–Februari',
};

export const X_DRIVER: SiteDriver = {
  site: 'x',
  adapter: X_SITE,
  post: (page, id) => {
    const link = $(page.document, `article[data-testid="tweet"] a[href$="/status/${id}"]`);
    return link.closest('article') as HTMLElement;
  },
  opener: (post) => $(post, '[data-testid="retweet"]'),
  shareItem: (page) => $(page.document, '#layers [data-testid="retweetConfirm"]'),
  loadMore: (page) => $(page.document, '[data-fixture-action="show-new-posts"]'),
  ids: {
    hoax: '1993000000000000001',
    plain: '1993000000000000002',
    withLink: '1993000000000000003',
    withComment: '1993000000000000004',
    added: '1993000000000000010',
  },
  // X wraps every outbound link in t.co; the unread-link rule compares t.co links as they are.
  article: { url: 'https://t.co/Kp7rT2xQ9m', title: ARTICLE.title },
};

const SHARE_NOW = { id: 'Bagikan sekarang (Teman)', en: 'Share now (Friends)' } as const;

export const FACEBOOK_DRIVER: SiteDriver = {
  site: 'facebook',
  adapter: FACEBOOK_SITE,
  post: (page, id) => {
    const link = $(page.document, `[role="feed"] a[href*="/posts/${id}"]`);
    return link.closest('[data-fixture-post]') as HTMLElement;
  },
  opener: (post) => $(post, '[data-ad-rendering-role="share_button"]'),
  shareItem: (page, language) => byText(page.document, '[role="dialog"] [role="button"]', SHARE_NOW[language]),
  loadMore: (page) => $(page.document, '[data-fixture-action="load-more"]'),
  ids: {
    hoax: '1029384756001',
    plain: '1029384756002',
    withLink: '1029384756003',
    withComment: '1029384756004',
    added: '1029384756010',
  },
  article: ARTICLE,
};

export const DRIVERS: readonly SiteDriver[] = [X_DRIVER, FACEBOOK_DRIVER];

// @vitest-environment happy-dom
import { normalizeUrl } from '../../lib/core/url';
import type { Outcome } from '../../lib/core/vocabulary';
import { afterEach, describe, expect, it } from 'vitest';
import { armGuard } from '../../lib/guard/arm';
import { extractDetails, extractPost, findPost } from '../../lib/guard/extract';
import { findAction, findSignFallback } from '../../lib/guard/find-action';
import type { CheckShareResponse } from '../../lib/messaging/protocol';
import { AVAAZ_SITE } from '../../lib/sites/avaaz';
import { CHANGEORG_SITE } from '../../lib/sites/changeorg';
import type { SiteAdapter } from '../../lib/sites/types';
import {
  $,
  byText,
  click,
  FIXTURE_LANGUAGES,
  type FixtureLanguage,
  type FixturePage,
  fakePrompt,
  fakeTransport,
  HOAX_ANSWER,
  loadFixture,
  settle,
  personInput,
} from './harness';

/** change.org and Avaaz: signing a petition, and the share step that follows. */

const HOAX_TEXT = 'Gunung no 7 yg akan erupsi besar adalah gn Lawu, saat ini ada indikasi lava naik';

const CHANGEORG_SLUGS = {
  hoax: 'evakuasi-warga-sekitar-gunung-lawu-sebelum-erupsi-besar',
  ordinary: 'perbaiki-trotoar-jalan-cempaka-untuk-pejalan-kaki',
};

interface PetitionSite {
  site: 'changeorg' | 'avaaz';
  adapter: SiteAdapter;
  /** A petition's page in a UI language. */
  url(petition: 'hoax' | 'ordinary', language: FixtureLanguage): string;
  /** What the fixture logs for that petition (its slug). */
  slug: { hoax: string; ordinary: string };
  signButton(page: FixturePage): HTMLElement;
  /** A sign button with its locale-free hooks renamed, so only its words can find it. */
  renameSignHooks(page: FixturePage): void;
  details: {
    hoax: { title: string; starter: string; created: string };
    /** Avaaz's own campaigns name no starter and no date. */
    ordinary: { title: string; starter?: string; created?: string };
  };
  /** The ordinary petition's external link, normalised. */
  ordinaryLinks: string[];
  labels: Record<FixtureLanguage, { copy: string }>;
}

const SITES: PetitionSite[] = [
  {
    site: 'changeorg',
    adapter: CHANGEORG_SITE,
    url: (petition) => `https://www.change.org/p/${CHANGEORG_SLUGS[petition]}`,
    slug: CHANGEORG_SLUGS,
    signButton: (page) => $(page.document, 'main form button[type="submit"]'),
    renameSignHooks: (page) => $(page.document, 'main form input[name="email"]').setAttribute('name', 'emailAddress'),
    details: {
      hoax: {
        title: 'Evakuasi warga sekitar Gunung Lawu sebelum erupsi besar!',
        starter: 'Paguyuban Waspada Lawu',
        created: '2026-10-02T08:15:00Z',
      },
      ordinary: {
        title: 'Perbaiki trotoar Jalan Cempaka untuk pejalan kaki dan pengguna kursi roda',
        starter: 'Rina Kusuma',
        created: '2026-08-14T02:30:00Z',
      },
    },
    ordinaryLinks: ['https://kompas.com/kota/read/2026/08/10/trotoar-rusak-jalan-cempaka'],
    labels: { id: { copy: 'Salin tautan' }, en: { copy: 'Copy link' } },
  },
  {
    site: 'avaaz',
    adapter: AVAAZ_SITE,
    url: (petition, language) =>
      petition === 'hoax'
        ? `https://secure.avaaz.org/community_petitions/${language}/evakuasi_warga_lawu_sebelum_erupsi_besar/`
        : `https://secure.avaaz.org/campaign/${language}/lindungi_hutan_adat_papua/`,
    slug: { hoax: 'evakuasi_warga_lawu_sebelum_erupsi_besar', ordinary: 'lindungi_hutan_adat_papua' },
    signButton: (page) => $(page.document, 'main form [type="submit"]'),
    renameSignHooks: (page) => {
      const button = $(page.document, '#sign-pettition-button');
      button.removeAttribute('id');
      button.className = 'btn-primary';
      $(page.document, 'main form.form-sign').className = 'sign-form-v2';
      $(page.document, 'main form input[name="Email"]').setAttribute('name', 'email_address');
    },
    details: {
      hoax: {
        title: 'Evakuasi warga lereng Lawu sebelum erupsi besar',
        starter: 'Forum Warga Lereng Lawu',
        created: '2026-09-21',
      },
      ordinary: { title: 'Lindungi hutan adat Papua' },
    },
    ordinaryLinks: [],
    labels: { id: { copy: 'Salin tautan' }, en: { copy: 'Copy link' } },
  },
];

function actionOf(adapter: SiteAdapter, element: Element) {
  const path: Element[] = [];
  for (let el: Element | null = element; el; el = el.parentElement) path.push(el);
  const found = findAction(adapter, path);
  return found && { kind: found.rule.kind, step: found.rule.step, content: found.rule.content, element: found.element };
}

function contentOf(adapter: SiteAdapter, from: Element) {
  const post = findPost(adapter, from);
  if (!post) throw new Error('petition not found from its sign button');
  return { ...extractPost(adapter, post), details: extractDetails(adapter, post) };
}

/** Signs in the fixture (no guard armed): the share step opens. */
function signUnguarded(site: PetitionSite, page: FixturePage): void {
  click(site.signButton(page));
  $(page.document, '[data-fixture-layer] [role="dialog"]');
}

describe.each(SITES.flatMap((s) => FIXTURE_LANGUAGES.map((language) => [s.site, language, s] as const)))(
  '%s adapter on the %s UI',
  (_site, language, site) => {
    let page: FixturePage;
    afterEach(() => page.close());

    it('finds the sign button as a sign that shares the petition page', () => {
      page = loadFixture(site.site, language, site.url('ordinary', language));
      const button = site.signButton(page);
      expect(actionOf(site.adapter, button)).toMatchObject({
        kind: 'sign',
        step: 'shares',
        content: 'post',
        element: button,
      });
    });

    it('falls back to the sign button’s words in the form when its hooks are renamed, and only there', () => {
      page = loadFixture(site.site, language, site.url('ordinary', language));
      site.renameSignHooks(page);
      const button = site.signButton(page);
      expect(actionOf(site.adapter, button)).toMatchObject({ kind: 'sign', element: button });
      const outside = page.document.createElement('button');
      outside.textContent = button.textContent;
      $(page.document, 'header').append(outside);
      expect(actionOf(site.adapter, outside)).toBeNull();
    });

    it('extracts the hoax petition’s title and text, without the form, comments or footer, and its details', () => {
      page = loadFixture(site.site, language, site.url('hoax', language));
      const content = contentOf(site.adapter, site.signButton(page));
      expect(content.text.split('\n')[0]).toBe(site.details.hoax.title);
      expect(content.text).toContain(HOAX_TEXT);
      expect(content.text).not.toMatch(/Tawangmangu|orang telah|have signed|Facebook|Email/);
      expect(content.urls).toEqual([]);
      expect(content.details).toEqual(site.details.hoax);
    });

    it('extracts an ordinary petition’s own links, and only the details the page shows', () => {
      page = loadFixture(site.site, language, site.url('ordinary', language));
      const content = contentOf(site.adapter, site.signButton(page));
      expect(content.text).toContain(site.details.ordinary.title);
      expect(content.urls.map(normalizeUrl)).toEqual(site.ordinaryLinks);
      expect(content.details).toEqual(site.details.ordinary);
    });

    it('after signing, guards the share step’s copy and email, and leaves its share-intent links to the share-check page', () => {
      page = loadFixture(site.site, language, site.url('hoax', language));
      signUnguarded(site, page);
      const copy = byText(page.document, '[role="dialog"] button', site.labels[language].copy);
      expect(actionOf(site.adapter, copy)).toMatchObject({ kind: 'share', step: 'shares', content: 'post' });
      expect(actionOf(site.adapter, $(page.document, '[role="dialog"] a[href^="mailto:"]'))).toMatchObject({
        kind: 'share',
      });
      for (const network of ['facebook', 'whatsapp', 'x']) {
        expect(actionOf(site.adapter, $(page.document, `[data-fixture-network="${network}"]`))).toBeNull();
      }
      // The share step shares the petition it follows.
      expect(contentOf(site.adapter, copy).text).toContain(HOAX_TEXT);
      expect(page.shares().log).toEqual([`sign:${site.slug.hoax}`]);
    });
  },
);

describe.each(SITES.map((s) => [s.site, s] as const))('the guard on %s', (_site, site) => {
  let page: FixturePage;
  let disarm = () => {};
  afterEach(async () => {
    disarm();
    await page.close();
  });

  function arm(petition: 'hoax' | 'ordinary', answer: () => Promise<CheckShareResponse>, outcome: Outcome) {
    page = loadFixture(site.site, 'id', site.url(petition, 'id'));
    const { transport, calls } = fakeTransport(answer);
    const prompt = fakePrompt(outcome);
    disarm = armGuard({
      adapter: site.adapter,
      document: page.document,
      transport,
      showPrompt: prompt.showPrompt,
      timeoutMs: 40,
      isTrusted: personInput,
    });
    return { calls, shown: prompt.shown };
  }

  const PETITION_ANSWER: CheckShareResponse = {
    ask: true,
    reason: 'petition',
    language: 'id',
    matches: [],
    readUrl: null,
  };

  it('asks before signing, with the petition’s details in the prompt but not in the check; Share anyway signs once', async () => {
    const { calls, shown } = arm('ordinary', async () => PETITION_ANSWER, 'share');
    click(site.signButton(page));
    await settle(10);
    expect(calls.checkShare).toHaveLength(1);
    expect(calls.checkShare[0]).toMatchObject({ site: site.site, kind: 'sign' });
    expect(calls.checkShare[0]).not.toHaveProperty('details');
    expect(shown[0]).toMatchObject({ reason: 'petition', kind: 'sign', details: site.details.ordinary });
    // The title shows among the details; the excerpt starts with what the petition says.
    expect(shown[0]?.excerpt).not.toContain(site.details.ordinary.title);
    expect(shown[0]?.excerpt.length).toBeGreaterThan(20);
    expect(page.shares().log).toEqual([`sign:${site.slug.ordinary}`]);
  });

  it('finds a sign button the adapter no longer reaches by the generic fallback (a form asking for an email), reported as a fallback used', async () => {
    const { calls, shown } = arm('hoax', async () => HOAX_ANSWER, 'cancel');
    site.renameSignHooks(page);
    const button = site.signButton(page);
    // New words too: neither the adapter's selectors nor its labels find it now.
    button.textContent = 'Dukung sekarang';
    expect(actionOf(site.adapter, button)).toBeNull();
    click(button);
    await settle(10);
    expect(calls.checkShare[0]).toMatchObject({ site: site.site, kind: 'sign' });
    expect(shown[0]).toMatchObject({ reason: 'hoax-match', kind: 'sign' });
    expect(page.shares().count).toBe(0);
    expect(calls.reportHealth).toContainEqual({ site: site.site, check: 'the sign button (fallback used)', ok: false });
  });

  it('uses no fallback off a petition page, nor for a form that asks for no email', async () => {
    const { calls } = arm('ordinary', async () => HOAX_ANSWER, 'cancel');
    site.renameSignHooks(page);
    const button = site.signButton(page);
    button.textContent = 'Dukung sekarang';
    const path = (element: Element) => {
      const elements: Element[] = [];
      for (let el: Element | null = element; el; el = el.parentElement) elements.push(el);
      return elements;
    };
    expect(findSignFallback(site.adapter, path(button), '/search')).toBeNull();
    for (const field of page.document.querySelectorAll('main form input')) field.remove();
    expect(findSignFallback(site.adapter, path(button), new URL(site.url('ordinary', 'id')).pathname)).toBeNull();
    click(button);
    await settle(10);
    expect(calls.checkShare).toHaveLength(0);
  });

  it('Cancel signs nothing', async () => {
    const { shown } = arm('hoax', async () => HOAX_ANSWER, 'cancel');
    click(site.signButton(page));
    await settle(10);
    expect(shown[0]).toMatchObject({ reason: 'hoax-match', details: site.details.hoax });
    expect(page.shares().count).toBe(0);
  });

  it('checks the share step’s copy after signing, as a share of the petition', async () => {
    const { calls, shown } = arm('hoax', async () => HOAX_ANSWER, 'share');
    click(site.signButton(page));
    await settle(10);
    click(byText(page.document, '[role="dialog"] button', site.labels.id.copy));
    await settle(10);
    expect(calls.checkShare.map((request) => request.kind)).toEqual(['sign', 'share']);
    expect(calls.checkShare[1]?.text).toContain(HOAX_TEXT);
    expect(shown.map((request) => request.kind)).toEqual(['sign', 'share']);
    expect(page.shares().log).toEqual([`sign:${site.slug.hoax}`, `copy:${site.slug.hoax}`]);
  });
});

describe('extractDetails', () => {
  const adapter: SiteAdapter = {
    ...CHANGEORG_SITE,
    details: {
      title: [{ css: 'h1', seen: '2026-11' }],
      starter: [{ css: '.by', seen: '2026-11' }],
      created: [{ css: '.when', seen: '2026-11' }],
    },
  };

  function post(html: string): Element {
    const root = document.createElement('div');
    root.innerHTML = html;
    return root;
  }

  it('reads a date from datetime when there is one, else the words the page shows', () => {
    expect(extractDetails(adapter, post('<time class="when" datetime="2026-10-02">2 Okt</time>'))).toEqual({
      created: '2026-10-02',
    });
    expect(extractDetails(adapter, post('<span class="when">3 hari  lalu</span>'))).toEqual({ created: '3 hari lalu' });
  });

  it('leaves out the parts it cannot find, and gives nothing when it finds none', () => {
    expect(extractDetails(adapter, post('<h1>Judul</h1><span class="by"> </span>'))).toEqual({ title: 'Judul' });
    expect(extractDetails(adapter, post('<p>apa saja</p>'))).toBeUndefined();
    expect(extractDetails({ ...adapter, details: undefined }, post('<h1>Judul</h1>'))).toBeUndefined();
  });
});

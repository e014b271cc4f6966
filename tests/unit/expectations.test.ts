// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  appliesTo,
  type ExpectationTiming,
  expectationsFor,
  isMet,
  watchExpectations,
} from '../../lib/guard/expectations';
import { SITES } from '../../lib/sites';
import type { Expectation, SiteAdapter } from '../../lib/sites/types';
import { AVAAZ_SITE } from '../../lib/sites/avaaz';
import { CHANGEORG_SITE } from '../../lib/sites/changeorg';
import { X_SITE } from '../../lib/sites/x';
import { WHATSAPP_SITE } from '../../lib/sites/whatsapp';
import { X_DRIVER } from '../sites/drivers';
import {
  click,
  FIXTURE_PAGES,
  type FixturePage,
  type FixtureSite,
  loadFixture,
  personInput,
  settle,
} from '../sites/harness';

const FAST: ExpectationTiming = { settleMs: 10, giveUpMs: 150, openedWithinMs: 100 };
/** Reports are waited for, not timed: a loaded machine only makes them later. */
const WAIT = { timeout: 5_000, interval: 10 };

const expectation = (over: Partial<Expectation>): Expectation => ({
  name: 'posts',
  when: 'page',
  anchors: [{ css: 'article', seen: '2026-08' }],
  ...over,
});

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc;
}

describe('expectationsFor', () => {
  const adapter: SiteAdapter = {
    ...X_SITE,
    expects: [
      expectation({ name: 'feed', paths: ['^/home$'] }),
      expectation({ name: 'anywhere' }),
      expectation({ name: 'bad pattern', paths: ['(['] }),
      expectation({ name: 'menu', when: 'opened' }),
    ],
  };

  it('picks the kind and the pages each expectation applies to', () => {
    expect(expectationsFor(adapter, 'page', '/home').map((e) => e.name)).toEqual(['feed', 'anywhere']);
    expect(expectationsFor(adapter, 'page', '/settings').map((e) => e.name)).toEqual(['anywhere']);
    expect(expectationsFor(adapter, 'opened', '/home').map((e) => e.name)).toEqual(['menu']);
  });

  it('finds nothing for an adapter without expectations', () => {
    expect(expectationsFor({ ...X_SITE, expects: undefined }, 'page', '/home')).toEqual([]);
  });
});

describe('isMet / appliesTo', () => {
  it('is met when any anchor is present; an unparsable anchor counts as absent, never throws', () => {
    const doc = page('<article></article>');
    expect(isMet(doc, expectation({}))).toBe(true);
    expect(
      isMet(
        doc,
        expectation({
          anchors: [
            { css: 'div[[', seen: '2026-08' },
            { css: 'article', seen: '2026-08' },
          ],
        }),
      ),
    ).toBe(true);
    expect(isMet(doc, expectation({ anchors: [{ css: 'div[[', seen: '2026-08' }] }))).toBe(false);
  });

  it('applies only where its onlyIf is present', () => {
    const chat = expectation({ onlyIf: [{ css: '#main', seen: '2026-10' }] });
    expect(appliesTo(page('<div id="side"></div>'), chat)).toBe(false);
    expect(appliesTo(page('<div id="main"></div>'), chat)).toBe(true);
  });
});

describe('petition sites check petition pages only', () => {
  const applicable = (adapter: SiteAdapter, pathname: string, doc: Document) =>
    expectationsFor(adapter, 'page', pathname).filter((e) => appliesTo(doc, e));

  it('avaaz: its own pages on campaign paths (imprint) are not petitions; a renamed sign form still is', () => {
    const imprint = page('<main><h1>Imprint</h1><p>Avaaz Foundation, 27 Union Square West, New York</p></main>');
    expect(applicable(AVAAZ_SITE, '/campaign/en/imprint/', imprint)).toEqual([]);
    expect(applicable(AVAAZ_SITE, '/campaign/id/privacy/', imprint)).toEqual([]);
    const renamed = page(
      '<main><h1>Lindungi hutan adat Papua</h1><form class="petition-sign-v2"><input name="member_email" type="email">' +
        '<button type="submit">Sign</button></form></main>',
    );
    const checks = applicable(AVAAZ_SITE, '/campaign/en/lindungi_hutan_adat_papua/', renamed);
    expect(checks.map((e) => e.name)).toEqual(['the sign form']);
    expect(checks.every((e) => isMet(renamed, e))).toBe(false);
  });

  it('change.org: a petition’s comments and people’s profiles are not petition pages', () => {
    const any = page('<main><h1>Perbaiki trotoar</h1></main>');
    expect(applicable(CHANGEORG_SITE, '/p/perbaiki-trotoar-jalan-cempaka-untuk-pejalan-kaki', any)).toHaveLength(2);
    expect(applicable(CHANGEORG_SITE, '/p/perbaiki-trotoar-jalan-cempaka-untuk-pejalan-kaki/c', any)).toEqual([]);
    expect(applicable(CHANGEORG_SITE, '/p/perbaiki-trotoar-jalan-cempaka-untuk-pejalan-kaki/u/1234', any)).toEqual([]);
    expect(applicable(CHANGEORG_SITE, '/u/1234567', any)).toEqual([]);
  });
});

describe('each site fixture meets its own page expectations', () => {
  it.each(SITES.filter((s) => s.id in FIXTURE_PAGES).map((s) => [s.id, s] as const))('%s', (id, adapter) => {
    const fixture = loadFixture(id as FixtureSite, 'id');
    try {
      const pathname = fixture.document.defaultView!.location.pathname;
      const applicable = expectationsFor(adapter, 'page', pathname).filter((e) => appliesTo(fixture.document, e));
      expect(applicable.length).toBeGreaterThan(0);
      for (const e of applicable) expect(isMet(fixture.document, e), e.name).toBe(true);
    } finally {
      void fixture.close();
    }
  });
});

describe('watchExpectations', () => {
  let fixture: FixturePage | null = null;
  let stop: (() => void) | null = null;
  afterEach(async () => {
    stop?.();
    await fixture?.close();
    fixture = null;
    stop = null;
  });

  function watch(site: FixtureSite, adapter: SiteAdapter, rename?: [string, string][]) {
    fixture = loadFixture(site, 'id');
    for (const [from, to] of rename ?? []) {
      for (const el of fixture.document.querySelectorAll(`[data-testid="${from}"]`)) el.setAttribute('data-testid', to);
    }
    const reports: [string, boolean][] = [];
    stop = watchExpectations({
      adapter,
      document: fixture.document,
      report: (check, ok) => void reports.push([check, ok]),
      timing: FAST,
      isTrusted: personInput,
    });
    return reports;
  }

  it('reports ok when the page settles with its anchors, and when a menu shows its share items', async () => {
    const reports = watch('x', X_SITE);
    await vi.waitFor(() => expect(reports).toEqual([['posts on the home feed', true]]), WAIT);
    click(X_DRIVER.opener(X_DRIVER.post(fixture!, X_DRIVER.ids.plain)));
    await vi.waitFor(
      () =>
        expect(reports).toEqual([
          ['posts on the home feed', true],
          ['repost items in the repost menu', true],
        ]),
      WAIT,
    );
  });

  it('reports what is missing once the page gave up, and a menu without its share items', async () => {
    const reports = watch('x', X_SITE, [
      ['tweet', 'tweet-renamed'],
      ['retweetConfirm', 'boostConfirm'],
    ]);
    click(fixture!.document.querySelector('[data-testid="retweet"]')!);
    await vi.waitFor(() => {
      expect(reports).toContainEqual(['repost items in the repost menu', false]);
      expect(reports).toContainEqual(['posts on the home feed', false]);
    }, WAIT);
    expect(reports.some(([, ok]) => ok)).toBe(false);
  });

  it('says nothing about a page its expectations do not concern (no chat open)', async () => {
    const reports = watch('whatsapp', WHATSAPP_SITE);
    fixture!.document.getElementById('main')!.remove();
    await settle(250);
    expect(reports).toEqual([]);
  });

  it('stops checking when stopped', async () => {
    const reports = watch('x', X_SITE, [['tweet', 'tweet-renamed']]);
    stop!();
    await settle(250);
    expect(reports).toEqual([]);
  });
});

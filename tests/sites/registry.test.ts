// Node environment on purpose: siteForUrl also runs in the background service worker, which has no DOM.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { GUARD_CHECKS } from '../../lib/guard/health';
import { MAX_CHECK_NAME } from '../../lib/messaging/protocol';
import { CONTENT_SCRIPT_MATCHES, DEMO_SITE, SITES, siteForUrl } from '../../lib/sites';
import { SITE_MATCHES } from '../../lib/sites/matches';
import type { SelectorList, SiteAdapter } from '../../lib/sites/types';
import { fixtureHtml } from '../fixture-html';
import { FIXTURE_LANGUAGES, FIXTURE_PAGES, type FixtureSite } from './harness';

/** Meta-test: every adapter in lib/sites is registered, dated, valid, and has fixtures. */

const modules = import.meta.glob<Record<string, unknown>>('../../lib/sites/*.ts', { eager: true });
const isAdapter = (value: unknown): value is SiteAdapter =>
  typeof value === 'object' && value !== null && 'actions' in value && 'post' in value && 'matches' in value;
const ADAPTERS = [...new Set(Object.values(modules).flatMap((m) => Object.values(m).filter(isAdapter)))];

function selectorLists(adapter: SiteAdapter): [string, SelectorList][] {
  return [
    ['post', adapter.post],
    ['postText', adapter.postText],
    ['linkTitle', adapter.linkTitle ?? []],
    ['exclude', adapter.exclude ?? []],
    ['selected', adapter.selected ?? []],
    ['composer.container', adapter.composer?.container ?? []],
    ['composer.text', adapter.composer?.text ?? []],
    ...Object.entries(adapter.details ?? {}).map(([part, list]): [string, SelectorList] => [`details.${part}`, list]),
    ['forwardedMany.selectors', adapter.forwardedMany?.selectors ?? []],
    ...(adapter.expects ?? []).flatMap((expectation, i): [string, SelectorList][] => [
      [`expects[${i}].anchors`, expectation.anchors],
      [`expects[${i}].onlyIf`, expectation.onlyIf ?? []],
    ]),
    ...adapter.actions.flatMap((rule, i): [string, SelectorList][] => [
      [`actions[${i}].selectors`, rule.selectors],
      [`actions[${i}].within`, rule.within ?? []],
      [`actions[${i}].labelled`, rule.labelled ?? []],
    ]),
  ];
}

const THIS_MONTH = new Date().toISOString().slice(0, 7);
/** Only for checking that selectors parse. */
const scratch = new Window().document;

describe('site adapters', () => {
  it('are all registered: the content-script sites, and the demo', () => {
    expect(ADAPTERS.length).toBeGreaterThanOrEqual(3);
    for (const adapter of ADAPTERS) expect([...SITES, DEMO_SITE]).toContain(adapter);
    expect(new Set(ADAPTERS.map((a) => a.id)).size).toBe(ADAPTERS.length);
  });

  describe.each(ADAPTERS.map((a) => [a.id, a] as const))('%s', (_id, adapter) => {
    it('has an id the messaging protocol accepts, and own hosts as bare host names', () => {
      expect(adapter.id).toMatch(/^[a-z0-9-]{1,32}$/);
      for (const host of adapter.ownHosts) expect(host).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/);
    });

    it('has valid https match patterns (none for the demo, which runs in an extension page)', () => {
      if (adapter === DEMO_SITE) expect(adapter.matches).toEqual([]);
      else expect(adapter.matches.length).toBeGreaterThan(0);
      for (const pattern of adapter.matches) {
        expect(() => new MatchPattern(pattern)).not.toThrow();
        expect(pattern.startsWith('https://')).toBe(true);
      }
    });

    it('dates every selector with the month it was last seen, and every selector parses', () => {
      for (const [where, list] of selectorLists(adapter)) {
        for (const alt of list) {
          expect(alt.seen, `${where}: ${alt.css}`).toMatch(/^20\d\d-(0[1-9]|1[0-2])$/);
          expect(alt.seen <= THIS_MONTH, `${where}: ${alt.css} seen in the future`).toBe(true);
          expect(() => scratch.querySelector(alt.css), `${where}: ${alt.css}`).not.toThrow();
        }
      }
      expect(adapter.post.length).toBeGreaterThan(0);
      expect(adapter.postText.length).toBeGreaterThan(0);
    });

    it('can find each action, with labels in Indonesian and English when it has labels', () => {
      expect(adapter.actions.some((rule) => rule.step === 'shares')).toBe(true);
      for (const rule of adapter.actions) {
        expect(rule.selectors.length + (rule.labels ? 1 : 0)).toBeGreaterThan(0);
        if (rule.labels) {
          expect(rule.labels.id.length).toBeGreaterThan(0);
          expect(rule.labels.en.length).toBeGreaterThan(0);
        }
        if (rule.content === 'composer') expect(adapter.composer).toBeDefined();
        if (rule.content === 'selected-posts') expect(adapter.selected?.length).toBeGreaterThan(0);
      }
      if (adapter.forwardedMany) {
        expect(adapter.forwardedMany.labels.id.length).toBeGreaterThan(0);
        expect(adapter.forwardedMany.labels.en.length).toBeGreaterThan(0);
      }
      // A send key is released as a click on a send control in the composer, so there must be a clicked one.
      if (adapter.composer?.sendKeys?.length) {
        expect(adapter.actions.some((rule) => rule.step === 'shares' && (rule.on ?? 'click') === 'click')).toBe(true);
      }
    });

    it.skipIf(adapter === DEMO_SITE)('declares what it expects on a page and in an opened share menu', () => {
      const expects = adapter.expects ?? [];
      expect(expects.some((e) => e.when === 'page')).toBe(true);
      if (adapter.actions.some((rule) => rule.step === 'opens'))
        expect(expects.some((e) => e.when === 'opened')).toBe(true);
      for (const expectation of expects) {
        // The name is what site health is reported and shown by.
        expect(expectation.name.length).toBeGreaterThan(0);
        expect(expectation.name.length).toBeLessThanOrEqual(MAX_CHECK_NAME);
        expect(Object.values(GUARD_CHECKS)).not.toContain(expectation.name);
        expect(expectation.anchors.length).toBeGreaterThan(0);
        for (const path of expectation.paths ?? []) expect(() => new RegExp(path), path).not.toThrow();
      }
      expect(new Set(expects.map((e) => e.name)).size).toBe(expects.length);
    });

    it.skipIf(adapter === DEMO_SITE)('has fixtures in both UI languages', () => {
      for (const language of FIXTURE_LANGUAGES)
        expect(
          fixtureHtml(`${adapter.id}/${FIXTURE_PAGES[adapter.id as FixtureSite]}.html`, language),
          language,
        ).not.toBeNull();
    });

    it('remembers a post on right-click only as an opener whose selectors name the post', () => {
      for (const rule of adapter.actions.filter((r) => r.on === 'contextmenu')) {
        expect(rule).toMatchObject({ step: 'opens', content: 'post' });
      }
    });
  });
});

describe('siteForUrl', () => {
  it.each([
    ['https://x.com/home', 'x'],
    ['https://twitter.com/someone/status/1', 'x'],
    ['https://mobile.x.com/explore', 'x'],
    ['https://www.facebook.com/', 'facebook'],
    ['https://web.facebook.com/groups/1/posts/2', 'facebook'],
    ['https://web.whatsapp.com/', 'whatsapp'],
    ['https://www.youtube.com/watch?v=Lw7aErUpSi0', 'youtube'],
    ['https://m.youtube.com/watch?v=Lw7aErUpSi0', 'youtube'],
    ['https://www.tiktok.com/foryou', 'tiktok'],
    ['https://www.tiktok.com/@kabar.lawu/video/7441000000000000001', 'tiktok'],
    ['https://www.instagram.com/', 'instagram'],
    ['https://www.instagram.com/p/DLw7aErUpSi/', 'instagram'],
    ['https://www.threads.net/', 'threads'],
    ['https://www.threads.com/@kabar.lawu/post/DLw7aErUpSi', 'threads'],
    ['https://web.telegram.org/k/#-1001234567890', 'telegram-k'],
    ['https://web.telegram.org/a/#-1001234567890', 'telegram-a'],
  ])('%s → %s', (url, id) => {
    expect(siteForUrl(url)?.id).toBe(id);
  });

  it.each(['https://example.com/', 'https://notx.com/', 'https://x.com.evil.example/', 'http://x.com/', 'not a url'])(
    '%s → none',
    (url) => {
      expect(siteForUrl(url)).toBeNull();
    },
  );
});

describe('match patterns', () => {
  // The page-world navigator.share wrapper takes its patterns from lib/sites/matches.ts alone.
  it('are each guarded adapter’s own, and all of them, in lib/sites/matches.ts', () => {
    expect(SITES.map((site) => site.id).sort()).toEqual(Object.keys(SITE_MATCHES).sort());
    for (const site of SITES) expect(site.matches, site.id).toEqual(SITE_MATCHES[site.id as keyof typeof SITE_MATCHES]);
    expect([...CONTENT_SCRIPT_MATCHES].sort()).toEqual(SITES.flatMap((site) => site.matches).sort());
  });
});

const MANIFEST = join(process.cwd(), '.output/chrome-mv3/manifest.json');

describe('built manifest', () => {
  it.skipIf(!existsSync(MANIFEST))('injects the guard at document_start on every supported site', () => {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as {
      content_scripts?: { matches: string[]; run_at?: string; js: string[] }[];
    };
    const guard = manifest.content_scripts?.find((cs) => cs.js.some((js) => js.includes('guard')));
    expect(guard?.run_at).toBe('document_start');
    expect([...(guard?.matches ?? [])].sort()).toEqual([...CONTENT_SCRIPT_MATCHES].sort());
  });

  it.skipIf(!existsSync(MANIFEST))(
    'wraps navigator.share in the page’s world, at document_start, on the same sites',
    () => {
      const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as {
        content_scripts?: { matches: string[]; run_at?: string; js: string[]; world?: string }[];
      };
      const webShare = manifest.content_scripts?.find((cs) => cs.js.some((js) => js.includes('web-share')));
      expect(webShare).toMatchObject({ run_at: 'document_start', world: 'MAIN' });
      expect([...(webShare?.matches ?? [])].sort()).toEqual([...CONTENT_SCRIPT_MATCHES].sort());
    },
  );
});

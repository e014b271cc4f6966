// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { armGuard } from '../../lib/guard/arm';
import { type ExpectationTiming, watchExpectations } from '../../lib/guard/expectations';
import { findAction } from '../../lib/guard/find-action';
import { GUARD_CHECKS } from '../../lib/guard/health';
import type { SiteAdapter } from '../../lib/sites/types';
import { asPerson, click, fakePrompt, fakeTransport, HOAX_ANSWER, personInput, settle } from '../sites/harness';

/**
 * Rules performed by a right-click (`on: 'contextmenu'`): a site whose share starts from its own
 * right-click menu on a post (Telegram Web) has the post remembered then, as an opener click does.
 */

const SEEN = '2026-11';
const ADAPTER: SiteAdapter = {
  id: 'menu-site',
  name: 'Menu site',
  matches: [],
  ownHosts: ['menu.example'],
  post: [{ css: '.post', seen: SEEN }],
  postText: [{ css: '.text', seen: SEEN }],
  actions: [
    { kind: 'forward', step: 'opens', on: 'contextmenu', selectors: [{ css: '.post', seen: SEEN }], content: 'post' },
    { kind: 'forward', step: 'shares', selectors: [{ css: '.menu .forward', seen: SEEN }], content: 'opened-post' },
  ],
  expects: [{ name: 'the post menu', when: 'opened', anchors: [{ css: '.menu', seen: SEEN }] }],
};

const FAST: ExpectationTiming = { settleMs: 10, giveUpMs: 150, openedWithinMs: 60 };

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
  document.body.replaceChildren();
});

/** Two posts and the menu the site opens on right-click (always in the DOM here, for simplicity). */
function page(withMenu = true): { hoax: HTMLElement; plain: HTMLElement; forward: HTMLElement | null } {
  document.body.innerHTML = `
    <div class="post" id="hoax"><p class="text">Gunung Lawu bakal erupsi besar, waspada!</p></div>
    <div class="post" id="plain"><p class="text">Arisan Minggu ini di rumah Bu Sari</p></div>
    ${withMenu ? '<div class="menu"><div class="forward">Teruskan</div></div>' : ''}`;
  return {
    hoax: document.getElementById('hoax') as HTMLElement,
    plain: document.getElementById('plain') as HTMLElement,
    forward: document.querySelector<HTMLElement>('.menu .forward'),
  };
}

function rightClick(target: Element): void {
  asPerson(target, new MouseEvent('contextmenu', { bubbles: true, cancelable: true, composed: true, button: 2 }));
}

const pathOf = (element: Element): Element[] => {
  const path: Element[] = [];
  for (let el: Element | null = element; el; el = el.parentElement) path.push(el);
  return path;
};

describe('findAction by trigger', () => {
  it('finds a right-click rule only for a contextmenu, and click rules only for clicks', () => {
    const { hoax, forward } = page();
    const text = hoax.querySelector('.text') as Element;
    expect(findAction(ADAPTER, pathOf(text), 'contextmenu')).toMatchObject({
      element: hoax,
      rule: { on: 'contextmenu' },
    });
    expect(findAction(ADAPTER, pathOf(text))).toBeNull();
    expect(findAction(ADAPTER, pathOf(forward as Element))).toMatchObject({ rule: { step: 'shares' } });
    expect(findAction(ADAPTER, pathOf(forward as Element), 'contextmenu')).toBeNull();
  });
});

describe('armGuard with a right-click opener', () => {
  function arm() {
    const { transport, calls } = fakeTransport(async () => HOAX_ANSWER);
    const prompt = fakePrompt('cancel');
    stop = armGuard({
      adapter: ADAPTER,
      document,
      transport,
      showPrompt: prompt.showPrompt,
      timeoutMs: 40,
      isTrusted: personInput,
    });
    return { calls, shown: prompt.shown };
  }

  it('remembers the right-clicked post, so the menu’s share checks that post', async () => {
    const { hoax, plain, forward } = page();
    const { calls, shown } = arm();
    rightClick(plain.querySelector('.text') as Element);
    rightClick(hoax.querySelector('.text') as Element);
    const event = click(forward as Element);
    await settle(20);
    expect(calls.checkShare).toHaveLength(1);
    expect(calls.checkShare[0]).toMatchObject({ site: 'menu-site', kind: 'forward' });
    expect(calls.checkShare[0]?.text).toContain('Gunung Lawu bakal erupsi besar');
    expect(event.defaultPrevented).toBe(true);
    expect(shown).toHaveLength(1);
  });

  it('does not take a plain click on a post for a right-click: the share has no post and fails open', async () => {
    const { hoax, forward } = page();
    const { calls } = arm();
    click(hoax);
    const event = click(forward as Element);
    await settle(20);
    expect(calls.checkShare).toHaveLength(0);
    expect(event.defaultPrevented).toBe(false);
    expect(calls.reportHealth).toContainEqual({ site: 'menu-site', check: GUARD_CHECKS.openedPost, ok: false });
  });
});

describe('watchExpectations with a right-click opener', () => {
  function watch() {
    const reports: [string, boolean][] = [];
    stop = watchExpectations({
      adapter: ADAPTER,
      document,
      report: (check, ok) => reports.push([check, ok]),
      timing: FAST,
      isTrusted: personInput,
    });
    return reports;
  }

  it('checks the opened menu after a right-click on a post', async () => {
    const { hoax } = page(false);
    const reports = watch();
    rightClick(hoax);
    await settle(FAST.openedWithinMs + 40);
    expect(reports).toContainEqual(['the post menu', false]);
  });

  it('finds the menu when the site shows it, and ignores right-clicks elsewhere', async () => {
    page(true);
    const reports = watch();
    rightClick(document.body);
    await settle(FAST.openedWithinMs + 40);
    expect(reports).toEqual([]);
    rightClick(document.getElementById('plain') as Element);
    await settle(FAST.openedWithinMs + 40);
    expect(reports).toEqual([['the post menu', true]]);
  });
});

describe('labels on menu items that are plain elements (`labelled`)', () => {
  const menuAdapter: SiteAdapter = {
    ...ADAPTER,
    actions: [
      {
        kind: 'forward',
        step: 'opens',
        selectors: [],
        labels: { id: ['Teruskan'], en: ['Forward'] },
        labelled: [{ css: '.item', seen: SEEN }],
        within: [{ css: '.menu', seen: SEEN }],
        content: 'opened-post',
      },
    ],
  };

  it('names a plain item by its text, an icon-font glyph left out; only items the rule names count', () => {
    document.body.innerHTML = `<div class="menu">
      <div class="item"><span class="icon">\uE9B3</span><span class="text">Teruskan</span></div>
      <div class="row"><span class="text">Teruskan</span></div>
      <div class="item"><span class="icon">\uE9E6</span><span class="text">Balas</span></div></div>`;
    const [forward, notAnItem, reply] = [...document.querySelectorAll('.menu > div')];
    expect(findAction(menuAdapter, pathOf(forward?.querySelector('.text') as Element))).toMatchObject({
      element: forward,
    });
    expect(findAction(menuAdapter, pathOf(notAnItem?.querySelector('.text') as Element))).toBeNull();
    expect(findAction(menuAdapter, pathOf(reply as Element))).toBeNull();
  });
});

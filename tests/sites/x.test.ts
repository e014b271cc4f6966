// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { extractComposer, findComposer } from '../../lib/guard/extract';
import { GUARD_CHECKS } from '../../lib/guard/health';
import { X_SITE } from '../../lib/sites/x';
import { X_DRIVER as driver } from './drivers';
import {
  actionAt,
  $,
  byText,
  click,
  FIXTURE_LANGUAGES,
  type FixturePage,
  guardOnFixture,
  HOAX_ANSWER,
  loadFixture,
  pressKey,
  settle,
} from './harness';

/** X specifics beyond adapters.test.ts: the quote item, the composer and its Ctrl/⌘+Enter, label fallbacks. */

// X's own strings (i18n/id.js and en.js of the web build of 2025-07-01).
const LABELS = {
  id: { repost: 'Posting ulang', quote: 'Kutipan', viewQuotes: 'Lihat Kutipan', undo: 'Batalkan posting ulang' },
  en: { repost: 'Repost', quote: 'Quote', viewQuotes: 'View Quotes', undo: 'Undo repost' },
} as const;

const actionOf = (element: Element) => actionAt(X_SITE, element);

describe.each(FIXTURE_LANGUAGES)('X adapter on the %s UI', (language) => {
  let page: FixturePage;
  afterEach(() => page.close());

  it('finds the quote item in the repost menu, and the composers’ post buttons', () => {
    page = loadFixture('x', language);
    click(driver.opener(driver.post(page, driver.ids.hoax)));
    const quoteItem = byText(page.document, '#layers [role="menuitem"]', LABELS[language].quote);
    expect(actionOf($(quoteItem, 'span'))).toMatchObject({ kind: 'quote', step: 'shares', content: 'opened-post' });
    const inline = $(page.document, '[data-testid="tweetButtonInline"] span');
    expect(actionOf(inline)).toMatchObject({ kind: 'post', step: 'shares', content: 'composer' });
  });

  it('falls back to the menu labels when the test ids are gone, but only inside the menu', () => {
    page = loadFixture('x', language);
    click(driver.opener(driver.post(page, driver.ids.hoax)));
    const repostItem = $(page.document, '[data-testid="retweetConfirm"]');
    repostItem.removeAttribute('data-testid');
    expect(actionOf(repostItem)).toMatchObject({ kind: 'repost', step: 'shares' });
    const quoteItem = byText(page.document, '#layers [role="menuitem"]', LABELS[language].quote);
    quoteItem.removeAttribute('href');
    expect(actionOf(quoteItem)).toMatchObject({ kind: 'quote', step: 'shares' });

    const outside = page.document.createElement('button');
    outside.textContent = LABELS[language].repost;
    page.document.body.append(outside);
    expect(actionOf(outside)).toBeNull();
  });

  it('does not take "undo repost" or "view quotes" for a share, but still guards a quote from the undo menu', () => {
    page = loadFixture('x', language);
    const post = driver.post(page, driver.ids.hoax);
    click(driver.opener(post));
    const viewQuotes = byText(page.document, '#layers [role="menuitem"]', LABELS[language].viewQuotes);
    expect(actionOf(viewQuotes)).toBeNull();
    click($(page.document, '[data-testid="retweetConfirm"]'));
    // A reposted post's green button opens "Undo repost" and the quote item: it opens, never shares.
    const undoOpener = $(post, '[data-testid="unretweet"]');
    expect(actionOf($(undoOpener, 'svg'))).toMatchObject({ kind: 'repost', step: 'opens', content: 'post' });
    click(undoOpener);
    const undo = $(page.document, '#layers [data-testid="unretweetConfirm"]');
    expect(undo.textContent?.trim()).toBe(LABELS[language].undo);
    expect(actionOf($(undo, 'span'))).toBeNull();
    undo.removeAttribute('data-testid');
    expect(actionOf(undo)).toBeNull();
    const quote = byText(page.document, '#layers [role="menuitem"]', LABELS[language].quote);
    expect(actionOf(quote)).toMatchObject({ kind: 'quote', step: 'shares', content: 'opened-post' });
  });

  it('reads the text and typed links of the composer', () => {
    page = loadFixture('x', language);
    const editor = $(page.document, '[data-testid="inlineComposer"] [data-testid="tweetTextarea_0"]');
    editor.textContent = 'Wajib baca! https://hoaks.example/lawu-erupsi dan www.contoh.example/a';
    const composer = findComposer(X_SITE, $(page.document, '[data-testid="tweetButtonInline"]'));
    expect(composer).not.toBeNull();
    const content = extractComposer(X_SITE, composer as Element);
    expect(content.text).toBe('Wajib baca! https://hoaks.example/lawu-erupsi dan www.contoh.example/a');
    expect(content.urls).toEqual(['https://hoaks.example/lawu-erupsi', 'https://www.contoh.example/a']);
  });
});

describe('X mobile composer', () => {
  it('reads what was typed into its <textarea>, not the element’s text', () => {
    document.body.innerHTML = `<div data-testid="mobileComposer"><div data-testid="tweetTextarea_0"><textarea></textarea></div>
      <button data-testid="tweetButton" type="button">Posting</button></div>`;
    const field = document.querySelector('textarea')!;
    field.value = 'Baca ini https://berita-palsu.example/heboh';
    const composer = findComposer(X_SITE, document.querySelector('[data-testid="tweetButton"]')!);
    expect(composer).not.toBeNull();
    const content = extractComposer(X_SITE, composer!);
    expect(content.text).toContain('Baca ini');
    expect(content.urls).toEqual(['https://berita-palsu.example/heboh']);
  });
});

describe('X composer posting with Ctrl/⌘+Enter', () => {
  const arm = guardOnFixture('x', X_SITE);
  const LINK_POST = 'Gunung Lawu akan erupsi besar! https://hoaks.example/lawu';
  const editor = (page: FixturePage) =>
    $(page.document, '[data-testid="inlineComposer"] [data-testid="tweetTextarea_0"]');
  /** Counts clicks that reach the composer's post button. */
  function countClicks(page: FixturePage): () => number {
    let clicks = 0;
    $(page.document, '[data-testid="tweetButtonInline"]').addEventListener('click', () => (clicks += 1));
    return () => clicks;
  }

  it.each([
    ['Ctrl', { ctrlKey: true }],
    ['⌘', { metaKey: true }],
  ] as const)(
    'holds %s+Enter on a post with a link, asks, and clicks the post button once on Share anyway',
    async (_, modifier) => {
      const { page, calls, shown } = arm(async () => HOAX_ANSWER, 'share', 'en');
      const clicks = countClicks(page);
      editor(page).textContent = LINK_POST;
      expect(pressKey(editor(page), 'Enter', 'keydown', modifier).defaultPrevented).toBe(true);
      expect(page.shares().count).toBe(0);
      expect(pressKey(editor(page), 'Enter', 'keyup', modifier).defaultPrevented).toBe(true);
      await settle(10);
      expect(calls.checkShare).toEqual([
        expect.objectContaining({ site: 'x', kind: 'post', urls: ['https://hoaks.example/lawu'] }),
      ]);
      expect(shown).toHaveLength(1);
      expect(clicks()).toBe(1);
      expect(page.shares().log).toEqual(['post']);
    },
  );

  it('posts nothing when the person cancels', async () => {
    const { page, shown } = arm(async () => HOAX_ANSWER, 'cancel', 'en');
    editor(page).textContent = LINK_POST;
    pressKey(editor(page), 'Enter', 'keydown', { ctrlKey: true });
    await settle(10);
    expect(shown).toHaveLength(1);
    expect(page.shares().count).toBe(0);
    expect(editor(page).textContent).toBe(LINK_POST);
  });

  it('leaves Enter and Shift+Enter (new lines) alone, and lets Ctrl+Enter post a post without a link unchecked', async () => {
    const { page, calls } = arm(async () => HOAX_ANSWER, 'cancel', 'en');
    editor(page).textContent = LINK_POST;
    expect(pressKey(editor(page), 'Enter').defaultPrevented).toBe(false);
    expect(pressKey(editor(page), 'Enter', 'keyup').defaultPrevented).toBe(false);
    expect(pressKey(editor(page), 'Enter', 'keydown', { shiftKey: true }).defaultPrevented).toBe(false);
    await settle(10);
    expect(calls.checkShare).toHaveLength(0);
    expect(page.shares().count).toBe(0);

    editor(page).textContent = 'Selamat pagi semuanya';
    expect(pressKey(editor(page), 'Enter', 'keydown', { ctrlKey: true }).defaultPrevented).toBe(true); // by X, which posts
    await settle(10);
    expect(calls.checkShare).toHaveLength(0);
    expect(page.shares().log).toEqual(['post']);
    // Found from the editor: the block holding it and its post button.
    expect(calls.reportHealth).toContainEqual({ site: 'x', check: GUARD_CHECKS.enterSend, ok: true });
  });
});

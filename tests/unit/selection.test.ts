// @vitest-environment happy-dom
import { MAX_TEXT_CHARS, MAX_URLS } from '../../lib/core/post';
import { afterEach, describe, expect, it } from 'vitest';
import type { ShareContent } from '../../lib/guard/extract';
import { mergeContents, selectedPosts } from '../../lib/guard/selection';
import type { SiteAdapter } from '../../lib/sites/types';

/** Messages ticked in select mode: which posts they are, and what they spread together. */

describe('merging the ticked messages into one share', () => {
  it('joins the texts in order, a blank line apart, skipping empty ones', () => {
    const merged = mergeContents([
      { text: 'Arisan Minggu ini', urls: [] },
      { text: '', urls: [] },
      { text: 'Gunung Lawu bakal erupsi\nsebarkan!', urls: [] },
    ]);
    expect(merged).toEqual({ text: 'Arisan Minggu ini\n\nGunung Lawu bakal erupsi\nsebarkan!', urls: [] });
  });

  it('keeps each link once by destination, in order, and the first link card’s title', () => {
    const merged = mergeContents([
      { text: 'a', urls: ['https://www.kompas.com/tren/read/1?utm_source=wa', 'https://hoaks.example/lawu'] },
      { text: 'b', urls: ['https://kompas.com/tren/read/1'], linkTitle: 'Kompas: puncak musim hujan' },
      { text: 'c', urls: ['https://hoaks.example/pln', 'https://hoaks.example/lawu'], linkTitle: 'PLN padam total' },
    ]);
    expect(merged.urls).toEqual([
      'https://www.kompas.com/tren/read/1?utm_source=wa',
      'https://hoaks.example/lawu',
      'https://hoaks.example/pln',
    ]);
    expect(merged.linkTitle).toBe('Kompas: puncak musim hujan');
  });

  it('carries the "forwarded many times" mark when any message does, and only then', () => {
    const plain: ShareContent = { text: 'a', urls: [] };
    expect(mergeContents([plain, { text: 'b', urls: [], forwardedMany: true }]).forwardedMany).toBe(true);
    expect(mergeContents([plain, plain])).not.toHaveProperty('forwardedMany');
    expect(mergeContents([plain])).not.toHaveProperty('linkTitle');
  });

  it('cuts the joined text and the links at the usual limits', () => {
    const long = 'x'.repeat(MAX_TEXT_CHARS - 10);
    const merged = mergeContents([
      { text: long, urls: Array.from({ length: 40 }, (_, i) => `https://a.example/${i}`) },
      { text: 'the claim that no longer fits', urls: Array.from({ length: 40 }, (_, i) => `https://b.example/${i}`) },
    ]);
    // 10 characters left: the blank line, then the start of the second text.
    expect(merged.text).toBe(`${long}\n\nthe clai`);
    expect(merged.urls).toHaveLength(MAX_URLS);
    expect(merged.urls.at(-1)).toBe(`https://b.example/${MAX_URLS - 41}`);
  });
});

describe('finding the ticked messages', () => {
  const SEEN = '2026-11';
  const adapter = (selected: SiteAdapter['selected']): SiteAdapter => ({
    id: 'select-site',
    name: 'Select site',
    matches: [],
    ownHosts: [],
    post: [{ css: '.message', seen: SEEN }],
    postText: [{ css: '.text', seen: SEEN }],
    ...(selected ? { selected } : {}),
    actions: [],
  });

  afterEach(() => document.body.replaceChildren());

  function chat(): void {
    document.body.innerHTML = `
      <div class="row"><input type="checkbox" checked><div class="message" id="m1"><p class="text">satu</p></div></div>
      <div class="row"><input type="checkbox"><div class="message" id="m2"><p class="text">dua</p></div></div>
      <div class="row"><div class="message is-selected" id="m3"><input type="checkbox" checked><p class="text">tiga</p></div></div>`;
  }
  const ids = (posts: Element[]) => posts.map((post) => post.id);

  it('resolves marks inside a message and rows around one, in document order, each once', () => {
    chat();
    const site = adapter([{ css: '.row:has(> input:checked), .message input:checked', seen: SEEN }]);
    expect(ids(selectedPosts(site, document))).toEqual(['m1', 'm3']);
    expect(
      ids(selectedPosts(adapter([{ css: '.message.is-selected, .is-selected input', seen: SEEN }]), document)),
    ).toEqual(['m3']);
  });

  it('takes the first alternative that marks anything', () => {
    chat();
    const site = adapter([
      { css: '.message.is-ticked', seen: SEEN },
      { css: '.message.is-selected', seen: SEEN },
    ]);
    expect(ids(selectedPosts(site, document))).toEqual(['m3']);
  });

  it('finds none when nothing is marked, or the adapter names no marks', () => {
    chat();
    expect(selectedPosts(adapter([{ css: '.message.is-ticked', seen: SEEN }]), document)).toEqual([]);
    expect(selectedPosts(adapter(undefined), document)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { ShareLinkSources, SOURCE_HELD_MS } from '../../lib/background/share-link-sources';

const ARTICLE = 'https://www.berita.example/2026/11/banjir?utm_source=home';

function sources(frames: Record<string, string>) {
  let clock = 1_000;
  const held = new ShareLinkSources(
    async (tabId, frameId) => frames[`${tabId}/${frameId}`],
    () => clock,
  );
  return { held, tick: (ms: number) => (clock += ms) };
}

describe('the page a share link was opened from', () => {
  it('is the page the tab showed when it navigated to the share link, normalised, taken once', async () => {
    const { held } = sources({ '7/0': ARTICLE });
    held.opened(7, { tabId: 7, frameId: 0 });
    expect(await held.take(7)).toBe('https://berita.example/2026/11/banjir');
    expect(await held.take(7)).toBeNull();
  });

  it('is the opener’s page for a share link opened in a new tab or window, not the new tab’s blank page', async () => {
    const { held } = sources({ '3/0': ARTICLE, '9/0': 'about:blank' });
    held.opened(9, { tabId: 3, frameId: 0 }); // onCreatedNavigationTarget
    held.opened(9, { tabId: 9, frameId: 0 }); // then the new tab's own navigation
    expect(await held.take(9)).toBe('https://berita.example/2026/11/banjir');
  });

  it('is forgotten after a minute, and is nothing for a tab that opened no share link', async () => {
    const { held, tick } = sources({ '7/0': ARTICLE });
    held.opened(7, { tabId: 7, frameId: 0 });
    tick(SOURCE_HELD_MS + 1);
    expect(await held.take(7)).toBeNull();
    expect(await held.take(8)).toBeNull();
  });
});

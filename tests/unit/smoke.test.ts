import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';

describe('fake browser', () => {
  it('stores', async () => {
    fakeBrowser.reset();
    await browser.storage.local.set({ a: 1 });
    expect(await browser.storage.local.get('a')).toEqual({ a: 1 });
  });
});

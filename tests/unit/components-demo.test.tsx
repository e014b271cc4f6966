// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DemoApp } from '../../components/demo/DemoApp';
import { extractPost } from '../../lib/guard/extract';
import { DEMO_SITE } from '../../lib/sites/demo';
import type { PromptEvent } from '../../lib/classroom/prompt-log';
import bundled from '../../public/demo/pack.json?raw';

afterEach(() => {
  document.body.innerHTML = '';
});

async function mount() {
  const root = document.createElement('div');
  document.body.append(root);
  const storeList = vi.fn(() => Promise.resolve());
  let emit: (event: PromptEvent) => void = () => {};
  render(
    <DemoApp
      fallbackLanguage="en"
      loadLanguage={() => new Promise(() => {})}
      guardFailed={false}
      loadBundledPack={() => Promise.resolve(bundled)}
      storeList={storeList}
      watchPrompts={(listener) => {
        emit = listener;
        return () => {};
      }}
    />,
    root,
  );
  await vi.waitFor(() => expect(root.querySelector('[data-demo-post]')).not.toBeNull());
  return { root, storeList, emit: (event: PromptEvent) => emit(event) };
}

const click = (root: Element, selector: string) => root.querySelector<HTMLElement>(selector)!.click();

describe('demo feed', () => {
  it('stores the pack as the classroom list and marks every post per the testability contract', async () => {
    const { root, storeList } = await mount();
    expect(storeList).toHaveBeenCalledWith(expect.objectContaining({ id: 'classroom-pack', saringList: 1 }));
    const posts = [...root.querySelectorAll('[data-demo-post]')];
    expect(new Set(posts.map((p) => p.getAttribute('data-kind')))).toEqual(
      new Set(['hoax', 'true', 'satire', 'scam', 'petition']),
    );
    for (const post of posts) {
      expect(post.querySelector('[data-demo-text]')?.textContent).toBeTruthy();
      expect(post.querySelector('[data-demo-action="share"]')).not.toBeNull();
      // WhatsApp-group posts are shown as forwarded many times, and the guard reads them so.
      const whatsapp = post.getAttribute('data-platform') === 'whatsapp';
      expect(extractPost(DEMO_SITE, post).forwardedMany, post.getAttribute('data-demo-post') ?? '').toBe(
        whatsapp || undefined,
      );
    }
    expect(posts.some((post) => post.getAttribute('data-platform') === 'whatsapp')).toBe(true);
  });

  it('counts shares, reveals what happened, and resets', async () => {
    const { root, emit } = await mount();
    const counter = () => root.querySelector('[data-demo-shared]')?.textContent;
    click(root, '[data-demo-post="rain-warning"] [data-demo-action="share"]');
    emit({ postId: 'papaya-dengue', reason: 'hoax-match', outcome: 'cancel' });
    await vi.waitFor(() => expect(counter()).toBe('1'));
    click(root, '[data-demo-post="papaya-dengue"] .reveal-toggle');
    await vi.waitFor(() =>
      expect(root.querySelector('[data-reveal="papaya-dengue"]')?.textContent).toContain(
        'Saring asked because this post matches a checked hoax',
      ),
    );
    expect(root.querySelector('[data-reveal="papaya-dengue"]')?.textContent).toContain('Choice: cancel.');
    click(root, '[data-presenter="reset"]');
    await vi.waitFor(() => expect(counter()).toBe('0'));
    expect(root.querySelector('[data-reveal]')).toBeNull();
  });

  it('shows why a pack file is refused', async () => {
    const { root } = await mount();
    const input = root.querySelector<HTMLInputElement>('[data-presenter="load-pack"]')!;
    const file = new File(['{"saringList": 1}'], 'pack.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(root.querySelector('[data-pack-errors]')?.textContent).toContain('posts'));
  });
});

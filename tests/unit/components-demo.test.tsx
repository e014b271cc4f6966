// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DemoApp } from '../../components/demo/DemoApp';

afterEach(() => {
  document.body.innerHTML = '';
});

function mount() {
  const root = document.createElement('div');
  document.body.append(root);
  render(<DemoApp fallbackLanguage="en" loadLanguage={() => new Promise(() => {})} guardFailed={false} />, root);
  return root;
}

describe('demo feed', () => {
  it('marks every post per the testability contract', () => {
    const root = mount();
    const posts = [...root.querySelectorAll('[data-demo-post]')];
    expect(new Set(posts.map((p) => p.getAttribute('data-kind')))).toEqual(
      new Set(['hoax', 'true', 'satire', 'scam', 'petition']),
    );
    for (const post of posts) {
      expect(post.querySelector('[data-demo-text]')?.textContent).toBeTruthy();
      expect(post.querySelector('[data-demo-action="share"]')).not.toBeNull();
    }
    expect(root.querySelector('[data-demo-post="lawu-eruption"] [data-demo-text]')?.textContent).toContain(
      'Gunung no 7 yg akan erupsi besar adalah gn Lawu',
    );
    expect(root.querySelector('[data-demo-post="school-holiday"] a[href^="https://www.kompas.com/"]')).not.toBeNull();
  });

  it('counts shares and resets', async () => {
    const root = mount();
    const counter = () => root.querySelector('[data-demo-shared]')?.textContent;
    expect(counter()).toBe('0');
    root.querySelector<HTMLButtonElement>('[data-demo-post="chilli-harvest"] [data-demo-action="share"]')!.click();
    root.querySelector<HTMLButtonElement>('[data-demo-post="office-cat"] [data-demo-action="share"]')!.click();
    await Promise.resolve();
    expect(counter()).toBe('2');
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Reset')!.click();
    await Promise.resolve();
    expect(counter()).toBe('0');
  });
});

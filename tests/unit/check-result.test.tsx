// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckResult } from '../../components/check/CheckResult';
import type { ContextCheckResult } from '../../lib/background/context-result';

function mount(result: ContextCheckResult | null): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(<CheckResult result={result} language="en" />, root);
  return root;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('the context-menu check page', () => {
  it('names the fact-check and how it matched', () => {
    const root = mount({
      what: 'image',
      status: 'match',
      language: 'en',
      matches: [
        {
          id: 'poster',
          listId: 'l',
          claim: 'Gunung Lawu bakal erupsi',
          rating: 'false',
          url: 'https://cekfakta.example/lawu',
          score: 1,
          via: 'image',
        },
      ],
    });
    expect(root.querySelector('[data-check-status="match"]')).not.toBeNull();
    expect(root.querySelector('[data-match-id="poster"]')?.textContent).toContain('Gunung Lawu bakal erupsi');
    expect(root.querySelector('[data-via="image"]')?.textContent).toContain('Same picture');
    expect(root.querySelector('a[href="https://cekfakta.example/lawu"]')).not.toBeNull();
  });

  it('says "no known hoax" honestly, never "verified"', () => {
    const root = mount({ what: 'text', status: 'none', language: 'en', matches: [], excerpt: 'Arisan Minggu ini' });
    expect(root.textContent).toContain('No known hoax found in your lists.');
    expect(root.textContent).toContain('does not mean it is true');
    expect(root.textContent?.toLowerCase()).not.toContain('verified');
    expect(root.querySelector('blockquote')?.textContent).toBe('Arisan Minggu ini');
  });

  it('says why a check failed, and when the result is gone', () => {
    expect(
      mount({ what: 'image', status: 'failed', language: 'en', matches: [], error: 'the picture is not on screen' })
        .textContent,
    ).toContain('the picture is not on screen');
    expect(mount(null).querySelector('[data-check-status="missing"]')).not.toBeNull();
  });
});

// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup, type PopupProps } from '../../components/popup/Popup';
import { PopupApp } from '../../components/popup/PopupApp';
import type { PageStatus } from '../../lib/messaging/protocol';

const NOW = Date.UTC(2026, 5, 24, 3, 0);

function status(overrides: Partial<PageStatus> = {}): PageStatus {
  return {
    site: { id: 'x', name: 'X' },
    siteEnabled: true,
    guarded: true,
    snoozedUntil: null,
    today: { prompts: 7, cancel: 3, read: 2, share: 1 },
    language: 'en',
    ...overrides,
  };
}

function mount(overrides: Partial<PopupProps> = {}) {
  const props: PopupProps = {
    status: status(),
    now: NOW,
    onSiteEnabled: vi.fn(),
    onSnooze: vi.fn(),
    onOpenOptions: vi.fn(),
    onOpenDemo: vi.fn(),
    ...overrides,
  };
  const root = document.createElement('div');
  document.body.append(root);
  render(<Popup {...props} />, root);
  return { root, props };
}

const buttonNamed = (root: Element, name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Popup', () => {
  it('says the site is guarded and shows today’s counts', () => {
    const { root } = mount();
    expect(root.textContent).toContain('Saring is guarding X');
    const counts = [...root.querySelectorAll('.stat')].map((s) => [
      s.querySelector('dt')?.textContent,
      s.querySelector('dd')?.textContent,
    ]);
    expect(counts).toEqual([
      ['Asked', '7'],
      ['Cancelled', '3'],
      ['Read first', '2'],
      ['Shared anyway', '1'],
    ]);
  });

  it('turns the site off and snoozes for an hour', () => {
    const { root, props } = mount();
    const toggle = root.querySelector<HTMLInputElement>('input[role="switch"]')!;
    expect(toggle.checked).toBe(true);
    toggle.click();
    expect(props.onSiteEnabled).toHaveBeenCalledWith('x', false);
    buttonNamed(root, 'Pause for 1 hour').click();
    expect(props.onSnooze).toHaveBeenCalledWith(60);
  });

  it('offers to end a running snooze', () => {
    const { root, props } = mount({
      status: status({ guarded: false, snoozedUntil: NOW + 30 * 60_000, language: 'id' }),
    });
    expect(root.textContent).toContain('Dijeda sampai');
    buttonNamed(root, 'Akhiri jeda').click();
    expect(props.onSnooze).toHaveBeenCalledWith(0);
  });

  it('offers no pause and no site switch when the organisation locked when Saring asks', () => {
    const { root, props } = mount({ status: status({ strictnessLocked: true, language: 'id' }) });
    const toggle = root.querySelector<HTMLInputElement>('input[role="switch"]')!;
    expect(toggle.disabled).toBe(true);
    expect(buttonNamed(root, 'Jeda 1 jam').disabled).toBe(true);
    expect(root.textContent).toContain('Diatur oleh organisasi Anda: Saring tidak bisa dijeda atau dimatikan di sini.');
    toggle.click();
    buttonNamed(root, 'Jeda 1 jam').click();
    expect(props.onSiteEnabled).not.toHaveBeenCalled();
    expect(props.onSnooze).not.toHaveBeenCalled();
  });

  it('explains an unsupported page without a site switch', () => {
    const { root } = mount({ status: status({ site: null, siteEnabled: false, guarded: false }) });
    expect(root.textContent).toContain('Saring does not guard this page');
    expect(root.querySelector('input[role="switch"]')).toBeNull();
  });

  it('says so when the background does not answer', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    render(
      <PopupApp
        fallbackLanguage="en"
        loadStatus={() => Promise.reject(new Error('no answer'))}
        setSiteEnabled={vi.fn()}
        snooze={vi.fn()}
        openOptions={vi.fn()}
        openDemo={vi.fn()}
      />,
      root,
    );
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toContain('not answering'));
  });
});

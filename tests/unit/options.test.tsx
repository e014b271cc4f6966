// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Options, type OptionsProps } from '../../components/options/Options';
import type { OptionsState } from '../../lib/messaging/protocol';

const STATE: OptionsState = {
  settings: {
    strictness: 'balanced',
    language: 'auto',
    disabledSites: ['facebook'],
    snoozedUntil: null,
    labelsOffSites: [],
    pictureChecks: true,
    pictureText: null,
  },
  language: 'id',
  sites: [
    { id: 'x', name: 'X', enabled: true, health: { state: 'working', lastOk: Date.UTC(2026, 5, 24), failing: [] } },
    {
      id: 'facebook',
      name: 'Facebook',
      enabled: false,
      health: {
        state: 'degraded',
        lastOk: null,
        failing: [{ check: 'the share sheet', lastFailure: 1, lastOk: null }],
      },
    },
    {
      id: 'tiktok',
      name: 'TikTok',
      enabled: true,
      health: {
        state: 'degraded',
        lastOk: Date.UTC(2026, 5, 20),
        failing: [
          { check: 'videos on the For You feed', lastFailure: 2, lastOk: 1 },
          { check: 'answers from Saring in time', lastFailure: 1, lastOk: null },
        ],
      },
    },
  ],
  lists: [
    {
      id: 'starter',
      name: 'Daftar awal',
      publisher: 'MAFINDO / TurnBackHoax',
      version: 20260624,
      items: 14864,
      state: 'ok',
      updatedAt: Date.UTC(2026, 5, 24),
    },
    {
      id: 'broken',
      name: 'Rusak',
      version: 1,
      items: 0,
      state: 'error',
      problem: { code: 'signature-wrong' },
      updatedAt: null,
    },
  ],
  readLinks: 12,
};

function mount(overrides: Partial<OptionsProps> = {}) {
  const props: OptionsProps = { state: STATE, onSettings: vi.fn(), onSiteEnabled: vi.fn(), ...overrides };
  const root = document.createElement('div');
  document.body.append(root);
  render(<Options {...props} />, root);
  return { root, props };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Options', () => {
  it('shows the strictness with a one-line explanation each and changes it', () => {
    const { root, props } = mount();
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[name="strictness"]')];
    expect(radios.map((r) => r.value)).toEqual(['off', 'hoax-only', 'balanced', 'always']);
    expect(radios.find((r) => r.checked)?.value).toBe('balanced');
    expect(root.textContent).toContain('Seimbang (bawaan)');
    expect(root.querySelectorAll('.choice-help')).toHaveLength(4);
    radios[3]!.click();
    expect(props.onSettings).toHaveBeenCalledWith({ strictness: 'always' });
  });

  it('changes the language', () => {
    const { root, props } = mount();
    const english = root.querySelector<HTMLInputElement>('input[name="language"][value="en"]')!;
    english.click();
    expect(props.onSettings).toHaveBeenCalledWith({ language: 'en' });
  });

  it('lists sites with their health and switches', () => {
    const { root, props } = mount();
    const facebook = root.querySelector('[data-site-id="facebook"]')!;
    // Turned off by the person: off, whatever its last health was.
    expect(facebook.textContent).toContain('Nonaktif');
    expect(facebook.getAttribute('data-site-health')).toBe('off');
    expect(root.querySelector('[data-site-id="x"]')?.textContent).toContain('Terakhir berfungsi');
    // Off: what failed before is not news.
    expect(facebook.textContent).not.toContain('the share sheet');
    // The failing checks in words: an adapter's by its own name, the guard's own translated.
    const tiktok = root.querySelector('[data-site-id="tiktok"]')!;
    expect(tiktok.getAttribute('data-site-health')).toBe('degraded');
    expect(tiktok.textContent).toContain('Tidak ditemukan: videos on the For You feed, jawaban Saring tepat waktu');
    expect(tiktok.textContent).toContain('Terakhir berfungsi');
    facebook.querySelector<HTMLInputElement>('input')!.click();
    expect(props.onSiteEnabled).toHaveBeenCalledWith('facebook', true);
  });

  it('shows an enabled site whose expectations failed as degraded', () => {
    const sites = STATE.sites.map((site) => ({ ...site, enabled: true }));
    const { root } = mount({ state: { ...STATE, sites } });
    const facebook = root.querySelector('[data-site-id="facebook"]')!;
    expect(facebook.getAttribute('data-site-health')).toBe('degraded');
    expect(facebook.textContent).toContain('Terganggu');
  });

  it('renders list status rows with their state and error in words', () => {
    const { root } = mount();
    const starter = root.querySelector('[data-list-id="starter"]')!;
    expect(starter.getAttribute('data-list-state')).toBe('ok');
    expect(starter.textContent).toContain('14.864');
    expect(starter.textContent).toContain('MAFINDO / TurnBackHoax');
    const broken = root.querySelector('[data-list-id="broken"]')!;
    expect(broken.getAttribute('data-list-state')).toBe('error');
    expect(broken.textContent).toContain('Gagal: Tanda tangan daftar tidak cocok dengan kunci penerbit');
  });

  it('states privacy and credits the starter list', () => {
    const { root } = mount({ state: { ...STATE, language: 'en' } });
    expect(root.textContent).toContain('Nothing you read or share leaves this device');
    expect(root.textContent).toContain('No analytics');
    expect(root.textContent).toContain('MAFINDO');
    expect(root.textContent).toContain('TurnBackHoax');
  });
});

describe('Options: locked by the organisation', () => {
  it('shows strictness and the per-site switches as set by the organisation, not to be changed', () => {
    const { root, props } = mount({
      state: { ...STATE, strictnessLocked: true, language: 'en' },
      onSiteLabels: vi.fn(),
    });
    expect(root.textContent).toContain('Set by your organisation.');
    expect(root.textContent).toContain('Set by your organisation: Saring stays on for every site.');
    const strictness = [...root.querySelectorAll<HTMLInputElement>('input[name="strictness"]')];
    expect(strictness.every((radio) => radio.disabled)).toBe(true);
    const siteSwitches = [...root.querySelectorAll<HTMLInputElement>('input[data-action="site-enabled"]')];
    expect(siteSwitches).toHaveLength(3);
    expect(siteSwitches.every((input) => input.disabled)).toBe(true);
    siteSwitches[0]!.click();
    expect(props.onSiteEnabled).not.toHaveBeenCalled();
  });
});

describe('Options: what Saring remembers of what you read', () => {
  it('says how many links it holds, and forgets them after a confirmation that names the number', async () => {
    // Preact applies a state change on its next tick.
    const click = async (action: string) => {
      root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    };
    const onForgetReadLinks = vi.fn();
    const { root } = mount({ state: { ...STATE, readLinks: 1234, language: 'en' }, onForgetReadLinks });
    const history = root.querySelector('[data-read-links]')!;
    expect(history.textContent).toContain('remembered for 30 days');
    expect(history.textContent).toContain('1,234 now');
    await click('forget-read');
    expect(onForgetReadLinks).not.toHaveBeenCalled();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(
      'Forget 1,234 links? Saring will ask again before you share them.',
    );
    // "Keep them" changes nothing; confirming forgets.
    await click('keep-read');
    expect(root.querySelector('[data-action="confirm-forget-read"]')).toBeNull();
    await click('forget-read');
    await click('confirm-forget-read');
    expect(onForgetReadLinks).toHaveBeenCalledTimes(1);
  });

  it('speaks of one link in the singular', async () => {
    const { root } = mount({ state: { ...STATE, readLinks: 1, language: 'en' }, onForgetReadLinks: vi.fn() });
    root.querySelector<HTMLButtonElement>('[data-action="forget-read"]')!.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(
      'Forget the 1 link? Saring will ask again before you share it.',
    );
  });

  it('has nothing to forget when it holds no links', () => {
    const { root } = mount({ state: { ...STATE, readLinks: 0 }, onForgetReadLinks: vi.fn() });
    expect(root.querySelector<HTMLButtonElement>('[data-action="forget-read"]')!.disabled).toBe(true);
  });
});

describe('Options: inline labels per site', () => {
  it('turns labels off and on per site, and only where Saring is on', () => {
    const sites = STATE.sites.map((site) => ({ ...site, labels: site.id === 'x' }));
    const { root, props } = mount({ state: { ...STATE, sites }, onSiteLabels: vi.fn() });
    const labelsSwitch = (id: string) =>
      root.querySelector<HTMLInputElement>(`[data-site-id="${id}"] input[data-action="site-labels"]`)!;
    expect(labelsSwitch('x').checked).toBe(true);
    expect(root.querySelector('[data-site-id="x"]')?.textContent).toContain('Label di postingan');
    labelsSwitch('x').click();
    expect(props.onSiteLabels).toHaveBeenCalledWith('x', false);
    // Facebook is turned off altogether: its labels are too, and the switch says so.
    expect(labelsSwitch('facebook').checked).toBe(false);
    expect(labelsSwitch('facebook').disabled).toBe(true);
  });

  it('leaves the labels switch out without a handler', () => {
    const { root } = mount();
    expect(root.querySelector('input[data-action="site-labels"]')).toBeNull();
  });
});

describe('Options: pictures in posts', () => {
  const pictureSwitch = (root: Element, action: string) =>
    root.querySelector<HTMLInputElement>(`input[data-action="${action}"]`)!;

  it("checks pictures by default, reads their words on a desktop, and saves the person's choice", () => {
    const { root, props } = mount({ state: { ...STATE, language: 'en' } });
    expect(root.querySelector('#options-pictures')?.textContent).toBe('Pictures in posts');
    expect(pictureSwitch(root, 'picture-checks').checked).toBe(true);
    expect(pictureSwitch(root, 'picture-text').checked).toBe(true);
    pictureSwitch(root, 'picture-text').click();
    expect(props.onSettings).toHaveBeenCalledWith({ pictureText: false });
    pictureSwitch(root, 'picture-checks').click();
    expect(props.onSettings).toHaveBeenCalledWith({ pictureChecks: false });
  });

  it('leaves the words in pictures unread on a phone until turned on, and with picture checks off', () => {
    const phone = mount({ onPhone: true });
    expect(pictureSwitch(phone.root, 'picture-text').checked).toBe(false);
    expect(phone.root.textContent).toContain('Baca juga tulisan di gambar');
    pictureSwitch(phone.root, 'picture-text').click();
    expect(phone.props.onSettings).toHaveBeenCalledWith({ pictureText: true });
    const off = mount({
      state: { ...STATE, settings: { ...STATE.settings, pictureChecks: false, pictureText: true } },
    });
    expect(pictureSwitch(off.root, 'picture-checks').checked).toBe(false);
    expect(pictureSwitch(off.root, 'picture-text').checked).toBe(false);
    expect(pictureSwitch(off.root, 'picture-text').disabled).toBe(true);
  });
});

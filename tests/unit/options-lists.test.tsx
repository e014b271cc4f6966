// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Lists, type ListActions } from '../../components/options/Lists';
import { Subscribe, type SubscribeStage } from '../../components/options/Subscribe';
import { SubscribePanel, type SubscribeApi } from '../../components/options/SubscribePanel';
import type { ListStatus } from '../../lib/messaging/protocol';

const SUBSCRIBED: ListStatus = {
  id: 'cek',
  name: 'Cek Fakta Contoh',
  publisher: 'Contoh',
  version: 3,
  items: 1200,
  state: 'error',
  updatedAt: Date.UTC(2026, 10, 20),
  kind: 'url',
  url: 'https://lists.example/cek.json',
  pinned: true,
  enabled: true,
  removable: true,
  lastSuccess: Date.UTC(2026, 10, 20),
  nextSync: Date.UTC(2026, 10, 26),
  problem: { code: 'signature-wrong' },
  skipped: 2,
  skippedItems: [
    { where: 'items[41].url', what: 'must be https' },
    { where: 'items[99].id', what: 'duplicate id "x" (first at items[3])' },
  ],
};

function mount(node: preact.ComponentChild) {
  const root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
}

const actions = (): ListActions => ({
  onSyncNow: vi.fn(),
  onRemove: vi.fn(),
  onRestore: vi.fn(),
  onExport: vi.fn(),
  onImport: vi.fn(),
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Lists', () => {
  it('shows a subscription with its status, error in words and skipped items', () => {
    const root = mount(<Lists lists={[SUBSCRIBED]} language="en" actions={actions()} />);
    const row = root.querySelector('[data-list-id="cek"]')!;
    expect(row.getAttribute('data-list-state')).toBe('error');
    expect(row.textContent).toContain("The list's signature does not match the publisher's key");
    expect(row.textContent).toContain('https://lists.example/cek.json');
    expect(row.textContent).toContain('1,200');
    expect(row.textContent).toContain('Items skipped: 2');
    expect(row.textContent).toContain('items[41].url');
    expect(row.querySelector('progress')).toBeNull();
  });

  it('shows a progress bar while a list syncs', () => {
    const syncing: ListStatus = { ...SUBSCRIBED, state: 'syncing', progress: { phase: 'download', fraction: 0.4 } };
    const root = mount(<Lists lists={[syncing]} language="id" />);
    const bar = root.querySelector<HTMLProgressElement>('[data-list-id="cek"] progress')!;
    expect(bar.getAttribute('value')).toBe('0.4');
    expect(root.textContent).toContain('Memperbarui');
  });

  it('syncs all, unsubscribes, exports, and turns the starter list off and on', () => {
    const handlers = actions();
    const starterOff: ListStatus = {
      id: 'saring-starter',
      name: 'Starter',
      version: 1,
      items: 0,
      state: 'ok',
      updatedAt: null,
      kind: 'starter',
      enabled: false,
    };
    const root = mount(<Lists lists={[SUBSCRIBED, starterOff]} language="en" actions={handlers} />);
    root.querySelector<HTMLButtonElement>('[data-action="sync-now"]')!.click();
    root.querySelector<HTMLButtonElement>('[data-list-id="cek"] [data-action="remove"]')!.click();
    root.querySelector<HTMLButtonElement>('[data-list-id="cek"] [data-action="export"]')!.click();
    root.querySelector<HTMLButtonElement>('[data-list-id="saring-starter"] [data-action="restore"]')!.click();
    expect(handlers.onSyncNow).toHaveBeenCalled();
    expect(handlers.onRemove).toHaveBeenCalledWith('cek');
    expect(handlers.onExport).toHaveBeenCalledWith('cek');
    expect(handlers.onRestore).toHaveBeenCalledWith('saring-starter');
    expect(root.querySelector('[data-list-id="saring-starter"]')!.textContent).toContain('Turned off');
  });

  it('offers no removal of a managed list the policy keeps', () => {
    const managed: ListStatus = { ...SUBSCRIBED, kind: 'managed', removable: false };
    const root = mount(<Lists lists={[managed]} language="en" actions={actions()} />);
    expect(root.querySelector('[data-action="remove"]')).toBeNull();
    expect(root.textContent).toContain('From your organisation');
  });
});

describe('Subscribe', () => {
  const preview: SubscribeStage = {
    stage: 'preview',
    request: { url: 'https://lists.example/cek.json' },
    preview: {
      url: 'https://lists.example/cek.json',
      id: 'cek',
      name: 'Cek Fakta Contoh',
      publisher: 'Contoh',
      items: 1200,
      languages: ['id', 'en'],
      version: 3,
      verified: false,
    },
    subscribing: false,
  };
  const props = (subscription: SubscribeStage) => ({
    language: 'en' as const,
    subscription,
    onPreview: vi.fn(),
    onConfirm: vi.fn(),
    onCancel: vi.fn(),
  });

  it('shows what the list is and subscribes only on confirmation', () => {
    const handlers = props(preview);
    const root = mount(<Subscribe {...handlers} />);
    const card = root.querySelector('[data-preview-id="cek"]')!;
    expect(card.textContent).toContain('Cek Fakta Contoh');
    expect(card.textContent).toContain('Contoh');
    expect(card.textContent).toContain('1,200');
    expect(card.textContent).toContain('id, en');
    expect(handlers.onConfirm).not.toHaveBeenCalled();
    root.querySelector<HTMLButtonElement>('[data-action="subscribe"]')!.click();
    expect(handlers.onConfirm).toHaveBeenCalled();
  });

  it('shows the list’s host, the publisher as the list names it, and what a signature proves', () => {
    const unsigned = mount(<Subscribe {...props(preview)} />);
    expect(unsigned.querySelector('[data-preview-host]')?.textContent).toBe('lists.example');
    expect(unsigned.textContent).toContain('Publisher (as the list says)Contoh');
    expect(unsigned.querySelector('[data-preview-signed]')?.textContent).toMatch(
      /^No key given: anyone who can change the file at this address/,
    );
    const signed = mount(
      <Subscribe
        {...props({
          ...preview,
          preview: { ...preview.preview, url: 'http://localhost:8080/cek.json', verified: true },
        })}
      />,
    );
    expect(signed.querySelector('[data-preview-host]')?.textContent).toBe('localhost:8080');
    expect(signed.querySelector('[data-preview-signed]')?.textContent).toMatch(
      /^Matches the key given in this link\. That proves the list is the one this key signed, not who the publisher is/,
    );
  });

  it('asks for a preview from the form, with an optional key', async () => {
    const handlers = props({ stage: 'idle' });
    const root = mount(<Subscribe {...handlers} />);
    const url = root.querySelector<HTMLInputElement>('input[name="list-url"]')!;
    url.value = ' https://lists.example/cek.json ';
    url.dispatchEvent(new Event('input'));
    const key = root.querySelector<HTMLInputElement>('input[name="list-key"]')!;
    key.value = 'S2V5';
    key.dispatchEvent(new Event('input'));
    // Preact applies the state on its next tick.
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(handlers.onPreview).toHaveBeenCalledWith({ url: 'https://lists.example/cek.json', key: 'S2V5' });
  });

  it('says why a list cannot be subscribed', () => {
    const root = mount(
      <Subscribe {...props({ stage: 'failed', request: null, problem: { code: 'http', detail: '404' } })} />,
    );
    expect(root.querySelector('[data-subscribe-error="http"]')!.textContent).toContain('HTTP error 404');
  });
});

describe('SubscribePanel: access to a list on this machine', () => {
  const PREVIEW = { url: '', id: 'cek', name: 'Cek', items: 1, languages: [], version: 1, verified: false };
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

  function panel(hash = '') {
    const calls: string[] = [];
    const api: SubscribeApi = {
      requestAccess: vi.fn(async (url: string) => (calls.push(`access ${url}`), true)),
      preview: vi.fn(
        async (request) => (
          calls.push(`preview ${request.url}`),
          { ok: true as const, preview: { ...PREVIEW, url: request.url } }
        ),
      ),
      subscribe: vi.fn(
        async (request) => (
          calls.push(`subscribe ${request.url}`),
          { ok: true as const, preview: { ...PREVIEW, url: request.url } }
        ),
      ),
    };
    const root = mount(<SubscribePanel api={api} language="en" hash={hash} onSubscribed={vi.fn()} />);
    return { root, calls };
  }

  async function typeAndPreview(root: HTMLElement, url: string) {
    const input = root.querySelector<HTMLInputElement>('input[name="list-url"]')!;
    input.value = url;
    input.dispatchEvent(new Event('input'));
    await tick();
    root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await tick();
  }

  it('asks for access first when a publisher previews a local list, within that click', async () => {
    const { root, calls } = panel();
    await typeAndPreview(root, 'http://127.0.0.1:8080/daftar.json');
    expect(calls).toEqual(['access http://127.0.0.1:8080/daftar.json', 'preview http://127.0.0.1:8080/daftar.json']);
  });

  it('asks for nothing to preview an https list, and for its host on Subscribe', async () => {
    const { root, calls } = panel();
    await typeAndPreview(root, 'https://lists.example/cek.json');
    expect(calls).toEqual(['preview https://lists.example/cek.json']);
    root.querySelector<HTMLButtonElement>('[data-action="subscribe"]')!.click();
    await tick();
    expect(calls.slice(1)).toEqual([
      'access https://lists.example/cek.json',
      'subscribe https://lists.example/cek.json',
    ]);
  });

  it('previews a one-click link without asking (no click to ask within)', async () => {
    const { calls } = panel(`#subscribe=${encodeURIComponent('http://localhost:8080/daftar.json')}`);
    // The link is read in an effect, after the first paint.
    await vi.waitFor(() => expect(calls).toEqual(['preview http://localhost:8080/daftar.json']));
  });
});

// @vitest-environment happy-dom
import type { Outcome } from '../../lib/core/vocabulary';
import { afterEach, describe, expect, it } from 'vitest';
import { PROMPT_TAG, showPrompt as showPromptOf } from '../../components/prompt/host';
import type { PromptRequest } from '../../lib/guard/types';
import { uiStrings } from '../../lib/i18n';
import { textFromStrings } from '../../lib/i18n/text';
import { asPerson, click, personInput, settle } from '../sites/harness';

const XSS = '<img src=x onerror=alert(1)>';

function request(overrides: Partial<PromptRequest> = {}): PromptRequest {
  return {
    reason: 'hoax-match',
    kind: 'repost',
    language: 'id',
    excerpt: 'Gunung no 7 yg akan erupsi besar adalah gn Lawu',
    readUrl: 'https://turnbackhoax.id/articles/35352',
    matches: [
      {
        id: 'tbh26-35352',
        listId: 'starter',
        claim: `Gunung Lawu bakal erupsi besar ${XSS}`,
        rating: 'misleading',
        label: 'SALAH',
        url: 'https://turnbackhoax.id/articles/35352',
        published: '2026-06-24',
        publisher: 'Mafindo/TurnBackHoax',
        score: 0.93,
      },
      { id: 'x-2', listId: 'starter', claim: 'No link here', rating: 'false', url: 'javascript:alert(1)', score: 0.5 },
    ],
    ...overrides,
  };
}

/** The words a guarded page gets from the background (`get-ui-strings`) for the request's language. */
const words = (prompt: PromptRequest) => textFromStrings(prompt.language, uiStrings(prompt.language));

/** The prompt, told which input is the person's: here, what the harness dispatches as the person. */
const showPrompt = (doc: Document, prompt: PromptRequest) =>
  showPromptOf(doc, prompt, words(prompt), { isTrusted: personInput });

function shadow(): ShadowRoot {
  const host = document.querySelector(PROMPT_TAG);
  if (!host?.shadowRoot) throw new Error('prompt not shown');
  return host.shadowRoot;
}

function button(action: 'read' | 'cancel' | 'share'): HTMLButtonElement {
  const element = shadow().querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
  if (!element) throw new Error(`no ${action} button`);
  return element;
}

function press(key: string, init: KeyboardEventInit = {}) {
  const target = shadow().activeElement ?? shadow().querySelector('[role="dialog"]');
  if (target)
    asPerson(target, new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }));
}

afterEach(() => {
  document.querySelectorAll(PROMPT_TAG).forEach((element) => element.remove());
  document.body.innerHTML = '';
});

describe('showPrompt', () => {
  it('asks a likely match in softer, truthful words, in both languages', () => {
    void showPrompt(document, request({ reason: 'likely-match' }));
    expect(shadow().querySelector('[role="dialog"]')?.getAttribute('data-reason')).toBe('likely-match');
    expect(shadow().querySelector('#saring-reason')?.textContent).toBe(
      'Isi ini mungkin tentang klaim yang sudah diperiksa pemeriksa fakta. Lihat dulu sebelum membagikan?',
    );
    expect(shadow().querySelector('#saring-matches')?.textContent).toBe('Hasil cek fakta yang mungkin terkait');
    expect(shadow().querySelectorAll('[data-match-id]')).toHaveLength(2);
    document.querySelectorAll(PROMPT_TAG).forEach((element) => element.remove());
    void showPrompt(document, request({ reason: 'likely-match', language: 'en' }));
    expect(shadow().querySelector('#saring-reason')?.textContent).toMatch(
      /^This may be about a claim that fact-checkers have already checked/,
    );
    expect(shadow().querySelector('#saring-matches')?.textContent).toBe('Fact-checks that may be related');
  });

  it('renders the testability contract inside an open shadow root', () => {
    void showPrompt(document, request());
    const dialog = shadow().querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('aria-modal')).toBe('true');
    expect(dialog?.getAttribute('data-reason')).toBe('hoax-match');
    const labelledBy = dialog?.getAttribute('aria-labelledby') ?? '';
    expect(shadow().getElementById(labelledBy)?.textContent).toBe('Sudah dibaca? Sudah dicek kebenarannya?');
    for (const id of (dialog?.getAttribute('aria-describedby') ?? '').split(' ')) {
      expect(shadow().getElementById(id)?.textContent).toBeTruthy();
    }
    expect(shadow().textContent).toContain('Menurut Anda, seberapa akurat informasi ini?');

    const match = shadow().querySelector('[data-match-id="tbh26-35352"]');
    expect(match?.getAttribute('data-rating')).toBe('misleading');
    expect(match?.textContent).toContain('Menyesatkan');
    expect(match?.textContent).toContain('SALAH');
    expect(match?.textContent).toContain('Mafindo/TurnBackHoax');
    const link = match?.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://turnbackhoax.id/articles/35352');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(shadow().querySelector('style')?.textContent).toBeDefined();
  });

  it('shows where a subscribed list came from beside the publisher it names', () => {
    const [hoax, other] = request().matches;
    void showPrompt(
      document,
      request({
        language: 'en',
        matches: [{ ...hoax!, publisher: 'Cek Fakta Resmi', listHost: 'lists.example.net' }, other!],
      }),
    );
    const details = shadow().querySelector('[data-match-id="tbh26-35352"] .match-details')?.textContent;
    expect(details).toContain('Checked by Cek Fakta Resmi · list from lists.example.net');
    // The bundled list names no host.
    expect(shadow().querySelector('[data-match-id="x-2"]')?.textContent).not.toContain('list from');
  });

  it('says more strongly that a message was forwarded many times, only when it was', () => {
    void showPrompt(document, request({ forwardedMany: true }));
    const line = shadow().querySelector('[data-note="forwarded-many"]');
    expect(line?.textContent).toMatch(/^Pesan ini sudah diteruskan berkali-kali — sering begitulah hoaks menyebar/);
    const describedBy = shadow().querySelector('[role="dialog"]')?.getAttribute('aria-describedby') ?? '';
    expect(describedBy.split(' ')).toContain(line?.id);
    shadow().host.remove();
    void showPrompt(document, request({ forwardedMany: true, language: 'en', reason: 'always' }));
    expect(shadow().querySelector('[data-note="forwarded-many"]')?.textContent).toMatch(
      /^This message has been forwarded many times — that is often how hoaxes spread/,
    );
    shadow().host.remove();
    void showPrompt(document, request());
    expect(shadow().querySelector('[data-note="forwarded-many"]')).toBeNull();
    expect(shadow().querySelector('[role="dialog"]')?.getAttribute('aria-describedby')).toBe(
      'saring-reason saring-nudge',
    );
  });

  it('renders list text as text, never as markup or script links', () => {
    void showPrompt(document, request({ excerpt: XSS }));
    expect(shadow().querySelector('img')).toBeNull();
    expect(shadow().querySelector('[data-match-id="tbh26-35352"] .claim')?.textContent).toContain(XSS);
    expect(shadow().querySelector('.excerpt-text')?.textContent).toBe(XSS);
    expect(shadow().querySelector('[data-match-id="x-2"] a')).toBeNull();
  });

  it('speaks English and gives a reason per rule', () => {
    void showPrompt(document, request({ language: 'en', reason: 'unread-link', matches: [] }));
    expect(shadow().querySelector('[role="dialog"]')?.getAttribute('data-reason')).toBe('unread-link');
    expect(shadow().textContent).toContain('Did you read it? Is it verified?');
    expect(shadow().textContent).toContain('How accurate do you think this is?');
    expect(button('read').textContent).toBe('Read first');
    expect(button('share').textContent).toBe('Share anyway');
  });

  it('asks about a petition in its own words and shows its title, starter and date, as text', () => {
    const details = {
      title: `Evakuasi warga ${XSS}`,
      starter: 'Paguyuban Waspada Lawu',
      created: '2026-10-02T08:15:00Z',
    };
    void showPrompt(document, request({ reason: 'petition', kind: 'sign', matches: [], details }));
    const dialog = shadow().querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('data-reason')).toBe('petition');
    expect(shadow().querySelector('.reason')?.textContent).toBe(
      'Sudah membaca petisinya sampai habis? Siapa pembuatnya, apa yang diminta, kapan dibuat?',
    );
    const shown = (part: string) => shadow().querySelector(`[data-detail="${part}"] dd`)?.textContent;
    expect(shown('title')).toBe(details.title);
    expect(shadow().querySelector('[data-detail] img')).toBeNull();
    expect(shown('starter')).toBe('Paguyuban Waspada Lawu');
    expect(shown('created')).toBe('2 Okt 2026');
    expect(shadow().querySelector('[data-detail="starter"] dt')?.textContent).toBe('Dimulai oleh');
    expect(shadow().querySelector('.excerpt .section-label')?.textContent).toBe('Yang akan Anda dukung');
  });

  it('leaves out the petition details it was not given, and keeps a date in the page’s words', () => {
    void showPrompt(
      document,
      request({ reason: 'petition', kind: 'sign', language: 'en', details: { created: '3 days ago' } }),
    );
    expect([...shadow().querySelectorAll('[data-detail]')].map((el) => el.getAttribute('data-detail'))).toEqual([
      'created',
    ]);
    expect(shadow().querySelector('[data-detail="created"]')?.textContent).toBe('Created3 days ago');
    expect(shadow().querySelector('.reason')?.textContent).toContain('Who started it');
  });

  it('shows no details list for a post without details', () => {
    void showPrompt(document, request());
    expect(shadow().querySelector('.details')).toBeNull();
  });

  it('focuses Read first, and Esc cancels and removes the prompt', async () => {
    const outcome = showPrompt(document, request());
    expect(shadow().activeElement).toBe(button('read'));
    press('Escape');
    await expect(outcome).resolves.toBe('cancel');
    expect(document.querySelector(PROMPT_TAG)).toBeNull();
  });

  it('lets the first choice win', async () => {
    const outcome = showPrompt(document, request());
    const share = button('share');
    const cancel = button('cancel');
    click(share);
    click(cancel);
    await expect(outcome).resolves.toBe('share');
  });

  it('activates the focused button with Enter', async () => {
    const outcome = showPrompt(document, request());
    button('cancel').focus();
    press('Enter');
    await expect(outcome).resolves.toBe('cancel');
  });

  it('traps Tab inside the dialog and returns focus afterwards', async () => {
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const outcome = showPrompt(document, request());
    button('share').focus();
    press('Tab');
    expect(shadow().activeElement?.matches('a[href]')).toBe(true);
    press('Tab', { shiftKey: true });
    expect(shadow().activeElement).toBe(button('share'));
    click(button('read'));
    await expect(outcome).resolves.toBe('read');
    expect(document.activeElement).toBe(opener);
  });

  it('answers only the person: a page script’s click(), events and keys reach no choice', async () => {
    let answered: Outcome | null = null;
    void showPrompt(document, request()).then((outcome) => (answered = outcome));
    const linkClick = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    for (const action of ['share', 'read', 'cancel'] as const) {
      button(action).click();
      button(action).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      button(action).focus();
      shadow().activeElement?.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }),
      );
    }
    shadow()
      .querySelector('[role="dialog"]')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    shadow().querySelector('a.match-link')?.dispatchEvent(linkClick);
    await settle();
    expect(answered).toBeNull();
    expect(document.querySelector(PROMPT_TAG)).not.toBeNull();
    // The fact-check link a script clicked does not open either.
    expect(linkClick.defaultPrevented).toBe(true);
    click(button('cancel'));
    await settle();
    expect(answered).toBe('cancel');
  });

  it('in the browser, trusts what the browser does: a script’s click() is not the person', async () => {
    let answered: Outcome | null = null;
    void showPromptOf(document, request(), words(request())).then((outcome) => (answered = outcome));
    button('share').click();
    await settle();
    expect(answered).toBeNull();
  });

  it('goes away unanswered when its signal aborts (the content script ended)', async () => {
    const ended = new AbortController();
    let answered: Outcome | null = null;
    void showPromptOf(document, request(), words(request()), { signal: ended.signal, isTrusted: personInput }).then(
      (outcome) => (answered = outcome),
    );
    expect(document.querySelector(PROMPT_TAG)).not.toBeNull();
    ended.abort();
    await settle();
    expect(document.querySelector(PROMPT_TAG)).toBeNull();
    expect(answered).toBeNull();
  });

  it('keeps typed keys away from the page', () => {
    let pageSawKey = false;
    document.addEventListener('keydown', () => (pageSawKey = true));
    void showPrompt(document, request());
    press('t');
    expect(pageSawKey).toBe(false);
  });
});

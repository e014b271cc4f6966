import { SHARE_LINK_SITE_ID } from '../../lib/core/vocabulary';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import '../../components/common/page.css';
import { showPrompt } from '../../components/prompt/host';
import type { PromptRequest } from '../../lib/guard/types';
import { resolveLanguage, t, uiText } from '../../lib/i18n';
import { send } from '../../lib/messaging/client';
import type { CheckShareResponse } from '../../lib/messaging/protocol';
import { originalUrlFromHash, parseShareIntent, shareIntentUrl } from '../../lib/share-intents';

/**
 * Interstitial for share-intent links (facebook.com/sharer, wa.me/?text= …), which the background
 * redirects here: check what would be shared, ask when it must, then continue, go back or read.
 * Any page can open it too, with anything after the `#`: it continues only to share intents of the
 * services it guards (never a bounce to another site), and only in a tab of its own (a page
 * framing it could watch what it does, or lay its own buttons over the prompt).
 */

/** Past this the share continues unchecked (fail open); longer than in-page since this page is already a detour. */
const CHECK_TIMEOUT_MS = 2_000;
const EXCERPT_LENGTH = 280;
/** Loop guard: arriving again for the same URL this soon means the pass did not work. */
const RECENT_PASS_MS = 10_000;

const status = document.getElementById('share-check')!;

async function proceed(url: string): Promise<void> {
  const key = `saring-pass:${url}`;
  const lastPass = Number(sessionStorage.getItem(key) ?? 0);
  if (Date.now() - lastPass < RECENT_PASS_MS) {
    // Redirected back despite the pass: offer the link rather than loop.
    status.replaceChildren(Object.assign(document.createElement('a'), { href: url, textContent: url }));
    return;
  }
  sessionStorage.setItem(key, String(Date.now()));
  await send('allow-share-intent', { url }, { timeoutMs: CHECK_TIMEOUT_MS }).catch(() => undefined);
  location.replace(url);
}

async function leave(): Promise<void> {
  if (history.length > 1) {
    history.back();
    return;
  }
  const tab = await browser.tabs.getCurrent();
  if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
}

async function check(text: string, urls: string[]): Promise<CheckShareResponse> {
  try {
    return await send(
      'check-share',
      { site: SHARE_LINK_SITE_ID, kind: 'share', text: text.slice(0, 20_000), urls: urls.slice(0, 50) },
      { timeoutMs: CHECK_TIMEOUT_MS },
    );
  } catch {
    return { ask: false };
  }
}

/** Says in words why nothing happens, under Saring's name; the link is not offered, only its host named. */
function refuse(reason: 'framed' | 'not-share-link', host?: string): void {
  const language = resolveLanguage('auto', navigator.language);
  const element = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    props: Partial<HTMLElementTagNameMap[K]>,
    ...children: Node[]
  ) => {
    const made = Object.assign(document.createElement(tag), props);
    made.append(...children);
    return made;
  };
  const brand = element(
    'header',
    { className: 'brand-header' },
    element('img', { className: 'brand-icon', src: '/icon/48.png', alt: '', width: 32, height: 32 }),
    element(
      'div',
      {},
      element('p', { className: 'brand-name', textContent: 'Saring' }),
      element('p', { className: 'brand-tagline', textContent: t(language, 'tagline') }),
    ),
  );
  const card = element(
    'div',
    { className: 'card refusal' },
    element('p', { textContent: t(language, reason === 'framed' ? 'shareCheckFramed' : 'shareCheckNotShareLink') }),
    ...(host ? [element('p', { className: 'muted', textContent: t(language, 'shareCheckRefusedHost', host) })] : []),
  );
  document.documentElement.lang = language;
  status.dataset.refused = reason;
  status.replaceChildren(brand, card);
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

async function run(): Promise<void> {
  if (window.top !== window) return refuse('framed');
  const carried = originalUrlFromHash(location.hash);
  const url = carried && shareIntentUrl(carried);
  if (!url) return refuse('not-share-link', carried ? hostOf(carried) : undefined);
  const intent = parseShareIntent(url);
  if (!intent) return proceed(url);

  const answer = await check(intent.text, intent.urls);
  if (!answer.ask) return proceed(url);

  const request: PromptRequest = {
    reason: answer.reason,
    kind: 'share',
    language: answer.language,
    excerpt: (intent.text || intent.urls.join(' ')).slice(0, EXCERPT_LENGTH),
    matches: answer.matches,
    readUrl: answer.readUrl,
  };
  // "Read first" opens the article in a new tab and keeps this page asking, for when they return.
  for (;;) {
    const outcome = await showPrompt(document, request, uiText(request.language));
    void send('record-outcome', { site: SHARE_LINK_SITE_ID, reason: answer.reason, outcome }).catch(() => undefined);
    if (outcome === 'share') return proceed(url);
    if (outcome === 'cancel') return leave();
    if (request.readUrl) await send('open-read', { url: request.readUrl }).catch(() => undefined);
  }
}

void run();

import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import '../../components/common/page.css';
import '../../components/demo/demo.css';
import '../../components/stats/stats.css';
import { PAGE_TIMEOUT_MS } from '../../components/common/useRemote';
import { DemoApp } from '../../components/demo/DemoApp';
import { showPrompt } from '../../components/prompt/host';
import { logPrompts, type PromptEvent } from '../../lib/classroom/prompt-log';
import { armGuard, messagingTransport } from '../../lib/guard';
import { resolveLanguage, uiText } from '../../lib/i18n';
import { send } from '../../lib/messaging/client';
import { DEMO_SITE } from '../../lib/sites';

// A classroom demo should show the prompt even when the background wakes up slowly, so it waits
// longer than a real site's guard before failing open.
const DEMO_CHECK_TIMEOUT_MS = 2_000;
// Storing a pack rebuilds the matcher over every list: seconds on a slow school laptop.
const STORE_PACK_TIMEOUT_MS = 30_000;

const promptListeners = new Set<(event: PromptEvent) => void>();

function armDemoGuard(): boolean {
  try {
    armGuard({
      adapter: DEMO_SITE,
      document,
      transport: messagingTransport(DEMO_CHECK_TIMEOUT_MS),
      // Registered before the guard's listeners, so it sees which post's share was pressed first.
      showPrompt: logPrompts(
        window,
        (request) => showPrompt(document, request, uiText(request.language)),
        (event) => {
          for (const listener of promptListeners) listener(event);
        },
      ),
      timeoutMs: DEMO_CHECK_TIMEOUT_MS,
    });
    return true;
  } catch (error) {
    console.error('Saring demo: the guard could not be armed', error);
    return false;
  }
}

const loadLanguage = () =>
  send('get-options-state', {}, { timeoutMs: PAGE_TIMEOUT_MS }).then((state) => state.language);

const loadBundledPack = () =>
  fetch(browser.runtime.getURL('/demo/pack.json')).then((response) => {
    if (!response.ok) throw new Error(`demo/pack.json: HTTP ${response.status}`);
    return response.text();
  });

render(
  <DemoApp
    fallbackLanguage={resolveLanguage('auto', navigator.language)}
    loadLanguage={loadLanguage}
    guardFailed={!armDemoGuard()}
    loadBundledPack={loadBundledPack}
    storeList={(list) => send('store-classroom-list', { list }, { timeoutMs: STORE_PACK_TIMEOUT_MS })}
    watchPrompts={(listener) => {
      promptListeners.add(listener);
      return () => promptListeners.delete(listener);
    }}
  />,
  document.getElementById('app')!,
);

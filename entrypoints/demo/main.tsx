import { render } from 'preact';
import '../../components/theme.css';
import '../../components/common/page.css';
import '../../components/demo/demo.css';
import { PAGE_TIMEOUT_MS } from '../../components/common/useRemote';
import { DemoApp } from '../../components/demo/DemoApp';
import { showPrompt } from '../../components/prompt/host';
import { armGuard, messagingTransport } from '../../lib/guard';
import { resolveLanguage } from '../../lib/i18n';
import { send } from '../../lib/messaging/client';
import { DEMO_SITE } from '../../lib/sites';

// A classroom demo should show the prompt even when the background wakes up slowly, so it waits
// longer than a real site's guard before failing open.
const DEMO_CHECK_TIMEOUT_MS = 2_000;

function armDemoGuard(): boolean {
  try {
    armGuard({
      adapter: DEMO_SITE,
      document,
      transport: messagingTransport(DEMO_CHECK_TIMEOUT_MS),
      showPrompt: (request) => showPrompt(document, request),
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

render(
  <DemoApp
    fallbackLanguage={resolveLanguage('auto', navigator.language)}
    loadLanguage={loadLanguage}
    guardFailed={!armDemoGuard()}
  />,
  document.getElementById('app')!,
);

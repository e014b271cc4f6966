import { defineContentScript } from 'wxt/utils/define-content-script';
import { showPrompt } from '../../components/prompt/host';
import { armGuard, DEFAULT_TIMEOUT_MS } from '../../lib/guard/arm';
import { watchExpectations } from '../../lib/guard/expectations';
import { healthReporter } from '../../lib/guard/health';
import { messagingTransport } from '../../lib/guard/messaging-transport';
import type { PromptRequest } from '../../lib/guard/types';
import { guardWebShares } from '../../lib/guard/web-share';
import { startInlineLabels } from '../../lib/labels';
import { CONTENT_SCRIPT_MATCHES, siteForUrl } from '../../lib/sites';

// One content script for every supported site: the adapter is picked from the page's URL.
export default defineContentScript({
  matches: [...CONTENT_SCRIPT_MATCHES],
  // Armed before the site's own scripts run, so the first click on a share is already guarded.
  runAt: 'document_start',
  main() {
    const adapter = siteForUrl(location.href);
    if (!adapter) return;
    const guard = {
      adapter,
      document,
      transport: messagingTransport(DEFAULT_TIMEOUT_MS),
      showPrompt: (request: PromptRequest) => showPrompt(document, request),
    };
    armGuard(guard);
    // The page's navigator.share, wrapped by the web-share content script in the page's world.
    guardWebShares(guard);
    startInlineLabels(adapter, document);
    // Site health from the adapter's expectations: reports only, so a changed site fails open.
    watchExpectations({ adapter, document, report: healthReporter(adapter.id, messagingTransport(DEFAULT_TIMEOUT_MS)) });
  },
});

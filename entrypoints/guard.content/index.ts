import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { removeLabels, showLabel } from '../../components/label/host';
import { showPrompt } from '../../components/prompt/host';
import { armGuard, DEFAULT_TIMEOUT_MS } from '../../lib/guard/arm';
import { watchExpectations } from '../../lib/guard/expectations';
import { healthReporter } from '../../lib/guard/health';
import { contentScriptLife } from '../../lib/guard/life';
import { messagingTransport } from '../../lib/guard/messaging-transport';
import { promptWithText, uiTextSource } from '../../lib/guard/ui-text';
import { guardWebShares } from '../../lib/guard/web-share';
import { startInlineLabels } from '../../lib/labels';
import { send } from '../../lib/messaging/client';
import { CONTENT_SCRIPT_MATCHES, siteForUrl } from '../../lib/sites';

// One content script for every supported site: the adapter is picked from the page's URL.
export default defineContentScript({
  matches: [...CONTENT_SCRIPT_MATCHES],
  // Armed before the site's own scripts run, so the first click on a share is already guarded.
  runAt: 'document_start',
  main(ctx) {
    const adapter = siteForUrl(location.href);
    if (!adapter) return;
    // Ends when the extension is reloaded or updated under this page: then everything is disarmed.
    const life = contentScriptLife(ctx, () => browser.runtime?.id !== undefined);
    // Only the person's input, and none once the extension is gone (an orphaned script acts on nothing).
    const isTrusted = (event: Event) => event.isTrusted && life.alive();
    // The prompt's and the labels' words, one language at a time: no catalog is bundled here.
    const uiText = uiTextSource((language) => send('get-ui-strings', { language }));
    const guard = {
      adapter,
      document,
      transport: messagingTransport(DEFAULT_TIMEOUT_MS),
      showPrompt: promptWithText(uiText, (request, text) =>
        showPrompt(document, request, text, { signal: life.signal }),
      ),
      isTrusted,
    };
    life.onEnd(armGuard(guard));
    // The page's navigator.share, wrapped by the web-share content script in the page's world.
    life.onEnd(
      guardWebShares({ ...guard, hasActivation: () => navigator.userActivation?.isActive === true && life.alive() }),
    );
    life.onEnd(startInlineLabels(adapter, document, { showLabel, removeLabels }, uiText, life.alive));
    // Site health from the adapter's expectations: reports only, so a changed site fails open.
    const report = healthReporter(adapter.id, messagingTransport(DEFAULT_TIMEOUT_MS));
    const reportWhileAlive = (check: string, ok: boolean) => {
      if (life.alive()) report(check, ok);
    };
    life.onEnd(watchExpectations({ adapter, document, isTrusted, report: reportWhileAlive }));
  },
});

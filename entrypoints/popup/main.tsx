import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import '../../components/common/page.css';
import '../../components/popup/popup.css';
import { PopupApp } from '../../components/popup/PopupApp';
import { resolveLanguage } from '../../lib/i18n';
import { send } from '../../lib/messaging/client';
import { PAGE_TIMEOUT_MS } from '../../components/common/useRemote';

async function loadStatus() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return send('get-page-status', { url: tab?.url ?? '' }, { timeoutMs: PAGE_TIMEOUT_MS });
}

const closeWindow = () => window.close();

render(
  <PopupApp
    fallbackLanguage={resolveLanguage('auto', navigator.language)}
    loadStatus={loadStatus}
    setSiteEnabled={(site, enabled) => send('set-site-enabled', { site, enabled }, { timeoutMs: PAGE_TIMEOUT_MS })}
    snooze={(minutes) => send('snooze', { minutes }, { timeoutMs: PAGE_TIMEOUT_MS })}
    openOptions={() => void browser.runtime.openOptionsPage().then(closeWindow, closeWindow)}
    openDemo={() =>
      void browser.tabs.create({ url: browser.runtime.getURL('/demo.html') }).then(closeWindow, closeWindow)
    }
  />,
  document.getElementById('app')!,
);

import { render } from 'preact';
import '../../components/theme.css';
import '../../components/common/page.css';
import '../../components/options/options.css';
import { OptionsApp } from '../../components/options/OptionsApp';
import { PAGE_TIMEOUT_MS } from '../../components/common/useRemote';
import { resolveLanguage } from '../../lib/i18n';
import { send } from '../../lib/messaging/client';

render(
  <OptionsApp
    fallbackLanguage={resolveLanguage('auto', navigator.language)}
    loadState={() => send('get-options-state', {}, { timeoutMs: PAGE_TIMEOUT_MS })}
    setSettings={(patch) => send('set-settings', patch, { timeoutMs: PAGE_TIMEOUT_MS })}
    setSiteEnabled={(site, enabled) => send('set-site-enabled', { site, enabled }, { timeoutMs: PAGE_TIMEOUT_MS })}
  />,
  document.getElementById('app')!,
);

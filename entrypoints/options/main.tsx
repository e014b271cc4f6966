import { render } from 'preact';
import '../../components/theme.css';
import '../../components/common/page.css';
import '../../components/options/options.css';
import '../../components/stats/stats.css';
import { OptionsApp } from '../../components/options/OptionsApp';
import { PAGE_TIMEOUT_MS } from '../../components/common/useRemote';
import { resolveLanguage } from '../../lib/i18n';
import { send } from '../../lib/messaging/client';
import { listsApi } from './lists-api';

render(
  <OptionsApp
    fallbackLanguage={resolveLanguage('auto', navigator.language)}
    loadState={() => send('get-options-state', {}, { timeoutMs: PAGE_TIMEOUT_MS })}
    setSettings={(patch) => send('set-settings', patch, { timeoutMs: PAGE_TIMEOUT_MS })}
    setSiteEnabled={(site, enabled) => send('set-site-enabled', { site, enabled }, { timeoutMs: PAGE_TIMEOUT_MS })}
    setSiteLabels={(site, enabled) => send('set-site-labels', { site, enabled }, { timeoutMs: PAGE_TIMEOUT_MS })}
    forgetReadLinks={() => send('forget-read-links', {}, { timeoutMs: PAGE_TIMEOUT_MS })}
    stats={{
      load: (days) => send('get-stats', { days }, { timeoutMs: PAGE_TIMEOUT_MS }),
      reset: () => send('reset-stats', {}, { timeoutMs: PAGE_TIMEOUT_MS }),
    }}
    lists={listsApi}
    hash={location.hash}
  />,
  document.getElementById('app')!,
);

import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import '../../components/common/page.css';
import '../../components/prompt/prompt.css';
import { CheckResult } from '../../components/check/CheckResult';
import { CONTEXT_RESULT_KEY, type ContextCheckResult } from '../../lib/background/context-result';
import { resolveLanguage } from '../../lib/i18n';

// The result of a context-menu check, left in session storage (memory only) by the background.
const key = `${CONTEXT_RESULT_KEY}${location.hash.slice(1)}`;
const stored = (await browser.storage.session.get(key))[key] as ContextCheckResult | undefined;
const language = stored?.language ?? resolveLanguage('auto', navigator.language);
document.documentElement.lang = language;
render(<CheckResult result={stored ?? null} language={language} />, document.getElementById('app')!);

import type { ContextCheckResult } from '../../lib/background/context-result';
import { t, uiText } from '../../lib/i18n';
import type { UiLanguage } from '../../lib/core/vocabulary';
import { Brand } from '../common/Brand';
import { MatchItem } from '../prompt/Prompt';

const HEADLINE = {
  match: 'checkPageMatch',
  likely: 'checkPageLikely',
  none: 'checkPageNone',
  failed: 'checkPageFailed',
} as const;

/**
 * The result of a context-menu check. "Nothing found" is worded as what it is — no known hoax in
 * the person's lists — never as "verified".
 */
export function CheckResult({ result, language }: { result: ContextCheckResult | null; language: UiLanguage }) {
  if (!result) {
    return (
      <main class="check-page">
        <Brand language={language} title={t(language, 'checkPageTitle')} />
        <p data-check-status="missing">{t(language, 'checkPageMissing')}</p>
      </main>
    );
  }
  return (
    <main class="check-page" data-check-status={result.status}>
      <Brand language={language} title={t(language, 'checkPageTitle')} />
      <p class="check-what">{t(language, result.what === 'image' ? 'checkPageImage' : 'checkPageText')}</p>
      {result.excerpt && <blockquote class="check-excerpt">{result.excerpt}</blockquote>}
      <h1 class="check-headline">{t(language, HEADLINE[result.status])}</h1>
      {result.status === 'none' && <p class="check-note">{t(language, 'checkPageNoneNote')}</p>}
      {result.status === 'failed' && result.error && <p class="check-error">{result.error}</p>}
      {result.matches.length > 0 && (
        <ul class="matches">
          {result.matches.map((match, index) => (
            <li key={match.id} class="check-match" data-via={match.via}>
              <span class="check-via">
                {t(language, match.via === 'image' ? 'checkPageViaImage' : 'checkPageViaText')}
              </span>
              <ul class="matches">
                <MatchItem match={match} index={index} text={uiText(language)} />
              </ul>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

import type { UiLanguage } from '../../lib/core/vocabulary';
import { useEffect } from 'preact/hooks';
import { t, type MessageKey } from '../../lib/i18n';

/** Keeps the page's `lang` (for screen readers and hyphenation) and title in the UI language. */
export function useDocumentLanguage(language: UiLanguage, title: MessageKey) {
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t(language, title);
  }, [language, title]);
}

import { useEffect, useState } from 'preact/hooks';
import type { UiLanguage } from '../../lib/messaging/protocol';
import { useDocumentLanguage } from '../common/useDocumentLanguage';
import { DemoFeed } from './DemoFeed';
import { DEMO_POSTS } from './posts';

export interface DemoAppProps {
  fallbackLanguage: UiLanguage;
  /** The language chosen in Options; the page starts in the fallback until it answers. */
  loadLanguage(): Promise<UiLanguage>;
  guardFailed: boolean;
}

export function DemoApp({ fallbackLanguage, loadLanguage, guardFailed }: DemoAppProps) {
  const [language, setLanguage] = useState(fallbackLanguage);
  const [shared, setShared] = useState(0);
  useEffect(() => {
    loadLanguage().then(setLanguage, () => undefined);
  }, [loadLanguage]);
  useDocumentLanguage(language, 'demoTitle');
  return (
    <DemoFeed
      language={language}
      posts={DEMO_POSTS}
      shared={shared}
      guardFailed={guardFailed}
      onShare={() => setShared((count) => count + 1)}
      onReset={() => setShared(0)}
    />
  );
}

import { useCallback } from 'preact/hooks';
import type { OptionsState, UiLanguage } from '../../lib/messaging/protocol';
import { Brand } from '../common/Brand';
import { LoadState } from '../common/LoadState';
import { useDocumentLanguage } from '../common/useDocumentLanguage';
import { useRemote } from '../common/useRemote';
import { Options, type SettingsPatch } from './Options';

export interface OptionsAppProps {
  /** Used until the background says which language to speak. */
  fallbackLanguage: UiLanguage;
  loadState(): Promise<OptionsState>;
  setSettings(patch: SettingsPatch): Promise<unknown>;
  setSiteEnabled(site: string, enabled: boolean): Promise<unknown>;
}

/** Wires the options page to its data source; the entrypoint supplies the messaging. */
export function OptionsApp(props: OptionsAppProps) {
  // The loader is pinned for the page's lifetime so re-renders do not refetch.
  const { remote, reload, act, actionFailed } = useRemote(useCallback(props.loadState, []));
  useDocumentLanguage(remote.status === 'ready' ? remote.value.language : props.fallbackLanguage, 'optionsTitle');
  if (remote.status !== 'ready') {
    return (
      <main class="options">
        <Brand language={props.fallbackLanguage} />
        <LoadState status={remote.status} language={props.fallbackLanguage} onRetry={reload} />
      </main>
    );
  }
  return (
    <Options
      state={remote.value}
      saveFailed={actionFailed}
      onSettings={(patch) => act(() => props.setSettings(patch))}
      onSiteEnabled={(site, enabled) => act(() => props.setSiteEnabled(site, enabled))}
    />
  );
}

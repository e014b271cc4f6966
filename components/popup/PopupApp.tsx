import type { UiLanguage } from '../../lib/core/vocabulary';
import { useCallback } from 'preact/hooks';
import type { PageStatus } from '../../lib/messaging/protocol';
import { Brand } from '../common/Brand';
import { LoadState } from '../common/LoadState';
import { useDocumentLanguage } from '../common/useDocumentLanguage';
import { useRemote } from '../common/useRemote';
import { Popup } from './Popup';

export interface PopupAppProps {
  /** Used until the background says which language to speak. */
  fallbackLanguage: UiLanguage;
  loadStatus(): Promise<PageStatus>;
  setSiteEnabled(site: string, enabled: boolean): Promise<unknown>;
  snooze(minutes: number): Promise<unknown>;
  openOptions(): void;
  openDemo(): void;
}

/** Wires the popup to its data source; the entrypoint supplies the messaging. */
export function PopupApp(props: PopupAppProps) {
  // The loader is pinned for the popup's lifetime so re-renders do not refetch.
  const { remote, reload, act, actionFailed } = useRemote(useCallback(props.loadStatus, []));
  useDocumentLanguage(remote.status === 'ready' ? remote.value.language : props.fallbackLanguage, 'extName');
  if (remote.status !== 'ready') {
    return (
      <main class="popup">
        <Brand language={props.fallbackLanguage} />
        <LoadState status={remote.status} language={props.fallbackLanguage} onRetry={reload} />
      </main>
    );
  }
  return (
    <Popup
      status={remote.value}
      now={Date.now()}
      saveFailed={actionFailed}
      onSiteEnabled={(site, enabled) => act(() => props.setSiteEnabled(site, enabled))}
      onSnooze={(minutes) => act(() => props.snooze(minutes))}
      onOpenOptions={props.openOptions}
      onOpenDemo={props.openDemo}
    />
  );
}

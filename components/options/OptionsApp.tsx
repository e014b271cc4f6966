import type { UiLanguage } from '../../lib/core/vocabulary';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { OptionsState } from '../../lib/messaging/protocol';
import { Brand } from '../common/Brand';
import { LoadState } from '../common/LoadState';
import { useDocumentLanguage } from '../common/useDocumentLanguage';
import { useRemote } from '../common/useRemote';
import { StatsPanel, type StatsSource } from '../stats/StatsPanel';
import { Options, type SettingsPatch } from './Options';
import { SubscribePanel, type SubscribeApi } from './SubscribePanel';

/** What the lists section does, through the entrypoint's messaging. */
export interface ListsApi extends SubscribeApi {
  remove(id: string): Promise<unknown>;
  restore(id: string): Promise<unknown>;
  syncNow(): Promise<unknown>;
  importFile(file: File): Promise<unknown>;
  exportList(id: string): Promise<unknown>;
}

/** How often the page refreshes list status while a sync runs (progress bars). */
const SYNC_POLL_MS = 500;
/**
 * How often a shown page refreshes otherwise: site health comes from guarded pages at any time, and
 * must show here within 5 s of a page settling (settling takes 1 s, the report a moment).
 */
export const HEALTH_POLL_MS = 2_000;

export interface OptionsAppProps {
  /** Used until the background says which language to speak. */
  fallbackLanguage: UiLanguage;
  loadState(): Promise<OptionsState>;
  setSettings(patch: SettingsPatch): Promise<unknown>;
  setSiteEnabled(site: string, enabled: boolean): Promise<unknown>;
  setSiteLabels?(site: string, enabled: boolean): Promise<unknown>;
  /** "Forget what I read": the reading history and its key. */
  forgetReadLinks?(): Promise<unknown>;
  /** Local prompt counters for the statistics section; without it the section is left out. */
  stats?: StatsSource;
  /** Subscribing, syncing, import and export; without it the lists only show status. */
  lists?: ListsApi;
  /** The page's fragment when it opened (a one-click subscribe link). */
  hash?: string;
}

/** Wires the options page to its data source; the entrypoint supplies the messaging. */
export function OptionsApp(props: OptionsAppProps) {
  // The loader is pinned for the page's lifetime so re-renders do not refetch.
  const { remote, reload, act, actionFailed } = useRemote(useCallback(props.loadState, []));
  useDocumentLanguage(remote.status === 'ready' ? remote.value.language : props.fallbackLanguage, 'optionsTitle');
  // Poll while a list action runs or any list syncs (an alarm's), so rows show their progress.
  const [listWork, setListWork] = useState(0);
  const syncing = remote.status === 'ready' && remote.value.lists.some((list) => list.state === 'syncing');
  useEffect(() => {
    if (!syncing && listWork === 0) return;
    const timer = setInterval(reload, SYNC_POLL_MS);
    return () => clearInterval(timer);
  }, [syncing, listWork, reload]);
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, HEALTH_POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const listAct = (change: () => Promise<unknown>) => {
    setListWork((count) => count + 1);
    act(() => change().finally(() => setListWork((count) => count - 1)));
  };
  const { lists } = props;
  if (remote.status !== 'ready') {
    return (
      <main class="options">
        <Brand language={props.fallbackLanguage} />
        <LoadState status={remote.status} language={props.fallbackLanguage} onRetry={reload} />
      </main>
    );
  }
  const { setSiteLabels, forgetReadLinks } = props;
  return (
    <Options
      state={remote.value}
      saveFailed={actionFailed}
      statistics={props.stats && <StatsPanel language={remote.value.language} source={props.stats} />}
      subscribe={
        lists && (
          <SubscribePanel api={lists} language={remote.value.language} hash={props.hash ?? ''} onSubscribed={reload} />
        )
      }
      {...(lists
        ? {
            listActions: {
              onSyncNow: () => listAct(() => lists.syncNow()),
              onRemove: (id: string) => listAct(() => lists.remove(id)),
              onRestore: (id: string) => listAct(() => lists.restore(id)),
              onExport: (id: string) => act(() => lists.exportList(id)),
              onImport: (file: File) => listAct(() => lists.importFile(file)),
            },
          }
        : {})}
      onSettings={(patch) => act(() => props.setSettings(patch))}
      onSiteEnabled={(site, enabled) => act(() => props.setSiteEnabled(site, enabled))}
      {...(setSiteLabels
        ? { onSiteLabels: (site: string, enabled: boolean) => act(() => setSiteLabels(site, enabled)) }
        : {})}
      {...(forgetReadLinks ? { onForgetReadLinks: () => act(() => forgetReadLinks()) } : {})}
      onPhone={/Android/i.test(navigator.userAgent)}
    />
  );
}

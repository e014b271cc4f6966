import { useCallback, useEffect, useState } from 'preact/hooks';

/** How long a page waits for the background before saying it is not answering (a cold start can be slow). */
export const PAGE_TIMEOUT_MS = 5_000;

export type Remote<T> = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; value: T };

export interface RemoteHandle<T> {
  remote: Remote<T>;
  reload(): void;
  /** Runs a change, then reloads; `actionFailed` tells the page to say the change did not stick. */
  act(change: () => Promise<unknown>): void;
  actionFailed: boolean;
}

/** Loads a page's state through the given loader (messaging lives in the entrypoint, not here). */
export function useRemote<T>(load: () => Promise<T>): RemoteHandle<T> {
  const [remote, setRemote] = useState<Remote<T>>({ status: 'loading' });
  const [actionFailed, setActionFailed] = useState(false);

  const reload = useCallback(() => {
    setRemote((current) => (current.status === 'ready' ? current : { status: 'loading' }));
    load().then(
      (value) => setRemote({ status: 'ready', value }),
      () => setRemote((current) => (current.status === 'ready' ? current : { status: 'failed' })),
    );
  }, [load]);

  useEffect(reload, [reload]);

  const act = useCallback(
    (change: () => Promise<unknown>) => {
      change()
        .then(
          () => setActionFailed(false),
          () => setActionFailed(true),
        )
        .finally(reload);
    },
    [reload],
  );

  return { remote, reload, act, actionFailed };
}

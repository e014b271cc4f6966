import type { UiLanguage } from '../../lib/core/vocabulary';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { isLocalHost, parseSubscribeLink, type SubscribeRequest } from '../../lib/lists/subscriptions';
import type { ListPreviewResponse } from '../../lib/messaging/protocol';
import { Subscribe, type SubscribeStage } from './Subscribe';

export interface SubscribeApi {
  preview(request: SubscribeRequest): Promise<ListPreviewResponse>;
  /** Asks for access to the list's host (a permission prompt needs the click that confirms). */
  requestAccess(url: string): Promise<boolean>;
  subscribe(request: SubscribeRequest): Promise<ListPreviewResponse>;
}

const failed = (request: SubscribeRequest | null, error: unknown): SubscribeStage => ({
  stage: 'failed',
  request,
  problem: { code: 'failed', detail: error instanceof Error ? error.message : String(error) },
});

/**
 * Subscribing as a small state machine: a one-click link (`#subscribe=…`) or the form asks for a
 * preview; only the person's confirmation subscribes. `onSubscribed` reloads the page's lists.
 */
function useSubscribe(api: SubscribeApi, hash: string, onSubscribed: () => void) {
  const [subscription, setSubscription] = useState<SubscribeStage>({ stage: 'idle' });

  const preview = useCallback(
    (request: SubscribeRequest, access: Promise<unknown> = Promise.resolve()) => {
      setSubscription({ stage: 'loading', request });
      access
        .then(() => api.preview(request))
        .then(
          (reply) =>
            setSubscription(
              reply.ok
                ? { stage: 'preview', request, preview: reply.preview, subscribing: false }
                : { stage: 'failed', request, problem: reply.problem },
            ),
          (error: unknown) => setSubscription(failed(request, error)),
        );
    },
    [api],
  );

  useEffect(() => {
    try {
      const request = parseSubscribeLink(hash);
      if (request) preview(request);
    } catch (error) {
      setSubscription(failed(null, error));
    }
  }, [hash, preview]);

  const confirm = useCallback(() => {
    if (subscription.stage !== 'preview') return;
    const { request } = subscription;
    setSubscription({ ...subscription, subscribing: true });
    // Without access the list still syncs when its host allows any origin (CORS), so go on either way.
    api
      .requestAccess(request.url)
      .catch(() => false)
      .then(() => api.subscribe(request))
      .then(
        (reply) => {
          setSubscription(
            reply.ok ? { stage: 'done', preview: reply.preview } : { stage: 'failed', request, problem: reply.problem },
          );
          if (reply.ok) onSubscribed();
        },
        (error: unknown) => setSubscription(failed(request, error)),
      );
  }, [api, subscription, onSubscribed]);

  /**
   * The form's preview. A publisher testing a list on this machine is asked for access to it now,
   * within their click (Saring has none at install); without it the list host must allow any origin.
   */
  const previewTyped = useCallback(
    (request: SubscribeRequest) => {
      const local = URL.canParse(request.url) && isLocalHost(new URL(request.url).hostname);
      preview(request, local ? api.requestAccess(request.url).catch(() => false) : undefined);
    },
    [api, preview],
  );

  const cancel = useCallback(() => setSubscription({ stage: 'idle' }), []);
  return { subscription, preview: previewTyped, confirm, cancel };
}

export interface SubscribePanelProps {
  api: SubscribeApi;
  language: UiLanguage;
  /** The page's fragment when it opened: a one-click link's `#subscribe=…`. */
  hash: string;
  onSubscribed(): void;
}

export function SubscribePanel({ api, language, hash, onSubscribed }: SubscribePanelProps) {
  const { subscription, preview, confirm, cancel } = useSubscribe(api, hash, onSubscribed);
  return (
    <Subscribe
      language={language}
      subscription={subscription}
      onPreview={preview}
      onConfirm={confirm}
      onCancel={cancel}
    />
  );
}

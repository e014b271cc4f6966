import type { SyncProblem, UiLanguage } from '../../lib/core/vocabulary';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatNumber, t } from '../../lib/i18n';
import type { SubscribeRequest } from '../../lib/lists/subscriptions';
import type { ListPreview } from '../../lib/lists/sync';
import { problemText } from './Lists';

/** Where subscribing stands: nothing asked, fetching the list, shown for confirmation, failed, done. */
export type SubscribeStage =
  | { stage: 'idle' }
  | { stage: 'loading'; request: SubscribeRequest }
  | { stage: 'preview'; request: SubscribeRequest; preview: ListPreview; subscribing: boolean }
  | { stage: 'failed'; request: SubscribeRequest | null; problem: SyncProblem }
  | { stage: 'done'; preview: ListPreview };

export interface SubscribeProps {
  language: UiLanguage;
  subscription: SubscribeStage;
  onPreview(request: SubscribeRequest): void;
  onConfirm(): void;
  onCancel(): void;
}

/** Add a list by its address (optionally pinning the publisher's key); a one-click link lands here too. */
export function Subscribe({ language, subscription, onPreview, onConfirm, onCancel }: SubscribeProps) {
  const [url, setUrl] = useState('');
  const [key, setKey] = useState('');
  const section = useRef<HTMLElement>(null);
  // A one-click link opens the page at its top: bring the list to confirm into view.
  useEffect(() => {
    if (subscription.stage === 'preview') section.current?.scrollIntoView({ block: 'start' });
  }, [subscription.stage]);
  return (
    <section ref={section} class="card" aria-labelledby="options-subscribe" data-subscribe-stage={subscription.stage}>
      <h2 id="options-subscribe">{t(language, 'subscribeHeading')}</h2>
      {subscription.stage === 'preview' ? (
        <PreviewCard language={language} subscription={subscription} onConfirm={onConfirm} onCancel={onCancel} />
      ) : (
        <form
          class="subscribe-form"
          onSubmit={(event) => {
            event.preventDefault();
            onPreview({ url: url.trim(), ...(key.trim() ? { key: key.trim() } : {}) });
          }}
        >
          <label class="field">
            <span>{t(language, 'subscribeUrl')}</span>
            <input
              type="url"
              name="list-url"
              required
              placeholder="https://"
              value={url}
              onInput={(e) => setUrl(e.currentTarget.value)}
            />
          </label>
          <label class="field">
            <span>{t(language, 'subscribeKey')}</span>
            <input
              type="text"
              name="list-key"
              spellcheck={false}
              value={key}
              onInput={(e) => setKey(e.currentTarget.value)}
            />
          </label>
          <button type="submit" class="button" data-action="preview" disabled={subscription.stage === 'loading'}>
            {t(language, subscription.stage === 'loading' ? 'subscribeLoading' : 'subscribePreview')}
          </button>
        </form>
      )}
      {subscription.stage === 'failed' && (
        <p class="notice notice--error" role="alert" data-subscribe-error={subscription.problem.code}>
          {problemText(language, subscription.problem)}
        </p>
      )}
      {subscription.stage === 'done' && (
        <p class="notice notice--ok" role="status">
          {t(language, 'subscribeDone', subscription.preview.name)}
        </p>
      )}
    </section>
  );
}

function PreviewCard({
  language,
  subscription,
  onConfirm,
  onCancel,
}: {
  language: UiLanguage;
  subscription: Extract<SubscribeStage, { stage: 'preview' }>;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { preview, subscribing } = subscription;
  return (
    <div class="row subscribe-preview" data-preview-id={preview.id}>
      <p class="list-name">{preview.name}</p>
      <p class="muted list-url">{preview.url}</p>
      <dl class="list-facts">
        <div class="fact">
          <dt>{t(language, 'previewHost')}</dt>
          <dd data-preview-host>{new URL(preview.url).host}</dd>
        </div>
        <div class="fact">
          <dt>{t(language, 'previewPublisher')}</dt>
          <dd>{preview.publisher ?? '—'}</dd>
        </div>
        <div class="fact">
          <dt>{t(language, 'listItems')}</dt>
          <dd>{formatNumber(language, preview.items)}</dd>
        </div>
        <div class="fact">
          <dt>{t(language, 'listLanguages')}</dt>
          <dd>{preview.languages.length ? preview.languages.join(', ') : '—'}</dd>
        </div>
        {/* What a signature proves: the list matches the key that came with its address, no more. */}
        <div class="fact fact--wide">
          <dt>{t(language, 'listSigned')}</dt>
          <dd data-preview-signed={String(preview.verified)}>
            {t(language, preview.verified ? 'previewSignedYes' : 'previewSignedNo')}
          </dd>
        </div>
      </dl>
      <p class="row-details">
        <button
          type="button"
          class="button button--primary"
          data-action="subscribe"
          disabled={subscribing}
          onClick={onConfirm}
        >
          {t(language, subscribing ? 'subscribeSubscribing' : 'subscribeConfirm')}
        </button>
        <button type="button" class="button button--quiet" data-action="cancel-subscribe" onClick={onCancel}>
          {t(language, 'subscribeCancel')}
        </button>
      </p>
    </div>
  );
}

import type { SyncErrorCode, SyncProblem, UiLanguage } from '../../lib/core/vocabulary';
import { formatDate, formatNumber, formatTime, t, type MessageKey } from '../../lib/i18n';
import type { ListStatus } from '../../lib/messaging/protocol';

export interface ListActions {
  onSyncNow(): void;
  onRemove(id: string): void;
  onRestore(id: string): void;
  onExport(id: string): void;
  onImport(file: File): void;
}

const PROBLEM_TEXT: Record<SyncErrorCode, MessageKey> = {
  network: 'syncErrorNetwork',
  timeout: 'syncErrorTimeout',
  http: 'syncErrorHttp',
  'too-big': 'syncErrorTooBig',
  'too-many-items': 'syncErrorTooManyItems',
  truncated: 'syncErrorTruncated',
  'not-json': 'syncErrorNotJson',
  'not-a-list': 'syncErrorNotAList',
  'wrong-list': 'syncErrorWrongList',
  'older-version': 'syncErrorOlderVersion',
  'signature-missing': 'syncErrorSignatureMissing',
  'signature-wrong': 'syncErrorSignatureWrong',
  'key-missing': 'syncErrorKeyMissing',
  'key-changed': 'syncErrorKeyChanged',
  'managed-key': 'syncErrorManagedKey',
  quota: 'syncErrorQuota',
  failed: 'syncErrorFailed',
};

/** Why a sync (or a preview) failed, in words. */
export function problemText(language: UiLanguage, problem: SyncProblem): string {
  return t(language, PROBLEM_TEXT[problem.code], problem.detail ?? '');
}

const SOURCE_TEXT: Record<NonNullable<ListStatus['kind']>, MessageKey> = {
  starter: 'listKindStarter',
  url: 'listKindUrl',
  managed: 'listKindManaged',
  file: 'listKindFile',
  classroom: 'listKindClassroom',
};

/** The stored lists with their sync status, and import / "sync all now". */
export function Lists({
  lists,
  language,
  actions,
}: {
  lists: ListStatus[];
  language: UiLanguage;
  actions?: ListActions;
}) {
  return (
    <section class="card" aria-labelledby="options-lists">
      <h2 id="options-lists">{t(language, 'listsHeading')}</h2>
      {actions && (
        <p class="row-details list-toolbar">
          <button type="button" class="button" data-action="sync-now" onClick={actions.onSyncNow}>
            {t(language, 'listsSyncNow')}
          </button>
          <label class="button button--quiet">
            {t(language, 'listsImport')}
            <input
              type="file"
              class="visually-hidden"
              data-action="import"
              accept=".json,.jsonld,.csv,application/json,text/csv"
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                if (file) actions.onImport(file);
                event.currentTarget.value = '';
              }}
            />
          </label>
        </p>
      )}
      {lists.length === 0 ? (
        <p class="muted">{t(language, 'listsEmpty')}</p>
      ) : (
        <ul class="rows">
          {lists.map((list) => (
            <ListRow key={list.id} list={list} language={language} actions={actions} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ListRow({
  list,
  language,
  actions,
}: {
  list: ListStatus;
  language: UiLanguage;
  actions: ListActions | undefined;
}) {
  const enabled = list.enabled ?? true;
  const error = list.problem ? problemText(language, list.problem) : '—';
  const stateText =
    list.state === 'ok'
      ? t(language, enabled ? 'listStateOk' : 'listStateOff')
      : list.state === 'syncing'
        ? t(language, 'listStateSyncing')
        : t(language, 'listStateError', error);
  const tone = list.state === 'ok' ? (enabled ? 'ok' : 'info') : list.state === 'syncing' ? 'info' : 'danger';
  const lastSuccess = list.lastSuccess ?? list.updatedAt;
  return (
    <li class="row" data-list-id={list.id} data-list-state={list.state} data-list-enabled={String(enabled)}>
      <p class="list-name">{list.name}</p>
      {list.url && <p class="muted list-url">{list.url}</p>}
      <dl class="list-facts">
        {list.kind && <Fact label={t(language, 'listSource')} value={t(language, SOURCE_TEXT[list.kind])} />}
        {list.publisher && <Fact label={t(language, 'listPublisher')} value={list.publisher} />}
        <Fact label={t(language, 'listItems')} value={formatNumber(language, list.items)} />
        <Fact label={t(language, 'listVersion')} value={String(list.version)} />
        <Fact
          label={t(language, 'listUpdated')}
          value={
            lastSuccess === null || lastSuccess === undefined
              ? t(language, 'listNever')
              : dateTime(language, lastSuccess)
          }
        />
        {list.nextSync !== undefined && list.nextSync !== null && (
          <Fact label={t(language, 'listNextSync')} value={dateTime(language, list.nextSync)} />
        )}
        {list.pinned && <Fact label={t(language, 'listSigned')} value={t(language, 'listSignedYes')} />}
        <div class="fact fact--wide">
          <dt>{t(language, 'listStatus')}</dt>
          <dd>
            <span class={`badge badge--${tone}`} data-list-error={list.problem?.code}>
              {stateText}
            </span>
          </dd>
        </div>
      </dl>
      {list.progress && (
        <progress
          class="list-progress"
          aria-label={t(language, list.progress.phase === 'download' ? 'listProgressDownload' : 'listProgressStore')}
          {...(list.progress.fraction === null ? {} : { value: list.progress.fraction, max: 1 })}
        />
      )}
      {list.skippedItems && list.skippedItems.length > 0 && (
        <details class="list-skipped">
          <summary>
            {t(language, 'listSkipped', formatNumber(language, list.skipped ?? list.skippedItems.length))}
          </summary>
          <ul>
            {list.skippedItems.map((item, index) => (
              <li key={index}>
                <code>{item.where}</code>: {item.what}
              </li>
            ))}
          </ul>
        </details>
      )}
      {actions && (
        <p class="row-details">
          {enabled && list.items > 0 && (
            <button
              type="button"
              class="button button--quiet"
              data-action="export"
              onClick={() => actions.onExport(list.id)}
            >
              {t(language, 'listExport')}
            </button>
          )}
          {enabled && list.removable !== false && (
            <button
              type="button"
              class="button button--quiet"
              data-action="remove"
              onClick={() => actions.onRemove(list.id)}
            >
              {t(language, list.kind === 'starter' || list.kind === 'managed' ? 'listTurnOff' : 'listRemove')}
            </button>
          )}
          {!enabled && (
            <button
              type="button"
              class="button button--quiet"
              data-action="restore"
              onClick={() => actions.onRestore(list.id)}
            >
              {t(language, 'listTurnOn')}
            </button>
          )}
        </p>
      )}
    </li>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div class="fact">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function dateTime(language: UiLanguage, at: number): string {
  return `${formatDate(language, at)} ${formatTime(language, at)}`;
}

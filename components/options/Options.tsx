import type { ListStatus, OptionsState, SiteHealth, Strictness, UiLanguage } from '../../lib/messaging/protocol';
import { STRICTNESS } from '../../lib/messaging/protocol';
import { formatDate, formatNumber, formatTime, t, type MessageKey } from '../../lib/i18n';
import { Brand } from '../common/Brand';

export type SettingsPatch = { strictness?: Strictness; language?: 'auto' | UiLanguage };

export interface OptionsProps {
  state: OptionsState;
  saveFailed?: boolean;
  onSettings(patch: SettingsPatch): void;
  onSiteEnabled(site: string, enabled: boolean): void;
}

const STRICTNESS_TEXT: Record<Strictness, [MessageKey, MessageKey]> = {
  off: ['strictnessOff', 'strictnessOffHelp'],
  'hoax-only': ['strictnessHoaxOnly', 'strictnessHoaxOnlyHelp'],
  balanced: ['strictnessBalanced', 'strictnessBalancedHelp'],
  always: ['strictnessAlways', 'strictnessAlwaysHelp'],
};

const LANGUAGE_CHOICES: ['auto' | UiLanguage, MessageKey][] = [
  ['auto', 'languageAuto'],
  ['id', 'languageId'],
  ['en', 'languageEn'],
];

const HEALTH_TEXT: Record<SiteHealth['state'], MessageKey> = {
  working: 'healthWorking',
  degraded: 'healthDegraded',
  unknown: 'healthUnknown',
};

const HEALTH_TONE: Record<SiteHealth['state'], string> = { working: 'ok', degraded: 'warning', unknown: 'info' };

/** The options page: when Saring asks, in which language, on which sites, with which lists. */
export function Options({ state, saveFailed, onSettings, onSiteEnabled }: OptionsProps) {
  const { language, settings } = state;
  return (
    <main class="options" lang={language}>
      <Brand language={language} title={t(language, 'optionsTitle')} />
      {saveFailed && (
        <p class="notice notice--error" role="alert">
          {t(language, 'saveFailed')}
        </p>
      )}

      <fieldset class="card choices">
        <legend>{t(language, 'strictnessHeading')}</legend>
        {STRICTNESS.map((value) => {
          const [label, help] = STRICTNESS_TEXT[value];
          return (
            <label class="choice" key={value}>
              <input
                type="radio"
                name="strictness"
                value={value}
                checked={settings.strictness === value}
                onChange={() => onSettings({ strictness: value })}
              />
              <span>
                <span class="choice-label">{t(language, label)}</span>
                <span class="muted choice-help">{t(language, help)}</span>
              </span>
            </label>
          );
        })}
      </fieldset>

      <fieldset class="card choices">
        <legend>{t(language, 'languageHeading')}</legend>
        {LANGUAGE_CHOICES.map(([value, label]) => (
          <label class="choice" key={value}>
            <input
              type="radio"
              name="language"
              value={value}
              checked={settings.language === value}
              onChange={() => onSettings({ language: value })}
            />
            <span class="choice-label" lang={value === 'auto' ? undefined : value}>
              {t(language, label)}
            </span>
          </label>
        ))}
      </fieldset>

      <section class="card" aria-labelledby="options-sites">
        <h2 id="options-sites">{t(language, 'sitesHeading')}</h2>
        <p class="muted section-help">{t(language, 'sitesHelp')}</p>
        <ul class="rows">
          {state.sites.map((site) => (
            <li class="row site-row" key={site.id} data-site-id={site.id} data-site-health={site.health.state}>
              <label class="switch">
                <span class="site-name">{site.name}</span>
                <input
                  type="checkbox"
                  role="switch"
                  checked={site.enabled}
                  onChange={(event) => onSiteEnabled(site.id, event.currentTarget.checked)}
                />
              </label>
              <p class="row-details">
                <span class={`badge badge--${HEALTH_TONE[site.health.state]}`}>
                  {t(language, HEALTH_TEXT[site.health.state])}
                </span>
                {site.health.lastOk !== null && (
                  <span class="muted">{t(language, 'healthLastOk', dateTime(language, site.health.lastOk))}</span>
                )}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section class="card" aria-labelledby="options-lists">
        <h2 id="options-lists">{t(language, 'listsHeading')}</h2>
        {state.lists.length === 0 ? (
          <p class="muted">{t(language, 'listsEmpty')}</p>
        ) : (
          <ul class="rows">
            {state.lists.map((list) => (
              <ListRow key={list.id} list={list} language={language} />
            ))}
          </ul>
        )}
      </section>

      <section class="card" aria-labelledby="options-privacy">
        <h2 id="options-privacy">{t(language, 'privacyHeading')}</h2>
        <p>{t(language, 'privacyBody')}</p>
      </section>

      <section class="card" aria-labelledby="options-sources">
        <h2 id="options-sources">{t(language, 'attributionHeading')}</h2>
        <p>
          {t(language, 'attributionBody')}{' '}
          <a href="https://turnbackhoax.id/" target="_blank" rel="noopener noreferrer">
            turnbackhoax.id
          </a>
        </p>
      </section>
    </main>
  );
}

function ListRow({ list, language }: { list: ListStatus; language: UiLanguage }) {
  const stateText =
    list.state === 'ok'
      ? t(language, 'listStateOk')
      : list.state === 'syncing'
        ? t(language, 'listStateSyncing')
        : t(language, 'listStateError', list.lastError ?? '—');
  const tone = list.state === 'ok' ? 'ok' : list.state === 'syncing' ? 'info' : 'danger';
  return (
    <li class="row" data-list-id={list.id} data-list-state={list.state}>
      <p class="list-name">{list.name}</p>
      <dl class="list-facts">
        {list.publisher && <Fact label={t(language, 'listPublisher')} value={list.publisher} />}
        <Fact label={t(language, 'listItems')} value={formatNumber(language, list.items)} />
        <Fact label={t(language, 'listVersion')} value={String(list.version)} />
        <Fact
          label={t(language, 'listUpdated')}
          value={list.updatedAt === null ? t(language, 'listNever') : dateTime(language, list.updatedAt)}
        />
        <div class="fact">
          <dt>{t(language, 'listStatus')}</dt>
          <dd>
            <span class={`badge badge--${tone}`}>{stateText}</span>
          </dd>
        </div>
      </dl>
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

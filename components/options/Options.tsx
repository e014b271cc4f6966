import { pictureChecksOn, pictureTextOn } from '../../lib/core/verdict';
import { type Strictness, STRICTNESS, type UiLanguage } from '../../lib/core/vocabulary';
import type { ComponentChildren } from 'preact';
import type { OptionsState, SiteHealth } from '../../lib/messaging/protocol';
import { GUARD_CHECKS } from '../../lib/guard/health';
import { formatDate, formatTime, t, type MessageKey } from '../../lib/i18n';
import { Brand } from '../common/Brand';
import { Lists, type ListActions } from './Lists';
import { ReadHistory } from './ReadHistory';

export type SettingsPatch = {
  strictness?: Strictness;
  language?: 'auto' | UiLanguage;
  pictureChecks?: boolean;
  pictureText?: boolean;
};

export interface OptionsProps {
  state: OptionsState;
  saveFailed?: boolean;
  /** The statistics section, wired by the app (it loads its own data). */
  statistics?: ComponentChildren;
  /** Adding a list (form and one-click links), wired by the app. */
  subscribe?: ComponentChildren;
  /** What the list rows can do; without it they only show status. */
  listActions?: ListActions;
  onSettings(patch: SettingsPatch): void;
  onSiteEnabled(site: string, enabled: boolean): void;
  /** Inline labels on a site; without it the per-site labels switch is left out. */
  onSiteLabels?(site: string, enabled: boolean): void;
  /** "Forget what I read"; without it the button is left out. */
  onForgetReadLinks?(): void;
  /** A phone (Android): pictures' text is read only when turned on. */
  onPhone?: boolean;
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

/** What a site row shows: its health, or off when the person turned Saring off there. */
type SiteStatus = SiteHealth['state'] | 'off';

const HEALTH_TEXT: Record<SiteStatus, MessageKey> = {
  working: 'healthWorking',
  degraded: 'healthDegraded',
  unknown: 'healthUnknown',
  off: 'healthOff',
};

const HEALTH_TONE: Record<SiteStatus, string> = { working: 'ok', degraded: 'warning', unknown: 'info', off: 'info' };

function siteStatus(site: OptionsState['sites'][number]): SiteStatus {
  return site.enabled ? site.health.state : 'off';
}

/** The guard's own checks in the page's language; an adapter's expectations are named by the adapter. */
const GUARD_CHECK_TEXT: Record<string, MessageKey> = {
  [GUARD_CHECKS.post]: 'healthCheckPost',
  [GUARD_CHECKS.postText]: 'healthCheckPostText',
  [GUARD_CHECKS.openedPost]: 'healthCheckOpenedPost',
  [GUARD_CHECKS.selectedPosts]: 'healthCheckSelectedPosts',
  [GUARD_CHECKS.composer]: 'healthCheckComposer',
  [GUARD_CHECKS.enterSend]: 'healthCheckEnterSend',
  [GUARD_CHECKS.shareControl]: 'healthCheckShareControl',
  [GUARD_CHECKS.answers]: 'healthCheckAnswers',
};

function checkName(language: UiLanguage, check: string): string {
  const key = GUARD_CHECK_TEXT[check];
  return key ? t(language, key) : check;
}

/** The options page: when Saring asks, in which language, on which sites, with which lists. */
export function Options({
  state,
  saveFailed,
  statistics,
  subscribe,
  listActions,
  onSettings,
  onSiteEnabled,
  onSiteLabels,
  onForgetReadLinks,
  onPhone = false,
}: OptionsProps) {
  const { language, settings } = state;
  // A strictness the administrator locked is not to be undone by turning Saring off on a site.
  const locked = state.strictnessLocked === true;
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
        {state.strictnessLocked && <p class="muted">{t(language, 'strictnessLocked')}</p>}
        {STRICTNESS.map((value) => {
          const [label, help] = STRICTNESS_TEXT[value];
          return (
            <label class="choice" key={value}>
              <input
                type="radio"
                name="strictness"
                value={value}
                checked={settings.strictness === value}
                disabled={state.strictnessLocked}
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
        <p class="muted section-help">{t(language, locked ? 'sitesLocked' : 'sitesHelp')}</p>
        <ul class="rows">
          {state.sites.map((site) => (
            <li class="row site-row" key={site.id} data-site-id={site.id} data-site-health={siteStatus(site)}>
              <label class="switch">
                <span class="site-name">{site.name}</span>
                <input
                  type="checkbox"
                  role="switch"
                  data-action="site-enabled"
                  checked={site.enabled}
                  disabled={locked}
                  onChange={(event) => onSiteEnabled(site.id, event.currentTarget.checked)}
                />
              </label>
              {onSiteLabels && site.labels !== undefined && (
                <label class="switch">
                  <span>{t(language, 'siteLabelsToggle')}</span>
                  <input
                    type="checkbox"
                    role="switch"
                    data-action="site-labels"
                    checked={site.enabled && site.labels}
                    disabled={!site.enabled}
                    onChange={(event) => onSiteLabels(site.id, event.currentTarget.checked)}
                  />
                </label>
              )}
              <p class="row-details">
                <span class={`badge badge--${HEALTH_TONE[siteStatus(site)]}`}>
                  {t(language, HEALTH_TEXT[siteStatus(site)])}
                </span>
                {site.health.lastOk !== null && (
                  <span class="muted">{t(language, 'healthLastOk', dateTime(language, site.health.lastOk))}</span>
                )}
              </p>
              {siteStatus(site) === 'degraded' && site.health.failing.length > 0 && (
                <p class="row-details">
                  {t(
                    language,
                    'healthFailing',
                    site.health.failing.map((f) => checkName(language, f.check)).join(', '),
                  )}
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>

      {subscribe}
      <Lists lists={state.lists} language={language} {...(listActions ? { actions: listActions } : {})} />

      {statistics}

      <section class="card" aria-labelledby="options-pictures">
        <h2 id="options-pictures">{t(language, 'picturesHeading')}</h2>
        <p class="muted">{t(language, 'picturesHelp')}</p>
        <div class="picture-switches">
          <label class="switch">
            <span>{t(language, 'pictureChecksToggle')}</span>
            <input
              type="checkbox"
              role="switch"
              data-action="picture-checks"
              checked={pictureChecksOn(settings)}
              onChange={(event) => onSettings({ pictureChecks: event.currentTarget.checked })}
            />
          </label>
          <label class="switch">
            <span>{t(language, 'pictureTextToggle')}</span>
            <input
              type="checkbox"
              role="switch"
              data-action="picture-text"
              checked={pictureTextOn(settings, onPhone)}
              disabled={!pictureChecksOn(settings)}
              onChange={(event) => onSettings({ pictureText: event.currentTarget.checked })}
            />
          </label>
        </div>
      </section>

      <section class="card" aria-labelledby="options-privacy">
        <h2 id="options-privacy">{t(language, 'privacyHeading')}</h2>
        <p>{t(language, 'privacyBody')}</p>
        <ReadHistory
          language={language}
          count={state.readLinks}
          {...(onForgetReadLinks ? { onForget: onForgetReadLinks } : {})}
        />
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

function dateTime(language: UiLanguage, at: number): string {
  return `${formatDate(language, at)} ${formatTime(language, at)}`;
}

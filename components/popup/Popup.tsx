import type { UiLanguage } from '../../lib/core/vocabulary';
import type { PageStatus } from '../../lib/messaging/protocol';
import { formatNumber, formatTime, t, type MessageKey } from '../../lib/i18n';
import { Brand } from '../common/Brand';

export const SNOOZE_MINUTES = 60;

export interface PopupProps {
  status: PageStatus;
  /** For deciding whether a snooze is still running. */
  now: number;
  /** A change the person made did not reach the background. */
  saveFailed?: boolean;
  onSiteEnabled(site: string, enabled: boolean): void;
  onSnooze(minutes: number): void;
  onOpenOptions(): void;
  onOpenDemo(): void;
}

type Tone = 'on' | 'off' | 'paused';

/** The toolbar popup: is this page guarded, a switch for the site, snooze, and today's numbers. */
export function Popup({ status, now, saveFailed, onSiteEnabled, onSnooze, onOpenOptions, onOpenDemo }: PopupProps) {
  const { language, site, today } = status;
  const snoozed = status.snoozedUntil !== null && status.snoozedUntil > now;
  // The administrator's policy fixes when Saring asks: no pause, no switching it off here.
  const locked = status.strictnessLocked === true;
  const [headline, tone] = describe(status, snoozed, language);
  const stats: [MessageKey, number][] = [
    ['statPrompts', today.prompts],
    ['statCancel', today.cancel],
    ['statRead', today.read],
    ['statShare', today.share],
  ];
  return (
    <main class="popup" lang={language}>
      <Brand language={language} />

      <section class="card popup-status" aria-live="polite" data-tone={tone}>
        <p class="popup-headline">
          <span class="status-dot" aria-hidden="true" />
          {headline}
        </p>
        {site && (
          <label class="switch">
            <span>{t(language, 'popupSiteToggle')}</span>
            <input
              type="checkbox"
              role="switch"
              checked={status.siteEnabled}
              disabled={locked}
              onChange={(event) => onSiteEnabled(site.id, event.currentTarget.checked)}
            />
          </label>
        )}
        {snoozed ? (
          <button type="button" class="button" disabled={locked} onClick={() => onSnooze(0)}>
            {t(language, 'popupEndSnooze')}
          </button>
        ) : (
          <button
            type="button"
            class="button"
            data-action="snooze"
            disabled={locked}
            onClick={() => onSnooze(SNOOZE_MINUTES)}
          >
            {t(language, 'popupSnooze')}
          </button>
        )}
        {locked && <p class="muted popup-locked">{t(language, 'popupLocked')}</p>}
        {saveFailed && (
          <p class="notice notice--error" role="alert">
            {t(language, 'saveFailed')}
          </p>
        )}
      </section>

      <section class="card" aria-labelledby="popup-today">
        <h2 id="popup-today">{t(language, 'popupToday')}</h2>
        <dl class="stats">
          {stats.map(([label, value]) => (
            <div class="stat" key={label}>
              <dt>{t(language, label)}</dt>
              <dd>{formatNumber(language, value)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <nav class="popup-links">
        <button type="button" class="button" onClick={onOpenOptions}>
          {t(language, 'openOptions')}
        </button>
        <button type="button" class="button" onClick={onOpenDemo}>
          {t(language, 'openDemo')}
        </button>
      </nav>
    </main>
  );
}

function describe(status: PageStatus, snoozed: boolean, language: UiLanguage): [string, Tone] {
  if (!status.site) return [t(language, 'popupUnsupported'), 'off'];
  if (!status.siteEnabled) return [t(language, 'popupSiteOff', status.site.name), 'off'];
  if (snoozed && status.snoozedUntil !== null) {
    return [t(language, 'popupSnoozedUntil', formatTime(language, status.snoozedUntil)), 'paused'];
  }
  if (!status.guarded) return [t(language, 'popupStrictnessOff'), 'off'];
  return [t(language, 'popupGuarded', status.site.name), 'on'];
}

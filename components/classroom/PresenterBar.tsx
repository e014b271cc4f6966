import type { UiLanguage } from '../../lib/core/vocabulary';
import type { JSX } from 'preact';
import { PRESENTER_COMMANDS, SHORTCUT_KEYS, type PresenterCommand } from '../../lib/classroom/shortcuts';
import { t, type MessageKey } from '../../lib/i18n';

const COMMAND_TEXT: Record<PresenterCommand, MessageKey> = {
  next: 'presenterNext',
  previous: 'presenterPrevious',
  reveal: 'presenterReveal',
  'large-text': 'presenterLargeText',
  quiz: 'presenterQuiz',
  reset: 'demoReset',
};

const KEY_NAMES: Record<string, string> = { ArrowRight: '→', ArrowLeft: '←' };

export interface PresenterBarProps {
  language: UiLanguage;
  position: number;
  total: number;
  largeText: boolean;
  quiz: boolean;
  packName: string;
  /** Problems with the last pack file the educator chose. */
  packErrors: readonly string[];
  onCommand(command: PresenterCommand): void;
  onPackFile(file: File): void;
}

/** Reset, step, reveal, large text, quiz and pack loading, with their keyboard shortcuts listed. */
export function PresenterBar(props: PresenterBarProps) {
  const { language, onCommand } = props;
  const button = (command: PresenterCommand, extra: Partial<JSX.HTMLAttributes<HTMLButtonElement>> = {}) => (
    <button
      type="button"
      class="button"
      data-presenter={command}
      aria-keyshortcuts={SHORTCUT_KEYS[command].join(' ')}
      onClick={() => onCommand(command)}
      {...extra}
    >
      {t(language, COMMAND_TEXT[command])}
    </button>
  );
  return (
    <section class="card presenter" aria-labelledby="presenter-heading">
      <h2 id="presenter-heading" class="visually-hidden">
        {t(language, 'presenterHeading')}
      </h2>
      <div class="presenter-controls">
        {button('previous')}
        <span class="presenter-step" aria-live="polite">
          {t(language, 'quizProgress', props.position, props.total)}
        </span>
        {button('next')}
        {!props.quiz && button('reveal')}
        {button('large-text', { 'aria-pressed': props.largeText })}
        {button('quiz', { 'aria-pressed': props.quiz })}
        {button('reset')}
      </div>
      <div class="presenter-pack">
        <p class="muted">{t(language, 'presenterPack', props.packName)}</p>
        <label class="button button--quiet">
          {t(language, 'presenterLoadPack')}
          <input
            type="file"
            accept=".json,application/json"
            class="visually-hidden"
            data-presenter="load-pack"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) props.onPackFile(file);
              event.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      {props.packErrors.length > 0 && (
        <div class="notice notice--error" role="alert" data-pack-errors>
          <p>{t(language, 'presenterPackError')}</p>
          <ul>
            {props.packErrors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}
      <details class="shortcuts">
        <summary>{t(language, 'presenterShortcuts')}</summary>
        <dl>
          {PRESENTER_COMMANDS.map((command) => (
            <div key={command}>
              <dt>
                {SHORTCUT_KEYS[command].map((key) => (
                  <kbd key={key}>{KEY_NAMES[key] ?? key.toUpperCase()}</kbd>
                ))}
              </dt>
              <dd>{t(language, COMMAND_TEXT[command])}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}

import type { UiLanguage } from '../../lib/core/vocabulary';
import { useCallback, useEffect, useMemo, useReducer, useState } from 'preact/hooks';
import { feedOrder, packList, parsePack, type ScenarioPack } from '../../lib/classroom/pack';
import type { PromptEvent } from '../../lib/classroom/prompt-log';
import { quizCsv, scoreQuiz } from '../../lib/classroom/quiz';
import { INITIAL_SESSION, NO_ANSWER, sessionReducer } from '../../lib/classroom/session';
import { commandFor, type PresenterCommand } from '../../lib/classroom/shortcuts';
import { t } from '../../lib/i18n';
import { Brand } from '../common/Brand';
import { useDocumentLanguage } from '../common/useDocumentLanguage';
import { PresenterBar } from '../classroom/PresenterBar';
import { QuizView } from '../classroom/QuizView';
import { ScoreScreen } from '../classroom/ScoreScreen';
import { downloadText } from '../stats/download';
import { DemoFeed } from './DemoFeed';

export interface DemoAppProps {
  fallbackLanguage: UiLanguage;
  /** The language chosen in Options; the page starts in the fallback until it answers. */
  loadLanguage(): Promise<UiLanguage>;
  guardFailed: boolean;
  /** The bundled scenario pack's file text. */
  loadBundledPack(): Promise<string>;
  /** Hands a pack's list to the background, which matches the demo's posts against it. */
  storeList(list: Record<string, unknown>): Promise<unknown>;
  /** Prompts the guard showed on this page and what the learner chose; returns an unsubscribe. */
  watchPrompts(listener: (event: PromptEvent) => void): () => void;
}

type PackState =
  | { status: 'loading' }
  | { status: 'failed'; errors: string[] }
  | { status: 'ready'; pack: ScenarioPack; storeError: string | null };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The classroom: a simulated feed guarded by Saring, presenter controls, and the accuracy quiz. */
export function DemoApp(props: DemoAppProps) {
  const { loadLanguage, storeList, watchPrompts } = props;
  const [language, setLanguage] = useState(props.fallbackLanguage);
  const [packState, setPackState] = useState<PackState>({ status: 'loading' });
  const [packErrors, setPackErrors] = useState<string[]>([]);
  const [session, dispatch] = useReducer(sessionReducer, INITIAL_SESSION);
  const [quiz, setQuiz] = useState(false);
  const [largeText, setLargeText] = useState(false);
  useDocumentLanguage(language, 'demoTitle');

  useEffect(() => {
    loadLanguage().then(setLanguage, () => undefined);
  }, [loadLanguage]);

  const usePack = useCallback(
    async (pack: ScenarioPack) => {
      // The posts show even when storing fails, with a note that hoaxes may go unrecognised.
      const storeError = await storeList(packList(pack)).then(() => null, errorText);
      setPackState({ status: 'ready', pack, storeError });
      dispatch({ type: 'reset' });
    },
    [storeList],
  );

  useEffect(() => {
    props.loadBundledPack().then(
      (text) => {
        const parsed = parsePack(text);
        if (parsed.ok) void usePack(parsed.pack);
        else setPackState({ status: 'failed', errors: parsed.errors });
      },
      (error) => setPackState({ status: 'failed', errors: [errorText(error)] }),
    );
  }, []);

  useEffect(
    () =>
      watchPrompts(({ postId, reason, outcome }) => {
        if (postId) dispatch({ type: 'prompted', postId, reason, outcome });
      }),
    [watchPrompts],
  );

  const pack = packState.status === 'ready' ? packState.pack : null;
  const posts = useMemo(() => (pack ? feedOrder(pack.posts) : []), [pack]);
  const current = posts[session.step];

  const run = (command: PresenterCommand) => {
    switch (command) {
      case 'next':
      case 'previous':
        return dispatch({ type: 'step', by: command === 'next' ? 1 : -1, postCount: posts.length });
      case 'reveal':
        return current && dispatch({ type: 'reveal', postId: current.id });
      case 'large-text':
        return setLargeText((on) => !on);
      case 'quiz':
        setQuiz((on) => !on);
        return dispatch({ type: 'reset' });
      case 'reset':
        return dispatch({ type: 'reset' });
    }
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : null;
      const command = commandFor({
        key: event.key,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        inControl:
          !!target?.closest('input, textarea, select, [contenteditable], saring-prompt') ||
          document.querySelector('saring-prompt') !== null,
      });
      if (!command) return;
      event.preventDefault();
      run(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // The presenter's step brings its post to the middle of the projector screen.
  useEffect(() => {
    if (!quiz && current) document.getElementById(`post-${current.id}`)?.scrollIntoView?.({ block: 'center' });
  }, [session.step, quiz]);

  const onPackFile = async (file: File) => {
    const parsed = parsePack(await file.text());
    setPackErrors(parsed.ok ? [] : parsed.errors);
    if (parsed.ok) await usePack(parsed.pack);
  };

  const answered = posts.map((post) => ({ post, answer: session.answers[post.id] ?? NO_ANSWER }));

  return (
    <div class={`demo${largeText ? ' demo--large' : ''}`} lang={language}>
      <header class="demo-header">
        <Brand language={language} title={t(language, 'demoTitle')} />
        <p class="demo-counter">
          {t(language, 'demoSharedCount')}:{' '}
          <output data-demo-shared aria-live="polite">
            {session.shared}
          </output>
        </p>
      </header>
      <p class="demo-banner" role="note">
        {t(language, 'demoBanner')}
      </p>
      {props.guardFailed && (
        <p class="notice notice--error" role="alert">
          {t(language, 'demoGuardFailed')}
        </p>
      )}
      {packState.status === 'loading' && <p class="load-state">{t(language, 'demoPreparing')}</p>}
      {packState.status === 'failed' && (
        <div class="notice notice--error" role="alert">
          <p>{t(language, 'presenterPackError')}</p>
          <ul>
            {packState.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}
      {packState.status === 'ready' && packState.storeError !== null && (
        <p class="notice notice--error" role="alert">
          {t(language, 'demoPackStoreFailed', packState.storeError)}
        </p>
      )}
      {pack && (
        <PresenterBar
          language={language}
          position={Math.min(session.step + 1, posts.length)}
          total={posts.length}
          largeText={largeText}
          quiz={quiz}
          packName={pack.name}
          packErrors={packErrors}
          onCommand={run}
          onPackFile={(file) => void onPackFile(file)}
        />
      )}
      {pack && !quiz && (
        <DemoFeed
          language={language}
          pack={pack}
          posts={posts}
          session={session}
          onShare={(postId) => dispatch({ type: 'shared', postId })}
          onReveal={(postId) => dispatch({ type: 'reveal', postId })}
        />
      )}
      {pack && quiz && !session.quizFinished && current && (
        <QuizView
          key={current.id}
          language={language}
          post={current}
          position={session.step + 1}
          total={posts.length}
          answer={session.answers[current.id]}
          onRate={(rating) => dispatch({ type: 'rate', postId: current.id, rating })}
          onShare={() => dispatch({ type: 'shared', postId: current.id })}
          onSkip={() => dispatch({ type: 'skip', postId: current.id })}
          onNext={() =>
            dispatch(
              session.step + 1 >= posts.length
                ? { type: 'finish-quiz' }
                : { type: 'step', by: 1, postCount: posts.length },
            )
          }
        />
      )}
      {pack && quiz && session.quizFinished && (
        <ScoreScreen
          language={language}
          score={scoreQuiz(answered)}
          onExport={() => downloadText('saring-quiz.csv', quizCsv(answered))}
          onRestart={() => dispatch({ type: 'reset' })}
        />
      )}
    </div>
  );
}

import type { PromptReason, UiLanguage } from '../../lib/core/vocabulary';
import type { PackPost, Platform, ScenarioPack } from '../../lib/classroom/pack';
import type { PostAnswer, SessionState } from '../../lib/classroom/session';
import { t, type MessageKey } from '../../lib/i18n';
import { PostCard, RevealPanel } from './PostCard';

const FRAME_TITLE: Record<Platform, MessageKey> = {
  x: 'demoFrameX',
  facebook: 'demoFrameFacebook',
  whatsapp: 'demoFrameWhatsapp',
  petition: 'demoFramePetition',
};

export interface DemoFeedProps {
  language: UiLanguage;
  pack: ScenarioPack;
  /** Posts in feed order (see feedOrder). */
  posts: readonly PackPost[];
  session: SessionState;
  onShare(postId: string): void;
  onReveal(postId: string): void;
}

/** Every post of the pack, in simulated X, Facebook, WhatsApp and petition frames. */
export function DemoFeed({ language, pack, posts, session, onShare, onReveal }: DemoFeedProps) {
  const platforms = [...new Set(posts.map((post) => post.platform))];
  const current = posts[session.step]?.id;
  return (
    <main class="feed">
      {platforms.map((platform) => (
        <section class={`frame frame--${platform}`} key={platform} aria-labelledby={`frame-${platform}`}>
          <h2 class="frame-title" id={`frame-${platform}`}>
            {t(language, FRAME_TITLE[platform])}
          </h2>
          {posts
            .filter((post) => post.platform === platform)
            .map((post) => {
              const revealed = session.revealed.includes(post.id);
              return (
                <PostCard
                  key={post.id}
                  post={post}
                  language={language}
                  current={post.id === current}
                  onShare={() => onShare(post.id)}
                >
                  <button
                    type="button"
                    class="button button--quiet reveal-toggle"
                    aria-expanded={revealed}
                    onClick={() => onReveal(post.id)}
                  >
                    {t(language, 'demoRevealToggle')}
                  </button>
                  {revealed && (
                    <RevealPanel
                      pack={pack}
                      post={post}
                      language={language}
                      happened={happened(language, session.answers[post.id])}
                    />
                  )}
                </PostCard>
              );
            })}
        </section>
      ))}
    </main>
  );
}

const ASKED_BECAUSE: Record<PromptReason, MessageKey> = {
  'hoax-match': 'demoAskedHoax',
  'likely-match': 'demoAskedLikely',
  'unread-link': 'demoAskedLink',
  petition: 'demoAskedPetition',
  always: 'demoAskedAlways',
};

/** What Saring and the learner did with a post, in a sentence or two. */
export function happened(language: UiLanguage, answer: PostAnswer | undefined): string {
  if (!answer || (answer.prompt === null && !answer.shared)) return t(language, 'demoHappenedNothing');
  const parts = [t(language, answer.prompt === null ? 'demoNotAsked' : ASKED_BECAUSE[answer.prompt])];
  if (answer.readFirst) parts.push(t(language, 'demoChoseRead'));
  if (answer.shared) parts.push(t(language, 'demoChoseShare'));
  else if (answer.cancelled) parts.push(t(language, 'demoChoseCancel'));
  return parts.join(' ');
}

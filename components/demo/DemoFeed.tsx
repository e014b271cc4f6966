import type { UiLanguage } from '../../lib/messaging/protocol';
import { t } from '../../lib/i18n';
import { Brand } from '../common/Brand';
import type { DemoPost } from './posts';

export interface DemoFeedProps {
  language: UiLanguage;
  posts: readonly DemoPost[];
  shared: number;
  /** The guard could not be armed: the page says so instead of pretending to be protected. */
  guardFailed: boolean;
  onShare(postId: string): void;
  onReset(): void;
}

/** A simulated social feed for the classroom; the real guard sits in front of its share buttons. */
export function DemoFeed({ language, posts, shared, guardFailed, onShare, onReset }: DemoFeedProps) {
  return (
    <div class="demo" lang={language}>
      <header class="demo-header">
        <Brand language={language} title={t(language, 'demoTitle')} />
        <div class="demo-counter">
          <p>
            {t(language, 'demoSharedCount')}:{' '}
            <output data-demo-shared aria-live="polite">
              {shared}
            </output>
          </p>
          <button type="button" class="button" onClick={onReset}>
            {t(language, 'demoReset')}
          </button>
        </div>
      </header>
      <p class="demo-banner" role="note">
        {t(language, 'demoBanner')}
      </p>
      {guardFailed && (
        <p class="notice notice--error" role="alert">
          {t(language, 'demoGuardFailed')}
        </p>
      )}
      <main class="feed">
        {posts.map((post) => (
          <PostCard key={post.id} post={post} language={language} onShare={() => onShare(post.id)} />
        ))}
      </main>
    </div>
  );
}

function PostCard({ post, language, onShare }: { post: DemoPost; language: UiLanguage; onShare(): void }) {
  const text = 'verbatim' in post.text ? post.text.verbatim : t(language, post.text.key);
  return (
    <article class="card post" data-demo-post={post.id} data-kind={post.kind} aria-label={post.author}>
      <header class="post-header">
        <span class="avatar" aria-hidden="true">
          {initials(post.author)}
        </span>
        <div>
          <p class="post-author">{post.author}</p>
          <p class="muted">{post.handle}</p>
        </div>
      </header>
      {/* The post's own words may be Indonesian whatever the UI language. */}
      <p class="post-text" data-demo-text lang={'verbatim' in post.text ? 'id' : undefined}>
        {text}
      </p>
      {post.link && (
        <a class="link-card" href={post.link.url} target="_blank" rel="noopener noreferrer">
          <span class="link-host">{post.link.host}</span>
          <span class="link-title" data-demo-link-title>
            {t(language, post.link.title)}
          </span>
          <span class="muted link-note">{t(language, 'demoLinkOffline')}</span>
        </a>
      )}
      <footer class="post-actions">
        <button type="button" class="button" data-demo-action="share" onClick={onShare}>
          {t(language, post.kind === 'petition' ? 'demoSign' : 'demoShare')}
        </button>
      </footer>
    </article>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word[0] ?? '')
    .join('')
    .toUpperCase();
}

import type { UiLanguage } from '../../lib/core/vocabulary';
import type { ComponentChildren } from 'preact';
import {
  factChecksOf,
  localized,
  textLanguage,
  type PackPost,
  type Platform,
  type ScenarioPack,
} from '../../lib/classroom/pack';
import { t, type MessageKey } from '../../lib/i18n';

const SHARE_LABEL: Record<Platform, MessageKey> = {
  x: 'demoRepost',
  facebook: 'demoShare',
  whatsapp: 'demoForward',
  petition: 'demoSign',
};

export interface PostCardProps {
  post: PackPost;
  language: UiLanguage;
  current: boolean;
  onShare(): void;
  /** Shown under the post: the quiz's rating, the presenter's reveal. */
  children?: ComponentChildren;
  shareDisabled?: boolean;
}

/** One simulated post, drawn like the app it belongs to; the real guard sits in front of its share button. */
export function PostCard({ post, language, current, onShare, children, shareDisabled }: PostCardProps) {
  const words = localized(post.text, language);
  return (
    <article
      class={`card post post--${post.platform}`}
      data-demo-post={post.id}
      data-kind={post.kind}
      data-platform={post.platform}
      data-current={current ? '' : undefined}
      aria-current={current ? 'step' : undefined}
      aria-label={post.author}
      id={`post-${post.id}`}
    >
      <header class="post-header">
        <span class="avatar" aria-hidden="true">
          {initials(post.author)}
        </span>
        <div>
          <p class="post-author" data-demo-author>
            {post.author}
          </p>
          {post.handle && <p class="muted">{post.handle}</p>}
        </div>
      </header>
      {post.platform === 'whatsapp' && (
        <p class="post-forwarded muted" data-demo-forwarded-many>
          {t(language, 'demoForwarded')}
        </p>
      )}
      <p class="post-text" data-demo-text lang={textLanguage(post, language)}>
        {words}
      </p>
      {post.picture && (
        <img
          class="post-picture"
          data-demo-picture
          src={`/${post.picture.src}`}
          alt={localized(post.picture.alt, language)}
        />
      )}
      {post.link && (
        <a class="link-card" href={post.link.url} target="_blank" rel="noopener noreferrer">
          <span class="link-host">{new URL(post.link.url).hostname}</span>
          <span class="link-title" data-demo-link-title>
            {localized(post.link.title, language)}
          </span>
          <span class="muted link-note">{t(language, 'demoLinkOffline')}</span>
        </a>
      )}
      <footer class="post-actions">
        <button
          type="button"
          class="button post-share"
          data-demo-action="share"
          onClick={onShare}
          disabled={shareDisabled}
        >
          {t(language, SHARE_LABEL[post.platform])}
        </button>
      </footer>
      {children}
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

const KIND_LABEL: Record<PackPost['kind'], [MessageKey, string]> = {
  hoax: ['demoKindHoax', 'danger'],
  scam: ['demoKindScam', 'danger'],
  satire: ['demoKindSatire', 'info'],
  petition: ['demoKindPetition', 'warning'],
  true: ['demoKindTrue', 'ok'],
};

/** "What happened and why": the post's kind, what to notice, its fact-check and what Saring did. */
export function RevealPanel({
  pack,
  post,
  language,
  happened,
}: {
  pack: ScenarioPack;
  post: PackPost;
  language: UiLanguage;
  happened: string;
}) {
  const [kindKey, tone] = KIND_LABEL[post.kind];
  return (
    <section class="reveal" data-reveal={post.id} aria-label={t(language, 'demoRevealHeading')}>
      <p>
        <span class={`badge badge--${tone}`}>{t(language, kindKey)}</span> {happened}
      </p>
      <p>
        <strong>{t(language, 'demoNotice')}</strong> {localized(post.notice, language)}
      </p>
      {factChecksOf(pack, post, language).map((item) => (
        <div class="reveal-factcheck" key={item.id}>
          <p>
            <strong>{t(language, 'demoFactCheck')}</strong>{' '}
            {item.label && <span class="badge badge--danger">{item.label}</span>}{' '}
            <span lang={item.language}>{item.claim}</span>
          </p>
          {item.summary && <p lang={item.language}>{item.summary}</p>}
        </div>
      ))}
    </section>
  );
}

import { MATCH_PICTURES_BATCH } from '../core/post';
import { isElement, matchesAny, queryAllAny } from '../guard/dom';
import { findPost } from '../guard/extract';
import { postImages } from '../guard/post-images';
import type { UiText, UiTextSource } from '../i18n/text';
import { isMatchPostsAnswer } from '../messaging/answers';
import type {
  FactCheckView,
  ImageRef,
  MatchPicturesResponse,
  MatchPostsResponse,
  RequestOf,
} from '../messaging/protocol';
import type { SiteAdapter } from '../sites/types';
import { defaultIdle, type IdleCallback } from './scanner';

/**
 * Labels by picture: a post's pictures are checked once one of them has been at least half on
 * screen for a second (scrolled past, they are not worth a fetch and a hash), in idle time, a
 * batch a message, a few a minute.
 */

const SEEN_MS = 1_000;
const SEEN_SHARE = 0.5;
/** Pictures sent a minute at most: a fast scroll through a feed of pictures is not hashed whole. */
export const PICTURES_PER_MINUTE = 60;

export interface PictureLabelsOptions {
  adapter: SiteAdapter;
  document: Document;
  matchPictures(request: RequestOf<'match-pictures'>): Promise<MatchPicturesResponse>;
  readPictures(request: RequestOf<'read-pictures'>): Promise<MatchPostsResponse>;
  uiText: UiTextSource;
  showLabel(post: Element, factCheck: FactCheckView, text: UiText): void;
  idle?(callback: IdleCallback): void;
}

export interface PictureLabels {
  /** Watches every picture on the page, then those in nodes handed to `notice`. */
  start(): void;
  stop(): void;
  /** Nodes added to the page (the label scanner's); null: look at the whole page. */
  notice(added: Iterable<Node> | null): void;
}

export function createPictureLabels(options: PictureLabelsOptions): PictureLabels {
  const { adapter, document: doc } = options;
  const idle = options.idle ?? defaultIdle;
  const view = doc.defaultView ?? globalThis;
  const selectors = adapter.images?.selectors ?? [];
  let running = false;
  let generation = 0;
  let watched = new WeakSet<Element>();
  let checked = new WeakSet<Element>();
  let seenTimers = new Map<Element, ReturnType<typeof setTimeout>>();
  let ready: Element[] = [];
  let sent: number[] = [];
  let draining = false;

  const visibility =
    typeof view.IntersectionObserver === 'function'
      ? new view.IntersectionObserver(
          (entries) => {
            for (const { target, isIntersecting, intersectionRatio } of entries) {
              clearTimeout(seenTimers.get(target));
              seenTimers.delete(target);
              if (isIntersecting && intersectionRatio >= SEEN_SHARE)
                seenTimers.set(
                  target,
                  setTimeout(() => seen(target), SEEN_MS),
                );
            }
          },
          { threshold: SEEN_SHARE },
        )
      : null;

  function watch(picture: Element): void {
    if (watched.has(picture)) return;
    watched.add(picture);
    visibility?.observe(picture);
  }

  function seen(picture: Element): void {
    seenTimers.delete(picture);
    visibility?.unobserve(picture);
    const post = findPost(adapter, picture);
    if (!running || !post || checked.has(post)) return;
    checked.add(post);
    ready.push(post);
    drainWhenIdle();
  }

  function drainWhenIdle(): void {
    if (draining) return;
    draining = true;
    idle(() => {
      draining = false;
      if (!running) return;
      const now = Date.now();
      sent = sent.filter((at) => at > now - 60_000);
      const batch: { post: Element; images: ImageRef[] }[] = [];
      let pictures = 0;
      while (ready.length > 0) {
        const post = ready[0]!;
        // Read in idle time: a picture the page shows from a blob: is drawn through a canvas here.
        const images = post.isConnected ? postImages(adapter, post).slice(0, MATCH_PICTURES_BATCH) : [];
        const room = Math.min(MATCH_PICTURES_BATCH - pictures, PICTURES_PER_MINUTE - sent.length - pictures);
        if (images.length > room) break;
        ready.shift();
        if (images.length === 0) continue;
        batch.push({ post, images });
        pictures += images.length;
      }
      if (batch.length > 0) {
        for (let i = 0; i < pictures; i++) sent.push(now);
        send(batch);
      }
      // What is left waits for room in the minute, or for the next idle period.
      if (ready.length > 0) setTimeout(drainWhenIdle, batch.length > 0 ? 0 : Math.max(0, sent[0]! + 60_000 - now));
    });
  }

  function send(batch: { post: Element; images: ImageRef[] }[]): void {
    const asked = generation;
    // A malformed answer labels nothing: the share guard still checks every share.
    const show = async (answer: MatchPostsResponse) => {
      if (asked !== generation || !isMatchPostsAnswer(answer, batch.length) || answer.labels.length === 0) return;
      const text = await options.uiText(answer.language);
      if (asked !== generation || !text) return;
      for (const { index, factCheck } of answer.labels) {
        const post = batch[index]?.post;
        if (post?.isConnected) options.showLabel(post, factCheck, text);
      }
    };
    // A batch lost on the way is not sent again: the share guard still checks every share.
    options
      .matchPictures({ site: adapter.id, posts: batch.map(({ images }) => ({ images })) })
      .then(async (answer) => {
        await show(answer);
        if (typeof answer.reading === 'string' && asked === generation)
          return options.readPictures({ site: adapter.id, reading: answer.reading }).then(show);
      })
      .catch(() => undefined);
  }

  function notice(added: Iterable<Node> | null): void {
    if (!running || selectors.length === 0) return;
    if (added === null) {
      for (const picture of queryAllAny(doc, selectors)) watch(picture);
      return;
    }
    for (const node of added) {
      if (!isElement(node) || !node.isConnected) continue;
      for (const picture of queryAllAny(node, selectors)) watch(picture);
      if (matchesAny(node, selectors)) watch(node);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      notice(null);
    },
    stop() {
      running = false;
      generation += 1;
      visibility?.disconnect();
      for (const timer of seenTimers.values()) clearTimeout(timer);
      seenTimers = new Map();
      watched = new WeakSet();
      checked = new WeakSet();
      ready = [];
      sent = [];
    },
    notice,
  };
}

import { MATCH_POSTS_BATCH } from '../core/post';
import type { UiText, UiTextSource } from '../i18n/text';
import { isMatchPostsAnswer } from '../messaging/answers';
import type { FactCheckView, RequestOf } from '../messaging/protocol';
import type { SiteAdapter } from '../sites/types';
import { collectNewPosts, postToMatch, type PostToMatch } from './scan';

/** Quiet time after the last DOM change before scanning: a feed renders in bursts. */
const SCAN_DEBOUNCE_MS = 250;
/** Longest a scan waits on a page that never stops changing (timestamps, animations). */
const MAX_SCAN_DELAY_MS = 1_000;
/** Added nodes remembered between scans, beyond which the next scan looks at the whole document. */
const MAX_ADDED_NODES = 5_000;
/** Idle time left below which extraction waits for the next idle period. */
const MIN_IDLE_MS = 2;
/** Longest wait for an idle period before a batch is extracted anyway. */
const IDLE_TIMEOUT_MS = 1_000;
/**
 * A batch lost on its way (the service worker stopped and closed the port, or was busy starting)
 * is sent again, after a pause that grows, at most this many times: its posts are marked scanned,
 * so without a retry they would stay unlabelled for as long as the page is open.
 */
const MAX_BATCH_RETRIES = 2;
const RETRY_DELAY_MS = 1_000;

export type IdleCallback = (deadline: { timeRemaining(): number; didTimeout?: boolean }) => void;

export interface LabelScannerOptions {
  adapter: SiteAdapter;
  document: Document;
  /** The background's answer, checked here (isMatchPostsAnswer) before any label is drawn. */
  matchPosts(request: RequestOf<'match-posts'>): Promise<unknown>;
  /** The words labels are drawn in, in the answer's language; none, no labels. */
  uiText: UiTextSource;
  showLabel(post: Element, factCheck: FactCheckView, text: UiText): void;
  /** Runs work when the main thread is idle (requestIdleCallback in the browser). */
  idle?(callback: IdleCallback): void;
  debounceMs?: number;
  /** Pause before the first retry of a lost batch (doubling after). */
  retryDelayMs?: number;
  /** Told of each scan's added nodes (null: the whole page), for labels by picture. */
  onScan?(added: readonly Node[] | null): void;
}

export interface LabelScanner {
  start(): void;
  /** Stops scanning; answers still on their way are dropped. */
  stop(): void;
}

export function defaultIdle(callback: IdleCallback): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(() => callback({ timeRemaining: () => 50 }), 0);
}

/**
 * Labels hoax posts as they appear: a debounced MutationObserver notices new content, posts are
 * extracted in idle time, each post once, and matched in the background in batches.
 */
export function createLabelScanner(options: LabelScannerOptions): LabelScanner {
  const { adapter, document: doc } = options;
  const idle = options.idle ?? defaultIdle;
  const debounceMs = options.debounceMs ?? SCAN_DEBOUNCE_MS;
  const retryDelayMs = options.retryDelayMs ?? RETRY_DELAY_MS;
  let scanned = new WeakSet<Element>();
  let queue: Element[] = [];
  /** Posts extracted and not yet sent. */
  let pending: { post: Element; content: PostToMatch }[] = [];
  let running = false;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idleQueued = false;

  // The document's own window: in tests the page lives in a window of its own.
  const view = doc.defaultView ?? globalThis;
  let changedSince: number | null = null;
  /** Nodes added since the last scan; null when the whole document must be scanned. */
  let added: Node[] | null = null;
  const noticeChanges = (records: MutationRecord[]) => {
    if (records.length === 0) return;
    if (added !== null) {
      for (const record of records) for (const node of record.addedNodes) added.push(node);
      // A page adding nodes by the thousand between scans is cheaper to scan whole.
      if (added.length > MAX_ADDED_NODES) added = null;
    }
    const now = Date.now();
    changedSince ??= now;
    clearTimeout(timer);
    timer = setTimeout(scan, Math.max(0, Math.min(debounceMs, changedSince + MAX_SCAN_DELAY_MS - now)));
  };
  const observer = new view.MutationObserver(noticeChanges);

  function scan(): void {
    changedSince = null;
    if (!running) return;
    const roots = added;
    added = [];
    options.onScan?.(roots);
    queue.push(...collectNewPosts(adapter, doc, scanned, roots ?? undefined));
    if (queue.length > 0) drainWhenIdle();
  }

  function drainWhenIdle(): void {
    if (idleQueued) return;
    idleQueued = true;
    idle((deadline) => {
      idleQueued = false;
      if (!running) return;
      // A page that is never idle (a background tab, a busy feed) still gets a batch per timeout.
      let forced = deadline.didTimeout ? MATCH_POSTS_BATCH : 0;
      while (queue.length > 0 && (deadline.timeRemaining() > MIN_IDLE_MS || forced-- > 0)) {
        const post = queue.shift() as Element;
        const content = postToMatch(adapter, post);
        if (content) pending.push({ post, content });
        if (pending.length === MATCH_POSTS_BATCH) sendPending();
      }
      // One message per batch: a batch extracted over several idle periods is sent once, when full
      // or when nothing is left to extract (a message costs the page more than a post does).
      if (queue.length > 0) drainWhenIdle();
      else sendPending();
    });
  }

  function sendPending(): void {
    if (pending.length > 0) send(pending);
    pending = [];
  }

  function send(batch: { post: Element; content: PostToMatch }[], retries = 0): void {
    const sent = generation;
    options
      .matchPosts({ site: adapter.id, baseUrl: doc.baseURI, posts: batch.map((entry) => entry.content) })
      .then(async (answer) => {
        // A malformed answer labels nothing, and is not asked again: the share guard still checks.
        if (sent !== generation || !isMatchPostsAnswer(answer, batch.length) || answer.labels.length === 0) return;
        const text = await options.uiText(answer.language);
        if (sent !== generation || !text) return;
        // Labels are not new content: the page's changes are taken first, then the records of the
        // labels' own insertion are dropped, so labelling never schedules a scan.
        noticeChanges(observer.takeRecords());
        for (const { index, factCheck } of answer.labels) {
          const post = batch[index]?.post;
          if (post?.isConnected) options.showLabel(post, factCheck, text);
        }
        observer.takeRecords();
      })
      .catch(() => {
        // The share guard still checks every share; a batch lost on the way is tried again.
        if (sent !== generation || retries >= MAX_BATCH_RETRIES) return;
        setTimeout(
          () => {
            const onPage = batch.filter((entry) => entry.post.isConnected);
            if (sent === generation && onPage.length > 0) send(onPage, retries + 1);
          },
          retryDelayMs * 2 ** retries,
        );
      });
  }

  return {
    start() {
      if (running) return;
      running = true;
      observer.observe(doc.documentElement, { childList: true, subtree: true });
      added = null;
      scan();
    },
    stop() {
      running = false;
      generation += 1;
      clearTimeout(timer);
      observer.disconnect();
      // Posts are scanned again when labels come back on.
      scanned = new WeakSet();
      queue = [];
      pending = [];
    },
  };
}

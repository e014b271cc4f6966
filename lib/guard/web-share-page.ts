/**
 * The page-world half of guarding the Web Share API. A page's `navigator.share(data)` lives in
 * the page's JavaScript world, which content scripts do not share: this half wraps it there and
 * hands the share data to the guard (lib/guard/web-share.ts) in DOM events, which both worlds
 * see. Nothing else is imported here: it runs in every guarded page, before the page's scripts.
 *
 * Events, their detail a JSON string (strings cross between worlds in every browser):
 * - request, page → guard: { id, title?, text?, url? }
 * - answer, guard → page: { id, state }: `held` at once while the request is being dispatched
 *   (a guard is listening and the person is acting on the page), `asking` when the prompt opens,
 *   then `share` or `cancel`. No answer at all otherwise: the browser's own share runs.
 */

export const WEB_SHARE_REQUEST = 'saring:web-share-request';
export const WEB_SHARE_ANSWER = 'saring:web-share-answer';

export const WEB_SHARE_STATES = ['held', 'asking', 'share', 'cancel'] as const;
export type WebShareState = (typeof WEB_SHARE_STATES)[number];

/**
 * A held share whose guard says nothing more within this goes ahead (fail open): the guard's own
 * check gives up after 300 ms, so only a guard that broke mid-way is waited for this long.
 */
export const WEB_SHARE_TIMEOUT_MS = 1_000;

type ShareFn = (this: Navigator, data?: ShareData) => Promise<void>;

/** A share data field as the page gave it, as a string (absent when not given or unreadable). */
function field(data: unknown, name: 'title' | 'text' | 'url'): string | undefined {
  try {
    const value: unknown =
      typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[name] : undefined;
    // As the Web Share API converts its fields (USVString): a URL object gives its href.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    return value === undefined || value === null ? undefined : String(value);
  } catch {
    return undefined;
  }
}

function stateOf(event: Event, id: string): WebShareState | null {
  try {
    const answer = JSON.parse(String((event as CustomEvent<unknown>).detail)) as { id?: unknown; state?: unknown };
    const state = WEB_SHARE_STATES.find((s) => s === answer.state);
    return answer.id === id && state ? state : null;
  } catch {
    return null;
  }
}

let lastId = 0;

/**
 * Wraps `navigator.share` (where the browser has it) so each share is first asked about: the
 * original runs on `share`, and the promise rejects with an AbortError, as when a person closes
 * the share sheet, on `cancel`. With no guard listening, or a guard gone quiet, the original runs.
 */
export function wrapWebShare(win: Window & typeof globalThis, timeoutMs = WEB_SHARE_TIMEOUT_MS): void {
  const proto = win.Navigator.prototype;
  const descriptor = Object.getOwnPropertyDescriptor(proto, 'share');
  const value: unknown = descriptor?.value;
  if (!descriptor || typeof value !== 'function') return;
  const original = value as ShareFn;

  function share(this: Navigator, ...args: [ShareData?]): Promise<void> {
    const id = `${Date.now()}-${++lastId}`;
    return new Promise<void>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let held = false;
      let done = false;
      const finish = (go: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        win.removeEventListener(WEB_SHARE_ANSWER, onAnswer);
        if (!go) return reject(new win.DOMException('Share canceled.', 'AbortError'));
        try {
          Reflect.apply(original, this, args).then(resolve, reject);
        } catch (error) {
          reject(error);
        }
      };
      const onAnswer = (event: Event) => {
        const state = stateOf(event, id);
        if (state === 'held') held = true;
        else if (state === 'asking') clearTimeout(timer);
        else if (state) finish(state === 'share');
      };
      win.addEventListener(WEB_SHARE_ANSWER, onAnswer);
      const request = { id, title: field(args[0], 'title'), text: field(args[0], 'text'), url: field(args[0], 'url') };
      win.dispatchEvent(new win.CustomEvent(WEB_SHARE_REQUEST, { detail: JSON.stringify(request) }));
      if (!held) return finish(true);
      if (!done) timer = setTimeout(() => finish(true), timeoutMs);
    });
  }
  Object.defineProperty(proto, 'share', { ...descriptor, value: share });
}

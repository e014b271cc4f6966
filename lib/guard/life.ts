/**
 * A content script's life in a page. When the extension is reloaded, updated or removed, Chrome
 * leaves the old script running in pages already open, cut off from the extension: it must stop
 * intercepting shares and watching the page. Its life ends then, and every disarm given to
 * `onEnd` runs, once.
 *
 * The end is noticed where it matters, at the script's next input or message (`alive()` asks the
 * extension runtime), and when WXT's context says it was invalidated. WXT also invalidates the
 * context on a DOM event saying a newer copy of the script started, and any page can send that
 * event: so the context's word is taken only when the extension is really gone.
 */
export interface Life {
  /** False once the extension is gone; the first call to notice ends the life. */
  alive(): boolean;
  /** Runs `disarm` when the life ends (at once if it has). */
  onEnd(disarm: () => void): void;
  /** Aborted when the life ends. */
  readonly signal: AbortSignal;
}

export interface Invalidation {
  onInvalidated(callback: () => void): unknown;
}

export function contentScriptLife(context: Invalidation, extensionThere: () => boolean): Life {
  const ended = new AbortController();
  const disarms: (() => void)[] = [];

  function end(): void {
    ended.abort();
    for (const disarm of disarms.splice(0).reverse()) {
      try {
        disarm();
      } catch {
        // One part failing to stop must not keep the others running.
      }
    }
  }

  function alive(): boolean {
    if (!ended.signal.aborted && !extensionThere()) end();
    return !ended.signal.aborted;
  }

  context.onInvalidated(alive);
  return {
    alive,
    onEnd(disarm) {
      if (ended.signal.aborted) disarm();
      else disarms.push(disarm);
    },
    signal: ended.signal,
  };
}

/**
 * A token bucket: up to `burst` at once, then one more every `everyMs`. Checked before any work
 * is done for a request, so a page repeating one cannot keep the content script busy.
 */
export function rateLimit(burst: number, everyMs: number, now: () => number = Date.now): () => boolean {
  let tokens = burst;
  let last = now();
  return () => {
    const time = now();
    tokens = Math.min(burst, tokens + (time - last) / everyMs);
    last = time;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}

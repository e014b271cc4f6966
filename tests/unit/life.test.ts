import { describe, expect, it } from 'vitest';
import { contentScriptLife } from '../../lib/guard/life';

/** A stand-in for WXT's content-script context: what it says when it is invalidated. */
function fakeContext() {
  const listeners: (() => void)[] = [];
  return {
    onInvalidated: (callback: () => void) => void listeners.push(callback),
    invalidate: () => listeners.forEach((listener) => listener()),
  };
}

describe('contentScriptLife', () => {
  it('ends when the extension is gone, running every disarm once, the last armed first', () => {
    let extension = true;
    const life = contentScriptLife(fakeContext(), () => extension);
    const ran: string[] = [];
    life.onEnd(() => ran.push('guard'));
    life.onEnd(() => {
      throw new Error('a part that fails to stop');
    });
    life.onEnd(() => ran.push('labels'));
    expect(life.alive()).toBe(true);
    expect(ran).toEqual([]);
    extension = false;
    expect(life.alive()).toBe(false);
    expect(life.signal.aborted).toBe(true);
    expect(life.alive()).toBe(false);
    expect(ran).toEqual(['labels', 'guard']);
    life.onEnd(() => ran.push('armed late'));
    expect(ran).toEqual(['labels', 'guard', 'armed late']);
  });

  it('ends on the context’s invalidation when the extension is gone', () => {
    let extension = true;
    const context = fakeContext();
    const life = contentScriptLife(context, () => extension);
    let disarmed = 0;
    life.onEnd(() => disarmed++);
    extension = false;
    context.invalidate();
    expect(disarmed).toBe(1);
    expect(life.signal.aborted).toBe(true);
  });

  it('does not end on an invalidation a page can forge while the extension is there', () => {
    const context = fakeContext();
    const life = contentScriptLife(context, () => true);
    let disarmed = 0;
    life.onEnd(() => disarmed++);
    context.invalidate();
    expect(life.alive()).toBe(true);
    expect(life.signal.aborted).toBe(false);
    expect(disarmed).toBe(0);
  });
});

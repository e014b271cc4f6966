import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  QUIET_READING,
  QuietReader,
  TextReaderUnavailable,
  type PictureReading,
} from '../../lib/background/quiet-reading';

/** A picture's reading in a browser where OCR cannot run at all. */
const unavailable: PictureReading = () => Promise.reject(new TextReaderUnavailable('no OCR here'));

/** Readings that end when the test says, picture `n`'s answering `text n`. */
function controlledReadings() {
  const running: { n: number; finish(): void; fail(error: Error): void }[] = [];
  const picture = (n: number) =>
    vi.fn<PictureReading>(
      () =>
        new Promise((resolve, reject) => {
          running.push({ n, finish: () => resolve(`text ${n}`), fail: reject });
        }),
    );
  return { picture, running };
}

/** Readings that answer at once, counted. */
function instantReadings() {
  const reading = vi.fn<PictureReading>(() => Promise.resolve('words'));
  return { reading, picture: () => (options: { timeoutMs: number }) => reading(options) };
}

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => vi.useRealTimers());

const newReader = () => new QuietReader({ now: Date.now, setTimeout: (run, ms) => setTimeout(run, ms) });

describe('QuietReader', () => {
  it('reads one picture at a time, in order, handing each its timeout', async () => {
    const { picture, running } = controlledReadings();
    const quiet = newReader();
    const one = picture(1);
    const first = quiet.read(one);
    const second = quiet.read(picture(2));
    await vi.advanceTimersByTimeAsync(0);
    expect(running.map((r) => r.n)).toEqual([1]);
    expect(one).toHaveBeenCalledWith({ timeoutMs: QUIET_READING.timeoutMs });
    running[0]!.finish();
    expect(await first).toBe('text 1');
    expect(running.map((r) => r.n)).toEqual([1, 2]);
    running[1]!.finish();
    expect(await second).toBe('text 2');
  });

  it('starts nothing while a share is checked, nor for a second after it', async () => {
    const { picture, running } = controlledReadings();
    const quiet = newReader();
    let endShare!: () => void;
    const share = quiet.during(() => new Promise<string>((resolve) => (endShare = () => resolve('asked'))));
    const text = quiet.read(picture(1));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(running).toHaveLength(0);
    endShare();
    expect(await share).toBe('asked');
    await vi.advanceTimersByTimeAsync(QUIET_READING.afterShareMs - 1);
    expect(running).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(running).toHaveLength(1);
    running[0]!.finish();
    expect(await text).toBe('text 1');
  });

  it('starts at most 20 readings a minute', async () => {
    const { reading: reader, picture } = instantReadings();
    const quiet = new QuietReader(
      { now: Date.now, setTimeout: (run, ms) => setTimeout(run, ms) },
      { ...QUIET_READING, maxQueued: 30 },
    );
    const texts = Array.from({ length: 25 }, () => quiet.read(picture()));
    await vi.advanceTimersByTimeAsync(0);
    expect(reader).toHaveBeenCalledTimes(QUIET_READING.perMinute);
    await vi.advanceTimersByTimeAsync(59_000);
    expect(reader).toHaveBeenCalledTimes(QUIET_READING.perMinute);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(reader).toHaveBeenCalledTimes(25);
    expect(await Promise.all(texts)).toEqual(Array(25).fill('words'));
  });

  it('keeps ten pictures waiting, dropping the oldest', async () => {
    const { picture, running } = controlledReadings();
    const quiet = newReader();
    const reading = quiet.read(picture(0));
    await vi.advanceTimersByTimeAsync(0);
    const waiting = Array.from({ length: 11 }, (_, n) => quiet.read(picture(n + 1)));
    // Picture 1 waited longest: dropped, answered with no text.
    expect(await waiting[0]).toBeNull();
    running[0]!.finish();
    expect(await reading).toBe('text 0');
    for (let n = 2; n <= 11; n++) {
      await vi.advanceTimersByTimeAsync(0);
      running.at(-1)!.finish();
    }
    expect(await Promise.all(waiting.slice(1))).toEqual(Array.from({ length: 10 }, (_, n) => `text ${n + 2}`));
  });

  it('answers null for a reading that fails, and goes on with the next', async () => {
    const { picture, running } = controlledReadings();
    const quiet = newReader();
    const failed = quiet.read(picture(1));
    const next = quiet.read(picture(2));
    await vi.advanceTimersByTimeAsync(0);
    running[0]!.fail(new Error('timed out'));
    expect(await failed).toBeNull();
    running[1]!.finish();
    expect(await next).toBe('text 2');
    expect(quiet.available).toBe(true);
  });

  it('stops queueing for good once the reader is unavailable', async () => {
    const quiet = newReader();
    const { picture, running } = controlledReadings();
    const first = quiet.read(unavailable);
    const second = quiet.read(picture(2));
    expect(await first).toBeNull();
    expect(await second).toBeNull();
    expect(quiet.available).toBe(false);
    expect(await quiet.read(picture(3))).toBeNull();
    // The pictures queued after it were never read.
    expect(running).toHaveLength(0);
  });

  it('passes a failed share check on, and reads after it all the same', async () => {
    const { reading: reader, picture } = instantReadings();
    const quiet = newReader();
    const share = quiet.during(() => Promise.reject(new Error('index broken')));
    const text = quiet.read(picture());
    await expect(share).rejects.toThrow('index broken');
    await vi.advanceTimersByTimeAsync(QUIET_READING.afterShareMs - 1);
    expect(reader).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(await text).toBe('words');
  });
});
